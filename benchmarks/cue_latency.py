"""Cue latency: from a step boundary to the audio call returning, through simpleaudio and ALSA.

Plays a routine (1 minute by default, steps of uneven length, a cue on each) on the system clock
in a real Qt event loop, with QtPlayerDriver and the audio service on simpleaudio (ALSA's default
device), and measures for every step boundary:

  boundary error   how late the player noticed the boundary (the event's `late`)
  cue latency      from the boundary (its deadline) to `play_cue` returning
  cue call         how long `play_cue` itself took

As a baseline in the same run, halfway through each step it times a bare
`simpleaudio.play_buffer` of the very bytes the cue was played from.

    .venv/bin/python benchmarks/cue_latency.py [--seconds 60] [--json]

On a machine without a sound card, point ALSA's default device at a file/null device first
(ALSA reads ~/.asoundrc; the sound is thrown away, the calls are real):

    export HOME=$(mktemp -d)
    printf 'pcm.!default {\\n type file\\n slave.pcm "null"\\n file "/dev/null"\\n format "raw"\\n}\\n' \\
        > "$HOME/.asoundrc"
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from coach.core.playing.clock import SystemClock  # noqa: E402
from coach.core.playing.player import EventKind, Player, PlayerEvent  # noqa: E402
from coach.core.playing.timeline import Timeline  # noqa: E402
from coach.core.routines.cues import BuiltinCue  # noqa: E402
from coach.core.routines.routine import Step  # noqa: E402
from coach.services.player_driver import QtPlayerDriver  # noqa: E402
from coach.services.sound.audio import BUILT_IN_CUES, AudioService  # noqa: E402
from coach.services.sound.audio_outputs import SimpleAudioBackend  # noqa: E402

SOUNDS = Path(__file__).resolve().parent.parent / "assets" / "sounds"
PATTERN = [2.2, 3.1, 1.6, 2.7, 1.9, 3.4, 2.45]  # uneven on purpose


class MarkingClock(SystemClock):
    """The system clock, remembering its last monotonic reading: the player's "now" in a tick."""

    last = 0.0

    def monotonic(self) -> float:
        """`time.monotonic()`, remembered."""
        self.last = time.monotonic()
        return self.last


def routine(seconds: float) -> Timeline:
    steps: list[Step] = []
    total = 0.0
    while total < seconds:
        length = min(PATTERN[len(steps) % len(PATTERN)], seconds - total)
        cue = BUILT_IN_CUES[len(steps) % len(BUILT_IN_CUES)]
        steps.append(Step(f"step {len(steps)}", length, cue=cue))
        total += length
    return Timeline(steps, end_cue=BuiltinCue.NONE)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary(values_ms: list[float]) -> dict[str, float]:
    return {
        "count": len(values_ms),
        "p50_ms": round(percentile(values_ms, 50), 3),
        "p99_ms": round(percentile(values_ms, 99), 3),
        "max_ms": round(max(values_ms), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = QCoreApplication([])
    backend = SimpleAudioBackend()
    audio = AudioService({"simpleaudio": lambda: backend})
    status = audio.start(SOUNDS, order=("simpleaudio",))
    if status.backend != "simpleaudio":
        sys.stderr.write(
            f"simpleaudio cannot play here: {'; '.join(status.problems)}\n"
            "Without a sound card, point ALSA at a null device (see this file's docstring).\n"
        )
        return 2
    import simpleaudio

    timeline = routine(args.seconds)
    clock = MarkingClock()
    driver = QtPlayerDriver(Player(timeline, clock))
    boundary_ms: list[float] = []
    latency_ms: list[float] = []
    call_ms: list[float] = []
    bare_ms: list[float] = []

    def bare_call(cue: str) -> None:
        data = backend.buffer(cue)
        before = time.monotonic()
        simpleaudio.play_buffer(data, 1, 2, 44_100)
        bare_ms.append((time.monotonic() - before) * 1000)

    def on_event(event: PlayerEvent) -> None:
        if event.kind is not EventKind.STEP:
            return
        deadline = clock.last - event.late
        step = timeline.steps[event.index].step
        before = time.monotonic()
        audio.play_cue(step.cue)
        after = time.monotonic()
        boundary_ms.append(event.late * 1000)
        latency_ms.append((after - deadline) * 1000)
        call_ms.append((after - before) * 1000)
        QTimer.singleShot(round(step.duration * 500), lambda: bare_call(step.cue))

    driver.player_event.connect(on_event)
    done = QTimer()
    done.setInterval(50)
    done.timeout.connect(lambda: driver.is_waiting() or len(bare_ms) < len(call_ms) or app.quit())
    driver.start()
    done.start()
    app.exec()
    done.stop()
    audio.close()
    simpleaudio.stop_all()

    report = {
        "routine_seconds": timeline.total,
        "device": "ALSA default (HOME=" + os.environ.get("HOME", "") + ")",
        "boundary_error": summary(boundary_ms),
        "cue_latency": summary(latency_ms),
        "cue_call": summary(call_ms),
        "bare_play_buffer": summary(bare_ms),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"Cue latency over a {timeline.total:g} s routine ({len(timeline)} step boundaries), "
        "simpleaudio on ALSA's default device, real Qt event loop"
    )
    for name, key in (
        ("boundary error (player late)", "boundary_error"),
        ("cue latency (boundary -> play_cue returned)", "cue_latency"),
        ("play_cue call", "cue_call"),
        ("baseline: bare simpleaudio.play_buffer", "bare_play_buffer"),
    ):
        s = report[key]
        print(
            f"  {name:45s} p50 {s['p50_ms']:7.3f} ms  p99 {s['p99_ms']:7.3f} ms  "
            f"max {s['max_ms']:7.3f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
