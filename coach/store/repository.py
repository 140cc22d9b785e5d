"""The log's repository: the only way the rest of the app reads and writes days and sessions.

The file itself (opening, migrating, read-only mode, guarded write transactions) is LogFile's;
how a day and a session become rows is day_rows' and session_rows'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from coach.core.log.entries import (
    EARLIEST_DATE,
    LAST_STORABLE_DATE,
    DayEntry,
    Medicine,
    SessionRecord,
    check_rating,
)
from coach.store.day_rows import read_days, write_day
from coach.store.log_file import LogFile
from coach.store.session_rows import insert_session, read_sessions, write_feedback, write_progress


class LogRepository(LogFile):
    """Days and sessions in one SQLite file. Every write is one transaction: all of it, or none."""

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
            current = read_days(self.conn, date, date)
            entry = (current[0] if current else DayEntry(date)).merged(**changes)
            self._write_day(entry)
        return entry

    def set_areas(self, date: dt.date, areas: dict[str, int]) -> DayEntry:
        """Replace the day's marked areas (not merged), keeping its other fields; returns the day.

        One transaction, read and write under one lock, like `update_day`. A day left with
        nothing logged is removed.
        """
        with self._writing():
            current = read_days(self.conn, date, date)
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
        return read_days(self.conn, start, end)

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
        write_day(self.conn, entry, self.now().isoformat(timespec="seconds"))

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
            return insert_session(self.conn, record)

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
            added = [insert_session(self.conn, r) for r in self.new_sessions(sessions)]
            known = {m.name.casefold() for m in self.medicines()}
            for medicine in medicines:
                if medicine.name.casefold() not in known:
                    known.add(medicine.name.casefold())
                    self._insert_medicine(medicine)
        return written, len(added)

    def sessions(self, start: dt.date, end: dt.date) -> list[SessionRecord]:
        """Sessions started on local dates `start` to `end` inclusive, oldest first."""
        return read_sessions(self.conn, start, end)

    def update_session_progress(self, record: SessionRecord) -> None:
        """Bring a session recorded when it started up to date: how far it got, and how it ended.

        A session is recorded as it starts (stopped at step 1) and updated as it goes, so one
        cut short by a crash or a power cut is still in the log, as far as it got.
        """
        if record.id is None:
            raise ValueError("only a recorded session can be updated")
        with self._writing():
            write_progress(self.conn, record)

    def update_session_feedback(
        self, session_id: int, *, pain_after: int | None, note: str
    ) -> None:
        """Add what the person said after a session (pain now, a note) to its record."""
        checked = check_rating("pain_after", pain_after)
        with self._writing():
            write_feedback(self.conn, session_id, checked, note)

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
