"""A day's entry and a session's record: what they accept, what they refuse and how they say so."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from coach.core.log.entries import (
    MAX_NOTE,
    MAX_TAG,
    RATING_FIELDS,
    DayEntry,
    InvalidEntry,
    SessionRecord,
)

D = dt.date(2024, 6, 1)
CET = dt.timezone(dt.timedelta(hours=1))


def record(**changes: object) -> SessionRecord:
    start = dt.datetime(2024, 6, 1, 8, 0, tzinfo=CET)
    values: dict[str, object] = {
        "routine_id": "pmr-16",
        "routine_title": "Progressive relaxation",
        "started_at": start,
        "ended_at": start + dt.timedelta(minutes=20),
        "planned_seconds": 1200.0,
        "actual_seconds": 1200.0,
        "completed": True,
        "step_count": 16,
    }
    values.update(changes)
    return SessionRecord(**values)  # type: ignore[arg-type]


# -- day entries ---------------------------------------------------------------------------------


def test_only_the_date_is_required():
    entry = DayEntry(D)
    assert entry.is_empty()
    assert all(getattr(entry, name) is None for name in RATING_FIELDS)
    assert (entry.sleep_hours, entry.tags, entry.note, entry.areas) == (None, (), "", {})


@pytest.mark.parametrize(
    "change",
    [{"pain": 0}, {"sleep_hours": 0}, {"tags": ("x",)}, {"note": " "}, {"areas": {"neck": 0}}],
)
def test_anything_logged_makes_the_day_not_empty(change: dict):
    assert not DayEntry(D, **change).is_empty()


@pytest.mark.parametrize("name", sorted(RATING_FIELDS))
@pytest.mark.parametrize(
    "bad", [-1, 11, 5.5, True, False, "5", math.nan, math.inf, -math.inf, [5]], ids=repr
)
def test_a_rating_out_of_range_is_refused_naming_the_field(name: str, bad: object):
    with pytest.raises(InvalidEntry) as raised:
        DayEntry(D, **{name: bad})
    assert raised.value.field == name
    assert str(raised.value).startswith(f"{name}: ")
    assert "0 to 10" in raised.value.message


@pytest.mark.parametrize(("given", "stored"), [(0, 0), (10, 10), (5.0, 5), (None, None)])
def test_ratings_at_the_limits_are_kept_as_whole_numbers(given: object, stored: int | None):
    entry = DayEntry(D, pain=given)
    assert entry.pain == stored
    assert type(entry.pain) is type(stored)


@pytest.mark.parametrize("bad", [25, -1, 24.01, math.nan, math.inf, True, "7"], ids=repr)
def test_sleep_hours_out_of_range_are_refused(bad: object):
    with pytest.raises(InvalidEntry) as raised:
        DayEntry(D, sleep_hours=bad)
    assert raised.value.field == "sleep_hours"
    assert "0 to 24" in raised.value.message


@pytest.mark.parametrize(("given", "stored"), [(0, 0.0), (24, 24.0), (7.5, 7.5)])
def test_sleep_hours_are_kept_as_floats(given: float, stored: float):
    hours = DayEntry(D, sleep_hours=given).sleep_hours
    assert hours == stored
    assert type(hours) is float


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("walk;run", "';'"),
        (";", "';'"),
        ("x" * (MAX_TAG + 1), f"at most {MAX_TAG}"),
        ("", "empty"),
        ("   ", "empty"),
    ],
)
def test_a_tag_that_a_csv_export_could_not_hold_is_refused(bad: str, says: str):
    with pytest.raises(InvalidEntry) as raised:
        DayEntry(D, tags=("fine", bad))
    assert raised.value.field == "tags"
    assert says in raised.value.message


def test_tags_are_cleaned_deduplicated_and_sorted():
    entry = DayEntry(
        D, tags=("  Long   Walk ", "long walk", "RAIN", "x" * MAX_TAG, "tab\there", "two\nlines")
    )
    # tabs and line breaks are whitespace: collapsed to one space before the ';' check
    assert entry.tags == ("long walk", "rain", "tab here", "two lines", "x" * MAX_TAG)


@pytest.mark.parametrize("tags", ["sore", (5,), (None,)], ids=["a-bare-string", "int", "none"])
def test_tags_that_are_not_a_collection_of_text_are_refused(tags: object):
    with pytest.raises(InvalidEntry) as raised:
        DayEntry(D, tags=tags)  # type: ignore[arg-type]
    assert raised.value.field == "tags"


def test_a_note_must_be_text_of_limited_length():
    assert DayEntry(D, note="n" * MAX_NOTE).note == "n" * MAX_NOTE
    with pytest.raises(InvalidEntry) as too_long:
        DayEntry(D, note="n" * (MAX_NOTE + 1))
    assert too_long.value.field == "note"
    with pytest.raises(InvalidEntry) as not_text:
        DayEntry(D, note=None)  # type: ignore[arg-type]
    assert not_text.value.field == "note"


@pytest.mark.parametrize("bad", [11, -1, 2.5, None, True, "3"], ids=repr)
def test_an_area_intensity_out_of_range_is_refused_naming_the_region(bad: object):
    with pytest.raises(InvalidEntry) as raised:
        DayEntry(D, areas={"neck": 3, "left_calf": bad})
    assert raised.value.field == "areas.left_calf"


def test_areas_are_sorted_by_region_and_whole_numbers():
    entry = DayEntry(D, areas={"neck": 3.0, "left_calf": 0, "lower_back": 10})
    assert list(entry.areas.items()) == [("left_calf", 0), ("lower_back", 10), ("neck", 3)]
    assert type(entry.areas["neck"]) is int


def test_an_entry_is_immutable_and_its_areas_are_its_own():
    areas = {"neck": 3}
    entry = DayEntry(D, areas=areas)
    areas["neck"] = 11
    assert entry.areas == {"neck": 3}
    with pytest.raises(AttributeError):
        entry.pain = 3  # type: ignore[misc]


def test_merged_adds_tags_updates_areas_per_region_and_replaces_the_rest():
    entry = DayEntry(D, pain=5, stress=2, tags=("walk",), areas={"neck": 3, "lower_back": 6})
    merged = entry.merged(pain=2, tags=["Rain", "walk"], areas={"neck": 1, "left_calf": 4})
    assert merged == DayEntry(
        D,
        pain=2,
        stress=2,
        tags=("rain", "walk"),
        areas={"left_calf": 4, "lower_back": 6, "neck": 1},
    )
    assert entry == DayEntry(
        D, pain=5, stress=2, tags=("walk",), areas={"neck": 3, "lower_back": 6}
    )
    assert entry.merged(stress=None).stress is None


def test_merged_checks_the_new_values_and_the_field_names():
    entry = DayEntry(D, pain=5)
    with pytest.raises(InvalidEntry) as bad_value:
        entry.merged(pain=11)
    assert bad_value.value.field == "pain"
    with pytest.raises(InvalidEntry) as bad_area:
        entry.merged(areas={"neck": 12})
    assert bad_area.value.field == "areas.neck"
    with pytest.raises(InvalidEntry) as unknown:
        entry.merged(mood=3, zest=1)
    assert unknown.value.field == "mood"
    assert "not a field" in unknown.value.message


# -- session records -----------------------------------------------------------------------------


def test_a_session_crossing_midnight_belongs_to_the_day_it_started():
    start = dt.datetime(2024, 3, 9, 23, 50, tzinfo=CET)
    late = record(started_at=start, ended_at=start + dt.timedelta(minutes=30))
    assert late.ended_at.date() == dt.date(2024, 3, 10)
    assert late.day == dt.date(2024, 3, 9)


def test_the_day_is_the_local_date_where_it_was_played():
    same_instant = dt.datetime(2024, 3, 11, 3, 0, tzinfo=dt.UTC)
    in_new_york = same_instant.astimezone(dt.timezone(dt.timedelta(hours=-5)))
    in_tokyo = same_instant.astimezone(dt.timezone(dt.timedelta(hours=9)))
    assert record(started_at=in_new_york, ended_at=in_new_york).day == dt.date(2024, 3, 10)
    assert record(started_at=in_tokyo, ended_at=in_tokyo).day == dt.date(2024, 3, 11)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [(6, 4, -2), (3, 5, 2), (4, 4, 0), (None, 4, None), (6, None, None)],
)
def test_pain_change_is_after_minus_before_when_both_were_rated(before, after, change):
    assert record(pain_before=before, pain_after=after).pain_change == change


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"started_at": dt.datetime(2024, 6, 1, 8, 0)}, "started_at"),
        ({"ended_at": dt.datetime(2024, 6, 1, 8, 20)}, "ended_at"),
        ({"ended_at": dt.datetime(2024, 6, 1, 7, 59, tzinfo=CET)}, "ended_at"),
        ({"pain_before": 11}, "pain_before"),
        ({"pain_after": -1}, "pain_after"),
        ({"pain_after": 2.5}, "pain_after"),
        ({"planned_seconds": -1.0}, "planned_seconds"),
        ({"actual_seconds": math.nan}, "actual_seconds"),
        ({"actual_seconds": math.inf}, "actual_seconds"),
        ({"completed": True, "stopped_at_step": 3}, "stopped_at_step"),
    ],
)
def test_a_session_record_refuses_what_cannot_be_true(changes: dict, field: str):
    with pytest.raises(InvalidEntry) as raised:
        record(**changes)
    assert raised.value.field == field


def test_a_session_stopped_early_and_one_with_zero_length_are_fine():
    stopped = record(completed=False, stopped_at_step=4, actual_seconds=300.0)
    assert stopped.stopped_at_step == 4
    start = dt.datetime(2024, 6, 1, 8, 0, tzinfo=CET)
    assert record(started_at=start, ended_at=start, actual_seconds=0.0).actual_seconds == 0.0
