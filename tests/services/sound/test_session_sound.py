"""Cues first, words just after; a new step cuts both the voice and words still waiting."""

from __future__ import annotations

from pathlib import Path

from coach.core.playing.clock import ManualClock
from coach.core.playing.conductor import PlayClip, PlayCue, Speak, StopVoice
from coach.core.playing.timeline import SPEECH_LEAD
from coach.core.routines.cues import BuiltinCue, Cue
from coach.services.sound.session_sound import SessionSound


class Noted:
    """Notes what it is asked to play or say (no sound card or speech daemon in CI)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def play_cue(self, cue: Cue) -> None:
        self.calls.append(f"cue {cue}")

    def play_clip(self, path: Path):
        self.calls.append(f"clip {path.name}")
        return self

    def say(self, text: str) -> None:
        self.calls.append(f"say {text}")

    def stop(self) -> None:
        self.calls.append("stop")


def test_words_wait_for_the_cue_then_follow(qtbot):
    noted = Noted()
    sound = SessionSound(noted, noted)
    with qtbot.waitSignal(sound.spoken, timeout=2000):
        sound.perform([StopVoice(), PlayCue(BuiltinCue.TENSE), Speak("Make a fist.")])
        assert noted.calls == ["stop", "cue tense"]  # not yet
    assert noted.calls == ["stop", "cue tense", "say Make a fist."]


def test_without_a_cue_words_come_at_once():
    noted = Noted()
    SessionSound(noted, noted).perform([Speak("Welcome.")])
    assert noted.calls == ["say Welcome."]


def test_a_new_step_cancels_words_still_waiting(qtbot):
    noted, clock = Noted(), ManualClock()
    sound = SessionSound(noted, noted, clock=clock)
    sound.perform([PlayCue(BuiltinCue.STEP), PlayClip(Path("/clips/a.wav"))])
    clock.advance(0.2)
    sound.perform([StopVoice(), PlayCue(BuiltinCue.RELEASE), Speak("Let go.")])
    clock.advance(SPEECH_LEAD)
    with qtbot.waitSignal(sound.spoken, timeout=0):
        sound.catch_up()
    assert "clip a.wav" not in noted.calls
    assert noted.calls[-1] == "say Let go."
    assert not sound._after_cue.isActive()


def test_the_words_are_due_on_the_session_s_clock(qtbot):
    noted, clock = Noted(), ManualClock()
    sound = SessionSound(noted, noted, clock=clock)
    sound.perform([PlayCue(BuiltinCue.TENSE), Speak("Make a fist.")])

    clock.advance(SPEECH_LEAD - 0.05)
    sound.catch_up()  # woken early (or a test's clock has not got there): nothing yet
    assert noted.calls == ["cue tense"]

    clock.advance(0.05)
    sound.catch_up()
    assert noted.calls == ["cue tense", "say Make a fist."]
    sound.catch_up()
    assert noted.calls == ["cue tense", "say Make a fist."], "said once"


def test_a_timer_wake_up_before_the_clock_gets_there_waits_again(qtbot):
    noted, clock = Noted(), ManualClock()
    sound = SessionSound(noted, noted, clock=clock)
    sound.perform([PlayCue(BuiltinCue.TENSE), Speak("Make a fist.")])
    with qtbot.waitSignal(sound._after_cue.timeout, timeout=2000):
        pass  # the manual clock did not move: the timer wakes it up for nothing

    assert noted.calls == ["cue tense"]
    assert sound._after_cue.isActive(), "and it waits for the words' time again"
    sound.stop_voice()
    assert not sound._after_cue.isActive()


def test_silent_session_still_reports_cues_for_the_screen(qtbot):
    sound = SessionSound(None, None)
    with qtbot.waitSignal(sound.cue_played) as blocker:
        sound.perform([PlayCue(Path("/routines/mine/bell.wav"))])
    assert blocker.args == [Path("/routines/mine/bell.wav")], "the screen gets the Cue itself"
