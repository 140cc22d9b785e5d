"""The log survives a writer killed mid-write, and two processes writing at once lose nothing.

Real processes (tests/store/writer_process.py), real files, SIGKILL; waiting is always for a line
from the writer with a deadline, never a sleep.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry, SessionRecord
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from tests.store import writer_process
from tests.store.writer_process import day_of, expected_after, version_fields, version_session

REPO = Path(__file__).resolve().parents[2]
WRITER = Path(writer_process.__file__)
KILLS = 40
MAX_ACKS = 40  # per round, chosen at random
LINE_TIMEOUT = 15.0  # seconds the writer may take to say anything at all


class Writer:
    """A writer_process.py subprocess, and its stdout read line by line with a deadline."""

    def __init__(self, *args: str, stderr_to: Path) -> None:
        self.stderr_path = stderr_to
        with stderr_to.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, str(WRITER), *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=REPO,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            )
        assert self.proc.stdout is not None
        self._fd = self.proc.stdout.fileno()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._fd, selectors.EVENT_READ)
        self._buffer = b""

    def line(self, timeout: float = LINE_TIMEOUT) -> str | None:
        """The next line the writer printed; None once it has exited and said everything."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._selector.select(remaining):
                raise AssertionError(f"the writer said nothing for {timeout} s: {self.stderr()}")
            chunk = os.read(self._fd, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def expect(self, wanted: str) -> None:
        line = self.line()
        assert line == wanted, f"expected {wanted!r} from the writer, got {line!r}: {self.stderr()}"

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=LINE_TIMEOUT)

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        self._selector.close()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


def write_number(note: str) -> int:
    assert note.startswith("write "), f"a note no writer wrote: {note!r}"
    return int(note.removeprefix("write "))


def day_is_whole(entry: DayEntry) -> bool:
    """Every field of the day comes from one write n (tags: wn plus earlier merges into this day)."""
    n = write_number(entry.note)
    fields = version_fields(n)
    tag_numbers = [int(t.removeprefix("w")) for t in entry.tags]
    return (
        all(getattr(entry, name) == fields[name] for name in fields if name != "tags")
        and n in tag_numbers
        and all(m <= n and day_of(m) == entry.date for m in tag_numbers)
    )


def without_id(record: SessionRecord) -> SessionRecord:
    return dataclasses.replace(record, id=None)


def check_log(database: Path) -> tuple[int, int, int]:
    """Open the log as the app would and check it is whole.

    Returns (last write found, days checked, sessions checked). The log must hold exactly what
    writes 1..last leave: nothing half-written, nothing lost, nothing out of order.
    """
    repo = LogRepository.open(database, BackupKeeper(database.parent / "backups"))
    try:
        assert repo.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        days = repo.days(dt.date.min, dt.date.max)
        sessions = [without_id(s) for s in repo.sessions(dt.date.min, dt.date.max)]
    finally:
        repo.close()
    broken = [d for d in days if not day_is_whole(d)]
    assert not broken, f"half-written days: {broken}"
    for record in sessions:
        assert record == version_session(write_number(record.note)), f"torn session {record}"
    last = max(
        [write_number(d.note) for d in days] + [write_number(s.note) for s in sessions] + [0]
    )
    assert (days, sessions) == expected_after(last), f"the log is not the state after write {last}"
    return last, len(days), len(sessions)


def test_a_writer_killed_at_random_moments_never_leaves_a_torn_or_lost_write(tmp_path: Path):
    rng = random.Random(20261121)
    database = tmp_path / "unknot.sqlite3"
    last_found = 0
    acked = committed_unacked = days_checked = sessions_checked = 0
    for round_no in range(KILLS):
        # The first round is killed as soon as the writer starts opening a brand-new file
        # (creation and migration); the others after a random number of acknowledged writes.
        wanted_acks = 0 if round_no == 0 else rng.randint(1, MAX_ACKS)
        start = last_found + 1
        writer = Writer(
            "versions", str(database), "--start", str(start), stderr_to=tmp_path / "stderr.txt"
        )
        last_ack = last_found
        try:
            writer.expect("opening")
            if wanted_acks:
                writer.expect("ready")
            for _ in range(wanted_acks):
                line = writer.line()
                assert line == f"ack {last_ack + 1}", f"{line!r}: {writer.stderr()}"
                last_ack += 1
            writer.kill()
            assert writer.proc.returncode == -signal.SIGKILL, writer.stderr()
        finally:
            writer.close()
        found, days, sessions = check_log(database)
        summary = (
            f"round {round_no}: writes {start}..{last_ack} acknowledged, last write found {found}"
        )
        assert found >= last_ack, f"an acknowledged write was lost: {summary}"
        acked += last_ack - last_found
        committed_unacked += found - last_ack
        days_checked += days
        sessions_checked += sessions
        last_found = found
    report = (
        f"{KILLS} kills: {acked} writes acknowledged, {last_found} writes found committed "
        f"({committed_unacked} of them committed but killed before the ack was read); "
        f"every acknowledged write present; {days_checked} day rows and {sessions_checked} "
        f"session rows checked over the {KILLS} reopenings, all whole; integrity_check ok each time"
    )
    print(report)  # noqa: T201 - the counts are the point of this test (pytest -s shows them)
    assert last_found >= acked, report
    assert acked > KILLS, report  # the writers really wrote


def test_two_processes_adding_tags_to_one_day_lose_nothing_while_the_gui_holds_a_read(
    tmp_path: Path,
):
    database = tmp_path / "unknot.sqlite3"
    day = dt.date(2024, 5, 1)
    gui = LogRepository.open(database, BackupKeeper(tmp_path / "backups"))
    writers: list[Writer] = []
    try:
        gui.save_day(DayEntry(day, pain=4, note="from the window"))
        gui.conn.execute("BEGIN")  # the window is in the middle of reading: a snapshot is held
        seen = gui.get_day(day)
        for prefix in ("a", "b"):
            writers.append(
                Writer(
                    "tags",
                    str(database),
                    "--date",
                    day.isoformat(),
                    "--prefix",
                    prefix,
                    "--count",
                    "50",
                    stderr_to=tmp_path / f"stderr-{prefix}.txt",
                )
            )
        for writer in writers:
            writer.expect("ready")
        for writer in writers:
            writer.send("go")  # both start together, so their 100 transactions interleave
        for writer in writers:
            writer.expect("done")
            assert writer.proc.wait(timeout=LINE_TIMEOUT) == 0, writer.stderr()
            assert writer.stderr() == ""
        assert gui.get_day(day) == seen  # still the snapshot: the writers never waited for it
        gui.conn.execute("COMMIT")

        after = gui.get_day(day)
        assert after is not None
        expected = {f"{p}{i}" for p in "ab" for i in range(50)}
        assert set(after.tags) == expected, f"lost: {sorted(expected - set(after.tags))}"
        assert (after.pain, after.note) == (4, "from the window")
        assert len(gui.update_day(day, tags=["window"]).tags) == 101  # and the window can write
    finally:
        for writer in writers:
            writer.close()
        gui.close()


@pytest.mark.parametrize("n", [1, 2, 4, 7])
def test_the_expected_state_matches_what_a_writer_really_leaves(tmp_path: Path, n: int):
    """The checker's model of writes 1..n is the repository's, in one process (no kill)."""
    repo = LogRepository.open(tmp_path / "unknot.sqlite3", BackupKeeper(tmp_path / "backups"))
    try:
        for i in range(1, n + 1):
            writer_process.write_version(repo, i)
    finally:
        repo.close()
    days, sessions = expected_after(n)
    assert check_log(tmp_path / "unknot.sqlite3") == (n, len(days), len(sessions))
