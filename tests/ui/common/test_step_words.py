"""Step kinds and routine kinds in words."""

from __future__ import annotations

from coach.core.routines.routine import ROUTINE_KINDS, StepKind
from coach.ui.common.step_words import routine_kind_name, step_kind_name


def test_every_step_kind_has_its_word() -> None:
    assert [step_kind_name(kind) for kind in StepKind] == [
        "Listen",
        "Tense",
        "Hold",
        "Release",
        "Rest",
        "Notice",
        "Massage",
        "Breathe in",
        "Breathe out",
    ]


def test_routine_kinds() -> None:
    assert routine_kind_name("pmr") == "Relaxation (PMR)"
    assert routine_kind_name("massage") == "Self-massage"
    assert routine_kind_name("breathing") == "Breathing"
    assert routine_kind_name("stretch") == "Stretching"
    # no kind: a session whose routine has left the library
    assert routine_kind_name(None) == routine_kind_name("") == "Other"
    # a kind this version does not know is shown as itself, capitalised
    assert routine_kind_name("stretching") == "Stretching"
    # every kind a session file may name has words of its own
    assert len({routine_kind_name(kind) for kind in ROUTINE_KINDS}) == len(ROUTINE_KINDS)
