"""The suggested routines: title, length and reason each; Start, Enter or a double click starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coach.core.body.suggestions import Suggestion
from coach.core.routines.routine import Routine, Step
from coach.ui.body_map.suggestion_list import SuggestionList


def suggestion(routine_id: str, title: str, reason: str, detail: str = "") -> Suggestion:
    routine = Routine(routine_id, title, (Step("Breathe.", 300),))
    return Suggestion(routine, 8.0, reason, direct=True, detail=detail)


@pytest.fixture
def suggestions(qtbot: QtBot) -> SuggestionList:
    widget = SuggestionList()
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_suggestions(
        [
            suggestion("back", "Low back release", "Works your lower back."),
            suggestion(
                "hips", "Hip flexors", "Tight hip flexors can pull on the low back.", "Psoas"
            ),
        ]
    )
    return widget


def test_each_row_shows_its_routine_and_why_the_first_is_selected(suggestions) -> None:
    assert suggestions.count() == 2
    assert suggestions.selected_routine() == "back"
    row = suggestions.itemWidget(suggestions.item(1))
    shown = " ".join(label.text() for label in row.findChildren(QLabel))
    assert "Hip flexors" in shown
    assert "5:00" in shown
    assert "Tight hip flexors can pull on the low back." in shown
    spoken = suggestions.item(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Hip flexors. Tight hip flexors")
    assert suggestions.item(1).toolTip() == "Psoas"


def test_the_start_button_starts_its_own_routine(qtbot: QtBot, suggestions) -> None:
    row = suggestions.itemWidget(suggestions.item(1))
    [start] = row.findChildren(QPushButton)
    assert start.accessibleName() == "Start Hip flexors"
    with qtbot.waitSignal(suggestions.start_requested) as started:
        qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert started.args == ["hips"]


def test_enter_starts_the_selected_routine(qtbot: QtBot, suggestions) -> None:
    suggestions.setFocus()
    qtbot.keyClick(suggestions, Qt.Key.Key_Down)
    with qtbot.waitSignal(suggestions.start_requested) as started:
        qtbot.keyClick(suggestions, Qt.Key.Key_Return)
    assert started.args == ["hips"]


def test_rows_are_as_tall_as_their_wrapped_text(qtbot: QtBot, suggestions) -> None:
    wide = suggestions.item(1).sizeHint().height()
    suggestions.resize(200, 300)
    qtbot.waitUntil(lambda: suggestions.item(1).sizeHint().height() > wide)
    suggestions.set_suggestions([])
    assert suggestions.selected_routine() is None
