"""The Settings page: its sections as the services allow, the folders, and Copy diagnostics."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSlider, QWidget
from pytestqt.qtbot import QtBot

from coach.diagnostics import start_logging, stop_logging
from coach.paths import Paths
from coach.services.settings import Settings
from coach.store.repository import LogRepository
from coach.ui.settings.appearance_settings import AppearanceSettings
from coach.ui.settings.data_settings import DataSettings
from coach.ui.settings.settings_view import SettingsView
from coach.ui.settings.sound_settings import SoundSettings


def label_texts(widget: QWidget) -> str:
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def test_the_settings_view_has_the_data_section_when_given_the_log(
    qtbot: QtBot, paths: Paths, log: LogRepository
) -> None:
    view = SettingsView(paths, log=log)
    qtbot.addWidget(view)
    assert isinstance(view.data, DataSettings)
    without = SettingsView(paths)
    qtbot.addWidget(without)
    assert without.data is None


def test_settings_view_with_services_has_the_sound_section(
    qtbot: QtBot, paths: Paths, audio_service, speech_service, settings: Settings
) -> None:
    view = SettingsView(paths, audio=audio_service, speech=speech_service, settings=settings)
    qtbot.addWidget(view)

    assert isinstance(view.sound, SoundSettings)
    assert str(paths.data_dir) in label_texts(view)


def test_settings_view_without_services_says_sound_is_not_set_up(
    qtbot: QtBot, paths: Paths
) -> None:
    view = SettingsView(paths)
    qtbot.addWidget(view)

    assert "Sound is not set up" in label_texts(view)
    assert not view.findChildren(SoundSettings), "no sound controls"
    assert not view.findChildren(QSlider)


def test_the_settings_view_has_the_reminder_section(
    qtbot: QtBot, paths: Paths, settings: Settings
) -> None:
    view = SettingsView(paths, settings=settings)
    qtbot.addWidget(view)
    assert isinstance(view.reminders, QWidget)
    assert not view.reminders.notice.isHidden(), "no service given: reminders need a tray"
    assert isinstance(view.appearance, AppearanceSettings)


def test_it_shows_the_three_folders_each_with_a_named_open_button(
    qtbot: QtBot, paths: Paths
) -> None:
    view = SettingsView(paths)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)

    shown = label_texts(view)
    for folder in (paths.data_dir, paths.user_sessions, paths.builtin_sessions):
        assert str(folder) in shown
    names = {button.accessibleName() for button in view.findChildren(QPushButton)}
    assert {
        "Open Your data folder",
        "Open Your routines folder",
        "Open Built-in routines folder",
    } <= names
    [scroll] = view.findChildren(QScrollArea)
    assert scroll.accessibleName() == "Settings", "a long page scrolls, and is named"


def test_copy_diagnostics_puts_versions_and_the_log_on_the_clipboard(
    qtbot: QtBot, paths: Paths
) -> None:
    start_logging(paths.data_dir)
    try:
        logging.getLogger("unknot").warning("sound output: silent")
    finally:
        stop_logging()
    view = SettingsView(paths)
    qtbot.addWidget(view)
    assert view.copy_diagnostics.accessibleName()
    view.copy_diagnostics.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Unknot ")
    assert "Python" in copied
    assert "sound output: silent" in copied
    assert "Copied" in view.diagnostics_status.text()
