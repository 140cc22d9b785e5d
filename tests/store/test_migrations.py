"""The schema version lives in PRAGMA user_version; migrations apply one numbered step per
transaction, a failing step leaves the previous version intact, and an existing log is backed up
before it is migrated."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from coach.store.backup import BackupKeeper
from coach.store.connection import NewerDatabase, connect
from coach.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, migrate, user_version
from coach.store.repository import LogRepository

SECOND = Migration(2, "a mood rating", ("ALTER TABLE day ADD COLUMN mood INTEGER",))
THIRD = Migration(
    3,
    "medication taken",
    (
        "CREATE TABLE medication (date TEXT NOT NULL REFERENCES day(date), name TEXT NOT NULL)",
        "CREATE INDEX medication_by_date ON medication (date)",
    ),
)
BROKEN_THIRD = Migration(
    3,
    "fails half way",
    (
        "CREATE TABLE half_done (x INTEGER)",
        "INSERT INTO half_done VALUES (1)",
        "INSERT INTO no_such_table VALUES (1)",
    ),
)
# The mechanics are shown on the first real step and two made-up ones after it.
BASE = MIGRATIONS[:1]
EXTENDED = (*BASE, SECOND, THIRD)


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def everything(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Schema and rows of every table: equal dumps mean the same database."""
    result: dict[str, list[tuple[object, ...]]] = {
        "schema": conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall(),
        "version": [(user_version(conn),)],
    }
    for table in sorted(tables(conn)):
        result[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    return result


def log_at_version_1(database: Path) -> None:
    """An existing log written by the current release (version 1), with some data in it."""
    conn = connect(database)
    assert migrate(conn, migrations=MIGRATIONS[:1]) == [1]
    # written as that release wrote it (today's repository writes the newer tables too)
    stamp = "2024-03-02T21:00:00+01:00"
    conn.execute("INSERT INTO day (date, pain, updated_at) VALUES ('2024-03-01', 6, ?)", (stamp,))
    conn.execute(
        "INSERT INTO day (date, pain, note, updated_at) VALUES ('2024-03-02', 2, 'better', ?)",
        (stamp,),
    )
    conn.execute("INSERT INTO day_tag VALUES ('2024-03-01', 'walk')")
    conn.execute("INSERT INTO day_area VALUES ('2024-03-01', 'neck', 3)")
    conn.close()


class Statements:
    """Every statement a connection runs (sqlite3's trace callback)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.seen: list[str] = []
        conn.set_trace_callback(self.seen.append)

    def transactions(self) -> list[list[str]]:
        """The statements of each transaction, from its BEGIN to its COMMIT or ROLLBACK."""
        groups: list[list[str]] = []
        current: list[str] | None = None
        for statement in self.seen:
            if statement.startswith("BEGIN"):
                current = []
                groups.append(current)
            if current is not None:
                current.append(statement)
                if statement in ("COMMIT", "ROLLBACK"):
                    current = None
        return groups

    def steps(self, migrations: tuple[Migration, ...]) -> list[tuple[str, list[str], str]]:
        """Each transaction as (its BEGIN, the migration statements and version set in it, its end).

        Other statements (reading the version, say) are left out: only what changes the schema.
        """
        changing = {s for m in migrations for s in m.statements}
        return [
            (
                group[0],
                [s for s in group if s in changing or s.startswith("PRAGMA user_version =")],
                group[-1],
            )
            for group in self.transactions()
        ]


def test_the_migrations_are_numbered_one_to_schema_version():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == SCHEMA_VERSION
    assert all(m.description and m.statements for m in MIGRATIONS)


def test_a_new_file_is_migrated_from_0_to_the_current_version(tmp_path: Path):
    conn = connect(tmp_path / "unknot.sqlite3")
    try:
        assert user_version(conn) == 0
        calls: list[tuple[int, int]] = []
        assert migrate(conn, before=lambda *a: calls.append(a)) == list(
            range(1, SCHEMA_VERSION + 1)
        )
        assert calls == [(0, SCHEMA_VERSION)]
        assert user_version(conn) == SCHEMA_VERSION
        assert {"day", "day_tag", "day_area", "session"} <= tables(conn)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # already current: nothing to do, and nobody is asked to back up
        assert migrate(conn, before=lambda *a: calls.append(a)) == []
        assert calls == [(0, SCHEMA_VERSION)]
    finally:
        conn.close()


def test_extra_migrations_apply_step_by_step_one_transaction_each(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log_at_version_1(database)
    conn = connect(database)
    try:
        data_before = {t: rows for t, rows in everything(conn).items() if t.startswith("day")}
        calls: list[tuple[int, int]] = []
        trace = Statements(conn)
        assert migrate(conn, before=lambda *a: calls.append(a), migrations=EXTENDED) == [2, 3]
        conn.set_trace_callback(None)

        assert calls == [(1, 3)]
        assert user_version(conn) == 3
        assert "mood" in columns(conn, "day")
        assert "medication" in tables(conn)
        assert trace.steps(EXTENDED) == [
            ("BEGIN IMMEDIATE", [*SECOND.statements, "PRAGMA user_version = 2"], "COMMIT"),
            ("BEGIN IMMEDIATE", [*THIRD.statements, "PRAGMA user_version = 3"], "COMMIT"),
        ]
        after = everything(conn)
        assert after["day_tag"] == data_before["day_tag"]
        assert after["day_area"] == data_before["day_area"]
        assert [row[:-1] for row in after["day"]] == data_before["day"]  # plus mood, still NULL
        assert {row[-1] for row in after["day"]} == {None}
    finally:
        conn.close()


def test_from_zero_each_of_the_extended_migrations_gets_its_own_transaction(tmp_path: Path):
    conn = connect(tmp_path / "unknot.sqlite3")
    try:
        trace = Statements(conn)
        assert migrate(conn, migrations=EXTENDED) == [1, 2, 3]
        assert trace.steps(EXTENDED) == [
            ("BEGIN IMMEDIATE", [*m.statements, f"PRAGMA user_version = {m.version}"], "COMMIT")
            for m in EXTENDED
        ]
    finally:
        conn.close()


def test_a_failing_migration_rolls_back_and_leaves_the_previous_version_intact(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log_at_version_1(database)
    conn = connect(database)
    try:
        with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
            migrate(conn, migrations=(*BASE, SECOND, BROKEN_THIRD))
        assert user_version(conn) == 2  # the second step was committed on its own
        assert "mood" in columns(conn, "day")
        assert "half_done" not in tables(conn)  # the third step left nothing behind
        assert not conn.in_transaction
        at_version_2 = everything(conn)

        with pytest.raises(sqlite3.OperationalError):  # trying again changes nothing
            migrate(conn, migrations=(*BASE, SECOND, BROKEN_THIRD))
        assert everything(conn) == at_version_2

        assert migrate(conn, migrations=EXTENDED) == [3]  # a fixed release carries on from 2
        assert user_version(conn) == 3
    finally:
        conn.close()


def test_a_failing_first_extra_step_leaves_the_log_exactly_as_it_was(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log_at_version_1(database)
    conn = connect(database)
    try:
        before = everything(conn)
        broken_second = Migration(2, "typo", ("ALTER TABLE day ADD COLUMN mood INTEGER", "NOPE"))
        with pytest.raises(sqlite3.OperationalError):
            migrate(conn, migrations=(*BASE, broken_second))
        assert everything(conn) == before
    finally:
        conn.close()


def test_two_processes_opening_a_new_log_at_once_both_succeed(tmp_path: Path):
    """E.g. the window and `coach log add` started together on first run."""
    database = tmp_path / "unknot.sqlite3"
    first, second = connect(database), connect(database)
    try:
        # The other process migrates exactly between this one's version check and its BEGIN.
        migrate(first, before=lambda current, target: migrate(second))
        assert user_version(first) == SCHEMA_VERSION
    finally:
        first.close()
        second.close()


# -- the repository backs up before migrating ----------------------------------------------------


def test_an_existing_log_is_backed_up_before_it_is_migrated(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log_at_version_1(database)
    keeper = BackupKeeper(tmp_path / "backups")
    conn = connect(database)
    at_version_1 = everything(conn)
    conn.close()

    repo = LogRepository.open(database, keeper, migrations=EXTENDED)
    try:
        assert user_version(repo.conn) == 3
    finally:
        repo.close()
    backups = keeper.list()
    assert [b.reason for b in backups] == ["before-v3"]  # and it counts as today's backup
    copy = sqlite3.connect(backups[0].path)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert everything(copy) == at_version_1  # the whole log, as it was before migrating
    finally:
        copy.close()


def test_a_brand_new_log_is_not_backed_up_before_migrating(tmp_path: Path):
    keeper = BackupKeeper(tmp_path / "backups")
    LogRepository.open(tmp_path / "unknot.sqlite3", keeper, migrations=EXTENDED).close()
    assert [b.reason for b in keeper.list()] == ["daily"]


def test_a_migration_failing_inside_open_keeps_the_backup_and_the_old_version(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log_at_version_1(database)
    keeper = BackupKeeper(tmp_path / "backups")
    broken = (*BASE, SECOND, BROKEN_THIRD)
    with pytest.raises(sqlite3.OperationalError):
        LogRepository.open(database, keeper, migrations=broken)
    conn = connect(database)
    try:
        assert user_version(conn) == 2
        assert "half_done" not in tables(conn)
    finally:
        conn.close()
    (backup,) = keeper.list()
    assert backup.reason == "before-v3"
    copy = sqlite3.connect(backup.path)
    try:
        assert user_version(copy) == 1
    finally:
        copy.close()


# -- a newer log ---------------------------------------------------------------------------------


def test_a_log_from_a_newer_release_is_refused_and_left_untouched(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log_at_version_1(database)
    conn = connect(database)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    keeper = BackupKeeper(tmp_path / "backups")
    backups_before = keeper.list()
    before = database.read_bytes()

    with pytest.raises(NewerDatabase) as raised:
        LogRepository.open(database, keeper)
    assert str(SCHEMA_VERSION + 5) in raised.value.reason
    assert "update Unknot" in raised.value.reason
    assert database.read_bytes() == before
    assert not database.with_name(database.name + "-wal").exists()
    assert keeper.list() == backups_before  # no backup, no migration


# -- the real steps ------------------------------------------------------------------------------


def test_version_2_adds_medications_to_an_existing_log_backed_up_first(tmp_path: Path):
    database = tmp_path / "unknot.sqlite3"
    log_at_version_1(database)
    keeper = BackupKeeper(tmp_path / "backups")
    repo = LogRepository.open(database, keeper)
    try:
        assert user_version(repo.conn) == SCHEMA_VERSION >= 2
        assert {"day_medication", "medicine"} <= tables(repo.conn)
        days = repo.days(dt.date(2024, 3, 1), dt.date(2024, 3, 2))
        assert [(d.pain, d.tags, d.areas, d.note, d.medications) for d in days] == [
            (6, ("walk",), {"neck": 3}, "", ()),
            (2, (), {}, "better", ()),
        ]
        assert repo.medicines() == []
        assert repo.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        repo.close()
    assert [b.reason for b in keeper.list()] == [f"before-v{SCHEMA_VERSION}"]
