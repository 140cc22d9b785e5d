"""Which voice narrates a session: the engine chosen in Settings, or the next best that works.

The built-in voice (bundled, offline) is the default; the system voice (QtTextToSpeech, see
`coach.services.sound.speech`) is an option. `NarrationVoice` is the one `Voice` handed to
`SessionSound`: it passes each sentence to the engine in use and says, in plain words, what the
person will hear. Until the built-in voice is installed, "Built-in voice" falls back to the system
voice, and without either the guidance is shown on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from coach.core.playing.speech_estimate import speaking_seconds
from coach.services.settings import VOICE_ENGINES
from coach.services.sound.session_sound import Voice
from coach.services.sound.speech import SpeechService

BUILTIN, SYSTEM = VOICE_ENGINES


def engine_names() -> dict[str, str]:
    """The engines as the person sees them in Settings."""
    return {
        BUILTIN: QCoreApplication.translate("NarrationVoice", "Built-in voice"),
        SYSTEM: QCoreApplication.translate("NarrationVoice", "System voice"),
    }


def _answers(voice: Any) -> bool:
    return voice is not None and bool(getattr(voice, "available", True))


class NarrationVoice(QObject):
    """Speaks with the chosen engine when it answers, else with the other one, else not at all.

    `builtin` is the bundled voice (None until it is installed); `system` the system voice's
    service (started only when it may be used). `status_changed` follows either engine.
    """

    status_changed = Signal()
    ready = Signal(str)  # the built-in voice has rendered a text (it plays at once)

    def __init__(
        self,
        engine: str,
        *,
        system: SpeechService | None,
        builtin: Voice | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine if engine in VOICE_ENGINES else BUILTIN
        self.system = system
        self.builtin = builtin
        self._wanted: list[str] = []  # the texts of the routine being prepared, in order
        self._handed_over = False  # the built-in voice has been asked to render them
        self._last_said = ""
        if system is not None:
            system.status_changed.connect(self._relay)
        changed = getattr(builtin, "status_changed", None)
        if changed is not None:
            changed.connect(self._relay)
        rendered = getattr(builtin, "ready", None)
        if rendered is not None:
            rendered.connect(self.ready)

    def _relay(self) -> None:
        self._hand_over_to_builtin()
        self.status_changed.emit()

    def _hand_over_to_builtin(self) -> None:
        """When the built-in voice takes over mid-session, have it render what is still to come,
        starting with the sentence after the last one said, so the next steps do not wait."""
        voice = self._renders()
        if voice is None or not self._wanted or self._handed_over:
            return
        self._handed_over = True
        start = self._wanted.index(self._last_said) + 1 if self._last_said in self._wanted else 0
        voice.prepare([*self._wanted[start:], *self._wanted[:start]])

    def needs_system_voice(self) -> bool:
        """Whether the system voice should be started: chosen, or the only one there is."""
        return self.system is not None and (self.engine == SYSTEM or not _answers(self.builtin))

    def set_engine(self, engine: str) -> None:
        """Narrate with `engine` from the next sentence on (starting the system voice if needed)."""
        if engine not in VOICE_ENGINES:
            raise ValueError(f"unknown voice engine {engine!r}; choose one of {VOICE_ENGINES}")
        self.stop()
        self.engine = engine
        system = self.system
        if self.needs_system_voice() and system and not (system.available or system.opening):
            system.start()
        self.status_changed.emit()

    def current(self) -> Voice | None:
        """The voice that speaks now."""
        first, second = (
            (self.system, self.builtin) if self.engine == SYSTEM else (self.builtin, self.system)
        )
        for voice in (first, second):
            if _answers(voice):
                return voice
        return None

    @property
    def available(self) -> bool:
        """Whether anything will speak."""
        return self.current() is not None

    @property
    def opening(self) -> bool:
        """Whether the system voice is still starting (and nothing else speaks yet)."""
        return self.current() is None and self.system is not None and self.system.opening

    @property
    def notice(self) -> str:
        """What the person should know about the voice ("" when the chosen one speaks)."""
        current = self.current()
        chosen = self.system if self.engine == SYSTEM else self.builtin
        if current is not None and current is chosen:
            return ""
        system_notice = (
            self.system.notice if self.system is not None else ""
        ) or QCoreApplication.translate(
            "NarrationVoice", "The system voice is not available; the guidance is shown on screen."
        )
        if self.engine == SYSTEM:
            return system_notice
        builtin_notice = str(
            getattr(self.builtin, "notice", "") or ""
        ) or QCoreApplication.translate(
            "NarrationVoice", "The built-in voice is not installed here."
        )
        if current is not None:
            return QCoreApplication.translate(
                "NarrationVoice", "{0} The system voice speaks instead."
            ).format(builtin_notice)
        if self.system is not None and not getattr(self.system, "started", True):
            return builtin_notice  # the system voice was never tried: nothing to say about it
        return f"{builtin_notice} {system_notice}"

    # -- the Voice that SessionSound uses --------------------------------------------------------

    def _renders(self) -> Any:
        """The built-in voice when it is the one speaking (it renders ahead), else None."""
        current = self.current()
        return current if current is not None and current is self.builtin else None

    def plays_through_output(self) -> bool:
        """Whether the voice in use is heard through the app's sound output (the built-in one)."""
        return self._renders() is not None

    def prepare(self, texts: Any) -> None:
        """Have the built-in voice render `texts` ahead, in order (the system voice needs not)."""
        self._wanted = list(texts)
        voice = self._renders()
        self._handed_over = voice is not None
        if voice is not None:
            voice.prepare(self._wanted)

    def is_ready(self, text: str) -> bool:
        """Whether `text` can be said at once."""
        voice = self._renders()
        return True if voice is None else bool(voice.is_ready(text))

    def narration_seconds(self, text: str) -> float:
        """How long `text` is heard with the voice in use: its real length when the built-in
        voice speaks, else the estimate at the system voice's rate."""
        voice = self._renders()
        if voice is not None:
            return float(voice.narration_seconds(text))
        rate = self.system.rate if self.system is not None else 0.0
        return speaking_seconds(text, 2.0**rate)

    def say(self, text: str) -> None:
        """Say `text` with the voice in use (nothing when there is none)."""
        self._last_said = text
        voice = self.current()
        if voice is not None:
            voice.say(text)

    def stop(self) -> None:
        """Stop both voices (one may have been speaking before a switch)."""
        for voice in (self.builtin, self.system):
            if voice is not None:
                voice.stop()

    # -- what Settings and the player's controls set: both voices follow -------------------------

    def _voices(self) -> list[Any]:
        return [voice for voice in (self.builtin, self.system) if voice is not None]

    @property
    def rate(self) -> float:
        """Speaking speed from -1 (slowest) through 0 to 1 (fastest), for both voices."""
        first = self._voices()
        return float(first[0].rate) if first else 0.0

    @rate.setter
    def rate(self, rate: float) -> None:
        for voice in self._voices():
            voice.rate = rate

    @property
    def volume(self) -> float:
        """Voice loudness, 0-1, for both voices."""
        first = self._voices()
        return float(first[0].volume) if first else 0.8

    @volume.setter
    def volume(self, volume: float) -> None:
        for voice in self._voices():
            voice.volume = volume

    @property
    def muted(self) -> bool:
        """When muted, nothing is said (the text is still shown)."""
        return any(bool(voice.muted) for voice in self._voices())

    @muted.setter
    def muted(self, muted: bool) -> None:
        for voice in self._voices():
            voice.muted = muted

    def voices(self) -> list[str]:
        """The voices of the engine speaking now."""
        current: Any = self.current()
        return list(current.voices()) if current is not None else []

    @property
    def voice(self) -> str:
        """The voice speaking now ("" when none)."""
        current: Any = self.current()
        return str(current.voice) if current is not None else ""

    def set_voice(self, name: str) -> bool:
        """Speak with the voice called `name` where the engine in use has it."""
        current: Any = self.current()
        return bool(current.set_voice(name)) if current is not None else False
