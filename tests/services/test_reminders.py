"""The reminder service: wakes at the core's next moment, re-armed from the clock, sleep-safe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from coach.core.log.entries import DayEntry, SessionRecord
from coach.core.log.reminders import DayProgress, Reminder, ReminderPlan, instant_of
from coach.services.reminders import (
    MAX_WAIT_MS,
    ReminderService,
    plan_from_settings,
    progress_in,
)
from coach.services.settings import FILE_NAME, Settings

BERLIN = ZoneInfo("Europe/Berlin")
DAY = dt.date(2026, 5, 4)


def at(text: str) -> dt.datetime:
    return instant_of(dt.datetime.fromisoformat(text), BERLIN)


class World:
    """The clock, the plan and the day's progress, as the test sets them."""

    def __init__(self) -> None:
        self.now = at("2026-05-04T19:00")
        self.plan = ReminderPlan(True, (dt.time(20),), "log")
        self.progress = DayProgress()
        self.asked: list[dt.date] = []

    def read_progress(self, day: dt.date) -> DayProgress:
        self.asked.append(day)
        return self.progress


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def service(qtbot: QtBot, world: World):
    reminders = ReminderService(
        lambda: world.plan, world.read_progress, now=lambda: world.now, zone=BERLIN
    )
    reminders.start()
    yield reminders
    reminders.stop()
    assert not reminders.is_waiting()


def shown(service: ReminderService) -> list[Reminder]:
    """The reminders the service emits from now on."""
    seen: list[Reminder] = []
    service.reminder_due.connect(seen.append)
    return seen


def test_it_waits_for_the_time_at_most_a_minute_at_a_time(service: ReminderService, world: World):
    assert service.is_waiting()
    assert service._timer.interval() == MAX_WAIT_MS, "an hour away: look again in a minute"
    assert service.next_moment() == at("2026-05-04T20:00")

    world.now = at("2026-05-04T19:59:30.25")
    service.wake()  # computed afresh from the clock, never the sum of earlier waits
    assert service._timer.interval() == 29_750
    assert service._timer.isSingleShot()


def test_the_reminder_comes_at_its_time_once(
    qtbot: QtBot, service: ReminderService, world: World
) -> None:
    seen = shown(service)
    world.now = at("2026-05-04T19:59:59")
    service.wake()
    assert seen == []

    world.now = at("2026-05-04T20:00:00.001")
    with qtbot.waitSignal(service.reminder_due) as signal:
        service.wake()
    assert signal.args == [Reminder(DAY, log=True, session=False)]
    assert service.pending == Reminder(DAY, log=True, session=False)
    assert world.asked == [DAY]
    service.wake()
    assert len(seen) == 1
    assert service.next_moment() == at("2026-05-05T20:00")


def test_the_real_timer_wakes_it(qtbot: QtBot, service: ReminderService, world: World) -> None:
    world.now = at("2026-05-04T19:59:59.98")
    service.apply()
    assert service._timer.interval() == 20
    world.now = at("2026-05-04T20:00:00.01")
    with qtbot.waitSignal(service.reminder_due, timeout=2000):
        pass


def test_nothing_is_shown_when_the_day_is_already_logged(
    service: ReminderService, world: World
) -> None:
    seen = shown(service)
    world.progress = DayProgress(logged=True)
    world.now = at("2026-05-04T20:00:01")
    service.wake()
    assert seen == []
    assert service.pending is None
    assert service.next_moment() == at("2026-05-05T20:00")


def test_a_reminder_missed_while_the_machine_slept_comes_on_waking(
    service: ReminderService, world: World
) -> None:
    seen = shown(service)
    # asleep from 19:10 to 22:30: the Qt timer stood still, the wall clock did not
    world.now = at("2026-05-04T22:30")
    service.wake()
    assert seen == [Reminder(DAY, log=True, session=False)]


def test_snooze_brings_it_back_ten_minutes_later(
    qtbot: QtBot, service: ReminderService, world: World
) -> None:
    seen = shown(service)
    world.now = at("2026-05-04T20:00:01")
    service.wake()
    with qtbot.waitSignal(service.reminder_gone):
        service.snooze()
    assert service.pending is None
    assert service.next_moment() == at("2026-05-04T20:10:01")
    assert service._timer.interval() == MAX_WAIT_MS

    world.now = at("2026-05-04T20:10:01")
    service.wake()
    assert seen[-1] == Reminder(DAY, log=True, session=False, snoozed=True)


def test_a_showing_reminder_goes_when_the_day_is_logged(
    qtbot: QtBot, service: ReminderService, world: World
) -> None:
    world.now = at("2026-05-04T20:00:01")
    service.wake()
    assert service.pending is not None
    world.progress = DayProgress(logged=True)
    world.now = at("2026-05-04T20:01")
    with qtbot.waitSignal(service.reminder_gone):
        service.wake()
    assert service.pending is None


def test_turning_it_off_stops_the_timer_and_on_again_rearms(
    service: ReminderService, world: World
) -> None:
    world.plan = ReminderPlan(False, (dt.time(20),), "log")
    service.apply()
    assert not service.is_waiting()
    assert service.next_moment() is None

    world.plan = ReminderPlan(True, (dt.time(21, 30),), "both")
    world.now = at("2026-05-04T21:29")
    service.apply()
    assert service.is_waiting()
    assert service._timer.interval() == 60_000
    assert service.next_moment() == at("2026-05-04T21:30")


def test_a_time_set_to_just_now_does_not_fire_at_once(service: ReminderService, world: World):
    seen = shown(service)
    world.now = at("2026-05-04T20:30")
    world.plan = ReminderPlan(True, (dt.time(20, 30),), "log")
    service.apply()
    service.wake()
    assert seen == []


def test_stopped_it_plans_nothing(service: ReminderService) -> None:
    service.stop()
    assert not service.is_waiting()
    assert service.next_moment() is None


# -- the app's settings and log ---------------------------------------------------------------------


def test_reminder_settings_have_defaults_and_are_saved(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert settings.reminder_enabled is False
    assert settings.reminder_times == ["20:00"]
    assert settings.reminder_for == "log"
    assert settings.last_routine == ""
    assert settings.first_run_done is False

    settings.reminder_enabled = True
    settings.reminder_times = ["21:15", "7:05", "21:15"]
    settings.reminder_for = "both"
    settings.last_routine = "pmr-4"
    settings.first_run_done = True
    again = Settings(tmp_path)

    assert again.reminder_enabled is True
    assert again.reminder_times == ["07:05", "21:15"]
    assert again.reminder_for == "both"
    assert again.last_routine == "pmr-4"
    assert again.first_run_done is True
    assert plan_from_settings(again) == ReminderPlan(True, (dt.time(7, 5), dt.time(21, 15)), "both")


def test_bad_reminder_values_are_refused_or_fall_back(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    with pytest.raises(ValueError, match="HH:MM"):
        settings.reminder_times = ["8pm"]
    with pytest.raises(ValueError, match="between 1 and"):
        settings.reminder_times = []
    with pytest.raises(ValueError, match="reminder is for"):
        settings.reminder_for = "walk"

    (tmp_path / FILE_NAME).write_text(
        "[reminders]\nenabled=maybe\ntimes=25:00, 08:30, soon\nfor=walk\n", encoding="utf-8"
    )
    again = Settings(tmp_path)
    assert again.reminder_enabled is False
    assert again.reminder_times == ["08:30"], "the readable one is kept"
    assert again.reminder_for == "log"

    (tmp_path / FILE_NAME).write_text("[reminders]\ntimes=never\n", encoding="utf-8")
    assert Settings(tmp_path).reminder_times == ["20:00"]


def test_progress_is_read_from_the_log(log) -> None:
    progress = progress_in(log)
    assert progress(DAY) == DayProgress(logged=False, had_session=False)
    log.save_day(DayEntry(DAY, pain=3))
    start = dt.datetime(2026, 5, 4, 18, tzinfo=dt.UTC)
    log.record_session(
        SessionRecord(
            routine_id="pmr-4",
            routine_title="Four groups",
            started_at=start,
            ended_at=start + dt.timedelta(minutes=8),
            planned_seconds=480,
            actual_seconds=480,
            completed=True,
            step_count=20,
        )
    )
    assert progress(DAY) == DayProgress(logged=True, had_session=True)
