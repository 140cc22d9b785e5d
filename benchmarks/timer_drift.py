"""Step-boundary error of the real Qt-driven player, against chained single-shot timers.

Plays a 1-minute routine (steps of uneven length) on the system clock in a real Qt event loop and
reports, for every step boundary, how late it was noticed. In the same run and the same event loop,
a baseline chains single-shot QTimers (each step schedules the next after its duration), the
naive design, whose lateness adds up.

    .venv/bin/python benchmarks/timer_drift.py [--seconds 60] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt, QTimer  # noqa: E402

from coach.core.playing.clock import SystemClock  # noqa: E402
from coach.core.playing.player import EventKind, Player, PlayerEvent  # noqa: E402
from coach.core.playing.timeline import Timeline  # noqa: E402
from coach.core.routines.routine import Step  # noqa: E402
from coach.services.player_driver import QtPlayerDriver  # noqa: E402

PATTERN = [3.3, 7.0, 1.7, 5.0, 2.25, 4.75, 6.1, 2.9]  # uneven on purpose


def routine(seconds: float) -> Timeline:
    durations: list[float] = []
    while sum(durations) < seconds:
        durations.append(PATTERN[len(durations) % len(PATTERN)])
    durations[-1] -= sum(durations) - seconds
    if durations[-1] <= 0:
        durations.pop()
    return Timeline([Step(f"step {i}", d) for i, d in enumerate(durations)])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary(errors_ms: list[float]) -> dict[str, float]:
    return {
        "boundaries": len(errors_ms),
        "p50_ms": round(percentile(errors_ms, 50), 3),
        "p99_ms": round(percentile(errors_ms, 99), 3),
        "max_ms": round(max(errors_ms), 3),
        "mean_ms": round(statistics.fmean(errors_ms), 3),
        "last_ms": round(errors_ms[-1], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = QCoreApplication([])
    timeline = routine(args.seconds)

    # the player, driven by QtPlayerDriver
    player_errors: list[float] = []
    driver = QtPlayerDriver(Player(timeline, SystemClock()))

    def on_event(event: PlayerEvent) -> None:
        if event.kind in (EventKind.STEP, EventKind.FINISHED):
            player_errors.append(event.late * 1000)

    driver.player_event.connect(on_event)

    # the baseline: chained single-shot timers, each started when the previous one fires
    chained_errors: list[float] = []
    started = time.monotonic()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    index = 0

    def chained_step() -> None:
        nonlocal index
        due = timeline.steps[index].offset if index < len(timeline) else timeline.total
        chained_errors.append((time.monotonic() - started - due) * 1000)
        if index < len(timeline):
            timer.start(round(timeline.steps[index].step.duration * 1000))
            index += 1
        else:
            app.quit()

    timer.timeout.connect(chained_step)
    driver.start()
    chained_step()
    app.exec()
    report = {
        "routine_seconds": timeline.total,
        "player": summary(player_errors),
        "chained_timers": summary(chained_errors),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"Step-boundary error over a {timeline.total:g} s routine ({len(timeline)} steps), real Qt event loop"
    )
    for name, key in (
        ("player (computed deadlines)", "player"),
        ("chained single-shot timers", "chained_timers"),
    ):
        s = report[key]
        print(
            f"  {name:30s} p50 {s['p50_ms']:7.3f} ms  p99 {s['p99_ms']:7.3f} ms  "
            f"max {s['max_ms']:7.3f} ms  at the end {s['last_ms']:7.3f} ms"
        )


if __name__ == "__main__":
    main()
