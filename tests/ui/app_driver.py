"""Runs the real app in its own process, plays a routine, presses keys and quits, and reports.

Used by tests/ui/test_session_hazards.py: `python -m tests.ui.app_driver DATA_DIR ROUTINE_ID`.
It starts the app exactly as `coach --data-dir DATA_DIR` does (run_app, sound and speech started
just after the window shows), then, half a second after the window is filled in, opens the
routine, presses Start, notes when every step begins (seen from outside the player: the moment
its step event reaches the window), reports the timeline as played (every step's offset, after the
steps were fitted to their words), and once the seventh step has begun presses Space twice and
Right once, and chooses Quit.
Prints one JSON line per report.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from coach import app as coach_app
from coach.paths import Paths

# the keys are pressed just after this step begins (the long one after the six short ones)
KEYS_ON_STEP = 6


def report(**fields: Any) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main() -> int:
    data_dir, routine_id = sys.argv[1], sys.argv[2]
    original = coach_app._fill_in

    def fill_in(*args: Any) -> int | None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest

        services, running = args[2], args[3]  # (app, frame, services, running, ...)
        status = original(*args)
        window = running.window
        steps: list[tuple[int, float]] = []
        keys: dict[str, float] = {}

        def begin() -> None:
            # as a person's click on the window would (neither offscreen nor a bare X server
            # without a window manager activates a new window)
            window.activateWindow()
            window.start_routine(routine_id)
            page = window.session
            report(event="before", line=page.before.hearing.text())
            page.before.start_button.click()
            run = page.run
            if run is None:
                report(event="not-started", routine=str(page.before.routine))
                window.quit()
                return
            if not run.waiting:  # it began at the click (its first step event came before now)
                steps.append((0, time.monotonic()))
            # else the first step begins once its words are rendered, and its event says when

            def on_event(event: Any) -> None:
                if event.kind.value != "step":
                    return
                if event.index == 0 and not pressed:
                    steps.clear()  # the first step's own event says best when it began
                steps.append((event.index, time.monotonic()))
                if event.index == KEYS_ON_STEP:  # the long step: the keys, a moment into it
                    QTimer.singleShot(200, press_keys)

            run.player_event.connect(on_event)
            # the timeline as played: the steps fitted to the words of the voice in use
            offsets = [placed.offset for placed in run.timeline.steps]
            report(event="playing", offsets=offsets)
            # should that step never come, the keys are pressed anyway (and the checks fail)
            QTimer.singleShot(int((offsets[KEYS_ON_STEP] + 10.0) * 1000), press_keys)

        pressed: list[bool] = []

        def press_keys() -> None:
            if pressed:
                return
            pressed.append(True)
            player = window.session.player
            from PySide6.QtWidgets import QApplication

            focus = QApplication.focusWidget()
            report(
                event="focus",
                widget=type(focus).__name__ if focus else None,
                active=window.isActiveWindow(),
            )
            states = []
            for name, key in (("space", Qt.Key.Key_Space), ("space2", Qt.Key.Key_Space)):
                began = time.monotonic()
                QTest.keyClick(player, key)
                keys[name] = time.monotonic() - began
                states.append(window.session.run.player.state.value)
            began = time.monotonic()
            QTest.keyClick(player, Qt.Key.Key_Right)
            keys["right"] = time.monotonic() - began
            report(event="keys", seconds=keys, states=states, steps=steps)
            speech = services.speech
            report(event="speech", available=speech.available, notice=speech.notice)
            began = time.monotonic()
            window.quit()
            report(event="quit", seconds=time.monotonic() - began)

        QTimer.singleShot(900, begin)  # after the sound and speech start (300 ms after showing)
        return status

    coach_app._fill_in = fill_in
    status = coach_app.run_app(Paths.resolve(data_dir))
    report(event="exit", status=status)
    return status


if __name__ == "__main__":
    sys.exit(main())
