"""The Today view on a real log: every field saves, days switch without losing edits, midnight."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import MAX_NOTE, DayEntry, SessionRecord
from coach.store.repository import LogRepository
from coach.ui.shell.main_window import MainWindow
from coach.ui.today.today_view import MAX_WAKE_MS, TodayView

SATURDAY = dt.date(2026, 11, 21)
LOCAL = dt.timezone(dt.timedelta(hours=1))
LEFT = Qt.MouseButton.LeftButton


class Clock:
    """The date the view believes it is; tests turn it forward."""

    def __init__(self, today: dt.date) -> None:
        self.date = today

    def today(self) -> dt.date:
        return self.date


@pytest.fixture
def clock() -> Clock:
    return Clock(SATURDAY)


@pytest.fixture
def make_view(
    qtbot: QtBot, log: LogRepository, catalogue: RegionCatalogue, clock: Clock
) -> Iterator[Callable[[], TodayView]]:
    """Builds a shown, active Today view on the test's log (after the test has seeded it)."""
    views: list[TodayView] = []

    def make() -> TodayView:
        view = TodayView(log, catalogue, today=clock.today)
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        view.activateWindow()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
        views.append(view)
        return view

    yield make
    for view in views:  # nothing may be left unsaved, or running, when a test ends
        assert not view.has_pending_edits() or view.problem


def saves(view: TodayView) -> list[DayEntry]:
    """What the day editor writes from now on (an entry per write that changed something)."""
    written: list[DayEntry] = []
    view.editor.day_saved.connect(lambda _date: written.append(view.editor.entry))
    return written


def wait_saved(qtbot: QtBot, view: TodayView) -> None:
    qtbot.waitUntil(lambda: view.status_label.text().startswith("Saved at "))
    assert not view.has_pending_edits()


def session(start: dt.datetime, **changes: object) -> SessionRecord:
    values: dict[str, object] = {
        "routine_id": "pmr-4",
        "routine_title": "Progressive muscle relaxation: 4 groups (short)",
        "started_at": start,
        "ended_at": start + dt.timedelta(minutes=9),
        "planned_seconds": 540.0,
        "actual_seconds": 540.0,
        "completed": True,
        "step_count": 20,
    }
    values.update(changes)
    return SessionRecord(**values)  # type: ignore[arg-type]


def marked(view: TodayView, date: dt.date) -> bool:
    text_format = view.calendar.dateTextFormat(QDate(date.year, date.month, date.day))
    bold = text_format.fontWeight() == QFont.Weight.Bold
    assert bold == text_format.fontUnderline(), "bold and underlined together, never colour alone"
    return bold


# -- the first look ------------------------------------------------------------------------------


def test_a_first_time_user_sees_an_inviting_empty_form(make_view) -> None:
    view = make_view()

    assert view.date == SATURDAY
    assert view.date_label.text() == QLocale().toString(QDate(2026, 11, 21), "dddd d MMMM yyyy")
    assert "21" in view.date_label.text()
    assert "2026" in view.date_label.text()
    assert view.relative_label.text() == "Today"
    assert view.intro.isVisible()
    assert "optional" in view.intro.text()
    assert all(scale.value() is None for scale in view.form.scales.values())
    assert view.form.hours.text() == "not set"
    assert view.sessions.texts() == []
    assert view.sessions.empty.isVisible()
    assert view.status_label.text() == ""
    assert not view.today_button.isEnabled()
    assert not view.next_button.isEnabled()
    assert view.previous_button.isEnabled()


def test_an_existing_day_is_shown_as_saved(make_view, log: LogRepository) -> None:
    entry = DayEntry(
        SATURDAY,
        pain=5,
        worst_pain=7,
        sleep_hours=6.5,
        enjoyment=3,
        tags=("walked",),
        note="A walk helped.",
        areas={"left_lower_back": 6},
    )
    log.save_day(entry)

    view = make_view()

    assert view.form.entry(SATURDAY) == entry
    assert not view.intro.isVisible()
    assert view.status_label.text() == "All saved."
    assert view.form.more.isVisible(), "the optional section opens when it holds something"
    assert view.form.hours.text() == "6.5 h"


def test_a_read_only_log_is_shown_and_says_why_it_cannot_be_edited(
    qtbot: QtBot, paths, log: LogRepository, catalogue: RegionCatalogue, clock: Clock
) -> None:
    log.save_day(DayEntry(SATURDAY, pain=5, note="A walk helped."))
    viewer = LogRepository.open_read_only(paths.database, "the disk is full")
    view = TodayView(viewer, catalogue, today=clock.today)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    try:
        assert view.form.entry(SATURDAY) == DayEntry(SATURDAY, pain=5, note="A walk helped.")
        assert not view.form.isEnabled(), "nothing can be typed that would not be kept"
        said = view.status_label.text()
        assert said.startswith("Your log is open read-only (the disk is full)")
        assert "cannot be saved" in said
        assert view.status_label.font().bold()
        assert view.previous_button.isEnabled(), "earlier days can still be looked at"
    finally:
        view.close()
        viewer.close()


def test_every_focusable_control_has_an_accessible_name(make_view, log: LogRepository) -> None:
    log.save_day(DayEntry(SATURDAY, tags=("rain",), areas={"left_lower_back": 6}))
    view = make_view()
    view.form.more_button.setChecked(True)

    controls = [
        w
        for w in view.findChildren(QAbstractItemView)
        + view.findChildren(QAbstractButton)
        + view.findChildren(QAbstractSpinBox)
        + view.findChildren(QLineEdit)
        + view.findChildren(QPlainTextEdit)
        + list(view.form.scales.values())
        if not isinstance(w, QHeaderView) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    unnamed = [
        type(w).__name__
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and not isinstance(w.parent(), QAbstractSpinBox)  # a spin box's own line edit
        and w.parent() is not view.form.areas.picker  # the combo box's line edit
        and not isinstance(w.parent(), type(view.calendar))  # the calendar's year editor
    ]
    assert unnamed == []
    assert view.form.scales["pain"].accessibleName() == "Pain today"
    assert view.form.tags.chip_buttons()[0].accessibleName() == "Remove tag rain"
    assert view.form.areas.remove_buttons()[0].accessibleName() == "Remove Left lower back"


def test_tab_goes_from_scale_to_scale(qtbot: QtBot, make_view) -> None:
    view = make_view()
    pain, worst = view.form.scales["pain"], view.form.scales["worst_pain"]
    pain.setFocus()
    qtbot.waitUntil(pain.hasFocus)

    qtbot.keyClick(pain, Qt.Key.Key_Tab)

    qtbot.waitUntil(worst.hasFocus)


# -- every field saves -----------------------------------------------------------------------------


def test_each_field_saves_to_the_log(qtbot: QtBot, make_view, log: LogRepository) -> None:
    view = make_view()
    form = view.form
    scales = form.scales

    scales["pain"].setFocus()
    qtbot.keyClick(scales["pain"], Qt.Key.Key_6)
    qtbot.mouseClick(scales["worst_pain"].buttons[8], Qt.MouseButton.LeftButton)
    qtbot.keyClick(scales["sleep_quality"], Qt.Key.Key_3)
    form.hours.setFocus()
    form.hours.selectAll()
    qtbot.keyClicks(form.hours, "7.25")
    qtbot.keyClick(scales["stress"], Qt.Key.Key_End)
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.more.isVisible)
    qtbot.keyClick(scales["enjoyment"], Qt.Key.Key_2)
    qtbot.keyClick(scales["activity"], Qt.Key.Key_4)
    qtbot.keyClicks(form.tags.line, "Long  Drive")
    qtbot.keyClick(form.tags.line, Qt.Key.Key_Return)
    qtbot.keyClicks(form.note, "Stiff after the drive.")
    qtbot.keyClicks(form.areas.picker.lineEdit(), "left lower back")
    form.areas.intensity.setValue(7)
    qtbot.mouseClick(form.areas.add_button, Qt.MouseButton.LeftButton)

    wait_saved(qtbot, view)
    assert log.get_day(SATURDAY) == DayEntry(
        SATURDAY,
        pain=6,
        worst_pain=8,
        sleep_quality=3,
        sleep_hours=7.25,
        enjoyment=2,
        activity=4,
        stress=10,
        tags=("long drive",),
        note="Stiff after the drive.",
        areas={"left_lower_back": 7},
    )
    assert not view.intro.isVisible()


def test_clearing_everything_removes_the_day(qtbot: QtBot, make_view, log: LogRepository) -> None:
    log.save_day(DayEntry(SATURDAY, pain=5, tags=("rain",)))
    view = make_view()

    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_Delete)
    qtbot.mouseClick(view.form.tags.chip_buttons()[0], Qt.MouseButton.LeftButton)

    wait_saved(qtbot, view)
    assert log.get_day(SATURDAY) is None
    assert not marked(view, SATURDAY)
    assert view.intro.isVisible()


def test_typing_is_saved_once_after_a_pause(qtbot: QtBot, make_view, log: LogRepository) -> None:
    view = make_view()
    written = saves(view)

    qtbot.keyClicks(view.form.note, "Slept badly, but a walk at lunch helped.")
    assert view.status_label.text() == "Saving…"
    assert view.save_timer.isActive()
    assert written == [], "nothing is written while typing"

    wait_saved(qtbot, view)
    assert len(written) == 1
    assert log.get_day(SATURDAY).note == "Slept badly, but a walk at lunch helped."


def test_a_burst_of_arrow_keys_makes_few_saves(qtbot: QtBot, make_view, log: LogRepository) -> None:
    view = make_view()
    written = saves(view)

    for _ in range(7):
        qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_Right)

    wait_saved(qtbot, view)
    assert 1 <= len(written) <= 2
    assert log.get_day(SATURDAY).pain == 6


def test_the_saved_label_shows_the_time(qtbot: QtBot, make_view) -> None:
    view = make_view()

    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_3)

    assert view.status_label.text() == "Saving…"
    wait_saved(qtbot, view)
    hours, minutes = view.status_label.text().removeprefix("Saved at ").split(":")[:2]
    assert hours.strip().isdigit()
    assert minutes[:2].isdigit()


# -- days ------------------------------------------------------------------------------------------


def test_switching_day_flushes_a_pending_edit(qtbot: QtBot, make_view, log: LogRepository) -> None:
    view = make_view()
    view.form.note.setFocus()
    qtbot.keyClicks(view.form.note, "Half a thought")
    assert view.has_pending_edits()

    qtbot.keyClick(view.form.note, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)

    assert view.date == SATURDAY - dt.timedelta(days=1)
    assert log.get_day(SATURDAY).note == "Half a thought"
    assert not view.save_timer.isActive()
    assert view.form.note.toPlainText() == ""
    assert view.relative_label.text() == "Yesterday"


def test_previous_next_and_today(qtbot: QtBot, make_view) -> None:
    view = make_view()
    view.form.scales["pain"].setFocus()
    alt = Qt.KeyboardModifier.AltModifier

    for _ in range(3):
        qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_Left, alt)
    assert view.date == SATURDAY - dt.timedelta(days=3)
    assert view.relative_label.text() == "3 days ago"
    assert view.today_button.isEnabled()
    assert view.next_button.isEnabled()
    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_Right, alt)
    assert view.date == SATURDAY - dt.timedelta(days=2)
    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.date == SATURDAY
    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_Right, alt)
    assert view.date == SATURDAY, "no logging ahead of time"
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_Home, alt)
    assert view.date == SATURDAY


def test_the_calendar_marks_days_with_entries(qtbot: QtBot, make_view, log: LogRepository) -> None:
    log.save_day(DayEntry(dt.date(2026, 11, 16), pain=4))
    log.save_day(DayEntry(dt.date(2026, 11, 19), note="Rain"))
    log.save_day(DayEntry(dt.date(2026, 10, 30), pain=2))
    log.save_day(DayEntry(dt.date(2026, 9, 10), pain=2))
    view = make_view()

    assert marked(view, dt.date(2026, 11, 16))
    assert marked(view, dt.date(2026, 11, 19))
    assert not marked(view, dt.date(2026, 11, 18))
    assert not marked(view, SATURDAY)
    assert marked(view, dt.date(2026, 10, 30)), "the neighbouring month's edge is shown too"
    legends = [label.text() for label in view.side.findChildren(type(view.intro))]
    assert "Days with something logged are bold and underlined." in legends

    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_2)
    wait_saved(qtbot, view)
    assert marked(view, SATURDAY), "a day is marked as soon as it is saved"

    qtbot.mouseClick(view.calendar.findChild(QToolButton, "qt_calendar_prevmonth"), LEFT)
    qtbot.mouseClick(view.calendar.findChild(QToolButton, "qt_calendar_prevmonth"), LEFT)
    assert (view.calendar.yearShown(), view.calendar.monthShown()) == (2026, 9)
    assert marked(view, dt.date(2026, 9, 10)), "another month's entries are looked up"
    assert view.date == SATURDAY, "turning the page opens nothing"


def test_backfilling_a_past_day_from_the_calendar(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_day(DayEntry(SATURDAY, pain=5))
    view = make_view()
    days = view.calendar.findChild(QTableView)
    days.setFocus()
    qtbot.waitUntil(days.hasFocus)

    for _ in range(4):  # arrow keys walk back through the month, opening each day
        qtbot.keyClick(days, Qt.Key.Key_Left)

    wednesday = SATURDAY - dt.timedelta(days=4)
    assert view.date == wednesday
    assert view.relative_label.text() == "4 days ago"
    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_7)
    qtbot.keyClicks(view.form.note, "Filled in later.")
    wait_saved(qtbot, view)
    assert log.get_day(wednesday) == DayEntry(wednesday, pain=7, note="Filled in later.")
    assert log.get_day(SATURDAY) == DayEntry(SATURDAY, pain=5), "today is untouched"
    assert marked(view, wednesday)

    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.date == SATURDAY
    assert view.calendar.selectedDate() == QDate(2026, 11, 21)
    assert view.form.scales["pain"].value() == 5


def test_the_calendar_cannot_open_a_future_day(make_view) -> None:
    view = make_view()

    assert view.calendar.maximumDate() == QDate(2026, 11, 21)
    assert not view.open_day(SATURDAY + dt.timedelta(days=1))
    assert view.date == SATURDAY


# -- tags, areas, note -----------------------------------------------------------------------------


def test_tag_completion_offers_tags_used_before(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_day(DayEntry(SATURDAY - dt.timedelta(days=2), tags=("walked", "rain")))
    log.save_day(DayEntry(SATURDAY - dt.timedelta(days=1), tags=("walked", "long drive")))
    view = make_view()
    tags = view.form.tags
    tags.line.setFocus()

    qtbot.keyClicks(tags.line, "AL")

    completer = tags.completer
    offered = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionCount())
    ]
    assert offered == ["walked"], "case-insensitive, anywhere in the tag"
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: tags.tags() == ("walked",))
    assert tags.line.text() == ""
    wait_saved(qtbot, view)
    assert log.get_day(SATURDAY).tags == ("walked",)


def test_tags_are_added_with_enter_and_removed_by_keyboard(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    view = make_view()
    tags = view.form.tags
    tags.line.setFocus()
    for word in ("rain", "desk day", "rain"):
        qtbot.keyClicks(tags.line, word)
        qtbot.keyClick(tags.line, Qt.Key.Key_Return)
    assert tags.tags() == ("desk day", "rain")
    wait_saved(qtbot, view)

    first = tags.chip_buttons()[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: tags.tags() == ("rain",))
    qtbot.waitUntil(lambda: tags.chip_buttons()[0].hasFocus())  # focus moves to the next chip
    wait_saved(qtbot, view)
    assert log.get_day(SATURDAY).tags == ("rain",)


def test_enter_adds_a_new_tag_even_while_completions_show(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_day(DayEntry(SATURDAY - dt.timedelta(days=1), tags=("rainy day",)))
    view = make_view()
    tags = view.form.tags
    tags.line.setFocus()
    qtbot.waitUntil(tags.line.hasFocus)

    qtbot.keyClicks(tags.line, "rain")
    popup = tags.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # nothing chosen in the list: the typed tag

    assert tags.tags() == ("rain",)
    assert not popup.isVisible()


def test_a_tag_the_log_would_refuse_is_explained_not_added(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    view = make_view()
    tags = view.form.tags

    qtbot.keyClicks(tags.line, "rain; wind")
    qtbot.keyClick(tags.line, Qt.Key.Key_Return)

    assert tags.tags() == ()
    assert tags.line.text() == "rain; wind", "the text stays to be fixed"
    assert tags.message.isVisible()
    assert "“;”" in tags.message.text()
    assert tags.line.maxLength() == 40
    assert not view.has_pending_edits()
    assert log.get_day(SATURDAY) is None


def test_areas_are_added_changed_and_removed(qtbot: QtBot, make_view, log: LogRepository) -> None:
    view = make_view()
    areas = view.form.areas
    assert "mark them on the Body map" in " ".join(
        label.text() for label in areas.findChildren(type(areas.message))
    )

    qtbot.keyClicks(areas.picker.lineEdit(), "Right lower back")
    areas.intensity.setValue(6)
    areas.picker.completer().popup().hide()
    qtbot.keyClick(areas.picker.lineEdit(), Qt.Key.Key_Return)
    assert areas.picker.currentText() == "", "ready for the next area"
    qtbot.keyClicks(areas.picker.lineEdit(), "left lower back")
    areas.picker.completer().popup().hide()
    areas.intensity.setValue(5)
    qtbot.mouseClick(areas.add_button, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, view)
    assert log.get_day(SATURDAY).areas == {"left_lower_back": 5, "right_lower_back": 6}

    areas.intensity_boxes()["right_lower_back"].setValue(3)
    wait_saved(qtbot, view)
    assert log.get_day(SATURDAY).areas == {"left_lower_back": 5, "right_lower_back": 3}

    remove = areas.remove_buttons()[0]
    assert remove.accessibleName() == "Remove Left lower back"
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, view)
    assert log.get_day(SATURDAY).areas == {"right_lower_back": 3}


def test_values_outside_the_limits_cannot_be_entered(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    view = make_view()
    hours = view.form.hours
    hours.setFocus()
    hours.selectAll()

    qtbot.keyClicks(hours, "30")
    qtbot.keyClick(view.form.scales["worst_pain"], Qt.Key.Key_End)
    qtbot.keyClick(view.form.scales["worst_pain"], Qt.Key.Key_Right)
    view.form.note.setPlainText("x" * (MAX_NOTE + 25))

    wait_saved(qtbot, view)
    entry = log.get_day(SATURDAY)
    assert entry.sleep_hours is not None
    assert entry.sleep_hours <= 24
    assert entry.worst_pain == 10
    assert len(entry.note) == MAX_NOTE
    assert "at most 10000 characters" in view.status_label.text()
    hours.setValue(-5)
    assert hours.hours() is None, "below zero is “not set”, never a negative number"


# -- sessions --------------------------------------------------------------------------------------


def test_the_days_sessions_are_listed(make_view, log: LogRepository) -> None:
    morning = dt.datetime.combine(SATURDAY, dt.time(7, 42), LOCAL)
    log.record_session(session(morning, pain_before=6, pain_after=4))
    evening = dt.datetime.combine(SATURDAY, dt.time(23, 50), LOCAL)
    log.record_session(
        session(
            evening,
            routine_title="Self-massage for the low back",
            completed=False,
            stopped_at_step=8,
            step_count=30,
            actual_seconds=240.0,
            pain_before=5,
        )
    )
    yesterday = dt.datetime.combine(SATURDAY - dt.timedelta(days=1), dt.time(12), LOCAL)
    log.record_session(session(yesterday, routine_title="Yesterday's"))

    view = make_view()

    first, second = view.sessions.texts()
    assert first.startswith("07:42")
    assert "Progressive muscle relaxation: 4 groups (short)" in first
    assert "completed, 9 min · pain 6 → 4" in first
    assert second.startswith("23:50"), "a late session belongs to the day it started on"
    assert "stopped at step 8 of 30, 4 min · pain before 5" in second
    assert not view.sessions.empty.isVisible()


def test_a_session_played_meanwhile_appears_when_coming_back(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    view = make_view()
    view.hide()
    log.record_session(session(dt.datetime.combine(SATURDAY, dt.time(9), LOCAL)))
    view.editor.session_logged(SATURDAY)  # as the session page says when it closes

    view.show()

    assert len(view.sessions.texts()) == 1


def test_areas_marked_on_the_body_map_show_here_without_reading_the_log_again(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    view = make_view()
    qtbot.mouseClick(view.form.scales["pain"].buttons[3], Qt.MouseButton.LeftButton)
    view.hide()  # saves
    view.editor.edit("body map", lambda saved: replace(saved, areas={"neck_front": 4}), 0)
    assert view.editor.flush()

    view.show()

    assert view.form.entry(SATURDAY).areas == {"neck_front": 4}
    assert view.form.scales["pain"].value() == 3
    assert log.get_day(SATURDAY) == view.editor.entry


# -- midnight --------------------------------------------------------------------------------------


def test_midnight_keeps_the_open_day_but_updates_today(
    qtbot: QtBot, make_view, clock: Clock, log: LogRepository
) -> None:
    view = make_view()
    assert view.midnight_timer.isActive()
    assert 0 < view.midnight_timer.interval() <= MAX_WAKE_MS
    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_4)
    wait_saved(qtbot, view)

    clock.date = SATURDAY + dt.timedelta(days=1)
    view.midnight_timer.timeout.emit()

    assert view.date == SATURDAY, "an open entry is never moved"
    assert view.form.scales["pain"].value() == 4
    assert view.relative_label.text() == "Yesterday"
    assert view.today_button.isEnabled()
    assert view.next_button.isEnabled()
    assert view.midnight_timer.isActive(), "set again for the next midnight"
    assert 0 < view.midnight_timer.interval() <= MAX_WAKE_MS

    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.date == SATURDAY + dt.timedelta(days=1)
    assert view.form.scales["pain"].value() is None
    assert log.get_day(SATURDAY).pain == 4


def test_the_midnight_timer_stops_when_hidden(qtbot: QtBot, make_view) -> None:
    view = make_view()
    assert view.midnight_timer.isActive()

    view.hide()

    assert not view.midnight_timer.isActive()


# -- failures --------------------------------------------------------------------------------------


def test_a_failed_save_says_so_and_keeps_the_edits(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    view = make_view()
    log.conn.close()

    qtbot.keyClick(view.form.scales["pain"], Qt.Key.Key_8)
    qtbot.keyClicks(view.form.note, "Kept on screen")

    qtbot.waitUntil(lambda: view.status_label.text().startswith("Not saved: "))
    assert "closed database" in view.status_label.text()
    assert view.status_label.font().bold()
    assert view.form.scales["pain"].value() == 8
    assert view.form.note.toPlainText() == "Kept on screen"
    assert view.has_pending_edits()
    assert not view.flush()
    assert not view.open_day(SATURDAY - dt.timedelta(days=1)), "stays on the unsaved day"
    assert view.date == SATURDAY
    assert view.calendar.selectedDate() == QDate(2026, 11, 21)


# -- in the main window ----------------------------------------------------------------------------


class AnsweringPrompt:
    """Answers the main window's questions with a set choice, and remembers them."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def choose(self, title: str, text: str, options: list[str]) -> str | None:
        self.asked.append(text)
        return self.answer

    def inform(self, title: str, text: str) -> None:
        self.asked.append(text)


@pytest.fixture
def make_window(qtbot: QtBot, make_services):
    def make(prompt: AnsweringPrompt | None = None) -> MainWindow:
        window = MainWindow(make_services(), prompt=prompt)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


def test_the_main_window_opens_on_today(make_window) -> None:
    window = make_window()

    assert window.nav.currentRow() == 0
    assert window.stack.currentWidget() is window.today
    assert window.today.date == dt.date.today()


def test_closing_the_window_saves_a_pending_edit(
    qtbot: QtBot, make_window, log: LogRepository
) -> None:
    window = make_window()
    qtbot.keyClicks(window.today.form.note, "Written just before closing")
    assert window.today.has_pending_edits()

    window.close()

    assert log.get_day(dt.date.today()).note == "Written just before closing"


def test_switching_view_saves_a_pending_edit(qtbot: QtBot, make_window, log: LogRepository) -> None:
    window = make_window()
    qtbot.keyClicks(window.today.form.note, "Then off to the routines")

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.routines)
    assert log.get_day(dt.date.today()).note == "Then off to the routines"


def test_closing_with_an_unsaved_edit_asks_first(
    qtbot: QtBot, make_window, log: LogRepository
) -> None:
    prompt = AnsweringPrompt("Stay open")
    window = make_window(prompt)
    log.conn.close()
    qtbot.keyClicks(window.today.form.note, "Cannot be saved")

    window.close()

    assert window.isVisible(), "the person chose to stay"
    assert "closed database" in prompt.asked[0]
    assert window.today.form.note.toPlainText() == "Cannot be saved"
    prompt.answer = "Close without saving"
    window.close()
    assert not window.isVisible()


def test_the_day_shortcuts_only_work_while_today_is_shown(qtbot: QtBot, make_window) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.routines)

    qtbot.keyClick(window.routines.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)

    assert window.today.date == dt.date.today()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.today)
    qtbot.keyClick(window.nav, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.today.date == dt.date.today() - dt.timedelta(days=1)


# -- the first evening: hours typed over, earlier tags, sessions on the calendar, steady rows ------


def test_typing_hours_slept_replaces_what_is_there(qtbot: QtBot, make_view) -> None:
    view = make_view()
    hours = view.form.hours
    hours.setFocus()
    qtbot.waitUntil(lambda: hours.lineEdit().selectedText() == hours.text())

    qtbot.keyClicks(hours, "7.5")
    hours.interpretText()

    assert hours.hours() == 7.5
    hours.clearFocus()
    hours.setFocus()
    qtbot.waitUntil(lambda: hours.lineEdit().selectedText() == hours.cleanText())
    qtbot.keyClicks(hours, "6")
    hours.interpretText()
    assert hours.hours() == 6.0
    view.flush()


def test_tags_used_before_are_offered_as_buttons(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    yesterday = SATURDAY - dt.timedelta(days=1)
    log.save_day(DayEntry(yesterday, pain=3, tags=("walk", "rain")))
    log.save_day(DayEntry(yesterday - dt.timedelta(days=1), pain=3, tags=("walk",)))
    view = make_view()
    earlier = view.form.tags.earlier
    assert earlier.isVisible()
    assert [b.text() for b in earlier.buttons] == ["+ walk", "+ rain"], "most used first"

    earlier.buttons[0].click()

    assert view.form.tags.tags() == ("walk",)
    assert [b.text() for b in earlier.buttons] == ["+ rain"], "a tag on the day is not offered"
    view.flush()
    assert log.get_day(SATURDAY).tags == ("walk",)


def test_a_day_with_only_a_session_is_marked_on_the_calendar(make_view, log: LogRepository) -> None:
    friday = SATURDAY - dt.timedelta(days=1)
    log.record_session(session(dt.datetime.combine(friday, dt.time(20, 0)).astimezone()))
    view = make_view()
    assert marked(view, friday)
    assert not marked(view, friday - dt.timedelta(days=1))


def test_the_first_rating_does_not_move_the_rows_below(qtbot: QtBot, make_view) -> None:
    view = make_view()
    view.resize(760, 600)  # a small window: the invitation of an empty day wraps
    QApplication.processEvents()
    pain = view.form.scales["pain"]
    below = view.form.hours.mapTo(view, view.form.hours.rect().topLeft())
    size = pain.sizeHint()

    pain.setFocus()
    qtbot.keyClick(pain, Qt.Key.Key_6)
    view.flush()
    qtbot.waitUntil(lambda: view.status_label.isVisible())
    QApplication.processEvents()

    assert pain.sizeHint() == size, "the chosen number is not bigger than the others"
    assert view.form.hours.mapTo(view, view.form.hours.rect().topLeft()) == below
