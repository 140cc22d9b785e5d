"""The main window's size: within the screen, and as it was last left."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.services.settings import Settings
from coach.ui.shell.window_size import PREFERRED, SMALLEST, SizeKeeper, fit_to_screen, fitted


def test_a_small_screen_gets_a_window_that_fits_it() -> None:
    # 1024x640 less a 32 px panel: the window and its frame fit
    size = fitted(PREFERRED, QSize(1024, 608))
    assert size.width() <= 1024 - 16
    assert size.height() <= 608 - 48
    assert size.width() >= SMALLEST.width()
    assert size.height() >= SMALLEST.height()


def test_a_large_screen_gets_the_preferred_size() -> None:
    assert fitted(PREFERRED, QSize(1920, 1050)) == PREFERRED


def test_a_remembered_size_is_kept_but_never_beyond_the_screen() -> None:
    assert fitted(QSize(1300, 800), QSize(1920, 1050)) == QSize(1300, 800)
    assert fitted(QSize(3000, 2000), QSize(1366, 736)).width() <= 1366


def test_the_window_opens_within_its_screen(qtbot: QtBot, tmp_path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width()
    assert window.height() <= available.height()


def test_the_size_is_remembered_for_the_next_start(qtbot: QtBot, tmp_path) -> None:
    settings = Settings(tmp_path / "config")
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 600)
    SizeKeeper(window, settings).remember()

    assert Settings(tmp_path / "config").window_size == (900, 600)
    other = QWidget()
    qtbot.addWidget(other)
    fit_to_screen(other, Settings(tmp_path / "config"))
    available = other.screen().availableGeometry().size()
    assert other.size() == fitted(QSize(900, 600), available)


def test_a_damaged_size_falls_back_to_the_default(tmp_path) -> None:
    settings = Settings(tmp_path / "config")
    settings._save("window/size", "huge")
    assert settings.window_size is None
    settings._save("window/size", "5x99999")
    assert settings.window_size is None


def test_closing_the_window_remembers_its_size(qtbot: QtBot, tmp_path) -> None:
    settings = Settings(tmp_path / "config")
    window = QWidget()
    qtbot.addWidget(window)
    SizeKeeper(window, settings)
    window.resize(820, 540)
    window.show()
    qtbot.waitExposed(window)

    window.close()

    assert Settings(tmp_path / "config").window_size == (820, 540)
