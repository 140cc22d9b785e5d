"""Daily reminders: when the next one falls due, and whether it is worth showing. No Qt.

The person picks local times ("20:00") and what a reminder is for (logging the day, doing a
session, or both). Every function here is given the current instant; nothing reads a clock.

A reminder "slot" is a local wall time on a date (2026-03-29 20:00). Its instant is found through
the time zone, so across a change to or from summer time the gap between two days' reminders is
23 or 25 hours, a time the clock skips (02:30 on the night it springs forward) comes as soon as the
clock has jumped past it, and a time the clock passes twice (the night it falls back) comes once.
Slots are identified by their wall time, never counted up from earlier waits, so a late wake-up, a
machine that slept, or a clock set back never shows a slot twice and never drifts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

UTC = dt.UTC
PURPOSES = ("log", "session", "both")
SNOOZE_MINUTES = 10
MAX_TIMES = 6
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_time(text: str) -> dt.time:
    """ "20:00" or "7:30" as a time; ValueError for anything else."""
    match = _TIME.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a time; write it as HH:MM, like 20:00")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is not a time of day; use 00:00 to 23:59")
    return dt.time(hour, minute)


def format_time(time: dt.time) -> str:
    """A time as HH:MM."""
    return f"{time.hour:02d}:{time.minute:02d}"


def clean_times(times: Iterable[dt.time]) -> tuple[dt.time, ...]:
    """Whole minutes, once each, in order of the day."""
    return tuple(sorted({t.replace(second=0, microsecond=0, tzinfo=None) for t in times}))


@dataclass(frozen=True)
class ReminderPlan:
    """What the person chose: reminders on or off, at which local times, and for what."""

    enabled: bool = False
    times: tuple[dt.time, ...] = ()
    purpose: str = "log"  # one of PURPOSES

    def __post_init__(self) -> None:
        if self.purpose not in PURPOSES:
            raise ValueError(f"a reminder is for one of {PURPOSES}, not {self.purpose!r}")
        object.__setattr__(self, "times", clean_times(self.times))

    @property
    def active(self) -> bool:
        """Whether any reminder can ever fall due."""
        return self.enabled and bool(self.times)


@dataclass(frozen=True)
class DayProgress:
    """What is already done on a day."""

    logged: bool = False
    had_session: bool = False


@dataclass(frozen=True)
class Reminder:
    """A reminder to show now: for which day, and whether to log it and/or do a session."""

    day: dt.date
    log: bool
    session: bool
    snoozed: bool = False  # it comes back after a snooze


@dataclass(frozen=True)
class Due:
    """A reminder moment has come for `day` (whether to show it depends on the day's progress)."""

    day: dt.date
    snoozed: bool = False


@dataclass(frozen=True)
class ReminderState:
    """Where the reminders stand.

    `checked_until`: the instant up to which slots have been looked at (aware).
    `last_slot`: the wall time of the newest slot handled, shown or not (never shown again).
    `snoozed_until` / `snoozed_day`: a snoozed reminder comes back then, if still that day.
    """

    checked_until: dt.datetime
    last_slot: dt.datetime | None = None
    snoozed_until: dt.datetime | None = None
    snoozed_day: dt.date | None = None

    def __post_init__(self) -> None:
        if self.checked_until.tzinfo is None:
            raise ValueError("checked_until must be an aware datetime")
        object.__setattr__(self, "checked_until", self.checked_until.astimezone(UTC))

    @classmethod
    def starting(cls, now: dt.datetime) -> ReminderState:
        """The state when the app starts or the plan changes: nothing before `now` is shown."""
        return cls(now)


def local_wall(instant: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """The naive local wall time of an aware instant (`zone` None: the machine's own zone)."""
    local = instant.astimezone(zone) if zone is not None else instant.astimezone()
    return local.replace(tzinfo=None)


def instant_of(wall: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """The instant (UTC) of a naive local wall time; a skipped time counts from before the jump."""
    # fold=0: an ambiguous time is its first occurrence; a skipped one uses the offset before
    # the change, so it lands just after the jump (PEP 495)
    local = wall.replace(tzinfo=zone, fold=0) if zone is not None else wall.astimezone()
    return local.astimezone(UTC)


def _slots(plan: ReminderPlan, first: dt.date, last: dt.date) -> Iterator[dt.datetime]:
    """The plan's wall times on every date from `first` to `last`, in order."""
    day = first
    while day <= last:
        for time in plan.times:
            yield dt.datetime.combine(day, time)
        day += dt.timedelta(days=1)


def next_moment(
    plan: ReminderPlan, state: ReminderState, zone: dt.tzinfo | None = None
) -> dt.datetime | None:
    """The next instant (UTC) something may fall due: a slot after the state, or the snooze."""
    if not plan.enabled:
        return None
    candidates = [state.snoozed_until] if state.snoozed_until is not None else []
    if plan.times:
        start = local_wall(state.checked_until, zone).date() - dt.timedelta(days=1)
        # the next few days are plenty: every day has a slot and a zone change moves one by hours
        for wall in _slots(plan, start, start + dt.timedelta(days=3)):
            if state.last_slot is not None and wall <= state.last_slot:
                continue
            instant = instant_of(wall, zone)
            if instant > state.checked_until:
                candidates.append(instant)
                break
    return min(candidates) if candidates else None


def check(
    plan: ReminderPlan, state: ReminderState, now: dt.datetime, zone: dt.tzinfo | None = None
) -> tuple[Due | None, ReminderState]:
    """Whether a reminder falls due by `now`, and the state once it is handled.

    A slot missed while the machine slept is still shown when it wakes, if it is the same day;
    slots of earlier days are passed over. A snooze from an earlier day is dropped.
    """
    now = now.astimezone(UTC)
    if not plan.enabled:
        return None, ReminderState.starting(now)
    if now < state.checked_until:
        # the clock was set back: carry on from here; `last_slot` keeps a slot from coming twice
        return None, replace(state, checked_until=now)
    today = local_wall(now, zone).date()
    newest: dt.datetime | None = None
    first = local_wall(state.checked_until, zone).date() - dt.timedelta(days=1)
    for wall in _slots(plan, first, today + dt.timedelta(days=1)):
        if state.last_slot is not None and wall <= state.last_slot:
            continue
        if state.checked_until < instant_of(wall, zone) <= now:
            newest = wall
    last_slot = newest if newest is not None else state.last_slot
    if newest is not None and newest.date() == today:
        return Due(today), ReminderState(now, last_slot)  # a fresh slot replaces a snooze
    if state.snoozed_until is not None and state.snoozed_until <= now:
        due = Due(today, snoozed=True) if state.snoozed_day == today else None
        return due, ReminderState(now, last_slot)
    return None, replace(state, checked_until=now, last_slot=last_slot)


def snooze(
    state: ReminderState,
    now: dt.datetime,
    day: dt.date,
    minutes: int = SNOOZE_MINUTES,
) -> ReminderState:
    """The reminder for `day` comes back `minutes` from now (real minutes, whatever the clock does)."""
    until = now.astimezone(UTC) + dt.timedelta(minutes=minutes)
    return replace(state, snoozed_until=until, snoozed_day=day)


def reminder_for(plan: ReminderPlan, due: Due, progress: DayProgress) -> Reminder | None:
    """What to remind of on the due day, or None when it is already done."""
    log = plan.purpose in ("log", "both") and not progress.logged
    session = plan.purpose in ("session", "both") and not progress.had_session
    if not (log or session):
        return None
    return Reminder(due.day, log=log, session=session, snoozed=due.snoozed)
