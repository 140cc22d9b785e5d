"""Real sound: a routine played through simpleaudio and ALSA, captured, and checked on a timeline.

ALSA's `file` plugin in front of the `null` device writes everything played to a file and throws
the sound away, so no sound card is needed. It opens its file when a sound opens the device, and
here that file is a shell command that names it with the wall-clock time in nanoseconds: every cue
becomes one capture whose name says when it began. The routine runs in a subprocess with HOME
pointing at a folder holding that `.asoundrc`, because ALSA reads ~/.asoundrc once per process.

Run as a script, this file is that subprocess (see `child`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
SOUNDS = REPO / "assets" / "sounds"
RATE = 44_100
VOLUME = 0.7  # the cue volume the routine plays at: samples are scaled by 0.7 ** 2
# cue (a built-in cue's name; this file also runs as a script, under whichever `coach`), seconds
ROUTINE = [("tense", 0.8), ("release", 1.0), ("step", 0.6), ("halfway", 0.7)]
END_CUE = "end"
TOLERANCE = 0.08  # seconds a cue may be off its step's start
# `%%` because ALSA expands %-sequences (rate, format...) in the file name
CAPTURE_RC = """pcm.!default {
  type file
  slave.pcm "null"
  file "|sh -c 'cat > CAPDIR/$(date +%%s%%N).raw'"
  format "raw"
}
"""
NO_DEVICE_RC = "pcm.!default { type hw card 7 }\n"  # a sound card that is not there


def needs_alsa() -> None:
    if shutil.which("aplay") is None:
        pytest.skip("ALSA's tools (alsa-utils: aplay) are not installed")
    try:
        import simpleaudio  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"simpleaudio cannot be imported (ALSA missing?): {exc}")


def run_child(home: Path, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, *args],
        env={**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def expected_pcm(cue: str) -> np.ndarray:
    with wave.open(str(SOUNDS / f"{cue}.wav"), "rb") as source:
        raw = np.frombuffer(source.readframes(source.getnframes()), "<i2")
    return np.round(raw * VOLUME**2).astype("<i2")


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if len(samples) else 0.0


@pytest.mark.slow
def test_a_routine_through_alsa_holds_each_cue_at_its_step_and_silence_elsewhere(
    tmp_path: Path, record_property
) -> None:
    needs_alsa()
    home, captured = tmp_path / "home", tmp_path / "captured"
    home.mkdir()
    captured.mkdir()
    (home / ".asoundrc").write_text(CAPTURE_RC.replace("CAPDIR", str(captured)), encoding="utf-8")

    report = run_child(home, "routine")

    start = report["start_ns"]
    captures = sorted((int(path.stem), path.read_bytes()) for path in captured.glob("*.raw"))
    probe = bytes(2 * 441)  # the 10 ms of silence that checks the device at start
    assert [data for _, data in captures].count(probe) == 1
    cues = [(began, data) for began, data in captures if data != probe]

    due: list[tuple[float, str]] = []
    offset = 0.0
    for cue, seconds in ROUTINE:
        due.append((offset, cue))
        offset += seconds
    due.append((offset, END_CUE))
    assert len(cues) == len(due), f"one capture per cue, got {len(cues)} for {len(due)}"

    total = int((offset + 3.0) * RATE)
    timeline = np.zeros(total, np.int64)  # what was heard, placed where it began
    expected_span = np.zeros(total, bool)  # where a cue was due, give or take the tolerance
    offsets_ms = []
    for (began, data), (at, cue) in zip(cues, due, strict=True):
        measured = (began - start) / 1e9
        offsets_ms.append(round((measured - at) * 1000, 1))
        assert abs(measured - at) < TOLERANCE, f"{cue} began at {measured:.3f} s, due at {at} s"
        samples = np.frombuffer(data, "<i2")
        expected = expected_pcm(cue)
        assert np.array_equal(samples, expected), f"{cue}: the captured sound is the cue's own"
        assert rms(samples) > 10 ** (-40 / 20) * 32768, f"{cue} is audible"
        first = round(measured * RATE)
        timeline[first : first + len(samples)] += samples
        lo, hi = round((at - TOLERANCE) * RATE), round((at + TOLERANCE) * RATE) + len(expected)
        expected_span[max(0, lo) : hi] = True

    assert not timeline[~expected_span].any(), "nothing was heard where no cue was due"
    window = RATE // 100  # 10 ms
    for at, cue in due:
        middle = round((at + 0.1) * RATE)
        assert rms(timeline[middle : middle + window]) > 0, f"{cue} sounds where it was due"
    record_property("cue_offsets_ms", offsets_ms)  # in --junitxml reports


@pytest.mark.slow
def test_without_a_sound_device_the_next_output_is_used_and_cues_never_raise(
    tmp_path: Path,
) -> None:
    needs_alsa()
    (tmp_path / ".asoundrc").write_text(NO_DEVICE_RC, encoding="utf-8")

    report = run_child(tmp_path, "no-device")

    problems = report["problems"]
    assert problems[0].startswith("simpleaudio: cannot open ALSA device 'default': "), problems
    assert report["backend"] in ("qt", "silent")
    if report["backend"] == "silent":  # no sound server either, as on CI
        assert problems[1].startswith("Qt Multimedia: ")
        assert report["heard"] is False
    assert report["played"] == ["step", "tense"]


# -- the subprocess --------------------------------------------------------------------------


def child(mode: str) -> int:
    """Play the routine (mode "routine") or just start and play two cues ("no-device")."""
    import time

    from PySide6.QtCore import QCoreApplication, QTimer

    from coach.core.playing.clock import SystemClock
    from coach.core.playing.player import EventKind, Player, PlayerEvent
    from coach.core.playing.timeline import Timeline
    from coach.core.routines.cues import BuiltinCue
    from coach.core.routines.routine import Step
    from coach.services.player_driver import QtPlayerDriver
    from coach.services.sound.audio import AudioService

    app = QCoreApplication([])
    audio = AudioService()
    audio.cue_volume = VOLUME
    played: list[str] = []
    heard: list[bool] = []
    audio.cue_played.connect(lambda cue, was_heard: (played.append(cue), heard.append(was_heard)))
    if mode == "no-device":
        status = audio.start(SOUNDS)
        audio.play_cue(BuiltinCue.STEP)
        audio.play_cue(BuiltinCue.TENSE)
        audio.close()
        report = {"backend": status.backend, "problems": list(status.problems), "heard": heard[0]}
        sys.stdout.write(json.dumps({**report, "played": played}) + "\n")
        return 0

    status = audio.start(SOUNDS, order=("simpleaudio",))
    if status.backend != "simpleaudio":
        sys.stderr.write(f"simpleaudio did not start: {status.problems}\n")
        return 3
    timeline = Timeline(
        [Step(cue, seconds, cue=BuiltinCue(cue)) for cue, seconds in ROUTINE], BuiltinCue(END_CUE)
    )
    driver = QtPlayerDriver(Player(timeline, SystemClock()))

    def on_event(event: PlayerEvent) -> None:
        if event.kind is EventKind.STEP:
            audio.play_cue(timeline.steps[event.index].step.cue)
        elif event.kind is EventKind.FINISHED:
            audio.play_cue(timeline.end_cue)

    driver.player_event.connect(on_event)
    idle = QTimer()
    idle.setInterval(20)
    idle.timeout.connect(lambda: driver.is_waiting() or audio.is_playing() or app.quit())
    start_ns = time.time_ns()
    driver.start()
    idle.start()
    app.exec()
    idle.stop()
    audio.close()
    sys.stdout.write(json.dumps({"start_ns": start_ns, "played": played}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(child(sys.argv[1]))
