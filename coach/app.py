"""The composition root: builds the services once and hands them to the windows."""

from __future__ import annotations

import sys
import time
from typing import Any

from coach import __version__
from coach.core.library import RoutineLibrary, RoutineSource
from coach.core.problems import FileProblems
from coach.core.regions import RegionCatalogue, load_catalogue
from coach.paths import Paths


def build_library(paths: Paths, catalogue: RegionCatalogue) -> RoutineLibrary:
    """The built-in routines, then the person's own (which win on an id clash)."""
    return RoutineLibrary(
        [
            RoutineSource("built-in", paths.builtin_sessions),
            RoutineSource("yours", paths.user_sessions),
        ],
        catalogue,
    )


def run_app(paths: Paths, open_routine: str | None = None, *, self_test: bool = False) -> int:
    """Start the GUI and return its exit status.

    With `self_test`, open the main window, wait until it is really shown, and exit 0 (or 1 if it
    never appears): a smoke test for installs and bundles.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from coach.ui.main_window import MainWindow

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
    window = MainWindow(paths=paths, catalogue=catalogue, library=build_library(paths, catalogue))
    if open_routine:
        window.show_routine(open_routine)
    window.show()
    if self_test:
        return _self_test(app, window, QTimer)
    return app.exec()


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
