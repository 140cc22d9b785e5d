"""Help › Keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.ui.shell.shortcuts_help import ShortcutsDialog, shortcut_groups


def test_the_page_lists_the_view_and_player_keys(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()

    for words in ("Ctrl+1", "Pause or continue", "Eyes closed", "Ctrl+T", "Start"):
        assert words in text
    assert [where for where, _ in shortcut_groups()][0] == "Anywhere"


def test_the_page_fits_a_small_window(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(700, 450)
    dialog = ShortcutsDialog(parent)
    assert dialog.width() <= 660
    assert dialog.height() <= 410
