"""The clocks the player runs on: the machine's, and a manual one that moves only when told."""

from __future__ import annotations

import time

from coach.core.playing.clock import Clock, ManualClock, SystemClock


def test_the_manual_clock_moves_only_when_told() -> None:
    clock = ManualClock(start=10.0, wall_start=5000.0)

    assert (clock.monotonic(), clock.wall()) == (10.0, 5000.0)
    clock.advance(2.5)
    clock.sleep(0.5)
    assert (clock.monotonic(), clock.wall()) == (13.0, 5003.0)


def test_advancing_to_a_past_time_leaves_the_clock_where_it_is() -> None:
    clock = ManualClock(start=100.0)

    clock.advance_to(130.0)
    clock.advance_to(120.0)  # the monotonic clock never goes backwards

    assert clock.monotonic() == 130.0
    assert clock.wall() == 1_700_000_030.0


def test_a_suspend_moves_only_the_wall_clock() -> None:
    clock = ManualClock()

    clock.suspend(3600)

    assert clock.monotonic() == 1000.0
    assert clock.wall() == 1_700_003_600.0


def test_the_system_clock_is_the_machines() -> None:
    clock: Clock = SystemClock()

    before, first, wall = time.monotonic(), clock.monotonic(), clock.wall()

    assert before <= first <= clock.monotonic() <= time.monotonic()
    assert abs(wall - time.time()) < 5
