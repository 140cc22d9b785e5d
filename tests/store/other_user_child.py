"""Run by test_read_only_shm as another user (nobody): open the log and save a day.

Usage: python3 other_user_child.py REPO SITE_PACKAGES DATABASE; writes what happened to stdout.
"""

from __future__ import annotations

import sys


def main(repo: str, site: str, database: str) -> None:
    sys.path[:0] = [repo, site]
    import datetime as dt
    from pathlib import Path

    from coach.core.log.entries import DayEntry
    from coach.store.backup import BackupKeeper
    from coach.store.connection import DatabaseTrouble
    from coach.store.repository import LogRepository

    path = Path(database)
    try:
        log = LogRepository.open(path, BackupKeeper(path.parent / "backups"))
        log.save_day(DayEntry(dt.date(2026, 1, 5), pain=2))
        sys.stdout.write("SAVED\n")
    except DatabaseTrouble as trouble:
        sys.stdout.write(f"TROUBLE {type(trouble).__name__} {trouble.reason}\n")
    except Exception as exc:  # noqa: BLE001 - reported to the test, which says what it expected
        import traceback

        sys.stdout.write(f"ERROR {type(exc).__name__} {exc}\n{traceback.format_exc()}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
