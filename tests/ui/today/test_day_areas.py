"""The areas that hurt on a day: picked from a searchable list, changed, removed by keyboard too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.ui.today.day_areas import DEFAULT_INTENSITY, AreasEditor


@pytest.fixture
def areas(qtbot: QtBot, catalogue: RegionCatalogue) -> AreasEditor:
    editor = AreasEditor(catalogue)
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.completer.popup().hide()


def type_area(qtbot: QtBot, areas: AreasEditor, text: str) -> None:
    qtbot.keyClicks(areas.picker.lineEdit(), text)
    areas.completer.popup().hide()


def test_it_says_nothing_is_marked_and_that_the_body_map_edits_the_same_day(areas) -> None:
    texts = " ".join(label.text() for label in areas.findChildren(QLabel) if label.isVisible())
    assert "mark them on the Body map" in texts
    assert "No areas marked." in texts
    assert areas.intensity.value() == DEFAULT_INTENSITY


def test_an_area_typed_in_full_is_added_with_its_intensity(qtbot: QtBot, areas) -> None:
    type_area(qtbot, areas, "Right lower back")
    areas.intensity.setValue(6)
    with qtbot.waitSignal(areas.areas_changed) as changed:
        qtbot.keyClick(areas.picker.lineEdit(), Qt.Key.Key_Return)
    assert changed.args == [{"right_lower_back": 6}]
    assert areas.picker.currentText() == "", "ready for the next area"
    assert areas.empty.isHidden()
    box = areas.intensity_boxes()["right_lower_back"]
    assert box.text() == "6 of 10"
    assert box.accessibleName() == "How much Right lower back hurts"


def test_an_area_can_be_picked_from_the_completions(qtbot: QtBot, areas) -> None:
    areas.picker.lineEdit().setFocus()
    qtbot.waitUntil(areas.picker.lineEdit().hasFocus)

    qtbot.keyClicks(areas.picker.lineEdit(), "right lower b")
    popup = areas.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(areas.areas_changed):
        qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert areas.areas() == {"right_lower_back": DEFAULT_INTENSITY}
    assert areas.picker.currentText() == ""


def test_an_unknown_or_ambiguous_area_is_explained_not_added(qtbot: QtBot, areas) -> None:
    with qtbot.assertNotEmitted(areas.areas_changed):
        qtbot.mouseClick(areas.add_button, Qt.MouseButton.LeftButton)
    assert areas.message.text() == "Type or choose an area first."

    type_area(qtbot, areas, "elbow")  # four regions match: not enough
    with qtbot.assertNotEmitted(areas.areas_changed):
        qtbot.mouseClick(areas.add_button, Qt.MouseButton.LeftButton)

    assert areas.areas() == {}
    assert areas.message.isVisible()
    assert "Pick an area from the list" in areas.message.text()


def test_areas_are_listed_head_to_toe_changed_and_removed(qtbot: QtBot, areas) -> None:
    areas.set_areas({"left_calf": 2, "sternum": 4})
    assert [b.accessibleName() for b in areas.remove_buttons()] == [
        "Remove Breastbone",
        "Remove Left calf",
    ]
    with qtbot.waitSignal(areas.areas_changed) as changed:
        areas.intensity_boxes()["left_calf"].setValue(7)
    assert changed.args == [{"left_calf": 7, "sternum": 4}]

    with qtbot.waitSignal(areas.areas_changed) as removed:
        qtbot.mouseClick(areas.remove_buttons()[0], Qt.MouseButton.LeftButton)
    assert removed.args == [{"left_calf": 7}]


def test_removing_by_keyboard_moves_the_focus_to_the_next_remove_then_the_picker(
    qtbot: QtBot, areas
) -> None:
    areas.set_areas({"left_calf": 2, "sternum": 4})
    areas.activateWindow()
    first = areas.remove_buttons()[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)

    qtbot.keyClick(first, Qt.Key.Key_Space)
    [left] = areas.remove_buttons()
    qtbot.waitUntil(left.hasFocus)
    qtbot.keyClick(left, Qt.Key.Key_Space)

    qtbot.waitUntil(areas.picker.hasFocus)
    assert areas.areas() == {}
    assert areas.empty.isVisible()


def test_showing_a_day_does_not_count_as_an_edit(qtbot: QtBot, areas) -> None:
    with qtbot.assertNotEmitted(areas.areas_changed):
        areas.set_areas({"sternum": 3})
    assert areas.areas() == {"sternum": 3}
    areas.areas()["sternum"] = 9
    assert areas.areas() == {"sternum": 3}, "a copy: the editor keeps its own"
