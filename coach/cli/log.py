"""The log on the command line: `coach log add|show`, `coach export` and `coach import`.

Every command checks what it was given before it opens the log, so a mistake changes nothing, and
a damaged or newer log file is reported and left exactly as it is (the app offers the backups).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coach.cli.common import CommandError, catalogue_for, table
from coach.core.body.regions import RegionCatalogue
from coach.core.log import exchange, exchange_csv, exchange_json, fhir
from coach.core.log.entries import (
    DayEntry,
    InvalidEntry,
    MedicationTaken,
    SessionRecord,
    check_log_date,
    clean_tag,
)
from coach.core.routines.routine import format_duration
from coach.paths import Paths
from coach.store.backup import BackupKeeper
from coach.store.connection import (
    DatabaseTrouble,
    EmptiedDatabase,
    NewerDatabase,
    UnavailableDatabase,
    explain,
)
from coach.store.files import write_private
from coach.store.log_file import empty_log
from coach.store.repository import LogRepository

SHOW_DAYS = 14
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # some 600,000 days of CSV: far more than a life's log
NOTE_WIDTH = 30

# The rating options of `log add`, with the DayEntry field each one sets.
RATING_OPTIONS = {
    "pain": "--pain",
    "worst_pain": "--worst",
    "sleep_quality": "--sleep",
    "stress": "--stress",
    "enjoyment": "--enjoyment",
    "activity": "--activity",
}
# What each rating's option says in `log add --help`. The command line speaks English and never
# loads Qt, so these are plain words (the app's translatable ones are in ui/common/rating_words.py).
RATING_HELP = {
    "pain": "Pain today: 0 (no pain) to 10 (worst imaginable)",
    "worst_pain": "Worst pain today: 0 (no pain) to 10 (worst imaginable)",
    "sleep_quality": "Sleep last night: 0 (terrible) to 10 (excellent)",
    "stress": "Stress: 0 (none) to 10 (extreme)",
    "enjoyment": "Pain got in the way of enjoying life: 0 (not at all) to 10 (completely)",
    "activity": "Pain got in the way of general activity: 0 (not at all) to 10 (completely)",
}
OPTION_OF = {
    **RATING_OPTIONS,
    "sleep_hours": "--sleep-hours",
    "tags": "--tag",
    "note": "--note",
    "medications": "--medication",
    "helped": "--medication",
}


def add_log_commands(commands: Any) -> None:
    """Add `log`, `export` and `import` to the `coach` parser's subcommands."""
    log = commands.add_parser("log", help="add to the daily log, or show it")
    log_sub = log.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = log_sub.add_parser(
        "add",
        help="log ratings, tags, areas or a note for a day (merged into what is there)",
        description="Merge values into one day of the log: given ratings and the note replace "
        "what was there, tags are added, areas are set region by region.",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today; or: yesterday)")
    for name, flag in RATING_OPTIONS.items():
        p.add_argument(flag, dest=name, metavar="N", help=RATING_HELP[name])
    p.add_argument(
        "--sleep-hours", dest="sleep_hours", metavar="H", help="hours slept (7.5 or 7:30)"
    )
    p.add_argument(
        "--tag", dest="tags", action="append", default=[], metavar="TAG", help="add a tag (repeat)"
    )
    p.add_argument(
        "--area",
        dest="areas",
        action="append",
        default=[],
        metavar="REGION=N",
        help="pain 0-10 in a body region or group (repeat; `coach regions list` shows the ids)",
    )
    p.add_argument(
        "--medication",
        dest="medications",
        action="append",
        default=[],
        metavar="TEXT",
        help='a medicine taken, with its dose as you write it ("ibuprofen 400 mg"); details '
        'after | : "ibuprofen 400 mg | 08:00 | as needed | helped 6" (repeat)',
    )
    p.add_argument("--note", metavar="TEXT", help="the day's note (replaces it)")
    p.set_defaults(func=cmd_log_add)

    p = log_sub.add_parser(
        "show", help=f"the log of a range of days (default: the last {SHOW_DAYS})"
    )
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: today)")
    p.add_argument("--json", action="store_true", help="machine-readable output, in full")
    p.set_defaults(func=cmd_log_show)

    p = commands.add_parser(
        "export", help="write the log to a CSV, JSON or FHIR (health record) file"
    )
    p.add_argument(
        "--format",
        choices=("csv", "json", "fhir"),
        help="csv: days; json: everything, for moving the log; fhir: a FHIR R4 Bundle of the "
        "days for health records (default: from the file's extension, csv or json)",
    )
    p.add_argument(
        "--output", required=True, metavar="FILE", help="the file to write (- for stdout)"
    )
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: all)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: all)")
    p.set_defaults(func=cmd_export)

    p = commands.add_parser(
        "import",
        help="add days (and sessions) from a CSV or JSON export; a day in the file replaces that day",
    )
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument(
        "--dry-run", action="store_true", help="check the file and say what would change"
    )
    p.set_defaults(func=_import)


def _import(args: argparse.Namespace, paths: Paths) -> int:
    from coach.cli.import_log import cmd_import  # its own module: reading a file as a stream

    return cmd_import(args, paths)


# -- shared pieces ---------------------------------------------------------------------------------


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


# -- log add ---------------------------------------------------------------------------------------


def cmd_log_add(args: argparse.Namespace, paths: Paths) -> int:
    """`coach log add`: merge the options into one day, committed before exit status 0."""
    date = parse_day("--date", args.date, dt.date.today())
    assert date is not None
    if date > dt.date.today():
        raise CommandError(f"--date: {date} is in the future")
    try:
        check_log_date(date)
    except InvalidEntry as exc:
        raise CommandError(f"--date: {exc.message}") from None
    changes = _changes(args, catalogue_for(paths))
    if not changes:
        raise CommandError(
            "nothing to log: give at least one of --pain, --worst, --sleep, --sleep-hours, "
            "--stress, --enjoyment, --activity, --tag, --area, --medication, --note"
        )
    with open_log(paths) as repo:
        day = repo.update_day(date, **changes)
    print(f"Logged {describe_day(day)}")
    return 0


def _changes(args: argparse.Namespace, catalogue: RegionCatalogue) -> dict[str, Any]:
    """The options as DayEntry fields, every value checked; CommandError names the option."""
    changes: dict[str, Any] = {}
    try:
        for name, flag in RATING_OPTIONS.items():
            raw = getattr(args, name)
            if raw is not None:
                changes[name] = _required(flag, exchange.parse_rating(name, raw))
        if args.sleep_hours is not None:
            hours = exchange.parse_hours("sleep_hours", args.sleep_hours)
            changes["sleep_hours"] = _required("--sleep-hours", hours)
        if args.tags:
            changes["tags"] = tuple(clean_tag(t) for t in args.tags)
        if args.areas:
            changes["areas"] = _areas(args.areas, catalogue)
        if args.medications:
            changes["medications"] = tuple(
                exchange.parse_medication(text) for text in args.medications
            )
        if args.note is not None:
            changes["note"] = args.note
        DayEntry(dt.date.today(), **changes)  # the limits DayEntry itself enforces (note length)
    except InvalidEntry as exc:
        option = OPTION_OF.get(exc.field.split(".")[0], "--area")
        raise CommandError(f"{option}: {exc.message}") from None
    return changes


def _required(option: str, value: Any) -> Any:
    if value is None:
        raise CommandError(f"{option}: needs a value")
    return value


def _areas(given: list[str], catalogue: RegionCatalogue) -> dict[str, int]:
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
        intensity: int = _required("--area", exchange.parse_rating(f"areas.{region}", level))
        for member in sorted(catalogue.expand(region)):  # a group sets each of its regions
            areas[member] = intensity
    return areas


# -- log show --------------------------------------------------------------------------------------


def cmd_log_show(args: argparse.Namespace, paths: Paths) -> int:
    """`coach log show`: days and sessions of a range, as a table or JSON."""
    start, end = date_range(args, SHOW_DAYS)
    with open_log(paths, write=False) as repo:
        days, sessions = repo.days(start, end), repo.sessions(start, end)
    if args.json:
        out = {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "days": [exchange_json.day_to_dict(d) for d in days],
            "sessions": [
                {"id": s.id, "day": s.day.isoformat(), **exchange_json.session_to_dict(s)}
                for s in sessions
            ],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not days and not sessions:
        print(f"Nothing logged from {start} to {end}.")
        return 0
    print(f"The log from {start} to {end}:\n")
    if days:
        rows = [["DATE", "PAIN", "WORST", "SLEEP", "HOURS", "STRESS", "TAGS", "AREAS", "NOTE"]]
        for d in days:
            numbers = (d.pain, d.worst_pain, d.sleep_quality, d.sleep_hours, d.stress)
            rows.append(
                [
                    d.date.isoformat(),
                    *("-" if n is None else f"{n:g}" for n in numbers),
                    ", ".join(d.tags),
                    ", ".join(f"{r} {v}" for r, v in d.areas.items()),
                    shorten(d.note, NOTE_WIDTH),
                ]
            )
        print(table(rows))
    taken = [(d.date, m) for d in days for m in d.medications]
    if taken:
        print("\nMedications:\n")
        print(
            table(
                [
                    ["DATE", "TIME", "MEDICATION", "HOW", "HELPED"],
                    *(
                        [
                            date.isoformat(),
                            "-" if m.time is None else f"{m.time:%H:%M}",
                            m.name,
                            "as needed" if m.as_needed else "regular",
                            "-" if m.helped is None else f"{m.helped}/10",
                        ]
                        for date, m in taken
                    ),
                ]
            )
        )
    if sessions:
        print("\nSessions:\n" if days else "Sessions:\n")
        print(
            table(
                [
                    ["DATE", "TIME", "ROUTINE", "LENGTH", "DONE", "PAIN"],
                    *map(_session_row, sessions),
                ]
            )
        )
    return 0


def _session_row(s: SessionRecord) -> list[str]:
    def rated(value: int | None) -> str:
        return "-" if value is None else str(value)

    pain = (
        ""
        if s.pain_before is None and s.pain_after is None
        else f"{rated(s.pain_before)}->{rated(s.pain_after)}"
    )
    done = "yes" if s.completed else f"stopped at step {s.stopped_at_step or '?'} of {s.step_count}"
    return [
        s.day.isoformat(),
        f"{s.started_at:%H:%M}",
        shorten(s.routine_title, 40),
        format_duration(s.actual_seconds),
        done,
        pain,
    ]


# -- export and import -----------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, paths: Paths) -> int:
    """`coach export`: days (CSV), days and sessions (JSON) or a FHIR Bundle, to a file written
    whole or not at all."""
    kind = args.format or {".csv": "csv", ".json": "json"}.get(Path(args.output).suffix.lower())
    if kind is None:
        raise CommandError("--format: give csv, json or fhir (the file name ends in neither)")
    start, end = date_range(args, None)
    catalogue = catalogue_for(paths) if kind == "fhir" else None
    with open_log(paths, write=False) as repo:
        days, sessions = repo.days(start, end), repo.sessions(start, end)
        medicines = repo.medicines()
        now = repo.now()
    if kind == "csv":
        data = exchange_csv.encode_csv(days)
    elif kind == "json":
        data = exchange_json.encode_json(days, sessions, now, medicines)
    else:
        data = fhir.encode_fhir(days, now, catalogue)
    if args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            write_private(Path(args.output), data)
        except OSError as exc:
            raise CommandError(f"{args.output}: cannot write it ({exc.strerror or exc})") from None
    what = f"{len(days)} day(s)"
    if kind == "json":
        what += f" and {len(sessions)} session(s)"
    dates = sorted([d.date for d in days] + ([s.day for s in sessions] if kind == "json" else []))
    if dates:
        what += f" ({dates[0]} to {dates[-1]})"
    if kind == "fhir":
        what = f"a FHIR R4 Bundle of {what}"
    where = "standard output" if args.output == "-" else args.output
    left_out = ""
    if kind != "json" and sessions:
        left_out = f"; the {len(sessions)} session(s) are only in JSON exports"
    report = sys.stderr if args.output == "-" else sys.stdout
    print(f"Exported {what} to {where}{left_out}.", file=report)
    return 0
