"""A second process writing to the log, for the durability tests (run as a script, killed at will).

    python tests/store/writer_process.py versions DB --start N
        Writes version N, N+1, ... forever; after each commit prints "ack N". Every value of write N
        derives from N (see `version_fields`), so a reader can tell whether a day is whole.
    python tests/store/writer_process.py tags DB --date 2024-05-01 --prefix a --count 50
        Prints "ready", waits for a line on stdin, then adds the tags a0..a49 to the day one
        update_day at a time and prints "done".

The test imports the same functions to compute what the log must contain after write C.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
from pathlib import Path
from typing import Any

from coach.core.log.entries import DayEntry, SessionRecord
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository

DAYS = tuple(dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(3))
TZ = dt.timezone(dt.timedelta(hours=2))


def is_session_write(n: int) -> bool:
    """Every fifth write records a session instead of changing a day."""
    return n % 5 == 4


def day_of(n: int) -> dt.date:
    """The day write `n` changes."""
    return DAYS[n % len(DAYS)]


def version_fields(n: int) -> dict[str, Any]:
    """Every field of a day as write `n` leaves it (tags: the one this write adds)."""
    return {
        "pain": n % 11,
        "worst_pain": (n + 3) % 11,
        "sleep_quality": (n + 5) % 11,
        "sleep_hours": float(n % 25),
        "enjoyment": (n + 7) % 11,
        "activity": (n + 9) % 11,
        "stress": (n + 1) % 11,
        "note": f"write {n}",
        "tags": (f"w{n}",),
        "areas": {"left_calf": n % 11, "lower_back": (n * 7) % 11},
    }


def version_session(n: int) -> SessionRecord:
    """The session write `n` records."""
    start = dt.datetime(2024, 2, 1, 8, 0, tzinfo=TZ) + dt.timedelta(minutes=n)
    return SessionRecord(
        routine_id=f"routine-{n}",
        routine_title=f"write {n}",
        started_at=start,
        ended_at=start + dt.timedelta(seconds=n % 600),
        planned_seconds=float(n % 600),
        actual_seconds=float(n % 600),
        completed=True,
        step_count=n % 30,
        pain_before=n % 11,
        pain_after=(n + 1) % 11,
        note=f"write {n}",
    )


def write_version(repo: LogRepository, n: int) -> None:
    """Write number `n`: a session, or a whole day (even n) or a merge into a day (odd n)."""
    if is_session_write(n):
        repo.record_session(version_session(n))
    elif n % 2 == 0:
        repo.save_day(DayEntry(day_of(n), **version_fields(n)))
    else:
        repo.update_day(day_of(n), **version_fields(n))


def expected_after(last: int) -> tuple[list[DayEntry], list[SessionRecord]]:
    """What the log holds after writes 1..`last` all committed (days, sessions; oldest first)."""
    days: dict[dt.date, DayEntry] = {}
    sessions: list[SessionRecord] = []
    for n in range(1, last + 1):
        if is_session_write(n):
            sessions.append(version_session(n))
        elif n % 2 == 0:
            days[day_of(n)] = DayEntry(day_of(n), **version_fields(n))
        else:
            days[day_of(n)] = days.get(day_of(n), DayEntry(day_of(n))).merged(**version_fields(n))
    return [days[d] for d in sorted(days)], sessions


def say(line: str) -> None:
    """One line to the test, flushed at once (the test waits for it)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run_versions(database: Path, start: int) -> None:
    say("opening")
    repo = LogRepository.open(database, BackupKeeper(database.parent / "backups"))
    say("ready")
    for n in itertools.count(start):
        write_version(repo, n)
        say(f"ack {n}")


def run_tags(database: Path, date: dt.date, prefix: str, count: int) -> None:
    repo = LogRepository.open(database, BackupKeeper(database.parent / "backups"))
    say("ready")
    sys.stdin.readline()  # start together with the other writer
    for i in range(count):
        repo.update_day(date, tags=[f"{prefix}{i}"])
    repo.close()
    say("done")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["versions", "tags"])
    parser.add_argument("database", type=Path)
    parser.add_argument("--start", type=int, default=1)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2024, 5, 1))
    parser.add_argument("--prefix", default="t")
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    if args.mode == "versions":
        run_versions(args.database, args.start)
    else:
        run_tags(args.database, args.date, args.prefix, args.count)


if __name__ == "__main__":
    main()
