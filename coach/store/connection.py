"""Opening the log's SQLite file: private, durable, and never overwritten when it is damaged."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


class DatabaseTrouble(Exception):
    """The log file cannot be used as it is; `reason` says why in plain words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class CorruptDatabase(DatabaseTrouble):
    """The file is damaged or is not an SQLite database at all."""


class NewerDatabase(DatabaseTrouble):
    """The file was written by a newer version of Unknot, which this one must not touch."""


def create_private_file(path: Path) -> None:
    """Create `path` readable and writable by its owner only (0600), if it does not exist."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _check_sound(path: Path) -> None:
    """Raise CorruptDatabase unless the file reads as a sound SQLite database.

    The check runs on a read-only connection: a read-write one would, on closing, fold a
    leftover -wal file into the damaged database and delete it, changing what we promised to keep.
    """
    extras = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {extra: extra.exists() for extra in extras}
    problem = None
    try:
        probe = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise CorruptDatabase(path, f"the file cannot be opened ({exc})") from None
    try:
        result = probe.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            problem = f"the file is damaged ({result})"
    except sqlite3.DatabaseError as exc:
        problem = f"the file is not a readable log ({exc})"
    finally:
        probe.close()
    if problem is not None:
        # leave the folder as we found it: the check may have made a shared-memory index (-shm,
        # derived data) and an empty -wal; neither holds anything of the person's
        for extra in extras:
            if (
                not existed[extra]
                and extra.exists()
                and (extra.name.endswith("-shm") or extra.stat().st_size == 0)
            ):
                extra.unlink()
        raise CorruptDatabase(path, problem)


def connect(path: Path) -> sqlite3.Connection:
    """Open the log with WAL, synchronous=FULL and foreign keys; check it is sound first.

    Raises CorruptDatabase for a damaged file; the file itself is left exactly as it was.
    """
    create_private_file(path)
    _check_sound(path)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # deleted rows are overwritten on disk, not just unlinked: "delete my data" means it
        conn.execute("PRAGMA secure_delete = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseTrouble(
                path, f"cannot use write-ahead logging here (journal mode {mode})"
            )
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorruptDatabase(path, f"the file is not a readable log ({exc})") from None
    except DatabaseTrouble:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all of it is written, or none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
