"""Hostile files against `coach import`, `log add` and `chart` (issue 13, cases 5, 6, 9, 10, 11, 14).

Each used to hang, crash with a traceback or be taken silently; each is now a clear line naming the
file (and the row), and nothing is written.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coach.cli.main import run
from coach.core.log.exchange import CSV_COLUMNS
from coach.paths import Paths

HEADER = ",".join(CSV_COLUMNS)
GOOD_SESSION = {
    "routine_id": "pmr-4",
    "routine_title": "Four groups",
    "started_at": "2026-03-01T18:00:00+01:00",
    "ended_at": "2026-03-01T18:08:00+01:00",
    "planned_seconds": 480,
    "actual_seconds": 480,
    "completed": True,
    "step_count": 20,
}


def export_with(days: list[object] = (), sessions: list[object] = ()) -> str:  # type: ignore[assignment]
    return json.dumps({"format": "unknot-log", "version": 1, "days": days, "sessions": sessions})


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        (export_with(days=[{"date": "2026-01-01", "pain": 10**400}]), "days[0]", "pain"),
        (
            export_with(days=[{"date": "2026-01-01", "sleep_hours": 10**400}]),
            "days[0]",
            "sleep_hours",
        ),
        (
            export_with(sessions=[{**GOOD_SESSION, "step_count": 2**63}]),
            "sessions[0]",
            "step_count",
        ),
        (
            export_with(sessions=[{**GOOD_SESSION, "planned_seconds": 10**400}]),
            "sessions[0]",
            "planned_seconds",
        ),
        (
            export_with(
                sessions=[
                    {
                        **GOOD_SESSION,
                        "started_at": "0001-01-01T00:00:00+05:00",
                        "ended_at": "0001-01-01T00:10:00+05:00",
                    }
                ]
            ),
            "sessions[0]",
            "date",
        ),
        (
            export_with(
                sessions=[
                    {
                        **GOOD_SESSION,
                        "started_at": "9999-12-31T23:00:00-05:00",
                        "ended_at": "9999-12-31T23:10:00-05:00",
                    }
                ]
            ),
            "sessions[0]",
            "date",
        ),
        (export_with(days=[{"date": "0001-01-01", "pain": 3}]), "days[0]", "date"),
        (export_with(days=[{"date": "9999-12-31", "pain": 3}]), "days[0]", "date"),
        (
            export_with(days=[{"date": "2026-01-01", "tags": [f"t{i}" for i in range(100_000)]}]),
            "days[0]",
            "at most 200 tags",
        ),
    ],
    ids=[
        "rating-10e400",
        "hours-10e400",
        "steps-2e63",
        "seconds-10e400",
        "year-1",
        "year-9999",
        "day-year-1",
        "day-year-9999",
        "100k-tags",
    ],
)
def test_a_hostile_row_is_a_row_error_naming_file_and_row(
    tmp_path: Path,
    paths: Paths,
    capsys: pytest.CaptureFixture[str],
    text: str,
    where: str,
    says: str,
) -> None:
    file = write(tmp_path, "hostile.json", text)
    assert run(["import", str(file)]) == 1
    err = capsys.readouterr().err
    assert f"{file}:{where}:" in err
    assert says in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            '{"format": "unknot-log", "version": 1, "days": [{"date": "2026-01-01", "pain": '
            + "1" * 5000
            + "}]}",
            "cannot read",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
    ids=["5000-digits", "nested-100k"],
)
def test_a_hostile_json_file_is_a_file_error(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str], text: str, says: str
) -> None:
    file = write(tmp_path, "hostile.json", text)
    assert run(["import", str(file)]) == 2
    err = capsys.readouterr().err
    assert str(file) in err
    assert says in err


def test_an_unclosed_quote_is_refused_naming_its_line(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(
        tmp_path,
        "quote.csv",
        f'{HEADER}\n2026-01-01,3,,,,,,,,,"a note\n2026-01-02,4,,,,,,,,,\n2026-01-03,5,,,,,,,,,\n',
    )
    assert run(["import", str(file)]) == 2
    err = capsys.readouterr().err
    assert f"{file}:line 2:" in err
    assert "never closed" in err
    assert not paths.database.exists() or run(["log", "show", "--from", "2026-01-01"]) == 0


def test_a_fifo_or_a_device_is_refused_at_once(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert run(["import", str(fifo)]) == 2  # nobody writes: reading it would never end
    assert run(["import", "/dev/zero"]) == 2
    err = capsys.readouterr().err
    assert err.count("not a regular file") == 2


def test_a_file_over_the_limit_is_refused_before_reading(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as out:
        out.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as out:
        out.truncate(1025 * 1024 * 1024)
    assert run(["import", str(big)]) == 2
    assert run(["import", str(huge)]) == 2
    assert capsys.readouterr().err.count("too large") == 2


def test_a_csv_of_one_endless_line_is_refused_without_reading_it_all(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    endless = tmp_path / "endless.csv"
    with endless.open("wb") as out:
        out.truncate(200 * 1024 * 1024)  # NULs, no line break
    assert run(["import", str(endless)]) == 2
    assert "line 1: a line is longer than 1 MiB" in capsys.readouterr().err


def test_dry_run_writes_nothing_not_even_a_new_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "fresh"
    file = write(tmp_path, "days.csv", f"{HEADER}\n2026-01-01,3,,,,,,,,,\n")
    assert run(["--data-dir", str(data), "import", "--dry-run", str(file)]) == 0
    assert "Would import 1 day(s)" in capsys.readouterr().out
    assert not data.exists(), "no folder, no log, no backup"


def test_dry_run_on_an_existing_log_takes_no_backup(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["log", "add", "--date", "2026-01-01", "--pain", "3"]) == 0
    for backup in paths.backups.iterdir():
        backup.unlink()
    before = sorted(p.name for p in paths.data_dir.rglob("*"))
    file = write(tmp_path, "days.csv", f"{HEADER}\n2026-01-02,3,,,,,,,,,\n")
    assert run(["import", "--dry-run", str(file)]) == 0
    assert sorted(p.name for p in paths.data_dir.rglob("*")) == before


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


def test_a_big_csv_streams_in_flat_memory_with_progress(tmp_path: Path) -> None:
    """60 MB of CSV (13,000 days with long notes): imported whole, with progress on stderr, in
    a process whose peak memory stays far below the file's size (it held 12x the file before)."""
    import datetime as dt
    import subprocess
    import sys

    from tests.conftest import REPO

    big = tmp_path / "big.csv"
    note = "x" * 4400
    with big.open("w", newline="", encoding="utf-8") as out:
        out.write(HEADER + "\r\n")
        for i in range(13_500):
            day = dt.date(1960, 1, 1) + dt.timedelta(days=i)
            out.write(f"{day},{i % 11},,,,,,,walk,,,{note}\r\n")
    small = tmp_path / "small.csv"
    small.write_text(f"{HEADER}\r\n2020-01-01,3,,,,,,,,,,\r\n", encoding="utf-8")

    def peak_kib(file: Path, data: str) -> tuple[int, subprocess.CompletedProcess[str]]:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                MEASURED,
                "--data-dir",
                str(tmp_path / data),
                "import",
                str(file),
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        return int(done.stderr.rsplit("PEAK ", 1)[1]), done

    baseline, _ = peak_kib(small, "d1")
    peak, done = peak_kib(big, "d2")
    assert done.returncode == 0, done.stderr
    assert "Imported 13500 day(s)" in done.stdout
    assert "Importing... " in done.stderr
    assert big.stat().st_size > 59_000_000
    assert (peak - baseline) * 1024 < 20_000_000, f"{peak - baseline} KiB more than a 1-row file"


MEASURED = (
    "import resource, sys; from coach.cli.main import run; status = run(sys.argv[1:]); "
    "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
    "sys.exit(status)"
)
