"""Lines that keep their height while their text changes, so nothing around them jumps."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from coach.ui.common.steady_label import SteadyLabel, SteadyStack

HINT = (
    "Point at an area to see its name; click it to mark how much it hurts today, "
    "then click again to change it."
)


def test_the_label_keeps_the_height_of_its_longest_reserved_text(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    label = SteadyLabel([HINT])
    below = QLabel("The figures")
    layout = QVBoxLayout(box)
    layout.addWidget(label)
    layout.addWidget(below)
    box.resize(220, 300)
    box.show()
    qtbot.waitExposed(box)
    label.setText(HINT)
    qtbot.waitUntil(lambda: below.y() > label.y() + label.height() - 1)
    tall, where = label.height(), below.y()
    assert tall > 2 * label.fontMetrics().height(), "the hint wraps at this width"

    label.setText("Lower back")

    assert label.height() == tall
    qtbot.waitUntil(lambda: below.y() == where)  # what is below does not move


def test_a_text_longer_than_any_reserved_one_gets_the_room_it_needs(qtbot: QtBot) -> None:
    label = SteadyLabel(["Short."])
    qtbot.addWidget(label)
    label.resize(200, label.height())
    one_line = label.height()

    label.setText(HINT)

    assert label.height() > one_line
    label.reserve([])
    label.setText("Short.")
    assert label.height() == one_line, "room kept only for what is reserved"


def test_the_stack_is_as_tall_as_its_tallest_widget_whichever_is_shown(qtbot: QtBot) -> None:
    invitation = QLabel(HINT)
    invitation.setWordWrap(True)
    status = QLabel("Saved")
    stack = SteadyStack(invitation, status)
    qtbot.addWidget(stack)
    stack.resize(220, 10)
    stack.show()
    qtbot.waitExposed(stack)
    qtbot.waitUntil(lambda: stack.height() >= invitation.heightForWidth(220))
    height = stack.height()

    invitation.hide()

    assert stack.height() == height
    assert status.isVisible()
