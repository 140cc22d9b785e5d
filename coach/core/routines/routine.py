"""What a routine is once loaded: its description and its flat list of steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from coach.core.routines.cues import BuiltinCue, Cue
from coach.core.routines.problems import Problem


class StepKind(Enum):
    """What the person does during a step; the player shows and sounds each differently."""

    INSTRUCTION = "instruction"
    TENSE = "tense"
    HOLD = "hold"
    RELEASE = "release"
    REST = "rest"
    NOTICE = "notice"
    MASSAGE = "massage"
    BREATHE_IN = "breathe-in"
    BREATHE_OUT = "breathe-out"


ROUTINE_KINDS = ("pmr", "massage", "breathing", "body-scan", "recall", "stretch", "mixed", "other")

DEFAULT_CUE = {
    StepKind.TENSE: BuiltinCue.TENSE,
    StepKind.RELEASE: BuiltinCue.RELEASE,
    StepKind.BREATHE_IN: BuiltinCue.BREATH_IN,
    StepKind.BREATHE_OUT: BuiltinCue.BREATH_OUT,
}


@dataclass(frozen=True)
class Step:
    """One timed step of a routine, after repetitions are expanded."""

    text: str
    duration: float
    kind: StepKind = StepKind.INSTRUCTION
    say: str | None = None
    regions: tuple[str, ...] = ()
    cue: Cue = BuiltinCue.STEP
    audio: Path | None = None
    origin: str = ""

    @property
    def spoken(self) -> str:
        """What is spoken aloud: `say` when given (even empty, meaning silence), else the text."""
        return self.text if self.say is None else self.say


@dataclass(frozen=True)
class Routine:
    """A guided routine: what it is for, how to do it safely, and its steps."""

    id: str
    title: str
    steps: tuple[Step, ...]
    kind: str = "other"
    summary: str = ""
    equipment: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    language: str = "en"
    author: str = ""
    licence: str = ""
    end_cue: BuiltinCue = BuiltinCue.END
    path: Path | None = None
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def duration(self) -> float:
        """Total length in seconds."""
        return sum(step.duration for step in self.steps)


def format_duration(seconds: float) -> str:
    """``75`` -> ``"1:15"``; ``3725`` -> ``"1:02:05"``."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
