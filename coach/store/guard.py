"""Guards around the log's file: one emptied to 0 bytes, one deleted or replaced while open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from coach.store.backup import BackupKeeper
from coach.store.connection import (
    DatabaseTrouble,
    EmptiedDatabase,
    WriteRefused,
    connect,
    create_private_file,
    explain,
)


def identity(path: Path | None) -> tuple[int, int] | None:
    """The file's device and inode: they change when it is deleted and made again elsewhere."""
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _rewrite_from(conn: sqlite3.Connection, path: Path) -> None:
    """Copy the database `conn` holds (an unlinked file, still open) into a new file at `path`."""
    create_private_file(path)
    target = sqlite3.connect(path)
    try:
        conn.backup(target)
    finally:
        target.close()


def refuse_emptied(database: Path, backups: BackupKeeper) -> None:
    """Raise EmptiedDatabase if the log is a 0-byte file while a backup holds days or sessions.

    SQLite takes a 0-byte file for a new database; a log that was emptied (by a crash of the
    disk or another program) must not silently start over while its days sit in the backups.
    """
    try:
        if database.stat().st_size != 0:
            return
    except OSError:
        return
    wal = database.with_name(database.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # the days may be in the write-ahead log; SQLite reads them from there
    holding = backups.newest_with_data()
    if holding is not None:
        raise EmptiedDatabase(
            database,
            f"the log file is empty (0 bytes), but the backup of "
            f"{holding.taken_at:%d %B %Y, %H:%M} holds your days",
        )


def reconnect_moved(conn: sqlite3.Connection, path: Path) -> tuple[sqlite3.Connection, str]:
    """A connection to the log at `path` again, after its file was deleted or replaced while
    `conn` had it open, and what to tell the person.

    Deleted (the file or its whole folder): everything `conn` still holds is written to a new
    file there. Replaced by another file: that file is used from now on. WriteRefused if neither
    can be done.
    """
    if identity(path) is not None:
        try:
            fresh = connect(path)
        except DatabaseTrouble as trouble:
            raise WriteRefused(trouble) from None
        return fresh, (
            f"The log file {path} was replaced by another file while Unknot had it open. "
            "Unknot now uses that file; what it showed before is still on screen and will be "
            "saved into it."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _rewrite_from(conn, path)
        fresh = connect(path)
    except (OSError, sqlite3.Error, DatabaseTrouble) as exc:
        reason = exc.reason if isinstance(exc, DatabaseTrouble) else explain(exc, path).reason
        raise WriteRefused(
            DatabaseTrouble(
                path,
                "the log file was deleted while Unknot had it open, and it could not be "
                f"written again ({reason})",
            )
        ) from exc
    return fresh, (
        f"The log file {path} (or its folder) was deleted while Unknot had it open. Unknot "
        "wrote everything it still held to a new file there, and goes on saving into it. "
        "Check what deleted it; the backups folder may need re-creating too."
    )
