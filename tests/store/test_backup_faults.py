"""Backups that cannot fool restore: interrupted ones never count, and the last ones holding days
are never pruned away (issue 13, cases 3 and 4)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry
from coach.store.backup import BackupKeeper
from coach.store.connection import EmptiedDatabase
from coach.store.recovery import restore_newest
from coach.store.repository import LogRepository
from tests.store.disks import fill, free, small_disk

D = dt.date(2026, 3, 2)


def log_with_days(folder: Path, keeper: BackupKeeper, days: int = 20) -> LogRepository:
    repo = LogRepository.open(folder / "unknot.sqlite3", keeper)
    repo.save_days(DayEntry(D - dt.timedelta(days=i), pain=i % 11) for i in range(days))
    return repo


def test_an_empty_or_unfinished_backup_is_never_listed_or_restored(tmp_path: Path) -> None:
    keeper = BackupKeeper(tmp_path / "backups")
    repo = log_with_days(tmp_path, keeper)
    good = keeper.take(repo.conn, "manual", dt.datetime(2026, 3, 1, 12))
    repo.close()
    # what an interrupted backup used to leave: newer names, nothing (or half) inside
    (keeper.folder / "unknot-20990101-000000-daily.sqlite3").write_bytes(b"")
    (keeper.folder / "unknot-20990102-000000-daily.sqlite3").write_bytes(
        good.read_bytes()[: good.stat().st_size // 2]
    )
    (keeper.folder / ".unknot-20990103-000000-daily.sqlite3.partial").write_bytes(good.read_bytes())
    names = [b.path.name for b in keeper.list()]
    assert "unknot-20990101-000000-daily.sqlite3" not in names
    assert "unknot-20990102-000000-daily.sqlite3" not in names
    assert not any("partial" in n for n in names)

    database = tmp_path / "unknot.sqlite3"
    database.write_bytes(b"damaged" * 1000)
    recovery = restore_newest(database, keeper)
    assert recovery.restored is not None
    assert recovery.restored.path.name.startswith("unknot-2026"), "the newest finished one"
    reopened = LogRepository.open(database, keeper)
    assert len(reopened.days(dt.date.min, dt.date.max)) == 20
    reopened.close()


def test_a_half_written_daily_backup_does_not_count_as_todays(tmp_path: Path) -> None:
    keeper = BackupKeeper(tmp_path / "backups")
    repo = log_with_days(tmp_path, keeper)
    for backup in keeper.list():
        backup.path.unlink()
    today = dt.date.today()
    (keeper.folder / f"unknot-{today:%Y%m%d}-000001-daily.sqlite3").write_bytes(b"")
    assert keeper.take_daily(repo.conn) is not None, "today's backup is taken for real"
    repo.close()


def test_a_backup_on_a_full_disk_leaves_nothing_behind(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 400) as disk:
        keeper = BackupKeeper(disk / "backups")
        repo = LogRepository.open(tmp_path / "unknot.sqlite3", keeper)  # the log elsewhere
        repo.save_days(
            DayEntry(D - dt.timedelta(days=i), pain=1, note="z" * 2000) for i in range(200)
        )
        fill(disk)
        with pytest.raises(Exception):  # noqa: B017, PT011 - sqlite3 or OS error, either is right
            keeper.take(repo.conn, "daily")
        free(disk)
        assert keeper.list() == [] or all(b.path.stat().st_size > 0 for b in keeper.list())
        assert not list(keeper.folder.glob("*partial*")), "no temporary file left"
        assert [p for p in keeper.folder.iterdir() if p.stat().st_size == 0] == []
        repo.close()


def test_a_log_emptied_to_zero_bytes_is_refused_while_backups_hold_days(tmp_path: Path) -> None:
    keeper = BackupKeeper(tmp_path / "backups")
    log_with_days(tmp_path, keeper).close()
    keeper_backup = keeper.take(
        LogRepository.open(tmp_path / "unknot.sqlite3", keeper).conn, "manual"
    )
    assert keeper_backup.exists()
    database = tmp_path / "unknot.sqlite3"
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    database.write_bytes(b"")

    with pytest.raises(EmptiedDatabase, match="holds your days"):
        LogRepository.open(database, keeper)
    assert database.stat().st_size == 0, "left as it is, for the person to decide"

    recovery = restore_newest(database, keeper)
    assert recovery.restored is not None
    repo = LogRepository.open(database, keeper)
    assert len(repo.days(dt.date.min, dt.date.max)) == 20
    repo.close()


def test_a_new_log_without_backups_is_still_just_new(tmp_path: Path) -> None:
    database = tmp_path / "unknot.sqlite3"
    database.write_bytes(b"")
    repo = LogRepository.open(database, BackupKeeper(tmp_path / "backups"))
    assert repo.days(dt.date.min, dt.date.max) == []
    repo.close()


def test_pruning_never_deletes_the_last_backup_holding_days(tmp_path: Path) -> None:
    keeper = BackupKeeper(tmp_path / "backups", keep=3)
    repo = log_with_days(tmp_path, keeper)
    with_days = keeper.take(repo.conn, "manual", dt.datetime(2026, 1, 1, 9))
    repo.close()
    shutil.copy(with_days, tmp_path / "copy")
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    empty = LogRepository.open(empty_folder / "unknot.sqlite3", BackupKeeper(tmp_path / "x"))
    for day in range(2, 12):  # ten daily backups of an empty log, newer than the one with days
        keeper.take(empty.conn, "daily", dt.datetime(2026, 1, day, 9))
    empty.close()

    kept = keeper.list()
    assert with_days in [b.path for b in kept], "the one holding days survives"
    assert keeper.newest_with_data() is not None
    assert keeper.newest_with_data().path == with_days
    assert len(kept) == 4  # the newest three, and the last with data
