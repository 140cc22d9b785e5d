"""The heat map's panel: the period buttons, a line about the period, the areas most first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.core.body.heat import HeatCell
from coach.core.body.regions import RegionCatalogue
from coach.ui.body_map.heat_panel import HEAT_PRESETS, HeatPanel, heat_text


@pytest.fixture
def panel(qtbot: QtBot, catalogue: RegionCatalogue) -> HeatPanel:
    widget = HeatPanel(catalogue, preset=1)
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_presets_are_named_and_the_chosen_one_is_checked(qtbot: QtBot, panel) -> None:
    names = [button.accessibleName() for button in panel.preset_buttons]
    assert names == ["Last 30 days", "Last 3 months", "Last 1 year", "All of the log"]
    assert [b.isChecked() for b in panel.preset_buttons] == [False, True, False, False]

    with qtbot.waitSignal(panel.preset_chosen) as chosen:
        qtbot.mouseClick(panel.preset_buttons[3], Qt.MouseButton.LeftButton)
    assert chosen.args == [3]
    assert HEAT_PRESETS[3][1] is None, "All: the whole log"

    panel.check_preset(0)
    assert [b.isChecked() for b in panel.preset_buttons] == [True, False, False, False]


def test_the_areas_are_listed_most_first_with_their_numbers(panel) -> None:
    panel.show_heat(
        {
            "left_calf": HeatCell(2, 30, 3.0, 4),
            "left_lower_back": HeatCell(20, 30, 6.5, 9),
        },
        30,
    )
    table = panel.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["Left lower back", "20 of 30", "6.5", "9"],
        ["Left calf", "2 of 30", "3.0", "4"],
    ]
    assert panel.summary.text().startswith("30 days logged.")


def test_the_line_says_when_nothing_was_logged_or_marked(panel) -> None:
    panel.show_heat({}, 0)
    assert panel.summary.text() == "Nothing logged in this period."
    panel.show_heat({}, 12)
    assert panel.summary.text() == "12 days logged in this period, with no areas marked."
    assert panel.table.rowCount() == 0


def test_picking_a_row_names_its_area(qtbot: QtBot, panel) -> None:
    panel.show_heat({"left_calf": HeatCell(2, 30, 3.0, 4)}, 30)
    with qtbot.waitSignal(panel.region_chosen) as chosen:
        qtbot.mouseClick(
            panel.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.table.visualItemRect(panel.table.item(0, 0)).center(),
        )
    assert chosen.args == ["left_calf"]
    assert (
        heat_text(HeatCell(2, 30, 3.0, 4)) == "marked on 2 of 30 logged days, average 3.0, worst 4"
    )
