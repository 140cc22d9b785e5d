"""CSV and JSON files of the log: exact round trips, formula neutralisation, and row-by-row checks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.core.body.regions import RegionCatalogue, load_catalogue
from coach.core.log.entries import DayEntry, SessionRecord, clean_tag
from coach.core.log.exchange import CSV_COLUMNS, Decoded, UnreadableFile
from coach.core.log.exchange_csv import decode_csv, encode_csv, neutralise, restore
from coach.core.log.exchange_formats import decode, detect_format
from coach.core.log.exchange_json import decode_json, encode_json, session_key
from tests.conftest import REPO

HEADER = ",".join(CSV_COLUMNS)
# An export from before medications were logged: it still imports.
OLD_HEADER = ",".join(c for c in CSV_COLUMNS if c != "medications")
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REGIONS = sorted(load_catalogue(REPO / "assets" / "regions.toml").regions)

# -- strategies ------------------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
# Text that starts the way a formula (or an already-quoted formula) does, then anything.
RISKY = st.builds(
    str.__add__,
    st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "'=", "''+", "\uff1d", " =", "\n"]),
    TEXT,
)
NOTES = st.one_of(
    TEXT,
    RISKY,
    st.sampled_from(['a "quoted", comma', "line one\nline two\r\nthree\rfour", "日本語 ✓ é", ""]),
)


def _tag(raw: str) -> str | None:
    try:
        return clean_tag(raw)
    except ValueError:
        return None


TAGS = st.lists(st.one_of(TEXT, RISKY).map(_tag).filter(bool), max_size=4)
RATING = st.none() | st.integers(0, 10)


@st.composite
def day_lists(draw: st.DrawFn) -> list[DayEntry]:
    dates = draw(
        st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2026, 12, 1)), max_size=5, unique=True)
    )
    return [
        DayEntry(
            date,
            pain=draw(RATING),
            worst_pain=draw(RATING),
            sleep_quality=draw(RATING),
            sleep_hours=draw(st.none() | st.floats(0, 24, allow_nan=False)),
            enjoyment=draw(RATING),
            activity=draw(RATING),
            stress=draw(RATING),
            tags=tuple(draw(TAGS)),
            note=draw(NOTES),
            areas=draw(st.dictionaries(st.sampled_from(REGIONS), st.integers(0, 10), max_size=4)),
        )
        for date in dates
    ]


OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))


@st.composite
def sessions(draw: st.DrawFn) -> SessionRecord:
    start = draw(st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2026, 11, 1), timezones=OFFSETS))
    completed = draw(st.booleans())
    steps = draw(st.integers(1, 200))
    return SessionRecord(
        routine_id=draw(st.sampled_from(["pmr-16", "pmr-4", "massage-low-back"])),
        routine_title=draw(TEXT),
        started_at=start,
        ended_at=start + dt.timedelta(seconds=draw(st.floats(0, 10_000, allow_nan=False))),
        planned_seconds=draw(st.floats(0, 10_000, allow_nan=False)),
        actual_seconds=draw(st.floats(0, 10_000, allow_nan=False)),
        completed=completed,
        step_count=steps,
        stopped_at_step=None if completed else draw(st.none() | st.integers(1, steps)),
        pain_before=draw(RATING),
        pain_after=draw(RATING),
        note=draw(NOTES),
    )


# -- round trips -----------------------------------------------------------------------------------


@PROPERTY
@given(days=day_lists())
def test_csv_round_trip_is_exact(days: list[DayEntry], catalogue: RegionCatalogue) -> None:
    decoded = decode_csv(encode_csv(days), "log.csv", catalogue)

    assert decoded.problems == ()
    assert decoded.days == tuple(days)


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


@PROPERTY
@given(text=st.one_of(TEXT, RISKY))
def test_neutralise_is_undone_exactly_and_leaves_no_formula(text: str) -> None:
    cell = neutralise(text)

    assert restore(cell) == text
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_restore_keeps_an_apostrophe_that_protects_nothing() -> None:
    assert restore("'tis the season") == "'tis the season"
    assert neutralise("'tis the season") == "'tis the season"


# -- the CSV file ----------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_iso_dates_and_one_row_per_day() -> None:
    day = DayEntry(
        dt.date(2026, 2, 3),
        pain=4,
        sleep_hours=7.5,
        tags=("walk", "work"),
        areas={"left_neck": 3, "left_lower_back": 6},
        note="Café, then a long walk",
    )

    raw = encode_csv([day])

    assert raw.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    assert raw.decode("utf-8-sig").splitlines()[1] == (
        '2026-02-03,4,,,7.5,,,,walk; work,left_lower_back=6; left_neck=3,,"Café, then a long walk"'
    )


def test_formulas_are_neutralised_in_the_raw_text() -> None:
    days = [
        DayEntry(dt.date(2026, 1, 1), note='=HYPERLINK("http://x")'),
        DayEntry(dt.date(2026, 1, 2), note="+1", tags=("=cmd", "walk")),
        DayEntry(dt.date(2026, 1, 3), note="-2"),
        DayEntry(dt.date(2026, 1, 4), note="@SUM(A1)"),
        DayEntry(dt.date(2026, 1, 5), note="\tlead"),
        DayEntry(dt.date(2026, 1, 6), note="'=already quoted"),
        DayEntry(dt.date(2026, 1, 7), note="plain = fine"),
    ]

    rows = list(csv.reader(io.StringIO(encode_csv(days).decode("utf-8-sig"), newline="")))
    notes = [row[-1] for row in rows[1:]]

    assert notes == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tlead",
        "''=already quoted",
        "plain = fine",
    ]
    assert rows[2][CSV_COLUMNS.index("tags")] == "'=cmd; walk"
    assert decode_csv(encode_csv(days), "x.csv").days == tuple(days)


def test_bad_rows_are_reported_by_spreadsheet_row_and_the_rest_kept(
    catalogue: RegionCatalogue,
) -> None:
    text = (
        f"{OLD_HEADER}\n"
        "2026-01-01,3,,,,,,,,,\n"  # row 2: good
        '2026-01-02,,,,,,,,,,"two\nlines"\n'  # row 3 (one row, two lines): good
        "2026-01-03,11,x,,,,,,,,\n"  # row 4: two problems
        "\n"  # row 5: empty
        "2026-02-30,,,,,,,,,,\n"  # row 6: no such date
        "2026-01-06,,,,,,,,,left_nek=3,\n"  # row 7: unknown region
        "2026-01-01,1,,,,,,,,,\n"  # row 8: date given twice
        "2026-01-09,,,,,,,,,,,extra\n"  # row 9: too many cells
        "2026-01-10,2\n"  # row 10: short rows are fine
    )

    decoded = decode_csv(text.encode(), "log.csv", catalogue)

    assert [str(p) for p in decoded.problems] == [
        "log.csv:4: pain: must be from 0 to 10, got 11",
        "log.csv:4: worst_pain: must be a whole number from 0 to 10, got 'x'",
        "log.csv:6: date: is not a real date: '2026-02-30'",
        "log.csv:7: areas: unknown region 'left_nek'; did you mean 'left_neck'?",
        "log.csv:8: date: 2026-01-01 is already in row 2",
        "log.csv:9: row: has 12 cells, the header 11",
    ]
    assert [d.date.day for d in decoded.days] == [1, 2, 10]
    assert decoded.days[1].note == "two\nlines"
    assert decoded.rejected_rows == 5
    assert decoded.rows == 8


def test_every_value_is_checked(catalogue: RegionCatalogue) -> None:
    cells = {
        "sleep_hours": ("25", "must be from 0 to 24 hours"),
        "stress": ("4.5", "whole number"),
        "tags": ("a;" + "b" * 41, "at most 40"),
        "areas": ("left_neck", "region=intensity"),
        "enjoyment": ("", None),
        "activity": ("10", None),
    }
    for column, (value, expected) in cells.items():
        row = ["2026-01-01"] + [""] * (len(CSV_COLUMNS) - 1)
        row[CSV_COLUMNS.index(column)] = value
        decoded = decode_csv(f"{HEADER}\n{','.join(row)}\n".encode(), "f.csv", catalogue)
        if expected is None:
            assert decoded.problems == (), column
        else:
            assert len(decoded.problems) == 1, column
            assert expected in decoded.problems[0].message, column


def test_spreadsheet_variants_are_read() -> None:
    semicolons = "date;pain;worst_pain;sleep_quality;sleep_hours;enjoyment;activity;stress;tags;areas;note\r\n2026-01-01;3;;;7,5;;;;;;x\r\n"
    reordered = "note,date,tags,areas,pain,worst_pain,sleep_quality,sleep_hours,enjoyment,activity,stress\n'=1,2026-01-01,,,3,,,7:30,,,\n"

    for raw in (semicolons.encode("utf-8"), semicolons.encode("utf-16"), reordered.encode()):
        decoded = decode_csv(raw, "f.csv")
        assert decoded.problems == ()
        assert decoded.days[0].pain == 3
        assert decoded.days[0].sleep_hours == 7.5
    assert decode_csv(reordered.encode(), "f.csv").days[0].note == "=1"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "f.csv: the file is empty"),
        (b"\xef\xbb\xbf\r\n", "f.csv: the file is empty"),
        (b",,\r\n , \n", "f.csv: the file is empty"),
        (b"2026-01-01,3\n", "f.csv:1: the first row must be the header: date,pain,"),
        (b"date,pain,mood\n", "f.csv:1: unknown column 'mood'"),
        (b"date,pian\n", "unknown column 'pian' (did you mean 'pain'?)"),
        (b"date,pain\n", "f.csv:1: missing column(s) worst_pain, sleep_quality"),
        (f"{HEADER},pain\n".encode(), "column 'pain' appears twice"),
        (b"date,pain\n2026-01-01,\xe9t\xe9\n", "not UTF-8 text (byte 0xe9 at offset 21)"),
    ],
)
def test_unreadable_csv_files(raw: bytes, message: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_csv(raw, "f.csv")

    assert message in str(caught.value)


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


# -- choosing a format, and sessions' identity -----------------------------------------------------


def test_format_comes_from_the_extension_then_the_content() -> None:
    assert detect_format("LOG.JSON", b"date,pain") == "json"
    assert detect_format("log.csv", b"{") == "csv"
    assert detect_format("log", b'\xef\xbb\xbf  {"format": 1}') == "json"
    assert detect_format("log", b"date,pain") == "csv"
    assert isinstance(decode(encode_json([], [], NOW), "export"), Decoded)


def test_a_session_is_the_same_whatever_offset_its_start_is_written_in() -> None:
    utc = dt.datetime(2026, 1, 1, 7, 0, tzinfo=dt.UTC)
    paris = utc.astimezone(dt.timezone(dt.timedelta(hours=1)))
    one = SessionRecord("pmr-4", "Four", utc, utc, 1.0, 1.0, True, 1)
    other = SessionRecord("pmr-4", "Four", paris, paris, 1.0, 1.0, True, 1)

    assert session_key(one) == session_key(other)
