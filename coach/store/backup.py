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
        """Copy the open database into a new backup file; keep the newest `keep`.

        The copy is written under a temporary name, checked, synced and only then renamed: an
        interrupted backup (a full disk, a killed process) never looks like a finished one.
        """
        now = now or dt.datetime.now()
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stem = f"unknot-{now:%Y%m%d-%H%M%S}"
        dest = self.folder / f"{stem}-{reason}.sqlite3"
        counter = 1
        while dest.exists():
            counter += 1
            dest = self.folder / f"{stem}-{counter}-{reason}.sqlite3"
        partial = self.folder / f".{dest.name}.partial"
        partial.unlink(missing_ok=True)
        try:
            create_private_file(partial)
            target = sqlite3.connect(partial)
            try:
                conn.backup(target)
                # a backup is one self-contained file: no -wal or -shm beside it, ever
                target.execute("PRAGMA journal_mode = DELETE")
                result = target.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                target.close()
            if result != "ok":
                raise CorruptDatabase(partial, f"the new backup did not check out ({result})")
            with partial.open("rb") as written:
                os.fsync(written.fileno())
            os.replace(partial, dest)
            _sync_folder(self.folder)
        except BaseException:
            for leftover in (partial, partial.with_name(partial.name + "-journal")):
                leftover.unlink(missing_ok=True)
            raise
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
        """Finished backups, newest first: never an empty, partial or unfinished file."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match and path.is_file() and _looks_finished(path):
                taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                found.append(Backup(path, taken, match.group(3), int(match.group(2) or 1)))
        # within one second the name cannot order them; the file's own time can
        return sorted(
            found, key=lambda b: (b.taken_at, b.counter, b.path.stat().st_mtime_ns), reverse=True
        )

    def newest_with_data(self) -> Backup | None:
        """The newest backup holding at least one day or session, or None."""
        for backup in self.list():
            if holds_data(backup.path):
                return backup
        return None

    def prune(self) -> None:
        """Delete all but the newest `keep` backups, and any unfinished ones left by a crash.

        The newest backup holding data is never deleted, even when the newer ones are all of an
        empty log (a log emptied by accident must not take its backups with it).
        """
        backups = self.list()
        kept, old = backups[: self.keep], backups[self.keep :]
        if old and not any(holds_data(b.path) for b in kept):
            keep_also = next((b for b in old if holds_data(b.path)), None)
            old = [b for b in old if b is not keep_also]
        for backup in old:
            backup.path.unlink(missing_ok=True)
        for leftover in self.folder.glob(".unknot-*.partial*"):
            leftover.unlink(missing_ok=True)

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


_SQLITE_HEADER = b"SQLite format 3\x00"


def _looks_finished(path: Path) -> bool:
    """A whole SQLite file: not empty, with SQLite's header, as long as its header says."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
            size = os.fstat(file.fileno()).st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return pages == 0 or size >= page_size * pages


def holds_data(path: Path) -> bool:
    """Whether the backup at `path` holds at least one day or session (read-only; False if not
    readable)."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM day) + (SELECT count(*) FROM session)"
        ).fetchone()
        return bool(row and row[0])
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
