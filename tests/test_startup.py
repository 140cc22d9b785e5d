"""Start-up stays fast: the window frame appears before anything heavy is imported or opened.

(The timing itself is benchmarks/startup.py's job; these check what makes it possible.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coach.__main__ import _app_options
from tests.conftest import REPO

# What the frame shown first must not need: each is imported, opened or read after it is shown.
HEAVY = (
    "numpy",
    "pyqtgraph",
    "simpleaudio",
    "sqlite3",
    "xml.etree.ElementTree",
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "PySide6.QtNetwork",
    "coach.cli.main",
    "coach.core.routines.library",
    "coach.core.body.body_shapes",
    "coach.core.log.reminders",
    "coach.store.repository",
    "coach.services.sound.audio",
    "coach.services.sound.speech",
    "coach.ui.today.today_view",
    "coach.ui.library.routines_view",
    "coach.ui.body_map.body_map_view",
    "coach.ui.trends.trends_view",
    "coach.ui.shell.main_window",
    "coach.services.routine_catalog",
    "coach.services.day_editor",
)

FRAME = """
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
from coach.__main__ import _app_options  # what `python -m coach` imports first
import coach.app
from coach.paths import Paths
from coach.services.composition import build_services
from coach.services.settings import Settings
from coach.ui.shell.opening_frame import OpeningFrame
from coach.ui.shell.window_size import fit_to_screen

folder = Path(tempfile.mkdtemp())
app = QApplication([])
paths = Paths.resolve(folder / "data")
paths.ensure()
settings = Settings.for_paths(paths)
services = build_services(paths, settings)  # nothing is built until asked for
frame = OpeningFrame()
fit_to_screen(frame, settings)  # as the window was last left
frame.show()
app.processEvents()
print("\\n".join(sorted(sys.modules)))
"""


def test_the_first_frame_imports_nothing_heavy(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FRAME],
        cwd=REPO,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "QT_QPA_PLATFORM": "offscreen",
            "COACH_CONFIG_DIR": str(tmp_path / "config"),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded = set(result.stdout.split())
    assert {
        "PySide6.QtWidgets",
        "coach.ui.shell.opening_frame",
        "coach.services.composition",
    } <= loaded

    assert sorted(loaded & set(HEAVY)) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (None, False)),
        (["--self-test"], (None, True)),
        (["--data-dir", "/x", "--self-test"], ("/x", True)),
        (["--data-dir=/x"], ("/x", False)),
    ],
)
def test_opening_the_app_goes_straight_to_the_window(args, expected) -> None:
    assert _app_options(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["sessions", "list"],
        ["--data-dir"],
        ["--data-dir", "--self-test"],
        ["--data-dir="],
        ["--self"],  # argparse's abbreviations, and its errors, stay argparse's
        ["--data-dir", "/x", "log", "show"],
    ],
)
def test_anything_else_goes_to_the_command_line(args) -> None:
    assert _app_options(args) is None


# The real start (`run_app`, not the self-test): what is loaded when the first frame is exposed,
# then, once the main window is up, that the deferred parts did start.
REAL_START = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
seen = {}

class FirstExpose(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and "at_expose" not in seen:
            seen["at_expose"] = sorted(sys.modules)
        return False

watcher = FirstExpose()
app.installEventFilter(watcher)

def main_window_up():
    return any(
        w.isVisible() and type(w).__name__ == "MainWindow" for w in app.topLevelWidgets()
    )

def check():
    if main_window_up() and "PySide6.QtNetwork" in sys.modules:
        seen["after"] = sorted(sys.modules)
        app.exit(0)

poll = QTimer()
poll.timeout.connect(check)
poll.start(20)
QTimer.singleShot(30_000, lambda: app.exit(3))
from coach.app import run_app
from coach.paths import Paths
status = run_app(Paths.resolve(sys.argv[1]))
print(json.dumps({"status": status, **seen}))
"""


def test_the_real_start_shows_its_frame_before_the_single_instance_socket_and_the_log(
    tmp_path,
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-c", REAL_START, str(data)],
        cwd=REPO,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(runtime),
            "COACH_CONFIG_DIR": str(tmp_path / "config"),
            "COACH_CACHE_DIR": str(tmp_path / "cache"),
        },
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == 0, result.stderr
    at_expose, after = set(report["at_expose"]), set(report["after"])
    assert "coach.ui.shell.opening_frame" in at_expose
    deferred = {"PySide6.QtNetwork", "logging.handlers", "coach.diagnostics", "platformdirs"}
    assert sorted(at_expose & (set(HEAVY) | deferred)) == []
    # ...and each did start once the frame was on screen
    assert {"PySide6.QtNetwork", "coach.diagnostics", "coach.ui.shell.main_window"} <= after
    assert (data / "logs" / "unknot.log").read_text(encoding="utf-8").count(" started; ") == 1
    assert [p.name for p in runtime.iterdir() if p.name.endswith(".lock")], "the lock file"


def test_the_opening_frame_says_what_it_is_doing_once_the_loop_runs(qtbot) -> None:
    from coach.ui.shell.opening_frame import OpeningFrame

    frame = OpeningFrame()
    qtbot.addWidget(frame)
    assert frame.message is None, "no text is measured before the window is shown"
    frame.show()
    qtbot.waitUntil(lambda: frame.message is not None)
    assert frame.message is not None
    assert frame.message.text() == "Opening your log…"
    qtbot.waitUntil(frame.message.isVisible)
