"""The app in a real process with a speech daemon that never answers: the player keeps time, the
keys answer, Quit ends the process, the session is logged and a relaunch works.

Also the terminal player (`coach play --no-gui`) with the same wedged daemon, and without one.
"""

from __future__ import annotations

import json
import os
import queue
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, write_session
from tests.fake_speechd import wedged_speechd
from tests.ui.test_real_window import self_test_env, xvfb_display  # noqa: F401 (a fixture)

# Six short steps, then a long one and a last one: the boundaries are measured over the six short
# steps; once the long step has begun the keys are pressed, and Right skips from it to the last,
# where Quit stops the session. Each short step says one word: every step is fitted to its words
# (coach/core/playing/timeline.py), and one word fits in a second with any voice (0.93 s by the system
# voice's estimate), so the six take about 6 s. Expected times come from the timeline as played.
QUICK_WORDS = ["One", "Two", "Three", "Four", "Five", "Six"]
QUICK = "\n".join(
    ["format = 1", 'title = "Quick steps"']
    + [
        f'[[steps]]\ntext = "{word}"\nduration = 1.0\nkind = "{kind}"\ncue = "none"'
        for word, kind in zip(
            QUICK_WORDS, ["instruction", "breathe-in", "breathe-out"] * 2, strict=True
        )
    ]
    + ['[[steps]]\ntext = "Rest here."\nduration = 60\nkind = "instruction"']
    + ['[[steps]]\ntext = "The end."\nduration = 5\nkind = "instruction"']
)
BOUNDARY_ERROR = 0.050  # seconds


def app_env(tmp_path: Path, address: str, **display: str) -> dict[str, str]:
    env = self_test_env(tmp_path, **display)
    env["SPEECHD_ADDRESS"] = address
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    # the system voice is the hazard under test (the built-in voice is the default)
    (config / "unknot.ini").write_text(
        "[first_run]\ndone=true\n\n[voice]\nengine=system\n", encoding="utf-8"
    )
    write_session(tmp_path / "data" / "sessions", "quick.toml", QUICK)
    return env


def run_driver(env: dict[str, str], tmp_path: Path) -> tuple[list[dict], float, str]:
    """Run the app through tests/ui/app_driver.py; (reports, seconds from quit to exit, stderr)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.app_driver", str(tmp_path / "data"), "quick"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reports: list[dict] = []
    quit_at = None
    try:
        while (line := lines.get(timeout=60)) is not None:
            reports.append(json.loads(line))
            if reports[-1]["event"] == "quit":
                quit_at = time.monotonic()
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    exited_after = time.monotonic() - quit_at if quit_at is not None else float("inf")
    reader.join(timeout=10)
    assert process.stderr is not None
    errors = process.stderr.read()
    process.stderr.close()
    return reports, exited_after, errors


def by_event(reports: list[dict]) -> dict[str, dict]:
    return {report["event"]: report for report in reports}


def check_a_run(reports: list[dict], exited_after: float, errors: str, data: Path) -> None:
    seen = by_event(reports)
    assert "exit" in seen, f"the app did not quit: {reports}\n{errors}"
    assert seen["exit"]["status"] == 0, errors
    assert exited_after < 5.0, f"the process took {exited_after:.1f} s to end after Quit"
    assert seen["quit"]["seconds"] < 1.5, "Quit itself returns at once"
    # every step began on time, seen from the window
    offsets = seen["playing"]["offsets"]
    steps = seen["keys"]["steps"]
    first = steps[0][1]
    errors_ms = [abs((at - first) - offsets[index]) for index, at in steps[1:7]]
    assert len(errors_ms) == 6, steps
    assert max(errors_ms) < BOUNDARY_ERROR, errors_ms
    # the keys answer at once, and Space really paused
    assert seen["keys"]["states"] == ["paused", "playing"], "Space paused, Space went on"
    assert max(seen["keys"]["seconds"].values()) < 0.2, seen["keys"]
    assert not seen["speech"]["available"]
    assert seen["speech"]["notice"].startswith("The system voice is not answering;")
    # no sound card here: the built-in voice that takes over is not heard either, and it says so
    assert "hear" in seen["before"]["line"] or "Checking" in seen["before"]["line"]
    # the session closed mid-way is in the log, stopped where it was
    with sqlite3.connect(data / "unknot.sqlite3") as db:
        rows = db.execute("SELECT completed, stopped_at_step, step_count FROM session").fetchall()
    assert rows[-1][0] == 0
    assert rows[-1][2] == 8
    assert rows[-1][1] == 8, "stopped on the last step, where Right took it"


@pytest.mark.slow
def test_a_wedged_speech_daemon_never_freezes_the_app_and_quit_ends_it(tmp_path: Path) -> None:
    with wedged_speechd(tmp_path / "speechd") as address:
        env = app_env(tmp_path, address, QT_QPA_PLATFORM="offscreen")
        reports, exited_after, errors = run_driver(env, tmp_path)
        check_a_run(reports, exited_after, errors, tmp_path / "data")

        # the relaunch is not refused as "already running", and works the same
        reports, exited_after, errors = run_driver(env, tmp_path)
        assert "already running" not in json.dumps(reports)
        check_a_run(reports, exited_after, errors, tmp_path / "data")


@pytest.mark.xvfb
@pytest.mark.slow
def test_the_same_in_a_real_window(tmp_path: Path, xvfb_display: str) -> None:  # noqa: F811
    with wedged_speechd(tmp_path / "speechd") as address:
        env = app_env(tmp_path, address, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
        reports, exited_after, errors = run_driver(env, tmp_path)
        check_a_run(reports, exited_after, errors, tmp_path / "data")


# -- the terminal player ---------------------------------------------------------------------------


def play_in_terminal(
    tmp_path: Path, address: str | None, engine: str | None = None
) -> tuple[list[tuple[float, str]], int, str]:
    """`coach play quick --no-gui`; each output line with when it arrived.

    With `address` None, libspeechd finds (or starts) speech-dispatcher as it normally would.
    With `engine`, only that system engine speaks (COACH_SPEECH_ENGINE: no built-in voice).
    """
    env = app_env(tmp_path, address or "")
    env.pop("QT_QPA_PLATFORM", None)
    if address is None:
        env.pop("SPEECHD_ADDRESS")
    if engine is not None:
        env["COACH_SPEECH_ENGINE"] = engine
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "coach", "play", "quick", "--no-gui"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[tuple[float, str]] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append((time.monotonic(), line.rstrip("\n")))
            if "] 7/8 " in line:
                process.send_signal(2)  # Ctrl-C on the long last step
        status = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    assert process.stderr is not None
    errors = process.stderr.read()
    process.stderr.close()
    return lines, status, errors


STEP_LINE = re.compile(r"^\[\s*\d+:\d\d\] (\d+)/\d+ .* \((\d+(?:\.\d+)?)s\): ")


def check_terminal_timing(lines: list[tuple[float, str]]) -> None:
    """The first seven steps began on time: each when the ones before it, as played (every
    step's printed length, fitted to its words), had run their course."""
    steps = [(at, match) for at, text in lines if (match := STEP_LINE.match(text))]
    assert len(steps) >= 7, lines
    assert [int(match[1]) for _at, match in steps[:7]] == list(range(1, 8)), lines
    first = steps[0][0]
    offset, errors = 0.0, []
    for at, match in steps[:7]:
        errors.append(abs((at - first) - offset))
        offset += float(match[2])
    assert max(errors) < BOUNDARY_ERROR, errors


@pytest.mark.slow
def test_the_terminal_player_keeps_time_with_a_wedged_speech_daemon(tmp_path: Path) -> None:
    with wedged_speechd(tmp_path / "speechd") as address:
        began = time.monotonic()
        lines, status, errors = play_in_terminal(tmp_path, address)

    texts = [text for _at, text in lines]
    assert status == 130, errors
    assert any("The system voice is not answering" in text for text in texts), texts
    check_terminal_timing(lines)
    assert texts[-1].startswith("Stopped at step 7 of 8")
    assert lines[0][0] - began < 15, "it started without waiting for the daemon"
    assert "Traceback" not in errors
    with sqlite3.connect(tmp_path / "data" / "unknot.sqlite3") as db:
        [(completed, stopped_at)] = db.execute(
            "SELECT completed, stopped_at_step FROM session"
        ).fetchall()
    assert (completed, stopped_at) == (0, 7), "the terminal session is in the log too"


@pytest.mark.slow
def test_the_terminal_player_without_a_speech_daemon(tmp_path: Path) -> None:
    lines, status, errors = play_in_terminal(
        tmp_path, f"unix_socket:{tmp_path / 'no-daemon' / 'speechd.sock'}"
    )

    texts = [text for _at, text in lines]
    assert status == 130, errors
    assert any("No speech engine found" in text for text in texts), texts
    check_terminal_timing(lines)


def processes_mentioning(text: str) -> list[int]:
    """The ids of processes whose command line mentions `text` (a folder of this test's own)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.slow
def test_the_terminal_player_with_a_real_speech_daemon(tmp_path: Path) -> None:
    """speech-dispatcher present: started by libspeechd in this test's own runtime folder (here,
    with no sound card, it accepts the words and then stops answering), then ended.

    Only the system voice speaks here: the built-in voice, standing in mid-session once the
    daemon is let go, would rightly hold each step until its words are rendered (SessionRun's
    `waiting_for_words`), which is not what this test times.
    """
    import shutil
    import signal

    if shutil.which("speech-dispatcher") is None:
        pytest.skip("speech-dispatcher is not installed")
    runtime = str(tmp_path / "runtime")
    try:
        lines, status, errors = play_in_terminal(tmp_path, None, engine="speechd")
    finally:
        for pid in processes_mentioning(runtime):  # the daemon this test started, and only it
            os.kill(pid, signal.SIGKILL)

    assert status == 130, errors
    check_terminal_timing(lines)
    assert "Traceback" not in errors
