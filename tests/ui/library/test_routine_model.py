"""The routine table's model: each routine in words, sortable by what it means (length in time)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coach.core.body.regions import RegionCatalogue
from coach.ui.library.routine_model import RoutineTableModel, source_name
from tests.ui.library.entries import YOURS, entry

Model = RoutineTableModel


@pytest.fixture
def model(qapp, catalogue: RegionCatalogue) -> RoutineTableModel:
    table = RoutineTableModel(catalogue)
    table.set_entries(
        (
            entry(
                "back",
                "Low back",
                12,
                equipment=("Mat", "Tennis ball"),
                targets=("left_lower_back", "right_lower_back", "glutes"),
            ),
            entry("breath", "Breaths", 2.5, kind="breathing", source=YOURS),
        )
    )
    return table


def cells(model: RoutineTableModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_each_row_says_what_the_routine_is_in_words(model: RoutineTableModel) -> None:
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Title",
        "Kind",
        "Length",
        "Equipment",
        "Works on",
        "Source",
    ]
    assert cells(model, 0) == [
        "Low back",
        "Relaxation (PMR)",
        "12:00",
        "Mat, Tennis ball",
        "Left lower back, Right lower back +1",
        "built-in",
    ]
    assert cells(model, 1)[1:4] == ["Breathing", "2:30", "none"]
    assert source_name(model.entry(1)) == "yours"


def test_tooltips_list_everything_the_cell_shortens(model: RoutineTableModel) -> None:
    works_on = model.index(0, Model.WORKS_ON).data(Qt.ItemDataRole.ToolTipRole)
    assert works_on.splitlines() == model.works_on(0)
    assert len(works_on.splitlines()) == 3
    assert model.index(0, Model.EQUIPMENT).data(Qt.ItemDataRole.ToolTipRole) == "Mat\nTennis ball"


def test_length_sorts_by_seconds_and_text_sorts_without_case(model: RoutineTableModel) -> None:
    assert model.index(0, Model.LENGTH).data(Model.SORT_ROLE) == 720
    assert model.index(1, Model.LENGTH).data(Model.SORT_ROLE) == 150
    assert model.index(0, Model.TITLE).data(Model.SORT_ROLE) == "low back"
    assert model.index(0, Model.LENGTH).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )


def test_rows_are_found_by_routine_and_kinds_listed_by_name(model: RoutineTableModel) -> None:
    assert model.row_of("breath") == 1
    assert model.row_of("gone") is None
    assert model.index(1, 0).data(Model.ROUTINE_ROLE) == "breath"
    assert model.kinds() == ["breathing", "pmr"]  # "Breathing" before "Relaxation (PMR)"

    model.set_entries(())
    assert model.rowCount() == 0
