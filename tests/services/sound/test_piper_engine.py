"""The bundled neural voice: its speeds, what it needs installed, rendering through the narration
cache, and (slow) the real model speaking a sentence with headroom."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach.core.playing.narration import NarrationCache, loudest_dbfs, peak_dbfs, read_wav_mono
from coach.services.sound.piper_engine import (
    VOICE_ID,
    PiperEngine,
    missing_parts,
    render_cached,
    speed_for_rate,
)
from tests.services.fake_voice import RATE, SECONDS_PER_WORD, FakeEngine


@pytest.mark.parametrize(
    ("rate", "speed"),
    [(0.0, 1.0), (1.0, 2**0.5), (-1.0, 2**-0.5), (5.0, 2**0.5), (-7.0, 2**-0.5), (0.5, 2**0.25)],
)
def test_a_settings_rate_becomes_a_speed_the_voice_can_take(rate: float, speed: float) -> None:
    assert speed_for_rate(rate) == pytest.approx(speed)


def test_the_voice_and_its_runtime_are_installed() -> None:
    assert missing_parts() == ""


def test_the_engine_loads_nothing_until_it_is_first_used() -> None:
    engine = PiperEngine()

    assert engine.voice_id == VOICE_ID
    assert not engine.loaded


def test_a_sentence_is_rendered_once_then_read_from_the_cache(tmp_path: Path) -> None:
    engine, cache = FakeEngine(), NarrationCache(tmp_path / "narration")

    first = render_cached(engine, cache, "Let your shoulders drop.", 1.0)
    again = render_cached(engine, cache, "Let your shoulders drop.", 1.0)
    slower = render_cached(engine, cache, "Let your shoulders drop.", 0.8)

    assert first == again != slower
    assert engine.rendered == [("Let your shoulders drop.", 1.0), ("Let your shoulders drop.", 0.8)]
    samples, rate = read_wav_mono(first)
    assert rate == RATE
    assert len(samples) / rate == pytest.approx(4 * SECONDS_PER_WORD, abs=0.01)


@pytest.mark.slow
def test_the_real_voice_renders_speech_with_headroom(tmp_path: Path) -> None:
    """The bundled voice, offline: a sentence becomes about its length of speech, peaks at -1 dBFS."""
    if missing_parts():
        pytest.fail(f"the voice is a dependency and must be installed: {missing_parts()}")
    engine = PiperEngine()
    text = "Make a fist with your right hand. Hold it, and notice the tension."

    samples, rate = engine.render(text, 1.0)

    assert engine.loaded
    assert rate == 22_050
    seconds = len(samples) / rate
    assert 2.5 < seconds < 8.0, seconds
    floats = samples.astype(np.float64) / 32768
    assert peak_dbfs(floats) == pytest.approx(-1.0, abs=0.1), "about 1 dB of headroom"
    assert -25 < loudest_dbfs(floats, rate) < -8, "speech, not silence or noise"
    cache = NarrationCache(tmp_path)
    path = cache.store(engine.voice_id, 1.0, text, samples, rate)
    again, _ = read_wav_mono(path)
    assert len(again) == len(samples)
