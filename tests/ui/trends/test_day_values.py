"""The per-day values drawn at each level of detail: a point a day with gaps for missing days,
then a point a week and a point a month; hours slept as bars as wide as their period."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from coach.ui.trends.charts import ChartTheme, day_number
from coach.ui.trends.day_values import curve, hours_bars, legend_sample, value_curves

START = dt.date(2026, 1, 5)  # a Monday
DATES = [START + dt.timedelta(days=n) for n in range(28)]
X = np.arange(day_number(START), day_number(START) + len(DATES), dtype=float)


def theme() -> ChartTheme:
    return ChartTheme.from_palette(QPalette())


def test_a_value_has_a_curve_for_each_level_of_detail() -> None:
    values: list[float | None] = [float(n % 7) for n in range(len(DATES))]
    values[3] = None

    items = dict(value_curves(theme(), X, DATES, values, "pain", Qt.PenStyle.SolidLine, "o"))

    assert list(items) == ["pain", "pain_dots", "pain_average", "pain_week", "pain_month"]
    x, y = items["pain"].getData()
    assert list(x) == list(X), "one point a day, the missing one included"
    assert math.isnan(y[3])
    assert items["pain"].opts["connect"] == "finite", "a missing day breaks the line"
    dots_x, _ = items["pain_dots"].getData()
    assert len(dots_x) == len(DATES) - 1, "no dot where nothing was rated"
    week_x, week_y = items["pain_week"].getData()
    assert set(np.diff(week_x)) == {7.0}
    assert len(week_y) == 4
    month_x, _ = items["pain_month"].getData()
    assert len(month_x) == 1, "four weeks of January: one month"
    assert items["pain"].opts["pen"].color() != items["pain_average"].opts["pen"].color()


def test_the_line_style_and_symbol_follow_the_value() -> None:
    items = dict(
        value_curves(theme(), X, DATES, [5.0] * len(DATES), "worst", Qt.PenStyle.DashLine, "d")
    )
    assert items["worst_average"].opts["pen"].style() == Qt.PenStyle.DashLine
    assert items["worst_dots"].opts["symbol"] == "d"
    assert items["worst_week"].opts["symbol"] == "d"
    sample = legend_sample(theme(), "worst", Qt.PenStyle.DashLine, "d")
    assert sample.opts["pen"].color() == theme().colour("worst")
    assert sample.isVisible()


def test_hours_slept_are_bars_a_day_a_week_and_a_month() -> None:
    hours: list[float | None] = [7.0] * len(DATES)
    hours[0] = None

    bars = hours_bars(theme(), X, DATES, hours)

    assert sorted(bars) == [0, 1, 2]
    assert len(bars[0].opts["x"]) == len(DATES) - 1, "no bar for a night not logged"
    assert bars[0].opts["width"] == 0.8
    assert list(bars[1].opts["width"]) == [6.6] * 4, "a week wide"
    assert list(bars[1].opts["height"]) == [7.0] * 4


def test_a_curve_keeps_its_fixed_scale() -> None:
    item = curve([0.0, 1.0], [2.0, 3.0])
    assert item.opts["dynamicRangeLimit"] is None
