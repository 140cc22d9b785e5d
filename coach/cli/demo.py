"""`coach demo-data`: a made-up log in a folder of its own, for trying the app and its trends."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import time
from dataclasses import replace
from typing import Any

from coach.cli.common import CommandError, catalogue_for, library_for
from coach.cli.log_common import open_log
from coach.core.log.demo import DEMO_MEDICINES, ROUTINES, DemoRoutine, generate_demo, write_marker
from coach.core.playing.timeline import Timeline
from coach.paths import Paths
from coach.store.log_file import local_now

DEFAULT_YEARS = 1
MAX_YEARS = 100
NOT_MIXED = "demo data is never mixed into a real log: use --data-dir DIR with an empty folder"


def add_demo_command(commands: Any) -> None:
    """Add `demo-data` to the `coach` parser's subcommands."""
    p = commands.add_parser(
        "demo-data",
        help="write made-up demo data into an empty data folder (use with --data-dir DIR)",
        description="Write a made-up but believable log (days and sessions, ending today) into "
        "the data folder given by --data-dir or COACH_DATA_DIR. Refuses a folder whose log "
        "already has anything in it, and never writes into your own data folder.",
    )
    span = p.add_mutually_exclusive_group()
    span.add_argument(
        "--years",
        type=_count("--years", MAX_YEARS),
        metavar="N",
        help=f"how many years up to today (default: {DEFAULT_YEARS})",
    )
    span.add_argument(
        "--days", type=_count("--days", MAX_YEARS * 366), metavar="N", help="how many days"
    )
    p.add_argument(
        "--seed", type=int, default=1, metavar="S", help="the same seed gives the same data"
    )
    p.set_defaults(func=cmd_demo_data)


def _count(option: str, most: int) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
        if not 1 <= value <= most:
            raise argparse.ArgumentTypeError(f"must be from 1 to {most}, got {value}")
        return value

    parse.__name__ = option  # argparse names the option in its message
    return parse


def first_day(end: dt.date, years: int | None, days: int | None) -> dt.date:
    """The first day of a span ending on `end`: `days` days, or `years` calendar years."""
    if days is not None:
        return end - dt.timedelta(days=days - 1)
    years = DEFAULT_YEARS if years is None else years
    try:
        same_day = end.replace(year=end.year - years)
    except ValueError:  # 29 February
        same_day = end.replace(year=end.year - years, day=28)
    return same_day + dt.timedelta(days=1)


def installed_routines(paths: Paths) -> tuple[DemoRoutine, ...]:
    """The demo's routines with the title, kind, length and steps they have in this installation."""
    scan = library_for(paths, catalogue_for(paths)).scan()
    found = []
    for demo in ROUTINES:
        entry = scan.find(demo.id)
        if entry is None:  # renamed or removed since: keep what the demo knows
            found.append(demo)
            continue
        timeline = Timeline.from_routine(entry.routine)
        found.append(
            replace(
                demo,
                title=entry.routine.title,
                kind=entry.routine.kind,
                planned_seconds=timeline.total,
                step_count=len(timeline),
            )
        )
    return tuple(found)


def cmd_demo_data(args: argparse.Namespace, paths: Paths) -> int:
    """`coach demo-data [--years N | --days N] [--seed S]`."""
    folder = paths.data_dir
    if folder == Paths.resolve(env={}).data_dir:
        raise CommandError(f"{folder} is your own data folder; {NOT_MIXED}")
    now = local_now()
    end = now.date()
    start = first_day(end, args.years, args.days)
    began = time.perf_counter()
    with open_log(paths) as repo:
        if repo.date_range() is not None:
            raise CommandError(f"the log in {folder} already has entries; {NOT_MIXED}")
        routines = installed_routines(paths)
        days, sessions = generate_demo(start, end, args.seed, now=now, routines=routines)
        # the marker first: demo data is never left in a folder without it
        marker = write_marker(folder, start, end, args.seed, len(days), len(sessions))
        repo.import_log(days, sessions, DEMO_MEDICINES)
    seconds = time.perf_counter() - began
    print(
        f"Wrote demo data to {folder}: {len(days)} days and {len(sessions)} sessions, "
        f"{start.isoformat()} to {end.isoformat()} (seed {args.seed}, {seconds:.1f} s)."
    )
    print(f"It is made up, not anyone's real log; {marker.name} in that folder says so.")
    print("Open the app on it:")
    print(f"    coach --data-dir {shlex.quote(str(folder))}")
    return 0
