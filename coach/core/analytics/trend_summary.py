"""What the Trends view says first, and what its long-range charts draw.

`week_summary` gives the one sentence a person reads before any chart ("Pain this week 3.0, down
from 4.2 four weeks ago; 6 of 7 days logged"); `period_means` turns a daily series into weekly or
monthly averages, so a year reads as a line instead of a tangle of 365 dots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from statistics import fmean

from coach.core.log.entries import DayEntry

WEEK = 7
# a change in the mean pain smaller than this is "about the same" (ratings are whole numbers)
SAME_WITHIN = 0.5


class Direction(Enum):
    """Which way mean pain went from four weeks ago to this week."""

    DOWN = "down"
    SAME = "same"
    UP = "up"


@dataclass(frozen=True)
class WeekSummary:
    """Mean pain over the last 7 days and over the 7 days four weeks earlier; days logged."""

    end: dt.date
    this_week: float | None  # None: no pain rated in the last 7 days
    four_weeks_ago: float | None  # None: no pain rated then
    logged: int  # days in the last 7 with anything logged
    rated: int  # days in the last 7 with a pain rating

    @property
    def direction(self) -> Direction | None:
        """Which way pain went from four weeks ago to this week (None when one is missing)."""
        if self.this_week is None or self.four_weeks_ago is None:
            return None
        change = self.this_week - self.four_weeks_ago
        if abs(change) < SAME_WITHIN:
            return Direction.SAME
        return Direction.DOWN if change < 0 else Direction.UP


def _mean_pain(days: Sequence[DayEntry], first: dt.date, last: dt.date) -> list[float]:
    return [float(d.pain) for d in days if first <= d.date <= last and d.pain is not None]


def week_summary(days: Sequence[DayEntry], end: dt.date) -> WeekSummary:
    """The week ending on `end` (inclusive) against the week ending 28 days earlier."""
    first = end - dt.timedelta(days=WEEK - 1)
    now = _mean_pain(days, first, end)
    then = _mean_pain(days, first - dt.timedelta(days=28), end - dt.timedelta(days=28))
    logged = sum(1 for d in days if first <= d.date <= end)
    return WeekSummary(
        end=end,
        this_week=fmean(now) if now else None,
        four_weeks_ago=fmean(then) if then else None,
        logged=logged,
        rated=len(now),
    )


def _period_start(date: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return date - dt.timedelta(days=date.weekday())  # Monday
    if unit == "month":
        return date.replace(day=1)
    raise ValueError(f"unit is 'week' or 'month', not {unit!r}")


def _period_end(start: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=WEEK - 1)
    following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


@dataclass(frozen=True)
class PeriodMean:
    """The mean of one week's or month's values (the days without a value left out)."""

    start: dt.date
    end: dt.date
    mean: float
    count: int  # how many days had a value

    @property
    def middle(self) -> float:
        """Days since `start`'s week or month began, to its middle: where the point is drawn."""
        return (self.end - self.start).days / 2


def period_means(
    dates: Sequence[dt.date],
    values: Sequence[float | None],
    unit: str,
    min_values: int = 2,
) -> list[PeriodMean]:
    """Weekly ("week", Monday to Sunday) or monthly ("month") means of a daily series.

    A period with fewer than `min_values` values is left out (one rating is not an average).
    """
    if len(dates) != len(values):
        raise ValueError("one value per date")
    groups: dict[dt.date, list[float]] = {}
    for date, value in zip(dates, values, strict=True):
        if value is not None:
            groups.setdefault(_period_start(date, unit), []).append(float(value))
    return [
        PeriodMean(start, _period_end(start, unit), fmean(found), len(found))
        for start, found in sorted(groups.items())
        if len(found) >= min_values
    ]
