"""The main window: navigation by keyboard, the Routines view, reloading, accessibility."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from coach.core.body.suggestions import suggest
from coach.core.log.entries import DayEntry
from coach.core.routines.library import RoutineLibrary
from coach.paths import Paths
from coach.ui.library.routine_model import RoutineTableModel
from coach.ui.shell.main_window import MainWindow, View
from tests.conftest import BUILTIN_IDS, MINIMAL, NEGATIVE, REPO, write_session


def model_ids(window: MainWindow) -> set[str]:
    model = window.routines.model
    return {
        model.index(row, 0).data(RoutineTableModel.ROUTINE_ROLE) for row in range(model.rowCount())
    }


def selected_id(window: MainWindow) -> str | None:
    rows = window.routines.table.selectionModel().selectedRows()
    return rows[0].data(RoutineTableModel.ROUTINE_ROLE) if rows else None


def detail_text(window: MainWindow) -> str:
    return window.routines.detail.toPlainText()


@pytest.fixture
def make_window(qtbot: QtBot, make_services):
    """Builds the main window on the test's folders (after the test has written its files)."""

    def make(*, shown: bool = False) -> MainWindow:
        window = MainWindow(make_services())
        qtbot.addWidget(window)
        if shown:
            window.show()
            window.activateWindow()
            qtbot.waitExposed(window)
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


def test_ctrl_number_switches_views(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    assert window.stack.currentIndex() == 0, "opens on Today"

    for number in (1, 3, 4, 5, 2, 1):
        key = getattr(Qt.Key, f"Key_{number}")
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda n=number: window.stack.currentIndex() == n - 1)
        assert window.nav.currentRow() == number - 1
    assert window.stack.currentWidget() is window.stack.widget(0)


def test_clicking_a_nav_item_switches_views(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    item = window.nav.item(4)
    rect = window.nav.visualItemRect(item)

    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.settings)


def test_routines_view_lists_the_built_ins(make_window) -> None:
    window = make_window()

    assert model_ids(window) == BUILTIN_IDS
    assert window.routines.broken.isHidden(), "no problems list without problems"
    assert window.statusBar().currentMessage() == "", "the status bar speaks for Today, at start"
    window.nav.setCurrentRow(1)
    assert window.statusBar().currentMessage() == f"{len(BUILTIN_IDS)} routines"
    assert selected_id(window) is not None, "a routine is selected from the start"


def test_selecting_a_routine_shows_its_title_and_cautions(
    qtbot: QtBot, make_window, library: RoutineLibrary
) -> None:
    window = make_window(shown=True)
    table = window.routines.table
    row = window.routines.model.row_of("massage-low-back")
    assert row is not None
    routine = library.scan().find("massage-low-back").routine

    rect = table.visualRect(
        window.routines.proxy.mapFromSource(window.routines.model.index(row, 0))
    )
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    qtbot.waitUntil(lambda: selected_id(window) == "massage-low-back")
    text = detail_text(window)
    assert text.startswith(routine.title)
    assert "Before you start" in text
    assert routine.cautions
    for caution in routine.cautions:
        assert caution in text
    assert str(routine.path) in text


def test_keyboard_moves_through_routines(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    table = window.routines.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(0)
    first = selected_id(window)

    qtbot.keyClick(table, Qt.Key.Key_Down)

    qtbot.waitUntil(lambda: selected_id(window) not in (None, first))
    second = window.routines.proxy.index(1, 0).data(RoutineTableModel.ROUTINE_ROLE)
    assert selected_id(window) == second
    assert detail_text(window).startswith(window.routines.scan.find(second).routine.title)


def test_a_broken_user_file_is_listed_and_explained(
    qtbot: QtBot, make_window, paths: Paths
) -> None:
    bad = write_session(paths.user_sessions, "negative.toml", NEGATIVE)
    window = make_window()
    broken = window.routines.broken

    assert not broken.isHidden()
    assert broken.count() == 1
    assert broken.item(0).text().startswith("negative.toml:10: ")
    assert "steps[1].duration" in broken.item(0).text()
    assert model_ids(window) == BUILTIN_IDS, "the good files still load"
    assert window.routines.status_text == f"{len(BUILTIN_IDS)} routines, 1 file with problems"

    broken.setCurrentRow(0)

    text = detail_text(window)
    assert text.startswith("negative.toml")
    assert f"{bad}:10: steps[1].duration must be a positive number of seconds, got -5" in text
    assert selected_id(window) is None, "the routine table lets go of its selection"


def test_a_problem_without_a_field_reads_cleanly(make_window, paths: Paths) -> None:
    write_session(paths.user_sessions, "unclosed.toml", 'format = 1\ntitle = "x\n')
    window = make_window()

    text = window.routines.broken.item(0).text()

    assert text.startswith("unclosed.toml:2: is not valid TOML"), repr(text)


def test_selecting_a_routine_after_a_problem_clears_the_problem(make_window, paths: Paths) -> None:
    write_session(paths.user_sessions, "negative.toml", NEGATIVE)
    window = make_window()
    window.routines.broken.setCurrentRow(0)

    window.routines.select("pmr-16")

    assert window.routines.broken.currentRow() == -1
    assert detail_text(window).startswith("Progressive muscle relaxation: 16 groups")


def reload_action(window: MainWindow) -> QAction:
    [file_menu] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File"]
    return next(a for a in file_menu.actions() if a.text() == "&Reload routines")


def test_the_reload_action_keeps_the_selection_and_shows_new_problems(
    make_window, paths: Paths
) -> None:
    window = make_window()
    window.show_routine("pmr-16")
    action = reload_action(window)
    assert action.shortcut().toString() == "F5"
    write_session(paths.user_sessions, "new-one.toml", MINIMAL)
    write_session(paths.user_sessions, "negative.toml", NEGATIVE)

    action.trigger()

    assert "new-one" in model_ids(window)
    assert selected_id(window) == "pmr-16"
    assert window.routines.broken.count() == 1
    assert not window.routines.broken.isHidden()


def test_show_routine_opens_the_routines_view_on_it(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == 2)

    window.show_routine("pmr-4")

    assert window.stack.currentWidget() is window.routines
    assert window.nav.currentRow() == 1
    assert selected_id(window) == "pmr-4"
    assert detail_text(window).startswith("Progressive muscle relaxation: 4 groups (short)")


def test_show_routine_with_an_unknown_id_leaves_the_selection(make_window) -> None:
    window = make_window()
    before = selected_id(window)

    window.show_routine("no-such-routine")

    assert selected_id(window) == before


def test_nav_items_have_accessible_names(make_window) -> None:
    window = make_window(shown=True)
    nav = QAccessible.queryAccessibleInterface(window.nav)
    assert nav is not None
    assert nav.text(QAccessible.Text.Name) == "Views"

    names = []
    for row in range(window.nav.count()):
        child = nav.child(row)
        assert child is not None
        names.append(child.text(QAccessible.Text.Name))

    assert names == ["Today", "Routines", "Body map", "Trends", "Settings"]
    for row in range(window.nav.count()):
        assert window.nav.item(row).toolTip() == f"{names[row]} (Ctrl+{row + 1})"


def test_lists_and_controls_have_accessible_names(make_window, paths: Paths) -> None:
    write_session(paths.user_sessions, "negative.toml", NEGATIVE)
    window = make_window(shown=True)

    assert window.routines.table.accessibleName() == "Routines"
    assert window.routines.broken.accessibleName() == "Session files with problems"
    assert window.routines.detail.accessibleName() == "Routine details"
    controls = [
        w
        for w in window.findChildren(QAbstractItemView)
        + window.findChildren(QAbstractButton)
        + window.findChildren(QTextBrowser)
        # Qt's own helpers (header, table corner, menu bar overflow) take no focus
        if not isinstance(w, QHeaderView) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert len(controls) >= 6
    # a button's own text is its accessible name; everything else needs one set
    unnamed = [
        type(w).__name__
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == []


def test_settings_view_shows_where_data_lives(make_window, paths: Paths) -> None:
    window = make_window()
    texts = {label.text() for label in window.settings.findChildren(QLabel)}

    assert {str(paths.data_dir), str(paths.user_sessions), str(paths.builtin_sessions)} <= texts
    buttons = {b.accessibleName() for b in window.settings.findChildren(QPushButton)}
    assert buttons >= {
        "Open Your data folder",
        "Open Your routines folder",
        "Open Built-in routines folder",
    }


# -- the body map, wired in ------------------------------------------------------------------------


def test_marks_made_on_the_body_map_are_the_today_view_s_areas(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.body_map)
    window.body_map.body_map.set_mark("left_lower_back", 7)
    window.body_map.body_map.set_mark("right_glute", 3)

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.today)
    assert window.today.form.areas.areas() == {"left_lower_back": 7, "right_glute": 3}


def test_an_area_removed_in_today_is_gone_from_the_body_map(qtbot: QtBot, make_window, log) -> None:
    log.save_day(DayEntry(dt.date.today(), pain=4, areas={"left_lower_back": 7, "left_calf": 2}))
    window = make_window(shown=True)
    window.nav.setCurrentRow(2)
    assert window.body_map.marks() == {"left_lower_back": 7, "left_calf": 2}
    window.nav.setCurrentRow(0)
    window.today.form.areas.remove("left_calf")

    window.nav.setCurrentRow(2)

    assert window.body_map.marks() == {"left_lower_back": 7}
    assert log.get_day(dt.date.today()).pain == 4


def test_a_suggestion_opens_the_routine_before_starting(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    window.nav.setCurrentRow(2)
    window.body_map.body_map.set_mark("left_lower_back", 5)
    window.body_map.suggestion_list.setFocus()

    qtbot.keyClick(window.body_map.suggestion_list, Qt.Key.Key_Return)

    assert window.stack.currentWidget() is window.session
    assert window.session.routine.id == "massage-low-back"
    assert window.session.player.figure is not None, "the player has its small figure"


def test_closing_the_window_saves_pending_marks(make_window, log) -> None:
    window = make_window(shown=True)
    window.nav.setCurrentRow(2)
    window.body_map.body_map.set_mark("right_neck", 4)
    assert window.body_map.has_pending_edits()

    window.close()

    assert log.get_day(dt.date.today()).areas == {"right_neck": 4}


def test_without_the_artwork_the_body_map_says_it_is_unavailable(
    qtbot: QtBot, make_services
) -> None:
    window = MainWindow(make_services(shapes=None))
    qtbot.addWidget(window)

    assert window.body_map is None
    page = window.stack.widget(2)
    assert "could not be loaded" in " ".join(label.text() for label in page.findChildren(QLabel))
    assert window.session.player.figure is None


def test_a_session_started_from_the_body_map_ends_back_on_it(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    window.nav.setCurrentRow(2)
    window.body_map.body_map.set_mark("left_lower_back", 5)

    window.start_routine(window.body_map.suggestions[0].routine.id)
    window.session.before.back_button.click()

    assert window.stack.currentWidget() is window.body_map
    assert window.nav.currentRow() == 2


def test_day_keys_move_the_shared_day_once_and_both_views_follow(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    window.nav.setCurrentRow(2)
    today = dt.date.today()

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)

    yesterday = today - dt.timedelta(days=1)
    assert window.body_map.date == yesterday, "one day back, not one per view"
    window.nav.setCurrentRow(0)
    assert window.today.date == yesterday
    assert window.today.relative_label.text() == "Yesterday"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.body_map.date == today


def test_closing_the_window_mid_session_logs_it_as_stopped(qtbot: QtBot, make_window, log) -> None:
    window = make_window(shown=True)
    window.start_routine("pmr-4")
    window.session.before.start_button.click()
    assert window.session.is_playing()
    window.session.player.next()
    today = dt.date.today()
    [begun] = log.sessions(today, today)
    assert (begun.completed, begun.stopped_at_step) == (False, 2), "logged as it goes"

    assert window.close()

    [record] = log.sessions(today, today)
    assert record.id == begun.id
    assert (record.completed, record.stopped_at_step) == (False, 2)
    assert not window.session.is_playing()
    assert window.session.run is None, "nothing of the session is left running"


# -- the first evening: opening a routine, Esc back, shortcuts, focus, titles ----------------------


def test_open_routine_shows_the_before_screen_with_start_focused(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)

    window.open_routine("pmr-4")

    before = window.session.before
    assert window.stack.currentWidget() is window.session
    assert window.session.currentWidget() is before
    qtbot.waitUntil(lambda: before.start_button.hasFocus())
    with qtbot.waitSignal(window.session.started):
        qtbot.keyClick(before.start_button, Qt.Key.Key_Return)
    window.session.stop()


def test_open_routine_with_an_unknown_id_shows_the_library(make_window) -> None:
    window = make_window(shown=True)
    window.open_routine("no-such-routine")
    assert window.stack.currentWidget() is window.routines


def test_esc_on_a_before_screen_from_a_suggestion_goes_back_to_the_body_map(
    qtbot: QtBot, make_window
) -> None:
    window = make_window(shown=True)
    window.nav.setCurrentRow(2)
    window.body_map.body_map.set_mark("left_lower_back", 5)
    window.body_map.suggestion_list.setFocus()
    qtbot.keyClick(window.body_map.suggestion_list, Qt.Key.Key_Return)
    assert window.session.currentWidget() is window.session.before

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    assert window.stack.currentWidget() is window.body_map


def test_the_list_of_views_is_outlined_when_it_has_the_keyboard(make_window) -> None:
    window = make_window(shown=True)
    window.nav.setFocus()
    normal = window.nav.grab().toImage()
    window.routines.table.setFocus()
    unfocused = window.nav.grab().toImage()
    assert normal != unfocused, "focus changes how the list of views looks"
    assert window.nav.contentsRect().size() == window.nav.contentsRect().size()


def test_titles_that_differ_at_the_end_are_not_shortened_to_the_same_text(
    qtbot: QtBot, make_window
) -> None:
    window = make_window(shown=True)
    window.resize(1000, 600)
    window.nav.setCurrentRow(1)
    table = window.routines.table
    header = table.horizontalHeader()
    header.resizeSection(RoutineTableModel.TITLE, 180)
    metrics = table.fontMetrics()
    width = header.sectionSize(RoutineTableModel.TITLE) - 12
    titles = [
        window.routines.model.index(row, RoutineTableModel.TITLE).data()
        for row in range(window.routines.model.rowCount())
    ]
    shown = {metrics.elidedText(t, table.textElideMode(), width) for t in titles}
    assert len(shown) == len(titles)


class Answer:
    """Answers the window's questions with one set choice, and remembers them."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def choose(self, title: str, text: str, options: list[str]) -> str | None:
        self.asked.append(title)
        return self.answer

    def inform(self, title: str, text: str) -> None:
        self.asked.append(title)


@pytest.mark.parametrize(("answer", "stops"), [("Keep going", False), ("Stop the session", True)])
def test_eyes_closed_is_full_screen_and_leaving_it_by_a_view_key_asks_first(
    qtbot: QtBot, make_services, answer: str, stops: bool
) -> None:
    prompt = Answer(answer)
    window = MainWindow(make_services(), prompt=prompt)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_routine("pmr-4")
    window.session.before.start_button.click()
    player = window.session.player
    qtbot.keyClick(player, Qt.Key.Key_E)
    assert player.eyes_closed
    qtbot.waitUntil(window.isFullScreen)
    assert window.nav.isHidden()
    assert window.menuBar().isHidden()

    qtbot.keyClick(player, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)

    assert prompt.asked == ["Stop the session?"]
    assert window.session.is_playing() is not stops
    if not stops:
        assert window.stack.currentWidget() is window.session
        qtbot.keyClick(player, Qt.Key.Key_Escape)
        assert not player.eyes_closed
        assert window.session.is_playing(), "Esc left eyes-closed mode only"
        assert window.nav.isVisible()
    window.session.stop()


def test_the_views_are_named_by_the_view_enum(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)

    window.show_view(View.TRENDS)

    assert window.current_view() is View.TRENDS
    assert window.stack.currentWidget() is window.trends
    assert [window.nav.item(v).text() for v in View] == [
        "Today",
        "Routines",
        "Body map",
        "Trends",
        "Settings",
    ]


def test_a_restored_log_is_shown_in_the_day_views(qtbot: QtBot, make_window, log) -> None:
    window = make_window(shown=True)
    today = dt.date.today()
    log.save_day(DayEntry(today, pain=7, areas={"neck_front": 2}))  # as a restore leaves it

    window.settings.data.log_replaced.emit()

    assert window.today.form.scales["pain"].value() == 7
    assert window.body_map.marks() == {"neck_front": 2}


def test_a_session_file_changed_on_disk_reaches_the_body_map_suggestions(
    qtbot: QtBot, make_window, paths: Paths
) -> None:
    window = make_window(shown=True)
    window.services.routines.start_watching()
    window.show_view(View.BODY_MAP)
    window.body_map.body_map.set_mark("left_calf", 4)
    text = (REPO / "sessions" / "massage-hamstrings-calves.toml").read_text(encoding="utf-8")

    write_session(paths.user_sessions, "mine.toml", text)

    qtbot.waitUntil(lambda: window.services.routines.find("mine") is not None, timeout=5000)
    expected = suggest(
        {"left_calf": 4}, window.services.catalogue, window.services.routines.routines()
    )
    assert "mine" in {s.routine.id for s in expected}
    assert [s.routine.id for s in window.body_map.suggestions] == [s.routine.id for s in expected]
    window.services.routines.stop_watching()


def test_after_midnight_both_day_views_know_the_new_date(qtbot: QtBot, make_services) -> None:
    now = {"today": dt.date(2025, 3, 12)}
    window = MainWindow(make_services(today=lambda: now["today"]))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    now["today"] = dt.date(2025, 3, 13)

    window.show_view(View.BODY_MAP)  # the body map notices first

    assert window.body_map.relative_label.text() == "Yesterday"
    assert window.today.relative_label.text() == "Yesterday"
    assert window.today.date == dt.date(2025, 3, 12), "the open day stays open"


def test_a_session_is_listed_on_today_as_soon_as_it_starts(qtbot: QtBot, make_window) -> None:
    window = make_window(shown=True)
    assert window.today.sessions.lines == []

    window.open_routine("pmr-4")
    window.session.before.start_button.click()

    assert window.session.is_playing()
    assert len(window.today.sessions.lines) == 1, "logged from its start, shown without a re-read"
    window.session.stop()
    assert len(window.today.sessions.lines) == 1
