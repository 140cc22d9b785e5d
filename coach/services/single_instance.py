"""One app per data folder: a second start brings the first window forward instead."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_MESSAGE = b"show\n"
_TIMEOUT_MS = 1000


def instance_key(data_dir: Path) -> str:
    """A local-socket name private to this user and data folder (two folders, two apps)."""
    digest = hashlib.sha256(f"{getpass.getuser()}:{data_dir.resolve()}".encode()).hexdigest()[:16]
    return f"unknot-{digest}"


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
