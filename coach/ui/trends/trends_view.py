"""The Trends view: am I getting better, do the sessions help, does bad sleep go with worse pain?

`TrendsPage` stands in the main window and builds the real `TrendsView` the first time it is
shown, so pyqtgraph (imported by `coach.ui.trends.charts` and the charts built on it) is loaded only
then. The statistics come from `coach.core.analytics.trends`; this module only asks the log, calls those
functions and shows the result.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from coach.core.analytics import trends as analytics
from coach.core.analytics.trend_summary import week_summary
from coach.core.log.entries import DayEntry, SessionRecord
from coach.services.routine_catalog import RoutineCatalog
from coach.store.repository import LogRepository
from coach.ui.trends.better_days import MIN_TAG_DAYS, better_days_text
from coach.ui.trends.chart_files import save_buttons
from coach.ui.trends.trend_words import (
    adherence_sentence,
    effect_line,
    empty_text,
    kinds_named,
    sleep_pain_sentence,
    summary_sentence,
)
from coach.ui.trends.trends_screen import CHART_STRETCH, DEFAULT_PRESET, PRESETS, TrendsScreen

if TYPE_CHECKING:
    from coach.ui.trends.charts import Chart
    from coach.ui.trends.insight_charts import AdherenceChart, EffectChart, SleepChart

Today = Callable[[], dt.date]


def _has_rating(day: DayEntry) -> bool:
    return any(
        value is not None
        for value in (day.pain, day.worst_pain, day.sleep_quality, day.sleep_hours)
    )


class TrendsPage(QStackedWidget):
    """The Trends entry in the main window: builds `TrendsView` (and loads pyqtgraph) on first show.

    `status_changed` says when `status_text` (for the window's status bar) changed.
    """

    status_changed = Signal(str)

    def __init__(
        self, log: LogRepository, routines: RoutineCatalog, today: Today = dt.date.today
    ) -> None:
        super().__init__()
        self._args = (log, routines, today)
        self.view: TrendsView | None = None
        self.setAccessibleName(self.tr("Trends"))
        self.addWidget(QLabel(self.tr("Loading trends…")))

    @property
    def status_text(self) -> str:
        """What the status bar says while this page is shown."""
        return self.view.status_text if self.view is not None else ""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Build the real view the first time it is needed."""
        if self.view is None:
            self.view = TrendsView(*self._args)
            self.view.status_changed.connect(self.status_changed)
            self.addWidget(self.view)
            self.setCurrentWidget(self.view)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new theme: the charts, which hold their colours, are drawn again in the new ones."""
        super().changeEvent(event)
        old = self.view
        if event.type() != QEvent.Type.PaletteChange or old is None:
            return
        if old.charts.ChartTheme.from_palette(self.palette()) == old.theme:
            return
        self.view = TrendsView(*self._args)
        self.view.status_changed.connect(self.status_changed)
        self.addWidget(self.view)
        self.setCurrentWidget(self.view)
        self.view.set_preset(old.preset)
        self.view.tabs.setCurrentIndex(old.tabs.currentIndex())
        self.removeWidget(old)
        old.deleteLater()


class TrendsView(TrendsScreen):
    """Charts and plain sentences about the log over a chosen period (a preset range).

    The widgets are `TrendsScreen`'s; this class reads the log, puts the charts in, and words
    each section for the period chosen.
    """

    status_changed = Signal(str)

    def __init__(
        self,
        log: LogRepository,
        routines: RoutineCatalog,
        today: Today = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from coach.ui.trends import (
            charts,  # pyqtgraph: only now
            insight_charts,  # pyqtgraph: only now
        )
        from coach.ui.trends.trends_chart import TrendsChart

        self.charts = charts
        self.insight_charts = insight_charts
        self.log = log
        self.routines = routines
        self._today = today
        self.status_text = ""
        self.days: list[DayEntry] = []
        self.sessions: list[SessionRecord] = []
        self.first: dt.date | None = None
        self.start = self.end = today()
        self.preset = DEFAULT_PRESET
        self._stale: set[int] = set()  # tabs whose figures are out of date
        self._current = False  # whether the log was read since the view was last hidden
        self.setAccessibleName(self.tr("Trends"))
        self.theme = charts.ChartTheme.from_palette(self.palette())
        self.trends_chart = TrendsChart(self.theme)
        self._charts: dict[int, Chart] = {0: self.trends_chart}  # the others: when first shown
        self.page_layouts[0].insertWidget(1, self.trends_chart, CHART_STRETCH)
        self.page_layouts[0].addLayout(save_buttons(self.trends_chart, self, self._period))
        self.preset_buttons.idClicked.connect(self.set_preset)
        self.trends_chart.day_shown.connect(self.hover_label.setText)
        self.trends_chart.averaged_by_changed.connect(self._show_averaging)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.reload()

    def _period(self) -> tuple[dt.date, dt.date]:
        return self.start, self.end

    def _chart(self, index: int) -> Chart:
        """The chart on tab `index`, made (with its export buttons) when first needed."""
        chart = self._charts.get(index)
        if chart is None:
            kinds = {
                1: self.insight_charts.EffectChart,
                2: self.insight_charts.SleepChart,
                4: self.insight_charts.AdherenceChart,
            }
            chart = kinds[index](self.theme)
            self.page_layouts[index].insertWidget(1, chart, CHART_STRETCH)
            self.page_layouts[index].addLayout(save_buttons(chart, self, self._period))
            self._charts[index] = chart
        return chart

    @property
    def effect_chart(self) -> EffectChart:
        """Pain before and after sessions."""
        return cast("EffectChart", self._chart(1))

    @property
    def sleep_chart(self) -> SleepChart:
        """Sleep quality against pain."""
        return cast("SleepChart", self._chart(2))

    @property
    def adherence_chart(self) -> AdherenceChart:
        """Sessions per week."""
        return cast("AdherenceChart", self._chart(4))

    # -- data ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Catch up with what was logged while the view was hidden."""
        super().showEvent(event)
        if not self._current:
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        """From now on, the log may change behind the view's back."""
        super().hideEvent(event)
        self._current = False

    def reload(self) -> None:
        """Read the log again; redraw only if something changed."""
        self._current = True
        today = self._today()
        try:
            span = self.log.date_range()
            days = self.log.days(*span) if span else []
            sessions = self.log.sessions(*span) if span else []
        except sqlite3.Error as trouble:
            self.empty_label.setText(self.tr("Could not read the log: {0}").format(trouble))
            self.body.setCurrentWidget(self.empty_label)
            return
        if span is None or not any(_has_rating(d) for d in days):
            self.days, self.sessions, self.first = [], [], None
            self.empty_label.setText(empty_text())
            self.summary.hide()
            self.body.setCurrentWidget(self.empty_label)
            self.status_text = ""
            self.status_changed.emit("")
            return
        self.body.setCurrentWidget(self.tabs)
        self.summary.show()
        if days == self.days and sessions == self.sessions and span[0] == self.first:
            return
        first_load = self.first is None
        self.days, self.sessions, self.first = days, sessions, span[0]
        last = max(span[1], today)
        self.trends_chart.set_data(analytics.daily_series(days, span[0], last), sessions)
        if first_load and (last - span[0]).days < (PRESETS[DEFAULT_PRESET][1] or 0):
            self.preset = len(PRESETS) - 1  # a young log: all of it
        self.set_preset(self.preset)

    def set_preset(self, number: int) -> None:
        """Show one of PRESETS: the chart's range and the period every figure is about."""
        self.preset = number
        self.preset_buttons.button(number).setChecked(True)
        if self.first is None:
            return
        today = self._today()
        length = PRESETS[number][1]
        self.end = max(today, self.days[-1].date if self.days else today)
        self.start = self.first if length is None else self.end - dt.timedelta(days=length - 1)
        self.trends_chart.show_range(self.start, self.end)
        locale = self.locale()
        self.period_label.setText(
            self.tr("{0} to {1}").format(
                locale.toString(self.charts.qdate(self.start), "d MMM yyyy"),
                locale.toString(self.charts.qdate(self.end), "d MMM yyyy"),
            )
        )
        self.summary.setText(summary_sentence(week_summary(self.days, self._today())))
        days_in = sum(1 for d in self.days if self.start <= d.date <= self.end)
        self.status_text = self.tr("{0} days logged in this period").format(days_in)
        self.status_changed.emit(self.status_text)
        self._stale = set(range(1, self.tabs.count()))
        self._tab_changed(self.tabs.currentIndex())

    def _in_range(self) -> tuple[list[DayEntry], list[SessionRecord]]:
        days = [d for d in self.days if self.start <= d.date <= self.end]
        sessions = [s for s in self.sessions if self.start <= s.day <= self.end]
        return days, sessions

    def _tab_changed(self, index: int) -> None:
        if index not in self._stale:
            return
        self._stale.discard(index)
        days, sessions = self._in_range()
        if index == 1:
            self._show_effects(sessions)
        elif index == 2:
            self._show_sleep(days)
        elif index == 3:
            self._show_tags(days)
        elif index == 4:
            self._show_adherence(sessions)

    # -- sections ------------------------------------------------------------------------------

    def _show_effects(self, sessions: list[SessionRecord]) -> None:
        # the kind of each routine, from the library as it is now (a routine may have gone)
        by_routine, kinds = analytics.session_effects(sessions, self.routines.kind_of())
        by_kind = kinds_named(kinds)
        rated = any(e.count for e in by_kind)
        if not sessions:
            text = self.tr(
                "No sessions in this period. Rate your pain before and after a routine, and this "
                "shows whether sessions help."
            )
        elif not rated:
            text = self.tr(
                "None of the sessions in this period has pain rated both before and after, so "
                "there is nothing to compare yet."
            )
        else:
            lines = [effect_line(e) for e in (*by_kind, *by_routine) if e.count]
            lines.append(
                self.tr(
                    "This compares pain just before and just after a session; it cannot tell how "
                    "the pain would have changed without one."
                )
            )
            text = "\n".join(lines)
        self.effect_text.setText(text)
        self.effect_chart.setVisible(rated)
        if rated:
            self.effect_chart.set_effects(by_kind, by_routine)

    def _show_sleep(self, days: list[DayEntry]) -> None:
        result = analytics.sleep_and_pain(days)
        self.sleep_text.setText(sleep_pain_sentence(result))
        shown = result.enough and result.rho is not None
        self.sleep_chart.setVisible(shown)
        if shown:
            self.sleep_chart.set_result(result)

    def _show_tags(self, days: list[DayEntry]) -> None:
        links = analytics.tag_associations(days, MIN_TAG_DAYS)
        self.tags_table.setVisible(bool(links))
        self.tags_table.show_links(links)
        self.tags_text.setText(better_days_text(links))

    def _show_adherence(self, sessions: list[SessionRecord]) -> None:
        # the streak runs up to today, whatever the period
        result = analytics.adherence(self.sessions, self.start, self.end, self._today())
        weeks = ((self.end - self.start).days + 1) / 7
        lines = [
            adherence_sentence(result),
            self.tr("{0} sessions in this period, {1:.1f} a week on average.").format(
                len(sessions), len(sessions) / weeks
            ),
        ]
        chart = self.adherence_chart
        chart.set_result(result, self.start, self.end)
        if chart.partial_weeks:
            lines.append(self.tr("An outlined bar is a week only partly in this period."))
        self.adherence_text.setText("\n".join(lines))
