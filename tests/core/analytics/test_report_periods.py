"""The report's periods: the last three months by default, and the detail table's rows."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.analytics.report import build_report
from coach.core.analytics.report_periods import MAX_ROWS, PeriodUnit, default_period
from coach.core.log.entries import DayEntry


@pytest.mark.parametrize(
    ("years", "per"),
    [
        (0.5, PeriodUnit.MONTH),
        (2, PeriodUnit.MONTH),
        (5, PeriodUnit.QUARTER),
        (10, PeriodUnit.YEAR),
        (40, PeriodUnit.YEAR),
    ],
)
def test_long_periods_are_tabled_by_coarser_periods(years: float, per: PeriodUnit) -> None:
    end = dt.date(2026, 12, 31)
    start = end - dt.timedelta(days=int(365.25 * years) - 1)
    days = [
        DayEntry(start + dt.timedelta(days=i), pain=i % 10) for i in range(0, (end - start).days, 3)
    ]
    report = build_report(days, [], start, end, end)
    assert report.rows_per is per
    assert len(report.rows) <= MAX_ROWS
    assert report.rows[-1].end == end
    if years < 30:
        assert report.rows[0].start == start
        assert report.rows_left_out == 0
    else:
        assert report.rows_left_out == 40 - MAX_ROWS


def test_the_default_period_is_the_last_three_months() -> None:
    assert default_period(dt.date(2026, 5, 31)) == (dt.date(2026, 3, 1), dt.date(2026, 5, 31))
    assert default_period(dt.date(2026, 3, 31)) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert default_period(dt.date(2026, 1, 15)) == (dt.date(2025, 10, 16), dt.date(2026, 1, 15))
