"""`coach play --no-gui`: following a routine in the terminal, on a manual clock and for real."""

from __future__ import annotations

import io
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from coach.cli.play import play_in_terminal
from coach.core.playing.clock import ManualClock
from coach.core.playing.timeline import Timeline
from coach.core.routines.library import RoutineLibrary
from coach.core.routines.routine import Routine, format_duration
from coach.ui.common.step_words import step_kind_name
from tests.conftest import REPO, write_session

STEP_LINE = re.compile(r"^\[\s*(\d+:\d\d)\] (\d+)/(\d+) (.+?) \(([\d.]+)s\): (.*)$")

TWO_QUICK_STEPS = """\
format = 1
title = "Two quick steps"

[[steps]]
text = "Quick one."
duration = 0.2

[[steps]]
text = "Quick two."
duration = 0.3
"""


def step_lines(output: str) -> list[re.Match[str]]:
    return [m for m in map(STEP_LINE.match, output.splitlines()) if m]


def assert_every_step_once_in_order(output: str, routine: Routine) -> None:
    """One line per step, in order, each stamped with the time the step begins (as written:
    the terminal player without a voice does not lengthen steps for words)."""
    timeline = Timeline(routine.steps, routine.end_cue)
    lines = step_lines(output)
    assert [int(m.group(2)) for m in lines] == list(range(1, len(timeline) + 1))
    for match, placed in zip(lines, timeline.steps, strict=True):
        assert match.group(1) == format_duration(placed.offset)
        assert int(match.group(3)) == len(timeline)
        assert match.group(4) == step_kind_name(placed.step.kind)
        assert match.group(6) == placed.step.text


@pytest.fixture
def pmr4(library: RoutineLibrary) -> Routine:
    entry = library.scan().find("pmr-4")
    assert entry is not None
    return entry.routine


def test_plays_every_step_on_a_manual_clock(qapp, pmr4: Routine) -> None:
    clock = ManualClock()
    out = io.StringIO()

    status = play_in_terminal(pmr4, clock, out=out, wait=clock.sleep)

    output = out.getvalue()
    lines = output.splitlines()
    assert status == 0
    assert lines[0] == f"{pmr4.title} (8:28, 33 steps). Ctrl-C stops."
    assert lines[1 : 1 + len(pmr4.cautions)] == [f"  ! {c}" for c in pmr4.cautions]
    assert lines[1 + len(pmr4.cautions)].startswith("[ 0:00] 1/33 Listen (20s): Welcome.")
    assert_every_step_once_in_order(output, pmr4)
    assert lines[-1] == f"[ 8:28] Finished: {pmr4.title}. Take your time getting up."
    assert "slept" not in output
    assert clock.monotonic() - ManualClock().monotonic() == pytest.approx(pmr4.duration)


def test_ctrl_c_while_waiting_stops_with_130(qapp, pmr4: Routine) -> None:
    clock = ManualClock()
    out = io.StringIO()

    def wait(seconds: float) -> None:
        clock.sleep(seconds)
        if clock.monotonic() - 1000.0 >= 60:  # the person presses Ctrl-C a minute in
            raise KeyboardInterrupt

    status = play_in_terminal(pmr4, clock, out=out, wait=wait)

    output = out.getvalue()
    assert status == 130
    assert output.splitlines()[-1] == "Stopped at step 3 of 33 after 1:00."
    assert [int(m.group(2)) for m in step_lines(output)] == [1, 2, 3]
    assert "Finished" not in output


def test_a_suspend_mid_routine_pauses_then_finishes(qapp, pmr4: Routine) -> None:
    clock = ManualClock()
    out = io.StringIO()
    suspended = []

    def wait(seconds: float) -> None:
        clock.sleep(seconds)
        if not suspended and clock.monotonic() - 1000.0 >= 100:
            clock.suspend(3600)  # the lid closes for an hour, 1:40 into the routine
            suspended.append(clock.monotonic())

    status = play_in_terminal(pmr4, clock, out=out, wait=wait)

    output = out.getvalue()
    assert status == 0
    slept = [line for line in output.splitlines() if "slept" in line]
    assert len(slept) == 1
    stamp = re.match(r"^\[\s*(\d+):(\d\d)\] ", slept[0])
    assert stamp, slept[0]
    assert 99 <= 60 * int(stamp.group(1)) + int(stamp.group(2)) <= 100
    assert slept[0].endswith("The computer slept; picking up where you left off.")
    assert_every_step_once_in_order(output, pmr4)
    assert output.splitlines()[-1].startswith("[ 8:28] Finished:")
    # the slept notice sits between the step playing at 1:40 (step 6, from 1:32) and the next
    lines = output.splitlines()
    where = lines.index(slept[0])
    assert STEP_LINE.match(lines[where - 1]).group(2) == "6"
    assert STEP_LINE.match(lines[where + 1]).group(2) == "7"


# -- real processes ------------------------------------------------------------------------------


def coach_env(tmp_path: Path) -> dict[str, str]:
    """A controlled environment for `python -m coach`: fresh folders, no display."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_CONFIG_DIR": str(tmp_path / "config"),
    }


def test_play_a_file_in_a_real_process(tmp_path: Path) -> None:
    path = write_session(tmp_path / "in", "quick.toml", TWO_QUICK_STEPS)

    result = subprocess.run(
        [sys.executable, "-m", "coach", "play", str(path), "--no-gui", "--silent"],
        cwd=REPO,
        env=coach_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Two quick steps (0:00, 2 steps). Ctrl-C stops."
    assert [m.group(0) for m in step_lines(result.stdout)] == [
        "[ 0:00] 1/2 Listen (0.2s): Quick one.",
        "[ 0:00] 2/2 Listen (0.3s): Quick two.",
    ]
    assert lines[-1] == "[ 0:00] Finished: Two quick steps. Take your time getting up."


def test_ctrl_c_in_a_real_process_exits_130(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "coach", "play", "pmr-4", "--no-gui", "--silent"],
        cwd=REPO,
        env=coach_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    seen: list[str] = []
    try:
        while not (seen and STEP_LINE.match(seen[-1])):
            line = lines.get(timeout=20)
            assert line is not None, f"exited before the first step: {seen}"
            seen.append(line)
        assert seen[-1].startswith("[ 0:00] 1/33 ")

        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    reader.join(timeout=10)
    while (line := lines.get(timeout=1)) is not None:
        seen.append(line)
    assert process.stderr is not None
    stderr = process.stderr.read()
    process.stderr.close()

    assert status == 130, stderr
    assert re.fullmatch(r"Stopped at step 1 of 33 after 0:0\d\.", seen[-1]), seen
    assert "Traceback" not in stderr


SOUNDED = """\
format = 1
title = "Sounded"

[[steps]]
text = "Tense."
say = ""
kind = "tense"
duration = 0.8

[[steps]]
text = "Release."
say = ""
kind = "release"
duration = 0.8
"""


def test_the_terminal_player_rings_the_cues_through_alsa(tmp_path: Path) -> None:
    """Same cues as the app: each is really played (captured by ALSA's file device).

    The machine has no speech daemon, so narration uses Qt's mock engine (COACH_SPEECH_ENGINE).
    """
    from tests.services.test_audio_alsa import CAPTURE_RC, needs_alsa

    needs_alsa()
    home, captured = tmp_path / "home", tmp_path / "captured"
    home.mkdir()
    captured.mkdir()
    (home / ".asoundrc").write_text(CAPTURE_RC.replace("CAPDIR", str(captured)), encoding="utf-8")
    path = write_session(tmp_path / "in", "sounded.toml", SOUNDED)
    env = {**coach_env(tmp_path), "HOME": str(home), "COACH_SPEECH_ENGINE": "mock"}
    result = subprocess.run(
        [sys.executable, "-m", "coach", "play", str(path), "--no-gui"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no sound" not in result.stdout
    # tense, release and the end chime: one capture each, in that order of time (the first,
    # tiny capture is the 10 ms of silence that proves the device works at start)
    captures = sorted(
        (p for p in captured.iterdir() if p.stat().st_size > 2000), key=lambda p: int(p.stem)
    )
    assert len(captures) == 3, [p.name for p in captures]
    assert all(p.stat().st_size > 1000 for p in captures)
    gaps = [(int(b.stem) - int(a.stem)) / 1e9 for a, b in zip(captures, captures[1:], strict=False)]
    assert all(0.6 < gap < 1.2 for gap in gaps), gaps
