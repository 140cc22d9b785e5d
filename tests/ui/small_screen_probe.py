"""Run by test_small_screen.py in a real X server: the window on a small screen, eyes closed.

Prints one JSON line: the screen's free area, the window's frame, and how dark the screen is with
eyes closed (a share of sampled pixels). Uses the test's data folders (COACH_DATA_DIR...).
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from coach.core.body.regions import load_catalogue
from coach.paths import Paths
from coach.services.composition import build_services
from coach.services.sound.session_sound import SessionSound
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from coach.ui.shell.main_window import MainWindow


def dark_share(app: QApplication) -> float:
    image = app.primaryScreen().grabWindow(0).toImage()
    points = [(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)]
    dark = sum(1 for x, y in points if QColor(image.pixel(x, y)).lightness() < 40)
    return dark / len(points)


def main() -> int:
    app = QApplication(sys.argv[:1])
    paths = Paths.resolve()
    paths.ensure()
    catalogue = load_catalogue(paths.region_catalogue)
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    services = build_services(paths, log=log, catalogue=catalogue, sound=SessionSound(None, None))
    window = MainWindow(services)
    window.show()
    result: dict[str, object] = {}

    def wait_until(condition, then) -> None:  # type: ignore[no-untyped-def]
        started = time.monotonic()

        def check() -> None:
            if condition() or time.monotonic() - started > 10:
                then()
            else:
                QTimer.singleShot(50, check)

        check()

    def measured() -> None:
        available = app.primaryScreen().availableGeometry()
        frame = window.frameGeometry()
        result["available"] = [available.width(), available.height()]
        result["frame"] = [frame.x(), frame.y(), frame.width(), frame.height()]
        window.open_routine("pmr-4")
        window.session.before.start_button.click()
        window.session.player.set_eyes_closed(True)
        wait_until(lambda: dark_share(app) > 0.97, eyes_closed)

    def eyes_closed() -> None:
        result["dark_share"] = round(dark_share(app), 3)
        result["full_screen"] = window.isFullScreen()
        window.session.stop()
        log.close()
        sys.stdout.write(json.dumps(result) + "\n")
        app.quit()

    wait_until(
        lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), measured
    )
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
