"""Guards around the log's file: one emptied to 0 bytes is refused while a backup holds days; one
deleted or replaced while open is written again, or used, and the person told which."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry
from coach.store.backup import BackupKeeper
from coach.store.connection import EmptiedDatabase, WriteRefused, connect
from coach.store.guard import identity, reconnect_moved, refuse_emptied
from coach.store.repository import LogRepository


def log_with_a_backup(folder: Path) -> tuple[Path, BackupKeeper]:
    """A log of three days in `folder`, and a backup of it."""
    folder.mkdir(parents=True, exist_ok=True)
    database, keeper = folder / "unknot.sqlite3", BackupKeeper(folder / "backups")
    repo = LogRepository.open(database, keeper)
    repo.save_days(DayEntry(dt.date(2026, 3, day), pain=day) for day in (1, 2, 3))
    keeper.take(repo.conn, "manual", now=dt.datetime(2026, 3, 4, 9, 30))
    repo.close()
    return database, keeper


def empty(database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    database.write_bytes(b"")


def gone_aside(database: Path) -> None:
    """The log and its -wal and -shm files moved away, as another program replacing it does."""
    for suffix in ("", "-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def rows(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute("SELECT x FROM t ORDER BY x").fetchall()


def test_identity_changes_when_the_file_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"one")
    first = identity(path)
    keep = tmp_path / "keep"
    path.rename(keep)  # the old inode stays in use, so a new file cannot reuse it
    path.write_bytes(b"one")

    assert first is not None
    assert identity(path) not in (None, first)
    assert identity(tmp_path / "gone") is None
    assert identity(None) is None


def test_an_emptied_log_is_refused_naming_the_backup_that_holds_the_days(tmp_path: Path) -> None:
    database, keeper = log_with_a_backup(tmp_path)
    empty(database)

    with pytest.raises(EmptiedDatabase) as refused:
        refuse_emptied(database, keeper)

    assert refused.value.path == database
    assert refused.value.reason == (
        "the log file is empty (0 bytes), but the backup of 04 March 2026, 09:30 holds your days"
    )
    assert database.stat().st_size == 0, "left as it is"


def test_an_empty_log_is_just_new_without_backups_or_with_its_days_in_the_wal(
    tmp_path: Path,
) -> None:
    database, keeper = log_with_a_backup(tmp_path / "with")
    empty(database)
    database.with_name(database.name + "-wal").write_bytes(b"\0" * 32)
    new = tmp_path / "new.sqlite3"
    new.write_bytes(b"")

    refuse_emptied(database, keeper)  # SQLite reads the days from the write-ahead log
    refuse_emptied(new, BackupKeeper(tmp_path / "none"))
    refuse_emptied(tmp_path / "missing.sqlite3", keeper)
    refuse_emptied(log_with_a_backup(tmp_path / "full")[0], keeper)


def test_a_log_deleted_while_open_is_written_again_from_the_connection(tmp_path: Path) -> None:
    path = tmp_path / "data" / "unknot.sqlite3"
    path.parent.mkdir()
    conn = connect(path)
    conn.executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);")
    shutil.rmtree(path.parent)  # the whole folder, as a cleaner might

    fresh, told = reconnect_moved(conn, path)

    assert rows(fresh) == [(1,), (2,)]
    assert "was deleted while Unknot had it open" in told
    assert str(path) in told
    fresh.execute("INSERT INTO t VALUES (3)")
    fresh.close()
    conn.close()
    again = sqlite3.connect(path)
    assert rows(again) == [(1,), (2,), (3,)]
    again.close()


def test_a_log_replaced_by_another_file_is_used_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "unknot.sqlite3"
    conn = connect(path)
    conn.executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    other = tmp_path / "other.sqlite3"
    made = sqlite3.connect(other)
    made.executescript("CREATE TABLE t (x); INSERT INTO t VALUES (9);")
    made.close()
    gone_aside(path)
    other.replace(path)

    fresh, told = reconnect_moved(conn, path)

    assert rows(fresh) == [(9,)]
    assert "was replaced by another file" in told
    fresh.close()
    conn.close()


def test_a_log_that_cannot_be_written_again_is_a_refused_write(tmp_path: Path) -> None:
    path = tmp_path / "data" / "unknot.sqlite3"
    path.parent.mkdir()
    conn = connect(path)
    conn.executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    shutil.rmtree(path.parent)
    path.parent.write_bytes(b"a file where the folder was")

    with pytest.raises(WriteRefused) as refused:
        reconnect_moved(conn, path)

    assert "was deleted while Unknot had it open, and it could not be written again" in str(
        refused.value
    )
    assert rows(conn) == [(1,)], "what the connection holds is still there"
    conn.close()


def test_a_replacement_that_is_not_a_log_is_a_refused_write(tmp_path: Path) -> None:
    path = tmp_path / "unknot.sqlite3"
    conn = connect(path)
    conn.executescript("CREATE TABLE t (x);")
    gone_aside(path)
    path.write_bytes(b"not a database at all" * 100)

    with pytest.raises(WriteRefused, match="not a readable log"):
        reconnect_moved(conn, path)
    conn.close()
    assert path.read_bytes() == b"not a database at all" * 100
