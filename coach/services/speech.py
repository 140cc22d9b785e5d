"""Narration through the system's text-to-speech; without one, a notice and on-screen text.

Qt's QtTextToSpeech speaks with the system's voices: speech-dispatcher on Linux, the native engines
on Windows and macOS. It is imported only when the service starts, so the window appears first.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal

from coach.core.speech_estimate import speaking_seconds


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeechService", text)


def no_engine_notice(reason: str) -> str:
    """What the person reads when nothing can speak: why, how to fix it, and what happens now."""
    if sys.platform.startswith("linux"):
        fix = _tr(
            "install speech-dispatcher and a voice (on Debian or Ubuntu: sudo apt install "
            "speech-dispatcher speech-dispatcher-espeak-ng), then start Unknot again"
        )
    else:
        fix = _tr("check the system's text-to-speech settings, then start Unknot again")
    return _tr(
        "No speech engine found: {0}. To hear the guidance, {1}; until then it is shown on screen."
    ).format(reason, fix)


class SpeechService(QObject):
    """Speaks one sentence at a time: a new `say` cuts the old one off cleanly, never over it.

    `finished` is emitted when a sentence has been spoken or was stopped with `stop()` (not for
    one cut off by a newer `say`). Without a working engine `available` is False, `notice` says
    why and what to do, and `say` does nothing (the player shows the text instead).
    """

    finished = Signal()
    status_changed = Signal()  # available, notice or the voices changed

    # A sentence still "speaking" after this long means the engine hung (speech-dispatcher does
    # when it has no sound device): stop it, so the session never waits forever.
    MIN_STALL_SECONDS = 5.0
    STALL_FACTOR = 3.0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts: Any = None
        self.available = False
        self.engine = ""
        self.notice = _tr("Speech has not started yet.")
        self._voice = ""
        self._rate = 0.0
        self._volume = 0.8
        self._muted = False
        self._active = False  # a sentence of ours is being spoken (or about to be)
        self._begun = False  # the engine has said it started speaking it
        self._stall = QTimer(self)
        self._stall.setSingleShot(True)
        self._stall.setTimerType(Qt.TimerType.CoarseTimer)
        self._stall.timeout.connect(self._stalled)

    def start(self, engine: str | None = None, language: str = "en") -> None:
        """Open `engine` (None: the platform's default) with a voice for `language`."""
        self.close()
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:
            self._unavailable(_tr("Qt's text-to-speech module is missing ({0})").format(exc))
            return
        # Qt's "mock" engine only pretends to speak: tests ask for it by name, people never get it
        engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
        if engine is not None and engine not in QTextToSpeech.availableEngines():
            found = ", ".join(engines) or _tr("none")
            self._unavailable(
                _tr("the engine “{0}” is not installed (installed: {1})").format(engine, found)
            )
            return
        if not engines:
            self._unavailable(_tr("no text-to-speech engine is installed"))
            return
        tts = QTextToSpeech(self) if engine is None else QTextToSpeech(engine, self)
        self._tts = tts
        self.engine = tts.engine()
        tts.stateChanged.connect(self._on_state)
        if engine is None and self.engine == "mock":
            self._unavailable(_tr("no text-to-speech engine is installed"))
        elif tts.state() is QTextToSpeech.State.Error:
            self._unavailable(tts.errorString() or _tr("the engine did not start"))
        else:
            self._ready(language)

    def _ready(self, language: str) -> None:
        tts = self._tts
        wanted = QLocale(language).language()
        if tts.locale().language() != wanted:
            system = QLocale.system()
            matching = [loc for loc in tts.availableLocales() if loc.language() == wanted]
            matching.sort(key=lambda loc: (loc.territory() != system.territory(), loc.name()))
            if matching:
                tts.setLocale(matching[0])
        if not tts.availableVoices():
            self._unavailable(_tr("the engine “{0}” has no voices").format(self.engine))
            return
        self.available = True
        self.notice = ""
        if self._voice:
            self.set_voice(self._voice)
        tts.setRate(self._rate)
        tts.setVolume(self._volume)
        self.status_changed.emit()

    def _unavailable(self, reason: str) -> None:
        self.close()
        self.available = False
        self.notice = no_engine_notice(reason)
        self.status_changed.emit()

    def close(self) -> None:
        """Stop speaking and let go of the engine."""
        self.stop()
        if self._tts is not None:
            self._tts.stateChanged.disconnect(self._on_state)
            self._tts.deleteLater()
            self._tts = None
        self.available = False

    # -- speaking ------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Speak `text`, first cutting off whatever is still being said.

        Nothing is spoken without an engine, when muted, or for blank text: `is_speaking()`
        tells, right after, whether it is being said.
        """
        if not self.available or self._muted or not text.strip():
            return
        self._active = False  # the cut sentence's end is not ours to report
        self._tts.stop(self._tts.BoundaryHint.Immediate)
        self._active, self._begun = True, False
        self._tts.say(text)
        factor = 2.0**self._rate  # Qt's rate -1..1 is about half to double speed
        stall = max(self.MIN_STALL_SECONDS, self.STALL_FACTOR * speaking_seconds(text, factor))
        self._stall.start(round(stall * 1000))

    def stop(self) -> None:
        """Stop speaking now; emits `finished` if a sentence was being spoken."""
        was_active = self._active
        self._active = False
        self._stall.stop()
        if self._tts is not None:
            self._tts.stop(self._tts.BoundaryHint.Immediate)
        if was_active:
            self.finished.emit()

    def is_speaking(self) -> bool:
        """Whether a sentence is being spoken (from `say` until `finished`)."""
        return self._active

    def _on_state(self, state: Any) -> None:
        states = type(state)
        if state is states.Speaking:
            self._begun = True
        elif state is states.Ready and self._active and self._begun:
            self._active = False
            self._stall.stop()
            self.finished.emit()
        elif state is states.Error:
            self._unavailable(self._tts.errorString() or _tr("the engine failed"))

    def _stalled(self) -> None:
        if self._active:
            self.notice = _tr(
                "The speech engine stopped answering in the middle of a sentence, so Unknot cut "
                "it off. The guidance is on screen."
            )
            self.stop()
            self.status_changed.emit()

    # -- voice, rate, volume -------------------------------------------------------------------

    def voices(self) -> list[str]:
        """The names of the voices for the chosen language."""
        if not self.available:
            return []
        return [voice.name() for voice in self._tts.availableVoices()]

    @property
    def voice(self) -> str:
        """The voice speaking now ("" without an engine)."""
        return self._tts.voice().name() if self.available else ""

    def set_voice(self, name: str) -> bool:
        """Speak with the voice called `name`; False (and no change) if there is none."""
        self._voice = name
        if not self.available:
            return False
        for voice in self._tts.availableVoices():
            if voice.name() == name:
                self._tts.setVoice(voice)
                return True
        return False

    @property
    def rate(self) -> float:
        """Speaking speed from -1 (slowest) through 0 (normal) to 1 (fastest)."""
        return self._rate

    @rate.setter
    def rate(self, rate: float) -> None:
        self._rate = min(1.0, max(-1.0, float(rate)))
        if self.available:
            self._tts.setRate(self._rate)

    @property
    def volume(self) -> float:
        """Voice loudness, 0-1."""
        return self._volume

    @volume.setter
    def volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, float(volume)))
        if self.available:
            self._tts.setVolume(self._volume)

    @property
    def muted(self) -> bool:
        """When muted, nothing is spoken (the text is still shown)."""
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._muted:
            self.stop()
