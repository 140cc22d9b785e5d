"""The log's file held open: opening gives the class asked for, read-only refuses writes with its
reason, a restored file replaces the connection, and the in-memory empty log a dry run uses."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry
from coach.store.backup import BackupKeeper
from coach.store.connection import WriteRefused
from coach.store.log_file import LogFile, empty_log, local_now
from coach.store.migrations import SCHEMA_VERSION, user_version
from coach.store.repository import LogRepository
from tests.store.log_samples import NOW, D, count, full_day


def test_opening_creates_a_migrated_file_and_gives_the_class_asked_for(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log = LogFile.open(database, BackupKeeper(tmp_path / "backups"), now=lambda: NOW)
    try:
        assert type(log) is LogFile
        assert user_version(log.conn) == SCHEMA_VERSION
        assert (log.path, log.read_only, log.backup_problem) == (database, "", "")
        assert log.now() == NOW
    finally:
        log.close()
    repo = LogRepository.open(database, BackupKeeper(tmp_path / "backups"))
    try:
        assert isinstance(repo, LogRepository)
    finally:
        repo.close()


def test_a_write_transaction_commits_all_or_nothing(tmp_path: Path):
    log = LogFile.open(tmp_path / "unknot.sqlite3", BackupKeeper(tmp_path / "backups"))
    try:
        with log._writing() as conn:
            conn.execute("INSERT INTO medicine (name) VALUES ('ibuprofen')")

        def half_way() -> None:
            with log._writing() as conn:
                conn.execute("INSERT INTO medicine (name) VALUES ('codeine')")
                raise RuntimeError("half way")

        with pytest.raises(RuntimeError):
            half_way()
        assert [r[0] for r in log.conn.execute("SELECT name FROM medicine")] == ["ibuprofen"]

        def refused() -> None:
            with log._writing() as conn:
                conn.execute(
                    "INSERT INTO day (date, pain, updated_at) VALUES ('2024-06-01', 11, '')"
                )

        with pytest.raises(sqlite3.IntegrityError):
            refused()
        assert not log.conn.in_transaction
    finally:
        log.close()


def test_a_read_only_log_reads_and_refuses_every_write_with_its_reason(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    writer = LogRepository.open(database, BackupKeeper(tmp_path / "backups"))
    writer.save_day(full_day())
    writer.close()
    reader = LogRepository.open_read_only(database, "another copy of Unknot has it open")
    try:
        assert reader.get_day(D) == full_day()
        with pytest.raises(WriteRefused, match="another copy of Unknot has it open"):
            reader.save_day(DayEntry(D, pain=1))
        assert reader.get_day(D) == full_day()
    finally:
        reader.close()


def test_replace_connection_reads_and_writes_the_new_file_and_closes_the_old(tmp_path: Path):
    log = LogRepository.open(tmp_path / "unknot.sqlite3", BackupKeeper(tmp_path / "backups"))
    log.save_day(full_day())
    other = LogRepository.open(tmp_path / "other.sqlite3", BackupKeeper(tmp_path / "b2"))
    other.save_day(DayEntry(D, pain=1))
    old = log.conn
    log.read_only = "was read-only before the restore"

    log.replace_connection(other.conn)

    try:
        assert log.read_only == ""
        assert log.get_day(D) == DayEntry(D, pain=1)
        log.save_day(DayEntry(D, pain=2))
        assert other.get_day(D) == DayEntry(D, pain=2), "one file, seen through both"
        with pytest.raises(sqlite3.ProgrammingError):
            old.execute("SELECT 1")
    finally:
        log.close()


def test_the_empty_log_has_the_current_schema_and_nothing_in_it():
    conn = empty_log()
    try:
        assert user_version(conn) == SCHEMA_VERSION
        assert [count(conn, t) for t in ("day", "day_tag", "session", "medicine")] == [0] * 4
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,), "as the real log"
    finally:
        conn.close()


def test_in_the_empty_log_a_day_s_tags_and_areas_go_with_it():
    repo = LogRepository(empty_log())
    try:
        repo.save_day(DayEntry(dt.date(2026, 3, 1), pain=3, tags=("walk",), areas={"neck": 2}))
        repo.conn.execute("DELETE FROM day")
        assert [count(repo.conn, t) for t in ("day_tag", "day_area")] == [0, 0]
    finally:
        repo.close()


def test_local_now_carries_the_machines_offset():
    now = local_now()
    assert now.tzinfo is not None
    assert now.utcoffset() == now.astimezone().utcoffset()
    assert abs(now - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
