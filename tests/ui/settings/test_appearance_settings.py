"""Settings -> Appearance: theme, text size and reduced motion apply at once and are kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from coach.services.settings import Settings
from coach.ui.common.appearance import Appearance
from coach.ui.settings.appearance_settings import AppearanceSettings


def system_size() -> float:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()


def test_changes_in_the_section_apply_at_once_and_are_saved(
    qtbot: QtBot, appearance: Appearance, settings: Settings, tmp_path: Path
) -> None:
    section = AppearanceSettings(settings, appearance)
    qtbot.addWidget(section)
    heard: list[bool] = []
    appearance.reduced_motion_changed.connect(heard.append)

    section.theme.setCurrentIndex(section.theme.findData("dark"))
    section.text_size.setCurrentIndex(section.text_size.findData(1.3))
    section.reduced_motion.setChecked(True)

    assert appearance.is_dark()
    assert QApplication.font().pointSizeF() == pytest.approx(system_size() * 1.3)
    assert appearance.reduced_motion
    assert heard == [True]
    again = Settings(tmp_path / "config")
    assert (again.theme, again.text_scale, again.reduced_motion) == ("dark", 1.3, True)


def test_saved_settings_are_applied_at_start_and_shown_in_the_section(
    qtbot: QtBot, appearance: Appearance, settings: Settings
) -> None:
    settings.theme = "dark"
    settings.text_scale = 1.2  # not one of the offered sizes: it is offered too
    settings.reduced_motion = True

    appearance.apply_settings(settings)
    section = AppearanceSettings(settings, appearance)
    qtbot.addWidget(section)

    assert section.theme.currentData() == "dark"
    assert section.text_size.currentText() == "120%"
    assert section.reduced_motion.isChecked()
    assert appearance.is_dark()


def test_the_section_controls_are_named_and_labelled(
    qtbot: QtBot, appearance: Appearance, settings: Settings
) -> None:
    section = AppearanceSettings(settings, appearance)
    qtbot.addWidget(section)
    assert section.theme.accessibleName() == "Colour scheme"
    assert section.text_size.accessibleName() == "Text size"
    buddies = {label.buddy() for label in section.findChildren(QLabel)}
    assert {section.theme, section.text_size} <= buddies, "Alt+H and Alt+X reach them"


def test_a_change_that_cannot_be_saved_still_applies_and_says_so(
    qtbot: QtBot, appearance: Appearance, tmp_path: Path
) -> None:
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "unknot.ini").mkdir()  # something in the way of the file
    section = AppearanceSettings(Settings(tmp_path / "blocked"), appearance)
    qtbot.addWidget(section)
    assert section.feedback.isHidden()

    section.theme.setCurrentIndex(section.theme.findData("dark"))

    assert appearance.is_dark(), "the change applies anyway"
    assert not section.feedback.isHidden()
    assert section.feedback.text().startswith("Not saved: ")


def test_without_settings_the_section_still_changes_the_look(
    qtbot: QtBot, appearance: Appearance
) -> None:
    section = AppearanceSettings(None, appearance)
    qtbot.addWidget(section)

    section.reduced_motion.setChecked(True)

    assert appearance.reduced_motion
    assert section.feedback.isHidden(), "nothing to save, nothing to complain about"
