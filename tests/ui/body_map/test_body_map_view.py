"""The Body map view: marks saved with the day, past days, suggestions that start a routine,
the heat map with its numbers, the hover line, and the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry
from coach.core.routines.library import RoutineLibrary
from coach.services.routine_catalog import RoutineCatalog
from coach.store.repository import LogRepository
from coach.ui.body_map.body_map_view import SAVE_DELAY_MS, BodyMapView

TODAY = dt.date(2025, 3, 12)
YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.fixture
def make_view(
    qtbot: QtBot,
    log: LogRepository,
    catalogue: RegionCatalogue,
    shapes: BodyShapes,
    library: RoutineLibrary,
):
    routines = RoutineCatalog(library)

    def make() -> BodyMapView:
        view = BodyMapView(log, catalogue, shapes, routines=routines, today=lambda: TODAY)
        qtbot.addWidget(view)
        view.resize(930, 680)
        view.show()
        view.activateWindow()
        qtbot.waitExposed(view)
        return view

    return make


def stored_areas(log: LogRepository, date: dt.date = TODAY) -> dict[str, int]:
    entry = log.get_day(date)
    return entry.areas if entry else {}


# -- marks are the day's areas ---------------------------------------------------------------------


def test_a_mark_is_saved_with_the_day_after_a_short_pause(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_day(DayEntry(TODAY, pain=5, note="Stiff", areas={"neck_front": 2}))
    view = make_view()
    assert view.marks() == {"neck_front": 2}
    assert view.status_label.text() == "All saved."

    view.body_map.set_mark("left_lower_back", 7)

    assert view.has_pending_edits()
    assert view.status_label.text() == "Saving…"
    assert view.save_timer.interval() == SAVE_DELAY_MS
    qtbot.waitUntil(lambda: not view.has_pending_edits())
    assert stored_areas(log) == {"left_lower_back": 7, "neck_front": 2}
    assert log.get_day(TODAY).pain == 5, "the rest of the day is kept"
    assert log.get_day(TODAY).note == "Stiff"
    assert view.status_label.text().startswith("Saved at")


def test_clearing_a_mark_removes_it_from_the_day(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_day(DayEntry(TODAY, areas={"neck_front": 2, "left_calf": 4}))
    view = make_view()

    with qtbot.waitSignal(view.editor.day_saved):
        view.body_map.set_mark("neck_front", None)

    assert stored_areas(log) == {"left_calf": 4}


def test_an_area_the_figure_cannot_show_is_kept(qtbot: QtBot, make_view, log) -> None:
    log.save_day(DayEntry(TODAY, areas={"retired_region": 3, "neck_front": 2}))
    view = make_view()
    assert view.marks() == {"neck_front": 2}

    view.body_map.set_mark("left_calf", 5)
    view.flush()

    assert stored_areas(log) == {"retired_region": 3, "neck_front": 2, "left_calf": 5}


def test_hiding_the_view_saves_at_once(make_view, log: LogRepository) -> None:
    view = make_view()
    view.body_map.set_mark("right_glute", 3)

    view.hide()

    assert stored_areas(log) == {"right_glute": 3}
    assert not view.save_timer.isActive()


def test_past_days_show_their_marks_and_changing_day_saves_first(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_day(DayEntry(YESTERDAY, areas={"left_neck": 6}))
    view = make_view()
    assert not view.next_button.isEnabled(), "no marking ahead of time"
    assert not view.today_button.isEnabled()
    view.body_map.set_mark("left_calf", 2)

    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)

    assert view.date == YESTERDAY
    assert stored_areas(log) == {"left_calf": 2}, "today's mark was saved before leaving"
    assert view.marks() == {"left_neck": 6}
    assert view.relative_label.text() == "Yesterday"
    assert view.next_button.isEnabled()
    assert not view.open_day(TODAY + dt.timedelta(days=1))
    view.open_today()
    assert view.date == TODAY
    assert view.marks() == {"left_calf": 2}


def test_showing_the_view_again_shows_what_today_logged_meanwhile(
    make_view, log: LogRepository
) -> None:
    view = make_view()
    view.hide()
    # the Today view, on the same day editor, lists the area and saves
    view.editor.edit(
        "today", lambda saved: DayEntry(TODAY, pain=4, areas={"right_lower_back": 5}), 0
    )
    assert view.editor.flush()

    view.show()

    assert view.marks() == {"right_lower_back": 5}
    assert view.marked_list.count() == 1
    assert log.get_day(TODAY) == DayEntry(TODAY, pain=4, areas={"right_lower_back": 5})


def test_a_failed_save_says_so_and_keeps_the_marks(qtbot: QtBot, make_view, log) -> None:
    view = make_view()
    log.conn.close()

    view.body_map.set_mark("left_calf", 4)

    assert not view.flush()
    assert view.status_label.text().startswith("Not saved:")
    assert view.status_label.font().bold()
    assert view.problem
    assert view.marks() == {"left_calf": 4}


# -- suggestions -----------------------------------------------------------------------------------


def test_suggestions_follow_the_marks_and_enter_starts_the_selected_one(
    qtbot: QtBot, make_view
) -> None:
    view = make_view()
    assert view.suggestion_list.isHidden()
    assert "Mark where it hurts" in view.suggestions_empty.text()

    view.body_map.set_mark("left_lower_back", 6)

    assert view.suggestion_list.isVisible()
    assert view.suggestion_list.selected_routine() == "massage-low-back"
    item = view.suggestion_list.item(0)
    assert "Works your left lower back." in item.data(Qt.ItemDataRole.AccessibleTextRole)
    view.suggestion_list.setFocus()
    with qtbot.waitSignal(view.start_requested) as started:
        qtbot.keyClick(view.suggestion_list, Qt.Key.Key_Return)
    assert started.args == ["massage-low-back"]
    view.flush()


def test_the_suggestions_say_what_else_a_one_sided_pain_can_be(qtbot: QtBot, make_view) -> None:
    view = make_view()
    assert view.area_notes.isHidden()

    view.body_map.set_mark("right_lower_abdomen", 5)

    assert view.area_notes.isVisible()
    assert "appendix" in view.area_notes.text()
    view.body_map.set_mark("right_lower_abdomen", 0)
    assert view.area_notes.isHidden()


def test_each_suggestion_has_a_start_button_and_linked_muscles_are_shown_on_the_figure(
    qtbot: QtBot, make_view
) -> None:
    view = make_view()
    view.body_map.set_mark("left_lower_back", 6)
    rows = view.suggestion_list.count()
    buttons = [
        view.suggestion_list.itemWidget(view.suggestion_list.item(i)).findChild(QAbstractButton)
        for i in range(rows)
    ]
    assert rows == len(view.suggestions) > 1
    assert all(b.text() == "Start" for b in buttons)
    assert buttons[1].accessibleName() == f"Start {view.suggestions[1].routine.title}"

    with qtbot.waitSignal(view.start_requested) as started:
        qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert started.args == [view.suggestions[1].routine.id]

    assert view.body_map.highlighted() == set(), "the marked area keeps its colour"
    linked = next(i for i, s in enumerate(view.suggestions) if not s.direct)
    view.suggestion_list.setCurrentRow(linked)
    assert view.body_map.highlighted() == set(view.suggestions[linked].regions)
    view.flush()


# -- the heat map ----------------------------------------------------------------------------------


def test_the_heat_map_colours_areas_with_their_numbers(make_view, log: LogRepository) -> None:
    log.save_day(DayEntry(TODAY - dt.timedelta(days=40), areas={"left_calf": 9}))  # too old
    log.save_day(DayEntry(TODAY - dt.timedelta(days=2), areas={"left_lower_back": 3}))
    log.save_day(DayEntry(TODAY - dt.timedelta(days=1), pain=2))
    log.save_day(DayEntry(TODAY, areas={"left_lower_back": 8, "neck_front": 2}))
    view = make_view()

    view.set_mode("heat")

    assert view.maps.currentWidget() is not view.body_map
    assert view.heat_start == TODAY - dt.timedelta(days=29)
    assert set(view.heat) == {"left_lower_back", "neck_front"}
    assert view.heat_map.describe("left_lower_back") == (
        "Left lower back: marked on 2 of 3 logged days, average 5.5, worst 8"
    )
    table = view.heat_table
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in range(4)] == ["Left lower back", "2 of 3", "5.5", "8"]
    assert "3 days logged" in view.heat_summary.text()

    view.set_preset(3)  # all of the log
    assert view.heat["left_calf"].days_marked == 1
    assert table.rowCount() == 3


def test_picking_a_row_of_the_heat_table_names_its_numbers(make_view, log) -> None:
    log.save_day(DayEntry(TODAY, areas={"right_glute": 4}))
    view = make_view()
    view.set_mode("heat")

    view.heat_table.setCurrentCell(0, 0)

    assert view.hover_label.text() == (
        "Right buttock: marked on 1 of 1 logged days, average 4.0, worst 4"
    )


def test_the_heat_map_follows_the_day_shown(make_view, log: LogRepository) -> None:
    log.save_day(DayEntry(TODAY, areas={"right_glute": 4}))
    view = make_view()
    view.set_mode("heat")

    view.open_previous()

    assert view.heat_end == YESTERDAY
    assert view.heat == {}
    assert "Nothing logged" in view.heat_summary.text()


# -- pointer and keyboard --------------------------------------------------------------------------


def test_the_status_line_names_the_area_under_the_pointer(qtbot: QtBot, make_view) -> None:
    view = make_view()
    body_map = view.body_map
    body_map.set_marks({"left_lower_back": 6})

    qtbot.mouseMove(body_map, body_map.region_point("left_lower_back").toPoint())

    qtbot.waitUntil(lambda: view.hover_label.text() == "Left lower back, marked 6 of 10")


def test_every_control_is_reachable_by_tab_and_named(qtbot: QtBot, make_view) -> None:
    view = make_view()
    view.body_map.set_mark("left_lower_back", 6)
    view.previous_button.setFocus()
    qtbot.waitUntil(view.previous_button.hasFocus)
    seen: list[QWidget] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    for expected in (
        view.previous_button,
        view.mark_button,
        view.heat_button,
        view.body_map,
        view.marked_list,
        view.suggestion_list,
    ):
        assert expected in seen
    for widget in seen:
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else ""
        )
        assert name, f"{widget!r} has no accessible name"
    view.flush()


def test_the_heat_map_s_controls_are_reachable_by_tab_too(qtbot: QtBot, make_view) -> None:
    view = make_view()
    view.heat_button.setFocus()
    qtbot.waitUntil(view.heat_button.hasFocus)
    qtbot.keyClick(view.heat_button, Qt.Key.Key_Space)
    assert view.mode() == "heat"
    assert view.mark_button.isChecked() is False
    seen: list[QWidget] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)

    assert all(button in seen for button in view.preset_buttons)
    assert view.heat_table in seen
    qtbot.keyClick(view.preset_buttons[2], Qt.Key.Key_Space)
    assert view.preset == 2
    assert [b.isChecked() for b in view.preset_buttons] == [False, False, True, False]
    qtbot.keyClick(view.mark_button, Qt.Key.Key_Space)
    assert view.mode() == "marks"
    assert view.heat_button.isChecked() is False


# -- the first evening: steady figures, the line under them, the colour scale ----------------------


def test_the_figures_do_not_move_as_the_pointer_enters_and_leaves_an_area(
    qtbot: QtBot, make_view
) -> None:
    view = make_view()
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    before = view.body_map.geometry()

    view.body_map.hovered.emit("left_lower_back")
    qtbot.waitUntil(lambda: "Left lower back" in view.hover_label.text())
    QApplication.processEvents()
    assert view.body_map.geometry() == before
    view.body_map.hovered.emit(None)
    QApplication.processEvents()
    assert view.body_map.geometry() == before


def test_marking_the_area_under_the_pointer_says_its_mark_at_once(qtbot: QtBot, make_view) -> None:
    view = make_view()
    view.body_map.hovered.emit("left_lower_back")
    assert view.hover_label.text().endswith("not marked")

    view.body_map.set_mark("left_lower_back", 6)

    assert view.hover_label.text().endswith("marked 6 of 10")


def test_a_read_only_log_shows_the_marks_and_suggestions_but_not_marking(
    qtbot: QtBot,
    paths,
    log: LogRepository,
    catalogue: RegionCatalogue,
    shapes: BodyShapes,
    library: RoutineLibrary,
) -> None:
    log.save_day(DayEntry(TODAY, areas={"left_lower_back": 6}))
    viewer = LogRepository.open_read_only(paths.database, "the folder is read-only")
    view = BodyMapView(
        viewer, catalogue, shapes, routines=RoutineCatalog(library), today=lambda: TODAY
    )
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    try:
        assert view.body_map.marks() == {"left_lower_back": 6}
        assert not view.body_map.isEnabled(), "a mark that could not be kept is not offered"
        assert not view.marked_list.isEnabled()
        assert view.suggestions, "what helps is still suggested"
        assert view.suggestion_list.isEnabled()
        assert "open read-only (the folder is read-only)" in view.status_label.text()
        assert view.hover_label.text() == "Point at an area to see its name."
    finally:
        view.close()
        viewer.close()
