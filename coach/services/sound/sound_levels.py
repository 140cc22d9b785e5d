"""How loud the chimes and the voice are, and whether all sound is muted: one owner for both.

Settings (Sound and voice) and the player's small controls both change the levels here; each
change reaches the audio service (chimes and recorded voice clips) and the voice (the
narration voice: the built-in and the system voice) at once, is saved in the settings, and is announced with `changed` so the other control follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from coach.services.settings import Settings
    from coach.services.sound.audio import AudioService
    from coach.services.sound.narration import NarrationVoice
    from coach.services.sound.speech import SpeechService

DEFAULT_CUE_VOLUME = 0.8
DEFAULT_VOICE_VOLUME = 0.8


def _level(value: float) -> float:
    return min(1.0, max(0.0, float(value)))


class SoundLevels(QObject):
    """Cue volume, voice volume (0.0-1.0) and mute, applied to the sound services and saved.

    Without `settings` the levels apply but are not remembered; without a service, only the
    others are changed.
    """

    changed = Signal()

    def __init__(
        self,
        audio: AudioService | None,
        speech: SpeechService | NarrationVoice | None,
        settings: Settings | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.audio, self.speech, self.settings = audio, speech, settings
        if settings is not None:
            self._cue, self._voice = settings.cue_volume, settings.voice_volume
            self._muted = settings.muted
        else:
            self._cue, self._voice, self._muted = DEFAULT_CUE_VOLUME, DEFAULT_VOICE_VOLUME, False
        self.problem = ""  # why the last change could not be saved ("" when it was)
        self._apply()

    @property
    def cue_volume(self) -> float:
        """How loud the chimes are."""
        return self._cue

    @cue_volume.setter
    def cue_volume(self, volume: float) -> None:
        self._change("_cue", _level(volume))

    @property
    def voice_volume(self) -> float:
        """How loud the voice is (speech and recorded clips)."""
        return self._voice

    @voice_volume.setter
    def voice_volume(self, volume: float) -> None:
        self._change("_voice", _level(volume))

    @property
    def muted(self) -> bool:
        """Whether all sound is off (the guidance stays on screen)."""
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._change("_muted", bool(muted))

    def toggle_mute(self) -> None:
        """Mute, or unmute (the player's M key)."""
        self.muted = not self._muted

    def _change(self, name: str, value: float | bool) -> None:
        if getattr(self, name) == value:
            return
        setattr(self, name, value)
        self._apply()
        self._save()
        self.changed.emit()

    def _apply(self) -> None:
        if self.audio is not None:
            self.audio.cue_volume = self._cue
            self.audio.voice_volume = self._voice
            self.audio.muted = self._muted
        if self.speech is not None:
            self.speech.volume = self._voice
            self.speech.muted = self._muted

    def _save(self) -> None:
        if self.settings is None:
            return
        self.settings.cue_volume = self._cue
        self.settings.voice_volume = self._voice
        self.settings.muted = self._muted
        self.problem = self.settings.problem
