"""Session records to rows and back, on a log file opened as the app opens it: every field,
time zones, the order they started in, and the updates a running session writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.log.entries import InvalidEntry, SessionRecord
from coach.store.session_rows import (
    SESSION_COLUMNS,
    insert_session,
    read_sessions,
    write_feedback,
    write_progress,
)
from tests.store.log_samples import D, count, migrated, session, tz


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = migrated(tmp_path / "unknot.sqlite3")
    yield connection
    connection.close()


def test_a_session_round_trips_with_every_field(conn):
    start = dt.datetime(2024, 6, 1, 7, 5, 9, 123456, tzinfo=tz(5.5))
    stopped = session(
        start,
        minutes=12.5,
        completed=False,
        stopped_at_step=7,
        actual_seconds=401.25,
        pain_before=None,
        pain_after=3,
        note="phone rang; back to it tomorrow",
    )
    saved = insert_session(conn, stopped)
    assert saved == dataclasses.replace(stopped, id=saved.id)
    assert read_sessions(conn, D, D) == [saved]
    assert read_sessions(conn, D, D)[0].completed is False
    assert saved.pain_change is None


def test_sessions_are_ordered_by_the_instant_they_started_across_time_zones(conn):
    # 08:00 in Tokyo is 23:00 UTC the day before; 23:30 in New York is 04:30 UTC the next day
    tokyo = insert_session(conn, session(dt.datetime(2024, 6, 2, 8, 0, tzinfo=tz(9))))
    london = insert_session(conn, session(dt.datetime(2024, 6, 2, 7, 0, tzinfo=tz(1))))
    new_york = insert_session(conn, session(dt.datetime(2024, 6, 1, 23, 30, tzinfo=tz(-5))))
    same_instant = insert_session(conn, session(dt.datetime(2024, 6, 2, 9, 0, tzinfo=tz(10))))
    loaded = read_sessions(conn, dt.date.min, dt.date.max)
    assert [s.id for s in loaded] == [tokyo.id, same_instant.id, new_york.id, london.id]
    assert loaded == [tokyo, same_instant, new_york, london]
    assert loaded[0].completed is True


def test_a_session_crossing_midnight_belongs_to_the_day_it_started(conn):
    start = dt.datetime(2024, 3, 9, 23, 50, tzinfo=tz(1))
    record = insert_session(conn, session(start, minutes=30))
    assert record.id is not None
    assert record.ended_at == dt.datetime(2024, 3, 10, 0, 20, tzinfo=tz(1))
    assert record.day == dt.date(2024, 3, 9)
    assert read_sessions(conn, dt.date(2024, 3, 9), dt.date(2024, 3, 9)) == [record]
    assert read_sessions(conn, dt.date(2024, 3, 10), dt.date(2024, 3, 10)) == []
    (loaded,) = read_sessions(conn, dt.date.min, dt.date.max)
    assert loaded.started_at.utcoffset() == dt.timedelta(hours=1)
    assert loaded.ended_at.isoformat() == "2024-03-10T00:20:00+01:00"
    day = conn.execute("SELECT day FROM session").fetchone()[0]
    assert day == "2024-03-09", "the local date it started on, stored for selecting by day"


def test_a_session_on_a_date_the_log_cannot_hold_is_refused(conn):
    with pytest.raises(InvalidEntry, match="started_at"):
        insert_session(conn, session(dt.datetime(9999, 12, 31, 23, 0, tzinfo=tz(0))))
    assert count(conn, "session") == 0


def test_progress_and_feedback_update_only_their_own_columns(conn):
    start = dt.datetime(2024, 6, 1, 7, 5, tzinfo=tz(1))
    begun = insert_session(
        conn, session(start, minutes=0, completed=False, stopped_at_step=1, actual_seconds=0.0)
    )
    done = dataclasses.replace(
        begun,
        ended_at=start + dt.timedelta(minutes=8),
        actual_seconds=480.0,
        completed=True,
        stopped_at_step=None,
        pain_after=1,  # not progress: left as it was
    )
    write_progress(conn, done)
    assert read_sessions(conn, D, D) == [dataclasses.replace(done, pain_after=begun.pain_after)]
    assert begun.id is not None
    write_feedback(conn, begun.id, None, "looser")
    [stored] = read_sessions(conn, D, D)
    assert (stored.pain_after, stored.note, stored.completed) == (None, "looser", True)


def test_the_columns_are_the_records_fields_with_the_local_day_after_the_title():
    fields = [f.name for f in dataclasses.fields(SessionRecord) if f.name != "id"]
    assert (*fields[:2], "day", *fields[2:]) == SESSION_COLUMNS
