"""The main window: navigation between the views, and nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach import __version__
from coach.paths import Paths
from coach.ui.prompt import DialogPrompt, Prompt
from coach.ui.window_size import fit_to_screen

if TYPE_CHECKING:  # the views are imported when the window is filled in: the window shows first
    from coach.core.body_shapes import BodyShapes
    from coach.core.clock import Clock
    from coach.core.library import RoutineLibrary
    from coach.core.regions import RegionCatalogue
    from coach.core.routine import Routine
    from coach.services.audio import AudioService
    from coach.services.library_watch import LibraryWatcher
    from coach.services.narration import NarrationVoice
    from coach.services.reminders import ReminderService
    from coach.services.session_sound import SessionSound
    from coach.services.settings import Settings
    from coach.services.speech import SpeechService
    from coach.store.repository import LogRepository
    from coach.ui.body_map_view import BodyMapView
    from coach.ui.routines_view import RoutinesView
    from coach.ui.session_page import SessionPage
    from coach.ui.settings_view import SettingsView
    from coach.ui.today_view import TodayView
    from coach.ui.trends_view import TrendsPage


class MainWindow(QMainWindow):
    """Unknot's window: a navigation list on the left, the chosen view on the right.

    Made with the log (and the rest), it builds its views at once. Made with `paths` alone it is
    an empty frame that says the log is opening, so it can be shown before anything slow happens;
    `attach` then builds the views.
    """

    log: LogRepository
    today: TodayView
    routines: RoutinesView
    settings: SettingsView
    trends: TrendsPage
    session: SessionPage
    body_map: BodyMapView | None

    def __init__(
        self,
        *,
        paths: Paths,
        catalogue: RegionCatalogue | None = None,
        library: RoutineLibrary | None = None,
        log: LogRepository | None = None,
        shapes: BodyShapes | None = None,
        sound: SessionSound | None = None,
        audio: AudioService | None = None,
        speech: SpeechService | NarrationVoice | None = None,
        settings: Settings | None = None,
        library_watcher: LibraryWatcher | None = None,
        clock: Clock | None = None,
        prompt: Prompt | None = None,
        narration: NarrationVoice | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.attached = False
        self.setWindowTitle(self.tr("Unknot"))
        fit_to_screen(self)  # app.py sizes it again as it was last left
        self.prompt: Prompt = prompt if prompt is not None else DialogPrompt(self)
        self._was_maximized = False
        self._return_row = 1  # where a session goes back to: the view it was started from
        self.body_map = None
        titles = [
            self.tr("Today"),
            self.tr("Routines"),
            self.tr("Body map"),
            self.tr("Trends"),
            self.tr("Settings"),
        ]
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Views"))
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.nav.setObjectName("views")
        self.stack = QStackedWidget()
        # Nothing in this frame, which appears first, touches a Qt enum or sets a shortcut: the
        # first to do so makes all of PySide6.QtCore.Qt's enums, about 15 ms. (So: centred by
        # stretches, plain text, and the shortcuts come with the views.)
        self.opening = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Opening your log…")))
        row.addStretch(1)
        opening = QVBoxLayout(self.opening)
        opening.addStretch(1)
        opening.addLayout(row)
        opening.addStretch(1)
        self.stack.addWidget(self.opening)
        for number, title in enumerate(titles, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(title, number))
            self.nav.addItem(item)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.nav.setFocus()
        if catalogue is not None and library is not None and log is not None:
            self.attach(
                catalogue=catalogue,
                library=library,
                log=log,
                shapes=shapes,
                sound=sound,
                audio=audio,
                speech=speech,
                settings=settings,
                library_watcher=library_watcher,
                clock=clock,
                narration=narration,
            )

    def attach(
        self,
        *,
        catalogue: RegionCatalogue,
        library: RoutineLibrary,
        log: LogRepository,
        shapes: BodyShapes | None = None,
        sound: SessionSound | None = None,
        audio: AudioService | None = None,
        speech: SpeechService | NarrationVoice | None = None,
        settings: Settings | None = None,
        library_watcher: LibraryWatcher | None = None,
        clock: Clock | None = None,
        narration: NarrationVoice | None = None,
    ) -> None:
        """Build the views on the open log (once), and show the one chosen in the list."""
        from coach.services.hearing import HearingCheck
        from coach.services.session_sound import SessionSound
        from coach.ui.appearance import Appearance
        from coach.ui.body_map_view import BodyMapView
        from coach.ui.later_view import LaterView
        from coach.ui.routines_view import RoutinesView
        from coach.ui.session_page import SessionPage
        from coach.ui.settings_view import SettingsView
        from coach.ui.sound_controls import SoundControls
        from coach.ui.today_view import TodayView
        from coach.ui.trends_view import TrendsPage

        assert not self.attached, "the views are built once"
        paths = self.paths
        self.log = log
        self._catalogue, self._shapes = catalogue, shapes  # for the report
        self.today = TodayView(log, catalogue)
        self.routines = RoutinesView(library, catalogue, library_watcher)
        self.settings = SettingsView(
            paths,
            audio=audio,
            speech=speech,
            settings=settings,
            log=log,
            prompt=self.prompt,
            narration=narration,
        )
        self.preferences = settings  # the stored settings (the last routine started)
        self.trends = TrendsPage(log, library)  # builds the charts (pyqtgraph) when first shown
        self.session = SessionPage(
            catalogue=catalogue,
            log=log,
            sound=sound or SessionSound(audio, narration or speech),
            clock=clock,
            shapes=shapes,
            hearing=HearingCheck(audio, narration or speech, self)
            if audio is not None or speech is not None
            else None,
        )
        if audio is not None or speech is not None:
            self.session.player.set_sound_controls(
                SoundControls(audio, speech, settings, narration)
            )
        # reduced motion (Settings) stills the player's pacer and countdown
        appearance = Appearance.for_app()
        self.session.player.set_reduced_motion(appearance.reduced_motion)
        appearance.reduced_motion_changed.connect(self.session.player.set_reduced_motion)
        # without the artwork (it could not be read) the body map says so; the rest works
        self.body_map = None
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
        views: list[QWidget] = [
            self.today,
            self.routines,
            body_map_page,
            self.trends,
            self.settings,
        ]
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        for view in views:
            self.stack.addWidget(view)
        self.stack.addWidget(self.session)  # reached from Routines, not from the list
        self.attached = True
        self._add_shortcuts()
        # the list of views shows when it has the keyboard: an outline in the highlight colour
        # (the same width when it has not, so nothing moves)
        self.nav.setStyleSheet(
            "QListWidget#views { border: 3px solid transparent; }"
            "QListWidget#views:focus { border: 3px solid palette(highlight); }"
        )
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.session.closed.connect(self._session_closed)
        self.session.started.connect(self._remember_routine)
        self.routines.start_requested.connect(self.start_routine)
        self.session.eyes_closed_changed.connect(self._eyes_closed)
        # the status bar speaks for the view on screen (a view may offer `status_text`)
        self.routines.status_changed.connect(lambda _text: self._show_status())
        self.trends.status_changed.connect(lambda _text: self._show_status())
        self.stack.currentChanged.connect(lambda _index: self._show_status())
        self.routines.refresh()
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        else:
            self._nav_changed(self.nav.currentRow())  # a view chosen while the log was opening

    def _add_shortcuts(self) -> None:
        """Ctrl+1 to Ctrl+5 for the views, and the menus' standard keys."""
        for row in range(self.nav.count()):
            action = QAction(self.nav.item(row).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, row=row: self.nav.setCurrentRow(row))
            self.addAction(action)
        for action, key in self._menu_keys:
            action.setShortcut(getattr(QKeySequence.StandardKey, key))
        from coach.ui.shortcuts_help import HELP_KEYS

        self.shortcuts_action.setShortcut(QKeySequence(HELP_KEYS))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        reload_action = file_menu.addAction(self.tr("&Reload routines"))
        reload_action.triggered.connect(self._reload_routines)
        report_action = file_menu.addAction(self.tr("Re&port for your doctor…"))
        report_action.triggered.connect(self.open_report)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.triggered.connect(self.quit)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        doctor = help_menu.addAction(self.tr("&When to see a doctor"))
        doctor.triggered.connect(self.show_safety)
        self.shortcuts_action = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        # QKeySequence.StandardKey names: the shortcuts are set with the views (_add_shortcuts)
        self._menu_keys = [
            (reload_action, "Refresh"),
            (report_action, "Print"),
            (quit_action, "Quit"),
            (doctor, "HelpContents"),
        ]
        about = help_menu.addAction(self.tr("&About Unknot"))
        about.triggered.connect(self._about)

    def open_report(self) -> None:
        """File › Report…: the clinician report, with its preview."""
        if not self.attached:
            return
        from coach.ui.body_figures import BodyFigures
        from coach.ui.report_dialog import ReportDialog
        from coach.ui.report_pdf import ReportLook

        self.today.flush()  # the report shows what is on screen
        catalogue = self._catalogue
        figures = BodyFigures(catalogue, self._shapes) if self._shapes is not None else None
        look = ReportLook({r.id: r.name for r in catalogue.regions.values()}, figures)
        ReportDialog(self.log, look, parent=self).exec()

    def _reload_routines(self) -> None:
        if self.attached:
            self.routines.refresh()

    def show_safety(self, *, first_run: bool = False) -> None:
        """The "When to see a doctor" page."""
        from coach.ui.safety_dialog import SafetyDialog

        SafetyDialog(self, first_run=first_run).exec()

    def show_shortcuts(self) -> None:
        """The "Keyboard shortcuts" page."""
        from coach.ui.shortcuts_help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def _about(self) -> None:
        from coach.services.piper_engine import VOICE_SOURCE

        QMessageBox.about(
            self,
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

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the day being edited first; if that fails, ask before closing and losing it."""
        if not self.attached:
            event.accept()
            return
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
        if row < 0 or not self.attached:
            return
        if self.session.is_playing():
            if self.session.player.eyes_closed and not self._stop_confirmed():
                self._clear_nav()  # eyes closed, a stray Ctrl+number: the session goes on
                return
            # leaving the player ends the session, recorded as stopped; say so rather than surprise
            self.session.stop()
        self.stack.setCurrentIndex(row)

    def _stop_confirmed(self) -> bool:
        """Eyes closed: ask before a session is ended by leaving it."""
        keep, stop = self.tr("Keep going"), self.tr("Stop the session")
        choice = self.prompt.choose(
            self.tr("Stop the session?"),
            self.tr("You are following this session with your eyes closed. Stop it here?"),
            [keep, stop],
        )
        return choice == stop

    def _clear_nav(self) -> None:
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentIndex(self.nav.model().index(-1, 0))
        self.nav.blockSignals(False)

    def start_routine(self, routine_id: str) -> None:
        """Open the screen before starting a routine (from the library or the body map)."""
        entry = self.routines.scan.find(routine_id)
        if entry is None:
            return
        if self.nav.currentRow() >= 0:
            self._return_row = self.nav.currentRow()  # the session ends back where it began
        self.session.prepare(entry.routine)
        # no current row, set as the view's own (so tabbing into the list later does not pick
        # the first view, which would end the session)
        self._clear_nav()
        self.stack.setCurrentWidget(self.session)
        self.session.focus_screen()  # Start, so Return starts and Esc goes back

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

    # -- from the tray and the first run ---------------------------------------------------------

    def quit(self) -> None:
        """Close the window (saving first) and end the app, even if reminders keep it in the tray."""
        if self.close():
            QApplication.quit()

    def log_today(self) -> None:
        """Bring the window up on today's log."""
        self.bring_to_front()
        if self.attached:
            self.nav.setCurrentRow(0)
            self.today.open_today()

    def show_body_map(self) -> None:
        """Bring the window up on the body map, on today."""
        self.bring_to_front()
        if self.attached:
            self.nav.setCurrentRow(2)
            if self.body_map is not None:
                self.body_map.open_today()

    def last_routine(self) -> Routine | None:
        """The routine last started, if it is still in the library."""
        if not self.attached or self.preferences is None or not self.preferences.last_routine:
            return None
        entry = self.routines.scan.find(self.preferences.last_routine)
        return entry.routine if entry is not None else None

    def start_last_routine(self) -> None:
        """Bring the window up on the routine last started (or on Routines, if none)."""
        self.bring_to_front()
        if not self.attached:
            return
        routine = self.last_routine()
        if routine is None:
            self.nav.setCurrentRow(1)
        elif not self.session.is_playing():
            self.start_routine(routine.id)

    def set_reminders(self, reminders: ReminderService) -> None:
        """Let Settings control the daily reminder (there is a tray to show it)."""
        self.settings.reminders.set_service(reminders)

    def _remember_routine(self, routine_id: str) -> None:
        if self.preferences is not None:
            self.preferences.last_routine = routine_id

    def open_routine(self, routine_id: str) -> None:
        """The screen before starting a routine, ready for Return (or Routines, if it is unknown)."""
        self.show_routine(routine_id)
        if self.routines.scan.find(routine_id) is not None:
            self.start_routine(routine_id)

    def show_routine(self, routine_id: str) -> None:
        """Open the Routines view on one routine."""
        self.nav.setCurrentRow(1)
        self.routines.select(routine_id)
