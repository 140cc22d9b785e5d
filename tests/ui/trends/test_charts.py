"""What the charts share: day numbers, the theme's colours, the date axis, headings, saving."""

from __future__ import annotations

import datetime as dt
import math
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from coach.ui.trends.charts import (
    PURPLE,
    VERMILLION,
    Chart,
    ChartTheme,
    DayAxis,
    as_array,
    date_of,
    day_number,
    export_file,
    long_date,
    number,
)


@pytest.fixture
def theme() -> ChartTheme:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#202020"))
    return ChartTheme.from_palette(palette)


@pytest.fixture
def chart(qtbot: QtBot, theme: ChartTheme) -> Chart:
    widget = Chart(theme)
    widget.setAccessibleName("Pain by day")
    plot = widget.add_plot(1, dates=True, title="Pain")
    start = day_number(dt.date(2026, 3, 2))
    plot.plot([start, start + 1, start + 2], [4, 5, 3], pen=theme.colour("pain"))
    qtbot.addWidget(widget)
    widget.resize(400, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_date_is_a_whole_day_number_and_back() -> None:
    assert day_number(dt.date(1970, 1, 2)) == 1
    for date in (dt.date(2026, 3, 29), dt.date(2026, 10, 25)):  # daylight saving changes
        assert date_of(day_number(date)) == date
        assert day_number(date + dt.timedelta(days=1)) - day_number(date) == 1
    assert date_of(day_number(dt.date(2026, 3, 2)) + 0.4) == dt.date(2026, 3, 2)


def test_numbers_and_dates_read_simply(qapp) -> None:
    assert [number(5), number(7.5), number(2.345)] == ["5", "7.5", "2.3"]
    assert long_date(dt.date(2026, 3, 3)) == "Tue 3 Mar 2026"
    gaps = as_array([1.0, None, 3.0])
    assert math.isnan(gaps[1])
    assert list(gaps[[0, 2]]) == [1.0, 3.0]


def test_the_theme_names_its_series_colours(theme: ChartTheme) -> None:
    assert theme.colour("pain") == QColor(VERMILLION)
    assert theme.colour("worst") == QColor(PURPLE)
    assert theme.colour("#123456", 100).alpha() == 100
    assert theme.grid.alpha() < theme.muted.alpha() < 255, "grid quieter than muted text"


def test_weeks_start_on_mondays_on_the_axis(qapp) -> None:
    axis = DayAxis()
    start = day_number(dt.date(2026, 3, 4))  # a Wednesday
    levels = axis.tickValues(start, start + 60, 900)  # about 15 px a day: weeks
    assert levels[0][0] == 7.0
    assert all(date_of(v).weekday() == 0 for v in levels[0][1])
    assert axis.tickStrings(levels[0][1][:1], 1, 7.0) == ["9 Mar"]
    assert axis.tickStrings(levels[1][1][:2], 1, 1.0) == ["", ""], "days: ticks without words"


def test_a_heading_is_added_for_saving_and_taken_away_again(chart: Chart) -> None:
    assert chart.heading is None
    chart.set_heading("Pain by day, 2 Mar 2026 to 4 Mar 2026")
    assert chart.heading.text == "Pain by day, 2 Mar 2026 to 4 Mar 2026"
    chart.set_heading("Again")
    assert chart.heading.text == "Again", "one heading, its text replaced"
    chart.clear_heading()
    assert chart.heading is None


def test_a_saved_chart_is_private_and_drawn(chart: Chart, tmp_path: Path) -> None:
    png = export_file(chart, tmp_path / "pain.PNG", ratio=1.0)

    image = QImage(str(png))
    assert (image.width(), image.height()) == (chart.width(), chart.height())
    assert len({image.pixel(x, 130) for x in range(0, image.width(), 5)}) > 2, "not blank"
    assert stat.S_IMODE(png.stat().st_mode) == 0o600, "health data: only for its owner"
    assert [p.name for p in tmp_path.iterdir()] == ["pain.PNG"], "no scratch folder left"
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        export_file(chart, tmp_path / "pain.gif")


def test_lines_are_drawn_thicker_for_a_sharper_picture_and_put_back(chart: Chart) -> None:
    [curve] = [item for item in chart.scene().items() if type(item).__name__ == "PlotCurveItem"]
    width = curve.opts["pen"].widthF()
    chart.scale_lines(2.0)
    assert curve.opts["pen"].widthF() == 2 * width
    chart.scale_lines(1.0)
    assert curve.opts["pen"].widthF() == width
