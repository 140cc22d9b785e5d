"""`coach report --output FILE.pdf`: the clinician report as a PDF, without a display.

The figures come from `coach.core.analytics.report`; Qt lays them out and writes the PDF offscreen, so Qt
is imported only once everything given has been checked and the log read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import Any

from coach.cli.common import CommandError, catalogue_for
from coach.cli.log_common import open_log, parse_day
from coach.core.analytics.report import (
    MAX_NAME,
    MAX_VISIT_NOTE,
    ReportProblem,
    build_report,
    default_period,
)
from coach.paths import Paths


def add_report_command(commands: Any) -> None:
    """Add `report` to the `coach` parser's subcommands."""
    p = commands.add_parser(
        "report",
        help="a one- or two-page PDF of the log for your doctor (no display needed)",
        description="Write the clinician report: page 1 is a summary a doctor reads in a minute "
        "(pain, worst pain and their trend, PEG, sleep, the pain chart, where it hurt, "
        "medications, sessions, your note), page 2 the detail (each week or month, the worst "
        "days' notes, what went with better days). Default period: the last 3 months.",
    )
    p.add_argument("--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: today)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default: a4")
    p.add_argument(
        "--note",
        metavar="TEXT",
        default="",
        help=f"a short note for the visit, on page 1 (at most {MAX_VISIT_NOTE} characters)",
    )
    p.add_argument(
        "--name", metavar="TEXT", default="", help="your name, printed on the report (optional)"
    )
    p.add_argument("--summary-only", action="store_true", help="page 1 only, without the detail")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace, paths: Paths) -> int:
    """`coach report`: check everything, read the period, then lay it out and write the PDF."""
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise CommandError(f"--output: {output.name} must end in .pdf")
    if not output.parent.is_dir():
        raise CommandError(f"--output: no such folder: {output.parent}")
    today = dt.date.today()
    end = parse_day("--to", args.end, today)
    assert end is not None
    if end > today:
        raise CommandError(f"--to: {end} is in the future; the report ends today at the latest")
    start = parse_day("--from", args.start) or default_period(end)[0]
    if start > end:
        raise CommandError(f"--from {start} is after --to {end}")
    if len(" ".join(args.name.split())) > MAX_NAME:
        raise CommandError(f"--name: at most {MAX_NAME} characters")
    if len(args.note.strip()) > MAX_VISIT_NOTE:
        raise CommandError(
            f"--note: at most {MAX_VISIT_NOTE} characters, got {len(args.note.strip())}"
        )
    catalogue = catalogue_for(paths)
    with open_log(paths) as log:
        span = log.date_range()
        days, sessions = log.days(start, end), log.sessions(start, end)
    try:
        report = build_report(days, sessions, start, end, today, args.note, args.name)
    except ReportProblem as problem:
        where = f"; your log runs from {span[0]} to {span[1]}" if span else "; your log is empty"
        raise CommandError(f"{problem}{where}") from None

    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # nothing is shown: no display needed
    _app = QApplication.instance() or QApplication(["coach"])
    from coach.ui.report.report_pdf import ReportLook, write_pdf

    look = ReportLook(
        {r.id: r.name for r in catalogue.regions.values()},
        _figures(paths, catalogue),
        detail=not args.summary_only,
    )
    try:
        pages = write_pdf(report, look, output, args.paper)
    except OSError as trouble:
        raise CommandError(f"--output: could not write {output}: {trouble}") from None
    if not output.is_file() or output.stat().st_size == 0:
        raise CommandError(f"--output: could not write {output}")
    print(
        f"wrote {output} ({pages} page{'s' if pages > 1 else ''}, {args.paper.upper()}, "
        f"{start} to {end}: {report.days_logged} day(s) logged, "
        f"{report.sessions.count} session(s))"
    )
    return 0


def _figures(paths: Paths, catalogue: Any) -> Any:
    """The body figures for the heat map, or None if the artwork cannot be read."""
    from coach.core.body.body_shapes import load_body_shapes
    from coach.core.routines.problems import FileProblems
    from coach.ui.body_map.body_figures import BodyFigures

    try:
        shapes = load_body_shapes(paths.assets / "body_map.svg", catalogue)
    except (FileProblems, OSError):
        return None
    return BodyFigures(catalogue, shapes)
