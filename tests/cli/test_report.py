"""`coach report`: a PDF from the log without a display, and a clear message for every bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coach.cli.main import run
from coach.core.log.entries import DayEntry
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from tests.core.analytics.test_report import ninety_days

TODAY = dt.date.today()


def fill(paths: Paths, days: list[DayEntry]) -> None:
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        log.import_log(days, [])
    finally:
        log.close()


def shifted_to_today() -> list[DayEntry]:
    """The 90-day log, moved so it ends today."""
    days, _sessions = ninety_days()
    shift = TODAY - days[-1].date
    return [
        DayEntry(d.date + shift, **{k: getattr(d, k) for k in ("pain", "worst_pain", "tags")})
        for d in days
    ]


def report(paths: Paths, *args: str) -> int:
    return run(["--data-dir", str(paths.data_dir), "report", *args])


def test_the_report_of_the_last_three_months(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(paths, shifted_to_today())
    out = tmp_path / "for the doctor.pdf"
    assert report(paths, "--output", str(out), "--note", "Worse at work") == 0
    said = capsys.readouterr().out
    assert said.startswith(f"wrote {out} (2 pages, A4, ")
    assert f"to {TODAY}" in said
    assert out.read_bytes().startswith(b"%PDF-")
    assert report(paths, "--output", str(out), "--summary-only", "--paper", "letter") == 0
    assert "(1 page, LETTER" in capsys.readouterr().out


def test_a_period_of_one_day(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(paths, shifted_to_today())
    out = tmp_path / "one.pdf"
    day = TODAY.isoformat()
    assert report(paths, "--from", day, "--to", day, "--output", str(out)) == 0
    assert "1 day(s) logged" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "x.png"], "--output: x.png must end in .pdf"),
        (["--output", "/no/such/folder/x.pdf"], "--output: no such folder: /no/such/folder"),
        (["--from", "2026-02-30", "--output", "x.pdf"], "--from: is not a real date"),
        (
            ["--from", "2026-03-05", "--to", "2026-03-01", "--output", "x.pdf"],
            "--from 2026-03-05 is after --to 2026-03-01",
        ),  # fmt: skip
        (
            ["--to", (TODAY + dt.timedelta(days=3)).isoformat(), "--output", "x.pdf"],
            "is in the future",
        ),  # fmt: skip
        (
            ["--note", "x" * 10_000, "--output", "x.pdf"],
            "--note: at most 1200 characters, got 10000",
        ),  # fmt: skip
    ],
)
def test_bad_options_are_one_clear_line(
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    fill(paths, shifted_to_today())
    monkeypatch.chdir(tmp_path)
    assert report(paths, *args) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_an_empty_log_and_dates_outside_the_log(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert report(paths, "--output", str(out)) == 1
    assert "nothing is logged from" in capsys.readouterr().err
    fill(paths, [DayEntry(dt.date(2024, 5, 1), pain=3), DayEntry(dt.date(2024, 5, 9), pain=4)])
    assert report(paths, "--from", "2025-01-01", "--to", "2025-02-01", "--output", str(out)) == 1
    err = capsys.readouterr().err
    assert "nothing is logged from 2025-01-01 to 2025-02-01" in err
    assert "your log runs from 2024-05-01 to 2024-05-09" in err
    assert not out.exists()
    # a period reaching past both ends of the log is a report of what is in it
    assert report(paths, "--from", "2024-01-01", "--to", "2024-12-31", "--output", str(out)) == 0
    assert "2 day(s) logged" in capsys.readouterr().out
