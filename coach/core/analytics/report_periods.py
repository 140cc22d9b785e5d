"""The clinician report's periods: the default (the last three months) and the detail table's
rows, a week, month, quarter or year each, whichever keeps the table to one page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from statistics import fmean

from coach.core.analytics.trends import week_start
from coach.core.log.entries import DayEntry, SessionRecord

MAX_ROWS = 26  # rows of the detail table: weeks, months, quarters or years, whichever fits


class PeriodUnit(Enum):
    """What one row of the detail table covers."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class PeriodRow:
    """One row of the detail table: a week, month, quarter or year of the period (the first and
    last may be partial: they start and end with the period)."""

    start: dt.date
    end: dt.date
    days_logged: int
    pain: float | None
    worst: int | None
    sleep_hours: float | None
    sessions: int
    medication_days: int


def _periods(start: dt.date, end: dt.date) -> tuple[PeriodUnit, list[tuple[dt.date, dt.date]]]:
    """The period cut into weeks, months, quarters or years: the finest with at most MAX_ROWS,
    except that a very long period keeps years and leaves the earliest out."""
    for per in PeriodUnit:
        spans = []
        first = _period_start(per, start)
        while first <= end:
            following = _next_period(per, first)
            spans.append((max(first, start), min(following - dt.timedelta(days=1), end)))
            first = following
        if len(spans) <= MAX_ROWS or per is PeriodUnit.YEAR:
            return per, spans
    raise AssertionError("unreachable")  # pragma: no cover


def _period_start(per: PeriodUnit, date: dt.date) -> dt.date:
    if per is PeriodUnit.WEEK:
        return week_start(date)
    if per is PeriodUnit.MONTH:
        return date.replace(day=1)
    if per is PeriodUnit.QUARTER:
        return date.replace(month=(date.month - 1) // 3 * 3 + 1, day=1)
    return date.replace(month=1, day=1)


def _next_period(per: PeriodUnit, first: dt.date) -> dt.date:
    if per is PeriodUnit.WEEK:
        return first + dt.timedelta(days=7)
    months = {PeriodUnit.MONTH: 1, PeriodUnit.QUARTER: 3, PeriodUnit.YEAR: 12}[per]
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_rows(
    days: Sequence[DayEntry], sessions: Sequence[SessionRecord], start: dt.date, end: dt.date
) -> tuple[tuple[PeriodRow, ...], PeriodUnit, int]:
    """The detail table's rows, what each row is (a week, ...), and how many earliest rows were
    left out (only when even years are more than MAX_ROWS)."""
    per, spans = _periods(start, end)
    left_out = max(0, len(spans) - MAX_ROWS)
    spans = spans[left_out:]
    session_days = Counter(s.day for s in sessions)
    rows = []
    for first, last in spans:
        inside = [d for d in days if first <= d.date <= last]
        pains = [d.pain for d in inside if d.pain is not None]
        worst = [d.worst_pain for d in inside if d.worst_pain is not None]
        hours = [d.sleep_hours for d in inside if d.sleep_hours is not None]
        rows.append(
            PeriodRow(
                first,
                last,
                len(inside),
                fmean(pains) if pains else None,
                max(worst) if worst else None,
                fmean(hours) if hours else None,
                sum(n for day, n in session_days.items() if first <= day <= last),
                sum(1 for d in inside if d.medications),
            )
        )
    return tuple(rows), per, left_out


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last three months up to `today`: from the day after the same date three months ago."""
    index = today.year * 12 + today.month - 1 - 3
    year, month = index // 12, index % 12 + 1
    day = min(today.day, _month_length(year, month))
    return dt.date(year, month, day) + dt.timedelta(days=1), today


def _month_length(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day
