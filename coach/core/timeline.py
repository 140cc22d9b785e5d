"""A routine laid out in time: every step with its start offset from the beginning."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from coach.core.routine import Routine, Step


@dataclass(frozen=True)
class TimedStep:
    """A step placed on the timeline."""

    index: int
    offset: float
    step: Step

    @property
    def end(self) -> float:
        """Offset at which the step is over."""
        return self.offset + self.step.duration


class Timeline:
    """The flat, timed sequence of steps a player works through."""

    def __init__(self, steps: tuple[Step, ...] | list[Step], end_cue: str = "end") -> None:
        placed: list[TimedStep] = []
        offset = 0.0
        for index, step in enumerate(steps):
            placed.append(TimedStep(index, offset, step))
            # offsets come from a running sum of the file's durations, which are exact decimals;
            # the player never adds time up: it compares the clock with these offsets
            offset += step.duration
        self.steps: tuple[TimedStep, ...] = tuple(placed)
        self.total = offset
        self.end_cue = end_cue
        self._starts = [s.offset for s in placed]

    @classmethod
    def from_routine(cls, routine: Routine) -> Timeline:
        """The timeline of a loaded routine."""
        return cls(routine.steps, routine.end_cue)

    def __len__(self) -> int:
        return len(self.steps)

    def index_at(self, position: float) -> int:
        """Index of the step playing at `position` seconds (the last step at or after the end)."""
        if not self.steps:
            raise ValueError("an empty timeline has no steps")
        return max(0, min(len(self.steps) - 1, bisect_right(self._starts, position) - 1))
