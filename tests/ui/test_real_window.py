"""`coach --self-test` in a real process: on a real X server (Xvfb) and on the offscreen platform."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

XVFB_START_TIMEOUT = 15.0


def self_test_env(tmp_path: Path, **display: str) -> dict[str, str]:
    """A controlled environment: fresh folders, and only the display settings given."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "XDG_RUNTIME_DIR": str(runtime),
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_CONFIG_DIR": str(tmp_path / "config"),
        **display,
    }


def run_self_test(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", "--self-test"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _read_display_number(fd: int, server: subprocess.Popen[bytes]) -> str:
    """Xvfb writes its display number and a newline to `fd` once it accepts connections."""
    deadline = time.monotonic() + XVFB_START_TIMEOUT
    received = b""
    while not received.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"Xvfb gave no display number within {XVFB_START_TIMEOUT:g} s")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 64)
            if not chunk:
                raise RuntimeError(f"Xvfb exited before it was ready (status {server.poll()})")
            received += chunk
    return received.decode().strip()


@pytest.fixture(scope="module")
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server for this module; yields its DISPLAY (":N")."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        try:
            number = _read_display_number(read_end, server)
        except (TimeoutError, RuntimeError) as exc:
            server.kill()
            _, errors = server.communicate(timeout=10)
            pytest.fail(f"{exc}\n{errors.decode(errors='replace')}")
        yield f":{number}"
    finally:
        os.close(read_end)
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
        if server.stderr is not None:
            server.stderr.close()


@pytest.mark.xvfb
def test_self_test_on_a_real_x_server(xvfb_display: str, tmp_path: Path) -> None:
    env = self_test_env(tmp_path, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")

    result = run_self_test(env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout
    assert (tmp_path / "data" / "sessions").is_dir(), "the app set up its folders"


def test_self_test_offscreen(tmp_path: Path) -> None:
    env = self_test_env(tmp_path, QT_QPA_PLATFORM="offscreen")

    result = run_self_test(env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("self-test ok: main window shown after ")
