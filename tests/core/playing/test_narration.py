"""Narration files: the cache key, reading and writing WAVs, loudness, trimming to headroom."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest

from coach.core.playing.narration import (
    NarrationCache,
    active_seconds,
    fit_voice,
    loudest_dbfs,
    narration_file_name,
    peak_dbfs,
    read_wav_mono,
    wav_seconds,
    write_wav,
)
from coach.paths import Paths

RATE = 22_050


def tone(seconds: float, amplitude: float, rate: int = RATE) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return amplitude * np.sin(2 * np.pi * 440 * t)


def test_the_cache_key_is_the_voice_the_speed_and_the_words() -> None:
    name = narration_file_name("piper/joe", 1.0, "Let go.")

    assert name.endswith(".wav")
    assert name == narration_file_name("piper/joe", 1.0, "Let   go.")  # spacing is not sound
    assert name != narration_file_name("piper/other", 1.0, "Let go.")
    assert name != narration_file_name("piper/joe", 0.9, "Let go.")
    assert name != narration_file_name("piper/joe", 1.0, "Let go!")


def test_the_cache_folder_is_the_platform_cache_and_redirectable(tmp_path: Path) -> None:
    paths = Paths.resolve(env={"COACH_CACHE_DIR": str(tmp_path / "c")})
    assert paths.narration_cache == tmp_path / "c" / "narration"
    default = Paths.resolve(env={})
    assert default.cache_dir.name == "unknot"
    assert os.environ["COACH_CACHE_DIR"] in str(Paths.resolve().cache_dir), "tests never share one"


def test_store_then_find_and_a_damaged_file_is_a_miss(tmp_path: Path) -> None:
    cache = NarrationCache(tmp_path / "narration")
    samples = np.round(tone(1.5, 0.5) * 32767).astype(np.int16)

    assert cache.find("v", 1.0, "Hello.") is None
    path = cache.store("v", 1.0, "Hello.", samples, RATE)

    assert cache.find("v", 1.0, "Hello.") == path
    assert wav_seconds(path) == pytest.approx(1.5)
    assert not list(path.parent.glob(".*part")), "written atomically"
    path.write_bytes(b"RIFF....")  # cut short by a crash
    assert cache.find("v", 1.0, "Hello.") is None


def test_prune_drops_the_least_recently_used_beyond_the_limit(tmp_path: Path) -> None:
    cache = NarrationCache(tmp_path, limit_bytes=100_000)
    samples = np.zeros(RATE, np.int16)  # 44 kB each
    paths = [cache.store("v", 1.0, f"text {i}", samples, RATE) for i in range(4)]
    now = time.time()
    for age, path in enumerate(reversed(paths)):
        os.utime(path, (now - age * 60, now - age * 60))

    assert cache.prune() == 2
    assert [p.exists() for p in paths] == [False, False, True, True]


def test_loudness_is_the_loudest_400_ms_not_the_highest_sample() -> None:
    steady = tone(2.0, 0.5)
    click = np.zeros(RATE * 2)
    click[RATE] = 0.9

    assert loudest_dbfs(steady, RATE) == pytest.approx(20 * np.log10(0.5 / np.sqrt(2)), abs=0.1)
    assert peak_dbfs(click) > peak_dbfs(steady)
    assert loudest_dbfs(click, RATE) < loudest_dbfs(steady, RATE) - 30
    assert active_seconds(steady, RATE) == pytest.approx(2.0, abs=0.06)
    assert active_seconds(click, RATE) <= 0.05


def test_fit_voice_trims_silence_and_leaves_1_db_of_headroom(tmp_path: Path) -> None:
    speech = np.concatenate([np.zeros(RATE), tone(1.0, 0.3), np.zeros(RATE)])

    fitted = fit_voice(speech, RATE)

    assert len(fitted) / RATE == pytest.approx(1.17, abs=0.02)  # 20 ms before, 150 ms after
    floats = fitted.astype(np.float64) / 32768
    assert peak_dbfs(floats) == pytest.approx(-1.0, abs=0.05)
    path = tmp_path / "x.wav"
    write_wav(path, fitted, RATE)
    back, rate = read_wav_mono(path)
    assert rate == RATE
    assert np.allclose(back, floats)
    assert len(fit_voice(np.zeros(100), RATE)) == 0
