"""`coach demo-data`: writes a made-up log into an empty folder, and never into a real one."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

import pytest

from coach.cli.demo import first_day, installed_routines
from coach.cli.main import run
from coach.core.log.demo import demo_marker, generate_demo, is_demo
from coach.core.log.entries import DayEntry, SessionRecord
from coach.core.playing.timeline import Timeline
from coach.core.routines.library import RoutineLibrary
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository

NOT_MIXED = "demo data is never mixed into a real log: use --data-dir DIR with an empty folder"


def everything(paths: Paths) -> tuple[list[DayEntry], list[SessionRecord]]:
    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        return repo.days(dt.date.min, dt.date.max), repo.sessions(dt.date.min, dt.date.max)
    finally:
        repo.close()


def dump(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_writes_demo_data_into_an_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert run(["--data-dir", str(folder), "demo-data", "--days", "60", "--seed", "3"]) == 0
    paths = Paths.resolve(folder)
    days, sessions = everything(paths)
    today = dt.date.today()
    start = today - dt.timedelta(days=59)
    routines = installed_routines(paths)
    expected_days, expected_sessions = generate_demo(start, today, 3, routines=routines)
    assert days == expected_days
    # sessions are the same, except any of today's not finished yet when the command ran
    stored = [(s.routine_id, s.started_at, s.pain_before, s.pain_after) for s in sessions]
    made = [(s.routine_id, s.started_at, s.pain_before, s.pain_after) for s in expected_sessions]
    assert stored == made[: len(stored)]
    assert all(s.day == today for s in expected_sessions[len(stored) :])

    out = capsys.readouterr().out
    assert str(folder) in out
    assert f"{len(days)} days and {len(sessions)} sessions" in out
    assert f"coach --data-dir {folder}" in out
    assert is_demo(folder)
    marker = demo_marker(folder).read_text(encoding="utf-8")
    assert "DEMO DATA" in marker
    assert "seed 3" in marker


def test_sessions_have_the_installed_routines_titles_and_lengths(
    tmp_path: Path, library: RoutineLibrary
) -> None:
    folder = tmp_path / "demo"
    assert run(["--data-dir", str(folder), "demo-data", "--days", "90"]) == 0
    _, sessions = everything(Paths.resolve(folder))
    scan = library.scan()
    for record in sessions:
        entry = scan.find(record.routine_id)
        assert entry is not None
        timeline = Timeline.from_routine(entry.routine)
        assert record.routine_title == entry.routine.title
        assert record.planned_seconds == timeline.total
        assert record.step_count == len(timeline)
    assert {s.routine_id for s in sessions} == {"pmr-4", "pmr-16", "massage-low-back"}


def test_an_existing_but_empty_log_is_fine(paths: Paths, log: LogRepository) -> None:
    assert log.date_range() is None
    assert run(["--data-dir", str(paths.data_dir), "demo-data", "--days", "10"]) == 0
    assert everything(paths)[0]


@pytest.mark.parametrize("what", ["day", "session"])
def test_refuses_a_log_with_entries_and_leaves_it_alone(
    paths: Paths, log: LogRepository, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    if what == "day":
        log.save_day(DayEntry(dt.date(2024, 5, 1), pain=3, note="real"))
    else:
        start = dt.datetime(2024, 5, 1, 21, 0).astimezone()
        log.record_session(
            SessionRecord("pmr-4", "Short", start, start, 481.0, 0.0, False, 21, stopped_at_step=1)
        )
    before = dump(paths.database)

    assert run(["--data-dir", str(paths.data_dir), "demo-data", "--days", "30"]) == 1
    err = capsys.readouterr().err
    assert NOT_MIXED in err
    assert str(paths.data_dir) in err
    assert dump(paths.database) == before
    assert not is_demo(paths.data_dir)


def test_refuses_your_own_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COACH_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # where the default folder is
    own = Paths.resolve(env={}).data_dir
    assert own.is_relative_to(tmp_path)
    assert run(["demo-data", "--days", "5"]) == 1
    assert NOT_MIXED in capsys.readouterr().err
    assert not own.exists()


def test_ten_years_in_a_few_seconds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ten"
    began = time.perf_counter()
    assert run(["--data-dir", str(folder), "demo-data", "--years", "10"]) == 0
    elapsed = time.perf_counter() - began
    assert elapsed < 15, f"10 years of demo data took {elapsed:.1f} s"
    days, sessions = everything(Paths.resolve(folder))
    span = (days[-1].date - days[0].date).days + 1
    assert 3640 <= span <= 3653
    assert 0.85 * span < len(days) < span  # nearly every day, with gaps
    played_on = {s.day for s in sessions}
    assert len(played_on) > 0.6 * span  # a session most days
    assert "coach --data-dir" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("end", "years", "days", "first"),
    [
        (dt.date(2026, 3, 14), None, None, dt.date(2025, 3, 15)),  # default: one year
        (dt.date(2026, 3, 14), 10, None, dt.date(2016, 3, 15)),
        (dt.date(2024, 2, 29), 1, None, dt.date(2023, 3, 1)),  # from a leap day
        (dt.date(2026, 3, 14), None, 1, dt.date(2026, 3, 14)),
        (dt.date(2026, 3, 14), None, 14, dt.date(2026, 3, 1)),
    ],
)
def test_first_day(end: dt.date, years: int | None, days: int | None, first: dt.date) -> None:
    assert first_day(end, years, days) == first


@pytest.mark.parametrize(
    "argv",
    [
        ["demo-data", "--years", "0"],
        ["demo-data", "--days", "-3"],
        ["demo-data", "--years", "two"],
        ["demo-data", "--years", "1", "--days", "5"],
        ["demo-data", "--seed", "x"],
    ],
)
def test_bad_options_are_refused_before_anything_is_written(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nothing"
    with pytest.raises(SystemExit) as exit_info:
        run(["--data-dir", str(folder), *argv])
    assert exit_info.value.code == 2
    assert "demo-data" in capsys.readouterr().err
    assert not folder.exists()
