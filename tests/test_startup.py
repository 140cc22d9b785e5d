"""Start-up stays fast: the window frame appears before anything heavy is imported or opened.

(The timing itself is benchmarks/startup.py's job; these check what makes it possible.)
"""

from __future__ import annotations

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
