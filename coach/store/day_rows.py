"""A day entry in the log's tables and back: the `day` row with its tags, areas and medications.

The tables' STRICT types and CHECK constraints hold what DayEntry checks, and every write goes
through a checked DayEntry, so rows read back are trusted: nothing is checked twice on the way out.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import fields

from coach.core.log.entries import RATING_FIELDS, DayEntry, MedicationTaken, check_day_limits

# the day table's columns after the date, in DayEntry's field order
DAY_COLUMNS = (
    "pain",
    "worst_pain",
    "sleep_quality",
    "sleep_hours",
    "enjoyment",
    "activity",
    "stress",
    "note",
)
assert set(RATING_FIELDS) <= set(DAY_COLUMNS)
assert (
    tuple(  # read_days below names them in this order
        f.name for f in fields(DayEntry) if f.name not in {"date", "tags", "areas", "medications"}
    )
    == DAY_COLUMNS
)

_INSERT_DAY = (
    f"INSERT INTO day (date, {', '.join(DAY_COLUMNS)}, updated_at) "
    f"VALUES (?, {', '.join('?' for _ in DAY_COLUMNS)}, ?)"
)
_SELECT_DAYS = (
    f"SELECT date, {', '.join(DAY_COLUMNS)} FROM day WHERE date BETWEEN ? AND ? ORDER BY date"
)


def write_day(conn: sqlite3.Connection, entry: DayEntry, updated_at: str) -> None:
    """Replace the rows of `entry`'s date with it (an empty entry only removes them).

    Run inside the caller's transaction, on a connection with foreign keys on (as `connect`
    opens the log), so the old tags, areas and medications go with the old row. `updated_at` is
    the time written on the day's row.
    """
    date = entry.date.isoformat()
    conn.execute("DELETE FROM day WHERE date = ?", (date,))  # cascades to tags and areas
    if entry.is_empty():
        return
    check_day_limits(entry)  # the last fence: whatever the caller, no 100,000-tag day
    conn.execute(_INSERT_DAY, (date, *[getattr(entry, c) for c in DAY_COLUMNS], updated_at))
    conn.executemany(
        "INSERT INTO day_tag (date, tag) VALUES (?, ?)", [(date, t) for t in entry.tags]
    )
    conn.executemany(
        "INSERT INTO day_area (date, region, intensity) VALUES (?, ?, ?)",
        [(date, region, level) for region, level in entry.areas.items()],
    )
    conn.executemany(
        "INSERT INTO day_medication (date, position, name, taken_at, as_needed, helped) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                date,
                position,
                taken.name,
                None if taken.time is None else f"{taken.time:%H:%M}",
                int(taken.as_needed),
                taken.helped,
            )
            for position, taken in enumerate(entry.medications)
        ],
    )


def read_days(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> list[DayEntry]:
    """The entries from `start` to `end` inclusive, oldest first, with tags and areas in the
    order DayEntry keeps them (sorted) and medications in the order they were logged."""
    bounds = (start.isoformat(), end.isoformat())
    tags: dict[str, list[str]] = {}
    for date, tag in conn.execute(
        "SELECT date, tag FROM day_tag WHERE date BETWEEN ? AND ? ORDER BY date, tag", bounds
    ):
        if date in tags:
            tags[date].append(tag)
        else:
            tags[date] = [tag]
    areas: dict[str, dict[str, int]] = {}
    for date, region, level in conn.execute(
        "SELECT date, region, intensity FROM day_area WHERE date BETWEEN ? AND ? "
        "ORDER BY date, region",
        bounds,
    ):
        if date in areas:
            areas[date][region] = level
        else:
            areas[date] = {region: level}
    medications: dict[str, list[MedicationTaken]] = {}
    for date, name, taken_at, as_needed, helped in conn.execute(
        "SELECT date, name, taken_at, as_needed, helped FROM day_medication "
        "WHERE date BETWEEN ? AND ? ORDER BY date, position",
        bounds,
    ):
        time = None if taken_at is None else dt.time.fromisoformat(taken_at)
        medications.setdefault(date, []).append(
            MedicationTaken(name, time, bool(as_needed), helped)
        )
    # One dict per row, built in place and handed to the entry as its own: this loop is most
    # of the time a long log takes to load, so it does nothing a row does not need.
    trusted, fromisoformat = DayEntry.from_store, dt.date.fromisoformat
    tags_of, areas_of, medications_of = tags.get, areas.get, medications.get
    return [
        trusted(
            {
                "date": fromisoformat(date),
                "pain": pain,
                "worst_pain": worst_pain,
                "sleep_quality": sleep_quality,
                "sleep_hours": sleep_hours,
                "enjoyment": enjoyment,
                "activity": activity,
                "stress": stress,
                "tags": tuple(tags_of(date, ())),
                "note": note,
                "areas": areas_of(date) or {},
                "medications": tuple(medications_of(date, ())),
            }
        )
        for (
            date,
            pain,
            worst_pain,
            sleep_quality,
            sleep_hours,
            enjoyment,
            activity,
            stress,
            note,
        ) in conn.execute(_SELECT_DAYS, bounds)
    ]
