"""Sample days and sessions shared by the store's tests (a fixed clock, a full day, a session)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

from coach.core.log.entries import DayEntry, SessionRecord
from coach.store.connection import connect
from coach.store.migrations import migrate

NOW = dt.datetime(2024, 6, 1, 21, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
D = dt.date(2024, 6, 1)


def migrated(path: Path) -> sqlite3.Connection:
    """A new log file at `path` opened as the app opens it (foreign keys on), with the schema."""
    conn = connect(path)
    migrate(conn)
    return conn


def tz(hours: float) -> dt.timezone:
    """A fixed UTC offset of `hours`."""
    return dt.timezone(dt.timedelta(hours=hours))


def full_day(date: dt.date = D) -> DayEntry:
    """A day with every field filled in."""
    return DayEntry(
        date,
        pain=4,
        worst_pain=7,
        sleep_quality=3,
        sleep_hours=6.5,
        enjoyment=5,
        activity=6,
        stress=8,
        tags=("walk", "rain"),
        note='Stiff in the morning.\nBetter after the walk; "ok" by evening.',
        areas={"lower_back": 6, "neck": 2},
    )


def session(
    start: dt.datetime, minutes: float = 20, completed: bool = True, **changes: object
) -> SessionRecord:
    """A session of the 16-step relaxation routine from `start`, with `changes` made."""
    record = SessionRecord(
        routine_id="pmr-16",
        routine_title="Progressive relaxation",
        started_at=start,
        ended_at=start + dt.timedelta(minutes=minutes),
        planned_seconds=minutes * 60,
        actual_seconds=minutes * 60,
        completed=completed,
        step_count=16,
        pain_before=6,
        pain_after=4,
    )
    return dataclasses.replace(record, **changes)


def count(conn: sqlite3.Connection, table: str) -> int:
    """Rows in `table`."""
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
