"""The Trends chart on its own: the series drawn with gaps, day numbers across daylight saving,
plots aligned, lines as thick at any pixel ratio, one day's values in words, and the keyboard."""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable, Sequence

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from coach.core.analytics.trends import daily_series
from coach.core.log.entries import DayEntry, SessionRecord
from coach.ui.trends.charts import ChartTheme, date_of, day_number
from coach.ui.trends.trends_chart import TrendsChart
from tests.ui.trends.test_trends_view import TODAY, days_back, english_dates, session

__all__ = ["english_dates"]  # the fixture: day and month names in English

MakeChart = Callable[..., TrendsChart]


@pytest.fixture
def make_chart(qtbot: QtBot) -> MakeChart:
    def make(days: Sequence[DayEntry], sessions: Sequence[SessionRecord] = ()) -> TrendsChart:
        chart = TrendsChart(ChartTheme.from_palette(QPalette()))
        qtbot.addWidget(chart)
        chart.resize(900, 500)
        first = min(d.date for d in days)
        last = max(max(d.date for d in days), TODAY)
        chart.set_data(daily_series(days, first, last), sessions)
        chart.show_range(first, last)
        return chart

    return make


def test_missing_days_are_gaps_not_lines(make_chart: MakeChart) -> None:
    chart = make_chart(days_back(20, skip=frozenset({3, 4})))

    x, y = chart.curves["pain"].getData()
    assert chart.curves["pain"].opts["connect"] == "finite"
    assert chart.curves["pain_average"].opts["connect"] == "finite"
    assert list(np.diff(x)) == [1.0] * (len(x) - 1), "one point per day, missing ones included"
    assert chart.series is not None
    gaps = [chart.series.dates[i] for i in range(len(y)) if math.isnan(y[i])]
    assert gaps == [TODAY - dt.timedelta(days=4), TODAY - dt.timedelta(days=3)]


def test_dates_across_a_daylight_saving_change_are_one_day_apart(
    make_chart: MakeChart, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        change = dt.date(2026, 3, 29)  # clocks go forward at 01:00 GMT
        dates = [change + dt.timedelta(days=d) for d in range(-3, 4)]
        sessions = [
            session(dt.date(2026, 3, 28), at=dt.time(23, 30)),
            session(change, at=dt.time(0, 30)),
            session(change, at=dt.time(3, 30), completed=False),
        ]
        chart = make_chart([DayEntry(d, pain=4, sleep_quality=6) for d in dates], sessions)

        x, _y = chart.curves["pain"].getData()
        assert list(x) == [float(day_number(d)) for d in dates]
        assert list(np.diff(x)) == [1.0] * 6
        assert [date_of(v) for v in x] == dates
        assert chart.session_counts == {day_number(dt.date(2026, 3, 28)): 1, day_number(change): 2}
        assert chart.day_text(change).endswith("2 sessions, 1 stopped early")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_lines_keep_their_thickness_at_any_pixel_ratio(make_chart: MakeChart) -> None:
    chart = make_chart(days_back(30))
    average = chart.curves["pain_average"].curve

    chart.scale_lines(2.0)
    assert average.opts["pen"].widthF() == 6
    chart.scale_lines(1.0)
    assert average.opts["pen"].widthF() == 3


def test_pain_and_sleep_are_drawn_on_separate_aligned_plots(make_chart: MakeChart) -> None:
    chart = make_chart(days_back(30))
    assert chart.curves["pain_average"] in chart.top.listDataItems()
    assert chart.curves["sleep_average"] in chart.sleep.listDataItems()
    assert chart.curves["sleep_average"] not in chart.top.listDataItems()
    widths = {plot.getAxis("left").width() for plot in chart.plots}
    assert len(widths) == 1, "the time lines start at the same x"
    assert chart.sleep.getViewBox().linkedView(0) is chart.top.getViewBox()


def test_a_value_never_rated_is_not_drawn_nor_in_the_legend(make_chart: MakeChart) -> None:
    chart = make_chart([DayEntry(TODAY - dt.timedelta(days=n), pain=3) for n in range(10)])

    assert "pain" in chart.curves
    assert not any(key.startswith(("worst", "sleep")) for key in chart.curves)
    labels = [label.text for _sample, label in chart.legend.items]
    assert labels == ["Pain", "Hours slept"]
    assert chart.averaged_by == "day"


def test_the_keyboard_walks_the_days_and_says_each(qtbot: QtBot, make_chart: MakeChart) -> None:
    chart = make_chart(days_back(20), [session(TODAY)])
    said: list[str] = []
    chart.day_shown.connect(said.append)

    qtbot.keyClick(chart, Qt.Key.Key_End)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Right)

    assert chart.cursor_day == day_number(TODAY)
    assert said[-1].startswith("Tue 10 Mar 2026 — pain 3, worst 5, sleep 8 (6.5 h)")
    assert said[-1].endswith(", 1 session")
    assert said[-2].startswith("Mon 9 Mar 2026")
    assert all(line.isVisible() for line in chart.cursor)
    chart.show_day(None)
    assert chart.cursor_day is None
    assert not any(line.isVisible() for line in chart.cursor)
