"""Restoring a chosen backup and deleting everything, as Settings asks: nothing lost by surprise."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry, SessionRecord
from coach.store.backup import BackupKeeper, move_aside
from coach.store.connection import CorruptDatabase
from coach.store.recovery import erase_everything, kept_copies, restore_chosen
from coach.store.repository import LogRepository

D = dt.date(2026, 3, 2)
T = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "unknot.sqlite3"


@pytest.fixture
def keeper(tmp_path: Path) -> BackupKeeper:
    return BackupKeeper(tmp_path / "data" / "backups")


@pytest.fixture
def log(database: Path, keeper: BackupKeeper) -> Iterator[LogRepository]:
    database.parent.mkdir(parents=True)
    repo = LogRepository.open(database, keeper)
    yield repo
    repo.close()


def session() -> SessionRecord:
    return SessionRecord(
        routine_id="pmr-4",
        routine_title="Four groups",
        started_at=T,
        ended_at=T + dt.timedelta(minutes=8),
        planned_seconds=480,
        actual_seconds=480,
        completed=True,
        step_count=20,
    )


def test_restoring_a_backup_keeps_the_current_log_twice(
    log: LogRepository, database: Path, keeper: BackupKeeper
) -> None:
    log.save_day(DayEntry(D, pain=3, note="then"))
    [daily] = keeper.list()  # taken when the log was opened
    manual = keeper.take(log.conn, "manual")
    [chosen] = [b for b in keeper.list() if b.path == manual]
    log.save_day(DayEntry(D, pain=8, note="now"))
    log.save_day(DayEntry(D + dt.timedelta(days=1), pain=7))

    done = restore_chosen(log, chosen, database, keeper)

    assert log.get_day(D) == DayEntry(D, pain=3, note="then"), "the same object, the old contents"
    assert log.get_day(D + dt.timedelta(days=1)) is None
    assert done.restored == chosen
    assert chosen.path.exists(), "the backup itself stays"
    assert daily.path.exists()
    # the log as it was: a backup of it, and the file itself moved aside
    for copy in (done.safety_backup, done.kept_as):
        old = LogRepository.open(copy, BackupKeeper(database.parent / "elsewhere"))
        assert old.get_day(D) == DayEntry(D, pain=8, note="now")
        old.close()
    assert done.safety_backup.parent == keeper.folder
    assert "before-restore" in done.safety_backup.name
    assert done.kept_as.parent == database.parent
    assert ".replaced-" in done.kept_as.name
    log.save_day(DayEntry(D, pain=4))  # and it writes to the restored file
    assert log.get_day(D) == DayEntry(D, pain=4)


def test_a_damaged_backup_changes_nothing(
    log: LogRepository, database: Path, keeper: BackupKeeper
) -> None:
    log.save_day(DayEntry(D, pain=5))
    broken = keeper.folder / "unknot-20260301-120000-manual.sqlite3"
    whole = keeper.take(log.conn, "manual").read_bytes()
    # a finished file by its size and header, with its pages after the first overwritten
    broken.write_bytes(whole[:4096] + b"not a database at all" * ((len(whole) - 4096) // 21 + 1))
    [bad] = [b for b in keeper.list() if b.path == broken]
    before = sorted(p.name for p in database.parent.iterdir())
    backups_before = len(keeper.list())

    with pytest.raises(CorruptDatabase):
        restore_chosen(log, bad, database, keeper)

    assert log.get_day(D) == DayEntry(D, pain=5)
    assert sorted(p.name for p in database.parent.iterdir()) == before
    assert len(keeper.list()) == backups_before


def test_a_backup_from_a_newer_version_is_refused_and_the_log_put_back(
    log: LogRepository, database: Path, keeper: BackupKeeper
) -> None:
    log.save_day(DayEntry(D, pain=5))
    newer = keeper.take(log.conn, "manual")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    [chosen] = [b for b in keeper.list() if b.path == newer]

    with pytest.raises(Exception, match="newer version"):
        restore_chosen(log, chosen, database, keeper)

    assert log.get_day(D) == DayEntry(D, pain=5)
    log.save_day(DayEntry(D, pain=6))
    assert log.get_day(D) == DayEntry(D, pain=6)
    assert not any("failed-restore" in p.name for p in database.parent.iterdir())


def test_erasing_deletes_rows_backups_and_kept_copies_and_keeps_the_folder(
    log: LogRepository, database: Path, keeper: BackupKeeper
) -> None:
    log.save_day(DayEntry(D, pain=5, note="private"))
    log.save_day(DayEntry(D + dt.timedelta(days=1), pain=4))
    log.record_session(session())
    keeper.take(log.conn, "manual")
    aside = database.parent / "aside.sqlite3"
    LogRepository.open(aside, keeper).close()
    kept = move_aside(aside)  # the shape move_aside gives names (on another file name here)
    damaged = database.with_name(database.name + ".damaged-20260101-101010")
    damaged.write_bytes(b"old")
    damaged.with_name(damaged.name + "-wal").write_bytes(b"wal")
    (database.parent / "sessions").mkdir()
    own = database.parent / "sessions" / "mine.toml"
    own.write_text("format = 1\n", encoding="utf-8")

    erased = erase_everything(log, keeper, database)

    assert (erased.days, erased.sessions, erased.kept_copies) == (2, 1, 1)
    assert erased.backups >= 2
    assert keeper.list() == []
    assert log.days(dt.date.min, dt.date.max) == []
    assert log.sessions(dt.date.min, dt.date.max) == []
    assert kept_copies(database) == []
    assert database.exists()
    assert own.exists(), "the person's own routines are not their log"
    assert kept.exists(), "only copies of this log are matched"
    assert b"private" not in database.read_bytes()
    log.save_day(DayEntry(D, pain=1))  # the log carries on, empty
    assert log.get_day(D) == DayEntry(D, pain=1)


def test_the_safety_backup_never_prunes_the_one_being_restored(
    log: LogRepository, database: Path, tmp_path: Path
) -> None:
    keeper = BackupKeeper(database.parent / "kept-two", keep=2)
    log.save_day(DayEntry(D, pain=2))
    first = keeper.take(log.conn, "manual", dt.datetime(2026, 1, 1, 9))
    log.save_day(DayEntry(D, pain=9))
    keeper.take(log.conn, "manual", dt.datetime(2026, 1, 2, 9))
    [oldest] = [b for b in keeper.list() if b.path == first]

    restore_chosen(log, oldest, database, keeper)

    assert log.get_day(D) == DayEntry(D, pain=2)
    assert oldest.path.exists()
    assert len(keeper.list()) == 3, "one more than usual until the next backup prunes"
