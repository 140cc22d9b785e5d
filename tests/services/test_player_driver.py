"""The Qt driver wakes the core player on a real event loop and leaves no timer behind."""

from __future__ import annotations

from coach.core.playing.clock import SystemClock
from coach.core.playing.player import EventKind, Player, PlayerState
from coach.core.playing.timeline import Timeline
from coach.core.routines.routine import Step
from coach.services.player_driver import QtPlayerDriver


def short_timeline() -> Timeline:
    return Timeline([Step("one", 0.05), Step("two", 0.08), Step("three", 0.04)])


def test_plays_every_step_in_order_then_stops_its_timer(qtbot):
    driver = QtPlayerDriver(Player(short_timeline(), SystemClock()))
    events = []
    driver.player_event.connect(events.append)
    with qtbot.waitSignal(
        driver.player_event, timeout=5000, check_params_cb=lambda e: e.kind is EventKind.FINISHED
    ):
        driver.start()
    assert [e.index for e in events if e.kind is EventKind.STEP] == [0, 1, 2]
    assert driver.player.state is PlayerState.FINISHED
    assert not driver.is_waiting()
    # a real event loop is late by milliseconds, never by the sum of earlier steps
    assert all(e.late < 0.5 for e in events)


def test_pause_stops_the_timer_and_resume_continues(qtbot):
    driver = QtPlayerDriver(Player(short_timeline(), SystemClock()))
    driver.start()
    assert driver.is_waiting()
    driver.pause()
    assert not driver.is_waiting()
    assert driver.player.state is PlayerState.PAUSED
    with qtbot.waitSignal(
        driver.player_event, timeout=5000, check_params_cb=lambda e: e.kind is EventKind.FINISHED
    ):
        driver.resume()
    assert not driver.is_waiting()


def test_stop_and_skip_from_the_driver(qtbot):
    driver = QtPlayerDriver(Player(short_timeline(), SystemClock()))
    states = []
    driver.state_changed.connect(lambda: states.append(driver.player.state))
    driver.start()
    driver.next()
    assert driver.player.current == 1
    driver.previous()
    assert driver.player.current == 0
    driver.restart_step()
    driver.stop()
    assert driver.player.state is PlayerState.STOPPED
    assert not driver.is_waiting()
    assert states[-1] is PlayerState.STOPPED
