"""The smaller charts of the Trends view: session effect, sleep against pain, sessions per week."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QWidget

from coach.core.analytics.trends import Adherence, Effect, SleepPain
from coach.ui.trends.charts import GREEN, ORANGE, Chart, ChartTheme, day_number

LABEL_WIDTH = 320  # pixels at most for a routine's name beside its bar


class EffectChart(Chart):
    """Mean change of pain after sessions, per kind and per routine, with the count on each bar."""

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(
            QCoreApplication.translate("Charts", "Pain before and after sessions")
        )
        self.labels: list[str] = []

    def set_effects(self, by_kind: Sequence[Effect], by_routine: Sequence[Effect]) -> None:
        """Draw one bar per effect (after minus before); too-few bars are drawn hollow."""
        self.clear()
        heading, self.heading = self.heading, None
        if heading is not None:
            self.set_heading(heading.text)
        self.labels = []
        groups = [
            (QCoreApplication.translate("Charts", "By kind of routine"), by_kind),
            (QCoreApplication.translate("Charts", "By routine"), by_routine),
        ]
        shown = [(title, effects) for title, effects in groups if effects]
        everything = [e for _, effects in shown for e in effects]
        if not everything:
            return
        limit = max([3.0] + [abs(e.mean_change or 0.0) + 2.0 for e in everything])
        metrics = QFontMetrics(self.font())
        names = {
            e.name: metrics.elidedText(e.name, Qt.TextElideMode.ElideMiddle, LABEL_WIDTH)
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
        plot.getAxis("left").setTicks([[(i, names[e.name]) for i, e in enumerate(rows)]])
        if last:
            plot.getAxis("bottom").setLabel(
                QCoreApplication.translate(
                    "Charts", "change in pain, after minus before (left: lower after)"
                ),
                color=self.theme.text.name(),
            )
        for i, effect in enumerate(rows):
            change = effect.mean_change
            text = QCoreApplication.translate("Charts", "n = {0}").format(effect.count)
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
                text += QCoreApplication.translate("Charts", " — too few to say")
            anchor_left = change is None or change >= 0
            label = pg.TextItem(text, color=self.theme.text, anchor=(0 if anchor_left else 1, 0.5))
            label.setPos((change or 0.0) + (0.15 if anchor_left else -0.15), i)
            plot.addItem(label)
            self.labels.append(f"{effect.name}: {text}")


def _pen_style(solid: bool) -> Qt.PenStyle:
    return Qt.PenStyle.SolidLine if solid else Qt.PenStyle.DashLine


class SleepChart(Chart):
    """Last night's sleep quality against the day's pain; a bigger dot stands for more days."""

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(QCoreApplication.translate("Charts", "Sleep and pain"))
        self.plot = self.add_plot(1)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for name, label in (
            (
                "bottom",
                QCoreApplication.translate(
                    "Charts", "sleep quality last night (0 terrible, 10 excellent)"
                ),
            ),
            ("left", QCoreApplication.translate("Charts", "pain that day (0-10)")),
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
        if result.days == 1:
            title = QCoreApplication.translate("Charts", "1 day")
        else:
            title = QCoreApplication.translate("Charts", "{0} days").format(result.days)
        if result.rho is not None:
            title = QCoreApplication.translate(
                "Charts", "Rank correlation {0:.2f} over {1} days"
            ).format(result.rho, result.days)
        self.plot.setTitle(title, color=self.theme.text.name())


class AdherenceChart(Chart):
    """Sessions per week as bars on a date axis."""

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setAccessibleName(QCoreApplication.translate("Charts", "Sessions per week"))
        self.plot = self.add_plot(1, dates=True)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.getAxis("left").setLabel(
            QCoreApplication.translate("Charts", "sessions per week"), color=theme.text.name()
        )
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
