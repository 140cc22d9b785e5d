"""The composition root: builds the services once and hands them to the windows."""

from __future__ import annotations

import sys

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


def run_app(paths: Paths, open_routine: str | None = None) -> int:
    """Start the GUI and return its exit status."""
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
    return app.exec()
