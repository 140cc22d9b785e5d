"""What to do with a log file that cannot be opened: keep it, then restore a backup or start anew.

Also the two big changes the person can ask for in Settings: restoring a chosen backup, and
deleting all their data. Both say exactly what they did.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from coach.store.backup import Backup, BackupKeeper, holds_data, move_aside
from coach.store.repository import LogRepository


@dataclass(frozen=True)
class Recovery:
    """What was done: where the damaged file was kept, and which backup (if any) was restored."""

    kept_as: Path
    restored: Backup | None


def restore_newest(database: Path, keeper: BackupKeeper) -> Recovery:
    """Keep the damaged file aside, then restore the newest sound backup (older ones if needed).

    A backup holding days or sessions comes before a newer one of an empty log (taken, say, the
    day an emptied log was opened).
    """
    kept = move_aside(database)
    backups = keeper.list()
    for backup in [b for b in backups if holds_data(b.path)] + [
        b for b in backups if not holds_data(b.path)
    ]:
        try:
            keeper.restore(backup.path, database)
        except Exception:  # noqa: BLE001 - a damaged backup: try the next older one
            database.unlink(missing_ok=True)
            continue
        return Recovery(kept, backup)
    return Recovery(kept, None)


def start_new(database: Path) -> Recovery:
    """Keep the damaged file aside; the app then creates a new, empty log."""
    return Recovery(move_aside(database), None)


# -- on the person's request, from Settings ---------------------------------------------------------


@dataclass(frozen=True)
class Replacement:
    """A restore the person asked for: the backup now in use, and where the previous log went.

    `safety_backup`: a backup of the log as it was just before (in the backups folder).
    `kept_as`: the previous log file itself, moved aside beside the new one.
    """

    restored: Backup
    safety_backup: Path
    kept_as: Path


def restore_chosen(
    log: LogRepository, backup: Backup, database: Path, keeper: BackupKeeper
) -> Replacement:
    """Make `log` use a copy of `backup` in place of its current file, losing nothing.

    First the backup is checked by copying it beside the log (a damaged one raises
    CorruptDatabase and nothing has changed). Then the current log is backed up, closed and moved
    aside, the copy takes its place and is opened (migrated if it is older) through the same
    `log` object. If opening fails, the previous file is put back and reopened, and the error raised.
    """
    incoming = database.with_name(database.name + ".restoring")
    incoming.unlink(missing_ok=True)  # left over from an interrupted restore: only a copy
    try:
        keeper.restore(backup.path, incoming)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    # keep one more than usual for now, so this backup cannot prune the one being restored
    roomy = BackupKeeper(keeper.folder, keep=max(keeper.keep, len(keeper.list()) + 1))
    try:
        safety = roomy.take(log.conn, "before-restore")
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    log.close()  # folds the write-ahead log into the file, so the file moved aside is whole
    kept = move_aside(database, "replaced")
    os.replace(incoming, database)
    try:
        fresh = LogRepository.open(database, keeper, now=log.now)
    except BaseException:
        failed = move_aside(database, "failed-restore")
        _move_back(kept, database)
        log.replace_connection(LogRepository.open(database, keeper, now=log.now).conn)
        for leftover in (failed, *(failed.with_name(failed.name + x) for x in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)  # only a copy of the backup, which is still there
        raise
    log.replace_connection(fresh.conn)
    return Replacement(backup, safety, kept)


def _move_back(kept: Path, database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        extra = kept.with_name(kept.name + suffix)
        if extra.exists():
            os.replace(extra, database.with_name(database.name + suffix))
    os.replace(kept, database)


@dataclass(frozen=True)
class Erased:
    """What "delete all my data" deleted."""

    days: int
    sessions: int
    backups: int
    kept_copies: int  # earlier log files kept aside (damaged, or replaced by a restore)


def kept_copies(database: Path) -> list[Path]:
    """Earlier log files moved aside beside the log (with their -wal/-shm files), oldest first."""
    pattern = re.compile(
        rf"^{re.escape(database.name)}\.[a-z-]+-\d{{8}}-\d{{6}}(?:-\d+)?(?:-wal|-shm)?$"
    )
    if not database.parent.is_dir():
        return []
    return sorted(p for p in database.parent.iterdir() if pattern.match(p.name) and p.is_file())


def erase_everything(log: LogRepository, keeper: BackupKeeper, database: Path) -> Erased:
    """Delete every day and session, every backup and every copy kept aside; keep the folder.

    The log file stays (empty, ready for new entries); the person's own routine files and the
    settings are not touched.
    """
    days = len(log.days(dt.date.min, dt.date.max))
    sessions = len(log.sessions(dt.date.min, dt.date.max))
    log.delete_everything()
    backups = keeper.list()
    for backup in backups:
        backup.path.unlink(missing_ok=True)
    copies = kept_copies(database)
    for copy in copies:
        copy.unlink(missing_ok=True)
    logs = [c for c in copies if not c.name.endswith(("-wal", "-shm"))]
    return Erased(days, sessions, len(backups), len(logs))
