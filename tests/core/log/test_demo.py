"""Demo data: deterministic, valid, and shaped so the Trends view has something true to show."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from coach.core.analytics.trends import daily_series, sleep_and_pain, tag_associations
from coach.core.body.regions import RegionCatalogue
from coach.core.log.demo import (
    DEMO_KINDS,
    ROUTINES,
    TAGS,
    demo_marker,
    generate_demo,
    is_demo,
    write_marker,
)
from coach.core.log.entries import DayEntry, SessionRecord
from coach.core.routines.library import RoutineLibrary

START = dt.date(2023, 1, 1)
END = dt.date(2024, 12, 31)
UTC = dt.UTC
Demo = tuple[list[DayEntry], list[SessionRecord]]


@pytest.fixture(scope="module")
def two_years() -> Demo:
    return generate_demo(START, END, 7, tz=UTC)


def test_same_arguments_same_data() -> None:
    first = generate_demo(START, dt.date(2023, 6, 30), 3, tz=UTC)
    assert first == generate_demo(START, dt.date(2023, 6, 30), 3, tz=UTC)
    assert first != generate_demo(START, dt.date(2023, 6, 30), 4, tz=UTC)


def test_an_empty_range_gives_nothing() -> None:
    assert generate_demo(START, START - dt.timedelta(days=1), 1) == ([], [])


def test_values_are_in_range(two_years: Demo, catalogue: RegionCatalogue) -> None:
    days, sessions = two_years
    # DayEntry and SessionRecord check their own ranges; these are the demo's own promises
    assert [d.date for d in days] == sorted({d.date for d in days})
    assert all(START <= d.date <= END for d in days)
    for entry in days:
        if entry.pain is not None:
            assert entry.worst_pain is not None
            assert entry.worst_pain - entry.pain in ((1, 2, 3) if entry.pain < 10 else (0,))
        if entry.sleep_hours is not None:
            assert 5 <= entry.sleep_hours <= 8.5
            assert entry.sleep_hours * 4 == int(entry.sleep_hours * 4)  # quarter hours
        assert set(entry.tags) <= set(TAGS)
        for region, level in entry.areas.items():
            assert region in catalogue.regions
            assert not catalogue.regions[region].spine
            assert 1 <= level <= 10
    assert sum(bool(d.note) for d in days) > 10
    assert sum(bool(d.areas) for d in days) > len(days) / 2
    tags = {t for d in days for t in d.tags}
    assert tags == set(TAGS)
    assert {r for d in days for r in d.areas} >= {"left_lower_back", "left_glute"}


def test_sessions_are_built_in_routines(two_years: Demo, library: RoutineLibrary) -> None:
    # `coach demo-data` takes titles and lengths from the installed files (tests/cli/test_demo.py);
    # the defaults here must at least name real built-in routines of the right kind
    scan = library.scan()
    for demo in ROUTINES:
        entry = scan.find(demo.id)
        assert entry is not None, demo.id
        assert entry.source.label == "built-in"
        assert demo.kind == entry.routine.kind
        assert demo.step_count > 1
    assert DEMO_KINDS == {"pmr-4": "pmr", "pmr-16": "pmr", "massage-low-back": "massage"}
    _, sessions = two_years
    assert {s.routine_id for s in sessions} == set(DEMO_KINDS)
    assert {(s.routine_id, s.routine_title, s.planned_seconds, s.step_count) for s in sessions} == {
        (r.id, r.title, r.planned_seconds, r.step_count) for r in ROUTINES
    }


def test_the_routines_played_can_be_chosen() -> None:
    only = replace(ROUTINES[0], title="Just this one", planned_seconds=60.0, step_count=3)
    _, sessions = generate_demo(START, dt.date(2023, 3, 31), 1, tz=UTC, routines=[only])
    assert {(s.routine_title, s.planned_seconds, s.step_count) for s in sessions} == {
        ("Just this one", 60.0, 3)
    }
    with pytest.raises(ValueError, match="at least one routine"):
        generate_demo(START, END, 1, routines=[])


def test_sessions_look_like_real_ones(two_years: Demo) -> None:
    days, sessions = two_years
    span = (END - START).days + 1
    played_on = {s.day for s in sessions}
    assert len(played_on) > 0.6 * span  # most days
    assert all(START <= s.day <= END for s in sessions)
    # mostly in the evening, some before work
    hours = [s.started_at.hour for s in sessions]
    assert all(h in (7, 8, 19, 20, 21, 22) for h in hours)
    assert sum(h >= 19 for h in hours) > 0.7 * len(hours)
    stopped = [s for s in sessions if not s.completed]
    assert 0.03 * len(sessions) < len(stopped) < 0.2 * len(sessions)
    assert all(s.stopped_at_step is not None for s in stopped)
    assert all(s.actual_seconds < s.planned_seconds for s in stopped)
    # pain after is usually 0-2 points lower
    changes = [s.pain_change for s in sessions if s.pain_change is not None]
    assert sum(c in (0, -1, -2) for c in changes) > 0.7 * len(changes)
    assert statistics.fmean(changes) < -0.5
    assert any(s.pain_before is None for s in sessions)


def test_there_are_gaps(two_years: Demo) -> None:
    days, _ = two_years
    logged = {d.date for d in days}
    missing = sorted(
        START + dt.timedelta(days=i)
        for i in range(731)
        if START + dt.timedelta(days=i) not in logged
    )
    assert 10 < len(missing) < 0.2 * 731
    # and at least one break of several days in a row (a holiday)
    longest = run = 1
    for a, b in zip(missing, missing[1:], strict=False):
        run = run + 1 if b - a == dt.timedelta(days=1) else 1
        longest = max(longest, run)
    assert longest >= 3
    series = daily_series(days, START, END)
    assert None in series.sleep_quality  # some days without sleep logged


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_better_sleep_goes_with_lower_pain(seed: int) -> None:
    days, _ = generate_demo(START, dt.date(2023, 12, 31), seed, tz=UTC)
    result = sleep_and_pain(days)
    assert result.rho is not None
    assert result.rho < -0.2


def test_tags_have_their_effects(two_years: Demo) -> None:
    days, _ = two_years
    links = {link.tag: link.difference for link in tag_associations(days)}
    assert links["walk"] < -0.2
    assert links["long drive"] > 0.5
    assert links["ibuprofen"] > 0.5  # taken on bad days: an association, not a cause


def test_pain_starts_near_five_and_eases_with_a_weekly_rhythm(two_years: Demo) -> None:
    days, _ = two_years
    pain = [d.pain for d in days if d.pain is not None]
    first, last = statistics.fmean(pain[:90]), statistics.fmean(pain[-90:])
    assert 4 <= first <= 6.5
    assert last < first
    weekday = statistics.fmean(d.pain for d in days if d.pain is not None and d.date.weekday() < 5)
    weekend = statistics.fmean(d.pain for d in days if d.pain is not None and d.date.weekday() >= 5)
    assert weekend < weekday


def test_nothing_is_made_after_now() -> None:
    now = dt.datetime(2024, 3, 10, 20, 0, tzinfo=UTC)
    days, sessions = generate_demo(dt.date(2024, 1, 1), dt.date(2024, 3, 20), 2, tz=UTC, now=now)
    assert max(d.date for d in days) <= now.date()
    assert all(s.ended_at <= now for s in sessions)
    assert max(s.day for s in sessions) >= dt.date(2024, 3, 8)


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's local time zone set to Europe/Berlin for the test."""
    if not hasattr(time, "tzset") or not Path("/usr/share/zoneinfo/Europe/Berlin").exists():
        pytest.skip("needs time.tzset and the tz database")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin")
def test_sessions_carry_the_machines_offset_on_their_date() -> None:
    # clocks went forward in Berlin on 31 March 2024: +01:00 before, +02:00 after
    _, sessions = generate_demo(dt.date(2024, 3, 20), dt.date(2024, 4, 10), 1)
    offsets = {s.day < dt.date(2024, 3, 31): s.started_at.utcoffset() for s in sessions}
    assert offsets == {True: dt.timedelta(hours=1), False: dt.timedelta(hours=2)}
    assert all(s.day == s.started_at.date() for s in sessions)


def test_ten_years_are_quick() -> None:
    began = time.perf_counter()
    days, sessions = generate_demo(dt.date(2015, 1, 1), dt.date(2024, 12, 31), 1, tz=UTC)
    assert time.perf_counter() - began < 5
    assert 3000 < len(days) < 3653
    assert len(sessions) > 0.6 * 3653


def test_marker(tmp_path: Path) -> None:
    assert demo_marker(tmp_path) == tmp_path / "DEMO-DATA.txt"
    assert not is_demo(tmp_path)
    marker = write_marker(tmp_path, START, END, 7, 700, 650)
    assert marker == demo_marker(tmp_path)
    assert is_demo(tmp_path)
    text = marker.read_text(encoding="utf-8")
    assert "DEMO DATA" in text
    assert "2023-01-01 to 2024-12-31" in text
    assert f"coach --data-dir {tmp_path}" in text
