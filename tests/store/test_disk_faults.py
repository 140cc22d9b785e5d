"""A full disk, a read-only folder and a deleted folder are not a damaged log (issue 13, 1, 2, 15).

Nothing healthy is ever moved aside; the log opens read-only when that is all that works, and a
log deleted while open is written again from what the connection still holds.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry
from coach.store.backup import BackupKeeper
from coach.store.connection import (
    CorruptDatabase,
    UnavailableDatabase,
    WriteRefused,
    connect,
    explain,
    read_only_culprit,
)
from coach.store.repository import LogRepository
from tests.store.disks import fill, free, make_read_only, make_writable, small_disk

D = dt.date(2026, 3, 2)


def make_log(database: Path, days: int = 30) -> None:
    repo = LogRepository.open(database, BackupKeeper(database.parent / "backups"))
    repo.save_days(
        DayEntry(D - dt.timedelta(days=i), pain=i % 11, note="x" * 100) for i in range(days)
    )
    repo.close()


def test_sqlite_full_is_a_full_disk_not_damage(tmp_path: Path) -> None:
    database = tmp_path / "unknot.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlite3.Error) as raised:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    conn.close()
    trouble = explain(raised.value, database)
    assert isinstance(trouble, UnavailableDatabase)
    assert trouble.kind == "full"
    assert "disk is full" in trouble.reason


def test_a_read_only_connection_refusing_a_write_is_read_only_not_damage(tmp_path: Path) -> None:
    database = tmp_path / "unknot.sqlite3"
    make_log(database)
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as raised:
        conn.execute("DELETE FROM day")
    conn.close()
    trouble = explain(raised.value, database)
    assert isinstance(trouble, UnavailableDatabase)
    assert trouble.kind == "read-only"


def test_real_damage_is_still_damage(tmp_path: Path) -> None:
    database = tmp_path / "unknot.sqlite3"
    database.write_bytes(b"not a database" * 500)
    with pytest.raises(CorruptDatabase):
        connect(database)


def test_a_read_only_shm_left_behind_is_named_with_what_to_do(tmp_path: Path) -> None:
    database = tmp_path / "unknot.sqlite3"
    make_log(database)
    shm = database.with_name(database.name + "-shm")
    shm.write_bytes(b"\0" * 32768)
    shm.chmod(0o444)
    reason = read_only_culprit(database)
    assert str(shm) in reason
    assert "shared-memory index" in reason
    assert "chmod u+w" in reason
    assert read_only_culprit(tmp_path / "other.sqlite3").startswith(str(tmp_path / "other"))


def test_a_full_disk_is_not_called_damage_and_nothing_is_moved(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 600) as disk:
        database = disk / "data" / "unknot.sqlite3"
        database.parent.mkdir()
        make_log(database)
        shutil.rmtree(database.parent / "backups")  # today's backup must be written again
        before = sorted(p.name for p in database.parent.iterdir())
        fill(disk)
        keeper = BackupKeeper(database.parent / "backups")
        try:
            repo = LogRepository.open(database, keeper)
        except UnavailableDatabase as exc:
            trouble: UnavailableDatabase | None = exc
        else:
            trouble = None
            assert "full" in repo.backup_problem
        if trouble is not None:
            assert trouble.kind in ("full", "io"), trouble
            assert "full" in trouble.reason
            repo = LogRepository.open_read_only(database, trouble.reason)
            assert repo.read_only
        assert len(repo.days(dt.date.min, dt.date.max)) == 30, "every day can still be read"
        with pytest.raises(sqlite3.OperationalError) as refused:
            repo.save_day(DayEntry(D, pain=1, note="y" * 5000))
        assert "full" in str(refused.value) or "read-only" in str(refused.value)
        repo.close()
        assert keeper.list() == [], "no half-written backup counts as one"
        assert sorted(p.name for p in database.parent.iterdir() if "-" not in p.name) == [
            n for n in before if "-" not in n
        ]
        free(disk)
        repo = LogRepository.open(database, keeper)
        assert len(repo.days(dt.date.min, dt.date.max)) == 30
        repo.close()


def test_a_read_only_folder_opens_read_only_with_the_reason(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        database = disk / "unknot.sqlite3"
        make_log(database)
        make_read_only(disk)
        try:
            keeper = BackupKeeper(disk / "backups")
            with pytest.raises(UnavailableDatabase) as raised:
                LogRepository.open(database, keeper)
            assert raised.value.kind == "read-only"
            assert "read-only" in raised.value.reason
            repo = LogRepository.open_read_only(database, raised.value.reason)
            assert len(repo.days(dt.date.min, dt.date.max)) == 30
            with pytest.raises(WriteRefused, match="read-only"):
                repo.save_day(DayEntry(D, pain=2))
            repo.close()
        finally:
            make_writable(disk)


def test_a_log_deleted_while_open_is_written_again_with_everything(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "unknot.sqlite3"
    repo = LogRepository.open(database, BackupKeeper(folder / "backups"))
    repo.save_days(DayEntry(D - dt.timedelta(days=i), pain=i % 11) for i in range(10))
    warnings: list[str] = []
    repo.on_warning = warnings.append
    shutil.rmtree(folder)  # the whole data folder, while the app runs

    repo.save_day(DayEntry(D, pain=7, note="typed after the folder went"))

    assert database.is_file(), "the log is written again where it was"
    assert len(warnings) == 1
    assert "deleted" in warnings[0]
    assert str(database) in warnings[0]
    repo.close()
    reopened = LogRepository.open(database, BackupKeeper(folder / "backups"))
    days = reopened.days(dt.date.min, dt.date.max)
    assert len(days) == 10, "the days saved before the folder went are there too"
    assert reopened.get_day(D) == DayEntry(D, pain=7, note="typed after the folder went")
    reopened.close()


def test_a_log_replaced_by_another_file_is_not_written_blindly(tmp_path: Path) -> None:
    database = tmp_path / "unknot.sqlite3"
    repo = LogRepository.open(database, BackupKeeper(tmp_path / "backups"))
    repo.save_day(DayEntry(D, pain=3))
    warnings: list[str] = []
    repo.on_warning = warnings.append
    other = tmp_path / "other.sqlite3"
    make_log(other, days=2)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    other.replace(database)
    repo.save_day(DayEntry(D - dt.timedelta(days=5), pain=4))
    assert warnings
    assert "replaced" in warnings[0]
    repo.close()
    again = LogRepository.open(database, BackupKeeper(tmp_path / "backups"))
    assert again.get_day(D - dt.timedelta(days=5)) == DayEntry(D - dt.timedelta(days=5), pain=4)
    again.close()
