"""The one composition root: every service and repository the app is made of, built once.

`build_services` is used by the app, the tests, the benchmarks and the command line. Nothing is
built until it is first asked for, so the window can appear before the log is opened or a
session file read, and a command that only lists routines never touches Qt's sound or speech.
Tests and benchmarks pass ready-made parts (a log on a tmp_path file, a fake clock) as overrides.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from coach.paths import Paths

if TYPE_CHECKING:  # (datetime too: nothing before the first window needs it)
    import datetime as dt

    from coach.core.body.body_shapes import BodyShapes
    from coach.core.body.regions import RegionCatalogue
    from coach.core.playing.clock import Clock
    from coach.core.routines.library import RoutineLibrary
    from coach.services.day_editor import DayEditor
    from coach.services.routine_catalog import RoutineCatalog
    from coach.services.settings import Settings
    from coach.services.sound.audio import AudioService
    from coach.services.sound.hearing import HearingCheck
    from coach.services.sound.narration import NarrationVoice
    from coach.services.sound.neural_voice import NeuralVoice
    from coach.services.sound.session_sound import SessionSound
    from coach.services.sound.sound_levels import SoundLevels
    from coach.services.sound.speech import SpeechService
    from coach.store.repository import LogRepository

logger = logging.getLogger("unknot")

Today = Callable[[], "dt.date"]


def local_today() -> dt.date:
    """Today's local date."""
    import datetime

    return datetime.date.today()


def build_library(paths: Paths, catalogue: RegionCatalogue) -> RoutineLibrary:
    """The built-in routines, then the person's own (which win on an id clash)."""
    from coach.core.routines.library import RoutineLibrary, RoutineSource

    return RoutineLibrary(
        [
            RoutineSource("built-in", paths.builtin_sessions),
            RoutineSource("yours", paths.user_sessions),
        ],
        catalogue,
    )


def choose_voice(
    settings: Settings | None, speech: SpeechService | None, builtin: NeuralVoice | None
) -> NarrationVoice:
    """The voice handed to the sessions: the engine chosen in Settings, or the next best.

    `builtin` is the bundled neural voice (None where piper or the voice package is missing);
    the system voice is started only when it is chosen or the built-in one cannot speak.
    """
    from PySide6.QtCore import QCoreApplication

    from coach.services.settings import VOICE_ENGINES
    from coach.services.sound.narration import NarrationVoice

    if builtin is not None and speech is not None:  # what a failing system voice gives way to
        speech.fallback = lambda: (
            QCoreApplication.translate("SpeechService", "the built-in voice speaks instead")
            if builtin.available
            else ""  # the default: the guidance is shown on screen
        )
    engine = settings.voice_engine if settings is not None else VOICE_ENGINES[0]
    return NarrationVoice(engine, system=speech, builtin=builtin)


class Services:
    """The app's parts, each made the first time it is used, and closed together.

    `log` must be given (to `build_services`, or with `set_log` once the app opened it, which may
    have asked the person what to do with a damaged file) before anything that needs it is used.
    """

    def __init__(self, paths: Paths, settings: Settings | None) -> None:
        self.paths = paths
        self.settings = settings
        self.today: Today = local_today
        self.clock: Clock | None = None  # None: the player's real monotonic clock
        self.sound_override: SessionSound | None = None
        self.given: set[str] = set()  # parts passed in: their owner closes them

    # -- content ---------------------------------------------------------------------------------

    @cached_property
    def catalogue(self) -> RegionCatalogue:
        """The body's regions (raises FileProblems or OSError if the file cannot be read)."""
        from coach.core.body.regions import load_catalogue

        return load_catalogue(self.paths.region_catalogue)

    @cached_property
    def library(self) -> RoutineLibrary:
        """Where the session files are read from."""
        return build_library(self.paths, self.catalogue)

    @cached_property
    def routines(self) -> RoutineCatalog:
        """The routines as last read, kept current (see `RoutineCatalog.start_watching`)."""
        from coach.services.routine_catalog import RoutineCatalog

        return RoutineCatalog(self.library)

    @cached_property
    def shapes(self) -> BodyShapes | None:
        """The body map's drawing; None (and a note on stderr) if it cannot be read."""
        from coach.core.body.body_shapes import load_body_shapes
        from coach.core.routines.problems import FileProblems

        try:
            return load_body_shapes(self.paths.assets / "body_map.svg", self.catalogue)
        except FileProblems as exc:  # the body map says it is unavailable; the rest works
            sys.stderr.write(f"The body map is not available:\n{exc}\n")
            return None

    # -- the log ---------------------------------------------------------------------------------

    @cached_property
    def log(self) -> LogRepository:
        """The open log (given to `build_services`, or with `set_log`)."""
        raise RuntimeError("the log is given to build_services, or with Services.set_log")

    def set_log(self, log: LogRepository) -> None:
        """The log, now that it is open (closed with the rest)."""
        self.__dict__["log"] = log

    @cached_property
    def day_editor(self) -> DayEditor:
        """The day being edited, shared by Today and the body map."""
        from coach.services.day_editor import DayEditor

        return DayEditor(self.log, today=self.today)

    # -- sound -----------------------------------------------------------------------------------

    @cached_property
    def audio(self) -> AudioService:
        """The chimes (started with `start_sound`, silent until then)."""
        from coach.services.sound.audio import AudioService

        return AudioService()

    @cached_property
    def speech(self) -> SpeechService:
        """The system voice (started with `start_sound`, unavailable until then)."""
        from coach.services.sound.speech import SpeechService

        service = SpeechService()
        if self.settings is not None:
            service.rate = self.settings.speech_rate
            service.set_voice(self.settings.voice)  # applied once the engine has started
        return service

    @cached_property
    def neural(self) -> NeuralVoice:
        """The bundled neural voice (its model loads in a worker when first needed)."""
        from coach.core.playing.narration import NarrationCache
        from coach.services.sound.neural_voice import NeuralVoice

        return NeuralVoice(self.audio, NarrationCache(self.paths.narration_cache))

    @cached_property
    def narration(self) -> NarrationVoice:
        """The voice that narrates: the built-in one, or the system voice as chosen in Settings
        (or when the built-in one cannot speak)."""
        voice = choose_voice(self.settings, self.speech, self.neural)
        if self.settings is not None:
            voice.rate = self.settings.speech_rate
        return voice

    @cached_property
    def sound_levels(self) -> SoundLevels:
        """The cue and voice volumes and mute, applied to the chimes and the narration voice,
        and kept in the settings."""
        from coach.services.sound.sound_levels import SoundLevels

        return SoundLevels(self.audio, self.narration, self.settings)

    @cached_property
    def hearing(self) -> HearingCheck:
        """Whether the cues and the voice will be heard (the screen before a session says)."""
        from coach.services.sound.hearing import HearingCheck

        return HearingCheck(self.audio, self.narration)

    @property
    def sound(self) -> SessionSound:
        """What a session plays its cues and voice through."""
        if self.sound_override is not None:
            return self.sound_override
        from coach.services.sound.session_sound import SessionSound

        self.sound_levels  # noqa: B018 - the stored levels apply before anything is heard
        return SessionSound(self.audio, self.narration, clock=self.clock)

    def start_sound(self) -> None:
        """Open the sound output and the voices (slow: after the window is painted)."""
        from coach.services.sound.audio import backend_order

        backend = self.settings.audio_backend if self.settings is not None else "auto"
        self.sound_levels  # noqa: B018 - the stored levels apply before anything is heard
        self.audio.start(self.paths.assets / "sounds", backend_order(backend))
        logger.info("sound output: %s", self.audio.backend_name)
        self.neural.start()  # only checks that piper and the voice are installed
        narration = self.narration
        if narration.needs_system_voice():
            self.speech.start()  # in its own process: a wedged speech daemon never blocks
        logger.info("voice engine chosen: %s", narration.engine)

    # -- the end ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Close whatever was made here (or handed over with `set_log`), the log last."""
        made = {name: part for name, part in self.__dict__.items() if name not in self.given}
        if "routines" in made:
            made["routines"].stop_watching()
        if "neural" in made:
            made["neural"].close()  # ends the narration worker (after the sentence it renders)
        if "speech" in made:
            made["speech"].close()  # the system voice's helper process: killed if it hangs
        if "audio" in made:
            made["audio"].close()  # waits for simpleaudio's playback threads before Python ends
        if "log" in made:
            made["log"].close()


OVERRIDABLE = frozenset(
    {
        "catalogue",
        "library",
        "routines",
        "shapes",
        "log",
        "day_editor",
        "audio",
        "speech",
        "neural",
        "narration",
        "sound_levels",
        "hearing",
        "today",
        "clock",
    }
)


def build_services(paths: Paths, settings: Settings | None = None, **overrides: Any) -> Services:
    """The app's services on `paths`, each built when first used, except those given.

    Overrides: any of OVERRIDABLE (a log on a test file, a fake clock, a `today` function...),
    and `sound` for what a session plays through.
    """
    services = Services(paths, settings)
    sound = overrides.pop("sound", None)
    unknown = set(overrides) - OVERRIDABLE
    if unknown:
        raise TypeError(f"build_services: unknown override(s) {sorted(unknown)}")
    services.sound_override = sound
    for name, value in overrides.items():
        if name in ("today", "clock"):
            setattr(services, name, value)
        else:
            services.__dict__[name] = value  # takes the place of the cached property
            services.given.add(name)
    return services
