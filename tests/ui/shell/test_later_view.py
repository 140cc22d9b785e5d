"""A page for a view a later version fills in: it says what will be there, plainly."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coach.ui.shell.later_view import LaterView


def test_it_names_the_view_says_what_it_will_hold_and_that_it_is_not_here_yet(
    qtbot: QtBot,
) -> None:
    view = LaterView("Exercises <new>", "Stretches to do at your desk.")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)

    texts = [label.text() for label in view.findChildren(QLabel) if label.isVisible()]
    assert texts == [
        "<h2>Exercises &lt;new&gt;</h2>",
        "Stretches to do at your desk.",
        "Not in this version yet.",
    ]
    assert view.accessibleName() == "Exercises <new>"
    [note] = [label for label in view.findChildren(QLabel) if "yet" in label.text()]
    assert not note.isEnabled(), "the note is quieter than the description"
