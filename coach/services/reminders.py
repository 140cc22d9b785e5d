"""Wakes up for the daily reminder and says when one is due.

The decisions are made by coach.core.log.reminders from the wall clock; a precise single-shot QTimer
only wakes this object at the next moment the core names, re-armed from scratch after every wake,
so nothing is added up. Qt timers stand still while the machine sleeps, so the wait is never longer
than a minute: after a resume the reminder due meanwhile comes within that minute.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from coach.core.log.reminders import (
    SNOOZE_MINUTES,
    UTC,
    DayProgress,
    Due,
    Reminder,
    ReminderPlan,
    ReminderState,
    check,
    next_moment,
    parse_time,
    reminder_for,
    snooze,
)
from coach.services.settings import Settings
from coach.store.repository import LogRepository

MAX_WAIT_MS = 60_000  # look at the wall clock at least once a minute: it jumps after a resume

Now = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current instant."""
    return dt.datetime.now(UTC)


def plan_from_settings(settings: Settings) -> ReminderPlan:
    """The reminder plan the person chose in Settings."""
    return ReminderPlan(
        enabled=settings.reminder_enabled,
        times=tuple(parse_time(t) for t in settings.reminder_times),
        purpose=settings.reminder_for,
    )


def progress_in(log: LogRepository) -> Callable[[dt.date], DayProgress]:
    """Reads from the log whether a day is logged and had a session."""

    def progress(day: dt.date) -> DayProgress:
        try:
            return DayProgress(
                logged=log.get_day(day) is not None, had_session=bool(log.sessions(day, day))
            )
        except sqlite3.Error:
            return DayProgress()  # better a needless reminder than a missed one

    return progress


class ReminderService(QObject):
    """Emits `reminder_due` when a daily reminder (or a snoozed one) should be shown."""

    reminder_due = Signal(object)  # a coach.core.log.reminders.Reminder, now `pending`
    reminder_gone = Signal()  # the pending reminder was snoozed, acted on, or is done
    rescheduled = Signal()  # the next moment may have changed (see `next_moment`)

    def __init__(
        self,
        plan: Callable[[], ReminderPlan],
        progress: Callable[[dt.date], DayProgress],
        *,
        now: Now = utc_now,
        zone: dt.tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read_plan = plan
        self._progress = progress
        self._now = now
        self.zone = zone  # None: the machine's own time zone
        self.plan = plan()
        self.state = ReminderState.starting(now())
        self.running = False
        self.pending: Reminder | None = None  # the reminder last shown, until handled
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.wake)

    @classmethod
    def for_app(
        cls, settings: Settings, log: LogRepository, parent: QObject | None = None
    ) -> ReminderService:
        """The service on the app's settings and log, in the machine's time zone."""
        return cls(lambda: plan_from_settings(settings), progress_in(log), parent=parent)

    def start(self) -> None:
        """Start watching the clock; reminders before now are not shown."""
        self.running = True
        self.apply()

    def stop(self) -> None:
        """Stop waking up (the app is closing)."""
        self.running = False
        self._timer.stop()

    def apply(self) -> None:
        """Read the plan again (Settings changed it) and re-arm; past times are not shown now."""
        self.plan = self._read_plan()
        now = self._now()
        snoozed = self.state.snoozed_until, self.state.snoozed_day
        self.state = ReminderState(now, self.state.last_slot, *snoozed)
        self._arm()
        if not self.plan.enabled:
            self.dismiss()

    def snooze(self, minutes: int = SNOOZE_MINUTES) -> None:
        """Show the reminder now showing again in `minutes`."""
        day = self.pending.day if self.pending is not None else self.today()
        self.state = snooze(self.state, self._now(), day, minutes)
        self._arm()
        self.dismiss()

    def dismiss(self) -> None:
        """The reminder showing was acted on (the person opened the log or a routine)."""
        if self.pending is not None:
            self.pending = None
            self.reminder_gone.emit()

    def next_moment(self) -> dt.datetime | None:
        """When the next reminder may come (UTC), or None when none is planned."""
        return next_moment(self.plan, self.state, self.zone) if self.running else None

    def is_waiting(self) -> bool:
        """Whether a wake-up is scheduled."""
        return self._timer.isActive()

    def wake(self) -> None:
        """Look at the clock: show what is due, then sleep until the next moment."""
        due, self.state = check(self.plan, self.state, self._now(), self.zone)
        if due is not None:
            reminder = reminder_for(self.plan, due, self._progress(due.day))
            if reminder is not None:
                self.pending = reminder
                self.reminder_due.emit(reminder)
        elif self.pending is not None:
            # a reminder showing goes once its day is over or done (logged from anywhere)
            pending = self.pending
            if (
                pending.day != self.today()
                or reminder_for(self.plan, Due(pending.day), self._progress(pending.day)) is None
            ):
                self.dismiss()
        self._arm()

    def today(self) -> dt.date:
        """The local date now, on the service's clock."""
        now = self._now()
        local = now.astimezone(self.zone) if self.zone is not None else now.astimezone()
        return local.date()

    def _arm(self) -> None:
        moment = self.next_moment()
        if moment is None:
            self._timer.stop()
        else:
            wait = (moment - self._now()).total_seconds()
            # rounded up: wake at the moment or just after; the core decides from the clock
            self._timer.start(max(0, min(MAX_WAIT_MS, math.ceil(wait * 1000))))
        self.rescheduled.emit()
