"""A view that shows the edited day reads it from the shared day editor, never from a copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.services.day_editor import DayEditor
from coach.ui.common.edited_day import ShowsEditedDay

TODAY = dt.date(2026, 11, 21)


class DayView(ShowsEditedDay, QWidget):
    """The smallest view that logs a day."""

    def __init__(self, editor: DayEditor) -> None:
        super().__init__()
        self.editor = editor


def test_two_views_show_the_day_the_editor_has_open(qtbot: QtBot, log) -> None:
    editor = DayEditor(log, today=lambda: TODAY)
    today, body_map = DayView(editor), DayView(editor)
    qtbot.addWidget(today)
    qtbot.addWidget(body_map)
    assert today.date == body_map.date == today.known_today == TODAY

    editor.open(TODAY - dt.timedelta(days=3))

    assert today.date == body_map.date == TODAY - dt.timedelta(days=3)
    assert today.known_today == TODAY, "today stays today"
    assert today.save_timer is body_map.save_timer is editor.save_timer


def test_a_save_that_fails_is_seen_by_every_view(qtbot: QtBot, log) -> None:
    editor = DayEditor(log, today=lambda: TODAY)
    view = DayView(editor)
    qtbot.addWidget(view)
    assert view.problem == ""

    editor.edit("test", lambda entry: replace(entry, pain=42), delay_ms=0)
    assert view.save_timer.isActive(), "the pause before saving"
    assert not editor.flush()

    assert "pain" in view.problem
    editor.edit("test", lambda entry: replace(entry, pain=4), delay_ms=0)
    assert editor.flush()
    assert view.problem == ""
    assert log.get_day(TODAY).pain == 4
