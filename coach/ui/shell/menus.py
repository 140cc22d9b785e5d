"""The main window's menu bar: File (reload routines, the report for a doctor, quit) and Help
(when to see a doctor, keyboard shortcuts, about), with their standard keys.

`WindowMenus` builds the menus on the window it is given and opens what they offer; the window
keeps it as `window.menus`. The dialogs are imported when first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from coach import __version__
from coach.services.composition import Services

if TYPE_CHECKING:
    from coach.ui.shell.main_window import MainWindow


class WindowMenus(QObject):
    """The File and Help menus of `window`, their actions (`reload_action`, `report_action`,
    `quit_action`, `doctor_action`, `shortcuts_action`, `about_action`) and what they open."""

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.main_window = window
        self.services = services
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.reload_action = file_menu.addAction(self.tr("&Reload routines"))
        self.reload_action.triggered.connect(self.reload_routines)
        self.report_action = file_menu.addAction(self.tr("Re&port for your doctor…"))
        self.report_action.triggered.connect(self.open_report)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.triggered.connect(window.quit)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.doctor_action = help_menu.addAction(self.tr("&When to see a doctor"))
        self.doctor_action.triggered.connect(self.show_safety)
        self.shortcuts_action = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = help_menu.addAction(self.tr("&About Unknot"))
        self.about_action.triggered.connect(self.show_about)
        for action, key in (
            (self.reload_action, QKeySequence.StandardKey.Refresh),
            (self.report_action, QKeySequence.StandardKey.Print),
            (self.quit_action, QKeySequence.StandardKey.Quit),
            (self.doctor_action, QKeySequence.StandardKey.HelpContents),
        ):
            action.setShortcut(key)
        from coach.ui.shell.shortcuts_help import HELP_KEYS

        self.shortcuts_action.setShortcut(QKeySequence(HELP_KEYS))

    def reload_routines(self) -> None:
        """File › Reload routines: read the session files again."""
        self.services.routines.refresh()

    def open_report(self) -> None:
        """File › Report…: the clinician report, with its preview."""
        from coach.ui.body_map.body_figures import BodyFigures
        from coach.ui.report.report_dialog import ReportDialog
        from coach.ui.report.report_pdf import ReportLook

        self.services.day_editor.flush()  # the report shows what is on screen
        catalogue, shapes = self.services.catalogue, self.services.shapes
        figures = BodyFigures(catalogue, shapes) if shapes is not None else None
        look = ReportLook({r.id: r.name for r in catalogue.regions.values()}, figures)
        ReportDialog(self.services.log, look, parent=self.main_window).exec()

    def show_safety(self, *, first_run: bool = False) -> None:
        """Help › When to see a doctor."""
        from coach.ui.shell.safety_dialog import SafetyDialog

        SafetyDialog(self.main_window, first_run=first_run).exec()

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts."""
        from coach.ui.shell.shortcuts_help import ShortcutsDialog

        ShortcutsDialog(self.main_window).exec()

    def show_about(self) -> None:
        """Help › About Unknot: the version, what Unknot is and is not, and the voice's licence."""
        from coach.services.sound.piper_engine import VOICE_SOURCE

        QMessageBox.about(
            self.main_window,
            self.tr("About Unknot"),
            self.tr(
                "<b>Unknot {0}</b><p>A relaxation and self-care coach for people who live with "
                "chronic pain. It is not a treatment and does not replace a doctor.</p>"
                "<p>Your data stays on this computer.</p>"
                "<p>The guidance is spoken by the built-in voice “Joe” (en_US-joe-medium), "
                "made with Piper and released under CC0 (public domain) in the Piper voices "
                'collection: <a href="{1}">{1}</a>. It works offline.</p>'
            ).format(__version__, VOICE_SOURCE),
        )
