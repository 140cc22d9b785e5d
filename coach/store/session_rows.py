"""A played session in the log's `session` table and back.

Rows are trusted on the way out, as the days are (see day_rows): the table's STRICT types and
CHECK constraints hold SessionRecord's rules, and every row was written from a checked record.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace

from coach.core.log.entries import SESSION_FIELDS, SessionRecord, check_storable_date

# the record's values, with the local date it started on (for selecting by day) after the title
SESSION_COLUMNS = (*SESSION_FIELDS[:2], "day", *SESSION_FIELDS[2:])
assert SESSION_FIELDS == (  # read_sessions below names them in this order
    "routine_id",
    "routine_title",
    "started_at",
    "ended_at",
    "planned_seconds",
    "actual_seconds",
    "completed",
    "step_count",
    "stopped_at_step",
    "pain_before",
    "pain_after",
    "note",
)

_INSERT_SESSION = (
    f"INSERT INTO session ({', '.join(SESSION_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in SESSION_COLUMNS)})"
)
# by the instant they started, whatever time zone each was played in: julianday() reads the
# offset (to the millisecond; the text, then the id, order what it cannot tell apart)
_SELECT_SESSIONS = (
    f"SELECT id, {', '.join(SESSION_FIELDS)} FROM session WHERE day BETWEEN ? AND ? "
    "ORDER BY julianday(started_at), started_at, id"
)


def insert_session(conn: sqlite3.Connection, record: SessionRecord) -> SessionRecord:
    """Add `record` as a new row (inside the caller's transaction); returns it with its id."""
    check_storable_date(record.day, "started_at")
    cursor = conn.execute(
        _INSERT_SESSION,
        (
            record.routine_id,
            record.routine_title,
            record.day.isoformat(),
            record.started_at.isoformat(),
            record.ended_at.isoformat(),
            record.planned_seconds,
            record.actual_seconds,
            int(record.completed),
            record.step_count,
            record.stopped_at_step,
            record.pain_before,
            record.pain_after,
            record.note,
        ),
    )
    return replace(record, id=cursor.lastrowid)


def read_sessions(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> list[SessionRecord]:
    """Sessions started on local dates `start` to `end` inclusive, in the order they started."""
    trusted, fromisoformat = SessionRecord.from_store, dt.datetime.fromisoformat
    return [
        trusted(
            {
                "routine_id": routine_id,
                "routine_title": routine_title,
                "started_at": fromisoformat(started_at),
                "ended_at": fromisoformat(ended_at),
                "planned_seconds": planned_seconds,
                "actual_seconds": actual_seconds,
                "completed": completed == 1,
                "step_count": step_count,
                "stopped_at_step": stopped_at_step,
                "pain_before": pain_before,
                "pain_after": pain_after,
                "note": note,
                "id": session_id,
            }
        )
        for (
            session_id,
            routine_id,
            routine_title,
            started_at,
            ended_at,
            planned_seconds,
            actual_seconds,
            completed,
            step_count,
            stopped_at_step,
            pain_before,
            pain_after,
            note,
        ) in conn.execute(_SELECT_SESSIONS, (start.isoformat(), end.isoformat()))
    ]


def write_progress(conn: sqlite3.Connection, record: SessionRecord) -> None:
    """Bring the stored row of `record` (by its id) up to how far it got and how it ended."""
    conn.execute(
        "UPDATE session SET ended_at = ?, actual_seconds = ?, completed = ?, "
        "stopped_at_step = ? WHERE id = ?",
        (
            record.ended_at.isoformat(),
            record.actual_seconds,
            int(record.completed),
            record.stopped_at_step,
            record.id,
        ),
    )


def write_feedback(
    conn: sqlite3.Connection, session_id: int, pain_after: int | None, note: str
) -> None:
    """Store what the person said after a session (pain now, a note), already checked."""
    conn.execute(
        "UPDATE session SET pain_after = ?, note = ? WHERE id = ?", (pain_after, note, session_id)
    )
