"""Saving and loading the log through LogRepository, against raw sqlite3 doing the same work.

(1) Save: one day entry (3 tags, 3 areas, a note) per transaction with LogRepository.save_day,
against the same statements in a transaction on a raw sqlite3 connection with the same pragmas
(WAL, synchronous=FULL), alternating one save each, on real files in one temporary folder.
(2) Load: ten years of days (with tags and areas) and sessions through LogRepository.days() and
.sessions(), against raw SELECTs of the same rows into plain tuples, on the same file.

Medians are reported; the ratio is LogRepository / raw (1.0 = no overhead).

    .venv/bin/python benchmarks/log_store.py [--repeat 200] [--days 3650] [--sessions N]
                                              [--runs 7] [--dir DIR] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coach.core.log.entries import DayEntry, SessionRecord
from coach.store.backup import BackupKeeper
from coach.store.day_rows import DAY_COLUMNS
from coach.store.migrations import MIGRATIONS
from coach.store.repository import LogRepository

SESSION_COLUMNS = (
    "id, routine_id, routine_title, day, started_at, ended_at, planned_seconds, actual_seconds, "
    "completed, step_count, stopped_at_step, pain_before, pain_after, note"
)
TAGS = ("walk", "slept badly", "stretching", "work", "rain", "physio", "stress", "heat", "travel")
REGIONS = ("neck", "left_shoulder", "right_shoulder", "lower_back", "left_calf", "right_hip")
FIRST_DAY = dt.date(2016, 1, 1)


def ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 4)


def p90(seconds: list[float]) -> float:
    ordered = sorted(seconds)
    return round(ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))] * 1000, 4)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain connection with the log's pragmas."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def day_entry(i: int, tags: int = 3, areas: int = 3) -> DayEntry:
    return DayEntry(
        FIRST_DAY + dt.timedelta(days=i),
        pain=i % 11,
        worst_pain=(i + 2) % 11,
        sleep_quality=(i * 3) % 11,
        sleep_hours=5 + (i % 8) / 2,
        enjoyment=(i + 1) % 11,
        activity=(i + 4) % 11,
        stress=(i * 7) % 11,
        tags=tuple(TAGS[(i + k) % len(TAGS)] for k in range(tags)),
        note=f"Day {i}: a short walk in the morning, the afternoon was harder than usual.",
        areas={REGIONS[(i + k) % len(REGIONS)]: (i + k) % 11 for k in range(areas)},
    )


def session_record(i: int, days: int, sessions: int) -> SessionRecord:
    """Session i of `sessions` spread over `days` days; some in the evening, some past midnight."""
    zone = dt.timezone(dt.timedelta(hours=1 + i % 2))
    day = FIRST_DAY + dt.timedelta(days=i * days // sessions)
    start = dt.datetime.combine(day, dt.time((8, 21, 23)[i % 3], 40), tzinfo=zone)
    length = 600 + (i % 5) * 300
    return SessionRecord(
        routine_id=f"routine-{i % 12}",
        routine_title=f"Routine {i % 12}",
        started_at=start,
        ended_at=start + dt.timedelta(seconds=length),
        planned_seconds=float(length),
        actual_seconds=float(length - (i % 4) * 30),
        completed=i % 4 == 0,
        step_count=16,
        stopped_at_step=None if i % 4 == 0 else 1 + i % 15,
        pain_before=(i + 3) % 11,
        pain_after=(i + 1) % 11,
        note="" if i % 5 else "felt looser afterwards",
    )


def raw_save(conn: sqlite3.Connection, entry: DayEntry, updated_at: str) -> None:
    """LogRepository.save_day's statements, written out by hand."""
    date = entry.date.isoformat()
    values = tuple(getattr(entry, c) for c in DAY_COLUMNS)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM day WHERE date = ?", (date,))
    conn.execute(
        f"INSERT INTO day (date, {', '.join(DAY_COLUMNS)}, updated_at) "
        f"VALUES (?, {', '.join('?' for _ in DAY_COLUMNS)}, ?)",
        (date, *values, updated_at),
    )
    conn.executemany(
        "INSERT INTO day_tag (date, tag) VALUES (?, ?)", [(date, t) for t in entry.tags]
    )
    conn.executemany(
        "INSERT INTO day_area (date, region, intensity) VALUES (?, ?, ?)",
        [(date, r, n) for r, n in entry.areas.items()],
    )
    conn.execute("COMMIT")


def bench_save(folder: Path, repeat: int) -> dict[str, Any]:
    repo = LogRepository.open(folder / "save-repository.sqlite3", BackupKeeper(folder / "backups"))
    raw = raw_connection(folder / "save-raw.sqlite3")
    for migration in MIGRATIONS:  # the same schema
        for statement in migration.statements:
            raw.execute(statement)
    updated_at = repo.now().isoformat(timespec="seconds")
    repository_times: list[float] = []
    raw_times: list[float] = []
    warm_up = 5
    try:
        for i in range(repeat + warm_up):
            entry = day_entry(i)
            runs = [
                (repository_times, lambda e=entry: repo.save_day(e)),
                (raw_times, lambda e=entry: raw_save(raw, e, updated_at)),
            ]
            for times, action in runs if i % 2 else reversed(runs):  # alternate who goes first
                took = timed(action)
                if i >= warm_up:
                    times.append(took)
    finally:
        repo.close()
        raw.close()
    return {
        "repeat": repeat,
        "repository_ms": {"median": ms(repository_times), "p90": p90(repository_times)},
        "raw_ms": {"median": ms(raw_times), "p90": p90(raw_times)},
        "ratio": round(statistics.median(repository_times) / statistics.median(raw_times), 3),
    }


def fill(path: Path, days: int, sessions: int, folder: Path) -> None:
    repo = LogRepository.open(path, BackupKeeper(folder / "backups"))
    try:
        repo.save_days(day_entry(i, tags=i % 4, areas=(i * 5) % 4) for i in range(days))
        repo.conn.execute("PRAGMA synchronous = OFF")  # only to fill the file quickly
        for i in range(sessions):
            repo.record_session(session_record(i, days, sessions))
        repo.conn.execute("PRAGMA synchronous = FULL")
        repo.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        repo.close()


def raw_load(conn: sqlite3.Connection, start: str, end: str) -> tuple[list[Any], ...]:
    """The rows LogRepository.days() reads, as plain tuples."""
    bounds = (start, end)
    return (
        conn.execute(
            f"SELECT date, {', '.join(DAY_COLUMNS)} FROM day WHERE date BETWEEN ? AND ? ORDER BY date",
            bounds,
        ).fetchall(),
        conn.execute("SELECT date, tag FROM day_tag WHERE date BETWEEN ? AND ?", bounds).fetchall(),
        conn.execute(
            "SELECT date, region, intensity FROM day_area WHERE date BETWEEN ? AND ?", bounds
        ).fetchall(),
    )


def raw_sessions(conn: sqlite3.Connection, start: str, end: str) -> list[Any]:
    return conn.execute(
        f"SELECT {SESSION_COLUMNS} FROM session WHERE day BETWEEN ? AND ? ORDER BY started_at, id",
        (start, end),
    ).fetchall()


def repository_load(repo: LogRepository) -> tuple[float, float, int]:
    """Seconds to load every day, then every session, through the repository; rows loaded."""
    t0 = time.perf_counter()
    days = repo.days(dt.date.min, dt.date.max)
    t1 = time.perf_counter()
    sessions = repo.sessions(dt.date.min, dt.date.max)
    return t1 - t0, time.perf_counter() - t1, len(days) + len(sessions)


def plain_load(conn: sqlite3.Connection) -> tuple[float, float, int]:
    """The same with raw SELECTs into tuples."""
    start, end = dt.date.min.isoformat(), dt.date.max.isoformat()
    t0 = time.perf_counter()
    rows = raw_load(conn, start, end)
    t1 = time.perf_counter()
    sessions = raw_sessions(conn, start, end)
    return t1 - t0, time.perf_counter() - t1, len(rows[0]) + len(sessions)


def bench_load(folder: Path, days: int, sessions: int, runs: int) -> dict[str, Any]:
    path = folder / "ten-years.sqlite3"
    fill(path, days, sessions, folder)
    size = path.stat().st_size
    repo = LogRepository.open(path, BackupKeeper(folder / "backups"))
    raw = raw_connection(path)
    times: dict[str, list[float]] = {
        k: [] for k in ("repo_days", "repo_sessions", "raw_days", "raw_sessions")
    }
    counts: dict[str, int] = {}
    try:
        for run in range(runs + 1):  # the first run warms the page cache and is not counted
            sides = [("repo", repository_load, repo), ("raw", plain_load, raw)]
            for side, load, source in sides if run % 2 else reversed(sides):
                days_took, sessions_took, counts[side] = load(source)
                if run:
                    times[f"{side}_days"].append(days_took)
                    times[f"{side}_sessions"].append(sessions_took)
    finally:
        repo.close()
        raw.close()
    if counts["repo"] != counts["raw"]:
        raise SystemExit(f"the two loads disagree: {counts}")

    def compare(repo_key: str, raw_key: str) -> dict[str, float]:
        return {
            "repository": ms(times[repo_key]),
            "raw": ms(times[raw_key]),
            "ratio": round(
                statistics.median(times[repo_key]) / statistics.median(times[raw_key]), 3
            ),
        }

    totals = {
        "repo_total": [
            a + b for a, b in zip(times["repo_days"], times["repo_sessions"], strict=True)
        ],
        "raw_total": [a + b for a, b in zip(times["raw_days"], times["raw_sessions"], strict=True)],
    }
    times.update(totals)
    return {
        "days": days,
        "sessions": sessions,
        "runs": runs,
        "days_ms": compare("repo_days", "raw_days"),
        "sessions_ms": compare("repo_sessions", "raw_sessions"),
        "total_ms": compare("repo_total", "raw_total"),
        "file_bytes": size,
    }


def table(report: dict[str, Any]) -> str:
    save, load = report["save"], report["load"]
    rows = [
        ("", "LogRepository", "raw sqlite3", "ratio"),
        (
            f"save one day, median of {save['repeat']}",
            f"{save['repository_ms']['median']:.3f} ms",
            f"{save['raw_ms']['median']:.3f} ms",
            f"{save['ratio']:.2f}x",
        ),
        (
            "  (p90)",
            f"{save['repository_ms']['p90']:.3f} ms",
            f"{save['raw_ms']['p90']:.3f} ms",
            "",
        ),
    ]
    for key, label in (
        ("days_ms", f"load {load['days']} days"),
        ("sessions_ms", f"load {load['sessions']} sessions"),
        ("total_ms", f"load both, median of {load['runs']}"),
    ):
        figures = load[key]
        rows.append(
            (
                label,
                f"{figures['repository']:.2f} ms",
                f"{figures['raw']:.2f} ms",
                f"{figures['ratio']:.2f}x",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        f"log store: SQLite {report['sqlite']}, Python {report['python']}, files in {report['folder']}",
        *(
            "  ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            )
            for row in rows
        ),
        f"file size with {load['days']} days and {load['sessions']} sessions: "
        f"{load['file_bytes'] / 1024:.0f} KiB ({load['file_bytes']} bytes)",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="saves to time (each side)")
    parser.add_argument("--days", type=int, default=3650, help="days in the loaded log")
    parser.add_argument("--sessions", type=int, help="sessions in the loaded log (~0.82 a day)")
    parser.add_argument("--runs", type=int, default=7, help="timed loads (each side)")
    parser.add_argument("--dir", type=Path, help="where to put the files (default: system temp)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sessions = args.sessions if args.sessions is not None else round(args.days * 3000 / 3650)
    with tempfile.TemporaryDirectory(prefix="unknot-bench-", dir=args.dir) as name:
        folder = Path(name)
        report = {
            "sqlite": sqlite3.sqlite_version,
            "python": platform.python_version(),
            "folder": str(folder.parent),
            "save": bench_save(folder, args.repeat),
            "load": bench_load(folder, args.days, sessions, args.runs),
        }
    report["file_bytes"] = report["load"]["file_bytes"]
    print(json.dumps(report, indent=2) if args.json else table(report))


if __name__ == "__main__":
    main()
