"""The built-in cue sounds: one per cue name, soft, short, click-free, and what the script makes."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from coach.core.routines.cues import SOUNDED_CUES

REPO = Path(__file__).resolve().parents[2]
SOUNDS = REPO / "assets" / "sounds"
NAMES = [cue.value for cue in SOUNDED_CUES]


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
    assert dbfs(np.max(np.abs(audio))) < -9, "soft: the peak stays well below full scale"
    edge = round(0.0005 * params.framerate)  # the first and last half millisecond
    assert dbfs(np.max(np.abs(audio[:edge]))) < -40, "fades in from silence"
    assert dbfs(np.max(np.abs(audio[-edge:]))) < -40, "fades out to silence"
    peak = np.max(np.abs(audio))
    # a tone's steepest slope is fixed by its pitch; a click is a jump far steeper than that
    assert np.max(np.abs(np.diff(audio))) < 0.2 * peak, "no sudden jump anywhere (a click)"


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


@pytest.mark.slow
def test_cues_match_in_loudness_and_sit_3_to_12_db_under_the_voice() -> None:
    """Balanced by loudness (the loudest 400 ms), against real sentences from the bundled voice."""
    from coach.core.playing.narration import loudest_dbfs, peak_dbfs
    from coach.services.sound.piper_engine import PiperEngine

    engine = PiperEngine()
    voice = []
    for text in (
        "Welcome. Settle into a comfortable position, sitting or lying down.",
        "Make a fist with your right hand. Hold it, and notice the tension.",
        "And let go. Let your hand go loose and soft.",
    ):
        rendered, rate = engine.render(text, 1.0)
        floats = rendered.astype(np.float64) / 32768
        assert peak_dbfs(floats) <= -0.9, "the voice keeps about 1 dB of headroom"
        voice.append(loudest_dbfs(floats, rate))
    loud = {name: loudest_dbfs(samples(SOUNDS / f"{name}.wav")[0], 44_100) for name in NAMES}
    normal = {name: level for name, level in loud.items() if not name.endswith("soft")}

    assert max(normal.values()) - min(normal.values()) < 0.5, normal
    for name, level in normal.items():
        for voice_level in voice:
            assert 3 <= voice_level - level <= 12, (name, level, voice_level)
    assert loud["end-soft"] < min(normal.values())
