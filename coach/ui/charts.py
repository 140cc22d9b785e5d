"""The Trends view's charts, drawn with pyqtgraph from what `coach.core.analytics` computed.

Only the Trends view and `coach chart` import this module, so pyqtgraph loads when a chart is first
needed. Charts draw and never compute statistics. Dates are placed on a day number (days since
1970-01-01 of the local calendar date), never on a moment in time, so a daylight saving change
cannot move a day or make one 23 hours long. Missing days are NaN and the lines break there.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import QWidget

from coach.core.analytics import Adherence, DailySeries, Effect, SleepPain, rolling_mean
from coach.core.log import SessionRecord

EPOCH = dt.date(1970, 1, 1).toordinal()
PAIN_RANGE = (-1.1, 10.6)  # room below 0 for the session marks
MARK_Y = -0.6
DETAILED_DAYS = 130  # up to this many days shown, each day's values are joined by thin lines
OVERVIEW_DAYS = 800  # beyond this many, years are shown: no dash patterns along long paths
LABEL_WIDTH = 320  # pixels at most for a routine's name beside its bar
# Okabe & Ito's colour-blind-safe palette
ORANGE, SKY, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
BLUE, VERMILLION, PURPLE = "#0072B2", "#D55E00", "#CC79A7"


def tr(text: str) -> str:
    """Translate a chart's text."""
    return QCoreApplication.translate("Charts", text)


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


def _curve(*args: object, **kwargs: object) -> pg.PlotDataItem:
    # values are on fixed scales: no need to re-clip on every change of view
    return pg.PlotDataItem(*args, dynamicRangeLimit=None, **kwargs)


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


class TrendsChart(Chart):
    """Pain, worst pain and sleep per day with 7-day averages, hours slept below, sessions marked.

    Hovering (or Left/Right with the keyboard) shows one day's exact values: `day_shown` says them.
    """

    day_shown = Signal(str)

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(tr("Pain and sleep by day"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.series: DailySeries | None = None
        self.first = 0  # day number of series.dates[0]
        self.session_counts: dict[int, int] = {}
        self.stopped_counts: dict[int, int] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.bars: pg.BarGraphItem | None = None
        self.legend = pg.LegendItem(colCount=7, labelTextColor=theme.text, frame=False)
        self.addItem(self.legend, row=1, col=0)
        self.top = self.add_plot(2, dates=True)
        self.top.setYRange(*PAIN_RANGE, padding=0)
        self.top.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self.top.getAxis("left").setLabel(tr("rating 0-10"), color=theme.text.name())
        self.top.getAxis("bottom").setStyle(showValues=False)
        self.hours = self.add_plot(3, dates=True)
        self.hours.setYRange(-0.6, 13.2, padding=0)
        self.hours.getAxis("left").setTicks([[(v, str(v)) for v in (0, 4, 8, 12)]])
        self.hours.getAxis("left").setLabel(tr("hours slept"), color=theme.text.name())
        self.hours.setXLink(self.top)
        for plot in (self.top, self.hours):
            plot.disableAutoRange()  # every range is set on purpose; no bounds computed per item
        self.ci.layout.setRowStretchFactor(2, 5)
        self.ci.layout.setRowStretchFactor(3, 2)
        for plot in (self.top, self.hours):
            plot.getAxis("left").setWidth(56)
            plot.setMouseEnabled(x=True, y=False)
        self.cursor = [
            pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.muted, width=1, style=Qt.PenStyle.DotLine))
            for _ in range(2)
        ]
        for line, plot in zip(self.cursor, (self.top, self.hours), strict=True):
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.cursor_day: int | None = None
        self.detail = -1
        self.top.sigXRangeChanged.connect(lambda _view, _range: self._fit_detail())

    def set_data(self, series: DailySeries, sessions: Sequence[SessionRecord]) -> None:
        """Draw the series (one value per date, None for gaps) and mark the sessions."""
        for plot in (self.top, self.hours):
            for item in list(plot.listDataItems()) + [
                i for i in plot.items if isinstance(i, pg.BarGraphItem)
            ]:
                plot.removeItem(item)
        self.legend.clear()
        self.curves = {}
        self.series = series
        if not series.dates:
            return
        self.first = day_number(series.dates[0])
        x = np.arange(self.first, self.first + len(series.dates), dtype=float)
        theme = self.theme
        lines = (
            ("pain", tr("Pain"), series.pain, Qt.PenStyle.SolidLine, "o"),
            ("worst", tr("Worst pain"), series.worst_pain, Qt.PenStyle.DashLine, "d"),
            ("sleep", tr("Sleep quality"), series.sleep_quality, Qt.PenStyle.SolidLine, "s"),
        )
        for name, label, values, style, symbol in lines:
            if all(v is None for v in values):
                continue  # never rated: nothing to draw (and no empty entry in the legend)
            y = as_array(values)
            known = ~np.isnan(y)
            daily = _curve(
                x, y, connect="finite", pen=pg.mkPen(theme.colour(name, 110), width=1, style=style)
            )
            dots = _curve(
                x[known],
                y[known],
                pen=None,
                symbol=symbol,
                symbolSize=5,
                symbolPen=None,
                symbolBrush=theme.colour(name, 150),
            )
            average = _curve(
                x,
                as_array(rolling_mean(values)),
                connect="finite",
                pen=pg.mkPen(theme.colour(name), width=3, style=style),
            )
            for key, item in ((name, daily), (f"{name}_dots", dots), (f"{name}_average", average)):
                self.top.addItem(item)
                self.curves[key] = item
            self.legend.addItem(average, label)
        self._mark_sessions(sessions)
        hours = as_array(series.sleep_hours)
        known = ~np.isnan(hours)
        bars = pg.BarGraphItem(
            x=x[known], height=hours[known], width=0.8, pen=None, brush=theme.colour(SKY, 200)
        )
        self.hours.addItem(bars)
        self.bars = bars
        self.legend.addItem(bars, tr("Hours slept (below)"))
        self.top.setLimits(xMin=x[0] - 30, xMax=x[-1] + 30, minXRange=6)
        self.detail = -1
        self._fit_detail()
        self.scale_lines(self.line_scale)

    def _fit_detail(self) -> None:
        """Each day's dots joined by thin lines up to ~4 months; beyond, the dots alone, so the
        7-day averages carry the picture instead of a thicket of lines. Over years, a dashed
        average is drawn a day at a time: as fast as a solid line (a dash pattern along one long
        path is slow), and a dash could not be seen at that density anyway."""
        low, high = self.x_range()
        span = high - low
        detail = 0 if span <= DETAILED_DAYS else 1 if span <= OVERVIEW_DAYS else 2
        if detail == self.detail:
            return
        self.detail = detail
        for name in ("pain", "worst", "sleep"):
            if name in self.curves:
                self.curves[name].setVisible(detail == 0)
        if "worst_average" in self.curves:
            self.curves["worst_average"].curve.setSegmentedLineMode("on" if detail == 2 else "auto")

    def _mark_sessions(self, sessions: Sequence[SessionRecord]) -> None:
        completed: dict[int, int] = {}
        stopped: dict[int, int] = {}
        for record in sessions:
            bucket = completed if record.completed else stopped
            bucket[day_number(record.day)] = bucket.get(day_number(record.day), 0) + 1
        self.session_counts = {
            day: completed.get(day, 0) + stopped.get(day, 0) for day in {*completed, *stopped}
        }
        self.stopped_counts = stopped
        for name, label, days, symbol, colour, y in (
            ("completed", tr("Session"), completed, "t1", GREEN, MARK_Y),
            ("stopped", tr("Stopped early"), stopped, "x", ORANGE, MARK_Y + 0.35),
        ):
            if not days:
                continue
            marks = _curve(
                np.fromiter(days, dtype=float),
                np.full(len(days), y),
                pen=None,
                symbol=symbol,
                symbolSize=8,
                symbolPen=pg.mkPen(self.theme.colour(colour), width=1.5),
                symbolBrush=self.theme.colour(colour),
            )
            self.top.addItem(marks)
            self.curves[name] = marks
            self.legend.addItem(marks, label)

    def show_range(self, start: dt.date, end: dt.date) -> None:
        """Show the dates from `start` to `end`, whole days."""
        self.top.setXRange(day_number(start) - 0.5, day_number(end) + 0.5, padding=0)

    def x_range(self) -> tuple[float, float]:
        """The day numbers at the left and right edges."""
        low, high = self.top.viewRange()[0]
        return low, high

    def day_text(self, date: dt.date) -> str:
        """One day's exact values: "Tue 3 Mar 2026 — pain 5, worst 7, sleep 6 (7.5 h), 1 session"."""
        parts: list[str] = []
        series = self.series
        index = day_number(date) - self.first
        if series is not None and 0 <= index < len(series.dates):
            pain, worst = series.pain[index], series.worst_pain[index]
            sleep, hours = series.sleep_quality[index], series.sleep_hours[index]
            if pain is not None:
                parts.append(tr("pain {0}").format(number(pain)))
            if worst is not None:
                parts.append(tr("worst {0}").format(number(worst)))
            if sleep is not None and hours is not None:
                parts.append(tr("sleep {0} ({1} h)").format(number(sleep), f"{hours:g}"))
            elif sleep is not None:
                parts.append(tr("sleep {0}").format(number(sleep)))
            elif hours is not None:
                parts.append(tr("slept {0} h").format(f"{hours:g}"))
        count = self.session_counts.get(day_number(date), 0)
        stopped = self.stopped_counts.get(day_number(date), 0)
        if count:
            parts.append(tr("1 session") if count == 1 else tr("{0} sessions").format(count))
        if stopped:
            parts[-1] += (
                tr(" (stopped early)") if count == 1 else tr(", {0} stopped early").format(stopped)
            )
        if not parts:
            parts.append(tr("nothing logged"))
        return f"{long_date(date)} — {', '.join(parts)}"

    def show_day(self, date: dt.date | None) -> None:
        """Put the cursor on `date` (None hides it) and say its values."""
        if date is None or self.series is None or not self.series.dates:
            self.cursor_day = None
            for line in self.cursor:
                line.setVisible(False)
            return
        first, last = self.series.dates[0], self.series.dates[-1]
        date = min(max(date, first), last)
        self.cursor_day = day_number(date)
        for line in self.cursor:
            line.setPos(self.cursor_day)
            line.setVisible(True)
        self.day_shown.emit(self.day_text(date))

    def _mouse_moved(self, position: QPointF) -> None:
        if not self.top.sceneBoundingRect().contains(position) and not (
            self.hours.sceneBoundingRect().contains(position)
        ):
            return
        x = self.top.vb.mapSceneToView(position).x()
        self.show_day(date_of(x))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Left/Right move the cursor a day, PgUp/PgDown a week, Home/End to the ends."""
        if self.series is None or not self.series.dates:
            super().keyPressEvent(event)
            return
        low, high = self.x_range()
        current = self.cursor_day if self.cursor_day is not None else round(high - 0.5)
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_PageUp: -7,
            Qt.Key.Key_PageDown: 7,
        }
        key = Qt.Key(event.key())
        if key in steps:
            target = current + steps[key]
        elif key == Qt.Key.Key_Home:
            target = math.ceil(low)
        elif key == Qt.Key.Key_End:
            target = math.floor(high)
        else:
            super().keyPressEvent(event)
            return
        self.show_day(date_of(target))
        if not low <= target <= high:  # keep the cursor in view
            width = high - low
            shift = target - (high - 0.5) if target > high else target - (low + 0.5)
            self.top.setXRange(low + shift, low + shift + width, padding=0)


class EffectChart(Chart):
    """Mean change of pain after sessions, per kind and per routine, with the count on each bar."""

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(tr("Pain before and after sessions"))
        self.labels: list[str] = []

    def set_effects(self, by_kind: Sequence[Effect], by_routine: Sequence[Effect]) -> None:
        """Draw one bar per effect (after minus before); too-few bars are drawn hollow."""
        self.clear()
        heading, self.heading = self.heading, None
        if heading is not None:
            self.set_heading(heading.text)
        self.labels = []
        groups = [(tr("By kind of routine"), by_kind), (tr("By routine"), by_routine)]
        shown = [(title, effects) for title, effects in groups if effects]
        everything = [e for _, effects in shown for e in effects]
        if not everything:
            return
        limit = max([3.0] + [abs(e.mean_change or 0.0) + 2.0 for e in everything])
        metrics = QFontMetrics(self.font())
        names = {
            e.label: metrics.elidedText(e.label, Qt.TextElideMode.ElideMiddle, LABEL_WIDTH)
            for e in everything
        }
        width = max(metrics.horizontalAdvance(n) for n in names.values()) + 16
        for row, (title, effects) in enumerate(shown, start=1):
            plot = self.add_plot(row, title=title)
            plot.getAxis("left").setWidth(width)
            self._draw(plot, effects, limit, names, last=row == len(shown))
            self.ci.layout.setRowStretchFactor(row, len(effects))
        self.scale_lines(self.line_scale)

    def _draw(
        self,
        plot: pg.PlotItem,
        effects: Sequence[Effect],
        limit: float,
        names: dict[str, str],
        *,
        last: bool,
    ) -> None:
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=True, y=False, alpha=0.12)
        rows = list(reversed(effects))  # the first (most sessions) at the top
        plot.setXRange(-limit, limit, padding=0)
        plot.setYRange(-0.6, len(rows) - 0.4, padding=0)
        plot.addItem(pg.InfiniteLine(0, angle=90, pen=pg.mkPen(self.theme.text, width=1)))
        step = 1 if limit <= 6 else 2
        ticks = [(v, f"{v:+d}" if v else "0") for v in range(-int(limit), int(limit) + 1, step)]
        plot.getAxis("bottom").setTicks([ticks])
        plot.getAxis("left").setTicks([[(i, names[e.label]) for i, e in enumerate(rows)]])
        if last:
            plot.getAxis("bottom").setLabel(
                tr("change in pain, after minus before (left: lower after)"),
                color=self.theme.text.name(),
            )
        for i, effect in enumerate(rows):
            change = effect.mean_change
            text = tr("n = {0}").format(effect.count)
            if change is not None:
                colour = self.theme.colour(GREEN if change <= 0 else ORANGE)
                fill = colour if effect.enough else QColor(0, 0, 0, 0)
                plot.addItem(
                    pg.BarGraphItem(
                        x0=[min(0.0, change)],
                        width=[abs(change)],
                        y=[i],
                        height=0.6,
                        pen=pg.mkPen(colour, width=2, style=_pen_style(effect.enough)),
                        brush=fill,
                    )
                )
                before, after = effect.mean_before or 0.0, effect.mean_after or 0.0
                text = f"{change:+.1f}   ({before:.1f} → {after:.1f}, {text})"
            if not effect.enough:
                text += tr(" — too few to say")
            anchor_left = change is None or change >= 0
            label = pg.TextItem(text, color=self.theme.text, anchor=(0 if anchor_left else 1, 0.5))
            label.setPos((change or 0.0) + (0.15 if anchor_left else -0.15), i)
            plot.addItem(label)
            self.labels.append(f"{effect.label}: {text}")


def _pen_style(solid: bool) -> Qt.PenStyle:
    return Qt.PenStyle.SolidLine if solid else Qt.PenStyle.DashLine


class SleepChart(Chart):
    """Last night's sleep quality against the day's pain; a bigger dot stands for more days."""

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(tr("Sleep and pain"))
        self.plot = self.add_plot(1)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for name, label in (
            ("bottom", tr("sleep quality last night (0 terrible, 10 excellent)")),
            ("left", tr("pain that day (0-10)")),
        ):
            axis = self.plot.getAxis(name)
            axis.setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
            axis.setLabel(label, color=theme.text.name())
        self.plot.setXRange(-0.5, 10.5, padding=0)
        self.plot.setYRange(-0.5, 10.5, padding=0)
        self.points = pg.ScatterPlotItem(
            pen=pg.mkPen(theme.colour("sleep"), width=1.2), brush=theme.colour("sleep", 110)
        )
        self.plot.addItem(self.points)

    def set_result(self, result: SleepPain) -> None:
        """Draw the pairs: one dot per distinct (sleep, pain), sized by how many days had it."""
        counts: dict[tuple[float, float], int] = {}
        for pair in result.pairs:
            counts[pair] = counts.get(pair, 0) + 1
        spots = [
            {"pos": pos, "size": 7 + 4 * math.sqrt(count), "data": count}
            for pos, count in counts.items()
        ]
        self.points.setData(spots)
        title = tr("{0} days").format(result.days)
        if result.rho is not None:
            title = tr("Rank correlation {0:.2f} over {1} days").format(result.rho, result.days)
        self.plot.setTitle(title, color=self.theme.text.name())


class AdherenceChart(Chart):
    """Sessions per week as bars on a date axis."""

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(tr("Sessions per week"))
        self.plot = self.add_plot(1, dates=True)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.getAxis("left").setLabel(tr("sessions per week"), color=theme.text.name())
        self.bars = pg.BarGraphItem(x=[], height=[], width=6, pen=None, brush=theme.colour(GREEN))
        self.partial_weeks = 0
        self.plot.addItem(self.bars)

    def set_result(self, result: Adherence, start: dt.date, end: dt.date) -> None:
        """One bar per week (Monday to Sunday); a week only partly from `start` to `end` is drawn
        as an outline, so a short first or last week does not look like a bad one."""
        x = np.array([day_number(monday) + 3 for monday, _ in result.weeks], dtype=float)
        height = np.array([count for _, count in result.weeks], dtype=float)
        colour = self.theme.colour(GREEN)
        whole = [
            start <= monday and monday + dt.timedelta(days=6) <= end for monday, _ in result.weeks
        ]
        self.bars.setOpts(
            x=x,
            height=height,
            width=6,
            pens=[pg.mkPen(colour, width=1.5) for _ in whole],
            brushes=[pg.mkBrush(colour if full else QColor(0, 0, 0, 0)) for full in whole],
        )
        self.partial_weeks = whole.count(False)
        top = max(7.0, float(height.max()) + 1 if len(height) else 7.0)
        step = max(1, math.ceil(top / 8))
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, int(top) + 1, step)]])
        self.plot.setYRange(-0.02 * top, top, padding=0)
        if len(x):
            self.plot.setXRange(x[0] - 4, x[-1] + 4, padding=0.02)


def export_file(chart: Chart, path: Path | str, ratio: float | None = None) -> Path:
    """Save `chart` as PNG (at the screen's pixel ratio unless `ratio`) or SVG, by the suffix."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".svg":
        return chart.export_svg(target)
    if suffix == ".png":
        return chart.export_png(target, ratio)
    raise ValueError(f"{target.name}: choose a file ending in .png or .svg")
