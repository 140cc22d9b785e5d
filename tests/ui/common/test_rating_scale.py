"""The 0-10 rating scale: keyboard, mouse, "not rated", accessibility and a visible focus."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from coach.ui.common.rating_scale import RatingScale


@pytest.fixture
def scale(qtbot: QtBot) -> Iterator[RatingScale]:
    """A "Pain today" scale, shown, active and focused, followed by a line edit."""
    window = QWidget()
    layout = QVBoxLayout(window)
    widget = RatingScale("Pain today", "no pain", "worst imaginable")
    layout.addWidget(widget)
    after = QLineEdit()
    after.setObjectName("after")
    layout.addWidget(after)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    yield widget  # holding `window` here keeps it alive until the test ends
    window.close()


def record(scale: RatingScale) -> list[object]:
    values: list[object] = []
    scale.value_changed.connect(values.append)
    return values


def press(qtbot: QtBot, scale: RatingScale, *keys: Qt.Key) -> None:
    for key in keys:
        qtbot.keyClick(scale, key)


def test_starts_not_rated_with_its_anchors(scale: RatingScale) -> None:
    assert scale.value() is None
    assert scale.value_label.text() == "not rated"
    assert scale.low_label.text() == "no pain"
    assert scale.high_label.text() == "worst imaginable"
    assert [b.text() for b in scale.buttons] == [str(n) for n in range(11)]
    assert not any(b.isChecked() for b in scale.buttons)
    assert not scale.clear_button.isEnabled()


def test_arrows_step_and_stop_at_the_ends(qtbot: QtBot, scale: RatingScale) -> None:
    values = record(scale)

    press(qtbot, scale, Qt.Key.Key_Right)  # from "not rated" an arrow starts at 0
    press(qtbot, scale, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left)
    press(qtbot, scale, Qt.Key.Key_Left, Qt.Key.Key_Left)  # 0 is the floor: no change, no signal

    assert values == [0, 1, 2, 1, 0]
    press(qtbot, scale, Qt.Key.Key_End, Qt.Key.Key_Right, Qt.Key.Key_Up)
    assert scale.value() == 10
    press(qtbot, scale, Qt.Key.Key_Down, Qt.Key.Key_Home)
    assert values == [0, 1, 2, 1, 0, 10, 9, 0]


def test_digits_set_it_and_one_then_zero_is_ten(qtbot: QtBot, scale: RatingScale) -> None:
    values = record(scale)

    press(qtbot, scale, Qt.Key.Key_7)
    assert scale.value() == 7
    press(qtbot, scale, Qt.Key.Key_0)
    assert scale.value() == 0
    press(qtbot, scale, Qt.Key.Key_1, Qt.Key.Key_0)
    assert scale.value() == 10
    press(qtbot, scale, Qt.Key.Key_0)  # a second 0 is 0 again, not "100"
    assert scale.value() == 0
    assert values == [7, 0, 1, 10, 0]


def test_delete_and_backspace_clear_to_not_rated(qtbot: QtBot, scale: RatingScale) -> None:
    values = record(scale)
    press(qtbot, scale, Qt.Key.Key_4, Qt.Key.Key_Delete)
    assert scale.value() is None
    press(qtbot, scale, Qt.Key.Key_0, Qt.Key.Key_Backspace)

    assert values == [4, None, 0, None]
    assert scale.value_label.text() == "not rated"


def test_tab_leaves_the_scale_in_one_step(qtbot: QtBot, scale: RatingScale) -> None:
    after = scale.window().findChild(QLineEdit, "after")

    qtbot.keyClick(scale, Qt.Key.Key_Tab)

    qtbot.waitUntil(after.hasFocus)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in scale.buttons)


def test_clicking_a_number_selects_it_in_bold(qtbot: QtBot, scale: RatingScale) -> None:
    values = record(scale)
    scale.window().findChild(QLineEdit, "after").setFocus()

    qtbot.mouseClick(scale.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(scale.buttons[4], Qt.MouseButton.LeftButton)  # again: still 4, not cleared

    assert values == [4]
    assert scale.buttons[4].isChecked()
    assert scale.buttons[4].font().bold()
    assert [n for n, b in enumerate(scale.buttons) if b.isChecked() or b.font().bold()] == [4]
    assert scale.value_label.text() == "4 of 10"
    qtbot.waitUntil(scale.hasFocus)  # so the arrows carry on from the click


def test_the_clear_button_clears(qtbot: QtBot, scale: RatingScale) -> None:
    qtbot.mouseClick(scale.buttons[8], Qt.MouseButton.LeftButton)
    values = record(scale)

    qtbot.mouseClick(scale.clear_button, Qt.MouseButton.LeftButton)

    assert values == [None]
    assert not any(b.isChecked() for b in scale.buttons)


def test_set_value_shows_without_emitting(scale: RatingScale) -> None:
    values = record(scale)

    scale.set_value(6)

    assert values == []
    assert scale.buttons[6].isChecked()
    with pytest.raises(ValueError, match="0 to 10"):
        scale.set_value(11)


def test_accessible_name_and_value(qtbot: QtBot, scale: RatingScale) -> None:
    interface = QAccessible.queryAccessibleInterface(scale)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Pain today"
    assert interface.text(QAccessible.Text.Description) == "not rated"

    press(qtbot, scale, Qt.Key.Key_5)

    assert interface.text(QAccessible.Text.Description) == "5 of 10"
    assert scale.buttons[5].accessibleName() == "5 of 10"
    assert "Delete" in scale.toolTip()
    assert "1 then 0" in scale.toolTip()


def test_the_focus_is_visible(qtbot: QtBot, scale: RatingScale) -> None:
    focused = scale.grab().toImage()
    scale.window().findChild(QLineEdit, "after").setFocus()
    qtbot.waitUntil(lambda: not scale.hasFocus())

    unfocused = scale.grab().toImage()

    assert focused != unfocused
