"""The log and its backups in Settings: back up now, restore a backup, export, delete everything.

Each action says exactly what it did. The questions it asks go through the app's Prompt (choose,
inform) and a small `DataDialogs` (pick a backup, a file to export to, the typed confirmation
before deleting), so tests answer them without a person.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.regions import RegionCatalogue, load_catalogue
from coach.core.log import exchange_csv, exchange_json, fhir
from coach.core.routines.problems import FileProblems
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.connection import DatabaseTrouble
from coach.store.files import write_private
from coach.store.recovery import erase_everything, kept_copies, restore_chosen
from coach.store.repository import LogRepository
from coach.ui.common.prompt import DialogPrompt, Prompt
from coach.ui.common.text import muted
from coach.ui.settings.data_dialogs import CONFIRM_WORD, DataDialogs, QtDataDialogs, backup_label


def _count(number: int, one: str, many: str) -> str:
    """ "1 day" or "3 days": `one` and `many` are already translated, `many` has {0}."""
    return one if number == 1 else many.format(number)


def _days(number: int) -> str:
    return _count(
        number,
        QCoreApplication.translate("DataSettings", "1 day"),
        QCoreApplication.translate("DataSettings", "{0} days"),
    )


def _sessions(number: int) -> str:
    return _count(
        number,
        QCoreApplication.translate("DataSettings", "1 session"),
        QCoreApplication.translate("DataSettings", "{0} sessions"),
    )


def _backups(number: int) -> str:
    return _count(
        number,
        QCoreApplication.translate("DataSettings", "1 backup"),
        QCoreApplication.translate("DataSettings", "{0} backups"),
    )


def _copies(number: int) -> str:
    return _count(
        number,
        QCoreApplication.translate("DataSettings", "1 earlier copy"),
        QCoreApplication.translate("DataSettings", "{0} earlier copies"),
    )


class DataSettings(QWidget):
    """The log file and its backups, with Back up now, Restore, Export and Delete all my data.

    `log_replaced` is emitted after a restore or a deletion: what the views show is out of date.
    """

    log_replaced = Signal()

    def __init__(
        self,
        paths: Paths,
        log: LogRepository,
        *,
        keeper: BackupKeeper | None = None,
        prompt: Prompt | None = None,
        dialogs: DataDialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths, self.log = paths, log
        self.keeper = keeper if keeper is not None else BackupKeeper(paths.backups)
        self.prompt: Prompt = prompt if prompt is not None else DialogPrompt(self)
        self.dialogs: DataDialogs = dialogs if dialogs is not None else QtDataDialogs(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Your log and its backups"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.keeping = muted(
            QLabel(
                self.tr(
                    "Unknot keeps the newest {0} backups: one is taken every day the app is "
                    "opened, and one before each update of the log's format."
                ).format(self.keeper.keep)
            )
        )
        self.keeping.setWordWrap(True)
        layout.addWidget(self.keeping)

        row = QHBoxLayout()
        self.back_up = self._button(
            self.tr("&Back up now"), self.tr("Back up your log now"), self.back_up_now
        )
        self.restore = self._button(
            self.tr("Res&tore a backup…"), self.tr("Restore a backup"), self.restore_backup
        )
        self.export = self._button(
            self.tr("E&xport…"), self.tr("Export your log to a file"), self.export_log
        )
        self.open_backups = self._button(
            self.tr("Open backups &folder"),
            self.tr("Open the backups folder"),
            self._open_backups,
        )
        for button in (self.back_up, self.restore, self.export, self.open_backups):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        danger = QHBoxLayout()
        self.delete = self._button(
            self.tr("&Delete all my data…"), self.tr("Delete all my data"), self.delete_all
        )
        danger.addWidget(self.delete)
        warning = muted(
            QLabel(
                self.tr("Every day, session and backup; asks you to type {0}.").format(CONFIRM_WORD)
            )
        )
        danger.addWidget(warning, 1)
        layout.addLayout(danger)

        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(self.tr("What was just done"))
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.feedback)
        self._show_summary()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # -- showing ---------------------------------------------------------------------------------

    def _show_summary(self) -> None:
        backups = self.keeper.list()
        lines = [self.tr("Your log: {0}").format(self.paths.database)]
        if backups:
            lines.append(
                self.tr("{0} in {1}; the newest from {2}.").format(
                    _backups(len(backups)), self.keeper.folder, backup_label(backups[0])
                )
            )
        else:
            lines.append(self.tr("No backups yet."))
        self.summary.setText("\n".join(lines))
        self.restore.setEnabled(bool(backups))

    def _say(self, text: str) -> None:
        self.feedback.setText(text)
        self._show_summary()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Backups may have been taken meanwhile (one a day, or by the command line)."""
        super().showEvent(event)
        self._show_summary()

    # -- actions ---------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Take a backup now."""
        try:
            path = self.keeper.take(self.log.conn, "manual")
        except (OSError, sqlite3.Error) as trouble:
            self._say(self.tr("Could not back up: {0}").format(trouble))
            return
        self._say(self.tr("Backed up to {0}").format(path))

    def restore_backup(self) -> None:
        """Pick a backup, confirm, and restore it; say what happened."""
        backups = self.keeper.list()
        if not backups:
            self._say(self.tr("There is no backup to restore."))
            return
        backup = self.dialogs.pick_backup(backups)
        if backup is None:
            return
        restore, cancel = self.tr("Restore this backup"), self.tr("Cancel")
        choice = self.prompt.choose(
            self.tr("Restore a backup"),
            self.tr(
                "Your log will go back to the backup of {0}. What you logged after it will no "
                "longer be in your log.\n\nNothing is deleted: first, your log as it is now is "
                "backed up and kept beside the restored one, so you can go back to it."
            ).format(backup_label(backup)),
            [restore, cancel],
        )
        if choice != restore:
            return
        try:
            done = restore_chosen(self.log, backup, self.paths.database, self.keeper)
        except (DatabaseTrouble, OSError, sqlite3.Error) as trouble:
            reason = trouble.reason if isinstance(trouble, DatabaseTrouble) else str(trouble)
            self.prompt.inform(
                self.tr("The backup was not restored"),
                self.tr(
                    "The backup of {0} could not be restored:\n{1}\n\nYour log is as it was."
                ).format(backup_label(backup), reason),
            )
            self._say(self.tr("The backup was not restored; your log is as it was."))
            return
        message = self.tr(
            "Your log now holds what the backup of {0} held.\n\n"
            "Your log as it was a moment ago is kept twice:\n"
            "• as the backup {1} in {2}\n"
            "• as the file {3}"
        ).format(
            backup_label(done.restored),
            done.safety_backup.name,
            done.safety_backup.parent,
            done.kept_as,
        )
        self.prompt.inform(self.tr("Backup restored"), message)
        self._say(message.split("\n\n")[0])
        self.log_replaced.emit()

    def export_log(self) -> None:
        """Write the whole log to a CSV (days), JSON (days, sessions, medicines) or FHIR file."""
        suggested = Path.home() / f"unknot-log-{self.log.now():%Y-%m-%d}.csv"
        target = self.dialogs.export_file(suggested)
        if target is None:
            return
        path, kind = target
        try:
            span = self.log.date_range()
            days = self.log.days(*span) if span else []
            sessions = self.log.sessions(*span) if span else []
            if kind == "csv":
                data = exchange_csv.encode_csv(days)
            elif kind == "fhir":
                data = fhir.encode_fhir(days, self.log.now(), self._catalogue())
            else:
                medicines = self.log.medicines()
                data = exchange_json.encode_json(days, sessions, self.log.now(), medicines)
            write_private(path, data)
        except (OSError, sqlite3.Error) as trouble:
            self._say(self.tr("Could not export to {0}: {1}").format(path, trouble))
            return
        if kind == "csv":
            text = self.tr("Exported {0} to {1}.").format(_days(len(days)), path)
            if sessions:
                text += " " + self.tr("Sessions ({0}) are only in JSON exports.").format(
                    len(sessions)
                )
        elif kind == "fhir":
            text = self.tr("Exported {0} to {1} as a FHIR R4 Bundle, for health records.").format(
                _days(len(days)), path
            )
        else:
            text = self.tr("Exported {0} and {1} to {2}.").format(
                _days(len(days)), _sessions(len(sessions)), path
            )
        self._say(text)

    def _catalogue(self) -> RegionCatalogue | None:
        """The region catalogue, for the areas' names (without it, names come from the ids)."""
        try:
            return load_catalogue(self.paths.region_catalogue)
        except (FileProblems, OSError):
            return None

    def delete_all(self) -> None:
        """After a typed confirmation, delete every day, session, backup and kept copy."""
        copies = [
            c for c in kept_copies(self.paths.database) if not c.name.endswith(("-wal", "-shm"))
        ]
        backups = len(self.keeper.list())
        items = [self.tr("every day and session in your log")]
        if backups:
            items.append(
                self.tr("the backups of your log ({0}) in {1}").format(backups, self.keeper.folder)
            )
        if copies:
            items.append(
                self.tr("earlier copies of your log kept beside it ({0})").format(len(copies))
            )
        what = self.tr(
            "This deletes, from this computer, for good:\n{0}\n\n"
            "Kept: the folder {1}, your own routine files and your settings.\n\n"
            "To keep a copy, export your log first."
        ).format("\n".join(f"• {item}" for item in items), self.paths.data_dir)
        if not self.dialogs.confirm_delete(what):
            self._say(self.tr("Nothing was deleted."))
            return
        try:
            erased = erase_everything(self.log, self.keeper, self.paths.database)
        except (OSError, sqlite3.Error) as trouble:
            self.prompt.inform(
                self.tr("Not everything was deleted"),
                self.tr("Deleting stopped with an error:\n{0}").format(trouble),
            )
            self._say(self.tr("Deleting stopped with an error: {0}").format(trouble))
            self.log_replaced.emit()
            return
        message = self.tr(
            "Deleted {0} and {1} from your log, {2} and {3} of your log.\n\n"
            "The folder {4} is still there, with an empty log, your own routine files and "
            "your settings."
        ).format(
            _days(erased.days),
            _sessions(erased.sessions),
            _backups(erased.backups),
            _copies(erased.kept_copies),
            self.paths.data_dir,
        )
        self.prompt.inform(self.tr("Your data was deleted"), message)
        self._say(message.split("\n\n")[0])
        self.log_replaced.emit()

    def _open_backups(self) -> None:
        folder = self.keeper.folder if self.keeper.folder.is_dir() else self.paths.data_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
