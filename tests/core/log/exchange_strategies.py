"""Hypothesis strategies for the log's files: days and sessions as a person might log them,
with notes and tags that start the way spreadsheet formulas do."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from coach.core.body.regions import load_catalogue
from coach.core.log.entries import DayEntry, SessionRecord, clean_tag
from tests.conftest import REPO

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REGIONS = sorted(load_catalogue(REPO / "assets" / "regions.toml").regions)

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
