"""One app per data folder: a second start brings the first window forward instead."""

from __future__ import annotations

import getpass
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_MESSAGE = b"show\n"
_TIMEOUT_MS = 1000


_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS


def _private_folder(folder: Path) -> bool:
    """True if `folder` is a real folder (not a link) of this user that nobody else can enter."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def runtime_folder(data_dir: Path, env: Mapping[str, str] | None = None) -> Path | None:
    """Where this user's socket goes: a folder only they can enter, so no other local user can
    squat the name and stop Unknot starting.

    $XDG_RUNTIME_DIR (0700, made by the login), else a private unknot-UID folder in the temp
    folder (refused if someone else made it), else `.run` in the data folder. None on Windows,
    where the name is a named pipe, or when none of these is private.
    """
    if sys.platform == "win32":
        return None
    env = os.environ if env is None else env
    given = env.get("XDG_RUNTIME_DIR")
    candidates = [Path(given)] if given else []
    candidates += [Path(tempfile.gettempdir()) / f"unknot-{os.getuid()}", data_dir / ".run"]
    for folder in candidates:
        if folder is not candidates[0] or not given:
            try:
                folder.mkdir(mode=0o700, exist_ok=True)
            except OSError:
                continue
        if _private_folder(folder) and len(str(folder)) + 24 <= _MAX_SOCKET_PATH:
            return folder
    return None


def instance_key(data_dir: Path, env: Mapping[str, str] | None = None) -> str:
    """A local-socket name private to this user and data folder (two folders, two apps).

    On Unix a full path inside the user's private runtime folder (see `runtime_folder`), not a
    bare name that Qt would put in the shared /tmp.
    """
    digest = hashlib.sha256(f"{getpass.getuser()}:{data_dir.resolve()}".encode()).hexdigest()[:16]
    name = f"unknot-{digest}"
    folder = runtime_folder(data_dir, env)
    return str(folder / name) if folder is not None else name


class SingleInstance(QObject):
    """Listens for later starts of the app and asks the running one to come forward.

    Uses a local socket (a Unix domain socket or a Windows named pipe): nothing leaves the machine.
    """

    show_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None

    def ask_running_to_show(self) -> bool:
        """True if another instance answered and was asked to show itself."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(_MESSAGE)
        delivered = socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return delivered

    def listen(self) -> bool:
        """Become the running instance; False if the socket cannot be created."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # a socket file left by a crashed instance: nobody answered, so it is stale
            QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening (on quit)."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _accept(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            # the caller writes its one line right after connecting; a short wait is enough
            arrived = connection.bytesAvailable() > 0 or connection.waitForReadyRead(_TIMEOUT_MS)
            if arrived and bytes(connection.readAll().data()).startswith(_MESSAGE.strip()):
                self.show_requested.emit()
            connection.disconnectFromServer()
            connection.deleteLater()
