"""The log's repository: the only way the rest of the app reads and writes days and sessions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from coach.core.log import RATING_FIELDS, SESSION_FIELDS, DayEntry, SessionRecord, check_rating
from coach.store.backup import BackupKeeper
from coach.store.connection import NewerDatabase, connect, transaction
from coach.store.migrations import MIGRATIONS, Migration, migrate, user_version

Now = Callable[[], dt.datetime]

_DAY_COLUMNS = (
    "pain",
    "worst_pain",
    "sleep_quality",
    "sleep_hours",
    "enjoyment",
    "activity",
    "stress",
    "note",
)
# the record's values, with the local date it started on (for selecting by day) after the title
_SESSION_COLUMNS = (*SESSION_FIELDS[:2], "day", *SESSION_FIELDS[2:])
assert set(RATING_FIELDS) <= set(_DAY_COLUMNS)
_DAY_ROW = ("date", *_DAY_COLUMNS)
_SESSION_ROW = ("id", *SESSION_FIELDS)


def local_now() -> dt.datetime:
    """The current time with the machine's current UTC offset."""
    return dt.datetime.now().astimezone()


class LogRepository:
    """Days and sessions in one SQLite file. Every write is one transaction: all of it, or none."""

    def __init__(self, conn: sqlite3.Connection, now: Now = local_now) -> None:
        self.conn = conn
        self.now = now

    @classmethod
    def open(
        cls,
        database: Path,
        backups: BackupKeeper,
        now: Now = local_now,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> LogRepository:
        """Open (creating if needed) and migrate the log, backing it up first and once a day.

        Raises CorruptDatabase / NewerDatabase without changing the file.
        """
        conn = connect(database)
        try:
            version = user_version(conn)
            known = migrations[-1].version
            if version > known:
                raise NewerDatabase(
                    database,
                    f"it was written by a newer version of Unknot (schema {version}, this version "
                    f"knows up to {known}); update Unknot to open it",
                )

            def back_up_first(current: int, target: int) -> None:
                if current > 0:  # a brand-new file has nothing to lose
                    backups.take(conn, f"before-v{target}")

            migrate(conn, before=back_up_first, migrations=migrations)
            backups.take_daily(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, now)

    def close(self) -> None:
        """Close the file (everything is already committed)."""
        self.conn.close()

    def replace_connection(self, conn: sqlite3.Connection) -> None:
        """Read and write through `conn` from now on (a restored file); the old one is closed.

        Everything holding this repository keeps working, on the new file.
        """
        old, self.conn = self.conn, conn
        old.close()

    # -- days ----------------------------------------------------------------------------------

    def get_day(self, date: dt.date) -> DayEntry | None:
        """The entry for `date`, or None if nothing was logged."""
        found = self.days(date, date)
        return found[0] if found else None

    def save_day(self, entry: DayEntry) -> None:
        """Replace the entry for its date (an empty entry removes the day), atomically."""
        with transaction(self.conn):
            self._write_day(entry)

    def update_day(self, date: dt.date, **changes: Any) -> DayEntry:
        """Merge `changes` into the day (tags added, areas updated) in one transaction; returns it.

        Read and write happen under one write lock, so two processes updating the same day never
        lose each other's changes.
        """
        with transaction(self.conn):
            current = self._read_days(date, date)
            entry = (current[0] if current else DayEntry(date)).merged(**changes)
            self._write_day(entry)
        return entry

    def set_areas(self, date: dt.date, areas: dict[str, int]) -> DayEntry:
        """Replace the day's marked areas (not merged), keeping its other fields; returns the day.

        One transaction, read and write under one lock, like `update_day`. A day left with
        nothing logged is removed.
        """
        with transaction(self.conn):
            current = self._read_days(date, date)
            entry = replace(current[0] if current else DayEntry(date), areas=dict(areas))
            self._write_day(entry)
        return entry

    def save_days(self, entries: Iterable[DayEntry]) -> int:
        """Replace several days in one transaction (imports); returns how many."""
        count = 0
        with transaction(self.conn):
            for entry in entries:
                self._write_day(entry)
                count += 1
        return count

    def days(self, start: dt.date, end: dt.date) -> list[DayEntry]:
        """Entries from `start` to `end` inclusive, oldest first."""
        return self._read_days(start, end)

    def dates_with_entries(self, start: dt.date, end: dt.date) -> set[dt.date]:
        """Which dates in the range have something logged."""
        rows = self.conn.execute(
            "SELECT date FROM day WHERE date BETWEEN ? AND ?", (start.isoformat(), end.isoformat())
        )
        return {dt.date.fromisoformat(r[0]) for r in rows}

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The first and last logged dates (days or sessions), or None for an empty log."""
        row = self.conn.execute(
            "SELECT min(d), max(d) FROM (SELECT date AS d FROM day UNION ALL SELECT day FROM session)"
        ).fetchone()
        if row[0] is None:
            return None
        return dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1])

    def tags_in_use(self) -> list[tuple[str, int]]:
        """Every tag used, most used first, with how many days it is on."""
        rows = self.conn.execute(
            "SELECT tag, count(*) AS n FROM day_tag GROUP BY tag ORDER BY n DESC, tag"
        )
        return [(r[0], r[1]) for r in rows]

    def _write_day(self, entry: DayEntry) -> None:
        date = entry.date.isoformat()
        self.conn.execute("DELETE FROM day WHERE date = ?", (date,))  # cascades to tags and areas
        if entry.is_empty():
            return
        values = [getattr(entry, c) for c in _DAY_COLUMNS]
        self.conn.execute(
            f"INSERT INTO day (date, {', '.join(_DAY_COLUMNS)}, updated_at) "
            f"VALUES (?, {', '.join('?' for _ in _DAY_COLUMNS)}, ?)",
            (date, *values, self.now().isoformat(timespec="seconds")),
        )
        self.conn.executemany(
            "INSERT INTO day_tag (date, tag) VALUES (?, ?)", [(date, t) for t in entry.tags]
        )
        self.conn.executemany(
            "INSERT INTO day_area (date, region, intensity) VALUES (?, ?, ?)",
            [(date, region, level) for region, level in entry.areas.items()],
        )

    def _read_days(self, start: dt.date, end: dt.date) -> list[DayEntry]:
        # The tables' STRICT types and CHECK constraints hold what DayEntry checks, and every
        # write went through DayEntry: the rows are trusted, in the order DayEntry keeps them.
        bounds = (start.isoformat(), end.isoformat())
        tags: dict[str, list[str]] = {}
        for date, tag in self.conn.execute(
            "SELECT date, tag FROM day_tag WHERE date BETWEEN ? AND ? ORDER BY date, tag", bounds
        ):
            tags.setdefault(date, []).append(tag)
        areas: dict[str, dict[str, int]] = {}
        for date, region, level in self.conn.execute(
            "SELECT date, region, intensity FROM day_area WHERE date BETWEEN ? AND ? "
            "ORDER BY date, region",
            bounds,
        ):
            areas.setdefault(date, {})[region] = level
        rows = self.conn.execute(
            f"SELECT date, {', '.join(_DAY_COLUMNS)} FROM day WHERE date BETWEEN ? AND ? ORDER BY date",
            bounds,
        )
        entries = []
        trusted, fromisoformat, names = DayEntry.from_store, dt.date.fromisoformat, _DAY_ROW
        for row in rows:
            values = dict(zip(names, row, strict=True))
            date = row[0]
            values["date"] = fromisoformat(date)
            values["tags"] = tuple(tags.get(date, ()))
            values["areas"] = areas.get(date) or {}
            entries.append(trusted(values))
        return entries

    # -- sessions ------------------------------------------------------------------------------

    def record_session(self, record: SessionRecord) -> SessionRecord:
        """Store a played session; returns it with its id."""
        with transaction(self.conn):
            return self._insert_session(record)

    def new_sessions(self, records: Iterable[SessionRecord]) -> list[SessionRecord]:
        """Those of `records` not in the log yet (same routine started at the same instant), once each."""
        records = list(records)
        if not records:
            return []
        days = [r.day for r in records]
        # a day either side: the same instant can fall on another local date in another zone
        stored = self.sessions(min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1))
        known = {(r.routine_id, r.started_at) for r in stored}
        fresh = []
        for record in records:
            key = (record.routine_id, record.started_at)
            if key not in known:
                known.add(key)
                fresh.append(record)
        return fresh

    def import_log(
        self, days: Iterable[DayEntry], sessions: Iterable[SessionRecord]
    ) -> tuple[int, int]:
        """Replace the given days and add the sessions not there yet, all in one transaction.

        Returns (days written, sessions added); importing the same file twice changes nothing.
        """
        with transaction(self.conn):
            written = 0
            for entry in days:
                self._write_day(entry)
                written += 1
            added = [self._insert_session(r) for r in self.new_sessions(sessions)]
        return written, len(added)

    def _insert_session(self, record: SessionRecord) -> SessionRecord:
        values = (
            record.routine_id,
            record.routine_title,
            record.day.isoformat(),
            record.started_at.isoformat(),
            record.ended_at.isoformat(),
            record.planned_seconds,
            record.actual_seconds,
            int(record.completed),
            record.step_count,
            record.stopped_at_step,
            record.pain_before,
            record.pain_after,
            record.note,
        )
        cursor = self.conn.execute(
            f"INSERT INTO session ({', '.join(_SESSION_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _SESSION_COLUMNS)})",
            values,
        )
        return _with_id(record, cursor.lastrowid)

    def sessions(self, start: dt.date, end: dt.date) -> list[SessionRecord]:
        """Sessions started on local dates `start` to `end` inclusive, oldest first."""
        # by the instant they started, whatever time zone each was played in: julianday() reads
        # the offset (to the millisecond; the text, then the id, order what it cannot tell apart)
        rows = self.conn.execute(
            f"SELECT {', '.join(_SESSION_ROW)} FROM session WHERE day BETWEEN ? AND ? "
            "ORDER BY julianday(started_at), started_at, id",
            (start.isoformat(), end.isoformat()),
        )
        return [_session_from_row(row) for row in rows]

    def update_session_feedback(
        self, session_id: int, *, pain_after: int | None, note: str
    ) -> None:
        """Add what the person said after a session (pain now, a note) to its record."""
        checked = check_rating("pain_after", pain_after)
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE session SET pain_after = ?, note = ? WHERE id = ?",
                (checked, note, session_id),
            )

    def delete_session(self, session_id: int) -> None:
        """Remove one session record."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM session WHERE id = ?", (session_id,))

    # -- everything ----------------------------------------------------------------------------

    def delete_everything(self) -> None:
        """Remove every day and session (the person asked for it, with a confirmation)."""
        with transaction(self.conn):
            for table in ("day_tag", "day_area", "day", "session"):
                self.conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
        # rewrite the file without the old pages, then empty the write-ahead log
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _with_id(record: SessionRecord, session_id: int | None) -> SessionRecord:
    return replace(record, id=session_id)


def _session_from_row(row: tuple[Any, ...]) -> SessionRecord:
    # trusted as the days are (see _read_days): the session table's constraints hold the rules
    values = dict(zip(_SESSION_ROW, row, strict=True))
    values["started_at"] = dt.datetime.fromisoformat(values["started_at"])
    values["ended_at"] = dt.datetime.fromisoformat(values["ended_at"])
    values["completed"] = bool(values["completed"])
    return SessionRecord.from_store(values)
