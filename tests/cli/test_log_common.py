"""What the log's commands share: opening the log (and refusing plainly), the dry run's empty or
read-only log, date options, `--area` options and the one-line description of a day."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from coach.cli.common import CommandError
from coach.cli.log_common import (
    date_range,
    describe_day,
    describe_medication,
    open_log,
    parse_areas,
    parse_day,
    peek_log,
    required,
    shorten,
)
from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry, InvalidEntry, MedicationTaken
from coach.paths import Paths

TODAY = dt.date.today()


def test_a_date_option_reads_iso_dates_today_and_yesterday() -> None:
    assert parse_day("--date", "2026-01-15") == dt.date(2026, 1, 15)
    assert parse_day("--date", " Today ") == TODAY
    assert parse_day("--date", "yesterday") == TODAY - dt.timedelta(days=1)
    assert parse_day("--date", None, TODAY) == TODAY
    assert parse_day("--date", None) is None
    with pytest.raises(CommandError, match="^--date: "):
        parse_day("--date", "15/01/2026x")


def test_a_range_defaults_to_days_ending_today_or_to_the_whole_log() -> None:
    given = argparse.Namespace(start=None, end=None)
    assert date_range(given, 14) == (TODAY - dt.timedelta(days=13), TODAY)
    assert date_range(given, None) == (dt.date.min, dt.date.max)
    both = argparse.Namespace(start="2026-01-01", end="2026-01-31")
    assert date_range(both, 14) == (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    backwards = argparse.Namespace(start="2026-02-01", end="2026-01-31")
    with pytest.raises(CommandError, match="--from 2026-02-01 is after --to 2026-01-31"):
        date_range(backwards, None)


def test_areas_set_a_region_or_each_region_of_a_group(catalogue: RegionCatalogue) -> None:
    assert parse_areas(["left_neck=4"], catalogue) == {"left_neck": 4}
    hand = parse_areas(["left_hand = 6"], catalogue)
    assert hand == {"left_hand_back": 6, "left_hand_palm": 6}
    with pytest.raises(CommandError, match="write REGION=N"):
        parse_areas(["left_neck"], catalogue)
    with pytest.raises(CommandError, match="did you mean 'left_neck'"):
        parse_areas(["left_nek=3"], catalogue)
    with pytest.raises(InvalidEntry, match="areas.left_neck"):  # `log add` names --area
        parse_areas(["left_neck=11"], catalogue)


def test_required_passes_a_value_and_names_the_option_without_one() -> None:
    assert required("--pain", 0) == 0
    with pytest.raises(CommandError, match="--pain: needs a value"):
        required("--pain", None)


def test_a_day_is_described_in_one_line() -> None:
    day = DayEntry(
        dt.date(2026, 1, 15),
        pain=4,
        worst_pain=7,
        sleep_hours=6.5,
        tags=("rain",),
        areas={"left_neck": 3},
        medications=(MedicationTaken("ibuprofen 400 mg", dt.time(8, 0), True, 6),),
        note="stiff\nmorning",
    )
    assert describe_day(day) == (
        "2026-01-15: pain 4, worst 7; slept 6.5 h; tags: rain; areas: left_neck 3; "
        "medications: ibuprofen 400 mg (08:00, as needed, helped 6); note: 'stiff morning'"
    )
    assert describe_day(DayEntry(dt.date(2026, 1, 15))) == "2026-01-15: nothing logged"
    assert describe_medication(MedicationTaken("paracetamol 1 g")) == "paracetamol 1 g"


def test_shorten_flattens_and_cuts_with_an_ellipsis() -> None:
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("abcdefghijkl", 10) == "abcdefg..."
    assert len(shorten("x" * 100, 30)) == 30


def test_open_log_opens_and_closes_and_refuses_a_damaged_file_plainly(paths: Paths) -> None:
    with open_log(paths) as repo:
        repo.save_day(DayEntry(TODAY, pain=2))
    with pytest.raises(Exception, match="closed"):
        repo.conn.execute("SELECT 1")
    garbage = bytes(range(256)) * 16
    paths.database.write_bytes(garbage)
    with pytest.raises(CommandError, match="not a readable log") as refused, open_log(paths):
        pass
    assert refused.value.status == 2
    assert paths.database.read_bytes() == garbage


def test_peek_log_without_a_log_is_empty_and_creates_nothing(paths: Paths) -> None:
    assert not paths.database.exists()
    with peek_log(paths) as repo:
        assert repo.days(dt.date.min, dt.date.max) == []
        assert repo.date_range() is None
    assert not paths.database.exists()


def test_peek_log_reads_an_existing_log_and_refuses_to_write(paths: Paths) -> None:
    with open_log(paths) as repo:
        repo.save_day(DayEntry(TODAY, pain=2))
    with peek_log(paths) as peeked:
        assert peeked.get_day(TODAY) == DayEntry(TODAY, pain=2)
        assert peeked.read_only == "a dry run changes nothing"
