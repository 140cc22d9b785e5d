"""The Trends tab's main chart: pain and worst pain, sleep, hours slept, on aligned plots; sessions marked.

Its per-day value series (curves at each level of detail, the hours-slept bars) are made by
`coach.ui.trends.day_values`. Dates are day numbers (see `coach.ui.trends.charts`); missing days
are NaN and the lines break there.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from coach.core.analytics.trends import DailySeries
from coach.core.log.entries import SessionRecord
from coach.ui.trends.charts import (
    GREEN,
    ORANGE,
    SKY,
    Chart,
    ChartTheme,
    date_of,
    day_number,
    long_date,
    number,
)
from coach.ui.trends.day_values import curve, hours_bars, legend_sample, value_curves

PAIN_RANGE = (-1.1, 10.6)  # room below 0 for the session marks
MARK_Y = -0.6
DETAILED_DAYS = 130  # up to this many days shown, each day's values are joined by thin lines
OVERVIEW_DAYS = 800  # beyond this many, years are shown: no dash patterns along long paths


class TrendsChart(Chart):
    """Pain (and worst pain) above, sleep quality below it, hours slept at the bottom, on one time line.

    Pain, where lower is better, and sleep, where higher is better, never share an axis. Up to
    about four months each day is drawn with its 7-day average; beyond, weekly averages, and
    beyond two years monthly ones, so a year reads as a line. Hovering (or Left/Right with the
    keyboard) shows one day's exact values: `day_shown` says them.
    """

    day_shown = Signal(str)
    averaged_by_changed = Signal(str)  # "day", "week" or "month": what one point now stands for

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(QCoreApplication.translate("Charts", "Pain and sleep by day"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.series: DailySeries | None = None
        self.first = 0  # day number of series.dates[0]
        self.session_counts: dict[int, int] = {}
        self.stopped_counts: dict[int, int] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.bars: pg.BarGraphItem | None = None
        self.level_bars: dict[int, pg.BarGraphItem] = {}
        self.legend = pg.LegendItem(colCount=7, labelTextColor=theme.text, frame=False)
        self.addItem(self.legend, row=1, col=0)
        self.top = self.add_plot(2, dates=True)
        self.top.setYRange(*PAIN_RANGE, padding=0)
        self.sleep = self.add_plot(3, dates=True)
        self.sleep.setYRange(-0.4, 10.6, padding=0)
        self.hours = self.add_plot(4, dates=True)
        self.hours.setYRange(-0.6, 13.2, padding=0)
        for plot, label, ticks in (
            # short words: the plots can be short (a small screen, large text)
            (self.top, QCoreApplication.translate("Charts", "pain"), range(0, 11, 5)),
            (self.sleep, QCoreApplication.translate("Charts", "sleep"), range(0, 11, 5)),
            (self.hours, QCoreApplication.translate("Charts", "hours"), (0, 6, 12)),
        ):
            plot.getAxis("left").setTicks([[(v, str(v)) for v in ticks]])
            plot.getAxis("left").setLabel(label, color=theme.text.name())
        for plot in (self.top, self.sleep):
            plot.getAxis("bottom").setStyle(showValues=False)
        self.plots = (self.top, self.sleep, self.hours)
        for plot in (self.sleep, self.hours):
            plot.setXLink(self.top)
        for plot in self.plots:
            plot.disableAutoRange()  # every range is set on purpose; no bounds computed per item
            plot.getAxis("left").setWidth(64)  # the same width: the three time lines align
            plot.setMouseEnabled(x=True, y=False)
        self.ci.layout.setRowStretchFactor(2, 5)
        self.ci.layout.setRowStretchFactor(3, 3)
        self.ci.layout.setRowStretchFactor(4, 2)
        self.cursor = [
            pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.muted, width=1, style=Qt.PenStyle.DotLine))
            for _ in self.plots
        ]
        for line, plot in zip(self.cursor, self.plots, strict=True):
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.cursor_day: int | None = None
        self.detail = -1
        self.top.sigXRangeChanged.connect(lambda _view, _range: self._fit_detail())

    def set_data(self, series: DailySeries, sessions: Sequence[SessionRecord]) -> None:
        """Draw the series (one value per date, None for gaps) and mark the sessions."""
        for plot in self.plots:
            for item in list(plot.listDataItems()) + [
                i for i in plot.items if isinstance(i, pg.BarGraphItem)
            ]:
                plot.removeItem(item)
        self.legend.clear()
        self.curves = {}
        self.level_bars = {}
        self.series = series
        if not series.dates:
            return
        self.first = day_number(series.dates[0])
        x = np.arange(self.first, self.first + len(series.dates), dtype=float)
        theme = self.theme
        lines = (
            (
                "pain",
                QCoreApplication.translate("Charts", "Pain"),
                series.pain,
                Qt.PenStyle.SolidLine,
                "o",
                self.top,
            ),
            (
                "worst",
                QCoreApplication.translate("Charts", "Worst pain"),
                series.worst_pain,
                Qt.PenStyle.DashLine,
                "d",
                self.top,
            ),
            (
                "sleep",
                QCoreApplication.translate("Charts", "Sleep quality"),
                series.sleep_quality,
                Qt.PenStyle.SolidLine,
                "s",
                self.sleep,
            ),
        )
        for name, label, values, style, symbol, plot in lines:
            if all(v is None for v in values):
                continue  # never rated: nothing to draw (and no empty entry in the legend)
            for key, item in value_curves(theme, x, series.dates, values, name, style, symbol):
                plot.addItem(item)
                self.curves[key] = item
            self.legend.addItem(legend_sample(theme, name, style, symbol), label)
        self._mark_sessions(sessions)
        self.level_bars = hours_bars(theme, x, series.dates, series.sleep_hours)
        for bars in self.level_bars.values():
            self.hours.addItem(bars)
        self.bars = self.level_bars[0]
        self.legend.addItem(
            pg.BarGraphItem(x=[0], height=[1], width=1, pen=None, brush=theme.colour(SKY, 200)),
            QCoreApplication.translate("Charts", "Hours slept"),
        )
        self.top.setLimits(xMin=x[0] - 30, xMax=x[-1] + 30, minXRange=6)
        self.detail = -1
        self._fit_detail()
        self.scale_lines(self.line_scale)

    @property
    def averaged_by(self) -> str:
        """What one point stands for at the range shown: "day", "week" or "month"."""
        return ("day", "week", "month")[max(self.detail, 0)]

    def _fit_detail(self) -> None:
        """Each day with its 7-day average up to ~4 months; weekly averages up to ~2 years;
        monthly averages beyond. One level is drawn at a time, so a long range is never a
        thicket of daily dots."""
        low, high = self.x_range()
        span = high - low
        detail = 0 if span <= DETAILED_DAYS else 1 if span <= OVERVIEW_DAYS else 2
        if detail == self.detail:
            return
        self.detail = detail
        for name in ("pain", "worst", "sleep"):
            for key, level in (
                (name, 0),
                (f"{name}_dots", 0),
                (f"{name}_average", 0),
                (f"{name}_week", 1),
                (f"{name}_month", 2),
            ):
                if key in self.curves:
                    self.curves[key].setVisible(detail == level)
        for level, bars in self.level_bars.items():
            bars.setVisible(detail == level)
        for name in ("completed", "stopped"):  # one mark a day: a solid band over a year
            if name in self.curves:
                self.curves[name].setVisible(detail == 0)
        self.averaged_by_changed.emit(self.averaged_by)

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
            (
                "completed",
                QCoreApplication.translate("Charts", "Session"),
                completed,
                "t1",
                GREEN,
                MARK_Y,
            ),
            (
                "stopped",
                QCoreApplication.translate("Charts", "Stopped early"),
                stopped,
                "x",
                ORANGE,
                MARK_Y + 0.35,
            ),
        ):
            if not days:
                continue
            marks = curve(
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
            self.legend.addItem(
                pg.PlotDataItem(
                    [0.0],
                    [0.0],
                    pen=None,
                    symbol=symbol,
                    symbolSize=8,
                    symbolPen=pg.mkPen(self.theme.colour(colour), width=1.5),
                    symbolBrush=self.theme.colour(colour),
                ),
                label,
            )

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
                parts.append(QCoreApplication.translate("Charts", "pain {0}").format(number(pain)))
            if worst is not None:
                parts.append(
                    QCoreApplication.translate("Charts", "worst {0}").format(number(worst))
                )
            if sleep is not None and hours is not None:
                parts.append(
                    QCoreApplication.translate("Charts", "sleep {0} ({1} h)").format(
                        number(sleep), f"{hours:g}"
                    )
                )
            elif sleep is not None:
                parts.append(
                    QCoreApplication.translate("Charts", "sleep {0}").format(number(sleep))
                )
            elif hours is not None:
                parts.append(
                    QCoreApplication.translate("Charts", "slept {0} h").format(f"{hours:g}")
                )
        count = self.session_counts.get(day_number(date), 0)
        stopped = self.stopped_counts.get(day_number(date), 0)
        if count:
            parts.append(
                QCoreApplication.translate("Charts", "1 session")
                if count == 1
                else QCoreApplication.translate("Charts", "{0} sessions").format(count)
            )
        if stopped:
            parts[-1] += (
                QCoreApplication.translate("Charts", " (stopped early)")
                if count == 1
                else QCoreApplication.translate("Charts", ", {0} stopped early").format(stopped)
            )
        if not parts:
            parts.append(QCoreApplication.translate("Charts", "nothing logged"))
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
        if not any(plot.sceneBoundingRect().contains(position) for plot in self.plots):
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
