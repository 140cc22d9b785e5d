"""The log as CSV: exact round trips, formula neutralisation, row-by-row checks, and files that
cannot be read named by file and line."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry
from coach.core.log.exchange import CSV_COLUMNS, UnreadableFile
from coach.core.log.exchange_csv import CsvDays, decode_csv, encode_csv, neutralise, restore
from tests.core.log.exchange_strategies import PROPERTY, RISKY, TEXT, day_lists

HEADER = ",".join(CSV_COLUMNS)
# An export from before medications were logged: it still imports.
OLD_HEADER = ",".join(c for c in CSV_COLUMNS if c != "medications")

# -- round trips -----------------------------------------------------------------------------------


@PROPERTY
@given(days=day_lists())
def test_csv_round_trip_is_exact(days: list[DayEntry], catalogue: RegionCatalogue) -> None:
    decoded = decode_csv(encode_csv(days), "log.csv", catalogue)

    assert decoded.problems == ()
    assert decoded.days == tuple(days)


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


# -- reading as a stream ---------------------------------------------------------------------------


def test_a_stream_keeps_the_first_problems_and_counts_the_rest() -> None:
    rows = "".join(f"2026-01-{day:02d},11,,,,,,,,,\n" for day in range(1, 6))
    reader = CsvDays(
        io.StringIO(f"{OLD_HEADER}\n{rows}2026-02-01,3,,,,,,,,,\n"), "s.csv", max_problems=2
    )

    days = list(reader)

    assert [d.date for d in days] == [dt.date(2026, 2, 1)]
    assert [str(p) for p in reader.problems] == [
        "s.csv:2: pain: must be from 0 to 10, got 11",
        "s.csv:3: pain: must be from 0 to 10, got 11",
    ]
    assert (reader.more_problems, reader.rows, reader.rejected) == (3, 6, 5)


def test_an_unclosed_quote_is_refused_naming_the_line_it_opened_on() -> None:
    text = f'{OLD_HEADER}\n2026-01-01,3,,,,,,,,,ok\n2026-01-02,3,,,,,,,,,"open\n2026-01-03,4\n'

    with pytest.raises(UnreadableFile) as caught:
        decode_csv(text.encode(), "q.csv")

    assert str(caught.value).startswith('q.csv:line 3: a quote (") opened on this line')


def test_a_line_longer_than_a_mebibyte_is_refused_without_holding_it() -> None:
    stream = io.StringIO(f"{OLD_HEADER}\n" + "x" * (2 * 1024 * 1024))

    with pytest.raises(UnreadableFile, match=r"l\.csv:line 2: a line is longer than 1 MiB"):
        list(CsvDays(stream, "l.csv"))
