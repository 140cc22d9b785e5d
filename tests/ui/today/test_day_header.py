"""The shared day header and save-state line, on their own."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.ui.today.day_header import DayHeader, SaveState

SATURDAY = dt.date(2026, 11, 21)


def test_the_header_says_how_far_back_and_asks_for_days(qtbot: QtBot) -> None:
    header = DayHeader()
    qtbot.addWidget(header)
    assert header.show_day(SATURDAY, SATURDAY).endswith("Today")
    assert not header.next_button.isEnabled()
    assert not header.today_button.isEnabled()

    header.show_day(SATURDAY - dt.timedelta(days=3), SATURDAY)

    assert header.relative_label.text() == "3 days ago"
    assert header.next_button.isEnabled()
    assert header.today_button.isEnabled()
    with qtbot.waitSignal(header.date_requested) as asked:
        qtbot.mouseClick(header.previous_button, Qt.MouseButton.LeftButton)
    assert asked.args == [SATURDAY - dt.timedelta(days=4)]
    with qtbot.waitSignal(header.today_requested):
        qtbot.mouseClick(header.today_button, Qt.MouseButton.LeftButton)


def test_a_problem_is_bold_and_an_empty_line_can_hide(qtbot: QtBot) -> None:
    state = SaveState(hide_when_empty=True)
    qtbot.addWidget(state)
    state.show()

    state.say("Not saved: the disk is full", problem=True)

    assert state.font().bold()
    assert state.toolTip() == "Not saved: the disk is full"
    state.saved_now("Tag trimmed")
    assert state.text().startswith("Saved at ")
    assert state.text().endswith(" · Tag trimmed")
    assert not state.font().bold()
    state.say("")
    assert state.isHidden()
