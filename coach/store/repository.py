"""The log's repository: the only way the rest of the app reads and writes days and sessions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from coach.core.log.entries import (
    EARLIEST_DATE,
    LAST_STORABLE_DATE,
    RATING_FIELDS,
    SESSION_FIELDS,
    DayEntry,
    MedicationTaken,
    Medicine,
    SessionRecord,
    check_day_limits,
    check_rating,
    check_storable_date,
)
from coach.store.backup import BackupKeeper
from coach.store.connection import (
    NewerDatabase,
    UnavailableDatabase,
    WriteRefused,
    connect,
    connect_read_only,
    explain,
    transaction,
)
from coach.store.guard import identity, reconnect_moved, refuse_emptied
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

    def __init__(
        self,
        conn: sqlite3.Connection,
        now: Now = local_now,
        *,
        path: Path | None = None,
        read_only: str = "",
    ) -> None:
        self.conn = conn
        self.now = now
        self.path = path
        # why the log is open for reading only ("" when it can be written)
        self.read_only = read_only
        # what went wrong with the daily backup when the log was opened ("" when nothing did)
        self.backup_problem = ""
        # told (in plain words) when the log's file was found gone and written again
        self.on_warning: Callable[[str], None] | None = None
        self._identity = identity(path)

    @classmethod
    def open(
        cls,
        database: Path,
        backups: BackupKeeper,
        now: Now = local_now,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> LogRepository:
        """Open (creating if needed) and migrate the log, backing it up first and once a day.

        Raises CorruptDatabase / NewerDatabase / EmptiedDatabase / UnavailableDatabase without
        changing the file. A daily backup that cannot be taken (a full disk) does not stop the
        log opening: `backup_problem` says why.
        """
        refuse_emptied(database, backups)
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

            try:
                migrate(conn, before=back_up_first, migrations=migrations)
            except (sqlite3.Error, OSError) as exc:
                trouble = explain(exc, database)
                if isinstance(trouble, UnavailableDatabase):
                    raise trouble from None  # a full or read-only disk: said plainly
                raise
            repo = cls(conn, now, path=database)
            try:
                backups.take_daily(conn)
            except (sqlite3.Error, OSError) as exc:
                repo.backup_problem = explain(exc, backups.folder).reason
        except BaseException:
            conn.close()
            raise
        return repo

    @classmethod
    def open_read_only(
        cls, database: Path, reason: str, now: Now = local_now, *, no_trace: bool = False
    ) -> LogRepository:
        """The log for viewing, exporting and charts only, when `reason` stops writing to it.

        Every write raises WriteRefused with `reason`. Raises DatabaseTrouble if even reading fails.
        """
        conn = connect_read_only(database, no_trace=no_trace)
        version = user_version(conn)
        if version > MIGRATIONS[-1].version or version < MIGRATIONS[-1].version:
            conn.close()
            raise UnavailableDatabase(
                database,
                f"{reason}; and the log's schema (version {version}) is not this version's "
                f"({MIGRATIONS[-1].version}), which cannot be changed while it is read-only",
                "read-only",
            )
        return cls(conn, now, path=database, read_only=reason)

    def close(self) -> None:
        """Close the file (everything is already committed)."""
        self.conn.close()

    def replace_connection(self, conn: sqlite3.Connection) -> None:
        """Read and write through `conn` from now on (a restored file); the old one is closed.

        Everything holding this repository keeps working, on the new file.
        """
        old, self.conn = self.conn, conn
        self.read_only = ""
        self._identity = identity(self.path)
        old.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, after checking the file is still where it was opened.

        Refused plainly when the log is read-only; an SQLite failure (disk full, read-only
        file) becomes WriteRefused naming the cause and the right file.
        """
        if self.read_only:
            raise WriteRefused(
                UnavailableDatabase(
                    self.path or Path("?"),
                    f"the log is open read-only: {self.read_only}",
                    "read-only",
                )
            )
        self._ensure_file()
        try:
            with transaction(self.conn) as conn:
                yield conn
        except WriteRefused:
            raise
        except sqlite3.IntegrityError:
            raise  # a value the schema refuses: the caller's mistake, not the disk's
        except sqlite3.Error as exc:
            if self.path is None:
                raise
            raise WriteRefused(explain(exc, self.path)) from exc

    def _ensure_file(self) -> None:
        """If the log's file (or its whole folder) was deleted or replaced while open, write
        everything this connection still holds to a new file at the same place (or use the file
        that replaced it), and say so through `on_warning`.

        Without this, saves would go on "succeeding" into a file nobody can reach again.
        """
        if self.path is None or self._identity is None or identity(self.path) == self._identity:
            return
        conn, message = reconnect_moved(self.conn, self.path)
        self.replace_connection(conn)
        if self.on_warning is not None:
            self.on_warning(message)

    # -- days ----------------------------------------------------------------------------------

    def get_day(self, date: dt.date) -> DayEntry | None:
        """The entry for `date`, or None if nothing was logged."""
        found = self.days(date, date)
        return found[0] if found else None

    def save_day(self, entry: DayEntry) -> None:
        """Replace the entry for its date (an empty entry removes the day), atomically."""
        with self._writing():
            self._write_day(entry)

    def update_day(self, date: dt.date, **changes: Any) -> DayEntry:
        """Merge `changes` into the day (tags added, areas updated) in one transaction; returns it.

        Read and write happen under one write lock, so two processes updating the same day never
        lose each other's changes.
        """
        with self._writing():
            current = self._read_days(date, date)
            entry = (current[0] if current else DayEntry(date)).merged(**changes)
            self._write_day(entry)
        return entry

    def set_areas(self, date: dt.date, areas: dict[str, int]) -> DayEntry:
        """Replace the day's marked areas (not merged), keeping its other fields; returns the day.

        One transaction, read and write under one lock, like `update_day`. A day left with
        nothing logged is removed.
        """
        with self._writing():
            current = self._read_days(date, date)
            entry = replace(current[0] if current else DayEntry(date), areas=dict(areas))
            self._write_day(entry)
        return entry

    def save_days(self, entries: Iterable[DayEntry]) -> int:
        """Replace several days in one transaction (imports); returns how many."""
        count = 0
        with self._writing():
            for entry in entries:
                self._write_day(entry)
                count += 1
        return count

    def import_days(
        self,
        days: Iterable[DayEntry],
        *,
        write: bool = True,
        progress: Callable[[int], None] | None = None,
        every: int = 5000,
    ) -> tuple[int, int]:
        """Replace each given day, taken one at a time (a stream), in one transaction.

        Returns (days, of which replacing a logged day). `write=False` only counts (a dry run,
        on a read-only log). `progress(days so far)` is called every `every` days.
        """

        def each() -> tuple[int, int]:
            count = replaced = 0
            for entry in days:
                if self.conn.execute(
                    "SELECT 1 FROM day WHERE date = ?", (entry.date.isoformat(),)
                ).fetchone():
                    replaced += 1
                if write:
                    self._write_day(entry)
                count += 1
                if progress is not None and count % every == 0:
                    progress(count)
            return count, replaced

        if not write:
            return each()
        with self._writing():
            return each()

    def days(self, start: dt.date, end: dt.date) -> list[DayEntry]:
        """Entries from `start` to `end` inclusive, oldest first."""
        return self._read_days(start, end)

    def dates_with_entries(self, start: dt.date, end: dt.date) -> set[dt.date]:
        """Which dates in the range have something logged."""
        rows = self.conn.execute(
            "SELECT date FROM day WHERE date BETWEEN ? AND ?", (start.isoformat(), end.isoformat())
        )
        return {dt.date.fromisoformat(r[0]) for r in rows}

    def dates_with_sessions(self, start: dt.date, end: dt.date) -> set[dt.date]:
        """Which dates in the range have a session (finished or not)."""
        rows = self.conn.execute(
            "SELECT DISTINCT day FROM session WHERE day BETWEEN ? AND ?",
            (start.isoformat(), end.isoformat()),
        )
        return {dt.date.fromisoformat(r[0]) for r in rows}

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The first and last logged dates (days or sessions), or None for an empty log.

        Only dates the log accepts count (see `check_log_date`): a day at year 1 or 9999, from
        before that rule, can never stretch a chart over eight thousand years.
        """
        row = self.conn.execute(
            "SELECT min(d), max(d) FROM (SELECT date AS d FROM day UNION ALL SELECT day FROM session)"
            " WHERE d BETWEEN ? AND ?",
            (EARLIEST_DATE.isoformat(), LAST_STORABLE_DATE.isoformat()),
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
        check_day_limits(entry)  # the last fence: whatever the caller, no 100,000-tag day
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
        self.conn.executemany(
            "INSERT INTO day_medication (date, position, name, taken_at, as_needed, helped) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    date,
                    position,
                    taken.name,
                    None if taken.time is None else f"{taken.time:%H:%M}",
                    int(taken.as_needed),
                    taken.helped,
                )
                for position, taken in enumerate(entry.medications)
            ],
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
        medications: dict[str, list[MedicationTaken]] = {}
        for date, name, taken_at, as_needed, helped in self.conn.execute(
            "SELECT date, name, taken_at, as_needed, helped FROM day_medication "
            "WHERE date BETWEEN ? AND ? ORDER BY date, position",
            bounds,
        ):
            time = None if taken_at is None else dt.time.fromisoformat(taken_at)
            medications.setdefault(date, []).append(
                MedicationTaken(name, time, bool(as_needed), helped)
            )
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
            values["medications"] = tuple(medications.get(date, ()))
            entries.append(trusted(values))
        return entries

    # -- the person's own medicines ------------------------------------------------------------

    def medicines(self) -> list[Medicine]:
        """The person's own list of medicines, in the order they were added."""
        rows = self.conn.execute("SELECT name, as_needed FROM medicine ORDER BY position, name")
        return [Medicine(name, bool(as_needed)) for name, as_needed in rows]

    def save_medicine(self, medicine: Medicine) -> None:
        """Add a medicine to the list, or update it (a name differing only in case is the same)."""
        with self._writing():
            self._insert_medicine(medicine)

    def _insert_medicine(self, medicine: Medicine) -> None:
        self.conn.execute(
            "INSERT INTO medicine (name, as_needed, position) "
            "VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM medicine)) "
            "ON CONFLICT (name) DO UPDATE SET name = excluded.name, "
            "as_needed = excluded.as_needed",
            (medicine.name, int(medicine.as_needed)),
        )

    def remove_medicine(self, name: str) -> None:
        """Take a medicine off the list (the days it was taken on keep it)."""
        with self._writing():
            self.conn.execute("DELETE FROM medicine WHERE name = ?", (name,))

    # -- sessions ------------------------------------------------------------------------------

    def record_session(self, record: SessionRecord) -> SessionRecord:
        """Store a played session; returns it with its id."""
        with self._writing():
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
        self,
        days: Iterable[DayEntry],
        sessions: Iterable[SessionRecord],
        medicines: Iterable[Medicine] = (),
    ) -> tuple[int, int]:
        """Replace the given days, add the sessions not there yet and the medicines to the
        person's list, all in one transaction.

        Returns (days written, sessions added); importing the same file twice changes nothing.
        """
        with self._writing():
            written = 0
            for entry in days:
                self._write_day(entry)
                written += 1
            added = [self._insert_session(r) for r in self.new_sessions(sessions)]
            known = {m.name.casefold() for m in self.medicines()}
            for medicine in medicines:
                if medicine.name.casefold() not in known:
                    known.add(medicine.name.casefold())
                    self._insert_medicine(medicine)
        return written, len(added)

    def _insert_session(self, record: SessionRecord) -> SessionRecord:
        check_storable_date(record.day, "started_at")
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

    def update_session_progress(self, record: SessionRecord) -> None:
        """Bring a session recorded when it started up to date: how far it got, and how it ended.

        A session is recorded as it starts (stopped at step 1) and updated as it goes, so one
        cut short by a crash or a power cut is still in the log, as far as it got.
        """
        if record.id is None:
            raise ValueError("only a recorded session can be updated")
        with self._writing():
            self.conn.execute(
                "UPDATE session SET ended_at = ?, actual_seconds = ?, completed = ?, "
                "stopped_at_step = ? WHERE id = ?",
                (
                    record.ended_at.isoformat(),
                    record.actual_seconds,
                    int(record.completed),
                    record.stopped_at_step,
                    record.id,
                ),
            )

    def update_session_feedback(
        self, session_id: int, *, pain_after: int | None, note: str
    ) -> None:
        """Add what the person said after a session (pain now, a note) to its record."""
        checked = check_rating("pain_after", pain_after)
        with self._writing():
            self.conn.execute(
                "UPDATE session SET pain_after = ?, note = ? WHERE id = ?",
                (checked, note, session_id),
            )

    def delete_session(self, session_id: int) -> None:
        """Remove one session record."""
        with self._writing():
            self.conn.execute("DELETE FROM session WHERE id = ?", (session_id,))

    # -- everything ----------------------------------------------------------------------------

    def delete_everything(self) -> None:
        """Remove every day and session (the person asked for it, with a confirmation)."""
        with self._writing():
            for table in ("day_tag", "day_area", "day_medication", "day", "session", "medicine"):
                self.conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
        # rewrite the file without the old pages, then empty the write-ahead log
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def empty_log() -> sqlite3.Connection:
    """A log in memory with the current schema and nothing in it (what a dry run compares with)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    return conn


def _with_id(record: SessionRecord, session_id: int | None) -> SessionRecord:
    return replace(record, id=session_id)


def _session_from_row(row: tuple[Any, ...]) -> SessionRecord:
    # trusted as the days are (see _read_days): the session table's constraints hold the rules
    values = dict(zip(_SESSION_ROW, row, strict=True))
    values["started_at"] = dt.datetime.fromisoformat(values["started_at"])
    values["ended_at"] = dt.datetime.fromisoformat(values["ended_at"])
    values["completed"] = bool(values["completed"])
    return SessionRecord.from_store(values)
