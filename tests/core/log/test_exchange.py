"""What both file formats of the log share: values read from text, regions checked, medications
written and read back, and whole files refused with their name."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry, InvalidEntry, MedicationTaken
from coach.core.log.exchange import (
    Decoded,
    ParsedRow,
    RowProblem,
    UnreadableFile,
    file_text,
    medication_text,
    parse_areas,
    parse_date,
    parse_hours,
    parse_medication,
    parse_rating,
    unique_days,
)


@pytest.mark.parametrize(
    ("text", "hours"), [("7.5", 7.5), ("7,5", 7.5), ("7:30", 7.5), (" 8 ", 8.0), ("", None)]
)
def test_hours_are_read_the_ways_spreadsheets_write_them(text: str, hours: float | None) -> None:
    assert parse_hours("sleep_hours", text) == hours


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25", "must be from 0 to 24 hours"),
        ("-1", "must be from 0 to 24 hours"),
        ("nan", "must be from 0 to 24 hours"),
        ("seven", "must be a number of hours from 0 to 24, got 'seven'"),
        ("7:75", "must be a number of hours"),
    ],
)
def test_hours_out_of_range_are_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(InvalidEntry) as refused:
        parse_hours("sleep_hours", text)

    assert refused.value.field == "sleep_hours"
    assert message in refused.value.message


def test_ratings_and_dates_say_what_was_wrong() -> None:
    assert parse_rating("pain", " 4 ") == 4
    assert parse_rating("pain", "") is None
    with pytest.raises(InvalidEntry, match="got 11"):
        parse_rating("pain", "11")
    with pytest.raises(InvalidEntry, match="whole number from 0 to 10, got 'lots'"):
        parse_rating("pain", "lots")
    assert parse_date(" 2026-02-28 ") == dt.date(2026, 2, 28)
    with pytest.raises(ValueError, match="is not a real date: '2026-02-29'"):
        parse_date("2026-02-29")
    with pytest.raises(ValueError, match="YYYY-MM-DD, got '28/02/2026'"):
        parse_date("28/02/2026")


def test_areas_are_checked_against_the_catalogue(catalogue: RegionCatalogue) -> None:
    assert parse_areas("left_neck=3; right_calf = 0", catalogue) == {
        "left_neck": 3,
        "right_calf": 0,
    }
    assert parse_areas("", catalogue) == {}
    refusals = {
        "neck_left=3": "did you mean 'left_neck'?",
        "left_neck": "write each area as region=intensity",
        "left_neck=": "needs an intensity from 0 to 10",
        "left_neck=2; left_neck=3": "left_neck is given twice",
        "left_neck=11": "got 11",
    }
    for text, message in refusals.items():
        with pytest.raises(InvalidEntry) as refused:
            parse_areas(text, catalogue)
        assert message in refused.value.message, text


def test_a_medication_is_written_on_one_line_and_read_back_exactly() -> None:
    taken = [
        MedicationTaken("ibuprofen 400 mg"),
        MedicationTaken("paracetamol 1 g", dt.time(21, 30), True, 4),
        MedicationTaken("naproxen", None, False, 0),
    ]

    assert [medication_text(t) for t in taken] == [
        "ibuprofen 400 mg",
        "paracetamol 1 g | 21:30 | as needed | helped 4",
        "naproxen | helped 0",
    ]
    assert [parse_medication(medication_text(t)) for t in taken] == taken
    assert parse_medication("x | helped: 3 | PRN | 07:05") == MedicationTaken(
        "x", dt.time(7, 5), True, 3
    )
    for bad in ("x | 24:00", "x | twice", "x | helped"):
        with pytest.raises(InvalidEntry):
            parse_medication(bad)


def test_a_row_keeps_every_problem_and_builds_nothing() -> None:
    row = ParsedRow()
    row.take("date", parse_date, "2026-01-01")
    row.take("pain", lambda v: parse_rating("pain", v), "12")
    row.take("sleep_hours", lambda v: parse_hours("sleep_hours", v), "x")

    assert row.build(DayEntry) is None
    assert [name for name, _ in row.problems] == ["pain", "sleep_hours"]


def test_a_date_given_twice_refuses_the_later_row() -> None:
    def row(date: str) -> ParsedRow:
        parsed = ParsedRow()
        parsed.take("date", parse_date, date)
        return parsed

    problems: list[RowProblem] = []
    days = unique_days(
        [("row 2", row("2026-01-01")), ("row 3", row("2026-01-01")), ("row 4", row("2026-01-02"))],
        "f.csv",
        problems,
    )

    assert [d.date.day for d in days] == [1, 2]
    assert [str(p) for p in problems] == ["f.csv:3: date: 2026-01-01 is already in row 2"]
    assert Decoded(problems=(*problems, *problems)).rejected_rows == 1


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbfdate\n", "date\n"),
        ("date\n".encode("utf-16"), "date\n"),
        ("café\n".encode(), "café\n"),
    ],
)
def test_file_text_takes_utf8_with_or_without_a_bom_and_utf16(data: bytes, text: str) -> None:
    assert file_text(data, "f.csv") == text


def test_file_text_refuses_other_encodings_and_empty_files_naming_the_file() -> None:
    with pytest.raises(UnreadableFile) as latin1:
        file_text("date\ncafé\n".encode("latin-1"), "old.csv")
    with pytest.raises(UnreadableFile) as empty:
        file_text(b" \r\n\t", "blank.csv")

    assert str(latin1.value).startswith(
        "old.csv: the file is not UTF-8 text (byte 0xe9 at offset 8)"
    )
    assert str(empty.value) == "blank.csv: the file is empty"
    assert str(UnreadableFile("f.csv", "bad", "line 4")) == "f.csv:line 4: bad"
