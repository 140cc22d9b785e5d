"""The clinician report on a year and on ten years of demo data: how long each part takes.

For each size, a log of demo data is made once; then, `--repeat` times, medians reported:
(1) read: the period's days and sessions from SQLite;
(2) figures: `build_report` (every number and table; the sentences are worded with the PDF);
(3) pdf: laying it out and writing the two-page PDF with Qt's writer;
for the whole log (a report of all of it) and for the default last three months.

    .venv/bin/python benchmarks/report.py [--years 1 10] [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 1)


def measure(folder: Path, years: int, repeat: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from coach.core.analytics.report import build_report, default_period
    from coach.core.body.body_shapes import load_body_shapes
    from coach.core.body.regions import load_catalogue
    from coach.core.log.demo import DEMO_MEDICINES, generate_demo
    from coach.paths import Paths
    from coach.store.backup import BackupKeeper
    from coach.store.repository import LogRepository
    from coach.ui.body_map.body_figures import BodyFigures
    from coach.ui.report.report_pdf import ReportLook, write_pdf

    _app = QApplication.instance() or QApplication([])
    paths = Paths.resolve(folder)
    paths.ensure()
    today = dt.date.today()
    first = today - dt.timedelta(days=round(365.25 * years) - 1)
    days, sessions = generate_demo(first, today, seed=1)
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    log.import_log(days, sessions, DEMO_MEDICINES)
    catalogue = load_catalogue(paths.region_catalogue)
    figures = BodyFigures(catalogue, load_body_shapes(paths.assets / "body_map.svg", catalogue))
    look = ReportLook({r.id: r.name for r in catalogue.regions.values()}, figures)
    result: dict[str, Any] = {"years": years, "days": len(days), "sessions": len(sessions)}
    for name, (start, end) in (("whole", (first, today)), ("3_months", default_period(today))):
        timings: dict[str, list[float]] = {"read": [], "figures": [], "pdf": [], "total": []}
        for attempt in range(repeat):
            began = time.perf_counter()
            got_days, got_sessions = log.days(start, end), log.sessions(start, end)
            read = time.perf_counter()
            report = build_report(got_days, got_sessions, start, end, today, "A short note.")
            built = time.perf_counter()
            pages = write_pdf(report, look, folder / f"{name}-{attempt}.pdf")
            done = time.perf_counter()
            timings["read"].append(read - began)
            timings["figures"].append(built - read)
            timings["pdf"].append(done - built)
            timings["total"].append(done - began)
        result[name] = {key: ms(values) for key, values in timings.items()} | {"pages": pages}
    log.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    for years in args.years:
        with tempfile.TemporaryDirectory() as folder:
            results.append(measure(Path(folder), years, args.repeat))
    report = {"machine": platform.machine(), "cpus": os.cpu_count(), "runs": results}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for run in results:
        print(f"{run['years']} year(s): {run['days']} days, {run['sessions']} sessions")
        for name in ("whole", "3_months"):
            t = run[name]
            print(f"  {name:9} read {t['read']:7.1f} ms  figures {t['figures']:7.1f} ms  "
                  f"pdf {t['pdf']:7.1f} ms  total {t['total']:7.1f} ms  ({t['pages']} pages)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
