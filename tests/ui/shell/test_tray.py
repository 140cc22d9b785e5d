"""The tray icon: its menu's actions, the reminder with its snooze, and the no-tray path."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from coach.core.log.reminders import Reminder
from coach.ui.shell.tray import Tray, app_icon, connect_tray, reminder_text, tray_available

DAY = dt.date(2026, 5, 4)


@pytest.fixture
def tray(qtbot: QtBot):
    icon = Tray()  # exists without being shown: the offscreen platform has no tray
    yield icon
    icon.hide()
    icon.deleteLater()


def names(tray: Tray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()]


def test_the_offscreen_desktop_has_no_tray(qtbot: QtBot) -> None:
    assert tray_available() is False
    assert QSystemTrayIcon.isSystemTrayAvailable() is False


def test_the_menu_has_the_quick_actions(tray: Tray) -> None:
    assert names(tray) == ["&Log today", "&Start a routine…", "&Open Unknot", "&Quit"]
    assert tray.icon.contextMenu() is tray.menu
    assert not tray.icon.icon().isNull(), "a drawn icon when the app has none"
    assert tray.menu.defaultAction() is tray.open


@pytest.mark.parametrize(
    ("action", "signal"),
    [
        ("log_today", "log_today_requested"),
        ("start_last", "start_last_routine_requested"),
        ("open", "open_requested"),
        ("quit", "quit_requested"),
    ],
)
def test_each_action_asks_for_its_thing(qtbot: QtBot, tray: Tray, action: str, signal: str) -> None:
    with qtbot.waitSignal(getattr(tray, signal), timeout=1000):
        getattr(tray, action).trigger()


def test_the_last_routine_is_named(tray: Tray) -> None:
    tray.set_last_routine("Paced breathing")
    assert tray.start_last.text() == "&Start the last routine: Paced breathing"
    tray.set_last_routine(None)
    assert tray.start_last.text() == "&Start a routine…"


def test_a_reminder_shows_snooze_until_it_is_handled(qtbot: QtBot, tray: Tray) -> None:
    tray.show_reminder(Reminder(DAY, log=True, session=False))
    assert tray.snooze.isVisible()
    assert "&Snooze 10 min" not in names(tray)
    assert "S&nooze 10 min" in names(tray)
    assert "Time to log your day" in tray.icon.toolTip()

    with qtbot.waitSignal(tray.snooze_requested, timeout=1000):
        tray.snooze.trigger()
    assert not tray.snooze.isVisible()
    assert tray.pending is None


def test_clicking_the_reminder_opens_what_it_is_about(qtbot: QtBot, tray: Tray) -> None:
    tray.show_reminder(Reminder(DAY, log=True, session=True))
    with qtbot.waitSignal(tray.log_today_requested, timeout=1000):
        tray.icon.messageClicked.emit()
    assert not tray.snooze.isVisible()

    tray.show_reminder(Reminder(DAY, log=False, session=True))
    with qtbot.waitSignal(tray.start_last_routine_requested, timeout=1000):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)

    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


def test_acting_from_the_menu_also_handles_the_reminder(tray: Tray) -> None:
    tray.show_reminder(Reminder(DAY, log=True, session=False))
    tray.log_today.trigger()
    assert tray.pending is None
    assert not tray.snooze.isVisible()


def test_the_tooltip_says_when_the_next_reminder_comes(tray: Tray) -> None:
    tray.set_next_reminder("today at 20:00")
    assert tray.icon.toolTip() == "Unknot\nNext reminder: today at 20:00"
    tray.set_next_reminder("")
    assert tray.icon.toolTip() == "Unknot"


@pytest.mark.parametrize(
    ("log", "session", "title"),
    [
        (True, False, "Time to log your day"),
        (False, True, "Time for a short routine"),
        (True, True, "Time to log your day and take a few minutes for yourself"),
    ],
)
def test_the_reminder_says_what_it_is_for(tray: Tray, log: bool, session: bool, title: str) -> None:
    shown, text = reminder_text(Reminder(DAY, log=log, session=session))
    assert shown == title
    assert "Snooze 10 min" in text


def test_the_drawn_icon_has_every_tray_size(qtbot: QtBot) -> None:
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (22, 22), (32, 32), (64, 64)} <= sizes


# -- wired to the window and the reminder service ---------------------------------------------------


@pytest.fixture
def quitting_setting():
    """connect_tray changes whether closing the window quits; put it back afterwards."""
    app = QApplication.instance()
    before = app.quitOnLastWindowClosed()
    yield app
    app.setQuitOnLastWindowClosed(before)


@pytest.fixture
def wired(qtbot: QtBot, log, tmp_path, quitting_setting, make_services):
    from coach.core.log.reminders import instant_of
    from coach.services.reminders import ReminderService, plan_from_settings, progress_in
    from coach.services.settings import Settings
    from coach.ui.shell.main_window import MainWindow

    settings = Settings(tmp_path / "config")
    settings.reminder_enabled = True
    window = MainWindow(make_services(settings))
    qtbot.addWidget(window)
    clock = {"now": instant_of(dt.datetime(2026, 5, 4, 19, 0))}
    reminders = ReminderService(
        lambda: plan_from_settings(settings), progress_in(log), now=lambda: clock["now"]
    )
    tray = Tray(parent=window)
    connect_tray(tray, reminders, window, quitting_setting)
    reminders.start()
    yield window, tray, reminders, clock
    reminders.stop()


def test_a_due_reminder_shows_in_the_tray_and_snoozes(wired) -> None:
    from coach.core.log.reminders import instant_of

    window, tray, reminders, clock = wired
    assert tray.icon.toolTip() == "Unknot\nNext reminder: today at 20:00"
    clock["now"] = instant_of(dt.datetime(2026, 5, 4, 20, 0, 1))
    reminders.wake()
    assert tray.pending == Reminder(dt.date(2026, 5, 4), log=True, session=False)
    assert tray.snooze.isVisible()

    tray.snooze.trigger()
    assert reminders.pending is None
    assert not tray.snooze.isVisible()
    assert "today at 20:10" in tray.icon.toolTip()


def test_log_today_opens_today_and_handles_the_reminder(wired) -> None:
    from coach.core.log.reminders import instant_of

    window, tray, reminders, clock = wired
    window.nav.setCurrentRow(3)
    clock["now"] = instant_of(dt.datetime(2026, 5, 4, 20, 0, 1))
    reminders.wake()
    tray.log_today.trigger()
    assert window.stack.currentWidget() is window.today
    assert reminders.pending is None
    assert window.isVisible()


def test_the_last_routine_started_is_remembered_and_offered(wired) -> None:
    window, tray, reminders, clock = wired
    tray.start_last.trigger()
    assert window.stack.currentWidget() is window.routines, "none yet: the library"

    window.session.started.emit("pmr-4")  # as when a routine starts playing
    assert window.preferences.last_routine == "pmr-4"
    assert tray.start_last.text().startswith("&Start the last routine: Progressive muscle")

    window.nav.setCurrentRow(0)
    tray.start_last.trigger()
    assert window.stack.currentWidget() is window.session
    assert window.session.routine.id == "pmr-4"


def test_with_reminders_on_closing_the_window_keeps_the_app(wired, quitting_setting) -> None:
    window, tray, reminders, clock = wired
    assert quitting_setting.quitOnLastWindowClosed() is False
    window.preferences.reminder_enabled = False
    reminders.apply()
    assert quitting_setting.quitOnLastWindowClosed() is True


def test_closing_the_window_says_once_that_it_still_runs(qtbot: QtBot, wired) -> None:
    from coach.ui.shell.tray import _StillRunning

    window, tray, reminders, clock = wired
    window.show()
    qtbot.waitExposed(window)
    [notice] = window.findChildren(_StillRunning)
    window.hide()
    assert notice.told


def test_quit_from_the_tray_closes_the_window(qtbot: QtBot, wired) -> None:
    window, tray, reminders, clock = wired
    window.show()
    qtbot.waitExposed(window)
    tray.quit.trigger()
    assert not window.isVisible()


def test_the_app_makes_no_tray_or_reminders_without_a_tray(
    qtbot: QtBot, log, tmp_path, quitting_setting, make_services
) -> None:
    from coach.app import _start_reminders
    from coach.services.reminders import ReminderService
    from coach.services.settings import Settings
    from coach.ui.shell.main_window import MainWindow

    settings = Settings(tmp_path / "config")
    settings.reminder_enabled = True
    window = MainWindow(make_services(settings))
    qtbot.addWidget(window)
    before = quitting_setting.quitOnLastWindowClosed()

    _start_reminders(quitting_setting, window, settings, log)

    assert window.findChildren(Tray) == []
    assert window.findChildren(ReminderService) == []
    assert quitting_setting.quitOnLastWindowClosed() == before, "closing still quits"
    assert "your desktop has none" in window.settings.reminders.notice.text()
