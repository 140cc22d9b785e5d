"""What people hear: a narrated routine, played by the terminal player into ALSA's file device.

The same routine is played twice, once with its words and once with them silenced (`say = ""`);
with the real bundled voice, the narrated run carries clearly more sound, its words come after
each step's cue and end before the next one. See tests/services/test_audio_alsa.py for the capture.
"""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from tests.cli.test_main import coach_env
from tests.conftest import REPO, write_session
from tests.services.test_audio_alsa import CAPTURE_RC, needs_alsa

ROUTINE = """\
format = 1
title = "Narrated"

[[steps]]
text = "Make a fist with your right hand."
{say}
kind = "tense"
duration = 2

[[steps]]
text = "And let go."
{say}
kind = "release"
duration = 2
"""


def cue_lengths() -> set[int]:
    """The sample counts of the built-in cues (44.1 kHz): any other capture is narration."""
    lengths = set()
    for path in (REPO / "assets" / "sounds").glob("*.wav"):
        with wave.open(str(path), "rb") as source:
            lengths.add(source.getnframes())
    return lengths


def play(tmp_path: Path, name: str, say: str) -> tuple[list[tuple[float, np.ndarray]], str]:
    """Play the routine into a capture folder: (start in s, samples) per sound, and the output."""
    home, captured = tmp_path / name / "home", tmp_path / name / "captured"
    home.mkdir(parents=True)
    captured.mkdir()
    (home / ".asoundrc").write_text(CAPTURE_RC.replace("CAPDIR", str(captured)), encoding="utf-8")
    path = write_session(tmp_path / name, "narrated.toml", ROUTINE.format(say=say))
    env = {**coach_env(tmp_path), "HOME": str(home), "COACH_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "coach", "play", str(path), "--no-gui"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    files = sorted(
        (p for p in captured.iterdir() if p.stat().st_size > 4000), key=lambda p: int(p.stem)
    )
    first = int(files[0].stem) if files else 0
    return [
        (
            (int(p.stem) - first) / 1e9,
            np.frombuffer(p.read_bytes(), "<i2").astype(np.float64) / 32768,
        )
        for p in files
    ], result.stdout


def energy(captures: list[tuple[float, np.ndarray]]) -> float:
    return float(sum(np.sum(samples**2) for _, samples in captures))


@pytest.mark.slow
def test_a_narrated_routine_carries_clearly_more_sound_than_with_its_words_silenced(
    tmp_path: Path, record_property
) -> None:
    needs_alsa()
    narrated, said = play(tmp_path, "narrated", "")
    silenced, _ = play(tmp_path, "silenced", 'say = ""')

    assert "no sound" not in said
    assert "cannot speak" not in said, said
    cues = cue_lengths()
    words = [(start, s) for start, s in narrated if len(s) not in cues]
    assert len(words) == 2, "both sentences were heard"
    assert all(len(s) / 22_050 > 0.5 for _, s in words), "speech-length, not clicks"
    assert [len(s) for _, s in silenced if len(s) not in cues] == []
    ratio = energy(narrated) / energy(silenced)
    record_property("narrated_to_silenced_energy", round(ratio, 1))
    # piper renders with a little randomness (noise scale): measured 2.9-3.5x here
    assert ratio > 2, ratio
    # no cue starts while words are being said (the voice is 22.05 kHz mono)
    for start, samples in words:
        end = start + len(samples) / 22_050
        overlapping = [s for s, c in narrated if len(c) in cues and start < s < end - 0.05]
        assert overlapping == [], (start, end, overlapping)
