"""The dialogs of the data settings: pick a backup, the typed confirmation before deleting.

They sit behind `DataDialogs`, so tests answer them without a person.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coach.store.backup import Backup

CONFIRM_WORD = "DELETE"


def backup_label(backup: Backup) -> str:
    """ "Monday 2 March 2026, 14:05 (taken every day)": when and why a backup was taken."""
    locale = QLocale()
    taken = backup.taken_at
    day = locale.toString(QDate(taken.year, taken.month, taken.day), "dddd d MMMM yyyy")
    when = f"{day}, {taken:%H:%M}"
    reasons = {
        "daily": QCoreApplication.translate("DataDialogs", "taken every day"),
        "manual": QCoreApplication.translate("DataDialogs", "taken by you"),
        "before-restore": QCoreApplication.translate("DataDialogs", "taken before a restore"),
    }
    if backup.reason in reasons:
        why = reasons[backup.reason]
    elif backup.reason.startswith("before-v"):
        why = QCoreApplication.translate(
            "DataDialogs", "taken before an update of the log's format"
        )
    else:
        why = backup.reason
    return f"{when} ({why})"


class DataDialogs(Protocol):
    """The questions the data section asks that need more than buttons."""

    def pick_backup(self, backups: list[Backup]) -> Backup | None:
        """The backup to restore, or None."""
        ...

    def export_file(self, suggested: Path) -> tuple[Path, str] | None:
        """Where to export and in which format ("csv", "json" or "fhir"), or None."""
        ...

    def confirm_delete(self, what: str) -> bool:
        """True only when the person confirmed deleting `what`, unmistakably."""
        ...


class QtDataDialogs:
    """DataDialogs with Qt dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def pick_backup(self, backups: list[Backup]) -> Backup | None:
        """A list of the backups, newest first."""
        dialog = BackupPicker(backups, self.parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def export_file(self, suggested: Path) -> tuple[Path, str] | None:
        """The platform's save dialog, with CSV, JSON and FHIR."""
        csv_filter = QCoreApplication.translate(
            "DataDialogs", "CSV: days, for spreadsheets (*.csv)"
        )
        json_filter = QCoreApplication.translate(
            "DataDialogs", "JSON: days and sessions, complete (*.json)"
        )
        fhir_filter = QCoreApplication.translate(
            "DataDialogs", "FHIR R4: days and medications, for health records (*.json)"
        )
        name, chosen = QFileDialog.getSaveFileName(
            self.parent,
            QCoreApplication.translate("DataDialogs", "Export your log"),
            str(suggested),
            f"{csv_filter};;{json_filter};;{fhir_filter}",
        )
        if not name:
            return None
        path = Path(name)
        if chosen == fhir_filter:
            kind = "fhir"
        else:
            kind = {".csv": "csv", ".json": "json"}.get(path.suffix.lower()) or (
                "json" if chosen == json_filter else "csv"
            )
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_name(f"{path.name}.{'csv' if kind == 'csv' else 'json'}")
        return path, kind

    def confirm_delete(self, what: str) -> bool:
        """A dialog that needs the word DELETE typed."""
        return DeleteDialog(what, self.parent).exec() == QDialog.DialogCode.Accepted


class BackupPicker(QDialog):
    """Choose one backup from a list, newest first."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(520, 380)
        self.backups = backups
        intro = QLabel(self.tr("Which backup should your log go back to?"))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        for backup in backups:
            item = QListWidgetItem(backup_label(backup))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> Backup | None:
        """The selected backup."""
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


class DeleteDialog(QDialog):
    """Says what will be deleted; the Delete button works only once DELETE is typed."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete all your data"))
        self.setMinimumWidth(560)
        text = QLabel(what)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ask = QLabel(self.tr("To confirm, type {0} below:").format(CONFIRM_WORD))
        self.word = QLineEdit()
        self.word.setAccessibleName(self.tr("Type {0} to confirm").format(CONFIRM_WORD))
        self.word.setPlaceholderText(CONFIRM_WORD)
        ask.setBuddy(self.word)
        buttons = QDialogButtonBox()
        self.delete = buttons.addButton(
            self.tr("&Delete everything"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete.setEnabled(False)
        self.delete.clicked.connect(self.accept)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.word.textChanged.connect(
            lambda typed: self.delete.setEnabled(typed.strip() == CONFIRM_WORD)
        )
        warning = QLabel(self.tr("<b>This cannot be undone.</b>"))
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(ask)
        layout.addWidget(self.word)
        layout.addWidget(buttons)
        self.word.setFocus(Qt.FocusReason.OtherFocusReason)
