"""Daily reminders: the next moment, what falls due, snoozes, midnight and summer time."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import pytest

from coach.core.log.reminders import (
    UTC,
    DayProgress,
    Due,
    Reminder,
    ReminderPlan,
    ReminderState,
    check,
    format_time,
    instant_of,
    local_wall,
    next_moment,
    parse_time,
    reminder_for,
    snooze,
)

BERLIN = ZoneInfo("Europe/Berlin")  # summer time starts 2026-03-29 02:00, ends 2026-10-25 03:00
EVENING = ReminderPlan(enabled=True, times=(dt.time(20, 0),), purpose="log")


def at(text: str, zone: dt.tzinfo = BERLIN) -> dt.datetime:
    """An aware instant from a local wall time in `zone`."""
    return instant_of(dt.datetime.fromisoformat(text), zone)


def wall(instant: dt.datetime | None) -> str:
    assert instant is not None
    return local_wall(instant, BERLIN).isoformat(timespec="minutes")


def run(plan: ReminderPlan, state: ReminderState, moment: str) -> tuple[Due | None, ReminderState]:
    return check(plan, state, at(moment), BERLIN)


# -- times and plans -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"), [("20:00", dt.time(20)), ("7:05", dt.time(7, 5)), (" 00:00 ", dt.time())]
)
def test_times_are_read_as_hh_mm(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected
    assert format_time(expected) == f"{expected.hour:02d}:{expected.minute:02d}"


@pytest.mark.parametrize("text", ["24:00", "12:60", "noon", "12", "12:5", "-1:00", ""])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM|time of day"):
        parse_time(text)


def test_a_plan_keeps_its_times_sorted_once_each_in_whole_minutes() -> None:
    plan = ReminderPlan(True, (dt.time(20, 0, 30), dt.time(8), dt.time(20)), "both")
    assert plan.times == (dt.time(8), dt.time(20))
    with pytest.raises(ValueError, match="reminder is for"):
        ReminderPlan(True, (), "walk")
    assert not ReminderPlan(True, ()).active
    assert not ReminderPlan(False, (dt.time(8),)).active


def test_the_state_needs_an_instant_not_a_wall_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        ReminderState(dt.datetime(2026, 5, 1, 12))


# -- the next moment ----------------------------------------------------------------------------------


def test_the_next_moment_is_todays_time_then_tomorrows() -> None:
    state = ReminderState.starting(at("2026-05-04T09:00"))
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-04T20:00"

    due, state = run(EVENING, state, "2026-05-04T20:00")
    assert due == Due(dt.date(2026, 5, 4))
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-05T20:00"


def test_several_times_come_in_order() -> None:
    plan = ReminderPlan(True, (dt.time(20), dt.time(8, 30)), "both")
    state = ReminderState.starting(at("2026-05-04T09:00"))
    assert wall(next_moment(plan, state, BERLIN)) == "2026-05-04T20:00"
    _, state = run(plan, state, "2026-05-04T20:00:01")
    assert wall(next_moment(plan, state, BERLIN)) == "2026-05-05T08:30"


def test_nothing_is_planned_when_off_or_without_times() -> None:
    state = ReminderState.starting(at("2026-05-04T09:00"))
    assert next_moment(ReminderPlan(False, (dt.time(20),)), state, BERLIN) is None
    assert next_moment(ReminderPlan(True, ()), state, BERLIN) is None
    due, _ = run(ReminderPlan(False, (dt.time(20),)), state, "2026-05-04T21:00")
    assert due is None


def test_a_time_already_past_at_start_waits_for_tomorrow() -> None:
    state = ReminderState.starting(at("2026-05-04T20:30"))
    assert run(EVENING, state, "2026-05-04T20:31")[0] is None
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-05T20:00"


# -- checking ----------------------------------------------------------------------------------------


def test_nothing_falls_due_before_the_time_and_once_at_it() -> None:
    state = ReminderState.starting(at("2026-05-04T19:00"))
    due, state = run(EVENING, state, "2026-05-04T19:59:59")
    assert due is None
    due, state = run(EVENING, state, "2026-05-04T20:00:00.2")
    assert due == Due(dt.date(2026, 5, 4))
    due, state = run(EVENING, state, "2026-05-04T20:00:30")
    assert due is None, "never twice"


def test_a_time_missed_while_asleep_comes_on_waking_the_same_day() -> None:
    state = ReminderState.starting(at("2026-05-04T19:00"))
    due, state = run(EVENING, state, "2026-05-04T22:40")
    assert due == Due(dt.date(2026, 5, 4))
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-05T20:00"


def test_a_time_missed_on_an_earlier_day_is_passed_over() -> None:
    state = ReminderState.starting(at("2026-05-04T19:00"))
    due, state = run(EVENING, state, "2026-05-06T07:15")  # slept two nights
    assert due is None
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-06T20:00"


def test_a_clock_set_back_never_repeats_a_reminder() -> None:
    state = ReminderState.starting(at("2026-05-04T19:00"))
    due, state = run(EVENING, state, "2026-05-04T20:00:05")
    assert due is not None
    due, state = run(EVENING, state, "2026-05-04T19:58")  # the clock was corrected backwards
    assert due is None
    due, state = run(EVENING, state, "2026-05-04T20:01")
    assert due is None
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-05T20:00"


def test_turning_reminders_off_drops_a_snooze() -> None:
    state = snooze(
        ReminderState.starting(at("2026-05-04T20:00")), at("2026-05-04T20:00"), dt.date(2026, 5, 4)
    )
    off = ReminderPlan(False, (dt.time(20),))
    due, state = run(off, state, "2026-05-04T20:11")
    assert due is None
    assert state.snoozed_until is None


# -- snoozing ---------------------------------------------------------------------------------------


def test_a_snoozed_reminder_comes_back_ten_minutes_later() -> None:
    state = ReminderState.starting(at("2026-05-04T19:00"))
    due, state = run(EVENING, state, "2026-05-04T20:00")
    assert due is not None
    state = snooze(state, at("2026-05-04T20:00:10"), due.day)
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-04T20:10"

    assert run(EVENING, state, "2026-05-04T20:09")[0] is None
    due, state = run(EVENING, state, "2026-05-04T20:10:10")
    assert due == Due(dt.date(2026, 5, 4), snoozed=True)
    assert state.snoozed_until is None
    assert wall(next_moment(EVENING, state, BERLIN)) == "2026-05-05T20:00"


def test_a_snooze_counts_real_minutes_across_the_summer_time_jump() -> None:
    plan = ReminderPlan(True, (dt.time(1, 55),))
    state = ReminderState.starting(at("2026-03-29T01:00"))
    due, state = run(plan, state, "2026-03-29T01:55")
    assert due is not None
    state = snooze(state, at("2026-03-29T01:55"), due.day)
    # ten real minutes after 01:55 CET is 03:05 CEST (02:00-03:00 does not exist that night)
    assert wall(next_moment(plan, state, BERLIN)) == "2026-03-29T03:05"


def test_a_snooze_that_ends_after_midnight_is_dropped() -> None:
    plan = ReminderPlan(True, (dt.time(23, 55),))
    state = ReminderState.starting(at("2026-05-04T23:00"))
    due, state = run(plan, state, "2026-05-04T23:55")
    assert due is not None
    state = snooze(state, at("2026-05-04T23:55"), due.day)
    assert wall(next_moment(plan, state, BERLIN)) == "2026-05-05T00:05"

    due, state = run(plan, state, "2026-05-05T00:05")
    assert due is None, "yesterday's reminder is not shown on a new day"
    assert state.snoozed_until is None
    assert wall(next_moment(plan, state, BERLIN)) == "2026-05-05T23:55"


def test_a_new_time_replaces_a_pending_snooze() -> None:
    plan = ReminderPlan(True, (dt.time(20), dt.time(20, 5)))
    state = ReminderState.starting(at("2026-05-04T19:00"))
    due, state = run(plan, state, "2026-05-04T20:00")
    state = snooze(state, at("2026-05-04T20:00"), dt.date(2026, 5, 4))
    due, state = run(plan, state, "2026-05-04T20:05")
    assert due == Due(dt.date(2026, 5, 4))
    assert state.snoozed_until is None
    assert run(plan, state, "2026-05-04T20:10")[0] is None


# -- midnight ---------------------------------------------------------------------------------------


def test_a_reminder_at_midnight_belongs_to_the_new_day() -> None:
    plan = ReminderPlan(True, (dt.time(0, 0),))
    state = ReminderState.starting(at("2026-05-04T23:59:30"))
    assert wall(next_moment(plan, state, BERLIN)) == "2026-05-05T00:00"
    due, state = run(plan, state, "2026-05-05T00:00:00.5")
    assert due == Due(dt.date(2026, 5, 5))
    assert wall(next_moment(plan, state, BERLIN)) == "2026-05-06T00:00"


def test_a_wake_just_after_midnight_catches_up_the_new_days_slot_only() -> None:
    plan = ReminderPlan(True, (dt.time(23, 59), dt.time(0, 1)))
    state = ReminderState.starting(at("2026-05-04T23:00"))
    due, state = run(plan, state, "2026-05-05T00:02")  # slept through both
    assert due == Due(dt.date(2026, 5, 5))
    assert wall(next_moment(plan, state, BERLIN)) == "2026-05-05T23:59"


# -- summer time ------------------------------------------------------------------------------------


def test_the_day_summer_time_starts_is_23_hours_long() -> None:
    state = ReminderState.starting(at("2026-03-28T20:30"))
    moment = next_moment(EVENING, state, BERLIN)
    assert wall(moment) == "2026-03-29T20:00"
    assert moment is not None
    assert moment - at("2026-03-28T20:00") == dt.timedelta(hours=23)


def test_the_day_summer_time_ends_is_25_hours_long() -> None:
    state = ReminderState.starting(at("2026-10-24T20:30"))
    moment = next_moment(EVENING, state, BERLIN)
    assert moment is not None
    assert moment - at("2026-10-24T20:00") == dt.timedelta(hours=25)


def test_a_time_the_clock_skips_comes_right_after_the_jump() -> None:
    plan = ReminderPlan(True, (dt.time(2, 30),))
    state = ReminderState.starting(at("2026-03-29T00:00"))
    moment = next_moment(plan, state, BERLIN)
    assert moment == dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 summer time
    due, state = check(plan, state, moment, BERLIN)
    assert due == Due(dt.date(2026, 3, 29))
    assert wall(next_moment(plan, state, BERLIN)) == "2026-03-30T02:30"


def test_a_time_the_clock_passes_twice_comes_once() -> None:
    plan = ReminderPlan(True, (dt.time(2, 30),))
    state = ReminderState.starting(at("2026-10-25T00:00"))
    first = next_moment(plan, state, BERLIN)
    assert first == dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time
    due, state = check(plan, state, first, BERLIN)
    assert due is not None
    # an hour later the wall clock reads 02:30 again (winter time)
    second = dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert local_wall(second, BERLIN) == dt.datetime(2026, 10, 25, 2, 30)
    due, state = check(plan, state, second, BERLIN)
    assert due is None
    assert wall(next_moment(plan, state, BERLIN)) == "2026-10-26T02:30"


@pytest.fixture
def berlin_machine(monkeypatch: pytest.MonkeyPatch):
    """The machine's own zone is Berlin (the app passes no zone: it uses the machine's)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin_machine")
def test_the_machines_own_zone_is_used_without_one() -> None:
    state = ReminderState.starting(dt.datetime(2026, 3, 28, 19, 30, tzinfo=UTC))  # 20:30 CET
    moment = next_moment(EVENING, state, None)
    assert moment == dt.datetime(2026, 3, 29, 18, 0, tzinfo=UTC)  # 20:00 CEST
    assert local_wall(moment) == dt.datetime(2026, 3, 29, 20, 0)
    due, _ = check(EVENING, state, moment, None)
    assert due == Due(dt.date(2026, 3, 29))


# -- what to remind of -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("purpose", "progress", "expected"),
    [
        ("log", DayProgress(), (True, False)),
        ("log", DayProgress(logged=True), None),
        ("log", DayProgress(had_session=True), (True, False)),
        ("session", DayProgress(), (False, True)),
        ("session", DayProgress(logged=True), (False, True)),
        ("session", DayProgress(had_session=True), None),
        ("both", DayProgress(), (True, True)),
        ("both", DayProgress(logged=True), (False, True)),
        ("both", DayProgress(had_session=True), (True, False)),
        ("both", DayProgress(logged=True, had_session=True), None),
    ],
)
def test_only_what_is_not_done_yet_is_reminded(
    purpose: str, progress: DayProgress, expected: tuple[bool, bool] | None
) -> None:
    plan = ReminderPlan(True, (dt.time(20),), purpose)
    reminder = reminder_for(plan, Due(dt.date(2026, 5, 4), snoozed=True), progress)
    if expected is None:
        assert reminder is None
    else:
        assert reminder == Reminder(dt.date(2026, 5, 4), *expected, snoozed=True)
