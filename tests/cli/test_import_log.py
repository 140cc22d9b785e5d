"""`coach import FILE`: days (and sessions) from a CSV or JSON export, into the log, on real files
and a real SQLite log. Good rows go in, bad ones are listed by file, row and field; a file that
cannot be used at all (hostile, huge, a FIFO, a device) is one line naming it, exit status 2, and
nothing is written; `--dry-run` writes nothing, not even a new log."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from coach.cli.main import run
from coach.core.log.entries import DayEntry, MedicationTaken, Medicine, SessionRecord
from coach.core.log.exchange import CSV_COLUMNS
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from tests.cli.log_reads import all_of, dump, stored_day

HEADER = ",".join(CSV_COLUMNS)
OLD_HEADER = ",".join(c for c in CSV_COLUMNS if c != "medications")  # before medications
PARIS = dt.timezone(dt.timedelta(hours=1))
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
TRICKY = [
    DayEntry(dt.date(2026, 1, 1), pain=3, sleep_hours=7.25, tags=("=cmd", "walk"),
             areas={"left_neck": 3}, note='=1+1, "quoted"\nnew line ✓'),
    DayEntry(dt.date(2026, 1, 2), note="-minus",
             medications=(MedicationTaken("ibuprofen 400 mg", dt.time(8, 0), False, 6),
                          MedicationTaken("=paracetamol, 1 g", None, True))),
    DayEntry(dt.date(2026, 1, 5), note="@at", tags=("+plus",)),
]  # fmt: skip


def session(start: dt.datetime) -> SessionRecord:
    return SessionRecord("pmr-4", "Four groups", start, start + dt.timedelta(minutes=15),
                         900.0, 900.0, True, 20, pain_before=6, pain_after=4)  # fmt: skip


SESSIONS = [
    session(dt.datetime(2026, 1, 1, 23, 45, tzinfo=PARIS)),
    session(dt.datetime(2026, 1, 2, 8, 0, 30, 123456, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
]


def seed(paths: Paths, days: list[DayEntry], sessions: list[SessionRecord] = ()) -> None:  # type: ignore[assignment]
    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        repo.save_days(days)
        for s in sessions:
            repo.record_session(s)
    finally:
        repo.close()


def in_fresh_folder(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """Point COACH_DATA_DIR at a new, empty data folder."""
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / name))
    return Paths.resolve()


def export_with(days: list[object] = (), sessions: list[object] = ()) -> str:  # type: ignore[assignment]
    return json.dumps({"format": "unknot-log", "version": 1, "days": days, "sessions": sessions})


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- good rows in, bad rows listed -----------------------------------------------------------------


def test_importing_twice_changes_nothing_more(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(paths, TRICKY, SESSIONS)
    out = tmp_path / "log.json"
    assert run(["export", "--format", "json", "--output", str(out)]) == 0
    days_before, sessions_before = all_of(paths)
    capsys.readouterr()

    assert run(["import", str(out)]) == 0
    assert run(["import", str(out)]) == 0

    assert all_of(paths) == (days_before, sessions_before)
    said = capsys.readouterr().out
    assert "3 replacing what was logged" in said
    assert "0 session(s) (2 already there)" in said


def test_import_keeps_the_good_rows_and_lists_exactly_the_bad_ones(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(paths, [DayEntry(dt.date(2026, 1, 3), pain=9, note="old")])
    file = tmp_path / "mixed.csv"
    file.write_text(
        f"{OLD_HEADER}\n"
        "2026-01-01,3,,,,,,,walk,,fine\n"
        "2026-01-02,12,,,,,,,,,\n"
        "2026-01-03,2,,,,,,,,left_neck=4,replaced\n"
        "2026-01-04,,,,,,,,,nowhere=4,\n"
        "2026-01-05,,,,30,,,,,,\n",
        encoding="utf-8",
    )
    before = dump(paths.database)

    assert run(["import", "--dry-run", str(file)]) == 1
    assert dump(paths.database) == before
    capsys.readouterr()

    assert run(["import", str(file)]) == 1

    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{file}:3: pain: must be from 0 to 10, got 12",
        f"{file}:5: areas: unknown region 'nowhere'",
        f"{file}:6: sleep_hours: must be from 0 to 24 hours, got 30",
        "coach: 3 row(s) were rejected (listed above) and not imported; the other rows were imported",
    ]
    assert "Imported 2 day(s) (1 replacing what was logged)" in captured.out
    days, _ = all_of(paths)
    assert days == [
        DayEntry(dt.date(2026, 1, 1), pain=3, tags=("walk",), note="fine"),
        DayEntry(dt.date(2026, 1, 3), pain=2, areas={"left_neck": 4}, note="replaced"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"date,pain,mood\n", "unknown column 'mood'"),
        (b"2026-01-01,3\n", "the first row must be the header"),
        (b"date,pain\n\xff\xfe\xfa\n", "not UTF-8 text"),
    ],
)
def test_import_of_an_unreadable_file_exits_2_and_writes_nothing(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    file = tmp_path / "bad.csv"
    file.write_bytes(content)

    assert run(["import", str(file)]) == 2

    err = capsys.readouterr().err
    assert err.startswith(f"coach: {file}")
    assert message in err
    assert not paths.database.exists()


def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["import", str(tmp_path / "nope.json")]) == 2
    assert "cannot read it (No such file or directory)" in capsys.readouterr().err


def test_import_detects_json_without_an_extension(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "backup-from-phone"
    file.write_text(
        '{"format": "unknot-log", "version": 1, "days": [{"date": "2026-01-01", "pain": 2}]}',
        encoding="utf-8",
    )

    assert run(["import", str(file)]) == 0
    assert stored_day(paths, "2026-01-01") == DayEntry(dt.date(2026, 1, 1), pain=2)


def test_the_list_of_medicines_moves_with_a_json_export(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    repo.save_medicine(Medicine("ibuprofen 400 mg"))
    repo.save_medicine(Medicine("paracetamol 1 g", as_needed=True))
    repo.save_day(TRICKY[1])
    repo.close()
    out = tmp_path / "log.json"
    assert run(["export", "--output", str(out)]) == 0
    fresh = in_fresh_folder(tmp_path, "fresh", monkeypatch)
    assert run(["import", str(out)]) == 0
    assert run(["import", str(out)]) == 0  # twice: still one of each
    repo = LogRepository.open(fresh.database, BackupKeeper(fresh.backups))
    try:
        assert repo.medicines() == [
            Medicine("ibuprofen 400 mg"),
            Medicine("paracetamol 1 g", as_needed=True),
        ]
    finally:
        repo.close()


def test_an_export_from_before_medications_still_imports(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_json = tmp_path / "old.json"
    old_json.write_text(json.dumps({
        "format": "unknot-log", "version": 1, "exported_at": "2025-12-01T10:00:00+01:00",
        "days": [{"date": "2025-11-30", "pain": 4, "worst_pain": None, "sleep_quality": None,
                  "sleep_hours": None, "enjoyment": None, "activity": None, "stress": None,
                  "tags": ["walk"], "areas": {"left_neck": 2}, "note": "old"}],
        "sessions": [],
    }), encoding="utf-8")  # fmt: skip
    old_csv = tmp_path / "old.csv"
    old_csv.write_text(f"{OLD_HEADER}\n2025-11-29,3,,,,,,,,,\n", encoding="utf-8")
    assert run(["import", str(old_json)]) == 0
    assert run(["import", str(old_csv)]) == 0
    assert stored_day(paths, "2025-11-30") == DayEntry(
        dt.date(2025, 11, 30), pain=4, tags=("walk",), areas={"left_neck": 2}, note="old"
    )
    assert stored_day(paths, "2025-11-29") == DayEntry(dt.date(2025, 11, 29), pain=3)


# -- hostile files ---------------------------------------------------------------------------------


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


# -- encodings and folders -------------------------------------------------------------------------


def test_a_spreadsheets_utf16_text_imports(paths: Paths, tmp_path: Path) -> None:
    file = tmp_path / "unicode.txt"
    # "Unicode text" from a spreadsheet: UTF-16 with a byte-order mark, a decimal comma quoted
    file.write_bytes(f'{HEADER}\r\n2026-01-01,3,,,"7,5",,,,,,,café\r\n'.encode("utf-16"))

    assert run(["import", str(file)]) == 0

    assert stored_day(paths, "2026-01-01") == DayEntry(
        dt.date(2026, 1, 1), pain=3, sleep_hours=7.5, note="café"
    )


def test_a_csv_that_stops_being_utf8_part_way_imports_nothing(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(
        f"{dt.date(2000, 1, 1) + dt.timedelta(days=i)},3,,,,,,,,,,\n" for i in range(2000)
    )
    file = tmp_path / "mixed.csv"
    file.write_bytes(
        f"{HEADER}\n{rows}".encode() + "2010-01-01,3,,,,,,,,,,café\n".encode("latin-1")
    )

    assert run(["import", str(file)]) == 2

    err = capsys.readouterr().err
    assert err.startswith(f"coach: {file}: the file is not UTF-8 text (after row ")
    assert err.rstrip().endswith("nothing was imported")
    assert all_of(paths) == ([], [])


def test_a_read_only_data_folder_refuses_the_import_in_words_and_a_dry_run_still_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.store.disks import make_read_only, make_writable, small_disk

    file = write(tmp_path, "days.csv", f"{HEADER}\n2026-01-02,4,,,,,,,,,,\n")
    with small_disk(tmp_path / "disk", 2048) as disk:
        data = str(disk / "data")
        assert run(["--data-dir", data, "log", "add", "--date", "2026-01-01", "--pain", "3"]) == 0
        make_read_only(disk)
        try:
            capsys.readouterr()
            refused = run(["--data-dir", data, "import", str(file)])
            err = capsys.readouterr().err
            assert run(["--data-dir", data, "import", "--dry-run", str(file)]) == 0
            said = capsys.readouterr().out
        finally:
            make_writable(disk)

    assert refused == 2
    assert "read-only" in err
    assert "Traceback" not in err
    assert "Would import 1 day(s)" in said
