"""A speech daemon that is wedged: it accepts connections on its socket and never answers.

That is what a stuck speech-dispatcher looks like to libspeechd (it deadlocks when it cannot open
a sound device), and what hung `QTextToSpeech()` forever. Point SPEECHD_ADDRESS at it.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def wedged_speechd(folder: Path) -> Iterator[str]:
    """Yield a SPEECHD_ADDRESS value for a socket that accepts and never answers."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "speechd.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(16)
    done = threading.Event()
    accepted: list[socket.socket] = []

    def serve() -> None:
        while not done.is_set():
            ready, _, _ = select.select([server], [], [], 0.05)
            if ready:
                conn, _ = server.accept()
                accepted.append(conn)  # held open, never read, never answered

    thread = threading.Thread(target=serve, name="wedged-speechd")
    thread.start()
    try:
        yield f"unix_socket:{path}"
    finally:
        done.set()
        thread.join(timeout=5)
        for conn in accepted:
            conn.close()
        server.close()
