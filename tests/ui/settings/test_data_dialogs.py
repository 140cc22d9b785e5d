"""The data section's dialogs: the backup picker (newest first, in words) and the typed DELETE."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from coach.paths import Paths
from coach.store.backup import Backup, BackupKeeper
from coach.ui.settings.data_dialogs import BackupPicker, DeleteDialog, backup_label


@pytest.fixture
def keeper(paths: Paths) -> BackupKeeper:
    return BackupKeeper(paths.backups)


def test_the_delete_dialog_needs_delete_typed(qtbot: QtBot) -> None:
    dialog = DeleteDialog("Everything goes.")
    qtbot.addWidget(dialog)
    assert not dialog.delete.isEnabled()
    qtbot.keyClicks(dialog.word, "delete")
    assert not dialog.delete.isEnabled(), "the exact word, in capitals"
    dialog.word.clear()
    qtbot.keyClicks(dialog.word, "DELETE")
    assert dialog.delete.isEnabled()
    dialog.delete.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.word.accessibleName() == "Type DELETE to confirm"


def test_the_delete_dialog_says_what_goes_and_escape_keeps_everything(qtbot: QtBot) -> None:
    dialog = DeleteDialog("Your 40 days and 12 sessions.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Your 40 days and 12 sessions." in shown
    assert "cannot be undone" in shown

    qtbot.keyClicks(dialog.word, "DELETE")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.word, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_backup_picker_lists_them_newest_first(qtbot: QtBot, keeper, log) -> None:
    keeper.take(log.conn, "manual", dt.datetime(2026, 3, 2, 14, 5))
    backups = keeper.list()
    picker = BackupPicker(backups)
    qtbot.addWidget(picker)
    assert picker.list.count() == len(backups)
    assert picker.chosen() == backups[0]
    picker.list.setCurrentRow(len(backups) - 1)
    assert picker.chosen() == backups[-1]
    assert picker.list.item(len(backups) - 1).text() == "Monday 2 March 2026, 14:05 (taken by you)"
    assert backup_label(backups[-1]) == "Monday 2 March 2026, 14:05 (taken by you)"


def test_double_clicking_a_backup_chooses_it(qtbot: QtBot, keeper, log) -> None:
    keeper.take(log.conn, "manual", dt.datetime(2026, 3, 2, 14, 5))
    keeper.take(log.conn, "manual", dt.datetime(2026, 3, 3, 9, 30))
    backups = keeper.list()
    picker = BackupPicker(backups)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)

    last = picker.list.visualItemRect(picker.list.item(len(backups) - 1)).center()
    with qtbot.waitSignal(picker.accepted):
        qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=last)
        qtbot.mouseDClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=last)

    assert picker.chosen() == backups[-1]
    assert picker.list.accessibleName() == "Backups, newest first"


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("daily", "taken every day"),
        ("before-restore", "taken before a restore"),
        ("before-v3", "taken before an update of the log's format"),
        ("odd", "odd"),
    ],
)
def test_a_backup_says_why_it_was_taken(reason: str, said: str) -> None:
    backup = Backup(Path(f"/backups/{reason}.sqlite3"), dt.datetime(2026, 3, 2, 14, 5), reason)
    assert backup_label(backup) == f"Monday 2 March 2026, 14:05 ({said})"
