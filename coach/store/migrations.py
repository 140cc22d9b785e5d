"""The log's schema, versioned with PRAGMA user_version and migrated one numbered step at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coach.store.connection import transaction


@dataclass(frozen=True)
class Migration:
    """Statements that take the schema from `version - 1` to `version`."""

    version: int
    description: str
    statements: tuple[str, ...]


RATING = "INTEGER CHECK ({0} IS NULL OR {0} BETWEEN 0 AND 10)"

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "days with ratings, tags and areas; sessions",
        (
            f"""CREATE TABLE day (
                date TEXT PRIMARY KEY CHECK (date IS date(date)),
                pain {RATING.format("pain")},
                worst_pain {RATING.format("worst_pain")},
                sleep_quality {RATING.format("sleep_quality")},
                sleep_hours REAL CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
                enjoyment {RATING.format("enjoyment")},
                activity {RATING.format("activity")},
                stress {RATING.format("stress")},
                note TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL
            ) STRICT""",
            """CREATE TABLE day_tag (
                date TEXT NOT NULL REFERENCES day(date) ON DELETE CASCADE,
                tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
                PRIMARY KEY (date, tag)
            ) STRICT, WITHOUT ROWID""",
            """CREATE TABLE day_area (
                date TEXT NOT NULL REFERENCES day(date) ON DELETE CASCADE,
                region TEXT NOT NULL,
                intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
                PRIMARY KEY (date, region)
            ) STRICT, WITHOUT ROWID""",
            f"""CREATE TABLE session (
                id INTEGER PRIMARY KEY,
                routine_id TEXT NOT NULL,
                routine_title TEXT NOT NULL,
                day TEXT NOT NULL CHECK (day IS date(day)),
                started_at TEXT NOT NULL,
                ended_at TEXT NOT NULL,
                planned_seconds REAL NOT NULL CHECK (planned_seconds >= 0),
                actual_seconds REAL NOT NULL CHECK (actual_seconds >= 0),
                completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
                step_count INTEGER NOT NULL CHECK (step_count >= 1),
                stopped_at_step INTEGER CHECK (stopped_at_step IS NULL OR stopped_at_step BETWEEN 1 AND step_count),
                pain_before {RATING.format("pain_before")},
                pain_after {RATING.format("pain_after")},
                note TEXT NOT NULL DEFAULT ''
            ) STRICT""",
            "CREATE INDEX session_by_day ON session (day)",
        ),
    ),
    Migration(
        2,
        "medications taken each day, and the person's own list of medicines",
        (
            f"""CREATE TABLE day_medication (
                date TEXT NOT NULL REFERENCES day(date) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
                taken_at TEXT CHECK (taken_at IS NULL OR taken_at GLOB '[0-2][0-9]:[0-5][0-9]'),
                as_needed INTEGER NOT NULL CHECK (as_needed IN (0, 1)),
                helped {RATING.format("helped")},
                PRIMARY KEY (date, position)
            ) STRICT, WITHOUT ROWID""",
            """CREATE TABLE medicine (
                name TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
                as_needed INTEGER NOT NULL DEFAULT 0 CHECK (as_needed IN (0, 1)),
                position INTEGER NOT NULL DEFAULT 0
            ) STRICT""",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version written in the file."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(
    conn: sqlite3.Connection,
    before: Callable[[int, int], None] | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> list[int]:
    """Apply the missing migrations in order, each in its own transaction; returns those applied.

    `before(current, target)` runs first when there is something to do (the caller backs up).
    """
    current = user_version(conn)
    pending = [m for m in migrations if m.version > current]
    if not pending:
        return []
    if before is not None:
        before(current, pending[-1].version)
    applied = []
    for migration in pending:
        with transaction(conn):
            # read again under the write lock: another process may have migrated meanwhile
            if user_version(conn) >= migration.version:
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        applied.append(migration.version)
    return applied
