"""A loaded routine: its steps' spoken words, its length, and durations written as people read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.routines.problems import Problem, Severity
from coach.core.routines.routine import (
    ROUTINE_KINDS,
    Routine,
    Step,
    StepKind,
    format_duration,
)


def test_a_step_says_its_text_unless_told_otherwise() -> None:
    assert Step("Make a fist.", 5).spoken == "Make a fist."
    assert Step("Make a fist.", 5, say="Make a tight fist.").spoken == "Make a tight fist."
    assert Step("Rest.", 20, say="").spoken == ""  # silence, on purpose


def test_a_routine_lasts_as_long_as_its_steps_and_warnings_do_not_change_it() -> None:
    steps = (Step("In.", 4, StepKind.BREATHE_IN), Step("Out.", 6.5, StepKind.BREATHE_OUT))
    warned = Problem(Path("x.toml"), "is long", severity=Severity.WARNING)

    plain = Routine("calm", "Calm", steps)
    with_warning = Routine("calm", "Calm", steps, warnings=(warned,))

    assert plain.duration == 10.5
    assert Routine("none", "Empty", ()).duration == 0
    assert plain == with_warning


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "0:00"),
        (59.4, "0:59"),
        (59.6, "1:00"),
        (75, "1:15"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
    ],
)
def test_durations_read_as_a_clock(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown


def test_a_routine_is_of_a_kind_the_format_knows() -> None:
    assert Routine("x", "x", ()).kind in ROUTINE_KINDS
    assert {"pmr", "massage", "breathing"} <= set(ROUTINE_KINDS)
