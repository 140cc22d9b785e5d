"""The small parts of the day's form: the hours-slept box and the wrapping layout."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coach.core.log.entries import MAX_SLEEP_HOURS
from coach.ui.today.day_widgets import NOT_SET, FlowLayout, HoursSpinBox


def test_hours_start_unset_and_go_in_quarter_hours(qtbot: QtBot) -> None:
    box = HoursSpinBox()
    qtbot.addWidget(box)

    assert box.hours() is None
    assert box.text() == "not set"
    assert (box.minimum(), box.maximum()) == (NOT_SET, MAX_SLEEP_HOURS)
    box.stepUp()
    assert box.hours() == 0.0
    box.stepUp()
    assert box.hours() == 0.25


def test_hours_read_without_trailing_zeros_and_set_quietly(qtbot: QtBot) -> None:
    box = HoursSpinBox()
    qtbot.addWidget(box)
    changes: list[float] = []
    box.valueChanged.connect(changes.append)

    box.set_hours(7.5)

    assert box.hours() == 7.5
    assert box.cleanText() == "7.5"
    assert box.text() == "7.5 h"
    box.set_hours(None)
    assert box.hours() is None
    assert changes == [], "showing a saved day is not an edit"
    box.setValue(6.0)
    assert changes == [6.0]
    assert box.cleanText() == "6"


def test_the_flow_layout_wraps_to_a_new_row_when_the_width_runs_out(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder, spacing=6)
    buttons = [QPushButton(f"tag number {n}") for n in range(6)]
    for button in buttons:
        flow.addWidget(button)
    width = buttons[0].sizeHint().width()
    height = buttons[0].sizeHint().height()

    assert flow.count() == 6
    assert flow.hasHeightForWidth()
    assert flow.heightForWidth(10_000) == height, "all in one row when there is room"
    two_a_row = 2 * width + 6 + 1
    assert flow.heightForWidth(two_a_row) == 3 * height + 2 * 6
    flow.setGeometry(QRect(0, 0, two_a_row, 500))
    assert buttons[1].geometry().top() == buttons[0].geometry().top()
    assert buttons[2].geometry().left() == 0, "the third starts the second row"
    assert buttons[2].geometry().top() == height + 6
    assert flow.minimumSize().width() == max(b.minimumSizeHint().width() for b in buttons)


def test_the_flow_layout_gives_back_its_items(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    label = QLabel("walk")
    flow.addWidget(label)

    item = flow.takeAt(0)

    assert item is not None
    assert item.widget() is label
    assert flow.count() == 0
    assert flow.itemAt(0) is None
    assert flow.takeAt(0) is None
