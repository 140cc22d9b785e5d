"""The smaller charts: sessions' effect on pain, sleep against pain, sessions per week."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from coach.core.analytics.trends import Adherence, Effect, SleepPain
from coach.ui.trends.charts import ChartTheme
from coach.ui.trends.insight_charts import AdherenceChart, EffectChart, SleepChart


@pytest.fixture
def theme(qapp) -> ChartTheme:
    return ChartTheme.from_palette(QPalette())


def shown(qtbot: QtBot, chart):
    qtbot.addWidget(chart)
    chart.resize(500, 320)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_each_effect_is_a_bar_labelled_with_its_numbers(qtbot: QtBot, theme) -> None:
    chart = shown(qtbot, EffectChart(theme))
    chart.set_effects(
        [Effect("Relaxation (PMR)", 8, 5.0, 3.5, -1.5, True)],
        [
            Effect("Evening wind-down", 8, 5.0, 3.5, -1.5, True),
            Effect("Desk stretch", 2, 4.0, 4.5, 0.5, False),
            Effect("New one", 0, None, None, None, False),
        ],
    )
    assert chart.labels == [
        "Relaxation (PMR): -1.5   (5.0 → 3.5, n = 8)",
        "New one: n = 0 — too few to say",
        "Desk stretch: +0.5   (4.0 → 4.5, n = 2) — too few to say",
        "Evening wind-down: -1.5   (5.0 → 3.5, n = 8)",
    ]
    assert chart.accessibleName() == "Pain before and after sessions"


def test_without_effects_the_chart_is_empty_and_keeps_a_heading(qtbot: QtBot, theme) -> None:
    chart = shown(qtbot, EffectChart(theme))
    chart.set_heading("Effect, 2 Mar 2026 to 29 Mar 2026")
    chart.set_effects([], [])
    assert chart.labels == []
    assert chart.heading is not None
    assert chart.heading.text == "Effect, 2 Mar 2026 to 29 Mar 2026"


def test_sleep_against_pain_draws_one_dot_per_pair_sized_by_its_days(qtbot: QtBot, theme) -> None:
    chart = shown(qtbot, SleepChart(theme))
    chart.set_result(SleepPain(((6, 3), (6, 3), (6, 3), (2, 7)), 4, -0.8, False, 10))

    spots = sorted(chart.points.data["size"])
    assert len(spots) == 2
    assert spots[1] > spots[0], "the pair seen on three days is bigger"
    assert chart.plot.titleLabel.text == "Rank correlation -0.80 over 4 days"

    chart.set_result(SleepPain(((6, 3),) * 12, 12, None, True, 0))  # no variation: no rho
    assert chart.plot.titleLabel.text == "12 days"

    chart.set_result(SleepPain(((6, 3),), 1, None, True, 0))
    assert chart.plot.titleLabel.text == "1 day"


def test_weeks_only_partly_in_the_period_are_outlined(qtbot: QtBot, theme) -> None:
    chart = shown(qtbot, AdherenceChart(theme))
    start, end = dt.date(2026, 3, 4), dt.date(2026, 3, 22)  # a Wednesday to a Sunday
    weeks = ((dt.date(2026, 3, 2), 2), (dt.date(2026, 3, 9), 5), (dt.date(2026, 3, 16), 9))

    chart.set_result(Adherence(weeks, 3, 4), start, end)

    assert chart.partial_weeks == 1, "the first week began before the period"
    brushes = chart.bars.opts["brushes"]
    assert brushes[0].color().alpha() == 0
    assert brushes[1].color().alpha() == 255
    assert chart.plot.viewRange()[1][1] == pytest.approx(10.0), "room above the busiest week"
