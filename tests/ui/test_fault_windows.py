"""The disk and crash cases of issue 13 in the real app, in a real window on Xvfb.

Each run starts the whole app (`tests/ui/fault_driver.py`), which answers its dialogs and
reports them: a read-only or full data folder, the data folder deleted while the app runs, and
an exception escaping into Qt.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from tests.conftest import REPO
from tests.store.disks import fill, free, make_read_only, make_writable, small_disk
from tests.ui.test_real_window import self_test_env, xvfb_display  # noqa: F401 - a fixture

pytestmark = pytest.mark.xvfb


def drive(env: dict[str, str], scenario: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.fault_driver", scenario],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    events = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr or scenario == "crash", done.stderr
    return events


def app_env(tmp_path: Path, display: str, data: Path) -> dict[str, str]:
    env = self_test_env(tmp_path, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env["COACH_DATA_DIR"] = str(data)
    config = Path(env["COACH_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "unknot.ini").write_text("[first_run]\ndone=true\n", encoding="utf-8")
    return env


def a_log(data: Path, days: int = 20) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "sessions").mkdir(exist_ok=True)
    repo = LogRepository.open(data / "unknot.sqlite3", BackupKeeper(data / "backups"))
    repo.save_days(
        DayEntry(__import__("datetime").date(2026, 1, 1 + i), pain=4) for i in range(days)
    )
    repo.close()


def dialogs(events: list[dict[str, object]]) -> list[dict[str, object]]:
    return [e for e in events if "dialog" in e]


def test_a_read_only_data_folder_opens_read_only_and_says_so(
    xvfb_display: str,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        data = disk / "data"
        a_log(data)
        (data / "sessions" / "README.txt").write_text("x", encoding="utf-8")
        make_read_only(disk)
        try:
            events = drive(app_env(tmp_path, xvfb_display, data), "open")
        finally:
            make_writable(disk)
        [told] = dialogs(events)
        assert told["title"] == "Your log is open read-only"
        assert "not damaged" in str(told["text"])
        assert "read-only" in str(told["text"])
        assert {"window": "ready"} in events
        [save] = [e for e in events if "saved" in e]
        assert save["editable"] is False, "the day is shown, but nothing can be typed into it"
        assert "open read-only" in str(save["status"])
        assert not [p for p in data.iterdir() if ".damaged-" in p.name], "nothing moved aside"
        with closing(sqlite3.connect(data / "unknot.sqlite3")) as conn:
            notes = [note for (note,) in conn.execute("SELECT note FROM day")]
        assert "typed in the real window" not in notes


def test_a_full_disk_never_offers_to_replace_a_healthy_log(
    xvfb_display: str,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        data = disk / "data"
        a_log(data)
        (data / "sessions" / "README.txt").write_text("x", encoding="utf-8")
        for backup in (data / "backups").iterdir():
            backup.unlink()
        fill(disk)
        try:
            events = drive(app_env(tmp_path, xvfb_display, data), "open")
        finally:
            free(disk)
        titles = [d["title"] for d in dialogs(events)]
        assert "Your log could not be read" not in titles
        assert titles
        assert titles[0] in ("Your log is open read-only", "Today's backup was not taken")
        assert "full" in str(dialogs(events)[0]["text"])
        assert {"window": "ready"} in events
        assert not [p for p in data.iterdir() if ".damaged-" in p.name]
        repo = LogRepository.open(data / "unknot.sqlite3", BackupKeeper(data / "backups"))
        assert (
            len(repo.days(__import__("datetime").date.min, __import__("datetime").date.max)) == 20
        )
        repo.close()


def test_the_data_folder_deleted_while_running_is_written_again_and_told(
    xvfb_display: str,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    a_log(data)
    events = drive(app_env(tmp_path, xvfb_display, data), "deleted")
    [save] = [e for e in events if "saved" in e]
    assert save["saved"] is True
    [warning] = [d for d in dialogs(events) if d["dialog"] == "log-file-warning"]
    assert "deleted" in str(warning["text"])
    assert {"log_exists": True} in events
    repo = LogRepository.open(data / "unknot.sqlite3", BackupKeeper(data / "backups"))
    days = repo.days(__import__("datetime").date.min, __import__("datetime").date.max)
    repo.close()
    assert len(days) == 21, "the 20 days from before, and the note typed after the folder went"
    assert any(d.note == "typed in the real window" for d in days)


def test_an_error_escaping_into_qt_shows_a_kind_dialog_naming_the_log(
    xvfb_display: str,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    a_log(data)
    events = drive(app_env(tmp_path, xvfb_display, data), "crash")
    [crash] = [d for d in dialogs(events) if d["dialog"] == "crash-dialog"]
    assert "Something went wrong" in str(crash["text"])
    log = data / "logs" / "unknot.log"
    assert str(log) in str(crash["text"])
    assert "unhandled ZeroDivisionError" in log.read_text()
    assert oct(log.stat().st_mode & 0o777) == "0o600"
