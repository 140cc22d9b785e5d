"""The sound at the start of a step: one of the built-in cues, or a WAV file from a session's folder.

A session file names a cue as text (``cue = "tense"`` or ``cue = "sounds/bell.wav"``); once read it
is a `Cue`: a `BuiltinCue`, or the absolute `Path` of a sound already checked to be inside the
session's folder. Code that plays, shows or writes a cue asks the type, never the spelling.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class BuiltinCue(StrEnum):
    """The cue sounds that ship with the app, by the name a session file uses for them."""

    STEP = "step"
    TENSE = "tense"
    RELEASE = "release"
    BREATH_IN = "breath-in"
    BREATH_OUT = "breath-out"
    HALFWAY = "halfway"
    END = "end"
    END_SOFT = "end-soft"
    NONE = "none"  # no sound at all


Cue = BuiltinCue | Path

# The names a session file may give, in the order the format documents them.
CUE_NAMES: tuple[str, ...] = tuple(cue.value for cue in BuiltinCue)

# The built-in cues that have a sound file (``none`` is silence).
SOUNDED_CUES: tuple[BuiltinCue, ...] = tuple(
    cue for cue in BuiltinCue if cue is not BuiltinCue.NONE
)


def builtin_cue(name: str) -> BuiltinCue | None:
    """The built-in cue a session file names by `name`, or None when it names no built-in cue."""
    try:
        return BuiltinCue(name)
    except ValueError:
        return None


def cue_name(cue: Cue) -> str:
    """The cue as text, for JSON and messages: a built-in cue's name, or the sound's full path."""
    return cue.value if isinstance(cue, BuiltinCue) else str(cue)


def cue_short_name(cue: Cue) -> str:
    """The cue as a short word to show: a built-in cue's name, or the sound file's name without
    its extension (``/home/a/sessions/bell.wav`` -> ``bell``)."""
    return cue.value if isinstance(cue, BuiltinCue) else cue.stem


def is_silent(cue: Cue) -> bool:
    """Whether the cue plays nothing (``none``), so the step's words may start at once."""
    return cue is BuiltinCue.NONE
