"""A playing session on a manual clock: its events, its sound, and the log however it ends."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from coach.core.playing.clock import ManualClock
from coach.core.playing.player import EventKind, PlayerState
from coach.core.routines.cues import BuiltinCue, Cue
from coach.core.routines.routine import Routine, Step, StepKind
from coach.services.session_run import PlayOutcome, SessionRun
from coach.services.sound.session_sound import SessionSound

TODAY = dt.date(2026, 11, 21)
ROUTINE = Routine(
    "three",
    "Three steps",
    (
        Step("Settle in.", 4),
        Step("Make a fist.", 7, StepKind.TENSE, cue=BuiltinCue.TENSE),  # its words and 5 s of hold
        Step("Let go.", 5, StepKind.RELEASE, cue=BuiltinCue.RELEASE),
    ),
)


class Recorder:
    """A voice and cue player that notes what it was asked (there is no sound card here)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def play_cue(self, cue: Cue) -> None:
        self.calls.append(("cue", cue))

    def play_clip(self, path: object) -> None:
        self.calls.append(("clip", str(path)))

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def stop(self) -> None:
        self.calls.append(("stop", ""))


class Moment:
    """A wall clock for the log that moves with the manual clock."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.origin = clock.monotonic()

    def __call__(self) -> dt.datetime:
        start = dt.datetime.combine(TODAY, dt.time(9, 0)).astimezone()
        return start + dt.timedelta(seconds=self.clock.monotonic() - self.origin)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def run(qtbot: QtBot, clock: ManualClock, recorder: Recorder, log):
    sound = SessionSound(recorder, recorder)
    session = SessionRun(ROUTINE, sound, clock, log=log, now=Moment(clock), pain_before=5)
    yield session
    session.release()
    sound.stop_voice()


def advance(run: SessionRun, clock: ManualClock, seconds: float) -> None:
    """Let `seconds` pass, half a second at a time, waking the player as its timer would."""
    while seconds > 1e-9:
        step = min(0.5, seconds)
        clock.advance(step)
        seconds -= step
        run.catch_up()


def test_it_plays_every_step_with_its_sound_and_finishes(
    qtbot: QtBot, run: SessionRun, clock: ManualClock, recorder: Recorder, log
) -> None:
    kinds: list[EventKind] = []
    run.player_event.connect(lambda event: kinds.append(event.kind))
    run.start()
    assert run.player.state is PlayerState.PLAYING

    with qtbot.waitSignal(run.ended) as ended:
        advance(run, clock, 16)

    outcome = ended.args[0]
    assert outcome == PlayOutcome(True, None, 3, 16.0, pytest.approx(16.0))
    assert kinds.count(EventKind.STEP) == 3
    assert kinds[-1] is EventKind.FINISHED
    cues = [name for kind, name in recorder.calls if kind == "cue"]
    assert cues[1:] == [BuiltinCue.TENSE, BuiltinCue.HALFWAY, BuiltinCue.RELEASE, BuiltinCue.END]
    [record] = log.sessions(TODAY, TODAY)
    assert (record.completed, record.stopped_at_step, record.pain_before) == (True, None, 5)
    assert record.actual_seconds == pytest.approx(16.0)
    assert record.ended_at - record.started_at == dt.timedelta(seconds=16)
    assert run.saved
    assert run.record == record


def test_the_session_is_in_the_log_from_its_start_and_kept_up_to_date(
    run: SessionRun, clock: ManualClock, log
) -> None:
    """So a session cut short by a crash is still there, as far as it got."""
    run.start()
    [begun] = log.sessions(TODAY, TODAY)
    assert (begun.completed, begun.stopped_at_step, begun.actual_seconds) == (False, 1, 0.0)

    advance(run, clock, 5)

    [going] = log.sessions(TODAY, TODAY)
    assert going.id == begun.id
    assert (going.completed, going.stopped_at_step) == (False, 2)
    assert going.actual_seconds == pytest.approx(4.0), "brought up to date as step 2 began"


def test_stopping_early_is_logged_at_the_step(
    qtbot: QtBot, run: SessionRun, clock: ManualClock, log
) -> None:
    run.start()
    run.next()
    advance(run, clock, 2)

    with qtbot.waitSignal(run.ended) as ended:
        run.stop()

    assert ended.args[0].stopped_at_step == 2
    [record] = log.sessions(TODAY, TODAY)
    assert (record.completed, record.stopped_at_step) == (False, 2)
    assert record.actual_seconds == pytest.approx(2.0)
    assert not run.is_running()


def test_releasing_a_running_session_stops_and_logs_it(
    run: SessionRun, clock: ManualClock, recorder: Recorder, log
) -> None:
    """What happens when the app closes mid-session."""
    run.start()
    advance(run, clock, 7)

    run.release()

    [record] = log.sessions(TODAY, TODAY)
    assert (record.completed, record.stopped_at_step) == (False, 2)
    assert record.actual_seconds == pytest.approx(7.0)
    assert recorder.calls[-1] == ("stop", ""), "the voice is cut"
    assert run.driver is None
    run.release()  # twice is harmless


def test_pause_and_keys_reach_the_player(run: SessionRun, clock: ManualClock) -> None:
    run.start()
    run.toggle()
    assert run.player.state is PlayerState.PAUSED
    advance(run, clock, 30)
    assert run.player.position() == 0.0, "paused time does not count"
    run.toggle()
    run.next()
    run.next()
    assert run.player.current == 2
    run.previous()
    assert run.player.current == 1
    advance(run, clock, 2)
    run.restart_step()
    assert run.player.position() == pytest.approx(4.0)


def test_without_a_log_it_plays_and_says_it_is_not_saved(
    qtbot: QtBot, clock: ManualClock, recorder: Recorder
) -> None:
    session = SessionRun(ROUTINE, SessionSound(recorder, recorder), clock)
    session.start()
    with qtbot.waitSignal(session.ended):
        advance(session, clock, 16)
    assert not session.saved
    session.release()


def test_a_log_that_cannot_be_written_is_reported_not_raised(
    qtbot: QtBot, clock: ManualClock, recorder: Recorder, log
) -> None:
    log.close()  # every write now fails with sqlite3.ProgrammingError
    session = SessionRun(ROUTINE, SessionSound(recorder, recorder), clock, log=log)
    session.start()
    with qtbot.waitSignal(session.ended):
        advance(session, clock, 16)
    assert not session.saved
    assert session.save_problem
    session.release()
