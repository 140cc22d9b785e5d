"""Day entries to rows and back, on a log file opened as the app opens it: every field, the
order DayEntry keeps, ranges, and the last fence against oversized days."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry, InvalidEntry, MedicationTaken
from coach.store.day_rows import DAY_COLUMNS, read_days, write_day
from tests.store.log_samples import D, count, full_day, migrated

STAMP = "2024-06-01T21:15:30+02:00"


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = migrated(tmp_path / "unknot.sqlite3")
    yield connection
    connection.close()


def write(conn: sqlite3.Connection, *entries: DayEntry) -> None:
    for entry in entries:
        write_day(conn, entry, STAMP)


def test_loaded_days_equal_the_checked_entries_with_tags_and_areas_in_order(conn):
    written = [
        full_day(D),
        DayEntry(D + dt.timedelta(days=1), tags=("zebra", "apple", "mango")),
        DayEntry(D + dt.timedelta(days=2), areas={"neck": 3, "left_calf": 9, "lower_back": 0}),
        DayEntry(D + dt.timedelta(days=3), sleep_hours=7),
        DayEntry(
            D + dt.timedelta(days=4),
            medications=(
                MedicationTaken("paracetamol 1 g", None, True, 4),
                MedicationTaken("ibuprofen 400 mg", dt.time(8, 5)),
            ),
        ),
    ]
    write(conn, *written)
    loaded = read_days(conn, D, D + dt.timedelta(days=4))
    assert loaded == written
    assert loaded[1].tags == ("apple", "mango", "zebra")
    assert list(loaded[2].areas) == ["left_calf", "lower_back", "neck"]
    assert isinstance(loaded[3].sleep_hours, float)
    assert loaded[0].areas is not loaded[2].areas
    assert loaded[3].areas == {}
    assert loaded[4].medications[0].name == "paracetamol 1 g", "in the order they were logged"
    assert loaded[4].medications[1].time == dt.time(8, 5)
    assert loaded[3].medications == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded[0].pain = 1  # type: ignore[misc]


def test_only_the_date_is_needed(conn):
    write(
        conn,
        DayEntry(D, tags=("flare",)),
        DayEntry(D + dt.timedelta(days=1), sleep_hours=0.0),
        DayEntry(D + dt.timedelta(days=2), areas={"neck": 0}),
    )
    assert read_days(conn, D, D + dt.timedelta(days=2)) == [
        DayEntry(D, tags=("flare",)),
        DayEntry(D + dt.timedelta(days=1), sleep_hours=0.0),
        DayEntry(D + dt.timedelta(days=2), areas={"neck": 0}),
    ]


def test_every_field_is_a_column_and_the_row_carries_the_time_it_was_written(conn):
    write(conn, full_day())
    row = conn.execute(f"SELECT {', '.join(DAY_COLUMNS)}, updated_at FROM day").fetchone()
    entry = full_day()
    assert row == (*(getattr(entry, c) for c in DAY_COLUMNS), STAMP)


def test_writing_replaces_the_date_and_an_empty_entry_only_removes_it(conn):
    write(conn, full_day(), full_day(D + dt.timedelta(days=1)))
    write(conn, DayEntry(D, pain=1, tags=("sun",)))
    assert read_days(conn, D, D) == [DayEntry(D, pain=1, tags=("sun",))]
    write(conn, DayEntry(D))
    assert read_days(conn, D, D) == []
    assert count(conn, "day") == 1, "the other day is untouched"
    assert count(conn, "day_tag") == len(full_day().tags)


def test_a_range_is_inclusive_oldest_first_and_empty_when_backwards(conn):
    dates = [D + dt.timedelta(days=i) for i in (5, -3, 0, 2)]
    write(conn, *(DayEntry(date, pain=i, tags=(f"t{i}",)) for i, date in enumerate(dates)))
    found = read_days(conn, D, D + dt.timedelta(days=5))
    assert [(d.date, d.tags) for d in found] == [
        (D, ("t2",)),
        (D + dt.timedelta(days=2), ("t3",)),
        (D + dt.timedelta(days=5), ("t0",)),
    ]
    assert read_days(conn, D, D - dt.timedelta(days=1)) == []


def test_a_day_over_the_limits_is_refused_with_nothing_added(conn):
    huge = DayEntry(D, tags=tuple(f"tag{i}" for i in range(1000)))
    with pytest.raises(InvalidEntry, match="at most"):
        write(conn, huge)
    assert count(conn, "day") == 0
    assert count(conn, "day_tag") == 0
