"""What to do with a log file that cannot be opened: keep it, then restore a backup or start anew."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.store.backup import Backup, BackupKeeper, move_aside


@dataclass(frozen=True)
class Recovery:
    """What was done: where the damaged file was kept, and which backup (if any) was restored."""

    kept_as: Path
    restored: Backup | None


def restore_newest(database: Path, keeper: BackupKeeper) -> Recovery:
    """Keep the damaged file aside, then restore the newest sound backup (older ones if needed)."""
    kept = move_aside(database)
    for backup in keeper.list():
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
