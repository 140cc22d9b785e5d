"""One app per data folder: a second start brings the first window forward instead.

The running app holds a lock on a file beside its socket. A start takes that lock first, which
needs no Qt at all: the first start knows at once that it is alone and shows its window, and
only listens on its socket (Qt Network) once the window is on screen. Only a later start, which
finds the lock taken, loads Qt Network to ask the running app to come forward.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

_MESSAGE = b"show\n"
_TIMEOUT_MS = 1000
# How long a later start waits for a running app that holds the lock but is still opening (it
# listens once its window is filled in) before it starts anyway.
_WAIT_FOR_RUNNING_S = 10.0


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


class InstanceLock:
    """A lock on a file, held by the running app for as long as it runs (no Qt needed).

    The system lets go of it when the process ends, however it ends, so a crash leaves nothing
    stale behind. Where file locks are not available (Windows) nothing can be told from it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool | None:
        """True: taken, so no other app of this data folder runs. False: another app holds it.
        None: cannot tell (no file locks here, or the file cannot be opened)."""
        try:
            import fcntl
        except ImportError:
            return None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    @property
    def held(self) -> bool:
        """Whether this process holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Let go of the lock (on quit; the system does it anyway when the process ends)."""
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases its lock
            self._fd = None


class SingleInstance(QObject):
    """Listens for later starts of the app and asks the running one to come forward.

    Uses a local socket (a Unix domain socket or a Windows named pipe): nothing leaves the machine.
    """

    show_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        # a key that is a path (Unix) has its lock file beside the socket
        self._lock = InstanceLock(Path(key + ".lock")) if os.path.isabs(key) else None

    def claim(self) -> bool:
        """True if this is certainly the only app of its data folder (it now holds the lock):
        nothing to ask, and Qt Network is not needed before the window shows. False if another
        app holds the lock, or that cannot be told: then ask it with `ask_running_to_show`."""
        return self._lock is not None and self._lock.acquire() is True

    def ask_running_to_show(self) -> bool:
        """True if another instance answered and was asked to show itself.

        When another app is known to hold the lock but is still opening (not listening yet),
        asks again for a while rather than starting a second app beside it.
        """
        from PySide6.QtNetwork import QLocalSocket

        held_elsewhere = self._lock is not None and not self._lock.held
        deadline = time.monotonic() + (_WAIT_FOR_RUNNING_S if held_elsewhere else 0.0)
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.key)
            if socket.waitForConnected(_TIMEOUT_MS):
                socket.write(_MESSAGE)
                delivered = socket.waitForBytesWritten(_TIMEOUT_MS)
                socket.disconnectFromServer()
                return delivered
            if time.monotonic() >= deadline or not self._still_held_elsewhere():
                return False
            time.sleep(0.05)  # the running app is opening: its socket comes once its window does

    def _still_held_elsewhere(self) -> bool:
        """Whether another app still holds the lock (taking it now if it has gone)."""
        if self._lock is None or self._lock.held:
            return False
        return self._lock.acquire() is False

    def listen(self) -> bool:
        """Become the running instance; False if the socket cannot be created."""
        from PySide6.QtNetwork import QLocalServer

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
        """Stop listening (on quit) and let go of the lock."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.release()

    def _accept(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            # the caller writes its one line right after connecting; a short wait is enough
            arrived = connection.bytesAvailable() > 0 or connection.waitForReadyRead(_TIMEOUT_MS)
            if arrived and bytes(connection.readAll().data()).startswith(_MESSAGE.strip()):
                self.show_requested.emit()
            connection.disconnectFromServer()
            connection.deleteLater()
