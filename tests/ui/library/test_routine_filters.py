"""The filter bar and its proxy: what is typed and chosen decides which routines are listed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.routine_search import LengthBand, RoutineFilter
from coach.ui.library.routine_filters import RoutineFilterBar, RoutineFilterProxy
from coach.ui.library.routine_model import RoutineTableModel
from tests.ui.library.entries import entry


@pytest.fixture
def proxy(qapp, catalogue: RegionCatalogue) -> RoutineFilterProxy:
    model = RoutineTableModel(catalogue)
    model.set_entries(
        (
            entry("back", "Low back", 12, targets=("left_lower_back", "right_lower_back")),
            entry("breath", "Breaths", 2.5, kind="breathing"),
            entry("long", "Long body scan", 25, kind="body-scan"),
        )
    )
    filtered = RoutineFilterProxy(catalogue)
    filtered.setSourceModel(model)
    filtered.model = model  # kept alive with the proxy
    return filtered


@pytest.fixture
def bar(qtbot: QtBot, catalogue: RegionCatalogue) -> RoutineFilterBar:
    widget = RoutineFilterBar(catalogue)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(proxy: RoutineFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(RoutineTableModel.ROUTINE_ROLE) for r in range(proxy.rowCount())]


def test_the_proxy_lets_through_what_the_filter_wants(proxy: RoutineFilterProxy) -> None:
    assert shown(proxy) == ["back", "breath", "long"]
    proxy.set_filter(RoutineFilter(length=LengthBand.UNDER_10))
    assert shown(proxy) == ["breath"]
    proxy.set_filter(RoutineFilter(region="lower_back"))
    assert shown(proxy) == ["back"], "a group finds the routines for the regions in it"
    proxy.set_filter(RoutineFilter(text="SCAN"))
    assert shown(proxy) == ["long"]


def test_the_proxy_sorts_length_by_time(proxy: RoutineFilterProxy) -> None:
    proxy.sort(RoutineTableModel.LENGTH, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ["breath", "back", "long"]


def test_the_bar_describes_what_is_typed_and_chosen(qtbot: QtBot, bar: RoutineFilterBar) -> None:
    assert bar.current().is_empty
    assert not bar.clear_button.isEnabled(), "nothing to clear"
    bar.set_kinds(["breathing", "pmr"])
    with qtbot.waitSignal(bar.changed):
        qtbot.keyClicks(bar.search, "back")
    bar.kind.setCurrentIndex(bar.kind.findData("pmr"))
    bar.length.setCurrentIndex(bar.length.findData(LengthBand.FROM_10_TO_20))
    assert bar.set_region("lower_back")
    assert not bar.set_region("elbow"), "an id the catalogue does not know"

    assert bar.current() == RoutineFilter(
        text="back", kind="pmr", length=LengthBand.FROM_10_TO_20, region="lower_back"
    )
    assert bar.clear_button.isEnabled()

    with qtbot.waitSignal(bar.changed):
        qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert bar.current().is_empty
    assert bar.search.text() == ""


def test_a_chosen_kind_stays_offered_when_no_routine_has_it_now(bar: RoutineFilterBar) -> None:
    bar.set_kinds(["breathing", "pmr"])
    bar.kind.setCurrentIndex(bar.kind.findData("breathing"))
    bar.set_kinds(["pmr"])
    assert bar.kind.currentData() == "breathing"
    assert [bar.kind.itemText(i) for i in range(bar.kind.count())] == [
        "All kinds",
        "Relaxation (PMR)",
        "Breathing",
    ]


def test_typed_text_that_names_no_area_goes_back_to_the_chosen_one(
    qtbot: QtBot, bar: RoutineFilterBar
) -> None:
    bar.set_region("lower_back")
    chosen = bar.region.currentText()
    line = bar.region.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "my left ear")
    line.editingFinished.emit()
    assert bar.region.currentText() == chosen
    assert bar.current().region == "lower_back"

    line.clear()
    line.editingFinished.emit()
    assert bar.current().region is None, "erased: any area"


def test_the_count_and_the_labels_read_well(bar: RoutineFilterBar) -> None:
    bar.set_count(3, 12)
    assert bar.count.text() == "Showing 3 of 12"
    buddies = {label.buddy() for label in bar.findChildren(QLabel)}
    assert {bar.search, bar.kind, bar.length, bar.region} <= buddies, "Alt+S, K, L, B"
    bar.focus_search()
    assert bar.search.hasFocus()
