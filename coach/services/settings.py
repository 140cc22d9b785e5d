"""The person's preferences (sound, voice, reminders), kept in an INI file in the config folder.

A small typed wrapper over QSettings: every value is checked when read, so a hand-edited or damaged
file gives the default for that one value instead of an error.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from coach.paths import Paths

AUDIO_BACKENDS = ("auto", "simpleaudio", "qt", "silent")
VOICE_ENGINES = ("builtin", "system")  # the bundled voice (default) or the system's
THEMES = ("system", "light", "dark")
TEXT_SCALE_RANGE = (0.8, 1.6)
FILE_NAME = "unknot.ini"


class Settings:
    """Sound and voice preferences; each change is written to disk at once."""

    DEFAULTS: dict[str, object] = {
        "sound/cue_volume": 0.8,
        "sound/muted": False,
        "sound/backend": "auto",
        "voice/volume": 0.8,
        "voice/engine": "builtin",
        "voice/name": "",  # "": the engine's default voice
        "voice/rate": -0.2,  # a little slower than the engine's normal pace: calmer
        "appearance/theme": "system",
        "appearance/text_scale": 1.0,  # times the system's font size
        "appearance/reduced_motion": False,
        "reminders/enabled": False,
        "reminders/times": "20:00",  # local times, HH:MM, separated by commas
        "reminders/for": "log",  # what a reminder is for: log, session or both
        "routines/last": "",  # the id of the routine last started ("": none yet)
        "first_run/done": False,
        "window/size": "",  # "WIDTHxHEIGHT" of the main window when last closed ("": not yet)
        "window/maximized": False,
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
        if status is QSettings.Status.AccessError:
            return QCoreApplication.translate("Settings", "cannot write {0}").format(self.path)
        if status is QSettings.Status.FormatError:
            return QCoreApplication.translate(
                "Settings", "{0} is damaged; the defaults are used"
            ).format(self.path)
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
    def voice_engine(self) -> str:
        """Who narrates: "builtin" (the bundled voice) or "system" (the system's text-to-speech)."""
        value = self._text("voice/engine")
        return value if value in VOICE_ENGINES else "builtin"

    @voice_engine.setter
    def voice_engine(self, value: str) -> None:
        if value not in VOICE_ENGINES:
            raise ValueError(f"unknown voice engine {value!r}; choose one of {VOICE_ENGINES}")
        self._save("voice/engine", value)

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

    @property
    def theme(self) -> str:
        """The colour scheme: "system" (follow the desktop), "light" or "dark"."""
        value = self._text("appearance/theme")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}; choose one of {THEMES}")
        self._save("appearance/theme", value)

    @property
    def text_scale(self) -> float:
        """Text size as a multiple of the system's font size, 0.8-1.6."""
        return self._number("appearance/text_scale", *TEXT_SCALE_RANGE)

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        low, high = TEXT_SCALE_RANGE
        self._save("appearance/text_scale", round(min(high, max(low, float(value))), 2))

    @property
    def reduced_motion(self) -> bool:
        """Keep the breathing pacer and countdown still (updated once a second, no animation)."""
        return self._flag("appearance/reduced_motion")

    @reduced_motion.setter
    def reduced_motion(self, value: bool) -> None:
        self._save("appearance/reduced_motion", bool(value))

    # -- reminders, the last routine, the first run --------------------------------------------

    @property
    def reminder_enabled(self) -> bool:
        """Whether the daily reminder is on."""
        return self._flag("reminders/enabled")

    @reminder_enabled.setter
    def reminder_enabled(self, value: bool) -> None:
        self._save("reminders/enabled", bool(value))

    @property
    def reminder_times(self) -> list[str]:
        """The reminder's local times as "HH:MM", in order; unreadable ones are left out."""
        # (imported here: the settings are read before the first window, the reminders later)
        from coach.core.log.reminders import MAX_TIMES, clean_times, format_time, parse_time

        value = self._store.value("reminders/times", self.DEFAULTS["reminders/times"])
        # a hand-edited file may hold a list (20:00, 08:00 unquoted) or one string
        parts = value if isinstance(value, list) else str(value).split(",")
        times = []
        for part in parts:
            try:
                times.append(parse_time(str(part)))
            except ValueError:
                continue
        if not times:
            times = [parse_time(str(self.DEFAULTS["reminders/times"]))]
        return [format_time(t) for t in clean_times(times)[:MAX_TIMES]]

    @reminder_times.setter
    def reminder_times(self, values: list[str]) -> None:
        from coach.core.log.reminders import MAX_TIMES, clean_times, format_time, parse_time

        times = clean_times(parse_time(v) for v in values)  # ValueError names a bad one
        if not times or len(times) > MAX_TIMES:
            raise ValueError(f"give between 1 and {MAX_TIMES} reminder times")
        self._save("reminders/times", ", ".join(format_time(t) for t in times))

    @property
    def reminder_for(self) -> str:
        """What the reminder is for: "log" (the day), "session" or "both"."""
        from coach.core.log.reminders import PURPOSES

        value = self._text("reminders/for")
        return value if value in PURPOSES else "log"

    @reminder_for.setter
    def reminder_for(self, value: str) -> None:
        from coach.core.log.reminders import PURPOSES

        if value not in PURPOSES:
            raise ValueError(f"a reminder is for one of {PURPOSES}, not {value!r}")
        self._save("reminders/for", value)

    @property
    def last_routine(self) -> str:
        """The id of the routine last started ("" for none)."""
        return self._text("routines/last").strip()

    @last_routine.setter
    def last_routine(self, routine_id: str) -> None:
        self._save("routines/last", str(routine_id).strip())

    @property
    def first_run_done(self) -> bool:
        """Whether the welcome (with the safety page) has been shown."""
        return self._flag("first_run/done")

    @first_run_done.setter
    def first_run_done(self, value: bool) -> None:
        self._save("first_run/done", bool(value))

    @property
    def window_size(self) -> tuple[int, int] | None:
        """The main window's size when it was last closed (None: never, or unreadable)."""
        width, _, height = self._text("window/size").strip().partition("x")
        if not (width.isdigit() and height.isdigit()):
            return None
        size = int(width), int(height)
        return size if all(100 <= side <= 20000 for side in size) else None

    @window_size.setter
    def window_size(self, size: tuple[int, int]) -> None:
        self._save("window/size", f"{int(size[0])}x{int(size[1])}")

    @property
    def window_maximized(self) -> bool:
        """Whether the main window was maximised when it was last closed."""
        return self._flag("window/maximized")

    @window_maximized.setter
    def window_maximized(self, value: bool) -> None:
        self._save("window/maximized", bool(value))
