"""The Reminders settings: saved and applied at once; without a tray, says why it is greyed out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QAbstractButton, QTimeEdit
from pytestqt.qtbot import QtBot

from coach.core.log.reminders import MAX_TIMES, UTC, DayProgress, instant_of
from coach.services.reminders import ReminderService, plan_from_settings
from coach.services.settings import Settings
from coach.ui.settings.reminder_settings import ReminderSettings, describe_moment


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")


@pytest.fixture
def clock() -> dict[str, dt.datetime]:
    return {"now": instant_of(dt.datetime(2026, 5, 4, 9, 0))}  # 09:00 in the machine's zone


@pytest.fixture
def service(qtbot: QtBot, settings: Settings, clock):
    reminders = ReminderService(
        lambda: plan_from_settings(settings), lambda _day: DayProgress(), now=lambda: clock["now"]
    )
    reminders.start()
    yield reminders
    reminders.stop()


@pytest.fixture
def section(qtbot: QtBot, settings: Settings, service: ReminderService) -> ReminderSettings:
    widget = ReminderSettings(settings, service)
    qtbot.addWidget(widget)
    return widget


def test_without_a_tray_it_says_reminders_need_one(qtbot: QtBot, settings: Settings) -> None:
    widget = ReminderSettings(settings, None)
    qtbot.addWidget(widget)
    assert not widget.notice.isHidden()
    assert "Reminders need a system tray; your desktop has none" in widget.notice.text()
    assert not widget.enabled.isEnabled()
    assert not widget.controls.isEnabled()


def test_it_starts_off_with_the_default_time(section: ReminderSettings) -> None:
    assert section.notice.isHidden()
    assert not section.enabled.isChecked()
    assert section.times() == ["20:00"]
    assert section.purposes["log"].isChecked()
    assert not section.controls.isEnabled(), "greyed out until reminders are on"
    assert section.status.isHidden()


def test_turning_it_on_saves_and_arms_the_service(
    section: ReminderSettings, settings: Settings, service: ReminderService
) -> None:
    section.enabled.setChecked(True)

    assert settings.reminder_enabled is True
    assert Settings(settings.path.parent).reminder_enabled is True, "on disk at once"
    assert service.is_waiting()
    assert section.controls.isEnabled()
    moment = service.next_moment()
    assert moment is not None
    assert section.status.text() == "Next reminder: today at 20:00."

    section.enabled.setChecked(False)
    assert not service.is_waiting()
    assert section.status.isHidden()


def test_changing_a_time_applies_at_once(
    section: ReminderSettings, settings: Settings, service: ReminderService
) -> None:
    section.enabled.setChecked(True)
    section.time_edits[0].setTime(QTime(7, 45))

    assert settings.reminder_times == ["07:45"]
    moment = service.next_moment()
    assert moment is not None
    assert moment.astimezone().time() == dt.time(7, 45)
    assert moment.astimezone().date() == dt.date(2026, 5, 5), "07:45 has passed at 09:00"
    assert "tomorrow at" in section.status.text()


def test_times_can_be_added_and_removed(section: ReminderSettings, settings: Settings) -> None:
    section.enabled.setChecked(True)
    assert not section.remove_time.isEnabled(), "at least one time"
    section.add_time.click()
    assert section.times() == ["20:00", "21:00"]
    assert settings.reminder_times == ["20:00", "21:00"]
    assert section.time_edits[1].accessibleName() == "Reminder time 2"

    for _ in range(MAX_TIMES):
        if section.add_time.isEnabled():
            section.add_time.click()
    assert len(section.time_edits) == MAX_TIMES
    assert not section.add_time.isEnabled()

    while section.remove_time.isEnabled():
        section.remove_time.click()
    assert section.times() == ["20:00"]
    assert settings.reminder_times == ["20:00"]


def test_what_it_is_for_is_saved(section: ReminderSettings, settings: Settings) -> None:
    section.enabled.setChecked(True)
    section.purposes["both"].setChecked(True)
    assert settings.reminder_for == "both"
    section.purposes["session"].click()
    assert settings.reminder_for == "session"


def test_saved_choices_are_shown_again(qtbot: QtBot, settings: Settings, service) -> None:
    settings.reminder_enabled = True
    settings.reminder_times = ["08:15", "19:30"]
    settings.reminder_for = "session"
    widget = ReminderSettings(settings, service)
    qtbot.addWidget(widget)
    assert widget.enabled.isChecked()
    assert widget.times() == ["08:15", "19:30"]
    assert widget.purposes["session"].isChecked()


def test_every_control_has_an_accessible_name(section: ReminderSettings) -> None:
    section.enabled.setChecked(True)
    section.add_time.click()
    controls = section.findChildren(QAbstractButton) + section.findChildren(QTimeEdit)
    assert controls
    for control in controls:
        assert control.accessibleName(), control


def test_a_moment_is_described_in_words() -> None:
    today = dt.date(2026, 5, 4)
    evening = instant_of(dt.datetime(2026, 5, 4, 20, 0))
    assert describe_moment(evening, today).startswith("today at ")
    assert describe_moment(evening + dt.timedelta(days=1), today).startswith("tomorrow at ")
    assert describe_moment(evening + dt.timedelta(days=3), today).startswith("Thursday 7 May at ")
    assert describe_moment(evening.astimezone(UTC), today) == "today at 20:00"
