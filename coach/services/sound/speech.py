"""The system voice (QtTextToSpeech: speech-dispatcher on Linux), in a process of its own.

Nothing here ever calls QtTextToSpeech: `coach.services.sound.speech_host` does, in a child process
that this service talks to over a pipe and kills when it does not answer. A wedged speech daemon
(speech-dispatcher deadlocks when it cannot open a sound device; one that accepts and never
answers hangs `QTextToSpeech()` for good) then costs a notice, never a frozen window, player,
Quit or terminal player. A thread would not do: one stuck inside libspeechd can be neither
joined nor killed, and Qt aborts when a running QThread is destroyed at exit. Measured here:
`QTextToSpeech("speechd")` on a socket that accepts and never answers was still hung after 20 s
(tests/services/sound/test_speech.py reproduces it), while the helper is let go in about 1.4 s.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QProcess, Qt, QTimer, Signal

from coach.core.playing.speech_estimate import speaking_seconds
from coach.services.sound.voice_notices import no_engine_notice, not_answering_notice

_log = logging.getLogger(__name__)


def host_command() -> tuple[str, list[str]]:
    """How to start the speech host: this Python with the module, or the bundled app's flag."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--speech-host"]
    return sys.executable, ["-m", "coach.services.sound.speech_host"]


class SpeechService(QObject):
    """Speaks one sentence at a time: a new `say` cuts the old one off cleanly, never over it.

    `start` returns at once; `status_changed` tells when the engine is ready (`available`) or
    not (`notice` says why, in plain words). `finished` is emitted when a sentence has been
    spoken or was stopped with `stop()` (not for one cut off by a newer `say`). Without a working
    engine `say` does nothing (the player shows the text instead).
    """

    finished = Signal()
    status_changed = Signal()  # available, notice or the voices changed

    # The helper must carry out each command within this long, or it is let go.
    ANSWER_SECONDS = 1.0
    # Opening may start Python, Qt and (on Linux) spawn speech-dispatcher: about 2.5 s here. The
    # helper itself gives a daemon that is already running one second to answer.
    OPEN_SECONDS = 12.0
    # Once a running daemon has answered, opening the engine on it takes well under a second; one
    # that answers a first command and then hangs (speech-dispatcher half-stuck) is let go after:
    CONNECTED_SECONDS = 3.0
    # A sentence still "speaking" after this long means the engine hung (speech-dispatcher does
    # when it has no sound device): let the engine go, so nothing waits on it.
    MIN_STALL_SECONDS = 5.0
    STALL_FACTOR = 3.0

    def __init__(
        self, parent: QObject | None = None, *, fallback: str | Callable[[], str] = ""
    ) -> None:
        super().__init__(parent)
        # what happens instead when this voice fails: "the built-in voice speaks instead" once that exists
        self.fallback = fallback  # a sentence, or a function saying it when the voice fails
        self._process: QProcess | None = None
        self._buffer = b""
        self._closing = False
        self.available = False
        self.opening = False
        self.engine = ""
        self.started = False  # start() has been called (its outcome may still be pending)
        self.notice = QCoreApplication.translate("SpeechService", "Speech has not started yet.")
        self._voices: list[str] = []
        self._voice = ""
        self._current_voice = ""
        self._rate = 0.0
        self._volume = 0.8
        self._muted = False
        self._active = False  # a sentence of ours is being spoken (or about to be)
        self._begun = False  # the engine has said it started speaking it
        self._say_id = 0
        self._next_id = 0
        self._waiting: dict[int, str] = {}  # command id -> command, not yet acknowledged
        self.settings_reply: dict[str, Any] | None = None
        self._stall = self._timer(self._stalled)
        self._answer = self._timer(self._not_answering)

    def _timer(self, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.CoarseTimer)
        timer.timeout.connect(slot)
        return timer

    # -- the helper process --------------------------------------------------------------------

    def start(self, engine: str | None = None, language: str = "en") -> None:
        """Open `engine` (None: the platform's default) with a voice for `language`.

        Returns at once; `status_changed` follows when it is ready or has failed.
        """
        self.close()
        self.started = True
        process = QProcess(self)
        process.setStandardErrorFile(QProcess.nullDevice())  # Qt's plugin chatter
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._exited)
        process.errorOccurred.connect(self._process_error)
        self._process, self._buffer = process, b""
        self._closing = False
        self.opening = True
        self.notice = QCoreApplication.translate("SpeechService", "Starting the system voice…")
        program, arguments = host_command()
        process.start(program, arguments)
        self._send(
            "open",
            engine=engine,
            language=language,
            voice=self._voice,
            rate=self._rate,
            volume=self._volume,
            timeout=self.OPEN_SECONDS,
        )
        self.status_changed.emit()  # "starting…"

    def wait_until_open(self, timeout: float | None = None) -> bool:
        """Run the event loop until the engine is ready or has failed (for the terminal player)."""
        if not self.opening:
            return self.available
        loop = QEventLoop()
        self.status_changed.connect(loop.quit)
        QTimer.singleShot(round(1000 * (timeout or self.OPEN_SECONDS + 1)), loop.quit)
        loop.exec()
        self.status_changed.disconnect(loop.quit)
        return self.available

    def _send(self, command: str, *, timeout: float | None = None, **fields: Any) -> None:
        process = self._process
        if process is None:
            return
        self._next_id += 1
        self._waiting[self._next_id] = command
        line = json.dumps({"cmd": command, "id": self._next_id, **fields}) + "\n"
        process.write(line.encode())
        limit = round(1000 * (timeout or self.ANSWER_SECONDS))
        if not self._answer.isActive() or self._answer.remainingTime() > limit:
            self._answer.start(limit)

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        self._buffer += bytes(process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict):
                self._received(message)
            if self._process is None:
                return  # the message let the engine go

    def _received(self, message: dict[str, Any]) -> None:
        event = message.get("event")
        if event == "ack":
            self._waiting.pop(message.get("id"), None)  # type: ignore[arg-type]
            self._answer.stop()
            if self._waiting:
                self._answer.start(round(1000 * self.ANSWER_SECONDS))
        elif event == "opened":
            self.opening = False
            self.available = True
            self.notice = ""
            self.engine = str(message.get("engine", ""))
            self._voices = [str(v) for v in message.get("voices", [])]
            self._current_voice = str(message.get("voice", ""))
            if self._voice in self._voices:
                self._current_voice = self._voice
            self.status_changed.emit()
        elif event == "failed":
            reason = str(message.get("reason", ""))
            if message.get("not_answering"):
                self._drop(not_answering_notice(self._instead()))
            else:
                self._drop(no_engine_notice(reason, self._instead()))
        elif event == "state":
            self._on_state(str(message.get("state")), message)
        elif event == "settings":
            self.settings_reply = message
        elif event == "progress" and self.opening:
            self._answer.start(round(1000 * self.CONNECTED_SECONDS))

    def _on_state(self, state: str, message: dict[str, Any]) -> None:
        if message.get("say") != self._say_id or not self._active:
            return  # about a sentence that was cut off
        if state == "speaking":
            self._begun = True
        elif state == "ready" and self._begun:
            self._active = False
            self._stall.stop()
            self.finished.emit()
        elif state == "error":
            reason = str(message.get("error")) or QCoreApplication.translate(
                "SpeechService", "the engine failed"
            )
            self._drop(no_engine_notice(reason, self._instead()))

    def _not_answering(self) -> None:
        if self._process is not None:
            self._drop(not_answering_notice(self._instead()))

    def _exited(self) -> None:
        if self._process is not None and self.sender() is self._process and not self._closing:
            self._drop(
                no_engine_notice(
                    QCoreApplication.translate(
                        "SpeechService", "the system voice stopped unexpectedly"
                    ),
                    self._instead(),
                )
            )

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart and self._process is not None:
            self._drop(
                no_engine_notice(
                    QCoreApplication.translate("SpeechService", "its helper could not be started"),
                    self._instead(),
                )
            )

    def _instead(self) -> str:
        """What happens instead when this voice is let go, in words for the notice."""
        fallback = self.fallback() if callable(self.fallback) else self.fallback
        return fallback or QCoreApplication.translate(
            "SpeechService", "the guidance is shown on screen"
        )

    def _drop(self, notice: str) -> None:
        """Let the engine go (killing its process) and say why."""
        _log.warning("system voice let go: %s", notice)
        was_active = self._active
        self._kill()
        self.notice = notice
        if was_active:
            self.finished.emit()
        self.status_changed.emit()

    def _kill(self) -> None:
        process, self._process = self._process, None
        self._answer.stop()
        self._stall.stop()
        self._waiting.clear()
        self.available = self.opening = self._active = False
        if process is not None:
            process.readyReadStandardOutput.disconnect(self._read)
            process.errorOccurred.disconnect(self._process_error)
            process.finished.disconnect(self._exited)
            if process.state() is not QProcess.ProcessState.NotRunning:
                process.kill()  # SIGKILL: whatever libspeechd is doing, it ends now
                process.waitForFinished(1000)  # reaping a killed child takes milliseconds
            process.deleteLater()

    def close(self) -> None:
        """Stop speaking and let go of the engine (its process gets a moment to say goodbye)."""
        process = self._process
        if process is not None and process.state() is QProcess.ProcessState.Running:
            self._active = False
            self._closing = True  # its ending is what is asked of it here, not news
            process.write(b'{"cmd": "quit"}\n')
            process.closeWriteChannel()
            process.waitForFinished(200)  # bounded: a stuck helper is killed just below
        self._kill()

    # -- speaking ------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Speak `text`, first cutting off whatever is still being said.

        Nothing is spoken without an engine, when muted, or for blank text: `is_speaking()`
        tells, right after, whether it is being said.
        """
        if not self.available or self._muted or not text.strip():
            return
        self._say_id += 1
        self._active, self._begun = True, False
        self._send("say", text=text, say=self._say_id)
        factor = 2.0**self._rate  # Qt's rate -1..1 is about half to double speed
        stall = max(self.MIN_STALL_SECONDS, self.STALL_FACTOR * speaking_seconds(text, factor))
        self._stall.start(round(stall * 1000))

    def stop(self) -> None:
        """Stop speaking now; emits `finished` if a sentence was being spoken."""
        was_active = self._active
        self._active = False
        self._stall.stop()
        if was_active and self.available:
            self._send("stop")
        if was_active:
            self.finished.emit()

    def is_speaking(self) -> bool:
        """Whether a sentence is being spoken (from `say` until `finished`)."""
        return self._active

    def _stalled(self) -> None:
        # Still "speaking" long after the words should have ended: speech-dispatcher does this
        # when it has no sound device, and then stops answering altogether. Nothing is heard, so
        # let it go: the next sentences go to the fallback instead of waiting on it one by one.
        if self._active:
            self._drop(not_answering_notice(self._instead()))

    def query(self) -> None:
        """Ask the engine for the voice, rate and volume it uses (`settings_reply`; for tests)."""
        self.settings_reply = None
        self._send("query")

    # -- voice, rate, volume -------------------------------------------------------------------

    def voices(self) -> list[str]:
        """The names of the voices for the chosen language."""
        return list(self._voices) if self.available else []

    @property
    def voice(self) -> str:
        """The voice speaking now ("" without an engine)."""
        return self._current_voice if self.available else ""

    def set_voice(self, name: str) -> bool:
        """Speak with the voice called `name`; False (and no change) if there is none."""
        self._voice = name
        if not self.available or name not in self._voices:
            return False
        self._current_voice = name
        self._send("set", voice=name)
        return True

    @property
    def rate(self) -> float:
        """Speaking speed from -1 (slowest) through 0 (normal) to 1 (fastest)."""
        return self._rate

    @rate.setter
    def rate(self, rate: float) -> None:
        self._rate = min(1.0, max(-1.0, float(rate)))
        if self.available:
            self._send("set", rate=self._rate)

    @property
    def volume(self) -> float:
        """Voice loudness, 0-1."""
        return self._volume

    @volume.setter
    def volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, float(volume)))
        if self.available:
            self._send("set", volume=self._volume)

    @property
    def muted(self) -> bool:
        """When muted, nothing is spoken (the text is still shown)."""
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._muted:
            self.stop()
