"""Open the app on demo data at a chosen view, for screenshots (README) and for looking at it.

    ../shared/tools/xshot -w 6 out/player.png .venv/bin/python scripts/screenshot.py player

Views: today, routines, before, player, eyes-closed, after, settings, shortcuts, bodymap (a day
with several areas marked, on a year of demo data), bodymap-empty (a fresh log), bodymap-heat (the
heat map of the last 3 months), trends (3 months of a year of demo data), trends-year, trends-effect,
trends-sleep, trends-better-days, trends-adherence, trends-empty (a fresh log). After the view: --dark or --light for the theme, --scale 1.5 for the text size.
The window fits the screen as the app's does. Uses a throw-away data folder, never your own.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coach.core.body.regions import load_catalogue
from coach.core.log.demo import generate_demo
from coach.core.log.entries import DayEntry, SessionRecord
from coach.paths import Paths
from coach.services.composition import build_services
from coach.services.sound.session_sound import SessionSound
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from coach.ui.shell.main_window import MainWindow
from coach.ui.shell.window_size import fit_to_screen


def demo_log(paths: Paths) -> LogRepository:
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    today = dt.date.today()
    for back in range(12):
        day = today - dt.timedelta(days=back)
        log.save_day(
            DayEntry(
                day,
                pain=4 + back % 3,
                worst_pain=6 + back % 3,
                sleep_quality=6 - back % 2,
                sleep_hours=7.0 - 0.25 * (back % 3),
                stress=3 + back % 2,
                tags=("walk",) if back % 2 else ("ibuprofen", "long drive"),
                areas={"left_lower_back": 6, "right_lower_back": 4}
                if back
                else {"left_lower_back": 8},
                note="Stiff in the morning, better after a walk." if back == 0 else "",
            )
        )
    start = dt.datetime.combine(today, dt.time(7, 42)).astimezone()
    log.record_session(
        SessionRecord(
            "pmr-4",
            "Progressive muscle relaxation: 4 groups (short)",
            start,
            start + dt.timedelta(minutes=8),
            481,
            481,
            True,
            21,
            pain_before=6,
            pain_after=4,
        )
    )
    return log


# today's marks in the "bodymap" picture: several areas, front and back, at different intensities
BODY_MAP_MARKS = {
    "left_lower_back": 7,
    "right_lower_back": 4,
    "left_glute": 3,
    "right_neck": 2,
    "left_hip_front": 5,
}


def demo_year(paths: Paths) -> LogRepository:
    """A year of demo data (coach.core.log.demo), with today's areas set to BODY_MAP_MARKS."""
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    today = dt.date.today()
    days, sessions = generate_demo(today - dt.timedelta(days=364), today, seed=7)
    log.import_log(days, sessions)
    log.set_areas(today, BODY_MAP_MARKS)
    return log


def main() -> int:
    args = sys.argv[1:]
    view = args[0] if args else "today"
    folder = Path(tempfile.mkdtemp(prefix="unknot-demo-"))
    os.environ["COACH_CONFIG_DIR"] = str(folder / "config")
    paths = Paths.resolve(folder / "data")
    paths.ensure()
    app = QApplication(sys.argv[:1])
    if "--dark" in args or "--light" in args or "--scale" in args:
        from coach.ui.common.appearance import Appearance

        appearance = Appearance.for_app(app)
        if "--dark" in args or "--light" in args:
            appearance.set_theme("dark" if "--dark" in args else "light")
        if "--scale" in args:
            appearance.set_text_scale(float(args[args.index("--scale") + 1]))
    catalogue = load_catalogue(paths.region_catalogue)
    if view in ("bodymap-empty", "trends-empty"):
        log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    elif view.startswith(("bodymap", "trends")):
        log = demo_year(paths)
    else:
        log = demo_log(paths)
    services = build_services(paths, log=log, catalogue=catalogue, sound=SessionSound(None, None))
    services.neural.start()  # as the app does: the player's sound controls show the voice ready
    window = MainWindow(services)
    fit_to_screen(window)
    window.move(0, 0)
    window.show()
    routine_id = "massage-low-back" if view == "before" else "pmr-16"
    if view == "routines":
        window.nav.setCurrentRow(1)
        window.routines.select("pmr-16")
    elif view == "settings":
        window.nav.setCurrentRow(4)
    elif view == "shortcuts":
        QTimer.singleShot(300, window.menus.show_shortcuts)
    elif view.startswith("trends"):
        window.nav.setCurrentRow(3)
        tabs = {
            "trends-effect": 1,
            "trends-sleep": 2,
            "trends-better-days": 3,
            "trends-adherence": 4,
        }
        if window.trends.view is not None:
            if view == "trends-year":
                window.trends.view.set_preset(2)
            window.trends.view.tabs.setCurrentIndex(tabs.get(view, 0))
    elif view.startswith("bodymap"):
        window.nav.setCurrentRow(2)
        assert window.body_map is not None
        if view == "bodymap-heat":
            window.body_map.set_mode("heat")
            window.body_map.set_preset(1)
            window.body_map.heat_table.setFocus()
            window.body_map.heat_table.selectRow(0)
        elif view == "bodymap":
            window.body_map.suggestion_list.setFocus()
    elif view in ("before", "player", "eyes-closed", "after"):
        window.start_routine(routine_id)
        if view != "before":
            window.session.before.pain.set_value(6)
            window.session.before.start_button.click()
            for _ in range(5):
                window.session.player.next()
            if view == "eyes-closed":
                window.session.player.set_eyes_closed(True)
            if view == "after":
                window.session.player.stop()
    QTimer.singleShot(60_000, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
