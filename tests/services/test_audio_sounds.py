"""The built-in cue sounds: one per cue name, soft, short, click-free, and what the script makes."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from coach.core.routine import CUES

REPO = Path(__file__).resolve().parents[2]
SOUNDS = REPO / "assets" / "sounds"
NAMES = [cue for cue in CUES if cue != "none"]


def samples(path: Path) -> tuple[np.ndarray, wave._wave_params]:
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        data = np.frombuffer(source.readframes(params.nframes), "<i2").astype(np.float64)
    return data / 32768, params


def dbfs(value: float) -> float:
    return 20 * np.log10(max(value, 1e-12))


@pytest.mark.parametrize("name", NAMES)
def test_each_cue_is_a_soft_short_mono_wav_that_starts_and_ends_in_silence(name: str) -> None:
    audio, params = samples(SOUNDS / f"{name}.wav")

    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44_100)
    assert 0.3 <= params.nframes / params.framerate <= 2.5
    assert dbfs(np.max(np.abs(audio))) < -12, "soft: the peak stays well below full scale"
    edge = round(0.0005 * params.framerate)  # the first and last half millisecond
    assert dbfs(np.max(np.abs(audio[:edge]))) < -40, "fades in from silence"
    assert dbfs(np.max(np.abs(audio[-edge:]))) < -40, "fades out to silence"
    assert np.max(np.abs(np.diff(audio))) < 0.025, "no sudden jump anywhere (a click)"


def test_the_cues_are_told_apart_by_length_loudness_and_pitch() -> None:
    loaded = {name: samples(SOUNDS / f"{name}.wav")[0] for name in NAMES}

    def centroid(audio: np.ndarray) -> float:
        spectrum = np.abs(np.fft.rfft(audio))
        freqs = np.fft.rfftfreq(len(audio), 1 / 44_100)
        return float(np.sum(freqs * spectrum) / np.sum(spectrum))

    def rms(audio: np.ndarray) -> float:
        return float(np.sqrt(np.mean(audio**2)))

    assert max(loaded, key=lambda name: len(loaded[name])) == "end", "the end rings longest"
    assert min(loaded, key=lambda name: rms(loaded[name])) == "end-soft", "bedtime is quietest"
    assert centroid(loaded["release"]) < centroid(loaded["tense"]), "letting go sounds lower"
    assert len({loaded[name].tobytes() for name in NAMES}) == len(NAMES)


def test_the_committed_files_are_exactly_what_the_script_makes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_sounds.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=60,
    )

    for name in NAMES:
        assert (tmp_path / f"{name}.wav").read_bytes() == (SOUNDS / f"{name}.wav").read_bytes()


def test_the_sounds_stay_small_and_their_licence_is_recorded() -> None:
    total = sum((SOUNDS / f"{name}.wav").stat().st_size for name in NAMES)
    readme = (SOUNDS / "README.md").read_text(encoding="utf-8")

    assert total < 700 * 1024
    assert "CC0-1.0" in readme
    assert "scripts/make_sounds.py" in readme
    for name in NAMES:
        assert f"`{name}.wav`" in readme, f"README says what {name}.wav signals"
