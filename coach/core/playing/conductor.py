"""What the person hears: turns the player's events into cues and narration.

People follow a routine with their eyes closed, so every step begins with its cue and its words,
and nothing is ever said over the next step: a new step first cuts off what is still being said.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.core.playing.player import EventKind, PlayerEvent
from coach.core.playing.speech_estimate import speaking_seconds
from coach.core.playing.timeline import Timeline
from coach.core.routines.cues import BuiltinCue, Cue, is_silent


@dataclass(frozen=True)
class PlayCue:
    """Play a built-in cue, or a .wav from the session's folder by path."""

    cue: Cue


@dataclass(frozen=True)
class Speak:
    """Say a text with the synthesised voice."""

    text: str


@dataclass(frozen=True)
class PlayClip:
    """Play a recorded clip instead of synthesised speech."""

    path: Path


@dataclass(frozen=True)
class StopVoice:
    """Cut off whatever is being said or played as narration."""


SoundAction = PlayCue | Speak | PlayClip | StopVoice


class Conductor:
    """Decides, for each player event, what to play and say."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self._step_starts = {placed.offset for placed in timeline.steps}

    def actions(self, event: PlayerEvent) -> list[SoundAction]:
        """The sounds for `event`, in order."""
        match event.kind:
            case EventKind.STEP:
                return [
                    StopVoice(),
                    *self._cue(self.timeline.steps[event.index].step.cue),
                    *self._narrate(event.index),
                ]
            case EventKind.SESSION_HALFWAY:
                # on a step boundary the step's own cue is enough; two sounds at once would jar,
                # and a cue over the words would hide them: then the halfway mark is only shown
                # A routine that ends softly (for bedtime) stays soft: no chime in its middle.
                quiet = self.timeline.end_cue in (BuiltinCue.END_SOFT, BuiltinCue.NONE)
                if quiet or event.due in self._step_starts or self.timeline.speaking_at(event.due):
                    return []
                return [PlayCue(BuiltinCue.HALFWAY)]
            case EventKind.FINISHED:
                return [StopVoice(), *self._cue(self.timeline.end_cue)]
            case EventKind.PAUSED | EventKind.STOPPED:
                return [StopVoice()]
            case EventKind.RESUMED:
                # after a pause, say the step again if it still fits, so nobody has to open their eyes
                placed = self.timeline.steps[event.index]
                left = placed.end - event.due
                step = placed.step
                speech = placed.speech or speaking_seconds(step.spoken)
                if step.audio is None and step.spoken.strip() and speech <= left:
                    return [Speak(step.spoken)]
                return []
            case _:
                return []  # halfway and countdown marks are shown, not sounded

    @staticmethod
    def _cue(cue: Cue) -> list[SoundAction]:
        return [] if is_silent(cue) else [PlayCue(cue)]

    def _narrate(self, index: int) -> list[SoundAction]:
        step = self.timeline.steps[index].step
        if step.audio is not None:
            return [PlayClip(step.audio)]
        return [Speak(step.spoken)] if step.spoken.strip() else []
