"""Copies of the log, taken with SQLite's backup API before migrations and once a day."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from coach.store.connection import CorruptDatabase, create_private_file

_NAME = re.compile(r"^unknot-(\d{8}-\d{6})(?:-(\d+))?-([a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    """One backup file and when and why it was taken."""

    path: Path
    taken_at: dt.datetime
    reason: str
    counter: int = 1  # several backups in the same second


class BackupKeeper:
    """Takes, lists, prunes and restores backups in one folder."""

    def __init__(self, folder: Path, keep: int = 14) -> None:
        self.folder = folder
        self.keep = keep

    def take(self, conn: sqlite3.Connection, reason: str, now: dt.datetime | None = None) -> Path:
        """Copy the open database into a new backup file; keep the newest `keep`."""
        now = now or dt.datetime.now()
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stem = f"unknot-{now:%Y%m%d-%H%M%S}"
        dest = self.folder / f"{stem}-{reason}.sqlite3"
        counter = 1
        while dest.exists():
            counter += 1
            dest = self.folder / f"{stem}-{counter}-{reason}.sqlite3"
        create_private_file(dest)
        target = sqlite3.connect(dest)
        try:
            conn.backup(target)
            # a backup is one self-contained file: no -wal or -shm beside it, ever
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        self.prune()
        return dest

    def take_daily(self, conn: sqlite3.Connection, today: dt.date | None = None) -> Path | None:
        """A backup if none was taken today."""
        now = dt.datetime.now()
        if today is not None:
            now = dt.datetime.combine(today, now.time())
        if any(b.taken_at.date() == now.date() for b in self.list()):
            return None
        return self.take(conn, "daily", now)

    def list(self) -> list[Backup]:
        """Backups, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match and path.is_file():
                taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                found.append(Backup(path, taken, match.group(3), int(match.group(2) or 1)))
        # within one second the name cannot order them; the file's own time can
        return sorted(
            found, key=lambda b: (b.taken_at, b.counter, b.path.stat().st_mtime_ns), reverse=True
        )

    def prune(self) -> None:
        """Delete all but the newest `keep` backups."""
        for old in self.list()[self.keep :]:
            old.path.unlink(missing_ok=True)

    def restore(self, backup: Path, database: Path) -> None:
        """Make `database` a copy of `backup`, after checking the backup is sound.

        `database` must not exist: the caller moves a damaged file aside first, so nothing is
        ever overwritten.
        """
        if database.exists():
            raise FileExistsError(f"{database} exists; move it aside before restoring")
        if not backup.is_file():
            raise FileNotFoundError(f"no backup at {backup}")
        # read-only: restoring must not change the backup (raises CorruptDatabase if damaged)
        try:
            source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
            result = source.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabase(backup, f"the backup is not readable ({exc})") from None
        if result != "ok":
            source.close()
            raise CorruptDatabase(backup, f"the backup is damaged ({result})")
        try:
            create_private_file(database)
            target = sqlite3.connect(database)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()


def move_aside(database: Path, label: str = "damaged", now: dt.datetime | None = None) -> Path:
    """Rename the log (and its -wal/-shm files) out of the way, keeping every byte."""
    now = now or dt.datetime.now()
    kept = database.with_name(f"{database.name}.{label}-{now:%Y%m%d-%H%M%S}")
    counter = 1
    while kept.exists():
        counter += 1
        kept = database.with_name(f"{database.name}.{label}-{now:%Y%m%d-%H%M%S}-{counter}")
    for suffix in ("-wal", "-shm"):
        extra = database.with_name(database.name + suffix)
        if extra.exists():
            os.replace(extra, kept.with_name(kept.name + suffix))
    os.replace(database, kept)
    return kept


__all__ = ["Backup", "BackupKeeper", "CorruptDatabase", "move_aside"]
