"""On a real X server with a 1024x640 screen: the window fits, and eyes-closed mode is dark."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.ui.test_real_window import _read_display_number, self_test_env


@pytest.fixture(scope="module")
def small_display() -> Iterator[str]:
    """A private Xvfb server with a 1024x640 screen; yields its DISPLAY."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_end), "-screen", "0", "1024x640x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        yield f":{_read_display_number(read_end, server)}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.xvfb
def test_the_window_fits_a_small_screen_and_eyes_closed_is_dark(
    small_display: str, tmp_path: Path
) -> None:
    env = self_test_env(tmp_path, DISPLAY=small_display, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "ui" / "small_screen_probe.py")],
        cwd=REPO,
        env={**env, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    width, height = found["available"]
    x, y, frame_width, frame_height = found["frame"]
    assert frame_width <= width
    assert frame_height <= height, "the status bar and the calendar stay on screen"
    assert x >= 0
    assert y >= 0
    assert found["dark_share"] > 0.97, "eyes closed: the whole screen is dark"
