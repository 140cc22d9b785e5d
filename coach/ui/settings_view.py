"""The Settings view: where your data lives, with buttons to open those folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coach.paths import Paths


class SettingsView(QWidget):
    """Shows the data folder and the session folders, each with an "Open" button."""

    def __init__(self, paths: Paths) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(QLabel(self.tr("<h2>Settings</h2>")))
        intro = QLabel(
            self.tr(
                "Everything Unknot keeps stays on this computer, in the folders below. "
                "Put your own session files in “Your routines”; they appear in Routines after F5."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        for label, folder in (
            (self.tr("Your data"), paths.data_dir),
            (self.tr("Your routines"), paths.user_sessions),
            (self.tr("Built-in routines"), paths.builtin_sessions),
        ):
            form.addRow(label, self._folder_row(label, folder))
        layout.addLayout(form)
        layout.addStretch(1)

    def _folder_row(self, label: str, folder: Path) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        path_label = QLabel(str(folder))
        path_label.setTextInteractionFlags(
            path_label.textInteractionFlags()
            | path_label.textInteractionFlags().TextSelectableByMouse
        )
        button = QPushButton(self.tr("Open"))
        button.setAccessibleName(self.tr("Open {0} folder").format(label))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.addWidget(path_label, 1)
        box.addWidget(button)
        return row
