"""What the Trends view's charts share: colours, a date axis, a chart that saves itself as a file.

The charts draw with pyqtgraph what `coach.core.analytics.trends` computed; they are in
`coach.ui.trends.trends_chart` and `coach.ui.trends.insight_charts`, on the `Chart` defined here. Only the Trends
view and `coach chart` import these modules, so pyqtgraph loads when a chart is first needed.
Charts draw and never compute statistics. Dates are placed on a day number (days since 1970-01-01
of the local calendar date), never on a moment in time, so a daylight saving change cannot move a
day or make one 23 hours long.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import QWidget

EPOCH = dt.date(1970, 1, 1).toordinal()
# Okabe & Ito's colour-blind-safe palette
ORANGE, SKY, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
BLUE, VERMILLION, PURPLE = "#0072B2", "#D55E00", "#CC79A7"


def day_number(date: dt.date) -> int:
    """Where a local calendar date sits on a chart's x axis: whole days since 1970-01-01."""
    return date.toordinal() - EPOCH


def date_of(number: float) -> dt.date:
    """The calendar date at a day number (rounded to the nearest day)."""
    return dt.date.fromordinal(round(number) + EPOCH)


def long_date(date: dt.date) -> str:
    """ "Tue 3 Mar 2026" in the person's language."""
    return QLocale().toString(QDate(date.year, date.month, date.day), "ddd d MMM yyyy")


def number(value: float) -> str:
    """5 -> "5", 7.5 -> "7.5", 2.345 -> "2.3"."""
    return f"{value:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class ChartTheme:
    """Colours for charts that read on the current (light or dark) palette."""

    background: QColor
    text: QColor
    grid: QColor
    muted: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartTheme:
        """The window's background and text colours; series colours adapt to dark backgrounds."""
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        grid, muted = QColor(text), QColor(text)
        grid.setAlpha(40)
        muted.setAlpha(150)
        return cls(background, text, grid, muted, background.lightness() < 128)

    def colour(self, name: str, alpha: int = 255) -> QColor:
        """A series colour: Okabe-Ito, with the lighter blue on dark backgrounds."""
        value = {"pain": VERMILLION, "worst": PURPLE, "sleep": SKY if self.dark else BLUE}.get(
            name, name
        )
        colour = QColor(value)
        colour.setAlpha(alpha)
        return colour


class DayAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type hints
    """A date axis over day numbers: days, weeks, months or years, as many as fit legibly."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self._formats: dict[float, str] = {}

    def tickValues(  # noqa: N802
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        span = max(maxVal - minVal, 1e-9)
        per_day = size / span
        first, last = date_of(math.floor(minVal)), date_of(math.ceil(maxVal))
        if per_day >= 50:
            levels = [(1.0, "ddd d", _days(first, last, 1))]
        elif per_day >= 22:
            levels = [(2.0, "d MMM", _days(first, last, 2)), (1.0, "", _days(first, last, 1))]
        elif per_day >= 8:
            levels = [(7.0, "d MMM", _mondays(first, last)), (1.0, "", _days(first, last, 1))]
        elif per_day >= 2:
            levels = [(30.0, "MMM yyyy", _months(first, last, 1)), (7.0, "", _mondays(first, last))]
        elif per_day >= 0.6:
            levels = [
                (91.0, "MMM yyyy", _months(first, last, 3)),
                (30.0, "", _months(first, last, 1)),
            ]
        else:
            years = max(1, math.ceil(70 / (per_day * 365)))
            levels = [(365.0 * years, "yyyy", _years(first, last, years))]
            if per_day * 91 >= 6:
                levels.append((91.0, "", _months(first, last, 3)))
        self._formats = {spacing: fmt for spacing, fmt, _ in levels}
        return [
            (spacing, [v for v in values if minVal <= v <= maxVal]) for spacing, _, values in levels
        ]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        fmt = self._formats.get(spacing, "")
        if not fmt:
            return ["" for _ in values]
        locale = QLocale()
        dates = [date_of(v) for v in values]
        if fmt == "MMM yyyy":  # the year only where it changes, and on the first month shown
            return [
                locale.toString(qdate(d), fmt if i == 0 or d.month == 1 else "MMM")
                for i, d in enumerate(dates)
            ]
        return [locale.toString(qdate(d), fmt) for d in dates]


def qdate(date: dt.date) -> QDate:
    """A date as Qt's date."""
    return QDate(date.year, date.month, date.day)


def _days(first: dt.date, last: dt.date, step: int) -> list[float]:
    start = day_number(first)
    start -= start % step
    return [float(n) for n in range(start, day_number(last) + 1, step)]


def _mondays(first: dt.date, last: dt.date) -> list[float]:
    start = day_number(first - dt.timedelta(days=first.weekday()))
    return [float(n) for n in range(start, day_number(last) + 1, 7)]


def _months(first: dt.date, last: dt.date, step: int) -> list[float]:
    month = (first.year * 12 + first.month - 1) // step * step
    found: list[float] = []
    while True:
        date = dt.date(month // 12, month % 12 + 1, 1)
        if date > last:
            return found
        found.append(float(day_number(date)))
        month += step


def _years(first: dt.date, last: dt.date, step: int) -> list[float]:
    start = first.year // step * step
    return [float(day_number(dt.date(y, 1, 1))) for y in range(start, last.year + 1, step)]


def as_array(values: Sequence[float | None]) -> np.ndarray:
    """Values with NaN for the gaps, ready to plot with connect="finite"."""
    return np.array([math.nan if v is None else v for v in values], dtype=float)


class Chart(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """A themed chart that can be saved as PNG or SVG."""

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setBackground(theme.background)
        self.ci.setContentsMargins(8, 8, 16, 8)
        # a visible keyboard focus: the charts are Tab stops (the trends chart takes Left/Right)
        self.setStyleSheet(
            "QGraphicsView { border: 2px solid transparent; }"
            "QGraphicsView:focus { border: 2px solid palette(highlight); }"
        )
        self.heading: pg.LabelItem | None = None
        self.line_scale = 1.0

    def set_heading(self, text: str) -> None:
        """A title above everything (for charts saved by the command line)."""
        if self.heading is None:
            self.heading = pg.LabelItem(color=self.theme.text, size="13pt", bold=True)
            self.addItem(self.heading, row=0, col=0)
        self.heading.setText(text)

    def clear_heading(self) -> None:
        """Take the title away again (a chart on screen has its heading around it)."""
        if self.heading is not None:
            self.removeItem(self.heading)
            self.heading = None

    def add_plot(self, row: int, *, dates: bool = False, title: str = "") -> pg.PlotItem:
        """A plot styled for the theme, with a date axis below if `dates`."""
        axes = {"bottom": DayAxis()} if dates else {}
        plot = self.addPlot(row=row, col=0, axisItems=axes)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.showGrid(x=False, y=True, alpha=0.15)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(self.theme.text)
            axis.setTextPen(self.theme.text)
        if title:
            plot.setTitle(title, color=self.theme.text.name())
        return plot

    def scale_lines(self, scale: float | None = None) -> None:
        """Lines `scale` times their width in pixels (default: the screen's pixel ratio).

        pyqtgraph's lines are a fixed number of device pixels wide, so on a HiDPI screen (or in
        a PNG at twice the size) they would look half as thick beside text that is scaled."""
        scale = scale if scale is not None else self.devicePixelRatioF()
        for item in self.scene().items():
            if isinstance(item, pg.PlotCurveItem | pg.InfiniteLine):
                pen = item.opts["pen"] if isinstance(item, pg.PlotCurveItem) else item.pen
                if pen is None or pen.style() == Qt.PenStyle.NoPen:
                    continue
                width = item.__dict__.setdefault("logical_width", pen.widthF())
                if pen.widthF() != width * scale:
                    pen = QPen(pen)
                    pen.setWidthF(width * scale)
                    item.setPen(pen)
        self.line_scale = scale

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Lines as thick as the screen's pixel ratio asks."""
        super().showEvent(event)
        self.scale_lines()

    def export_png(self, path: Path | str, ratio: float | None = None) -> Path:
        """Save as PNG at `ratio` (default: the screen's pixel ratio, so it is sharp)."""
        ratio = ratio if ratio is not None else self.devicePixelRatioF()
        exporter = ImageExporter(self.scene())
        exporter.parameters()["width"] = max(1, round(self.width() * ratio))
        exporter.parameters()["height"] = max(1, round(self.height() * ratio))
        target = Path(path)
        shown = self.line_scale
        self.scale_lines(ratio)
        try:
            written = exporter.export(str(target))
        finally:
            self.scale_lines(shown)
        if not written:
            raise OSError(f"could not write {target}")
        return target

    def export_svg(self, path: Path | str) -> Path:
        """Save as SVG (vector: sharp at any size)."""
        target = Path(path)
        SVGExporter(self.scene()).export(str(target))
        if not target.exists():
            raise OSError(f"could not write {target}")
        return target


def export_file(chart: Chart, path: Path | str, ratio: float | None = None) -> Path:
    """Save `chart` as PNG (at the screen's pixel ratio unless `ratio`) or SVG, by the suffix.

    The file holds health data, so it is private (0600) like the log's exports: it is drawn inside
    a private temporary folder beside the target, then renamed into place whole.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise ValueError(f"{target.name}: choose a file ending in .png or .svg")
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=".unknot-chart-"))  # 0700
    try:
        drawn = scratch / f"chart{suffix}"
        if suffix == ".svg":
            chart.export_svg(drawn)
        else:
            chart.export_png(drawn, ratio)
        drawn.chmod(0o600)
        os.replace(drawn, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target
