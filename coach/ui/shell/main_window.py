"""The main window: navigation between the views, and nothing else."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from coach.services.composition import Services
from coach.services.sound.sound_levels import SoundLevels
from coach.ui.body_map.body_map_view import BodyMapView
from coach.ui.common.appearance import Appearance
from coach.ui.common.prompt import DialogPrompt, Prompt
from coach.ui.library.routines_view import RoutinesView
from coach.ui.session.session_page import SessionPage
from coach.ui.session.sound_controls import SoundControls
from coach.ui.settings.settings_view import SettingsView
from coach.ui.shell.later_view import LaterView
from coach.ui.shell.menus import WindowMenus
from coach.ui.shell.window_size import fit_to_screen
from coach.ui.today.today_view import TodayView
from coach.ui.trends.trends_view import TrendsPage

if TYPE_CHECKING:
    from coach.core.routines.routine import Routine
    from coach.services.reminders import ReminderService


class View(enum.IntEnum):
    """The views in the navigation list, in its order (Ctrl+1 to Ctrl+5)."""

    TODAY = 0
    ROUTINES = 1
    BODY_MAP = 2
    TRENDS = 3
    SETTINGS = 4


class MainWindow(QMainWindow):
    """Unknot's window: a navigation list on the left, the chosen view on the right.

    Made with the app's services, whose log is open; the views are built at once (Trends builds
    its charts when first shown). The app shows `OpeningFrame` while the log is opened.
    """

    def __init__(self, services: Services, *, prompt: Prompt | None = None) -> None:
        super().__init__()
        self.services = services
        self.paths = services.paths
        self.log = services.log
        self.preferences = services.settings  # the stored settings (the last routine started)
        self.setWindowTitle(self.tr("Unknot"))
        fit_to_screen(self, self.preferences)  # the app puts it where the opening frame was
        self.prompt: Prompt = prompt if prompt is not None else DialogPrompt(self)
        self._was_maximized = False
        self._return_to = View.ROUTINES  # where a session goes back to: the view it started from
        titles = {
            View.TODAY: self.tr("Today"),
            View.ROUTINES: self.tr("Routines"),
            View.BODY_MAP: self.tr("Body map"),
            View.TRENDS: self.tr("Trends"),
            View.SETTINGS: self.tr("Settings"),
        }
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Views"))
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.nav.setObjectName("views")
        # the list of views shows when it has the keyboard: an outline in the highlight colour
        # (the same width when it has not, so nothing moves)
        self.nav.setStyleSheet(
            "QListWidget#views { border: 3px solid transparent; }"
            "QListWidget#views:focus { border: 3px solid palette(highlight); }"
        )
        for view in View:
            item = QListWidgetItem(titles[view])
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(titles[view], view + 1))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self._build_views(services)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.menus = WindowMenus(self, services)  # File and Help
        self._add_shortcuts()
        self._connect()
        self.nav.setCurrentRow(View.TODAY)
        self.nav.setFocus()

    def _build_views(self, services: Services) -> None:
        catalogue, routines, log = services.catalogue, services.routines, services.log
        editor = services.day_editor
        self.today = TodayView(log, catalogue, services.today, editor=editor)
        self.routines = RoutinesView(routines, catalogue)
        levels: SoundLevels = services.sound_levels
        narration = services.narration  # the built-in voice, or the system voice
        self.settings = SettingsView(
            services.paths,
            audio=services.audio,
            speech=narration,
            settings=services.settings,
            log=log,
            prompt=self.prompt,
            narration=narration,
            levels=levels,
        )
        self.trends = TrendsPage(log, routines, services.today)  # charts built when first shown
        self.session = SessionPage(
            catalogue=catalogue,
            log=log,
            sound=services.sound,
            clock=services.clock,
            shapes=services.shapes,
            hearing=services.hearing,
        )
        self.session.player.set_sound_controls(SoundControls(levels, narration))
        # reduced motion (Settings) stills the player's pacer and countdown
        appearance = Appearance.for_app()
        self.session.player.set_reduced_motion(appearance.reduced_motion)
        appearance.reduced_motion_changed.connect(self.session.player.set_reduced_motion)
        # without the artwork (it could not be read) the body map says so; the rest works
        self.body_map: BodyMapView | None = None
        body_map_page: QWidget = LaterView(
            self.tr("Body map"),
            self.tr(
                "The body map's drawing could not be loaded, so this view is not available. "
                "Reinstalling Unknot should bring it back; everything else works as usual."
            ),
        )
        if services.shapes is not None:
            self.body_map = BodyMapView(
                log, catalogue, services.shapes, routines, services.today, editor=editor
            )
            body_map_page = self.body_map
        pages = {
            View.TODAY: self.today,
            View.ROUTINES: self.routines,
            View.BODY_MAP: body_map_page,
            View.TRENDS: self.trends,
            View.SETTINGS: self.settings,
        }
        for view in View:
            self.stack.addWidget(pages[view])
        self.stack.addWidget(self.session)  # reached from Routines, not from the list

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.session.closed.connect(self._session_closed)
        self.session.started.connect(self._remember_routine)
        self.session.eyes_closed_changed.connect(self._eyes_closed)
        # a session is in the log from its start: the day's list of sessions shows it
        self.session.session_logged.connect(self.services.day_editor.session_logged)
        self.routines.start_requested.connect(self.start_routine)
        if self.body_map is not None:
            self.body_map.start_requested.connect(self.start_routine)
        if self.settings.data is not None:  # restored or deleted: the open day is read again
            self.settings.data.log_replaced.connect(self.services.day_editor.reload)
        # the status bar speaks for the view on screen (a view may offer `status_text`)
        self.routines.status_changed.connect(lambda _text: self._show_status())
        self.trends.status_changed.connect(lambda _text: self._show_status())
        self.stack.currentChanged.connect(lambda _index: self._show_status())

    def show_view(self, view: View) -> None:
        """Put `view` on screen (as choosing it in the list does)."""
        self.nav.setCurrentRow(view)

    def current_view(self) -> View | None:
        """The view chosen in the list (None while a session is on screen)."""
        row = self.nav.currentRow()
        return View(row) if row >= 0 else None

    def _add_shortcuts(self) -> None:
        """Ctrl+1 to Ctrl+5 for the views (the menus set their own keys)."""
        for view in View:
            action = QAction(self.nav.item(view).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{view + 1}"))
            action.triggered.connect(lambda _=False, view=view: self.show_view(view))
            self.addAction(action)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the day being edited first; if that fails, ask before closing and losing it."""
        self.session.stop()  # a session under way is recorded as stopped
        editor = self.services.day_editor
        if editor.flush():
            event.accept()
            return
        close, stay = self.tr("Close without saving"), self.tr("Stay open")
        choice = self.prompt.choose(
            self.tr("Your last changes are not saved"),
            self.tr(
                "Unknot could not save your latest changes to the log:\n\n{0}\n\n"
                "If you stay, they remain on screen and Unknot tries again when you change "
                "something."
            ).format(editor.problem),
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
        # no current row, set as the view's own (so tabbing into the list later does not pick
        # the first view, which would end the session)
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentIndex(self.nav.model().index(-1, 0))
        self.nav.blockSignals(False)

    def start_routine(self, routine_id: str) -> None:
        """Open the screen before starting a routine (from the library or the body map)."""
        entry = self.services.routines.find(routine_id)
        if entry is None:
            return
        current = self.current_view()
        if current is not None:
            self._return_to = current  # the session ends back where it began
        self.session.prepare(entry.routine)
        self._clear_nav()
        self.stack.setCurrentWidget(self.session)
        self.session.focus_screen()  # Start, so Return starts and Esc goes back

    def _session_closed(self) -> None:
        if self.session.record is not None:  # the day's list of sessions shows it
            self.services.day_editor.session_logged(self.session.record.day)
        self.show_view(self._return_to)

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
        self.show_view(View.TODAY)
        self.today.open_today()

    def show_body_map(self) -> None:
        """Bring the window up on the body map, on today."""
        self.bring_to_front()
        self.show_view(View.BODY_MAP)
        if self.body_map is not None:
            self.body_map.open_today()

    def last_routine(self) -> Routine | None:
        """The routine last started, if it is still in the library."""
        if self.preferences is None or not self.preferences.last_routine:
            return None
        entry = self.services.routines.find(self.preferences.last_routine)
        return entry.routine if entry is not None else None

    def start_last_routine(self) -> None:
        """Bring the window up on the routine last started (or on Routines, if none)."""
        self.bring_to_front()
        routine = self.last_routine()
        if routine is None:
            self.show_view(View.ROUTINES)
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
        if self.services.routines.find(routine_id) is not None:
            self.start_routine(routine_id)

    def show_routine(self, routine_id: str) -> None:
        """Open the Routines view on one routine."""
        self.show_view(View.ROUTINES)
        self.routines.select(routine_id)
