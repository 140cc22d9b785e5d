"""The system voice's own process: QtTextToSpeech, driven over stdin/stdout one JSON line at a time.

speech-dispatcher can hang forever inside libspeechd (it does when it cannot open a sound device,
and a daemon that accepts and never answers hangs `QTextToSpeech()` itself). A thread stuck there
can be neither joined nor killed, and Qt aborts when a running QThread is destroyed at exit; a
process can always be killed. So the app never calls QtTextToSpeech itself: `SpeechService`
starts this module as a child, sends it commands and kills it when it stops answering.

Commands (one JSON object a line, each with an `id` that is acknowledged once carried out):
  open {engine, language, voice, rate, volume}, say {text}, stop, set {voice|rate|volume},
  query, quit.
Replies: {"event": "ack", "id"}, "opened" {engine, voices, voice}, "failed" {reason},
  "progress" {stage: daemon-answered},
  "state" {state: speaking|ready|error, say, error}, "settings" {voice, rate, volume}.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

# Seconds the daemon has to answer the probe before it counts as not answering.
PROBE_SECONDS = 1.0


def speechd_socket(env: dict[str, str] | None = None) -> Path | None:
    """The speech-dispatcher socket libspeechd would connect to, when it is a local one."""
    env = dict(os.environ) if env is None else env
    address = env.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.removeprefix("unix_socket:"))
    if address and address != "unix_socket":
        return None  # a TCP daemon: the parent's timeout still guards it
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime) / "speech-dispatcher" / "speechd.sock"
    return None


def probe_speechd(path: Path, timeout: float = PROBE_SECONDS) -> str:
    """ "" if the daemon at `path` answers an SSIP command within `timeout`, else why not.

    No socket file, or nobody listening, is fine: libspeechd then starts a daemon of its own.
    A local socket only (QLocalSocket): the app opens no network connection.
    """
    from PySide6.QtNetwork import QLocalSocket

    if not path.exists():
        return ""
    conn = QLocalSocket()
    wait = round(1000 * timeout)
    conn.connectToServer(str(path))
    try:
        if not conn.waitForConnected(wait):
            if conn.error() in (
                QLocalSocket.LocalSocketError.ConnectionRefusedError,
                QLocalSocket.LocalSocketError.ServerNotFoundError,
            ):
                return ""  # a stale socket: libspeechd starts a new daemon
            return f"cannot reach the speech daemon ({conn.errorString()})"
        conn.write(b"SET SELF CLIENT_NAME unknot:probe:main\r\n")
        conn.waitForBytesWritten(wait)
        if not conn.waitForReadyRead(wait):
            if conn.state() is QLocalSocket.LocalSocketState.UnconnectedState:
                return "the speech daemon closed the connection"
            return "the speech daemon did not answer within a second"
        conn.write(b"QUIT\r\n")
        conn.waitForBytesWritten(wait)
        return ""
    finally:
        conn.abort()


class Host:
    """Carries out the parent's commands on one QTextToSpeech (made by the `open` command)."""

    def __init__(self, write: Any) -> None:
        self.write = write
        self.tts: Any = None
        self.current_say = 0

    def send(self, event: str, **fields: Any) -> None:
        self.write(json.dumps({"event": event, **fields}) + "\n")

    def handle(self, command: dict[str, Any]) -> bool:
        """Carry out one command; False for `quit`."""
        kind = command.get("cmd")
        if kind == "quit":
            return False
        if kind == "open":
            self.open(command)
        elif self.tts is not None:
            if kind == "say":
                self.current_say = int(command.get("say", 0))
                self.tts.stop(self.tts.BoundaryHint.Immediate)
                self.tts.say(str(command.get("text", "")))
            elif kind == "stop":
                self.tts.stop(self.tts.BoundaryHint.Immediate)
            elif kind == "set":
                self.apply(command)
            elif kind == "query":
                self.send(
                    "settings",
                    voice=self.tts.voice().name(),
                    rate=self.tts.rate(),
                    volume=self.tts.volume(),
                )
        self.send("ack", id=command.get("id"))
        return True

    def open(self, command: dict[str, Any]) -> None:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech

        engine = command.get("engine") or None
        installed = QTextToSpeech.availableEngines()
        people = [name for name in installed if name != "mock"]  # mock: tests ask for it
        if engine is not None and engine not in installed:
            found = ", ".join(people) or "none"
            self.send("failed", reason=f"the engine “{engine}” is not installed ({found})")
            return
        if engine is None and not people:
            self.send("failed", reason="no text-to-speech engine is installed")
            return
        if (engine or people[0]) == "speechd":
            path = speechd_socket()
            trouble = probe_speechd(path) if path is not None else ""
            if trouble:
                self.send("failed", reason=trouble, not_answering=True)
                return
            if path is not None and path.exists():
                # a daemon is running and answered: opening the engine should take a moment,
                # not the seconds that starting a daemon takes (the parent shortens its wait)
                self.send("progress", stage="daemon-answered")
        tts = QTextToSpeech(engine) if engine else QTextToSpeech()
        if tts.state() is QTextToSpeech.State.Error:
            self.send("failed", reason=tts.errorString() or "the engine did not start")
            return
        wanted = QLocale(str(command.get("language") or "en")).language()
        if tts.locale().language() != wanted:
            system = QLocale.system()
            matching = [loc for loc in tts.availableLocales() if loc.language() == wanted]
            matching.sort(key=lambda loc: (loc.territory() != system.territory(), loc.name()))
            if matching:
                tts.setLocale(matching[0])
        if not tts.availableVoices():
            self.send("failed", reason=f"the engine “{tts.engine()}” has no voices")
            return
        self.tts = tts
        tts.stateChanged.connect(self.state_changed)
        self.apply(command)
        self.send(
            "opened",
            engine=tts.engine(),
            voices=[voice.name() for voice in tts.availableVoices()],
            voice=tts.voice().name(),
        )

    def apply(self, command: dict[str, Any]) -> None:
        tts = self.tts
        if command.get("voice"):
            for voice in tts.availableVoices():
                if voice.name() == command["voice"]:
                    tts.setVoice(voice)
        if command.get("rate") is not None:
            tts.setRate(float(command["rate"]))
        if command.get("volume") is not None:
            tts.setVolume(float(command["volume"]))

    def state_changed(self, state: Any) -> None:
        states = type(state)
        name = {states.Speaking: "speaking", states.Ready: "ready", states.Error: "error"}
        if state in name:
            error = self.tts.errorString() if state is states.Error else ""
            self.send("state", state=name[state], say=self.current_say, error=error)


def main() -> int:
    """Serve commands from stdin until `quit` or end of input."""
    from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

    app = QCoreApplication(sys.argv[:1])
    out = sys.stdout

    def write(line: str) -> None:
        out.write(line)
        out.flush()

    host = Host(write)

    class Lines(QObject):
        line = Signal(str)

    lines = Lines()

    def received(text: str) -> None:
        if not text:
            app.quit()
            return
        try:
            command = json.loads(text)
        except json.JSONDecodeError:
            return
        if not host.handle(command):
            app.quit()

    lines.line.connect(received, Qt.ConnectionType.QueuedConnection)

    def read() -> None:
        for text in sys.stdin:
            lines.line.emit(text)
        lines.line.emit("")  # the parent went away

    threading.Thread(target=read, daemon=True).start()
    app.exec()
    out.flush()
    # never wait in libspeechd's own clean-up: the parent may be gone, the daemon may be stuck
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
