"""The entry point: `coach` with nothing but app options opens the window; anything else is a
command-line command (whose parser explains mistakes); `--speech-host` is the voice's process.

(Which arguments count as app options is checked in tests/test_startup.py.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coach import __version__
from coach.__main__ import main
from tests.conftest import REPO


def test_a_command_runs_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["--data-dir", str(tmp_path / "data"), "sessions", "list"])

    assert status == 0
    assert "massage-foot" in capsys.readouterr().out


def test_the_arguments_default_to_the_processes_own(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["coach", "--version"])

    with pytest.raises(SystemExit) as ended:
        main()

    assert ended.value.code == 0
    assert capsys.readouterr().out.strip().endswith(f"(Unknot) {__version__}")


@pytest.mark.parametrize("args", [["--data-dir"], ["--no-such-option"], ["sessions", "sing"]])
def test_a_mistake_is_explained_by_the_parser(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(args)

    assert ended.value.code == 2
    assert "usage: coach" in capsys.readouterr().err


def test_app_options_alone_open_the_window(
    tmp_path: Path, qtbot, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "elsewhere"

    assert main(["--self-test", f"--data-dir={data}"]) == 0

    assert capsys.readouterr().out.startswith("self-test ok: main window shown after ")
    assert (data / "unknot.sqlite3").is_file(), "the log was opened in the folder given"


def test_python_dash_m_coach_is_the_same_entry_point(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coach", "--version"],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"coach (Unknot) {__version__}"
