"""The Trends view on ten years of demo data, against a bare pyqtgraph plot of the same arrays.

All in one run, alternating one measurement of each side, medians reported, ratio = view / bare
(1.0 = no overhead; the aim is at most 1.5):

(1) open: build the Trends view on the log (read ten years from SQLite, compute the series and
    7-day averages, draw) and render it once, against a bare PlotWidget given the same arrays
    already in memory (the same six curves, the session marks and the bars) rendered once;
(2) switch range: 2 weeks -> all -> 1 year, each rendered, against setXRange on the bare plot;
(3) export: the trends chart to PNG, against pyqtgraph's ImageExporter on the bare plot;
(4) memory: the peak resident size of a process with the main window showing the Trends view
    on ten years, against a process with a bare QApplication and an empty window, and one with a
    bare pyqtgraph plot of the same arrays (each in a fresh process, so none pays for another).

    .venv/bin/python benchmarks/trends.py [--years 10] [--repeat 7] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1100, 720)


def ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 2)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def make_log(folder: Path, years: int) -> tuple[int, int]:
    """Demo data for `years` years up to today, imported into a log in `folder`."""
    from coach.core.log.demo import generate_demo
    from coach.paths import Paths
    from coach.store.backup import BackupKeeper
    from coach.store.repository import LogRepository

    paths = Paths.resolve(folder)
    paths.ensure()
    end = dt.date.today()
    days, sessions = generate_demo(end - dt.timedelta(days=365 * years - 1), end, seed=1)
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    try:
        return log.import_log(days, sessions)
    finally:
        log.close()


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB: VmHWM on Linux (ru_maxrss would include the
    parent's size at fork), ru_maxrss elsewhere (bytes on macOS)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def memory_probe(kind: str, folder: Path) -> None:
    """Run in a fresh process: show an empty window, or the main window on Trends; print MB."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["bench"])
    if kind == "bare":
        window = QMainWindow()
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        window.grab()
    elif kind == "plot":
        import numpy as np
        import pyqtgraph as pg

        from coach.core.analytics import trends as analytics
        from coach.paths import Paths
        from coach.store.backup import BackupKeeper
        from coach.store.repository import LogRepository
        from coach.ui.trends import charts

        log = LogRepository.open(Paths.resolve(folder).database, BackupKeeper(folder / "b"))
        span = log.date_range()
        assert span is not None
        series = analytics.daily_series(log.days(*span), *span)
        log.close()
        plot = pg.PlotWidget()
        plot.resize(*SIZE)
        x = np.arange(len(series.dates), dtype=float)
        for values in (series.pain, series.worst_pain, series.sleep_quality):
            plot.plot(x, charts.as_array(values), connect="finite", symbol="o", symbolSize=5)
            plot.plot(x, charts.as_array(analytics.rolling_mean(values)), connect="finite")
        plot.show()
        app.processEvents()
        plot.grab()
    else:
        from coach.paths import Paths
        from coach.services.composition import build_services
        from coach.store.backup import BackupKeeper
        from coach.store.repository import LogRepository
        from coach.ui.shell.main_window import MainWindow

        paths = Paths.resolve(folder)
        log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
        window = MainWindow(build_services(paths, log=log))
        window.resize(*SIZE)
        window.show()
        window.nav.setCurrentRow(3)
        app.processEvents()
        window.grab()
        for preset in (0, 3, 2):
            window.trends.view.set_preset(preset)
            window.grab()
    print(peak_rss_mb())


def probe(kind: str, folder: Path) -> float:
    result = subprocess.run(
        [sys.executable, __file__, "--probe", kind, "--dir", str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return float(result.stdout.strip().splitlines()[-1])


def bench(folder: Path, repeat: int) -> dict[str, Any]:
    import numpy as np
    import pyqtgraph as pg
    from pyqtgraph.exporters import ImageExporter
    from PySide6.QtWidgets import QApplication

    from coach.core.analytics import trends as analytics
    from coach.paths import Paths
    from coach.services.composition import build_services
    from coach.store.backup import BackupKeeper
    from coach.store.repository import LogRepository
    from coach.ui.trends import charts
    from coach.ui.trends.trends_view import TrendsView

    app = QApplication.instance() or QApplication(["bench"])
    paths = Paths.resolve(folder)
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    services = build_services(paths, log=log)
    span = log.date_range()
    assert span is not None
    days, sessions = log.days(*span), log.sessions(*span)
    last = max(span[1], dt.date.today())
    series = analytics.daily_series(days, span[0], last)
    # the bare plot's arrays, computed once outside its timings (the view's include all of it)
    x = np.arange(len(series.dates), dtype=float) + charts.day_number(series.dates[0])
    rated = [series.pain, series.worst_pain, series.sleep_quality]
    arrays = [charts.as_array(v) for v in rated] + [
        charts.as_array(analytics.rolling_mean(v)) for v in rated
    ]
    hours = charts.as_array(series.sleep_hours)
    known = ~np.isnan(hours)
    marks = np.array(sorted({charts.day_number(s.day) for s in sessions}), dtype=float)
    work = Path(tempfile.mkdtemp(prefix="trends-export-"))

    views: list[TrendsView] = []
    bares: list[pg.PlotWidget] = []

    def open_view() -> None:
        view = TrendsView(log, services.routines)
        view.resize(*SIZE)
        view.show()
        app.processEvents()
        view.grab()
        views.append(view)

    def open_bare() -> None:
        plot = pg.PlotWidget()
        plot.resize(views[-1].trends_chart.size() if views else SIZE)
        for i, y in enumerate(arrays):
            if i < 3:
                plot.plot(x, y, connect="finite", symbol="o", symbolSize=5)
            else:
                plot.plot(x, y, connect="finite", pen=pg.mkPen(width=3))
        plot.plot(marks, np.full(len(marks), -0.6), pen=None, symbol="t1", symbolSize=8)
        plot.addItem(pg.BarGraphItem(x=x[known], height=hours[known], width=0.8))
        plot.setXRange(x[-91], x[-1])
        plot.show()
        app.processEvents()
        plot.grab()
        bares.append(plot)

    def dispose() -> None:
        for widget in [*views[:-1], *bares[:-1]]:
            widget.close()
            widget.deleteLater()
        del views[:-1], bares[:-1]
        app.processEvents()

    today = dt.date.today()
    ranges = [
        (today - dt.timedelta(days=13), today),
        (span[0], last),
        (today - dt.timedelta(364), today),
    ]
    results: dict[str, dict[str, list[float]]] = {
        name: {"view": [], "bare": []} for name in ("open", "switch_range", "export_png")
    }
    open_view()
    open_bare()  # warm-up: imports, fonts, first-use caches
    for _ in range(repeat):
        dispose()
        results["open"]["view"].append(timed(open_view))
        results["open"]["bare"].append(timed(open_bare))
        view, bare = views[-1], bares[-1]

        def switch_view(view: TrendsView = view) -> None:
            for preset in (0, 3, 2):
                view.set_preset(preset)
                view.trends_chart.grab()

        def switch_bare(bare: pg.PlotWidget = bare) -> None:
            for start, end in ranges:
                bare.setXRange(
                    charts.day_number(start) - 0.5, charts.day_number(end) + 0.5, padding=0
                )
                bare.grab()

        results["switch_range"]["view"].append(timed(switch_view))
        results["switch_range"]["bare"].append(timed(switch_bare))

        def export_bare(bare: pg.PlotWidget = bare) -> None:
            exporter = ImageExporter(bare.scene())
            exporter.parameters()["width"] = bare.width()
            exporter.parameters()["height"] = bare.height()
            exporter.export(str(work / "bare.png"))

        chart = view.trends_chart
        results["export_png"]["view"].append(
            timed(lambda chart=chart: charts.export_file(chart, work / "view.png", ratio=1.0))
        )
        results["export_png"]["bare"].append(timed(export_bare))
    report: dict[str, Any] = {"days": len(days), "sessions": len(sessions)}
    for name, sides in results.items():
        view_ms, bare_ms = ms(sides["view"]), ms(sides["bare"])
        report[name] = {
            "view_ms": view_ms,
            "bare_ms": bare_ms,
            "ratio": round(view_ms / bare_ms, 2),
        }
    report["load_log_ms"] = ms(
        [timed(lambda: (log.days(*span), log.sessions(*span))) for _ in range(3)]
    )
    for widget in [*views, *bares]:
        widget.close()
    log.close()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--dir", type=Path, help="where to put the log (default: a temporary folder)"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--probe", choices=("bare", "plot", "window"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        memory_probe(args.probe, args.dir)
        return 0
    folder = args.dir or Path(tempfile.mkdtemp(prefix="trends-bench-")) / "data"
    os.environ["COACH_CONFIG_DIR"] = str(folder.parent / "config")
    made = make_log(folder, args.years)
    report: dict[str, Any] = {
        "years": args.years,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "imported": {"days": made[0], "sessions": made[1]},
    }
    report |= bench(folder, args.repeat)
    baseline, plot, window = (probe(kind, folder) for kind in ("bare", "plot", "window"))
    report["memory"] = {
        "baseline_mb": baseline,
        "bare_plot_mb": plot,
        "view_mb": window,
        "extra_mb": round(window - baseline, 1),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{args.years} years: {report['days']} days, {report['sessions']} sessions")
    for name in ("open", "switch_range", "export_png"):
        row = report[name]
        print(
            f"{name:13} view {row['view_ms']:8.1f} ms   bare {row['bare_ms']:8.1f} ms   x{row['ratio']}"
        )
    print(f"reading the log alone: {report['load_log_ms']} ms")
    memory = report["memory"]
    print(
        f"peak memory: {memory['view_mb']} MB with the Trends view on the log, "
        f"{memory['baseline_mb']} MB for an empty window (+{memory['extra_mb']} MB), "
        f"{memory['bare_plot_mb']} MB for a bare pyqtgraph plot of the same arrays"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
