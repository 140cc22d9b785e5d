"""Narration with the bundled voice: how soon the words come, how far ahead they are ready, memory.

Three measurements, each reported against a baseline (ratios, never pass/fail):

  first word     from a step boundary (the player's event) to the first audible sample of its
                 words, through SessionSound, the neural voice and the audio service (simpleaudio):
                 cold (nothing cached, model not loaded), cold cache (model loaded) and warm cache
                 (rendered ahead, as when the screen before a session has been open a moment).
                 Baseline: the designed gap between a step's cue and its words (SPEECH_LEAD).
  ahead          for the longest built-in routine (or --routine), rendering starts with an empty
                 cache when the screen before starting opens; the session starts once its first
                 step's words are ready (as the player does). For every step: how long before it
                 is due its words were ready (negative = late). Baseline: the routine's length
                 (the render time as a share of it is the real-time factor).
  memory         resident memory of a process with Qt and the app's services, before and after the
                 voice model is loaded and has spoken. Baseline: without the voice.

    .venv/bin/python benchmarks/narration.py [--routine ID] [--steps N] [--json]

Without a sound card, point ALSA's default device at a null file device first (see
benchmarks/cue_latency.py); the cache goes to a temporary folder, never the real one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from coach.core.playing.narration import NarrationCache, read_wav_mono  # noqa: E402
from coach.core.playing.timeline import SPEECH_LEAD, Timeline  # noqa: E402
from coach.core.routines.cues import BuiltinCue, Cue  # noqa: E402
from coach.paths import Paths  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Make a fist with your right hand. Hold it, and notice the tension.",
    "And let go. Let your hand go loose and soft.",
    "Take a few slow, easy breaths.",
    "Now gently press your shoulders back and together.",
]


def wait_until(condition, seconds: float) -> None:
    """Run Qt's loop until `condition()` or `seconds` pass."""
    deadline = time.monotonic() + seconds
    loop = QEventLoop()
    while not condition() and time.monotonic() < deadline:
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def lead_in(path: Path) -> float:
    """Seconds of near-silence at the start of a rendered clip."""
    import numpy as np

    samples, rate = read_wav_mono(path)
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return float(loud[0]) / rate if len(loud) else 0.0


class TimedAudio:
    """The real audio service, noting when each clip was handed to the output."""

    def __init__(self, audio) -> None:
        self.audio = audio
        self.started: list[tuple[float, Path]] = []

    def play_cue(self, cue: Cue) -> None:
        self.audio.play_cue(cue)

    def play_clip(self, path: Path, volume: float | None = None):
        clip = self.audio.play_clip(path, volume)
        self.started.append((time.monotonic(), Path(path)))
        return clip


def first_word(cache_dir: Path) -> dict[str, object]:
    from coach.core.playing.conductor import Conductor
    from coach.core.playing.player import EventKind, PlayerEvent
    from coach.core.routines.routine import Step
    from coach.services.sound.audio import AudioService
    from coach.services.sound.neural_voice import NeuralVoice
    from coach.services.sound.session_sound import SessionSound

    audio = AudioService()
    status = audio.start(REPO / "assets" / "sounds")
    timed = TimedAudio(audio)
    voice = NeuralVoice(timed, NarrationCache(cache_dir))
    voice.start()
    sound = SessionSound(timed, voice)
    results: dict[str, list[float]] = {
        "cold_start_ms": [],
        "cold_cache_ms": [],
        "warm_cache_ms": [],
    }

    def one(text: str, kind: str) -> None:
        timeline = Timeline([Step(text, 60, cue=BuiltinCue.STEP)])
        before = len(timed.started)
        boundary = time.monotonic()
        sound.perform(Conductor(timeline).actions(PlayerEvent(EventKind.STEP, 0, 0.0)))
        wait_until(lambda: len(timed.started) > before, 60)
        started, path = timed.started[-1]
        results[kind].append(1000 * (started - boundary + lead_in(path)))
        sound.stop_voice()

    one(SENTENCES[0], "cold_start_ms")
    for text in SENTENCES[1:]:
        one(text, "cold_cache_ms")
    for text in SENTENCES:  # now rendered: as after the screen before starting
        one(text, "warm_cache_ms")
    voice.close()
    audio.close()
    report: dict[str, object] = {
        key: round(sum(values) / len(values), 1) for key, values in results.items()
    }
    report["output"] = status.backend
    report["designed_lead_ms"] = 1000 * SPEECH_LEAD
    report["warm_to_lead_ratio"] = round(float(report["warm_cache_ms"]) / (1000 * SPEECH_LEAD), 2)
    report["cold_cache_to_lead_ratio"] = round(
        float(report["cold_cache_ms"]) / (1000 * SPEECH_LEAD), 2
    )
    return report


def longest_routine(paths: Paths):
    from coach.app import build_library
    from coach.core.body.regions import load_catalogue

    library = build_library(paths, load_catalogue(paths.region_catalogue))
    routines = [entry.routine for entry in library.scan().entries]
    return max(routines, key=lambda r: Timeline.from_routine(r).total)


def ahead(cache_dir: Path, routine_id: str | None, steps: int | None) -> dict[str, object]:
    from coach.app import build_library
    from coach.core.body.regions import load_catalogue
    from coach.services.sound.neural_voice import NeuralVoice
    from coach.services.sound.session_sound import SessionSound

    paths = Paths.resolve()
    if routine_id:
        library = build_library(paths, load_catalogue(paths.region_catalogue))
        entry = library.scan().find(routine_id)
        assert entry is not None, routine_id
        routine = entry.routine
    else:
        routine = longest_routine(paths)
    chosen = routine.steps[:steps] if steps else routine.steps
    voice = NeuralVoice(None, NarrationCache(cache_dir))
    voice.start()
    sound = SessionSound(None, voice)
    ready_at: dict[str, float] = {}
    voice.ready.connect(lambda text: ready_at.setdefault(text, time.monotonic()))
    opened = time.monotonic()
    voice.prepare(dict.fromkeys(s.spoken for s in chosen if s.spoken.strip() and s.audio is None))
    first = [s.spoken for s in chosen[:1] if s.spoken.strip()]
    wait_until(lambda: sound.narration_ready(first), 120)
    start = time.monotonic()
    # the timeline as the player builds it at start: real lengths where rendered, else estimates
    timeline = Timeline(chosen, routine.end_cue, sound.narration_seconds)
    wait_until(lambda: voice.pending() == 0, 1800)
    finished = time.monotonic()
    voice.close()
    margins = []  # for every step after the first (the session waited for the first one's words)
    for placed in timeline.steps[1:]:
        text = placed.step.spoken
        if text.strip() and text in ready_at:
            margins.append(start + placed.speech_start - ready_at[text])
    speech = sum(voice.seconds(t) or 0.0 for t in ready_at)
    return {
        "routine": routine.id,
        "steps": len(chosen),
        "texts": len(ready_at),
        "routine_seconds": round(timeline.total, 1),
        "speech_seconds": round(speech, 1),
        "wait_before_start_s": round(start - opened, 2),
        "render_all_s": round(finished - opened, 1),
        "real_time_factor": round((finished - opened) / speech, 3) if speech else None,
        "render_to_routine_ratio": round((finished - opened) / timeline.total, 3),
        "min_ahead_s": round(min(margins), 1) if margins else None,
        "median_ahead_s": round(sorted(margins)[len(margins) // 2], 1) if margins else None,
        "late_steps": sum(1 for m in margins if m < 0),
    }


MEMORY_CHILD = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from coach.services.sound.audio import AudioService
from coach.services.sound.neural_voice import NeuralVoice
from coach.services.sound.piper_engine import PiperEngine
import numpy

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss()
engine = PiperEngine()
engine.render("Let your shoulders drop, and breathe out slowly.", 1.0)
after = rss()
print(json.dumps({"without_voice_mb": round(before, 1), "with_voice_mb": round(after, 1)}))
"""


def memory() -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["ratio"] = round(report["with_voice_mb"] / report["without_voice_mb"], 2)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--routine", help="a routine id (default: the longest built-in one)")
    parser.add_argument("--steps", type=int, help="only its first N steps (a quick run)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    _app = QCoreApplication.instance() or QCoreApplication([])
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        report = {
            "first_word": first_word(Path(first)),
            "ahead": ahead(Path(second), args.routine, args.steps),
            "memory": memory(),
        }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    word, early, mem = report["first_word"], report["ahead"], report["memory"]
    print(
        f"first audible word after a step boundary ({word['output']}): cold start "
        f"{word['cold_start_ms']} ms, cold cache {word['cold_cache_ms']} ms "
        f"({word['cold_cache_to_lead_ratio']}x the designed {word['designed_lead_ms']:.0f} ms), "
        f"warm cache {word['warm_cache_ms']} ms ({word['warm_to_lead_ratio']}x)"
    )
    print(
        f"{early['routine']} ({early['steps']} steps, {early['routine_seconds']} s, "
        f"{early['texts']} texts, {early['speech_seconds']} s of speech): all rendered in "
        f"{early['render_all_s']} s ({early['render_to_routine_ratio']}x the routine, real-time "
        f"factor {early['real_time_factor']}); start waited {early['wait_before_start_s']} s; "
        f"after the first step, words ready at least {early['min_ahead_s']} s (median "
        f"{early['median_ahead_s']} s) before their step, {early['late_steps']} late"
    )
    print(
        f"resident memory: {mem['without_voice_mb']} MB without the voice, "
        f"{mem['with_voice_mb']} MB with it loaded ({mem['ratio']}x)"
    )


if __name__ == "__main__":
    main()
