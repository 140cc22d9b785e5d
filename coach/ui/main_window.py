"""The main window: navigation between the views, and nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coach import __version__
from coach.core.body_shapes import BodyShapes
from coach.core.clock import Clock
from coach.core.library import RoutineLibrary
from coach.core.regions import RegionCatalogue
from coach.paths import Paths
from coach.services.audio import AudioService
from coach.services.library_watch import LibraryWatcher
from coach.services.session_sound import SessionSound
from coach.services.settings import Settings
from coach.services.speech import SpeechService
from coach.store.repository import LogRepository
from coach.ui.body_map_view import BodyMapView
from coach.ui.later_view import LaterView
from coach.ui.prompt import DialogPrompt, Prompt
from coach.ui.routines_view import RoutinesView
from coach.ui.safety_dialog import SafetyDialog
from coach.ui.session_page import SessionPage
from coach.ui.settings_view import SettingsView
from coach.ui.today_view import TodayView
from coach.ui.trends_view import TrendsPage


class MainWindow(QMainWindow):
    """Unknot's window: a navigation list on the left, the chosen view on the right."""

    def __init__(
        self,
        *,
        paths: Paths,
        catalogue: RegionCatalogue,
        library: RoutineLibrary,
        log: LogRepository,
        shapes: BodyShapes | None = None,
        sound: SessionSound | None = None,
        audio: AudioService | None = None,
        speech: SpeechService | None = None,
        settings: Settings | None = None,
        library_watcher: LibraryWatcher | None = None,
        clock: Clock | None = None,
        prompt: Prompt | None = None,
    ) -> None:
        super().__init__()
        self.log = log
        self.setWindowTitle(self.tr("Unknot"))
        self.resize(1100, 720)
        self.prompt: Prompt = prompt if prompt is not None else DialogPrompt(self)
        self._was_maximized = False
        self._return_row = 1  # where a session goes back to: the view it was started from
        self.today = TodayView(log, catalogue)
        self.routines = RoutinesView(library, catalogue, library_watcher)
        self.settings = SettingsView(paths, audio=audio, speech=speech, settings=settings)
        self.trends = TrendsPage(log, library)  # builds the charts (pyqtgraph) when first shown
        self.session = SessionPage(
            catalogue=catalogue,
            log=log,
            sound=sound or SessionSound(audio, speech),
            clock=clock,
            shapes=shapes,
        )
        # without the artwork (it could not be read) the body map says so; the rest works
        self.body_map: BodyMapView | None = None
        body_map_page: QWidget = LaterView(
            self.tr("Body map"),
            self.tr(
                "The body map's drawing could not be loaded, so this view is not available. "
                "Reinstalling Unknot should bring it back; everything else works as usual."
            ),
        )
        if shapes is not None:
            self.body_map = BodyMapView(
                log,
                catalogue,
                shapes,
                routines=lambda: [entry.routine for entry in self.routines.scan.entries],
            )
            self.body_map.start_requested.connect(self.start_routine)
            body_map_page = self.body_map
        views: list[tuple[str, QWidget]] = [
            (self.tr("Today"), self.today),
            (self.tr("Routines"), self.routines),
            (self.tr("Body map"), body_map_page),
            (self.tr("Trends"), self.trends),
            (self.tr("Settings"), self.settings),
        ]
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Views"))
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        for number, (title, view) in enumerate(views, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(title, number))
            self.nav.addItem(item)
            self.stack.addWidget(view)
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, row=number - 1: self.nav.setCurrentRow(row))
            self.addAction(action)
        self.stack.addWidget(self.session)  # reached from Routines, not from the list
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.session.closed.connect(self._session_closed)
        self.routines.start_requested.connect(self.start_routine)
        self.session.eyes_closed_changed.connect(self._eyes_closed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        # the status bar speaks for the view on screen (a view may offer `status_text`)
        self.routines.status_changed.connect(lambda _text: self._show_status())
        self.trends.status_changed.connect(lambda _text: self._show_status())
        self.stack.currentChanged.connect(lambda _index: self._show_status())
        self.routines.refresh()
        self.nav.setCurrentRow(0)
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        reload_action = file_menu.addAction(self.tr("&Reload routines"))
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_action.triggered.connect(self.routines.refresh)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        doctor = help_menu.addAction(self.tr("&When to see a doctor"))
        doctor.setShortcut(QKeySequence.StandardKey.HelpContents)
        doctor.triggered.connect(self.show_safety)
        about = help_menu.addAction(self.tr("&About Unknot"))
        about.triggered.connect(self._about)

    def show_safety(self, *, first_run: bool = False) -> None:
        """The "When to see a doctor" page."""
        SafetyDialog(self, first_run=first_run).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Unknot"),
            self.tr(
                "<b>Unknot {0}</b><p>A relaxation and self-care coach for people who live with "
                "chronic pain. It is not a treatment and does not replace a doctor.</p>"
                "<p>Your data stays on this computer.</p>"
            ).format(__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the day being edited first; if that fails, ask before closing and losing it."""
        self.session.stop()  # a session under way is recorded as stopped
        marks_saved = self.body_map is None or self.body_map.flush()
        if self.today.flush() and marks_saved:
            event.accept()
            return
        close, stay = self.tr("Close without saving"), self.tr("Stay open")
        choice = self.prompt.choose(
            self.tr("Your last changes are not saved"),
            self.tr(
                "Unknot could not save your latest changes to the log:\n\n{0}\n\n"
                "If you stay, they remain on screen and Unknot tries again when you change "
                "something."
            ).format(self.today.problem or (self.body_map.problem if self.body_map else "")),
            [stay, close],
        )
        if choice == close:
            event.accept()
        else:
            event.ignore()

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        if self.session.is_playing():
            # leaving the player ends the session, recorded as stopped; say so rather than surprise
            self.session.stop()
        self.stack.setCurrentIndex(row)

    def start_routine(self, routine_id: str) -> None:
        """Open the screen before starting a routine (from the library or the body map)."""
        entry = self.routines.scan.find(routine_id)
        if entry is None:
            return
        if self.nav.currentRow() >= 0:
            self._return_row = self.nav.currentRow()  # the session ends back where it began
        self.session.prepare(entry.routine)
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self.session)
        self.session.setFocus()

    def _session_closed(self) -> None:
        self.nav.setCurrentRow(self._return_row)

    def _eyes_closed(self, closed: bool) -> None:
        """Full screen with nothing but the dimmed guidance, or back to the normal window."""
        for chrome in (self.nav, self.menuBar(), self.statusBar()):
            chrome.setVisible(not closed)
        if closed:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif self.isFullScreen():
            if self._was_maximized:
                self.showMaximized()
            else:
                self.showNormal()

    def _show_status(self) -> None:
        self.statusBar().showMessage(getattr(self.stack.currentWidget(), "status_text", ""))

    def bring_to_front(self) -> None:
        """Show the window above others (a second start of the app asks for this)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_routine(self, routine_id: str) -> None:
        """Open the Routines view on one routine."""
        self.nav.setCurrentRow(1)
        self.routines.select(routine_id)
