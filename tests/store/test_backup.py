"""Backups are whole, private copies taken with SQLite's backup API; old ones are pruned; a damaged
log is moved aside byte for byte and a sound backup restored in its place, never over anything."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry, SessionRecord
from coach.store.backup import BackupKeeper, move_aside
from coach.store.connection import CorruptDatabase
from coach.store.repository import LogRepository

T0 = dt.datetime(2024, 6, 1, 9, 30, 0)
CET = dt.timezone(dt.timedelta(hours=1))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def contents(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Version, schema and every row: equal dumps mean the same log."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    result = {
        "version": [(conn.execute("PRAGMA user_version").fetchone()[0],)],
        "schema": conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall(),
    }
    for name in sorted(names):
        result[name] = conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
    return result


def contents_of(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return contents(conn)
    finally:
        conn.close()


@pytest.fixture
def repo(tmp_path: Path) -> LogRepository:
    """An open log with days, tags, areas and a session; the newest writes are still in the -wal."""
    log = LogRepository.open(tmp_path / "unknot.sqlite3", BackupKeeper(tmp_path / "backups"))
    log.save_days(
        DayEntry(
            dt.date(2024, 5, 1) + dt.timedelta(days=i),
            pain=i % 11,
            tags=("walk", f"t{i % 3}"),
            areas={"neck": i % 11},
            note=f"day {i}",
        )
        for i in range(40)
    )
    start = dt.datetime(2024, 5, 3, 23, 50, tzinfo=CET)
    log.record_session(
        SessionRecord(
            "pmr-16", "PMR", start, start + dt.timedelta(minutes=30), 1800, 1800, True, 16
        )
    )
    yield log
    log.close()


def test_a_backup_is_a_whole_private_copy_including_what_is_still_in_the_wal(
    tmp_path: Path, repo: LogRepository
):
    assert sibling(tmp_path / "unknot.sqlite3", "-wal").stat().st_size > 0  # not checkpointed
    keeper = BackupKeeper(tmp_path / "kept")
    path = keeper.take(repo.conn, "manual", now=T0)

    assert path.parent == tmp_path / "kept"
    assert path.name == "unknot-20240601-093000-manual.sqlite3"
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    assert contents_of(path) == contents(repo.conn)
    assert keeper.list()[0].path == path
    assert keeper.list()[0].taken_at == T0
    assert keeper.list()[0].reason == "manual"


def test_a_backup_opens_as_a_log(tmp_path: Path, repo: LogRepository):
    path = BackupKeeper(tmp_path / "kept").take(repo.conn, "manual", now=T0)
    copy = LogRepository.open(path, BackupKeeper(tmp_path / "elsewhere"))
    try:
        assert copy.days(dt.date.min, dt.date.max) == repo.days(dt.date.min, dt.date.max)
        assert copy.sessions(dt.date.min, dt.date.max) == repo.sessions(dt.date.min, dt.date.max)
    finally:
        copy.close()


def test_the_daily_backup_is_taken_once_a_day(tmp_path: Path, repo: LogRepository):
    keeper = BackupKeeper(tmp_path / "kept")
    keeper.take(repo.conn, "daily", now=dt.datetime.now() - dt.timedelta(days=1))
    first = keeper.take_daily(repo.conn)
    assert first is not None
    assert first.exists()
    assert keeper.take_daily(repo.conn) is None
    assert [b.reason for b in keeper.list()] == ["daily", "daily"]
    assert keeper.list()[0].path == first
    assert contents_of(first) == contents(repo.conn)


def test_opening_the_log_takes_the_daily_backup_once(tmp_path: Path):
    keeper = BackupKeeper(tmp_path / "backups")
    database = tmp_path / "unknot.sqlite3"
    for _ in range(3):
        LogRepository.open(database, keeper).close()
    assert [b.reason for b in keeper.list()] == ["daily"]


def test_take_daily_honours_the_date_it_is_given(tmp_path: Path, repo: LogRepository):
    keeper = BackupKeeper(tmp_path / "kept")
    day = dt.date(2024, 6, 1)
    assert keeper.take_daily(repo.conn, today=day) is not None
    assert keeper.take_daily(repo.conn, today=day) is None


def test_prune_keeps_the_newest_n_and_nothing_else_of_the_folder(
    tmp_path: Path, repo: LogRepository
):
    keeper = BackupKeeper(tmp_path / "kept", keep=3)
    (tmp_path / "kept").mkdir()
    stranger = tmp_path / "kept" / "notes.txt"
    stranger.write_text("not a backup")
    taken = [
        keeper.take(repo.conn, reason, now=T0 + dt.timedelta(hours=i))
        for i, reason in enumerate(["daily", "before-v2", "daily", "daily", "manual"])
    ]
    assert [b.path for b in keeper.list()] == taken[:1:-1]  # newest first
    assert not any(p.exists() for p in taken[:2])
    assert stranger.read_text() == "not a backup"
    for kept in taken[2:]:
        assert contents_of(kept) == contents(repo.conn)


def test_two_backups_in_the_same_second_keep_the_newer(tmp_path: Path, repo: LogRepository):
    keeper = BackupKeeper(tmp_path / "kept", keep=1)
    keeper.take(repo.conn, "daily", now=T0)
    repo.save_day(DayEntry(dt.date(2024, 7, 1), note="newer"))
    newer = keeper.take(repo.conn, "daily", now=T0)
    assert newer.exists(), f"take() returned {newer.name}, which prune() just deleted"
    assert [b.path for b in keeper.list()] == [newer]


def test_same_second_backups_get_distinct_names(tmp_path: Path, repo: LogRepository):
    keeper = BackupKeeper(tmp_path / "kept", keep=10)
    paths = [keeper.take(repo.conn, "daily", now=T0) for _ in range(3)]
    assert len(set(paths)) == 3
    assert all(p.exists() for p in paths)
    assert len(keeper.list()) == 3


# -- a damaged log -------------------------------------------------------------------------------


def test_move_aside_keeps_every_byte_of_the_log_and_its_wal_and_shm(
    tmp_path: Path, repo: LogRepository
):
    database = tmp_path / "unknot.sqlite3"
    copies = tmp_path / "copies"
    copies.mkdir()
    originals: dict[str, bytes] = {}
    for suffix in ("", "-wal", "-shm"):  # the files as a crash leaves them, copied while open
        originals[suffix] = sibling(database, suffix).read_bytes()
        sibling(copies / database.name, suffix).write_bytes(originals[suffix])
    assert originals["-wal"]
    for suffix in ("", "-wal", "-shm"):
        os.chmod(sibling(copies / database.name, suffix), 0o600)

    kept = move_aside(copies / database.name, now=T0)
    assert kept.name == "unknot.sqlite3.damaged-20240601-093000"
    for suffix, data in originals.items():
        assert sibling(kept, suffix).read_bytes() == data
        assert mode(sibling(kept, suffix)) == 0o600
        assert not sibling(copies / database.name, suffix).exists()

    (copies / database.name).write_bytes(b"damaged again")
    again = move_aside(copies / database.name, now=T0)
    assert again != kept
    assert again.read_bytes() == b"damaged again"
    assert sibling(kept, "-wal").read_bytes() == originals["-wal"]
    assert re.fullmatch(r"unknot\.sqlite3\.damaged-20240601-093000-2", again.name)


def test_restore_refuses_to_overwrite_an_existing_file(tmp_path: Path, repo: LogRepository):
    keeper = BackupKeeper(tmp_path / "kept")
    backup = keeper.take(repo.conn, "daily", now=T0)
    existing = tmp_path / "other.sqlite3"
    existing.write_bytes(b"whatever is here stays here")
    with pytest.raises(FileExistsError):
        keeper.restore(backup, existing)
    assert existing.read_bytes() == b"whatever is here stays here"


def test_restore_makes_a_private_copy_of_a_sound_backup_and_leaves_the_backup_alone(
    tmp_path: Path, repo: LogRepository
):
    keeper = BackupKeeper(tmp_path / "kept")
    backup = keeper.take(repo.conn, "daily", now=T0)
    backup_bytes = backup.read_bytes()
    restored = tmp_path / "restored" / "unknot.sqlite3"
    restored.parent.mkdir(mode=0o700)

    keeper.restore(backup, restored)
    assert mode(restored) == 0o600
    assert contents_of(restored) == contents(repo.conn)
    assert backup.read_bytes() == backup_bytes
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]
    log = LogRepository.open(restored, BackupKeeper(tmp_path / "restored" / "backups"))
    try:
        assert log.days(dt.date.min, dt.date.max) == repo.days(dt.date.min, dt.date.max)
    finally:
        log.close()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"garbage" * 1000,
        lambda data: data[: len(data) // 2],
        lambda data: bytes(100) + data[100:],
    ],
    ids=["garbage", "truncated", "header-overwritten"],
)
def test_a_damaged_backup_is_refused_and_nothing_is_created(
    tmp_path: Path, repo: LogRepository, damage
):
    keeper = BackupKeeper(tmp_path / "kept")
    backup = keeper.take(repo.conn, "daily", now=T0)
    backup.write_bytes(damage(backup.read_bytes()))
    damaged = backup.read_bytes()
    target = tmp_path / "restored.sqlite3"
    with pytest.raises(CorruptDatabase):
        keeper.restore(backup, target)
    assert not target.exists()
    assert backup.read_bytes() == damaged


def test_restoring_a_backup_that_is_gone_raises(tmp_path: Path):
    keeper = BackupKeeper(tmp_path / "kept")
    missing = tmp_path / "kept" / "unknot-20240601-093000-daily.sqlite3"
    missing.parent.mkdir()
    target = tmp_path / "unknot.sqlite3"
    with pytest.raises(FileNotFoundError):
        keeper.restore(missing, target)
    assert not missing.exists()
    assert not target.exists()


def test_a_damaged_log_is_kept_aside_and_the_newest_backup_restored(tmp_path: Path):
    """The whole recovery, as the app does it: refuse, keep, restore, open."""
    database = tmp_path / "unknot.sqlite3"
    keeper = BackupKeeper(tmp_path / "backups")
    log = LogRepository.open(database, keeper)
    log.save_day(DayEntry(dt.date(2024, 6, 1), pain=5, tags=("walk",)))
    keeper.take(log.conn, "manual", now=dt.datetime.now() + dt.timedelta(minutes=1))
    log.close()
    database.write_bytes(b"\0" * 100 + database.read_bytes()[100:])
    damaged = database.read_bytes()

    with pytest.raises(CorruptDatabase):
        LogRepository.open(database, keeper)
    kept = move_aside(database)
    assert kept.read_bytes() == damaged
    keeper.restore(keeper.list()[0].path, database)
    log = LogRepository.open(database, keeper)
    try:
        assert log.get_day(dt.date(2024, 6, 1)) == DayEntry(
            dt.date(2024, 6, 1), pain=5, tags=("walk",)
        )
    finally:
        log.close()
    assert kept.read_bytes() == damaged
