"""The log on the command line: the `log`, `export` and `import` commands and `coach log add`
(`log show` is in log_show, reading an import in import_log, what they share in log_common).

Every command checks what it was given before it opens the log, so a mistake changes nothing, and
a damaged or newer log file is reported and left exactly as it is (the app offers the backups).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from coach.cli.common import CommandError, catalogue_for
from coach.cli.log_common import (
    RATING_OPTIONS,
    date_range,
    describe_day,
    open_log,
    parse_areas,
    parse_day,
    required,
)
from coach.cli.log_show import SHOW_DAYS, cmd_log_show
from coach.core.body.regions import RegionCatalogue
from coach.core.log import exchange, exchange_csv, exchange_json, fhir
from coach.core.log.entries import (
    DayEntry,
    InvalidEntry,
    check_log_date,
    clean_tag,
)
from coach.paths import Paths
from coach.store.files import write_private

MAX_IMPORT_BYTES = 64 * 1024 * 1024  # some 600,000 days of CSV: far more than a life's log

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
                changes[name] = required(flag, exchange.parse_rating(name, raw))
        if args.sleep_hours is not None:
            hours = exchange.parse_hours("sleep_hours", args.sleep_hours)
            changes["sleep_hours"] = required("--sleep-hours", hours)
        if args.tags:
            changes["tags"] = tuple(clean_tag(t) for t in args.tags)
        if args.areas:
            changes["areas"] = parse_areas(args.areas, catalogue)
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
