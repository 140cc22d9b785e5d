"""The log as JSON: exact round trips of days and sessions, its versioned shape, every row checked
on its own, and what makes a session the same one."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry, SessionRecord
from coach.core.log.exchange import UnreadableFile
from coach.core.log.exchange_json import decode_json, encode_json, session_key
from tests.core.log.exchange_strategies import PROPERTY, day_lists, sessions

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@PROPERTY
@given(days=day_lists(), played=st.lists(sessions(), max_size=4))
def test_json_round_trip_is_exact(
    days: list[DayEntry], played: list[SessionRecord], catalogue: RegionCatalogue
) -> None:
    decoded = decode_json(encode_json(days, played, NOW), "log.json", catalogue)

    assert decoded.problems == ()
    assert decoded.days == tuple(days)
    assert decoded.sessions == tuple(played)
    assert [s.started_at.utcoffset() for s in decoded.sessions] == [
        s.started_at.utcoffset() for s in played
    ]


# -- the JSON file ---------------------------------------------------------------------------------


def test_json_shape() -> None:
    start = dt.datetime(2026, 1, 1, 23, 50, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    played = SessionRecord(
        "pmr-4", "Four", start, start + dt.timedelta(minutes=20), 900.0, 1200.0, True, 20
    )

    document = json.loads(encode_json([DayEntry(dt.date(2026, 1, 1), pain=2)], [played], NOW))

    assert document["format"] == "unknot-log"
    assert document["version"] == 2
    assert document["exported_at"] == "2026-03-01T12:00:00+01:00"
    assert document["days"][0]["date"] == "2026-01-01"
    assert document["sessions"][0]["started_at"] == "2026-01-01T23:50:00-05:00"
    assert document["sessions"][0]["ended_at"] == "2026-01-02T00:10:00-05:00"
    assert "id" not in document["sessions"][0]


def test_json_rows_are_checked_one_by_one(catalogue: RegionCatalogue) -> None:
    good_session = {
        "routine_id": "pmr-4",
        "routine_title": "Four",
        "started_at": "2026-01-01T08:00:00+01:00",
        "ended_at": "2026-01-01T08:15:00+01:00",
        "planned_seconds": 900,
        "actual_seconds": 900,
        "completed": True,
        "step_count": 20,
    }
    document = {
        "format": "unknot-log",
        "version": 1,
        "days": [
            {"date": "2026-01-01", "pain": 3, "areas": {"left_neck": 2}},
            {"date": "2026-01-02", "pain": "3", "mood": 1},
            {"pain": 1},
            {"date": "2026-01-03", "tags": ["a;b"], "areas": {"lower_back": 4}},
            "not an object",
        ],
        "sessions": [
            good_session,
            good_session | {"started_at": "2026-01-01T08:00:00", "completed": "yes"},
            {k: v for k, v in good_session.items() if k != "step_count"},
        ],
    }

    decoded = decode_json(json.dumps(document).encode(), "f.json", catalogue)

    assert [str(p) for p in decoded.problems] == [
        "f.json:days[1]: mood: is not a known field",
        "f.json:days[1]: pain: must be a whole number from 0 to 10, got '3'",
        "f.json:days[2]: date: is missing",
        "f.json:days[3]: tags: a tag cannot contain ';', got 'a;b'",
        "f.json:days[3]: areas: 'lower_back' is a group; the log holds single regions",
        "f.json:days[4]: row: must be an object",
        "f.json:sessions[1]: started_at: needs its UTC offset (like +01:00), got '2026-01-01T08:00:00'",
        "f.json:sessions[1]: completed: must be true or false, got 'yes'",
        "f.json:sessions[2]: step_count: is missing",
    ]
    assert [d.date for d in decoded.days] == [dt.date(2026, 1, 1)]
    assert len(decoded.sessions) == 1


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{", "f.json:1: the file is not valid JSON"),
        ("[]", "not an Unknot export"),
        ('{"format": "other"}', "not an Unknot export"),
        ('{"format": "unknot-log", "version": 3}', "newer Unknot (version 3"),
        ('{"format": "unknot-log", "version": "1"}', '"version" must be a whole number'),
        ('{"format": "unknot-log", "version": 1, "extra": 1}', "unknown key 'extra'"),
        ('{"format": "unknot-log", "version": 1, "days": {}}', "must be lists"),
    ],
)
def test_unreadable_json_files(document: str, message: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_json(document.encode(), "f.json")

    assert message in str(caught.value)


def test_a_session_is_the_same_whatever_offset_its_start_is_written_in() -> None:
    utc = dt.datetime(2026, 1, 1, 7, 0, tzinfo=dt.UTC)
    paris = utc.astimezone(dt.timezone(dt.timedelta(hours=1)))
    one = SessionRecord("pmr-4", "Four", utc, utc, 1.0, 1.0, True, 1)
    other = SessionRecord("pmr-4", "Four", paris, paris, 1.0, 1.0, True, 1)

    assert session_key(one) == session_key(other)
