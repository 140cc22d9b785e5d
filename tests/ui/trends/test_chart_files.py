"""Saving a chart from the screen: the buttons under it, a title with the dates, the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coach.ui.trends.chart_files import save_buttons, save_with_heading, saved_heading
from coach.ui.trends.charts import Chart, ChartTheme

START, END = dt.date(2026, 3, 2), dt.date(2026, 3, 29)


@pytest.fixture
def chart(qtbot: QtBot) -> Chart:
    widget = Chart(ChartTheme.from_palette(QPalette()))
    widget.setAccessibleName("Sessions per week")
    widget.add_plot(1).plot([1, 2, 3], [2, 4, 3])
    qtbot.addWidget(widget)
    widget.resize(360, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_row_under_a_chart_offers_png_and_svg_named_for_the_chart(
    qtbot: QtBot, chart: Chart
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.setLayout(save_buttons(chart, owner, lambda: (START, END)))
    buttons = owner.findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["Save as PNG…", "Save as SVG…"]
    assert [b.accessibleName() for b in buttons] == [
        "Save the chart “Sessions per week” as PNG",
        "Save the chart “Sessions per week” as SVG",
    ]


def test_a_saved_chart_carries_what_it_shows_and_its_dates(chart: Chart) -> None:
    assert saved_heading(chart, START, END) == "Sessions per week, 2 Mar 2026 to 29 Mar 2026"


def test_the_title_is_on_the_file_but_not_left_on_the_screen(chart: Chart, tmp_path: Path) -> None:
    plain = tmp_path / "plain.svg"
    chart.export_svg(plain)

    titled = save_with_heading(chart, tmp_path / "titled.svg", saved_heading(chart, START, END))

    assert "29 Mar 2026" in titled.read_text(encoding="utf-8")
    assert "29 Mar 2026" not in plain.read_text(encoding="utf-8")
    assert chart.heading is None, "the chart on screen has no title of its own"


def test_a_chart_that_had_a_title_keeps_it(chart: Chart, tmp_path: Path) -> None:
    chart.set_heading("From the command line")
    save_with_heading(chart, tmp_path / "titled.png", "For the file")
    assert chart.heading is not None
