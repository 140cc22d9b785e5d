"""The heat map's numbers: over a range of dates, how often and how strongly each area was marked.

This is what a clinician reads at a glance: which areas hurt most days, and how much. The score
that colours a region combines the two:

    frequency = days marked / days logged            (0-1)
    score     = sqrt(10 * frequency * mean intensity) (0-10)

the geometric mean of "how often" (on a 0-10 scale) and "how strongly" (the average intensity on
the days it was marked). Both must be high for a high score: an area marked every day at 2, or
once in a month at 10, stays pale (4.5, 1.8); marked on 23 of 30 days at 5.8 on average it is 6.7;
every day at 10 it is 10. An area marked only at 0 scores 0 but is still listed (it was marked).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from coach.core.log.entries import RATING_MAX, DayEntry


@dataclass(frozen=True)
class HeatCell:
    """One area over a range of dates.

    `total_days_logged` counts every day in the range with an entry, whether or not any area was
    marked on it: a logged day without this area is a day it did not hurt enough to mark.
    """

    days_marked: int
    total_days_logged: int
    mean_intensity: float  # over the days it was marked
    max_intensity: int

    @property
    def frequency(self) -> float:
        """The share of logged days it was marked on, 0-1."""
        return self.days_marked / self.total_days_logged if self.total_days_logged else 0.0

    @property
    def score(self) -> float:
        """0-10: the geometric mean of how often (share of days x 10) and how strongly."""
        return min(float(RATING_MAX), math.sqrt(RATING_MAX * self.frequency * self.mean_intensity))


def area_heat(days: Iterable[DayEntry], start: dt.date, end: dt.date) -> dict[str, HeatCell]:
    """Each area marked on a day from `start` to `end` inclusive, with its numbers.

    Days outside the range are ignored; an area never marked in the range is not in the result.
    """
    logged = 0
    levels: dict[str, list[int]] = {}
    for day in days:
        if not start <= day.date <= end:
            continue
        logged += 1
        for region, level in day.areas.items():
            levels.setdefault(region, []).append(level)
    return {
        region: HeatCell(len(values), logged, sum(values) / len(values), max(values))
        for region, values in sorted(levels.items())
    }
