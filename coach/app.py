"""The composition root: builds the services once and hands them to the windows."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

from coach import __version__
from coach.core.body_shapes import BodyShapes, load_body_shapes
from coach.core.library import RoutineLibrary, RoutineSource
from coach.core.problems import FileProblems
from coach.core.regions import RegionCatalogue, load_catalogue
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.connection import CorruptDatabase, DatabaseTrouble
from coach.store.recovery import restore_newest, start_new
from coach.store.repository import LogRepository

if TYPE_CHECKING:
    from coach.ui.prompt import Prompt


def build_library(paths: Paths, catalogue: RegionCatalogue) -> RoutineLibrary:
    """The built-in routines, then the person's own (which win on an id clash)."""
    return RoutineLibrary(
        [
            RoutineSource("built-in", paths.builtin_sessions),
            RoutineSource("yours", paths.user_sessions),
        ],
        catalogue,
    )


def open_log(paths: Paths, prompt: Prompt) -> LogRepository | None:
    """Open the log; if it is damaged, keep it aside and offer the newest backup. None: quit."""
    keeper = BackupKeeper(paths.backups)
    try:
        return LogRepository.open(paths.database, keeper)
    except CorruptDatabase as trouble:
        backups = keeper.list()
        restore, fresh, quit_ = "Restore the backup", "Start a new, empty log", "Quit"
        newest = (
            f"The newest backup was taken on {backups[0].taken_at:%A %d %B %Y at %H:%M}."
            if backups
            else ""
        )
        text = (
            f"Unknot could not read your log:\n{trouble.path}\n\n{trouble.reason}.\n\n"
            "Nothing has been changed or deleted. Whatever you choose, the damaged file is kept "
            f"beside it under a new name, so it can still be rescued.\n\n{newest}"
        )
        options = [restore, fresh, quit_] if backups else [fresh, quit_]
        choice = prompt.choose("Your log could not be read", text, options)
        if choice not in (restore, fresh):
            return None
        recovery = (
            restore_newest(paths.database, keeper)
            if choice == restore
            else start_new(paths.database)
        )
        if recovery.restored is not None:
            outcome = f"Restored the backup of {recovery.restored.taken_at:%d %B %Y, %H:%M}."
        elif choice == restore:
            outcome = "No backup could be read either, so Unknot starts a new, empty log."
        else:
            outcome = "Unknot starts a new, empty log."
        prompt.inform("Your log", f"{outcome}\n\nThe damaged file was kept as:\n{recovery.kept_as}")
        return LogRepository.open(paths.database, keeper)
    except DatabaseTrouble as trouble:
        prompt.inform("Unknot cannot open your log", f"{trouble.path}\n\n{trouble.reason}.")
        return None


def run_app(paths: Paths, open_routine: str | None = None, *, self_test: bool = False) -> int:
    """Start the GUI and return its exit status.

    With `self_test`, open the main window, wait until it is really shown, and exit 0 (or 1 if it
    never appears): a smoke test for installs and bundles.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from coach.services.audio import AudioService, backend_order
    from coach.services.library_watch import LibraryWatcher
    from coach.services.settings import Settings
    from coach.services.single_instance import SingleInstance, instance_key
    from coach.services.speech import SpeechService
    from coach.ui.main_window import MainWindow
    from coach.ui.prompt import DialogPrompt

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Unknot")
    app.setApplicationDisplayName("Unknot")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Unknot")
    app.setDesktopFileName("unknot")
    try:
        paths.ensure()
        catalogue = load_catalogue(paths.region_catalogue)
    except (FileProblems, OSError) as exc:
        QMessageBox.critical(None, "Unknot cannot start", f"Unknot could not start:\n\n{exc}")
        return 2
    instance = SingleInstance(instance_key(paths.data_dir))
    if not self_test and instance.ask_running_to_show():
        sys.stdout.write("Unknot is already running; its window was brought to the front.\n")
        return 0
    log = open_log(paths, DialogPrompt())
    if log is None:
        return 1
    if not self_test:
        instance.listen()
    library = build_library(paths, catalogue)
    shapes: BodyShapes | None = None
    try:
        shapes = load_body_shapes(paths.assets / "body_map.svg", catalogue)
    except FileProblems as exc:  # the body map says it is unavailable; the rest works
        sys.stderr.write(f"The body map is not available:\n{exc}\n")
    settings = Settings.for_paths(paths)
    audio = AudioService()
    audio.cue_volume = settings.cue_volume
    audio.voice_volume = settings.voice_volume
    audio.muted = settings.muted
    speech = SpeechService()
    speech.rate = settings.speech_rate
    speech.volume = settings.voice_volume
    speech.muted = settings.muted
    speech.set_voice(settings.voice)  # applied once the engine has started
    window = MainWindow(
        paths=paths,
        catalogue=catalogue,
        library=library,
        log=log,
        shapes=shapes,
        library_watcher=LibraryWatcher.for_library(library),
        audio=audio,
        speech=speech,
        settings=settings,
    )
    instance.show_requested.connect(window.bring_to_front)
    if open_routine:
        window.show_routine(open_routine)
    window.show()

    def start_sound() -> None:
        # just after the window is painted: reading the cues and, on Linux, reaching
        # speech-dispatcher (up to 2 s when it must be spawned) would otherwise hold the window back
        audio.start(paths.assets / "sounds", backend_order(settings.audio_backend))
        speech.start()

    if not self_test:
        QTimer.singleShot(300, start_sound)
    seen_safety = paths.config_dir / "seen-safety-page"
    if not self_test and not seen_safety.exists():
        # first run: the safety page comes before anything else
        window.show_safety(first_run=True)
        paths.config_dir.mkdir(parents=True, exist_ok=True)
        seen_safety.write_text("The safety page was shown on first run.\n", encoding="utf-8")
    try:
        return _self_test(app, window, QTimer) if self_test else app.exec()
    finally:
        audio.close()  # waits for simpleaudio's playback threads before Python shuts down
        speech.close()
        instance.close()
        log.close()


def _self_test(app: Any, window: Any, timer_class: Any) -> int:
    """Exit 0 once the window is exposed on screen, 1 after 20 s without it."""
    started = time.monotonic()
    poll = timer_class()
    poll.setInterval(20)

    def check() -> None:
        if (
            window.isVisible()
            and window.windowHandle() is not None
            and window.windowHandle().isExposed()
        ):
            sys.stdout.write(
                f"self-test ok: main window shown after {1000 * (time.monotonic() - started):.0f} ms\n"
            )
            app.exit(0)
        elif time.monotonic() - started > 20:
            sys.stdout.write("self-test failed: the main window was not shown within 20 s\n")
            app.exit(1)

    poll.timeout.connect(check)
    poll.start()
    status = int(app.exec())
    poll.stop()
    return status
