"""The list of marked areas beside the map: it follows the map, and digits and Delete edit it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.ui.body_map.body_map_widget import BodyMapWidget
from coach.ui.body_map.marked_list import MarkedList


@pytest.fixture
def twin(qtbot: QtBot, catalogue: RegionCatalogue, shapes: BodyShapes) -> MarkedList:
    body_map = BodyMapWidget(catalogue, shapes)
    qtbot.addWidget(body_map)
    marked = MarkedList(body_map)
    qtbot.addWidget(marked)
    marked.show()
    qtbot.waitExposed(marked)
    yield marked
    body_map.popup.hide()


def texts(marked: MarkedList) -> list[str]:
    return [marked.item(i).text() for i in range(marked.count())]


def test_it_says_when_nothing_is_marked_and_lists_marks_in_the_catalogue_order(twin) -> None:
    assert texts(twin) == ["No areas marked."]
    assert twin.selected_region() is None
    assert twin.accessibleName() == "Marked areas"

    twin.body_map.set_marks({"left_lower_back": 6, "sternum": 2})

    assert texts(twin) == ["Breastbone, marked 2 of 10", "Left lower back, marked 6 of 10"]


def test_1_then_0_makes_10_and_the_selection_stays_on_the_area(qtbot: QtBot, twin) -> None:
    twin.body_map.set_marks({"left_lower_back": 6, "sternum": 2})
    twin.setFocus()
    twin.setCurrentRow(1)
    assert twin.body_map.current_region() == "left_lower_back", "the map follows the list"

    qtbot.keyClick(twin, Qt.Key.Key_1)
    qtbot.keyClick(twin, Qt.Key.Key_0)

    assert twin.body_map.marks()["left_lower_back"] == 10
    assert twin.selected_region() == "left_lower_back"
    qtbot.keyClick(twin, Qt.Key.Key_Right)
    assert twin.body_map.marks()["left_lower_back"] == 10, "10 is the most"


def test_deleting_the_last_area_leaves_the_empty_line(qtbot: QtBot, twin) -> None:
    twin.body_map.set_marks({"sternum": 2})
    twin.setFocus()
    twin.setCurrentRow(0)
    qtbot.keyClick(twin, Qt.Key.Key_Delete)
    assert twin.body_map.marks() == {}
    assert texts(twin) == ["No areas marked."]
