"""`coach chart trends|effect|sleep --output FILE.png|FILE.svg`: the Trends view's charts, as files.

Works without a display: Qt draws offscreen. Qt and pyqtgraph are imported only when a chart is
actually drawn, so the rest of the command line stays free of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import Any

from coach.cli.common import CommandError, catalogue_for, library_for
from coach.cli.log_common import date_range, open_log
from coach.core.analytics import trends as analytics
from coach.core.log.entries import DayEntry, SessionRecord
from coach.paths import Paths

CHARTS = ("trends", "effect", "sleep")
FORMATS = (".png", ".svg")
DEFAULT_SIZE = (1200, 700)
SIZE_LIMITS = (200, 8000)


def add_chart_command(commands: Any) -> None:
    """Add `chart` to the `coach` parser's subcommands."""
    p = commands.add_parser(
        "chart",
        help="draw a chart of the log into a PNG or SVG file (no display needed)",
        description="Draw one of the Trends view's charts into a file: trends (pain, worst pain "
        "and sleep per day, with 7-day averages, hours slept and sessions), effect (pain before "
        "and after sessions) or sleep (sleep quality against pain). The format follows the file's "
        "extension. Without --from/--to, the whole log.",
    )
    p.add_argument("chart", choices=CHARTS, help="which chart")
    p.add_argument("--output", required=True, metavar="FILE", help="FILE.png or FILE.svg")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: all)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: all)")
    p.add_argument("--width", type=int, default=DEFAULT_SIZE[0], metavar="W", help="pixels")
    p.add_argument("--height", type=int, default=DEFAULT_SIZE[1], metavar="H", help="pixels")
    p.set_defaults(func=cmd_chart)


def cmd_chart(args: argparse.Namespace, paths: Paths) -> int:
    """`coach chart`: check everything first, read the log, then draw and save."""
    output = Path(args.output)
    if output.suffix.lower() not in FORMATS:
        raise CommandError(f"--output: {output.name} must end in .png or .svg")
    if not output.parent.is_dir():
        raise CommandError(f"--output: no such folder: {output.parent}")
    low, high = SIZE_LIMITS
    for option, value in (("--width", args.width), ("--height", args.height)):
        if not low <= value <= high:
            raise CommandError(f"{option}: must be from {low} to {high} pixels, got {value}")
    start, end = date_range(args, None)
    with open_log(paths, write=False) as log:
        span = log.date_range()
        if span is not None:
            start, end = max(start, span[0]), min(end, span[1])
        days = log.days(start, end) if span and start <= end else []
        sessions = log.sessions(start, end) if span and start <= end else []
    if not days and not sessions:
        raise CommandError("nothing is logged in that range, so there is nothing to chart")
    _draw(args.chart, days, sessions, (start, end), paths, output, (args.width, args.height))
    print(f"wrote {output} ({args.chart}, {start} to {end})")
    return 0


def _draw(
    kind: str,
    days: list[DayEntry],
    sessions: list[SessionRecord],
    period: tuple[dt.date, dt.date],
    paths: Paths,
    output: Path,
    size: tuple[int, int],
) -> None:
    # what each chart needs is checked before Qt starts
    start, end = period
    if kind == "effect":
        scan = library_for(paths, catalogue_for(paths)).scan()
        kind_of = {e.routine.id: e.routine.kind for e in scan.entries}
        by_routine, by_kind = analytics.session_effects(sessions, kind_of)
        if not any(e.count for e in by_kind):
            raise CommandError(
                "no session in that range has pain rated both before and after; nothing to chart"
            )
    elif kind == "sleep":
        result = analytics.sleep_and_pain(days)
        if not result.enough:
            from coach.ui.trends.trend_words import sleep_pain_sentence

            reason = sleep_pain_sentence(result)
            raise CommandError(f"not enough days to chart sleep and pain: {reason}")
    elif not days:
        raise CommandError("no days are logged in that range, only sessions; nothing to chart")

    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window is shown: no display needed
    app = QApplication.instance() or QApplication(["coach"])
    from coach.ui.trends import charts
    from coach.ui.trends.insight_charts import EffectChart, SleepChart
    from coach.ui.trends.trends_chart import TrendsChart

    theme = charts.ChartTheme.from_palette(app.palette())  # type: ignore[attr-defined]
    chart: charts.Chart
    if kind == "trends":
        trends = TrendsChart(theme)
        trends.set_data(analytics.daily_series(days, start, end), sessions)
        trends.show_range(start, end)
        chart = trends
    elif kind == "effect":
        from coach.ui.trends.trend_words import kinds_named

        chart = EffectChart(theme)
        chart.set_effects(kinds_named(by_kind), by_routine)
    else:
        chart = SleepChart(theme)
        chart.set_result(result)
    chart.set_heading(_heading(kind, start, end))
    chart.resize(*size)
    chart.show()  # offscreen: lays the chart out at its size; nothing appears
    app.processEvents()
    try:
        charts.export_file(chart, output, ratio=1.0)
    except OSError as trouble:
        raise CommandError(f"--output: could not write {output}: {trouble}") from None
    finally:
        chart.close()
        chart.deleteLater()


def _heading(kind: str, start: dt.date, end: dt.date) -> str:
    what = {
        "trends": "Pain and sleep",
        "effect": "Pain before and after sessions",
        "sleep": "Sleep and pain",
    }[kind]
    return f"{what}, {start.day} {start:%b %Y} to {end.day} {end:%b %Y}"
