"""A session counts as completed only when most of it was played."""

from __future__ import annotations

from coach.core.playing.completion import MOSTLY, counts_as_completed, played_share


def test_a_routine_skipped_through_is_not_completed() -> None:
    assert not counts_as_completed(True, 58, 540)


def test_a_routine_played_through_is_completed() -> None:
    assert counts_as_completed(True, 540, 540)
    assert counts_as_completed(True, 540 * MOSTLY, 540)


def test_stopping_early_is_never_completed() -> None:
    assert not counts_as_completed(False, 539, 540)


def test_played_share_is_between_0_and_1() -> None:
    assert played_share(600, 540) == 1.0
    assert played_share(-1, 540) == 0.0
    assert played_share(10, 0) == 1.0
