"""The 0-10 popup: a coloured button per number and Clear; digits, arrows, Enter, Delete, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.ui.body_map.intensity_popup import DEFAULT_INTENSITY, IntensityPopup


@pytest.fixture
def popup(qtbot: QtBot) -> IntensityPopup:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.resize(400, 300)
    owner.show()
    qtbot.waitExposed(owner)
    widget = IntensityPopup(owner)
    yield widget
    widget.hide()


def test_it_opens_with_the_area_named_and_its_value_focused(qtbot: QtBot, popup) -> None:
    popup.open_at(QPoint(200, 150), 7, "Left calf")
    qtbot.waitUntil(popup.isVisible)
    assert popup.accessibleDescription() == "Left calf"
    assert [b.text() for b in popup.buttons] == [str(n) for n in range(11)]
    assert popup.buttons[3].accessibleName() == "3 of 10"
    qtbot.waitUntil(lambda: popup.buttons[7].hasFocus())

    popup.hide()
    popup.open_at(QPoint(200, 150), None, "Left calf")
    qtbot.waitUntil(lambda: popup.buttons[DEFAULT_INTENSITY].hasFocus())


def test_a_click_chooses_and_closes(qtbot: QtBot, popup) -> None:
    popup.open_at(QPoint(200, 150), None, "Left calf")
    with qtbot.waitSignal(popup.chosen) as chosen:
        qtbot.mouseClick(popup.buttons[2], Qt.MouseButton.LeftButton)
    assert chosen.args == [2]
    assert popup.isHidden()

    popup.open_at(QPoint(200, 150), 2, "Left calf")
    with qtbot.waitSignal(popup.chosen) as cleared:
        qtbot.mouseClick(popup.clear_button, Qt.MouseButton.LeftButton)
    assert cleared.args == [None]


def test_the_keyboard_chooses_too(qtbot: QtBot, popup) -> None:
    popup.open_at(QPoint(200, 150), 4, "Left calf")
    qtbot.waitUntil(lambda: popup.buttons[4].hasFocus())
    qtbot.keyClick(popup, Qt.Key.Key_Right)
    qtbot.keyClick(popup, Qt.Key.Key_Right)
    with qtbot.waitSignal(popup.chosen) as entered:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert entered.args == [6]

    popup.open_at(QPoint(200, 150), 4, "Left calf")
    with qtbot.waitSignal(popup.chosen) as typed:
        qtbot.keyClick(popup, Qt.Key.Key_9)
    assert typed.args == [9]

    popup.open_at(QPoint(200, 150), 4, "Left calf")
    with qtbot.waitSignal(popup.chosen) as deleted:
        qtbot.keyClick(popup, Qt.Key.Key_Delete)
    assert deleted.args == [None]

    popup.open_at(QPoint(200, 150), 4, "Left calf")
    with qtbot.assertNotEmitted(popup.chosen):
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert popup.isHidden(), "Esc closes without changing anything"
