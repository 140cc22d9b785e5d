"""The Today view: log a day (today, or any past day) and see its sessions; it saves as you go."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QShowEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import InvalidEntry, Medicine
from coach.services.day_editor import DayEditor, SaveStatus
from coach.store.repository import LogRepository
from coach.ui.common.edited_day import ShowsEditedDay
from coach.ui.common.steady_label import SteadyStack
from coach.ui.common.text import heading, muted
from coach.ui.today.day_form import TYPING_DELAY_MS, DayForm
from coach.ui.today.day_header import SaveState, add_day_header, qdate
from coach.ui.today.sessions_list import SessionsList

MAX_WAKE_MS = 3_600_000  # wake at least hourly: a timer may oversleep a suspend or a time-zone move

Today = Callable[[], dt.date]


class DayCalendar(QCalendarWidget):
    """A month calendar whose days with entries are bold and underlined (not only coloured)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marked: set[dt.date] = set()
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(False)
        self.setAccessibleName(self.tr("Calendar: pick a day to open it"))
        for view in self.findChildren(QTableView):
            view.setAccessibleName(self.tr("Days of the month"))
        for year in self.findChildren(QSpinBox):
            year.setAccessibleName(self.tr("Year"))

    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The dates the month page can show, including the neighbouring months' edges."""
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        return first - dt.timedelta(days=7), first + dt.timedelta(days=49)

    def set_marked(self, dates: Iterable[dt.date]) -> None:
        """Mark exactly these dates."""
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date's format
        self.marked = set(dates)
        entry_format = QTextCharFormat()
        entry_format.setFontWeight(QFont.Weight.Bold)
        entry_format.setFontUnderline(True)
        for date in self.marked:
            self.setDateTextFormat(QDate(date.year, date.month, date.day), entry_format)


class TodayView(ShowsEditedDay, QWidget):
    """Ratings, sleep, tags, note and areas for one local date, saved on every change.

    The day open, its saved entry and the edits waiting to save belong to the day editor, which
    the body map shares: edits are saved after a short pause (`flush()` saves at once), and
    switching day, hiding the view and closing the window flush first, so nothing is lost.
    """

    def __init__(
        self,
        log: LogRepository,
        catalogue: RegionCatalogue,
        today: Today = dt.date.today,
        parent: QWidget | None = None,
        *,
        editor: DayEditor | None = None,
    ) -> None:
        super().__init__(parent)
        self.log = log  # the day's sessions, the calendar's marks, the tags in use
        self.editor = editor if editor is not None else DayEditor(log, today, self)
        self._pending_notice = ""
        self.setAccessibleName(self.tr("Today"))
        self.midnight_timer = QTimer(self)
        self.midnight_timer.setSingleShot(True)
        self.midnight_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.midnight_timer.timeout.connect(self.check_new_day)

        self._build_header()
        self._build_form(catalogue)
        self._build_side()
        top = QVBoxLayout(self)
        top.setContentsMargins(24, 16, 16, 8)
        top.setSpacing(10)
        top.addWidget(self.header)
        top.addLayout(self.status_row)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(self.scroll_area, 1)
        body.addWidget(self.side)
        top.addLayout(body, 1)
        self.editor.opened.connect(self._show_day)
        self.editor.status_changed.connect(self._show_status)
        self.editor.day_saved.connect(self._day_saved)
        self.editor.sessions_changed.connect(self._sessions_changed)
        self.editor.today_changed.connect(lambda _today: self._show_header())
        self._show_day()

    # -- building ------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.header = add_day_header(self)
        self.status_label = SaveState(hide_when_empty=True)
        self.intro = QLabel(
            self.tr(
                "Nothing logged for this day yet. Everything here is optional: rate what you "
                "like, and it is kept as you go."
            )
        )
        self.intro.setWordWrap(True)
        # One line under the date: the invitation on an empty day, otherwise the save status, in
        # one place as tall as the taller of them (the first rating moves nothing below it).
        self.status_row = QHBoxLayout()
        self.status_row.addWidget(SteadyStack(self.intro, self.status_label), 1)

    def _build_form(self, catalogue: RegionCatalogue) -> None:
        self.form = DayForm(catalogue)
        self.form.setMaximumWidth(720)
        self.form.edited.connect(self._edited)
        self.form.notice.connect(self._notice)
        self.form.medications.medicine_kept.connect(self._keep_medicine)
        self.form.medications.medicine_dropped.connect(self._drop_medicine)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.form)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("The day's log"))
        # a narrow window scrolls sideways rather than cut the scales off
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _build_side(self) -> None:
        self.calendar = DayCalendar()
        self.calendar.selectionChanged.connect(self._calendar_picked)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._refresh_marks())
        legend = QLabel(self.tr("Days with something logged are bold and underlined."))
        legend.setWordWrap(True)
        muted(legend)
        self.sessions = SessionsList()
        self.side = QWidget()
        self.side.setFixedWidth(300)
        layout = QVBoxLayout(self.side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.calendar)
        layout.addWidget(legend)
        layout.addSpacing(14)
        layout.addWidget(heading(self.tr("Sessions on this day")))
        layout.addWidget(self.sessions)
        layout.addStretch(1)

    # -- days ----------------------------------------------------------------------------------

    def open_day(self, date: dt.date) -> bool:
        """Show `date`, saving the current day's edits first; False (and stay) if that failed."""
        if not self.editor.open(date):
            self._show_header()
            self._select_in_calendar(self.date)
            return False
        return True

    def open_today(self) -> bool:
        """Show today's date."""
        self.check_new_day()
        return self.open_day(self.known_today)

    def check_new_day(self) -> None:
        """After midnight: keep the open day, but let the header and buttons know the new date."""
        self.editor.check_new_day()  # the header follows `today_changed`
        if self.isVisible():
            self._arm_midnight_timer()

    def _arm_midnight_timer(self) -> None:
        # Computed afresh each time from the wall clock, never added up from earlier waits.
        now = dt.datetime.now()
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        wait_ms = int((midnight - now).total_seconds() * 1000) + 1000
        self.midnight_timer.start(max(1000, min(wait_ms, MAX_WAKE_MS)))

    def _show_day(self, _date: object = None) -> None:
        """Show the day the editor opened, with its sessions."""
        date = self.date
        self._pending_notice = ""
        try:
            if not self.editor.readable:
                raise sqlite3.DatabaseError(self.editor.problem)
            sessions = self.log.sessions(date, date)
            known_tags = [tag for tag, _count in self.log.tags_in_use()]
            medicines = self.log.medicines()
        except sqlite3.Error as trouble:
            self.form.setEnabled(False)  # saving over a day that could not be read would lose it
            self.status_label.say(self.tr("Could not read this day: {0}").format(trouble))
            self._show_header()
            return
        entry = self.editor.entry
        self.form.setEnabled(self.editor.editable)  # a read-only log: shown, not edited
        self.form.show_entry(entry)
        self.intro.setVisible(entry.is_empty())
        self.sessions.set_sessions(sessions)
        self.form.tags.set_known(known_tags)
        self.form.medications.set_date(date)
        self.form.medications.set_known(medicines)
        self._show_status()
        self._show_header()
        self._select_in_calendar(date)

    def _show_header(self) -> None:
        description = self.header.show_day(self.date, self.known_today)
        self.calendar.setMaximumDate(qdate(max(self.known_today, self.date)))
        self.setAccessibleDescription(description)

    def _select_in_calendar(self, date: dt.date) -> None:
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(qdate(date))
        self.calendar.blockSignals(False)
        self._refresh_marks()

    def _calendar_picked(self) -> None:
        self.open_day(self.calendar.selectedDate().toPython())  # type: ignore[arg-type]

    def _refresh_marks(self) -> None:
        start, end = self.calendar.visible_range()
        # The marks are a convenience; the save status reports any trouble with the log.
        with contextlib.suppress(sqlite3.Error):
            # a day with only a session counts: something was done that day
            self.calendar.set_marked(
                self.log.dates_with_entries(start, end) | self.log.dates_with_sessions(start, end)
            )

    def _keep_medicine(self, medicine: Medicine) -> None:
        self._change_medicines(lambda: self.log.save_medicine(medicine))

    def _drop_medicine(self, name: str) -> None:
        self._change_medicines(lambda: self.log.remove_medicine(name))

    def _change_medicines(self, change: Callable[[], None]) -> None:
        """Change the person's list of medicines; the day's doses are not touched."""
        try:
            change()
            self.form.medications.set_known(self.log.medicines())
        except (InvalidEntry, sqlite3.Error) as trouble:
            self.status_label.say(
                self.tr("Your list of medicines was not changed: {0}").format(trouble),
                problem=True,
            )

    # -- saving --------------------------------------------------------------------------------

    def has_pending_edits(self) -> bool:
        """Whether something on screen is not saved yet."""
        return self.editor.dirty

    def flush(self) -> bool:
        """Save pending edits now; False if they could not be saved (they stay on screen)."""
        return self.editor.flush()

    def _edited(self, delay_ms: int) -> None:
        self.intro.hide()
        date = self.date
        self.editor.edit(
            "today",
            lambda _saved: self.form.entry(date),
            delay_ms,
            restart=delay_ms == TYPING_DELAY_MS,  # still typing: wait for the pause
        )

    def _notice(self, text: str) -> None:
        self._pending_notice = text  # shown until the next save, and with its "Saved at"
        self.status_label.say(text)

    def _show_status(self) -> None:
        saved = self.editor.status is SaveStatus.SAVED
        self.status_label.show_status(self.editor, self._pending_notice)
        if saved:
            self._pending_notice = ""  # said once, with its "Saved at"
            self.intro.setVisible(self.editor.entry.is_empty())

    def _sessions_changed(self, date: dt.date) -> None:
        self._refresh_marks()
        if date == self.date:
            with contextlib.suppress(sqlite3.Error):  # shown again with the next day opened
                self.sessions.set_sessions(self.log.sessions(date, date))

    def _day_saved(self, date: dt.date) -> None:
        self._refresh_marks()
        with contextlib.suppress(sqlite3.Error):  # completion is a convenience
            self.form.tags.set_known(tag for tag, _count in self.log.tags_in_use())
        if date != self.date or self.editor.dirty:
            return
        try:
            shown = self.form.entry(date)
        except InvalidEntry:
            shown = None
        if shown != self.editor.entry:  # saved from the body map: show its areas here too
            self.form.show_entry(self.editor.entry)
            self.intro.setVisible(self.editor.entry.is_empty())

    # -- the rest ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back: pick up a new date (what other views logged came with `day_saved`)."""
        super().showEvent(event)
        self.check_new_day()

    def hideEvent(self, event: QHideEvent) -> None:
        """Going away (another view, or the window closing): save first, stop the timers."""
        self.flush()
        self.midnight_timer.stop()
        super().hideEvent(event)
