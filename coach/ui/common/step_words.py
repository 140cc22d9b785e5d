"""How steps and routines are named to the person: a step's kind ("Tense", "Breathe in") and a
routine's kind ("Relaxation (PMR)").

The core names kinds by id (`StepKind`, the `kind` of a session file); the words live here, as
literal strings lupdate can extract. Plain Qt Core, so the command line words steps the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coach.core.routines.routine import StepKind


def step_kind_name(kind: StepKind) -> str:
    """What the person does during a step, in a word or two: `StepKind.TENSE` -> "Tense"."""
    names = {
        StepKind.INSTRUCTION: QCoreApplication.translate("StepKind", "Listen"),
        StepKind.TENSE: QCoreApplication.translate("StepKind", "Tense"),
        StepKind.HOLD: QCoreApplication.translate("StepKind", "Hold"),
        StepKind.RELEASE: QCoreApplication.translate("StepKind", "Release"),
        StepKind.REST: QCoreApplication.translate("StepKind", "Rest"),
        StepKind.NOTICE: QCoreApplication.translate("StepKind", "Notice"),
        StepKind.MASSAGE: QCoreApplication.translate("StepKind", "Massage"),
        StepKind.BREATHE_IN: QCoreApplication.translate("StepKind", "Breathe in"),
        StepKind.BREATHE_OUT: QCoreApplication.translate("StepKind", "Breathe out"),
    }
    return names[kind]


def routine_kind_name(kind: str | None) -> str:
    """A routine kind in words: "pmr" -> "Relaxation (PMR)"; no kind (a session whose routine
    has left the library) -> "Other"; a kind this version does not know -> itself, capitalised."""
    names = {
        "pmr": QCoreApplication.translate("RoutineKind", "Relaxation (PMR)"),
        "massage": QCoreApplication.translate("RoutineKind", "Self-massage"),
        "breathing": QCoreApplication.translate("RoutineKind", "Breathing"),
        "body-scan": QCoreApplication.translate("RoutineKind", "Body scan"),
        "recall": QCoreApplication.translate("RoutineKind", "Relaxation by recall"),
        "stretch": QCoreApplication.translate("RoutineKind", "Stretching"),
        "mixed": QCoreApplication.translate("RoutineKind", "Mixed"),
        "other": QCoreApplication.translate("RoutineKind", "Other"),
    }
    if not kind:
        return names["other"]
    return names.get(kind, kind[:1].upper() + kind[1:])
