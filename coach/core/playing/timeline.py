"""A routine laid out in time: every step with its start offset from the beginning.

A routine is played with its real narration: `Timeline.from_routine` takes a function that says how
long each spoken text lasts (the neural voice's rendered length, or the estimate in
`speech_estimate`) and stretches any step too short for its words:

- the words start `SPEECH_LEAD` after the step's cue (right away when the step has no cue);
- every step lasts at least until `AFTER_WORDS` after its words end, so words never run past a step
  and no cue lands on them;
- a tense step lasts at least until `TENSE_HOLD` (5 s) after its words end, so the tension is held
  after the instruction, not while listening to it.

A step is only ever lengthened, never shortened, and the rule is the same for built-in routines and
the ones people write (docs/session-format.md, "Narration and timing").
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from coach.core.playing.narration import wav_seconds
from coach.core.playing.speech_estimate import speaking_seconds
from coach.core.routines.cues import BuiltinCue, is_silent
from coach.core.routines.routine import Routine, Step, StepKind

# Seconds between a step's cue and its first word (the cue's first strike rings alone).
SPEECH_LEAD = 0.35
# Quiet after a step's words before the next step's cue.
AFTER_WORDS = 0.5
# Tension is held this long after the tense step's words end (PMR holds 5-7 s after the instruction).
TENSE_HOLD = 5.0

NarrationLength = Callable[[str], float]
"""Seconds a spoken text lasts at the voice and rate in use."""


@dataclass(frozen=True)
class TimedStep:
    """A step placed on the timeline, with when its words are heard."""

    index: int
    offset: float
    step: Step
    speech: float = 0.0  # seconds of narration (words or recorded clip)
    written: float | None = None  # the file's duration when the step was stretched, else None

    @property
    def end(self) -> float:
        """Offset at which the step is over."""
        return self.offset + self.step.duration

    @property
    def speech_start(self) -> float:
        """Offset at which the step's words begin."""
        return self.offset + (0.0 if is_silent(self.step.cue) else SPEECH_LEAD)

    @property
    def speech_end(self) -> float:
        """Offset at which the step's words are over (its start when it says nothing)."""
        return self.speech_start + self.speech if self.speech > 0 else self.offset

    @property
    def stretched(self) -> bool:
        """Whether the step was lengthened to fit its narration."""
        return self.written is not None


def narration_seconds(step: Step, narration: NarrationLength) -> float:
    """How long `step`'s narration lasts: its recorded clip, else its spoken words."""
    if step.audio is not None:
        import wave

        try:
            return wav_seconds(step.audio)
        except (OSError, EOFError, wave.Error):
            return 0.0  # another format or unreadable: the player reports it, nothing to time
    return narration(step.spoken) if step.spoken.strip() else 0.0


def needed_seconds(step: Step, speech: float) -> float:
    """The shortest a step may last to carry `speech` seconds of narration by the rule above."""
    if speech <= 0:
        return 0.0
    lead = 0.0 if is_silent(step.cue) else SPEECH_LEAD
    after = TENSE_HOLD if step.kind is StepKind.TENSE else AFTER_WORDS
    return lead + speech + after


class Timeline:
    """The flat, timed sequence of steps a player works through.

    With `narration`, steps too short for their words are stretched (see the module's rule);
    without it the steps keep the durations they were given.
    """

    def __init__(
        self,
        steps: tuple[Step, ...] | list[Step],
        end_cue: BuiltinCue = BuiltinCue.END,
        narration: NarrationLength | None = None,
    ) -> None:
        placed: list[TimedStep] = []
        offset = 0.0
        for index, step in enumerate(steps):
            speech, written = 0.0, None
            if narration is not None:
                speech = narration_seconds(step, narration)
                needed = needed_seconds(step, speech)
                if needed > step.duration:
                    # whole tenths, so the timeline stays readable and offsets stay exact enough
                    written, step = (
                        step.duration,
                        replace(step, duration=math.ceil(needed * 10) / 10),
                    )
            placed.append(TimedStep(index, offset, step, speech, written))
            # the player never adds time up: it compares the clock with these offsets
            offset += step.duration
        self.steps: tuple[TimedStep, ...] = tuple(placed)
        self.total = offset
        self.end_cue = end_cue
        self._starts = [s.offset for s in placed]

    @classmethod
    def from_routine(
        cls, routine: Routine, narration: NarrationLength | None = speaking_seconds
    ) -> Timeline:
        """The timeline of a loaded routine as it will be played: steps fitted to their words.

        `narration` gives each text's real length (the voice in use); by default the estimate.
        """
        return cls(routine.steps, routine.end_cue, narration)

    @property
    def written_total(self) -> float:
        """The routine's length as written in its file, before any step was stretched."""
        return sum(s.written if s.written is not None else s.step.duration for s in self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def index_at(self, position: float) -> int:
        """Index of the step playing at `position` seconds (the last step at or after the end)."""
        if not self.steps:
            raise ValueError("an empty timeline has no steps")
        return max(0, min(len(self.steps) - 1, bisect_right(self._starts, position) - 1))

    def speaking_at(self, position: float) -> bool:
        """Whether narration is heard at `position` (a cue then would land on words)."""
        if not self.steps:
            return False
        placed = self.steps[self.index_at(position)]
        return placed.speech > 0 and placed.speech_start <= position < placed.speech_end
