"""A -shm file left read-only from a time the log was read-only (issue 13, case 15): the write
that fails names that file and says what to do, not "attempt to write a readonly database".

Root ignores file modes, so the writer runs as another user (nobody) with the system Python;
skipped where that is not possible.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository

NOBODY = 65534
REPO = Path(__file__).resolve().parents[2]
SITE = next(Path(sys.prefix).glob("lib/python3*/site-packages"), None)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="unknot-shm-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_shm_is_named_when_a_write_fails(open_folder: Path) -> None:
    python = shutil.which("python3", path="/usr/bin:/bin")
    if os.geteuid() != 0 or shutil.which("setpriv") is None or python is None or SITE is None:
        pytest.skip("needs root, setpriv and a system python3 to write as another user")
    data = open_folder / "data"
    data.mkdir(mode=0o755)
    database = data / "unknot.sqlite3"
    repo = LogRepository.open(database, BackupKeeper(data / "backups"))
    repo.save_day(DayEntry(dt.date(2026, 1, 1), pain=3))
    repo.close()
    for path in [data, *data.rglob("*")]:
        os.chown(path, NOBODY, NOBODY)
    # the log made read-only and read (SQLite makes its -shm with the log's mode), then writable
    database.chmod(0o444)
    reader = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    reader.execute("SELECT count(*) FROM day").fetchone()
    shm = data / "unknot.sqlite3-shm"
    if not shm.exists():
        shm.write_bytes(b"\0" * 32768)
    os.chown(shm, NOBODY, NOBODY)
    shm.chmod(0o444)
    reader.close()
    database.chmod(0o644)
    done = subprocess.run(
        [
            "setpriv",
            f"--reuid={NOBODY}",
            f"--regid={NOBODY}",
            "--clear-groups",
            python,
            str(Path(__file__).with_name("other_user_child.py")),
            str(REPO),
            str(SITE),
            str(database),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if "ModuleNotFoundError" in done.stdout + done.stderr:
        pytest.skip(f"the system python cannot import Unknot: {done.stderr[-300:]}")
    assert str(shm) in done.stdout, done.stdout + done.stderr
    assert "shared-memory index" in done.stdout
    assert "chmod u+w" in done.stdout
