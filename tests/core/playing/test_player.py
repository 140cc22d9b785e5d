"""The player's state machine on a manual clock: exact timing, commands, and a sleeping laptop."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.playing.clock import ManualClock
from coach.core.playing.player import EventKind, PauseReason, Player, PlayerState
from coach.core.playing.timeline import Timeline
from coach.core.routines.routine import Step, StepKind


def make_timeline(durations: list[float]) -> Timeline:
    return Timeline([Step(f"step {i}", d, StepKind.INSTRUCTION) for i, d in enumerate(durations)])


def thirty_minutes() -> Timeline:
    """A 30-minute PMR-like routine: intro, 16 groups x 2 rounds of tense 7 s / release 30 s, close."""
    durations = [60.0] + [7.0, 30.0] * 32 + [120.0] * 4 + [75.5, 0.5]
    assert sum(durations) == 1800
    return make_timeline(durations)


def run_to_end(player: Player, clock: ManualClock, jitter=lambda: 0.0):
    """Wake the player exactly when it asks (plus `jitter`), like a precise timer would."""
    events = player.start()
    while player.state is PlayerState.PLAYING:
        delay = player.seconds_to_next_wake()
        clock.advance(delay + jitter())
        events += player.tick()
    return events


def test_thirty_minute_routine_has_zero_boundary_error():
    clock = ManualClock()
    timeline = thirty_minutes()
    player = Player(timeline, clock)
    origin = clock.monotonic()
    events = run_to_end(player, clock)
    starts = [e for e in events if e.kind is EventKind.STEP]
    assert [e.index for e in starts] == list(range(len(timeline)))
    errors = [e.late for e in starts]
    assert max(errors) == 0.0
    assert [e.due for e in starts] == [t.offset for t in timeline.steps]
    assert events[-1].kind is EventKind.FINISHED
    assert clock.monotonic() - origin == 1800.0
    assert player.state is PlayerState.FINISHED


def test_late_wakeups_never_accumulate_into_drift():
    """Each boundary is late only by its own wake-up's lateness, never by the sum of earlier ones."""
    rng = random.Random(7)
    clock = ManualClock()
    player = Player(thirty_minutes(), clock)
    jitters: list[float] = []

    def jitter() -> float:
        jitters.append(rng.uniform(0.0, 0.02))
        return jitters[-1]

    events = run_to_end(player, clock, jitter)
    lates = [e.late for e in events if e.kind in (EventKind.STEP, EventKind.FINISHED)]
    assert max(lates) <= 0.02 + 1e-9
    # a chained timer would be ~ sum of jitters late by the end; we are one jitter late at most
    assert sum(jitters) > 1.0
    assert lates[-1] < 0.021


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=0.05, max_value=600, allow_nan=False), min_size=1, max_size=60))
def test_any_durations_play_in_order_with_no_drift(durations):
    clock = ManualClock()
    timeline = make_timeline(durations)
    player = Player(timeline, clock)
    events = run_to_end(player, clock)
    starts = [e for e in events if e.kind is EventKind.STEP]
    assert [e.index for e in starts] == list(range(len(durations)))
    assert all(abs(e.late) < 1e-6 for e in events)
    assert player.state is PlayerState.FINISHED


def test_events_within_a_step():
    clock = ManualClock()
    player = Player(make_timeline([30.0]), clock)
    events = run_to_end(player, clock)
    assert [(e.kind, e.due, e.seconds_left) for e in events] == [
        (EventKind.STEP, 0.0, 0),
        (EventKind.SESSION_HALFWAY, 15.0, 0),
        (EventKind.HALFWAY, 15.0, 0),
        (EventKind.COUNTDOWN, 27.0, 3),
        (EventKind.COUNTDOWN, 28.0, 2),
        (EventKind.COUNTDOWN, 29.0, 1),
        (EventKind.FINISHED, 30.0, 0),
    ]


def test_short_steps_have_no_halfway_or_countdown():
    clock = ManualClock()
    player = Player(make_timeline([7.0, 5.0]), clock)
    kinds = [e.kind for e in run_to_end(player, clock)]
    assert kinds == [EventKind.STEP, EventKind.SESSION_HALFWAY, EventKind.STEP, EventKind.FINISHED]


def test_pause_holds_position_and_resume_keeps_the_schedule():
    clock = ManualClock()
    player = Player(make_timeline([10.0, 10.0]), clock)
    player.start()
    clock.advance(4)
    assert [e.kind for e in player.pause()] == [EventKind.PAUSED]
    clock.advance(300)  # a long pause
    assert player.position() == 4
    assert player.tick() == []
    assert [e.kind for e in player.resume()] == [EventKind.RESUMED]
    clock.advance(6)
    [step] = [e for e in player.tick() if e.kind is EventKind.STEP]
    assert step.index == 1
    assert step.late == 0.0
    assert player.played_seconds() == 10


def test_next_previous_restart():
    clock = ManualClock()
    player = Player(make_timeline([10.0, 20.0, 30.0]), clock)
    player.start()
    clock.advance(3)
    assert [(e.kind, e.index) for e in player.next()] == [(EventKind.STEP, 1)]
    assert player.position() == 10
    clock.advance(5)
    assert player.step_remaining() == 15
    assert [(e.kind, e.index) for e in player.restart_step()] == [(EventKind.STEP, 1)]
    assert player.position() == 10
    assert [(e.kind, e.index) for e in player.previous()] == [(EventKind.STEP, 0)]
    assert player.previous()[0].index == 0  # first step: stays on it
    player.next()
    player.next()
    assert player.current == 2
    assert player.remaining() == 30
    assert [e.kind for e in player.next()] == [EventKind.FINISHED]
    assert player.state is PlayerState.FINISHED


def test_skipping_while_paused_announces_the_step_on_resume():
    clock = ManualClock()
    player = Player(make_timeline([10.0, 10.0, 10.0]), clock)
    player.start()
    player.pause()
    assert player.next() == []
    assert player.current == 1
    assert player.position() == 10
    events = player.resume()
    assert [(e.kind, e.index) for e in events] == [(EventKind.RESUMED, 1), (EventKind.STEP, 1)]


def test_stop_reports_the_step():
    clock = ManualClock()
    player = Player(make_timeline([10.0, 10.0, 10.0]), clock)
    player.start()
    clock.advance(12)
    player.tick()
    [stopped] = player.stop()
    assert (stopped.kind, stopped.index, stopped.due) == (EventKind.STOPPED, 1, 12)
    assert player.state is PlayerState.STOPPED
    assert player.next() == []
    assert player.resume() == []
    assert player.tick() == []


def test_machine_sleep_pauses_where_the_person_last_heard():
    """Linux: monotonic time stands still in suspend while the wall clock jumps."""
    clock = ManualClock()
    player = Player(make_timeline([60.0, 60.0]), clock)
    player.start()
    for _ in range(20):
        clock.advance(1)
        player.tick()
    clock.suspend(3600)
    [paused] = player.tick()
    assert paused.kind is EventKind.PAUSED
    assert paused.pause_reason is PauseReason.SLEEP
    assert player.position() == 20
    player.resume()
    events = []
    for _ in range(40):
        clock.advance(1)
        events += player.tick()
    assert [e.index for e in events if e.kind is EventKind.STEP] == [1]


def test_monotonic_jump_also_counts_as_sleep():
    """Platforms whose monotonic clock runs through suspend: a big gap between wake-ups."""
    clock = ManualClock()
    player = Player(make_timeline([60.0, 60.0]), clock)
    player.start()
    clock.advance(10)
    player.tick()
    clock.advance(500)
    [paused] = player.tick()
    assert paused.pause_reason is PauseReason.SLEEP
    assert player.position() == 10
    assert player.played_seconds() == pytest.approx(10)


def test_listeners_hear_every_event():
    clock = ManualClock()
    player = Player(make_timeline([5.0]), clock)
    heard = []
    player.subscribe(heard.append)
    returned = run_to_end(player, clock)
    assert heard == returned


def test_commands_in_the_wrong_state_do_nothing():
    clock = ManualClock()
    player = Player(make_timeline([5.0]), clock)
    assert player.pause() == []
    assert player.next() == []
    assert player.stop() == []
    assert player.seconds_to_next_wake() is None
    assert [e.kind for e in player.toggle()] == [EventKind.STEP]
    assert player.start() == []
    assert [e.kind for e in player.toggle()] == [EventKind.PAUSED]
    assert [e.kind for e in player.toggle()] == [EventKind.RESUMED]


def test_empty_timeline_is_refused():
    with pytest.raises(ValueError, match="at least one step"):
        Player(make_timeline([]), ManualClock())
