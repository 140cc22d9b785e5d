"""The Settings view: sound and voice, and where your data lives (with buttons to open it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.paths import Paths
from coach.ui.common.text import heading
from coach.ui.settings.appearance_settings import AppearanceSettings
from coach.ui.settings.data_settings import DataSettings
from coach.ui.settings.reminder_settings import ReminderSettings

if TYPE_CHECKING:
    from coach.services.reminders import ReminderService
    from coach.services.settings import Settings
    from coach.services.sound.audio import AudioService
    from coach.services.sound.narration import NarrationVoice
    from coach.services.sound.sound_levels import SoundLevels
    from coach.services.sound.speech import SpeechService
    from coach.store.repository import LogRepository
    from coach.ui.common.prompt import Prompt


class SettingsView(QWidget):
    """Sound and voice settings, then the data folder and the session folders.

    The services are optional: None means "not available here", and the sound section says so.
    """

    def __init__(
        self,
        paths: Paths,
        *,
        audio: AudioService | None = None,
        speech: SpeechService | NarrationVoice | None = None,
        settings: Settings | None = None,
        log: LogRepository | None = None,
        reminders: ReminderService | None = None,
        prompt: Prompt | None = None,
        narration: NarrationVoice | None = None,
        levels: SoundLevels | None = None,
    ) -> None:
        super().__init__()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(QLabel(self.tr("<h2>Settings</h2>")))

        layout.addWidget(heading(self.tr("Sound and voice")))
        if audio is not None:
            from coach.ui.settings.sound_settings import SoundSettings

            self.sound: QWidget = SoundSettings(
                audio, speech, settings, narration=narration, levels=levels
            )
        else:
            self.sound = QLabel(
                self.tr(
                    "Sound is not set up in this window; cues and guidance are shown on screen."
                )
            )
        layout.addWidget(self.sound)
        layout.addSpacing(16)
        self.appearance = AppearanceSettings(settings)
        layout.addWidget(self.appearance)
        layout.addSpacing(16)
        self.reminders = ReminderSettings(settings, reminders)
        layout.addWidget(self.reminders)
        layout.addSpacing(16)

        layout.addWidget(heading(self.tr("Your data")))
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
        self.data = DataSettings(paths, log, prompt=prompt) if log is not None else None
        if self.data is not None:
            layout.addWidget(self.data)
        layout.addSpacing(16)
        layout.addWidget(self._diagnostics_row(paths))
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Settings"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _diagnostics_row(self, paths: Paths) -> QWidget:
        """ "Copy diagnostics": versions, the platform and the end of the diagnostics log (never
        health data) on the clipboard, to paste into a message to us."""
        from coach.diagnostics import diagnostics_text, log_file

        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        explained = QLabel(
            self.tr(
                "When something goes wrong, Unknot notes it in {0} (no ratings, notes or tags)."
            ).format(log_file(paths.data_dir))
        )
        explained.setWordWrap(True)
        self.diagnostics_status = QLabel()
        self.copy_diagnostics = QPushButton(self.tr("Copy diagnostics"))
        self.copy_diagnostics.setAccessibleName(
            self.tr("Copy diagnostics: versions and the diagnostics log, to the clipboard")
        )

        def copy() -> None:
            QGuiApplication.clipboard().setText(diagnostics_text(paths.data_dir))
            self.diagnostics_status.setText(self.tr("Copied; paste it into your message."))

        self.copy_diagnostics.clicked.connect(copy)
        box.addWidget(explained, 1)
        box.addWidget(self.diagnostics_status)
        box.addWidget(self.copy_diagnostics)
        return row

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
