"""The composition root: builds the services once and hands them to the windows."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coach import __version__
from coach.log_opening import open_log
from coach.paths import Paths

# The composition root is coach.services.composition (build_library and choose_voice are there
# too; they are named here for the callers that have always found them here).
from coach.services.composition import Services, build_library, build_services, choose_voice

logger = logging.getLogger("unknot")

# Everything else is imported where it is used: the window appears before the log is opened,
# the routines are read and the body map's drawing is parsed (see `run_app`).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from coach.services.settings import Settings
    from coach.services.single_instance import SingleInstance
    from coach.store.repository import LogRepository
    from coach.ui.shell.main_window import MainWindow
    from coach.ui.shell.opening_frame import OpeningFrame

__all__ = ["build_library", "build_services", "choose_voice", "open_log", "run_app"]


@dataclass
class _Running:
    """What start-up opened, closed again on the way out (whatever got that far)."""

    started: float
    shown_at: float | None = None
    ready_at: float | None = None
    services: Services | None = None
    frame: OpeningFrame | None = None
    window: MainWindow | None = None
    instance: SingleInstance | None = None
    crash_dialog: Any = None  # set once the diagnostics log and the crash handler are started
    collector: Any = None  # the IdleCollector: cycles collected from the event loop

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        if self.collector is not None:
            self.collector.stop()
        if self.services is not None:
            self.services.close()  # audio waits for simpleaudio's threads before Python ends
        if self.instance is not None:
            self.instance.close()
        # the windows go while the application is still there (not in whatever order Python's
        # shutdown would collect them)
        for window in (self.window, self.frame):
            if window is not None:
                window.deleteLater()
        self.window = self.frame = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_app(paths: Paths, open_routine: str | None = None, *, self_test: bool = False) -> int:
    """Start the GUI and return its exit status.

    The opening frame is shown first, saying "Opening your log…"; once it is on screen the log
    is opened, and the main window built on the services and shown in its place.

    With `self_test`, open the main window, wait until it is really shown and filled in, and exit 0
    (or 1 if it never is): a smoke test for installs and bundles.
    """
    from PySide6.QtWidgets import QApplication

    from coach.services.settings import Settings
    from coach.ui.shell.opening_frame import OpeningFrame
    from coach.ui.shell.window_size import fit_to_screen

    running = _Running(started=time.monotonic())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Unknot")
    app.setApplicationDisplayName("Unknot")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Unknot")
    app.setDesktopFileName("io.github.unknot.Unknot")  # matches packaging/linux/*.desktop
    try:
        paths.ensure()
        settings = Settings.for_paths(paths)
    except OSError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Unknot cannot start", f"Unknot could not start:\n\n{exc}")
        return 2
    appearance = None  # the default appearance needs nothing before the window shows
    if (settings.theme, settings.text_scale, settings.reduced_motion) != ("system", 1.0, False):
        from coach.ui.common.appearance import Appearance

        appearance = Appearance.for_app(app)
        appearance.apply_settings(settings)  # before the first paint: no flash of the wrong theme
    if not self_test:
        from coach.services.single_instance import SingleInstance, instance_key

        running.instance = SingleInstance(instance_key(paths.data_dir))
        # the first start takes a lock file and goes on; only a later one asks the running app
        if not running.instance.claim() and running.instance.ask_running_to_show():
            sys.stdout.write("Unknot is already running; its window was brought to the front.\n")
            return 0
    services = running.services = build_services(paths, settings)
    frame = running.frame = OpeningFrame()
    fit_to_screen(frame, settings)  # within this screen, as the window was last left

    def shown() -> None:
        from coach.services.idle_gc import IdleCollector

        running.shown_at = time.monotonic()
        _start_diagnostics(running, paths, settings)
        # a collection tripped inside a call into Qt can deadlock in ~QObject: collect from
        # the event loop instead (coach/services/idle_gc.py)
        running.collector = IdleCollector()
        running.collector.start()
        status = _fill_in(app, frame, services, running, open_routine, self_test)
        if status is not None:
            app.exit(status)
        elif appearance is not None and running.window is not None:
            appearance.watch(running.window)  # scaled text follows the desktop's font

    _when_on_screen(frame, shown)
    if settings.window_maximized:
        frame.showMaximized()
    else:
        frame.show()
    try:
        return _self_test(app, running) if self_test else app.exec()
    finally:
        running.close()
        if running.crash_dialog is not None:
            from coach.diagnostics import stop_logging, uninstall_crash_handler

            uninstall_crash_handler()
            logger.info("Unknot stopped")
            stop_logging()


def _start_diagnostics(running: _Running, paths: Paths, settings: Settings) -> None:
    """The diagnostics log and the crash dialog, started once the first frame is on screen
    (their imports would hold it back; until the event loop runs, nothing can crash unseen)."""
    from coach.diagnostics import install_crash_handler, start_logging

    log_path = start_logging(paths.data_dir)
    logger.info(
        "settings: sound output %s, theme %s, text size %.2f",
        settings.audio_backend,
        settings.theme,
        settings.text_scale,
    )
    # told from any thread, shown on the main thread over whichever window is up
    crash = _CrashDialog(lambda: running.window or running.frame)
    install_crash_handler(log_path, crash.told.emit)
    running.crash_dialog = crash


def _when_on_screen(window: Any, then: Any) -> None:
    """Call `then` once, just after the window was first exposed (and so painted)."""
    from PySide6.QtCore import QTimer

    poll = QTimer(window)
    poll.setInterval(5)

    def check() -> None:
        handle = window.windowHandle()
        exposed = handle is not None and handle.isExposed()
        # a window that is never exposed (started minimised, on another desktop) goes on after 1 s
        if exposed or time.monotonic() - started > 1.0:
            poll.stop()
            QTimer.singleShot(0, then)  # after the expose event has painted the window

    started = time.monotonic()
    poll.timeout.connect(check)
    poll.start()


def _fill_in(
    app: QApplication,
    frame: OpeningFrame,
    services: Services,
    running: _Running,
    open_routine: str | None,
    self_test: bool,
) -> int | None:
    """The rest of start-up, with the frame on screen; an exit status if the app must stop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from coach.core.routines.problems import FileProblems
    from coach.ui.common.prompt import DialogPrompt
    from coach.ui.shell.main_window import MainWindow
    from coach.ui.shell.window_size import SizeKeeper

    if not frame.isVisible():
        return None  # closed while it was opening
    try:
        services.catalogue  # noqa: B018 - read now: without it nothing works
    except (FileProblems, OSError) as exc:
        QMessageBox.critical(frame, "Unknot cannot start", f"Unknot could not start:\n\n{exc}")
        return 2
    log = open_log(services.paths, DialogPrompt(frame))
    if log is None:
        return 1
    services.set_log(log)
    if running.instance is not None:
        running.instance.listen()
    window = running.window = MainWindow(services)
    log.on_warning = lambda message: _warn(window, message)
    settings = services.settings
    if settings is not None:
        app.aboutToQuit.connect(SizeKeeper(window, settings).remember)
    frame.hand_over(window)
    running.ready_at = time.monotonic()
    # a session file changed on disk shows everywhere (once the window is filled in)
    QTimer.singleShot(0, services.routines.start_watching)
    if running.instance is not None:
        running.instance.show_requested.connect(window.bring_to_front)
    if open_routine:
        # `coach play ID`: the screen before starting it, Start focused (Return starts)
        window.open_routine(open_routine)
    if not self_test:
        # just after the window is painted: reading the cues and, on Linux, reaching
        # speech-dispatcher (up to 2 s when it must be spawned) would otherwise hold it back
        QTimer.singleShot(300, services.start_sound)
    if not self_test and settings is not None:
        _start_reminders(app, window, settings, log)
        # first run: a welcome, the safety page, and an offer of a first step
        from coach.ui.shell.first_run import offer_first_run

        offer_first_run(window, services.paths, settings)
    return None


def _CrashDialog(window: Callable[[], QWidget | None]) -> Any:  # noqa: N802 - Qt class made lazily
    """A small object whose `told` signal, emitted from any thread, shows the crash dialog on
    the main thread over the window then on screen (non-blocking, so the app goes on where it
    can)."""
    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtWidgets import QMessageBox

    class CrashDialog(QObject):
        told = Signal(str)

        def show(self, text: str) -> None:
            box = QMessageBox(
                QMessageBox.Icon.Critical, "Unknot: something went wrong", text, parent=window()
            )
            box.setObjectName("crash-dialog")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    dialog = CrashDialog()
    dialog.told.connect(dialog.show)
    return dialog


def _warn(window: MainWindow, message: str) -> None:
    """Tell the person something went wrong outside the app (their log's file was deleted),
    without blocking the save that noticed it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    logger.warning("%s", message)
    box = QMessageBox(QMessageBox.Icon.Warning, "Unknot", message, parent=window)
    box.setObjectName("log-file-warning")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _start_reminders(
    app: QApplication, window: MainWindow, settings: Settings, log: LogRepository
) -> None:
    """The tray icon and the daily reminder, where the desktop has a tray.

    Without one, nothing is made: Settings says that reminders need a tray.
    """
    from coach.services.reminders import ReminderService
    from coach.ui.shell.tray import Tray, connect_tray, tray_available

    if not tray_available():
        return
    tray = Tray(parent=window)
    reminders = ReminderService.for_app(settings, log, parent=window)
    connect_tray(tray, reminders, window, app)
    tray.show()
    reminders.start()


def _self_test(app: Any, running: _Running) -> int:
    """Exit 0 once the main window is on screen and filled in, 1 after 20 s without it.

    Says how long it took from `run_app`, and from the launch of the process when the launcher
    put its `time.monotonic_ns()` in COACH_LAUNCHED_AT (benchmarks/startup.py does).
    """
    from PySide6.QtCore import QTimer

    poll = QTimer()
    poll.setInterval(5)
    launched = os.environ.get("COACH_LAUNCHED_AT", "")

    def check() -> None:
        window = running.window
        if (
            running.shown_at is not None
            and running.ready_at is not None
            and window is not None
            and window.isVisible()
        ):
            shown, ready = running.shown_at - running.started, running.ready_at - running.started
            report = f"self-test ok: main window shown after {1000 * shown:.0f} ms, ready after {1000 * ready:.0f} ms"
            if launched.isdigit():
                since = (
                    running.started - int(launched) / 1e9
                )  # monotonic clocks agree on one machine
                report += f" (from launch: shown {1000 * (since + shown):.1f} ms, ready {1000 * (since + ready):.1f} ms)"
            sys.stdout.write(report + "\n")
            app.exit(0)
        elif time.monotonic() - running.started > 20:
            sys.stdout.write("self-test failed: the main window was not shown within 20 s\n")
            app.exit(1)

    poll.timeout.connect(check)
    poll.start()
    status = int(app.exec())
    poll.stop()
    return status
