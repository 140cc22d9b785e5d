"""The log's SQLite file held open: opening and migrating it, the read-only mode, and write
transactions guarded against the file vanishing underneath."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from coach.store.backup import BackupKeeper
from coach.store.connection import (
    NewerDatabase,
    UnavailableDatabase,
    WriteRefused,
    connect,
    connect_read_only,
    explain,
    transaction,
)
from coach.store.guard import identity, reconnect_moved, refuse_emptied
from coach.store.migrations import MIGRATIONS, Migration, migrate, user_version

Now = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    """The current time with the machine's current UTC offset."""
    return dt.datetime.now().astimezone()


def empty_log() -> sqlite3.Connection:
    """A log in memory with the current schema and nothing in it (what a dry run compares with)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")  # as on the real log: a day's tags go with it
    migrate(conn)
    return conn


class LogFile:
    """One SQLite log file, open for reading and (unless `read_only` says why not) writing.

    Every write goes through `_writing()`: one transaction, all of it or none, on the file that is
    really at `path`. The repository API (days, sessions, medicines) is built on this.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        now: Now = local_now,
        *,
        path: Path | None = None,
        read_only: str = "",
    ) -> None:
        self.conn = conn
        self.now = now
        self.path = path
        # why the log is open for reading only ("" when it can be written)
        self.read_only = read_only
        # what went wrong with the daily backup when the log was opened ("" when nothing did)
        self.backup_problem = ""
        # told (in plain words) when the log's file was found gone and written again
        self.on_warning: Callable[[str], None] | None = None
        self._identity = identity(path)

    @classmethod
    def open(
        cls,
        database: Path,
        backups: BackupKeeper,
        now: Now = local_now,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Self:
        """Open (creating if needed) and migrate the log, backing it up first and once a day.

        Raises CorruptDatabase / NewerDatabase / EmptiedDatabase / UnavailableDatabase without
        changing the file. A daily backup that cannot be taken (a full disk) does not stop the
        log opening: `backup_problem` says why.
        """
        refuse_emptied(database, backups)
        conn = connect(database)
        try:
            version = user_version(conn)
            known = migrations[-1].version
            if version > known:
                raise NewerDatabase(
                    database,
                    f"it was written by a newer version of Unknot (schema {version}, this version "
                    f"knows up to {known}); update Unknot to open it",
                )

            def back_up_first(current: int, target: int) -> None:
                if current > 0:  # a brand-new file has nothing to lose
                    backups.take(conn, f"before-v{target}")

            try:
                migrate(conn, before=back_up_first, migrations=migrations)
            except (sqlite3.Error, OSError) as exc:
                trouble = explain(exc, database)
                if isinstance(trouble, UnavailableDatabase):
                    raise trouble from None  # a full or read-only disk: said plainly
                raise
            log = cls(conn, now, path=database)
            try:
                backups.take_daily(conn)
            except (sqlite3.Error, OSError) as exc:
                log.backup_problem = explain(exc, backups.folder).reason
        except BaseException:
            conn.close()
            raise
        return log

    @classmethod
    def open_read_only(
        cls, database: Path, reason: str, now: Now = local_now, *, no_trace: bool = False
    ) -> Self:
        """The log for viewing, exporting and charts only, when `reason` stops writing to it.

        Every write raises WriteRefused with `reason`. Raises DatabaseTrouble if even reading fails.
        """
        conn = connect_read_only(database, no_trace=no_trace)
        version = user_version(conn)
        if version > MIGRATIONS[-1].version or version < MIGRATIONS[-1].version:
            conn.close()
            raise UnavailableDatabase(
                database,
                f"{reason}; and the log's schema (version {version}) is not this version's "
                f"({MIGRATIONS[-1].version}), which cannot be changed while it is read-only",
                "read-only",
            )
        return cls(conn, now, path=database, read_only=reason)

    def close(self) -> None:
        """Close the file (everything is already committed)."""
        self.conn.close()

    def replace_connection(self, conn: sqlite3.Connection) -> None:
        """Read and write through `conn` from now on (a restored file); the old one is closed.

        Everything holding this log keeps working, on the new file.
        """
        old, self.conn = self.conn, conn
        self.read_only = ""
        self._identity = identity(self.path)
        old.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, after checking the file is still where it was opened.

        Refused plainly when the log is read-only; an SQLite failure (disk full, read-only
        file) becomes WriteRefused naming the cause and the right file.
        """
        if self.read_only:
            raise WriteRefused(
                UnavailableDatabase(
                    self.path or Path("?"),
                    f"the log is open read-only: {self.read_only}",
                    "read-only",
                )
            )
        self._ensure_file()
        try:
            with transaction(self.conn) as conn:
                yield conn
        except WriteRefused:
            raise
        except sqlite3.IntegrityError:
            raise  # a value the schema refuses: the caller's mistake, not the disk's
        except sqlite3.Error as exc:
            if self.path is None:
                raise
            raise WriteRefused(explain(exc, self.path)) from exc

    def _ensure_file(self) -> None:
        """If the log's file (or its whole folder) was deleted or replaced while open, write
        everything this connection still holds to a new file at the same place (or use the file
        that replaced it), and say so through `on_warning`.

        Without this, saves would go on "succeeding" into a file nobody can reach again.
        """
        if self.path is None or self._identity is None or identity(self.path) == self._identity:
            return
        conn, message = reconnect_moved(self.conn, self.path)
        self.replace_connection(conn)
        if self.on_warning is not None:
            self.on_warning(message)
