"""What the log's commands share: opening the log (or a read-only or empty one for a dry run),
reading date options and areas, and saying in one line what a day holds."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from coach.cli.common import CommandError
from coach.core.body.regions import RegionCatalogue
from coach.core.log import exchange
from coach.core.log.entries import DayEntry, MedicationTaken
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.connection import (
    DatabaseTrouble,
    EmptiedDatabase,
    NewerDatabase,
    UnavailableDatabase,
    explain,
)
from coach.store.log_file import empty_log
from coach.store.repository import LogRepository

# The rating options of `log add`, with the DayEntry field each one sets.
RATING_OPTIONS = {
    "pain": "--pain",
    "worst_pain": "--worst",
    "sleep_quality": "--sleep",
    "stress": "--stress",
    "enjoyment": "--enjoyment",
    "activity": "--activity",
}


@contextmanager
def open_log(paths: Paths, *, write: bool = True) -> Iterator[LogRepository]:
    """The log, opened as the app opens it and closed afterwards; trouble is exit status 2.

    `write=False` (commands that only read): when a full disk or a read-only folder stops the
    log being written, it is opened read-only, with a note on stderr, instead of refused.
    """
    try:
        paths.ensure()
    except OSError as exc:
        if write or not paths.database.is_file():
            trouble = explain(exc, paths.database)
            raise CommandError(f"{trouble.path}: {trouble.reason}", status=2) from None
    try:
        repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    except UnavailableDatabase as exc:
        if write:
            raise CommandError(
                f"{exc.path}: {exc.reason}\ncoach: nothing was changed; your log is not damaged",
                status=2,
            ) from None
        repo = _read_only(paths, exc.reason)
    except EmptiedDatabase as exc:
        raise CommandError(
            f"{exc.path}: {exc.reason}\ncoach: the file was left as it is; open the app to "
            "restore the newest backup",
            status=2,
        ) from None
    except DatabaseTrouble as exc:
        hint = "" if isinstance(exc, NewerDatabase) else "; open the app to restore a backup"
        raise CommandError(
            f"{exc.path}: {exc.reason}\ncoach: the file was left as it is{hint}", status=2
        ) from None
    except sqlite3.Error as exc:
        raise CommandError(f"{paths.database}: {exc}", status=2) from None
    if repo.backup_problem:
        print(f"coach: today's backup could not be taken: {repo.backup_problem}", file=sys.stderr)
    try:
        yield repo
    except sqlite3.Error as exc:
        raise CommandError(f"{paths.database}: {exc}; nothing was changed", status=2) from None
    finally:
        repo.close()


def _read_only(paths: Paths, reason: str) -> LogRepository:
    try:
        repo = LogRepository.open_read_only(paths.database, reason)
    except DatabaseTrouble as exc:
        raise CommandError(f"{exc.path}: {exc.reason}", status=2) from None
    print(f"coach: {reason}; the log is read here without changes", file=sys.stderr)
    return repo


@contextmanager
def peek_log(paths: Paths) -> Iterator[LogRepository]:
    """The log read-only, creating and changing nothing (an empty log if there is none yet):
    for `--dry-run`."""
    if not paths.database.is_file():
        repo = LogRepository(empty_log())
    else:
        try:
            repo = LogRepository.open_read_only(
                paths.database, "a dry run changes nothing", no_trace=True
            )
        except DatabaseTrouble as exc:
            raise CommandError(f"{exc.path}: {exc.reason}", status=2) from None
    try:
        yield repo
    finally:
        repo.close()


def parse_day(option: str, text: str | None, default: dt.date | None = None) -> dt.date | None:
    """A date option: YYYY-MM-DD, `today` or `yesterday`."""
    if text is None:
        return default
    today = dt.date.today()
    named = {"today": today, "yesterday": today - dt.timedelta(days=1)}
    if text.strip().lower() in named:
        return named[text.strip().lower()]
    try:
        return exchange.parse_date(text)
    except ValueError as exc:
        raise CommandError(f"{option}: {exc}") from None


def date_range(args: argparse.Namespace, default_days: int | None) -> tuple[dt.date, dt.date]:
    """--from/--to. With `default_days`, the range ends today and is that long unless given;
    without, a missing end is open (the whole log)."""
    start, end = parse_day("--from", args.start), parse_day("--to", args.end)
    if default_days is not None:
        end = end or dt.date.today()
        if start is None and end.toordinal() > default_days:
            start = end - dt.timedelta(days=default_days - 1)
    start, end = start or dt.date.min, end or dt.date.max
    if start > end:
        raise CommandError(f"--from {start} is after --to {end}")
    return start, end


def describe_day(day: DayEntry) -> str:
    """One line saying everything a day holds."""
    labels = {"worst_pain": "worst", "sleep_quality": "sleep quality"}
    labels |= {"enjoyment": "enjoyment affected", "activity": "activity affected"}
    ratings = [
        f"{labels.get(name, name)} {getattr(day, name)}"
        for name in RATING_OPTIONS
        if getattr(day, name) is not None
    ]
    parts = [", ".join(ratings)] if ratings else []
    if day.sleep_hours is not None:
        parts.append(f"slept {day.sleep_hours:g} h")
    if day.tags:
        parts.append("tags: " + ", ".join(day.tags))
    if day.areas:
        parts.append("areas: " + ", ".join(f"{r} {v}" for r, v in day.areas.items()))
    if day.medications:
        parts.append("medications: " + ", ".join(map(describe_medication, day.medications)))
    if day.note:
        parts.append(f"note: {shorten(day.note, 60)!r}")
    return f"{day.date}: " + ("; ".join(parts) if parts else "nothing logged")


def describe_medication(taken: MedicationTaken) -> str:
    """ "ibuprofen 400 mg (08:00, as needed, helped 6)"."""
    details = [f"{taken.time:%H:%M}"] if taken.time is not None else []
    if taken.as_needed:
        details.append("as needed")
    if taken.helped is not None:
        details.append(f"helped {taken.helped}")
    return taken.name + (f" ({', '.join(details)})" if details else "")


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def required(option: str, value: Any) -> Any:
    """`value`, or CommandError naming `option` when there is none."""
    if value is None:
        raise CommandError(f"{option}: needs a value")
    return value


def parse_areas(given: list[str], catalogue: RegionCatalogue) -> dict[str, int]:
    """`--area REGION=N` options as region -> intensity, a group setting each of its regions."""
    areas: dict[str, int] = {}
    for spec in given:
        region, equals, level = spec.partition("=")
        region = region.strip()
        if not equals or not region or not level.strip():
            raise CommandError(f"--area: write REGION=N (like lower_back_left=6), got {spec!r}")
        if not catalogue.knows(region):
            hint = exchange.suggest_region(region, catalogue)
            maybe = f"did you mean {hint!r}? " if hint else ""
            raise CommandError(
                f"--area: unknown region {region!r}; {maybe}(`coach regions list` shows them)"
            )
        intensity: int = required("--area", exchange.parse_rating(f"areas.{region}", level))
        for member in sorted(catalogue.expand(region)):  # a group sets each of its regions
            areas[member] = intensity
    return areas
