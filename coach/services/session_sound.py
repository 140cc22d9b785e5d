"""Carries out the conductor's decisions on the audio and speech services."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from coach.core.conductor import PlayClip, PlayCue, SoundAction, Speak, StopVoice


class CuePlayer(Protocol):
    """What the session needs from the audio service."""

    def play_cue(self, cue: str) -> None:
        """Play a built-in cue by name or a .wav by path."""
        ...

    def play_clip(self, path: Path) -> Any:
        """Start a recorded clip; returns a handle with stop()."""
        ...


class Voice(Protocol):
    """What the session needs from the speech service."""

    def say(self, text: str) -> None:
        """Speak, cutting off whatever is still being said."""
        ...

    def stop(self) -> None:
        """Stop speaking."""
        ...


class SessionSound(QObject):
    """Plays cues, speaks and plays clips; tells the screen what was played (for visible cues)."""

    cue_played = Signal(str)
    spoken = Signal(str)

    def __init__(
        self, audio: CuePlayer | None, voice: Voice | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.audio = audio
        self.voice = voice
        self._clip: Any = None

    def perform(self, actions: list[SoundAction]) -> None:
        """Carry out `actions` in order."""
        for action in actions:
            match action:
                case StopVoice():
                    self.stop_voice()
                case PlayCue(cue=cue):
                    if self.audio is not None:
                        self.audio.play_cue(cue)
                    self.cue_played.emit(Path(cue).stem if "/" in cue or "\\" in cue else cue)
                case Speak(text=text):
                    if self.voice is not None:
                        self.voice.say(text)
                    self.spoken.emit(text)
                case PlayClip(path=path):
                    if self.audio is not None:
                        self._clip = self.audio.play_clip(path)

    def stop_voice(self) -> None:
        """Cut the narration, spoken or recorded."""
        if self.voice is not None:
            self.voice.stop()
        if self._clip is not None:
            self._clip.stop()
            self._clip = None
