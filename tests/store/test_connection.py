"""Opening the log: private files, WAL + synchronous=FULL + foreign keys, CHECKs as a second fence,
and a damaged file refused without being touched."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.connection import CorruptDatabase, connect, transaction
from coach.store.migrations import SCHEMA_VERSION, migrate
from coach.store.repository import LogRepository


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder and a hash of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def make_log(database: Path, days: int = 120) -> None:
    """A real log with a few pages of data, closed (so everything is in the main file)."""
    repo = LogRepository.open(database, BackupKeeper(database.parent / "backups"))
    repo.save_days(
        DayEntry(
            dt.date(2024, 1, 1) + dt.timedelta(days=i),
            pain=i % 11,
            note=f"day {i} " + "x" * 200,
            tags=("walk", f"t{i % 7}"),
            areas={"left_calf": i % 11},
        )
        for i in range(days)
    )
    repo.close()


@pytest.fixture
def migrated(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "unknot.sqlite3")
    migrate(conn)
    yield conn
    conn.close()


# -- a new log -----------------------------------------------------------------------------------


def test_paths_ensure_makes_a_private_data_folder(tmp_path: Path):
    paths = Paths.resolve(tmp_path / "deep" / "data")
    paths.ensure()
    assert mode(paths.data_dir) == 0o700
    assert mode(paths.user_sessions) == 0o700


def test_paths_ensure_keeps_the_permissions_of_a_folder_the_person_chose(tmp_path: Path):
    chosen = tmp_path / "shared"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    Paths.resolve(chosen).ensure()
    assert mode(chosen) == 0o755


def test_a_new_log_is_one_private_file_with_wal_full_sync_and_foreign_keys(paths: Paths):
    conn = connect(paths.database)
    try:
        migrate(conn)
        conn.execute("INSERT INTO day (date, pain, updated_at) VALUES ('2024-01-01', 3, 'now')")
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
        assert mode(paths.data_dir) == 0o700
        for path in (
            paths.database,
            sibling(paths.database, "-wal"),
            sibling(paths.database, "-shm"),
        ):
            assert path.exists(), path
            assert mode(path) == 0o600, path
    finally:
        conn.close()


def test_the_files_are_private_even_under_a_permissive_umask(tmp_path: Path):
    old = os.umask(0)
    try:
        paths = Paths.resolve(tmp_path / "data")
        paths.ensure()
        repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
        repo.save_day(DayEntry(dt.date(2024, 1, 1), pain=2))
        created = [
            paths.database,
            sibling(paths.database, "-wal"),
            sibling(paths.database, "-shm"),
            *paths.backups.iterdir(),
        ]
        repo.close()
    finally:
        os.umask(old)
    assert mode(paths.data_dir) == 0o700
    assert mode(paths.backups) == 0o700
    for path in created:
        if path.exists():  # -wal and -shm go away on close
            assert mode(path) == 0o600, path


# -- transactions and constraints ----------------------------------------------------------------


def insert_then_fail(conn: sqlite3.Connection, insert: str, error: BaseException) -> None:
    with transaction(conn):
        conn.execute(insert, ("2024-01-03",))
        raise error


def test_a_transaction_commits_all_or_rolls_back_everything(migrated: sqlite3.Connection):
    insert = "INSERT INTO day (date, note, updated_at) VALUES (?, '', 'now')"
    with transaction(migrated):
        migrated.execute(insert, ("2024-01-01",))
        migrated.execute(insert, ("2024-01-02",))
    for error in (ValueError("oops"), KeyboardInterrupt()):
        with pytest.raises(type(error)):
            insert_then_fail(migrated, insert, error)
    assert migrated.execute("SELECT date FROM day ORDER BY date").fetchall() == [
        ("2024-01-01",),
        ("2024-01-02",),
    ]
    assert not migrated.in_transaction


def test_foreign_keys_are_enforced_and_deleting_a_day_takes_its_tags_and_areas(
    migrated: sqlite3.Connection,
):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        migrated.execute("INSERT INTO day_tag (date, tag) VALUES ('2024-01-01', 'orphan')")
    migrated.execute("INSERT INTO day (date, updated_at) VALUES ('2024-01-01', 'now')")
    migrated.execute("INSERT INTO day_tag (date, tag) VALUES ('2024-01-01', 'walk')")
    migrated.execute(
        "INSERT INTO day_area (date, region, intensity) VALUES ('2024-01-01', 'neck', 4)"
    )
    migrated.execute("DELETE FROM day")
    assert migrated.execute("SELECT count(*) FROM day_tag").fetchone()[0] == 0
    assert migrated.execute("SELECT count(*) FROM day_area").fetchone()[0] == 0


DAY = "INSERT INTO day (date, {0}, updated_at) VALUES ('2024-01-01', ?, 'now')"
GOOD_SESSION = {
    "routine_id": "'r'",
    "routine_title": "'R'",
    "day": "'2024-01-01'",
    "started_at": "'2024-01-01T08:00:00+01:00'",
    "ended_at": "'2024-01-01T08:10:00+01:00'",
    "planned_seconds": "600",
    "actual_seconds": "600",
    "completed": "1",
    "step_count": "3",
    "pain_before": "NULL",
    "pain_after": "NULL",
}


def session_with(column: str) -> str:
    """An INSERT of a good session but for `column`, which takes the parameter."""
    values = {**GOOD_SESSION, column: "?"}
    return f"INSERT INTO session ({', '.join(values)}) VALUES ({', '.join(values.values())})"


@pytest.mark.parametrize(
    ("statement", "value"),
    [
        *[
            (DAY.format(rating), bad)
            for rating in ("pain", "worst_pain", "sleep_quality", "enjoyment", "activity", "stress")
            for bad in (-1, 11)
        ],
        (DAY.format("pain"), 5.5),
        (DAY.format("pain"), "five"),
        (DAY.format("sleep_hours"), 24.5),
        (DAY.format("sleep_hours"), -0.5),
        (DAY.format("sleep_hours"), "long"),
        (DAY.format("note"), None),
        ("INSERT INTO day (date, updated_at) VALUES (?, 'now')", "yesterday"),
        ("INSERT INTO day (date, updated_at) VALUES (?, 'now')", "2024-1-1"),
        ("INSERT INTO day_tag (date, tag) VALUES ('2024-01-31', ?)", ""),
        ("INSERT INTO day_tag (date, tag) VALUES ('2024-01-31', ?)", "x" * 41),
        ("INSERT INTO day_area (date, region, intensity) VALUES ('2024-01-31', 'neck', ?)", 11),
        ("INSERT INTO day_area (date, region, intensity) VALUES ('2024-01-31', 'neck', ?)", -1),
        ("INSERT INTO day_area (date, region, intensity) VALUES ('2024-01-31', 'neck', ?)", None),
        (session_with("pain_before"), 11),
        (session_with("pain_after"), -1),
        (session_with("completed"), 2),
        (session_with("planned_seconds"), -1),
        (session_with("actual_seconds"), -0.5),
        (session_with("routine_id"), None),
    ],
)
def test_the_schema_refuses_bad_values_written_by_raw_sql(
    migrated: sqlite3.Connection, statement: str, value: object
):
    migrated.execute("INSERT INTO day (date, updated_at) VALUES ('2024-01-31', 'now')")
    before = [
        migrated.execute(f"SELECT * FROM {t}").fetchall()
        for t in ("day", "day_tag", "day_area", "session")
    ]
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute(statement, (value,))
    after = [
        migrated.execute(f"SELECT * FROM {t}").fetchall()
        for t in ("day", "day_tag", "day_area", "session")
    ]
    assert after == before


@pytest.mark.parametrize(
    ("statement", "value"),
    [
        (DAY.format("pain"), 0),
        (DAY.format("stress"), 10),
        (DAY.format("sleep_hours"), 24.0),
        (DAY.format("note"), ""),
        ("INSERT INTO day_tag (date, tag) VALUES ('2024-01-31', ?)", "x" * 40),
        ("INSERT INTO day_area (date, region, intensity) VALUES ('2024-01-31', 'neck', ?)", 0),
        (session_with("completed"), 0),
        (session_with("pain_after"), 10),
        (session_with("planned_seconds"), 0.0),
    ],
)
def test_the_same_statements_accept_values_at_the_limits(
    migrated: sqlite3.Connection, statement: str, value: object
):
    migrated.execute("INSERT INTO day (date, updated_at) VALUES ('2024-01-31', 'now')")
    migrated.execute(statement, (value,))


# -- a damaged file ------------------------------------------------------------------------------


def _garbage(good: bytes) -> bytes:
    return bytes((i * 37 + 11) % 256 for i in range(8192))


def _truncated_half(good: bytes) -> bytes:
    return good[: len(good) // 2]


def _truncated_mid_page(good: bytes) -> bytes:
    return good[: len(good) // 2 + 1000]


def _only_the_first_page(good: bytes) -> bytes:
    return good[:4096]


def _cut_inside_the_header(good: bytes) -> bytes:
    return good[:50]


def _header_zeroed(good: bytes) -> bytes:
    return bytes(100) + good[100:]


def _magic_overwritten(good: bytes) -> bytes:
    return b"Not a database!\0" + good[16:]


def _a_table_page_overwritten(good: bytes) -> bytes:
    return good[:4096] + b"\xab" * 4096 + good[8192:]


def _text_file(good: bytes) -> bytes:
    return b"date,pain\n2024-01-01,3\n" * 50


DAMAGE = [
    _garbage,
    _truncated_half,
    _truncated_mid_page,
    _only_the_first_page,
    _cut_inside_the_header,
    _header_zeroed,
    _magic_overwritten,
    _a_table_page_overwritten,
    _text_file,
]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_a_damaged_file_is_refused_and_left_exactly_as_it_was(tmp_path: Path, damage):
    database = tmp_path / "unknot.sqlite3"
    make_log(database)
    shutil.rmtree(tmp_path / "backups")
    database.write_bytes(damage(database.read_bytes()))
    before = fingerprint(tmp_path)

    with pytest.raises(CorruptDatabase) as raised:
        connect(database)
    assert raised.value.path == database
    assert raised.value.reason  # in plain words, for the dialog
    assert fingerprint(tmp_path) == before  # same bytes, and no -wal/-shm left behind

    with pytest.raises(CorruptDatabase):
        LogRepository.open(database, BackupKeeper(tmp_path / "backups"))
    assert fingerprint(tmp_path) == before
    assert not (tmp_path / "backups").exists()  # nothing was backed up or migrated


def test_a_zero_length_file_is_an_empty_database_and_becomes_a_new_log(tmp_path: Path):
    """SQLite reads a 0-byte file as an empty database; nothing is lost by making it the log."""
    database = tmp_path / "unknot.sqlite3"
    database.touch(mode=0o600)
    keeper = BackupKeeper(tmp_path / "backups")
    repo = LogRepository.open(database, keeper)
    try:
        assert repo.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert repo.days(dt.date.min, dt.date.max) == []
    finally:
        repo.close()
    assert [b.reason for b in keeper.list()] == ["daily"]  # no "before migrating" copy of nothing


def test_a_damaged_file_with_a_leftover_wal_is_refused_without_touching_either(tmp_path: Path):
    """The usual state after a crash: the newest entries are in the -wal, not yet in the file."""
    live = tmp_path / "live"
    live.mkdir()
    make_log(live / "unknot.sqlite3")
    repo = LogRepository.open(live / "unknot.sqlite3", BackupKeeper(live / "backups"))
    repo.save_day(DayEntry(dt.date(2030, 1, 1), note="only in the wal"))
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm"):  # what a killed app leaves behind
        shutil.copy(
            sibling(live / "unknot.sqlite3", suffix), sibling(crashed / "unknot.sqlite3", suffix)
        )
    repo.close()
    database = crashed / "unknot.sqlite3"
    good = bytearray(database.read_bytes())
    good[5 * 4096 : 6 * 4096] = b"\xab" * 4096  # a page the -wal does not replace
    database.write_bytes(bytes(good))
    wal = sibling(database, "-wal")
    before = {p: p.read_bytes() for p in (database, wal)}

    with pytest.raises(CorruptDatabase):
        connect(database)
    assert wal.exists(), "the -wal (with the newest entry) was merged into the damaged file"
    assert {p: p.read_bytes() for p in (database, wal)} == before
