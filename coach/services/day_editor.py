"""The day being edited: one owner for the date shown, its saved entry, and edits waiting to save.

Today and the body map both edit the day open here (the form, the marks on the figure). An edit
is a function from the entry as saved to the entry wanted; it is saved after a short pause (a
debounce), at once with `flush`, and before another day is opened. Views listen: `opened` when a
day was read, `status_changed` when its save status moves, `day_saved` after a write that
changed something, so they never need to read the log again to catch up with each other.
"""

from __future__ import annotations

import datetime as dt
import enum
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from coach.core.log.entries import DayEntry, InvalidEntry
from coach.store.repository import LogRepository

Today = Callable[[], dt.date]
Change = Callable[[DayEntry], DayEntry]


class SaveStatus(enum.Enum):
    """Where the day's edits stand (the views word it)."""

    EMPTY = "empty"  # nothing logged on this day, nothing to say
    ALL_SAVED = "all saved"  # opened with something logged, no edits since
    SAVING = "saving"  # edits wait for their pause
    SAVED = "saved"  # the last edits were just written
    FAILED = "failed"  # the last save failed (`problem` says why); the edits are kept
    UNREADABLE = "unreadable"  # the day could not be read (`problem`); editing it is refused
    READ_ONLY = "read-only"  # the log opened read-only (`problem` says why): shown, not editable


class DayEditor(QObject):
    """The date open in the day views, its entry as saved, and the edits still to save."""

    opened = Signal(object)  # the dt.date just read (its entry is `entry`)
    status_changed = Signal()
    day_saved = Signal(object)  # the dt.date written, after a change
    sessions_changed = Signal(object)  # the dt.date a session was logged on
    today_changed = Signal(object)  # the new dt.date of today (after midnight)

    def __init__(
        self, log: LogRepository, today: Today = dt.date.today, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.log = log
        self._today = today
        self.known_today = today()
        self.date = self.known_today
        self.entry = DayEntry(self.date)  # as saved in the log
        self.status = SaveStatus.EMPTY
        self.problem = ""  # why the day could not be read or saved, "" when all is well
        self._pending: dict[str, Change] = {}  # by who made them: the latest of each applies
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.timeout.connect(self._save_now)
        self._read(self.date)

    # -- days --------------------------------------------------------------------------------------

    @property
    def readable(self) -> bool:
        """Whether the open day was read (an unreadable day must not be saved over)."""
        return self.status is not SaveStatus.UNREADABLE

    @property
    def editable(self) -> bool:
        """Whether edits to the open day can be saved: it was read, and the log can be written."""
        return self.status not in (SaveStatus.UNREADABLE, SaveStatus.READ_ONLY)

    @property
    def dirty(self) -> bool:
        """Whether edits wait to be saved."""
        return bool(self._pending)

    def check_new_day(self) -> bool:
        """Whether the calendar moved on since last asked (the open day stays open); the views
        hear it with `today_changed`."""
        today = self._today()
        if today == self.known_today:
            return False
        self.known_today = today
        self.today_changed.emit(today)
        return True

    def open(self, date: dt.date) -> bool:
        """Open `date`, saving the open day's edits first; False (and stay) if that failed."""
        self.check_new_day()
        if date > self.known_today and date > self.date:
            return False  # no logging ahead of time
        if date == self.date:
            return True
        if not self.flush():
            return False
        self._read(date)
        return True

    def open_today(self) -> bool:
        """Open today's date."""
        self.check_new_day()
        return self.open(self.known_today)

    def reload(self) -> None:
        """Read the open day again (the log was replaced: restored, imported); edits are saved first."""
        self.flush()
        self._read(self.date)

    def _read(self, date: dt.date) -> None:
        self.save_timer.stop()
        self._pending.clear()
        self.date = date
        try:
            entry = self.log.get_day(date)
        except sqlite3.Error as trouble:
            self.entry = DayEntry(date)
            self.problem = str(trouble)
            self._set_status(SaveStatus.UNREADABLE)
        else:
            self.entry = entry or DayEntry(date)
            self.problem = self.log.read_only
            if self.log.read_only:
                self._set_status(SaveStatus.READ_ONLY)
            elif self.entry.is_empty():
                self._set_status(SaveStatus.EMPTY)
            else:
                self._set_status(SaveStatus.ALL_SAVED)
        self.opened.emit(date)

    def session_logged(self, date: dt.date) -> None:
        """A session was logged (or rated) on `date`: the views listing that day's follow."""
        self.sessions_changed.emit(date)

    # -- edits ---------------------------------------------------------------------------------

    def edit(self, source: str, change: Change, delay_ms: int, *, restart: bool = False) -> None:
        """Save `change` (applied to the entry as saved) after `delay_ms`.

        `source` names who made it (a later change from the same source replaces it). A pending
        save is only brought forward, never put off, unless `restart` (still typing: wait for the
        pause).
        """
        if not self.editable:
            return  # an unreadable day must not be saved over; a read-only log cannot take it
        self._pending.pop(source, None)
        self._pending[source] = change
        if restart or not self.save_timer.isActive() or self.save_timer.remainingTime() > delay_ms:
            self.save_timer.start(delay_ms)
        self._set_status(SaveStatus.SAVING, always=True)

    def wanted(self) -> DayEntry:
        """The entry with the pending edits applied (raises InvalidEntry if one is invalid)."""
        entry = self.entry
        for change in self._pending.values():
            entry = change(entry)
        return entry

    def flush(self) -> bool:
        """Save pending edits now; False if they could not be saved (they are kept)."""
        if not self._pending:
            self.save_timer.stop()
            return True
        return self._save_now()

    def _save_now(self) -> bool:
        self.save_timer.stop()
        if not self._pending:
            return True
        try:
            entry = self.wanted()
            changed = entry != self.entry
            if changed:
                self.log.save_day(entry)
        except (InvalidEntry, sqlite3.Error) as trouble:
            self.problem = str(trouble)
            self._set_status(SaveStatus.FAILED, always=True)
            return False
        self.problem = ""
        self._pending.clear()
        self.entry = entry
        self._set_status(SaveStatus.SAVED, always=True)
        if changed:
            self.day_saved.emit(entry.date)
        return True

    def _set_status(self, status: SaveStatus, *, always: bool = False) -> None:
        if status is not self.status or always:
            self.status = status
            self.status_changed.emit()
