"""The suggested routines: title, length and reason each; Start, Enter or a double click starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from coach.core.body.suggestions import LinkedPain, Suggestion
from coach.core.routines.routine import Routine, Step
from coach.ui.body_map.suggestion_list import SuggestionList


def suggestion(routine_id: str, title: str, **facts: object) -> Suggestion:
    routine = Routine(routine_id, title, (Step("Breathe.", 300),))
    return Suggestion(routine, 8.0, direct="link" not in facts, **facts)  # type: ignore[arg-type]


@pytest.fixture
def suggestions(qtbot: QtBot) -> SuggestionList:
    widget = SuggestionList()
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_suggestions(
        [
            suggestion("back", "Low back release", areas=("Lower back",)),
            suggestion(
                "hips",
                "Hip flexors",
                link=LinkedPain("Hip flexors", "Lower back", "Tight hip flexors can pull on it."),
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
    assert "Tight hip flexors can pull on it." in shown
    spoken = suggestions.item(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Hip flexors. Tight hip flexors")
    detail = "Works your hip flexors, often linked to pain in the lower back."
    assert suggestions.item(1).toolTip() == detail
    assert detail in spoken
    first = suggestions.itemWidget(suggestions.item(0))
    assert "Works your lower back." in " ".join(
        label.text() for label in first.findChildren(QLabel)
    )
    assert suggestions.item(0).toolTip() == "", "a direct one needs no more"


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
