"""The per-day values of the Trends chart drawn at each level of detail.

A value rated every day (pain, worst pain, sleep quality) becomes a set of curves: each day's
value joined by a thin line with a dot per day and the 7-day average (level 0), weekly averages
(level 1) and monthly averages (level 2). Hours slept become bars at the same three levels.
`coach.ui.trends.trends_chart.TrendsChart` puts them on its plots and shows one level at a time.
Dates are day numbers (see `coach.ui.trends.charts`); missing days are NaN and the lines break there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from coach.core.analytics.trend_summary import period_means
from coach.core.analytics.trends import rolling_mean
from coach.ui.trends.charts import SKY, ChartTheme, as_array, day_number

LEVELS = ((1, "week"), (2, "month"))  # the averaged levels of detail; 0 is each day


def curve(*args: object, **kwargs: object) -> pg.PlotDataItem:
    """A plot item for values on a fixed scale (no re-clipping on every change of view)."""
    return pg.PlotDataItem(*args, dynamicRangeLimit=None, **kwargs)


def value_curves(
    theme: ChartTheme,
    x: np.ndarray,
    dates: Sequence[dt.date],
    values: Sequence[float | None],
    name: str,
    style: Qt.PenStyle,
    symbol: str,
) -> list[tuple[str, pg.PlotDataItem]]:
    """One value's curves by key: `name` (each day), `name_dots`, `name_average` (7 days),
    `name_week` and `name_month`, in the theme's colour for `name`."""
    y = as_array(values)
    known = ~np.isnan(y)
    daily = curve(
        x, y, connect="finite", pen=pg.mkPen(theme.colour(name, 110), width=1, style=style)
    )
    dots = curve(
        x[known],
        y[known],
        pen=None,
        symbol=symbol,
        symbolSize=5,
        symbolPen=None,
        symbolBrush=theme.colour(name, 150),
    )
    average = curve(
        x,
        as_array(rolling_mean(values)),
        connect="finite",
        pen=pg.mkPen(theme.colour(name), width=3, style=style),
    )
    items = [(name, daily), (f"{name}_dots", dots), (f"{name}_average", average)]
    for level, unit in LEVELS:
        means = period_means(dates, values, unit)
        items.append(
            (
                f"{name}_{unit}",
                curve(
                    np.array([day_number(m.start) + m.middle for m in means], dtype=float),
                    np.array([m.mean for m in means], dtype=float),
                    pen=pg.mkPen(theme.colour(name), width=2.5, style=style),
                    symbol=symbol,
                    symbolSize=7 if level == 1 else 9,
                    symbolPen=None,
                    symbolBrush=theme.colour(name),
                ),
            )
        )
    return items


def legend_sample(theme: ChartTheme, name: str, style: Qt.PenStyle, symbol: str) -> pg.PlotDataItem:
    """What the legend shows for a value: a stand-in that is never hidden (pyqtgraph draws a
    hidden item's sample as a "hidden" icon, and which curves show depends on the range)."""
    return pg.PlotDataItem(
        [0.0],
        [0.0],
        pen=pg.mkPen(theme.colour(name), width=3, style=style),
        symbol=symbol,
        symbolSize=7,
        symbolPen=None,
        symbolBrush=theme.colour(name),
    )


def hours_bars(
    theme: ChartTheme, x: np.ndarray, dates: Sequence[dt.date], hours: Sequence[float | None]
) -> dict[int, pg.BarGraphItem]:
    """Hours slept as bars by level: 0 a bar a day, 1 a bar a week, 2 a bar a month (each as wide
    as its period), their height the hours or their average."""
    values = as_array(hours)
    known = ~np.isnan(values)
    bars = {
        0: pg.BarGraphItem(
            x=x[known], height=values[known], width=0.8, pen=None, brush=theme.colour(SKY, 200)
        )
    }
    for level, unit in LEVELS:
        means = period_means(dates, hours, unit)
        bars[level] = pg.BarGraphItem(
            x=np.array([day_number(m.start) + m.middle for m in means], dtype=float),
            height=np.array([m.mean for m in means], dtype=float),
            width=np.array([(m.end - m.start).days + 0.6 for m in means], dtype=float),
            pen=None,
            brush=theme.colour(SKY, 200),
        )
    return bars
