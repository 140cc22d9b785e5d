"""`coach log add` and `coach export` (and exports imported again) on real SQLite files and real files;
`log show` is in test_log_show, the shared pieces in test_log_common, `coach import` in test_import_log."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from coach.cli.main import run
from coach.core.log.entries import DayEntry, MedicationTaken, SessionRecord
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from tests.cli.log_reads import all_of, dump, stored_day
from tests.conftest import REPO

DAY = "2026-01-15"
PARIS = dt.timezone(dt.timedelta(hours=1))


def session(start: dt.datetime, routine: str = "pmr-4", **extra: object) -> SessionRecord:
    values: dict = {
        "routine_id": routine,
        "routine_title": "Four groups",
        "started_at": start,
        "ended_at": start + dt.timedelta(minutes=15),
        "planned_seconds": 900.0,
        "actual_seconds": 900.0,
        "completed": True,
        "step_count": 20,
        "pain_before": 6,
        "pain_after": 4,
    }
    return SessionRecord(**(values | extra))


def seed(paths: Paths, days: list[DayEntry], sessions: list[SessionRecord] = ()) -> None:
    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        repo.save_days(days)
        for s in sessions:
            repo.record_session(s)
    finally:
        repo.close()


# -- log add ---------------------------------------------------------------------------------------


def test_log_add_sets_every_option(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    status = run(
        [
            "log", "add", "--date", DAY,
            "--pain", "4", "--worst", "7", "--sleep", "6", "--sleep-hours", "7.5",
            "--stress", "3", "--enjoyment", "2", "--activity", "5",
            "--tag", "Walk", "--tag", "bad  night",
            "--area", "left_neck=3", "--area", "lower_back=6",
            "--note", "=long day, \"tired\"",
        ]
    )  # fmt: skip

    assert status == 0
    assert stored_day(paths, DAY) == DayEntry(
        dt.date(2026, 1, 15),
        pain=4,
        worst_pain=7,
        sleep_quality=6,
        sleep_hours=7.5,
        stress=3,
        enjoyment=2,
        activity=5,
        tags=("bad night", "walk"),
        areas={"left_neck": 3, "left_lower_back": 6, "right_lower_back": 6},  # a group: each
        note='=long day, "tired"',
    )
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith("Logged 2026-01-15: pain 4, worst 7, sleep quality 6, stress 3")
    assert "slept 7.5 h; tags: bad night, walk; areas: left_lower_back 6, left_neck 3" in out


def test_log_add_merges_into_the_day(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    first = ["--pain", "4", "--tag", "walk", "--area", "left_neck=3", "--note", "morning"]
    assert run(["log", "add", "--date", DAY, *first]) == 0
    second = ["--pain", "6", "--tag", "rain", "--area", "left_neck=5", "--area", "right_neck=2"]
    assert run(["log", "add", "--date", DAY, *second, "--sleep-hours", "6:45"]) == 0

    assert stored_day(paths, DAY) == DayEntry(
        dt.date(2026, 1, 15),
        pain=6,  # replaced
        sleep_hours=6.75,
        tags=("rain", "walk"),  # added
        areas={"left_neck": 5, "right_neck": 2},  # per region
        note="morning",  # kept: not given
    )
    assert run(["log", "add", "--date", DAY, "--note", ""]) == 0
    assert stored_day(paths, DAY).note == ""
    assert "note" not in capsys.readouterr().out.splitlines()[-1]


def test_log_add_defaults_to_today(paths: Paths) -> None:
    before = dt.date.today()
    assert run(["log", "add", "--pain", "2"]) == 0
    after = dt.date.today()

    logged = [d.date for d in all_of(paths)[0]]
    assert logged in ([before], [after])
    assert run(["log", "add", "--date", "yesterday", "--pain", "1"]) == 0
    assert stored_day(paths, dt.date.today() - dt.timedelta(days=1)).pain == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pain", "11"], "--pain: must be from 0 to 10, got 11"),
        (["--worst", "-1"], "--worst: must be from 0 to 10, got -1"),
        (["--sleep", "a lot"], "--sleep: must be a whole number from 0 to 10, got 'a lot'"),
        (["--stress", "4.5"], "--stress: must be a whole number from 0 to 10, got 4.5"),
        (["--enjoyment", ""], "--enjoyment: needs a value"),
        (["--activity", "nan"], "--activity: must be a whole number from 0 to 10, got nan"),
        (["--sleep-hours", "25"], "--sleep-hours: must be from 0 to 24 hours, got 25"),
        (["--sleep-hours", "long"], "--sleep-hours: must be a number of hours"),
        (["--tag", "a;b"], "--tag: a tag cannot contain ';'"),
        (["--tag", " "], "--tag: a tag cannot be empty"),
        (
            ["--area", "left_neck"],
            "--area: write REGION=N (like lower_back_left=6), got 'left_neck'",
        ),
        (["--area", "left_neck="], "--area: write REGION=N"),
        (
            ["--area", "neck_left=3"],
            "--area: unknown region 'neck_left'; did you mean 'left_neck'?",
        ),
        (
            ["--area", "lowr_back=3"],
            "--area: unknown region 'lowr_back'; did you mean 'lower_back'?",
        ),
        (["--area", "left_neck=12"], "--area: must be from 0 to 10, got 12"),
        (["--note", "x" * 10_001], "--note: is at most 10000 characters, got 10001"),
        (["--date", "15/01/2026", "--pain", "1"], "--date: must be a date written YYYY-MM-DD"),
        (["--date", "2026-02-30", "--pain", "1"], "--date: is not a real date: '2026-02-30'"),
        (["--date", "2999-01-01", "--pain", "1"], "--date: 2999-01-01 is in the future"),
        ([], "nothing to log"),
    ],
)
def test_a_bad_value_changes_nothing(
    paths: Paths, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert run(["log", "add", "--date", DAY, "--pain", "3", "--tag", "walk"]) == 0
    before = dump(paths.database)
    capsys.readouterr()

    date = [] if "--date" in argv else ["--date", DAY]
    status = run(["log", "add", *date, *argv])

    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith(f"coach: {message}")
    assert err.count("\n") == 1
    assert dump(paths.database) == before


def test_a_bad_value_does_not_even_create_the_log(paths: Paths) -> None:
    assert run(["log", "add", "--pain", "11"]) == 1

    assert not paths.database.exists()


def test_log_add_is_committed_when_the_process_exits(tmp_path: Path) -> None:
    data = tmp_path / "elsewhere"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "COACH_DATA_DIR": str(data),
        "COACH_CONFIG_DIR": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "coach", "log", "add", "--date", DAY, "--pain", "4",
         "--tag", "walk", "--area", "left_neck=3", "--note", "ok"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(data / "unknot.sqlite3")
    try:
        assert conn.execute("SELECT date, pain, note FROM day").fetchall() == [(DAY, 4, "ok")]
        assert conn.execute("SELECT tag FROM day_tag").fetchall() == [("walk",)]
        assert conn.execute("SELECT region, intensity FROM day_area").fetchall() == [
            ("left_neck", 3)
        ]
    finally:
        conn.close()


def test_a_damaged_log_is_left_exactly_as_it_is(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = bytes(range(256)) * 16
    paths.database.write_bytes(garbage)

    for argv in (
        ["log", "add", "--pain", "3"],
        ["log", "show"],
        ["export", "--output", str(tmp_path / "x.csv")],
    ):
        assert run(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"coach: {paths.database}: the file is not a readable log")
        assert "open the app to restore a backup" in err

    assert paths.database.read_bytes() == garbage
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["sessions", "unknot.sqlite3"]


def test_a_log_from_a_newer_version_is_not_touched(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["log", "add", "--pain", "3"]) == 0
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = paths.database.read_bytes()

    assert run(["log", "add", "--pain", "4"]) == 2

    assert "newer version of Unknot" in capsys.readouterr().err
    assert paths.database.read_bytes() == before


# -- export and import -----------------------------------------------------------------------------

TRICKY = [
    DayEntry(dt.date(2026, 1, 1), pain=3, worst_pain=5, sleep_quality=7, sleep_hours=7.25,
             enjoyment=2, activity=4, stress=6, tags=("=cmd", "walk"),
             areas={"left_neck": 3, "right_lower_back": 7}, note='=1+1, "quoted"\nnew line ✓'),
    DayEntry(dt.date(2026, 1, 2), note="-minus",
             medications=(MedicationTaken("ibuprofen 400 mg", dt.time(8, 0), False, 6),
                          MedicationTaken("=paracetamol, 1 g", None, True),
                          MedicationTaken("ibuprofen 400 mg", dt.time(20, 30), False, None))),
    DayEntry(dt.date(2026, 1, 5), note="@at", tags=("+plus",),
             medications=(MedicationTaken("Naproxen (Aleve) 220mg", as_needed=True, helped=0),)),
]  # fmt: skip
SESSIONS = [
    session(dt.datetime(2026, 1, 1, 23, 45, tzinfo=PARIS)),
    session(dt.datetime(2026, 1, 2, 8, 0, 30, 123456, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
]


def in_fresh_folder(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """Point COACH_DATA_DIR at a new, empty data folder."""
    folder = tmp_path / name
    monkeypatch.setenv("COACH_DATA_DIR", str(folder))
    return Paths.resolve()


def test_csv_round_trip(
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed(paths, TRICKY, SESSIONS)
    out = tmp_path / "log.csv"

    assert run(["export", "--format", "csv", "--output", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Exported 3 day(s) (2026-01-01 to 2026-01-05)" in said
    assert "the 2 session(s) are only in JSON exports" in said
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdate,pain,")
    assert b"'=cmd; walk" in raw
    assert b'"\'=1+1, ""quoted""\nnew line' in raw
    assert b",'-minus\r\n" in raw
    assert b",'@at\r\n" in raw
    assert out.stat().st_mode & 0o777 == 0o600

    fresh = in_fresh_folder(tmp_path, "fresh", monkeypatch)
    assert run(["import", str(out)]) == 0
    assert "Imported 3 day(s) from" in capsys.readouterr().out
    assert all_of(fresh) == (TRICKY, [])


def test_json_round_trip(
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed(paths, TRICKY, SESSIONS)
    out = tmp_path / "log.json"
    assert run(["export", "--output", str(out)]) == 0  # the format from the extension

    fresh = in_fresh_folder(tmp_path, "fresh", monkeypatch)
    assert run(["import", str(out)]) == 0

    days, sessions = all_of(fresh)
    assert days == TRICKY
    assert [s.started_at.isoformat() for s in sessions] == [
        "2026-01-01T23:45:00+01:00",
        "2026-01-02T08:00:30.123456-05:00",
    ]
    assert [(s.routine_id, s.pain_before, s.pain_after) for s in sessions] == [
        ("pmr-4", 6, 4),
        ("pmr-4", 6, 4),
    ]
    assert sessions == [replace(s, id=n) for n, s in enumerate(SESSIONS, start=1)]


def test_export_range_and_stdout(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    seed(paths, TRICKY, SESSIONS)

    assert run(["export", "--format", "json", "--output", "-", "--from", "2026-01-02"]) == 0

    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert [d["date"] for d in document["days"]] == ["2026-01-02", "2026-01-05"]
    assert [s["started_at"][:10] for s in document["sessions"]] == ["2026-01-02"]
    assert "to standard output" in captured.err


def test_export_needs_a_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", "--output", str(tmp_path / "log.txt")]) == 1
    assert "--format: give csv, json or fhir" in capsys.readouterr().err
    assert not (tmp_path / "log.txt").exists()


def test_the_new_commands_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(["--help"])
    out = capsys.readouterr().out
    for command in ("log", "export", "import"):
        assert command in out


def test_the_log_commands_never_import_qt(tmp_path: Path) -> None:
    script = f"""
import contextlib, io, sys
from coach.cli.main import run
with contextlib.redirect_stdout(io.StringIO()):
    for argv in (["log", "add", "--pain", "3"], ["log", "show", "--json"],
                 ["export", "--output", {str(tmp_path / "x.json")!r}],
                 ["import", {str(tmp_path / "x.json")!r}]):
        assert run(argv) == 0, argv
print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")))
"""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           "HOME": str(tmp_path), "COACH_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- medications -----------------------------------------------------------------------------------


def test_log_add_takes_repeated_medications_and_log_show_lists_them(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["log", "add", "--date", DAY, "--medication", "ibuprofen 400 mg",
                "--medication", "paracetamol 1 g | 21:30 | as needed | helped 4"]) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "medications: ibuprofen 400 mg, paracetamol 1 g (21:30, as needed, helped 4)" in said
    assert run(["log", "add", "--date", DAY, "--medication", "ibuprofen 400 mg | 20:00"]) == 0
    day = stored_day(paths, DAY)
    assert day is not None
    assert day.medications == (
        MedicationTaken("ibuprofen 400 mg"),
        MedicationTaken("paracetamol 1 g", dt.time(21, 30), True, 4),
        MedicationTaken("ibuprofen 400 mg", dt.time(20, 0)),
    )
    capsys.readouterr()
    assert run(["log", "show", "--from", DAY, "--to", DAY]) == 0
    out = capsys.readouterr().out
    assert "Medications:" in out
    assert "2026-01-15  21:30  paracetamol 1 g   as needed  4/10" in out
    assert "2026-01-15  -      ibuprofen 400 mg  regular    -" in out


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("", "--medication: a medicine needs a name"),
        ("ibuprofen | 25:00", "--medication: a time is written HH:MM"),
        ("ibuprofen | helped 11", "--medication: must be from 0 to 10, got 11"),
        ("ibuprofen | twice", "--medication: 'twice' after 'ibuprofen' is not a time"),
        ("x" * 81, "--medication: a medicine is at most 80 characters"),
    ],
)
def test_a_bad_medication_is_refused_by_its_option(
    paths: Paths, capsys: pytest.CaptureFixture[str], given: str, message: str
) -> None:
    assert run(["log", "add", "--date", DAY, "--medication", given]) == 1
    assert message in capsys.readouterr().err
    assert stored_day(paths, DAY) is None
