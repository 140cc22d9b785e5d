"""The day header and save-state line shared by the views that log one day (Today, Body map)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coach.services.day_editor import DayEditor, SaveStatus
from coach.ui.common.rating_scale import short_time


def qdate(date: dt.date) -> QDate:
    """The same day as a QDate."""
    return QDate(date.year, date.month, date.day)


class DayHeader(QWidget):
    """The date shown (large, with "Today"/"Yesterday"/"N days ago") and the buttons and
    shortcuts to go a day back or on, or to today. It only asks: the view decides and calls
    `show_day`."""

    date_requested = Signal(object)  # the dt.date asked for (previous or next day)
    today_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = self.known_today = dt.date.today()
        self.date_label = QLabel()
        font = self.date_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.date_label.setFont(font)
        self.relative_label = QLabel()
        self.previous_button = QPushButton(self.tr("‹ Previous day"))
        self.previous_button.setToolTip(self.tr("The day before (Alt+Left)"))
        self.next_button = QPushButton(self.tr("Next day ›"))
        self.next_button.setToolTip(self.tr("The day after (Alt+Right)"))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Open today (Ctrl+T)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.date_label)
        layout.addWidget(self.relative_label)
        layout.addStretch(1)
        for button in (self.previous_button, self.next_button, self.today_button):
            layout.addWidget(button)
        for keys, slot in (
            (("Alt+Left",), self.ask_previous),
            (("Alt+Right",), self.ask_next),
            (("Ctrl+T", "Alt+Home"), self.today_requested.emit),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            # A window shortcut, but only while the header is shown: Qt skips hidden widgets.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.previous_button.clicked.connect(self.ask_previous)
        self.next_button.clicked.connect(self.ask_next)
        self.today_button.clicked.connect(self.today_requested.emit)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """The date on two lines only when one does not fit (a narrow window, large text)."""
        super().resizeEvent(event)
        self._fit_date()

    def _fit_date(self) -> None:
        others = sum(
            w.sizeHint().width() + 12
            for w in (
                self.relative_label,
                self.previous_button,
                self.next_button,
                self.today_button,
            )
        )
        needed = self.date_label.fontMetrics().horizontalAdvance(self.date_label.text()) + 8
        wrap = needed + others > self.width()
        if wrap != self.date_label.wordWrap():
            self.date_label.setWordWrap(wrap)

    def ask_previous(self) -> None:
        """Ask for the day before the one shown."""
        self.date_requested.emit(self.date - dt.timedelta(days=1))

    def ask_next(self) -> None:
        """Ask for the day after the one shown (the view refuses days past today)."""
        self.date_requested.emit(self.date + dt.timedelta(days=1))

    def show_day(self, date: dt.date, known_today: dt.date) -> str:
        """Show `date` as seen on `known_today`; returns "date relative" for a description."""
        self.date, self.known_today = date, known_today
        self.date_label.setText(QLocale().toString(qdate(date), "dddd d MMMM yyyy"))
        self._fit_date()
        days_ago = (known_today - date).days
        if days_ago == 0:
            relative = self.tr("Today")
        elif days_ago == 1:
            relative = self.tr("Yesterday")
        elif days_ago > 1:
            relative = self.tr("{0} days ago").format(days_ago)
        else:
            relative = ""
        self.relative_label.setText(relative)
        self.today_button.setEnabled(date != known_today)
        self.next_button.setEnabled(date < known_today)
        return f"{self.date_label.text()} {relative}".strip()


class SaveState(QLabel):
    """One line saying whether the day's edits are saved: "Saving…", "Saved at HH:MM", or a
    problem in bold (not only coloured), with the whole text as its tooltip."""

    def __init__(self, *, hide_when_empty: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide_when_empty = hide_when_empty
        self.setAccessibleName(self.tr("Save status"))
        self.setWordWrap(True)

    def say(self, text: str, *, problem: bool = False) -> None:
        """Show `text`; `problem` for "Not saved: ..." and the like."""
        self.setText(text)
        if self.hide_when_empty:
            self.setVisible(bool(text))
        font = self.font()
        font.setBold(problem)
        self.setFont(font)
        self.setToolTip(text if problem else "")

    def saving(self, notice: str = "") -> None:
        """Edits are waiting for their save (or `notice` about them, if there is one)."""
        self.say(notice or self.tr("Saving…"))

    def saved_now(self, notice: str = "") -> None:
        """Saved at the current time (with `notice` after it, if there is one)."""
        saved_at = self.tr("Saved at {0}").format(short_time(QTime.currentTime()))
        self.say(f"{saved_at} · {notice}" if notice else saved_at)

    def show_status(self, editor: DayEditor, notice: str = "", *, marks: bool = False) -> None:
        """Say where the day editor's edits stand (`marks`: the body map's words for them)."""
        status, problem = editor.status, editor.problem.rstrip(".")
        if status is SaveStatus.SAVING:
            self.saving(notice)
        elif status is SaveStatus.SAVED:
            self.saved_now(notice)
        elif status is SaveStatus.FAILED and marks:
            text = self.tr(
                "Not saved: {0}. Your marks stay on screen, and Unknot tries again with your "
                "next change."
            )
            self.say(text.format(problem), problem=True)
        elif status is SaveStatus.FAILED:
            text = self.tr(
                "Not saved: {0}. Your changes stay on screen, and Unknot tries again with your "
                "next change."
            )
            self.say(text.format(problem), problem=True)
        elif status is SaveStatus.UNREADABLE:
            self.say(self.tr("Could not read this day: {0}").format(editor.problem), problem=True)
        elif status is SaveStatus.READ_ONLY:
            # one line in Today's status row; the dialog at start-up said how to fix it
            text = self.tr(
                "Your log is open read-only ({0}): you can look at your days; changes cannot be "
                "saved."
            )
            self.say(text.format(problem), problem=True)
        elif marks:
            self.say(self.tr("All saved.") if editor.entry.areas else "")
        else:
            self.say(self.tr("All saved.") if status is SaveStatus.ALL_SAVED else "")


def add_day_header(view: Any) -> DayHeader:
    """A header for a day view: Previous/Next/Today go to the view's `open_day` and `open_today`,
    and the view keeps the names of the header's parts that it has always had."""
    header = DayHeader()
    header.date_requested.connect(view.open_day)
    header.today_requested.connect(view.open_today)
    view.previous_button = header.previous_button
    view.next_button = header.next_button
    view.today_button = header.today_button
    view.date_label = header.date_label
    view.relative_label = header.relative_label
    return header
