"""`coach chart`: the Trends charts as PNG or SVG files, drawn without a display."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach.core.log.entries import DayEntry, SessionRecord
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from tests.cli.test_main import REPO, coach_env

END = dt.date(2026, 3, 10)


def fill_log(data: Path, days: int = 30, sessions: int = 8) -> None:
    """`days` days up to END with varied ratings, and `sessions` rated sessions on the last days."""
    paths = Paths.resolve(data)
    paths.ensure()
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        log.save_days(
            DayEntry(
                END - dt.timedelta(days=back),
                pain=3 + back % 5,
                worst_pain=5 + back % 5,
                sleep_quality=8 - back % 4,
                sleep_hours=7.0,
            )
            for back in range(days)
        )
        for back in range(sessions):
            start = dt.datetime.combine(END - dt.timedelta(days=back), dt.time(19), ZoneInfo("UTC"))
            log.record_session(
                SessionRecord(
                    "pmr-4",
                    "Progressive muscle relaxation: 4 groups (short)",
                    start,
                    start + dt.timedelta(minutes=8),
                    480,
                    480,
                    True,
                    21,
                    pain_before=6,
                    pain_after=4,
                )
            )
    finally:
        log.close()


def coach(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m coach ARGS` with no display and no Qt platform chosen."""
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        cwd=REPO,
        env=coach_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (no Qt needed)."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


@pytest.mark.parametrize("chart", ["trends", "effect", "sleep"])
def test_each_chart_is_written_without_a_display(tmp_path: Path, chart: str) -> None:
    fill_log(tmp_path / "data")
    output = tmp_path / f"{chart}.png"

    result = coach(
        tmp_path, "chart", chart, "--output", str(output), "--width", "800", "--height", "500"
    )

    assert result.returncode == 0, result.stderr
    assert png_size(output) == (800, 500)
    assert output.stat().st_size > 5000
    assert result.stdout.startswith(f"wrote {output}")


def test_svg_and_a_date_range(tmp_path: Path) -> None:
    fill_log(tmp_path / "data")
    output = tmp_path / "trends.svg"

    result = coach(
        tmp_path,
        "chart",
        "trends",
        "--output",
        str(output),
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-08",
    )

    assert result.returncode == 0, result.stderr
    assert "2026-03-01 to 2026-03-08" in result.stdout
    assert ET.parse(output).getroot().tag.endswith("svg")
    assert "1 Mar 2026 to 8 Mar 2026" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trends", "--output", "x.jpg"], "must end in .png or .svg"),
        (["trends", "--output", "x.png", "--from", "2026-03-09", "--to", "2026-03-01"], "is after"),
        (["trends", "--output", "x.png", "--from", "March"], "--from"),
        (["trends", "--output", "x.png", "--width", "10"], "--width: must be from"),
        (["trends", "--output", "no/such/folder/x.png"], "no such folder"),
        (
            ["trends", "--output", "x.png", "--from", "2020-01-01", "--to", "2020-02-01"],
            "nothing is logged",
        ),
        (
            ["sleep", "--output", "x.png", "--from", "2026-03-01"],
            "14 days with both sleep and pain are needed",
        ),
    ],
)
def test_mistakes_are_explained_and_nothing_is_written(
    tmp_path: Path, args: list[str], message: str
) -> None:
    fill_log(tmp_path / "data")
    args = [str(tmp_path / a) if a.endswith((".png", ".jpg")) else a for a in args]

    result = coach(tmp_path, "chart", *args)

    assert result.returncode != 0
    assert message in result.stderr
    assert result.stderr.startswith("coach: ")
    assert not list(tmp_path.glob("x.*"))


def test_an_empty_log_has_nothing_to_chart(tmp_path: Path) -> None:
    result = coach(tmp_path, "chart", "effect", "--output", str(tmp_path / "e.png"))

    assert result.returncode == 1
    assert "nothing is logged" in result.stderr


def test_effect_needs_rated_sessions(tmp_path: Path) -> None:
    fill_log(tmp_path / "data", sessions=0)

    result = coach(tmp_path, "chart", "effect", "--output", str(tmp_path / "e.png"))

    assert result.returncode == 1
    assert "no session in that range has pain rated both before and after" in result.stderr
