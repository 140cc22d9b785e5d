"""Hostile input against `log add` and `chart` (issue 13); the hostile files against `coach import`
are tested with the command itself, in tests/cli/test_import_log.py.

Each used to hang, crash with a traceback or be taken silently; each is now a clear line, and
nothing is written.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from coach.cli.main import run
from coach.paths import Paths


def test_log_add_follows_the_same_date_rule(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["log", "add", "--date", "0001-01-01", "--pain", "3"]) == 1
    assert "must be a date from 1900-01-01" in capsys.readouterr().err


def test_a_chart_over_any_stored_date_draws_and_is_private(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt
    import sqlite3

    from coach.core.log.entries import DayEntry
    from coach.store.backup import BackupKeeper
    from coach.store.repository import LogRepository

    for i in range(10):
        assert run(["log", "add", "--date", f"2026-01-{i + 1:02d}", "--pain", str(i)]) == 0
    # days from before the rule: written behind the store's back, as an old import did
    conn = sqlite3.connect(paths.database)
    for date in ("0001-01-01", "9999-12-31"):
        conn.execute("INSERT INTO day (date, pain, updated_at) VALUES (?, 5, 'x')", (date,))
    conn.commit()
    conn.close()
    out = tmp_path / "trends.png"
    assert run(["chart", "trends", "--output", str(out)]) == 0  # used to segfault
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    assert repo.date_range() == (dt.date(2026, 1, 1), dt.date(2026, 1, 10))
    assert repo.get_day(dt.date(1, 1, 1)) == DayEntry(dt.date(1, 1, 1), pain=5)  # still readable
    repo.close()
