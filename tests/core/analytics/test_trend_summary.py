"""The Trends view's first sentence and its weekly and monthly averages."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.analytics.trend_summary import Direction, period_means, week_summary
from coach.core.log.entries import DayEntry

END = dt.date(2026, 3, 15)  # a Sunday


def day(back: int, pain: int | None) -> DayEntry:
    return DayEntry(END - dt.timedelta(days=back), pain=pain)


def test_this_week_against_four_weeks_ago() -> None:
    days = [day(b, 3) for b in range(6)] + [day(28 + b, 4) for b in range(5)] + [day(33, 6)]
    summary = week_summary(days, END)
    assert summary.this_week == 3.0
    assert summary.four_weeks_ago == pytest.approx((4 * 5 + 6) / 6)
    assert summary.logged == 6
    assert summary.rated == 6
    assert summary.direction is Direction.DOWN


def test_a_new_log_has_no_comparison() -> None:
    summary = week_summary([day(0, 5), day(2, None)], END)
    assert summary.this_week == 5.0
    assert summary.four_weeks_ago is None
    assert summary.logged == 2
    assert summary.rated == 1
    assert summary.direction is None


def test_a_small_change_is_about_the_same() -> None:
    summary = week_summary([day(0, 4), day(28, 4)], END)
    assert summary.direction is Direction.SAME
    assert week_summary([day(0, 6), day(28, 4)], END).direction is Direction.UP


def test_weekly_means_run_monday_to_sunday_and_skip_thin_weeks() -> None:
    dates = [dt.date(2026, 3, 2) + dt.timedelta(days=i) for i in range(14)]  # two whole weeks
    values: list[float | None] = [2.0] * 7 + [None] * 6 + [8.0]
    means = period_means(dates, values, "week")
    assert len(means) == 1, "the second week has one value: no average"
    assert means[0].start == dt.date(2026, 3, 2)
    assert means[0].end == dt.date(2026, 3, 8)
    assert means[0].mean == 2.0
    assert means[0].count == 7


def test_monthly_means() -> None:
    dates = [dt.date(2026, 1, 30) + dt.timedelta(days=i) for i in range(31)]
    values: list[float | None] = [float(i % 3) for i in range(31)]
    means = period_means(dates, values, "month")
    # March has one value (the 1st): not an average
    assert [m.start for m in means] == [dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    assert means[1].end == dt.date(2026, 2, 28)
    assert means[0].count == 2


def test_an_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError, match="unit"):
        period_means([END], [1.0], "year")
