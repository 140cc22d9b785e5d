"""Runs the whole app in a real window, answers its dialogs and reports what it saw (JSON lines).

`python -m tests.ui.fault_driver SCENARIO`, with COACH_DATA_DIR and the display set by the test:
  open      answer the start-up dialogs, type a note, save it, report the save line
  deleted   as `open`, but the data folder is deleted before the note is saved
  crash     an exception escapes a Qt slot once the window is up
Every dialog shown is reported as {"dialog": name, "title": ..., "text": ...} and accepted.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from coach.app import run_app
from coach.paths import Paths


def report(**what: object) -> None:
    sys.stdout.write(json.dumps(what) + "\n")
    sys.stdout.flush()


def main(scenario: str) -> int:
    paths = Paths.resolve()
    app = QApplication(sys.argv[:1])
    started = time.monotonic()
    state = {"step": "waiting", "at": 0.0}

    def window() -> object | None:
        for widget in app.topLevelWidgets():
            if type(widget).__name__ == "MainWindow" and getattr(widget, "today", None) is not None:
                return widget
        return None

    def answer_dialogs() -> bool:
        answered = False
        for widget in app.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                report(
                    dialog=widget.objectName() or "message",
                    title=widget.windowTitle(),
                    text=widget.text(),
                )
                (widget.defaultButton() or widget.buttons()[0]).click()
                answered = True
        return answered

    def tick() -> None:
        if time.monotonic() - started > 40:
            report(error="timed out", step=state["step"])
            app.exit(3)
            return
        if answer_dialogs():
            return
        main_window = window()
        if main_window is None:
            return
        today = main_window.today  # type: ignore[attr-defined]
        if state["step"] == "waiting":
            report(window="ready")
            if scenario == "crash":
                QTimer.singleShot(0, lambda: 1 / 0)
                state["step"] = "crashed"
                state["at"] = time.monotonic()
                return
            if scenario == "deleted":
                shutil.rmtree(paths.data_dir)
                report(deleted=str(paths.data_dir))
            today.form.note.setPlainText("typed in the real window")
            editable = today.form.isEnabled()  # a person can type only into an enabled form
            saved = today.flush()
            report(saved=saved, status=today.status_label.text(), editable=editable)
            state["step"] = "saved"
            state["at"] = time.monotonic()
        elif time.monotonic() - state["at"] > 1.5:  # dialogs raised by the save have shown
            report(log_exists=paths.database.exists())
            app.exit(0)

    robot = QTimer()
    robot.timeout.connect(tick)
    robot.start(50)
    status = run_app(paths)
    robot.stop()
    return status


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main(sys.argv[1]))
