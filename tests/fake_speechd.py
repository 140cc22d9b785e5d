"""A speech daemon that is wedged: it accepts connections on its socket and never answers.

That is what a stuck speech-dispatcher looks like to libspeechd (it deadlocks when it cannot open
a sound device), and what hung `QTextToSpeech()` forever. Point SPEECHD_ADDRESS at it. With
`answers_first`, it answers each connection's first command and then falls silent: a daemon that
gets stuck half-way through opening.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def wedged_speechd(folder: Path, *, answers_first: bool = False) -> Iterator[str]:
    """Yield a SPEECHD_ADDRESS value for a socket that accepts and never answers."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "speechd.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(16)
    done = threading.Event()
    accepted: list[socket.socket] = []
    answered: set[socket.socket] = set()

    def serve() -> None:
        while not done.is_set():
            waiting = [server, *(c for c in accepted if answers_first and c not in answered)]
            ready, _, _ = select.select(waiting, [], [], 0.05)
            for source in ready:
                if source is server:
                    conn, _ = server.accept()
                    accepted.append(conn)  # held open, never answered (unless answers_first)
                elif source.recv(4096):
                    source.sendall(b"208 OK CLIENT NAME SET\r\n")
                    answered.add(source)

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
