"""The composition root: builds the services once and hands them to the windows."""

from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coach import __version__
from coach.log_opening import open_log
from coach.paths import Paths

logger = logging.getLogger("unknot")
__all__ = ["build_library", "open_log", "run_app"]

# Everything else is imported where it is used: the window appears before the log is opened,
# the routines are read and the body map's drawing is parsed (see `run_app`).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from coach.core.library import RoutineLibrary
    from coach.core.regions import RegionCatalogue
    from coach.services.audio import AudioService
    from coach.services.narration import NarrationVoice
    from coach.services.neural_voice import NeuralVoice
    from coach.services.settings import Settings
    from coach.services.single_instance import SingleInstance
    from coach.services.speech import SpeechService
    from coach.store.repository import LogRepository
    from coach.ui.main_window import MainWindow


def build_library(paths: Paths, catalogue: RegionCatalogue) -> RoutineLibrary:
    """The built-in routines, then the person's own (which win on an id clash)."""
    from coach.core.library import RoutineLibrary, RoutineSource

    return RoutineLibrary(
        [
            RoutineSource("built-in", paths.builtin_sessions),
            RoutineSource("yours", paths.user_sessions),
        ],
        catalogue,
    )


def choose_voice(
    settings: Settings, speech: SpeechService, builtin: NeuralVoice | None
) -> NarrationVoice:
    """The voice handed to the sessions: the engine chosen in Settings, or the next best.

    `builtin` is the bundled neural voice (None where piper or the voice package is missing);
    the system voice is started only when it is chosen or the built-in one cannot speak.
    """
    from PySide6.QtCore import QCoreApplication

    from coach.services.narration import NarrationVoice

    if builtin is not None:  # what a failing system voice gives way to
        speech.fallback = QCoreApplication.translate("SpeechService", "using the built-in voice")
    return NarrationVoice(settings.voice_engine, system=speech, builtin=builtin)


@dataclass
class _Running:
    """What start-up opened, closed again on the way out (whatever got that far)."""

    started: float
    shown_at: float | None = None
    ready_at: float | None = None
    log: LogRepository | None = None
    audio: AudioService | None = None
    neural: NeuralVoice | None = None
    speech: SpeechService | None = None
    instance: SingleInstance | None = None

    def close(self) -> None:
        if self.neural is not None:
            self.neural.close()  # ends the narration worker (after the sentence it renders)
        if self.speech is not None:
            self.speech.close()  # the system voice's helper process: killed if it hangs
        if self.audio is not None:
            self.audio.close()  # waits for simpleaudio's playback threads before Python shuts down
        if self.instance is not None:
            self.instance.close()
        if self.log is not None:
            self.log.close()


def run_app(paths: Paths, open_routine: str | None = None, *, self_test: bool = False) -> int:
    """Start the GUI and return its exit status.

    The window is shown first, with nothing but its frame and "Opening your log…"; once it is on
    screen the log is opened, the routines read, the body map's drawing parsed and the views built.

    With `self_test`, open the main window, wait until it is really shown and filled in, and exit 0
    (or 1 if it never is): a smoke test for installs and bundles.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from coach.services.settings import Settings
    from coach.ui.main_window import MainWindow

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
        QMessageBox.critical(None, "Unknot cannot start", f"Unknot could not start:\n\n{exc}")
        return 2
    from coach.diagnostics import (
        install_crash_handler,
        start_logging,
        stop_logging,
        uninstall_crash_handler,
    )

    log_path = start_logging(paths.data_dir)
    logger.info(
        "settings: sound output %s, theme %s, text size %.2f",
        settings.audio_backend,
        settings.theme,
        settings.text_scale,
    )
    appearance = None  # the default appearance needs nothing before the window shows
    if (settings.theme, settings.text_scale, settings.reduced_motion) != ("system", 1.0, False):
        from coach.ui.appearance import Appearance

        appearance = Appearance.for_app(app)
        appearance.apply_settings(settings)  # before the first paint: no flash of the wrong theme
    if not self_test:
        from coach.services.single_instance import SingleInstance, instance_key

        running.instance = SingleInstance(instance_key(paths.data_dir))
        if running.instance.ask_running_to_show():
            sys.stdout.write("Unknot is already running; its window was brought to the front.\n")
            return 0
    window = MainWindow(paths=paths)
    crash = _CrashDialog(window)
    install_crash_handler(log_path, crash.told.emit)
    from coach.ui.window_size import SizeKeeper, fit_to_screen

    fit_to_screen(window, settings)  # within this screen, as it was last left
    app.aboutToQuit.connect(SizeKeeper(window, settings).remember)
    if appearance is not None:
        appearance.watch(window)  # scaled text follows the desktop's font

    def shown() -> None:
        running.shown_at = time.monotonic()
        status = _fill_in(app, window, paths, settings, running, open_routine, self_test)
        if status is not None:
            app.exit(status)

    _when_on_screen(window, shown)
    if settings.window_maximized:
        window.showMaximized()
    else:
        window.show()
    try:
        return _self_test(app, window, running) if self_test else app.exec()
    finally:
        running.close()
        uninstall_crash_handler()
        logger.info("Unknot stopped")
        stop_logging()


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
    window: MainWindow,
    paths: Paths,
    settings: Settings,
    running: _Running,
    open_routine: str | None,
    self_test: bool,
) -> int | None:
    """The rest of start-up, with the window on screen; an exit status if the app must stop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from coach.core.body_shapes import BodyShapes, load_body_shapes
    from coach.core.narration import NarrationCache
    from coach.core.problems import FileProblems
    from coach.core.regions import load_catalogue
    from coach.services.audio import AudioService, backend_order
    from coach.services.library_watch import LibraryWatcher
    from coach.services.neural_voice import NeuralVoice
    from coach.services.speech import SpeechService
    from coach.ui.prompt import DialogPrompt

    if not window.isVisible():
        return None  # closed while it was opening
    try:
        catalogue = load_catalogue(paths.region_catalogue)
    except (FileProblems, OSError) as exc:
        QMessageBox.critical(window, "Unknot cannot start", f"Unknot could not start:\n\n{exc}")
        return 2
    log = running.log = open_log(paths, DialogPrompt(window))
    if log is None:
        return 1
    log.on_warning = lambda message: _warn(window, message)
    if running.instance is not None:
        running.instance.listen()
    library = build_library(paths, catalogue)
    shapes: BodyShapes | None = None
    try:
        shapes = load_body_shapes(paths.assets / "body_map.svg", catalogue)
    except FileProblems as exc:  # the body map says it is unavailable; the rest works
        sys.stderr.write(f"The body map is not available:\n{exc}\n")
    audio = running.audio = AudioService()
    audio.cue_volume = settings.cue_volume
    audio.voice_volume = settings.voice_volume
    audio.muted = settings.muted
    # the bundled neural voice narrates (its model loads in a worker when first needed); the
    # system voice is an option, started (in its own process) only when it may be used
    neural = running.neural = NeuralVoice(audio, NarrationCache(paths.narration_cache))
    speech = running.speech = SpeechService()
    narration = choose_voice(settings, speech, neural)
    narration.rate = settings.speech_rate
    narration.volume = settings.voice_volume
    narration.muted = settings.muted
    speech.set_voice(settings.voice)  # applied once the engine has started
    window.attach(
        catalogue=catalogue,
        library=library,
        log=log,
        shapes=shapes,
        library_watcher=LibraryWatcher.for_library(library),
        audio=audio,
        speech=narration,
        settings=settings,
        narration=narration,
    )
    running.ready_at = time.monotonic()
    if running.instance is not None:
        running.instance.show_requested.connect(window.bring_to_front)
    if open_routine:
        # `coach play ID`: the screen before starting it, Start focused (Return starts)
        window.open_routine(open_routine)

    def start_sound() -> None:
        # just after the window is painted: reading the cues and, on Linux, reaching
        # speech-dispatcher (up to 2 s when it must be spawned) would otherwise hold the window back
        audio.start(paths.assets / "sounds", backend_order(settings.audio_backend))
        logger.info("sound output: %s", audio.backend_name)
        neural.start()  # only checks that piper and the voice are installed: the model loads later
        if narration.needs_system_voice():
            speech.start()  # in its own process: a wedged speech daemon never blocks the window
        logger.info("voice engine chosen: %s", narration.engine)

    if not self_test:
        QTimer.singleShot(300, start_sound)
    if not self_test:
        _start_reminders(app, window, settings, log)
        # first run: a welcome, the safety page, and an offer of a first step
        from coach.ui.first_run import offer_first_run

        offer_first_run(window, paths, settings)
    return None


def _CrashDialog(window: MainWindow) -> Any:  # noqa: N802 - builds the Qt class lazily
    """A small object whose `told` signal, emitted from any thread, shows the crash dialog on
    the main thread (non-blocking, so the app goes on where it can)."""
    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtWidgets import QMessageBox

    class CrashDialog(QObject):
        told = Signal(str)

        def show(self, text: str) -> None:
            box = QMessageBox(
                QMessageBox.Icon.Critical, "Unknot: something went wrong", text, parent=window
            )
            box.setObjectName("crash-dialog")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    dialog = CrashDialog(window)
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
    from coach.ui.tray import Tray, connect_tray, tray_available

    if not tray_available():
        return
    tray = Tray(parent=window)
    reminders = ReminderService.for_app(settings, log, parent=window)
    connect_tray(tray, reminders, window, app)
    tray.show()
    reminders.start()


def _self_test(app: Any, window: Any, running: _Running) -> int:
    """Exit 0 once the window is on screen and filled in, 1 after 20 s without it.

    Says how long it took from `run_app`, and from the launch of the process when the launcher
    put its `time.monotonic_ns()` in COACH_LAUNCHED_AT (benchmarks/startup.py does).
    """
    from PySide6.QtCore import QTimer

    poll = QTimer()
    poll.setInterval(5)
    launched = os.environ.get("COACH_LAUNCHED_AT", "")

    def check() -> None:
        if running.shown_at is not None and running.ready_at is not None and window.isVisible():
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
