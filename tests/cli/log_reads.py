"""Reading back what a `coach` command wrote into a log, for the CLI tests: the SQL dump (with the
plain sqlite3 module), one stored day, or every day and session (through the repository)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from coach.core.log.entries import DayEntry, SessionRecord
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository


def dump(database: Path) -> list[str]:
    """Everything in the log as SQL, read with the plain sqlite3 module."""
    conn = sqlite3.connect(database)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def stored_day(paths: Paths, date: dt.date | str) -> DayEntry | None:
    """The day as the log holds it, or None."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        return repo.get_day(date)
    finally:
        repo.close()


def all_of(paths: Paths) -> tuple[list[DayEntry], list[SessionRecord]]:
    """Every day and every session in the log."""
    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        return repo.days(dt.date.min, dt.date.max), repo.sessions(dt.date.min, dt.date.max)
    finally:
        repo.close()
