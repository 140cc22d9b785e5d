"""The person's preferences (sound, voice), kept in an INI file in the config folder.

A small typed wrapper over QSettings: every value is checked when read, so a hand-edited or damaged
file gives the default for that one value instead of an error.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from coach.paths import Paths

AUDIO_BACKENDS = ("auto", "simpleaudio", "qt", "silent")
FILE_NAME = "unknot.ini"


class Settings:
    """Sound and voice preferences; each change is written to disk at once."""

    DEFAULTS: dict[str, object] = {
        "sound/cue_volume": 0.8,
        "sound/muted": False,
        "sound/backend": "auto",
        "voice/volume": 0.8,
        "voice/name": "",  # "": the engine's default voice
        "voice/rate": -0.2,  # a little slower than the engine's normal pace: calmer
    }

    def __init__(self, config_dir: Path) -> None:
        config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = config_dir / FILE_NAME
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    @classmethod
    def for_paths(cls, paths: Paths) -> Settings:
        """The settings in the app's config folder (COACH_CONFIG_DIR when set)."""
        return cls(paths.config_dir)

    @property
    def problem(self) -> str:
        """Why the settings could not be saved ("" when they were)."""
        status = self._store.status()
        tr = QCoreApplication.translate
        if status is QSettings.Status.AccessError:
            return tr("Settings", "cannot write {0}").format(self.path)
        if status is QSettings.Status.FormatError:
            return tr("Settings", "{0} is damaged; the defaults are used").format(self.path)
        return ""

    def _number(self, key: str, low: float, high: float) -> float:
        default = self.DEFAULTS[key]
        assert isinstance(default, float)
        try:
            value = float(self._store.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
        return value if math.isfinite(value) and low <= value <= high else default

    def _flag(self, key: str) -> bool:
        value = self._store.value(key, self.DEFAULTS[key])
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off"):
            return False
        return bool(self.DEFAULTS[key])

    def _text(self, key: str) -> str:
        value = self._store.value(key, self.DEFAULTS[key])
        return value if isinstance(value, str) else str(self.DEFAULTS[key])

    def _save(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()

    @property
    def cue_volume(self) -> float:
        """Cue loudness, 0-1."""
        return self._number("sound/cue_volume", 0.0, 1.0)

    @cue_volume.setter
    def cue_volume(self, value: float) -> None:
        self._save("sound/cue_volume", min(1.0, max(0.0, float(value))))

    @property
    def voice_volume(self) -> float:
        """Voice (and recorded clip) loudness, 0-1."""
        return self._number("voice/volume", 0.0, 1.0)

    @voice_volume.setter
    def voice_volume(self, value: float) -> None:
        self._save("voice/volume", min(1.0, max(0.0, float(value))))

    @property
    def muted(self) -> bool:
        """All sound off: cues and guidance are shown on screen only."""
        return self._flag("sound/muted")

    @muted.setter
    def muted(self, value: bool) -> None:
        self._save("sound/muted", bool(value))

    @property
    def voice(self) -> str:
        """The chosen voice's name ("" for the engine's default)."""
        return self._text("voice/name")

    @voice.setter
    def voice(self, name: str) -> None:
        self._save("voice/name", str(name))

    @property
    def speech_rate(self) -> float:
        """Speaking speed, -1 (slowest) to 1 (fastest)."""
        return self._number("voice/rate", -1.0, 1.0)

    @speech_rate.setter
    def speech_rate(self, value: float) -> None:
        self._save("voice/rate", min(1.0, max(-1.0, float(value))))

    @property
    def audio_backend(self) -> str:
        """The preferred sound output: auto, simpleaudio, qt or silent."""
        value = self._text("sound/backend")
        return value if value in AUDIO_BACKENDS else "auto"

    @audio_backend.setter
    def audio_backend(self, value: str) -> None:
        if value not in AUDIO_BACKENDS:
            raise ValueError(f"unknown sound output {value!r}; choose one of {AUDIO_BACKENDS}")
        self._save("sound/backend", value)
