"""The heat map's numbers: days marked out of days logged, mean and worst, and the 0-10 score."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from coach.core.body.heat import HeatCell, area_heat
from coach.core.log.entries import DayEntry

START = dt.date(2025, 3, 1)


def day(offset: int, **areas: int) -> DayEntry:
    return DayEntry(START + dt.timedelta(days=offset), pain=3, areas=areas)


def test_nothing_logged_gives_no_cells() -> None:
    assert area_heat([], START, START + dt.timedelta(days=29)) == {}


def test_counts_days_marked_out_of_every_logged_day_with_mean_and_worst() -> None:
    days = [
        day(0, left_lower_back=4),
        day(1, left_lower_back=8, neck=2),
        day(2),  # logged, nothing marked: counts as a day without pain there
        day(5, left_lower_back=6),
    ]

    heat = area_heat(days, START, START + dt.timedelta(days=29))

    assert heat == {
        "left_lower_back": HeatCell(3, 4, 6.0, 8),
        "neck": HeatCell(1, 4, 2.0, 2),
    }
    assert heat["left_lower_back"].frequency == 0.75


def test_days_outside_the_range_are_left_out_and_the_ends_are_included() -> None:
    days = [day(0, neck=9), day(1, neck=3), day(10, neck=5), day(11, neck=7)]

    heat = area_heat(days, START + dt.timedelta(days=1), START + dt.timedelta(days=10))

    assert heat == {"neck": HeatCell(2, 2, 4.0, 5)}


@pytest.mark.parametrize(
    ("cell", "score"),
    [
        (HeatCell(30, 30, 2.0, 2), math.sqrt(20)),  # every day, mildly: 4.5
        (HeatCell(1, 30, 10.0, 10), math.sqrt(10 / 3)),  # once at the worst: 1.8
        (HeatCell(23, 30, 5.8, 8), math.sqrt(10 * 23 / 30 * 5.8)),  # 6.7
        (HeatCell(30, 30, 10.0, 10), 10.0),
        (HeatCell(12, 30, 0.0, 0), 0.0),  # marked, but at 0
    ],
)
def test_the_score_is_the_geometric_mean_of_how_often_and_how_strongly(
    cell: HeatCell, score: float
) -> None:
    assert cell.score == pytest.approx(score)
    assert 0 <= cell.score <= 10


def test_more_often_or_more_strongly_scores_higher() -> None:
    base = HeatCell(10, 30, 5.0, 6)

    assert HeatCell(20, 30, 5.0, 6).score > base.score
    assert HeatCell(10, 30, 7.0, 8).score > base.score


def test_an_area_marked_only_at_zero_is_still_listed() -> None:
    heat = area_heat([day(0, neck=0), day(1)], START, START + dt.timedelta(days=1))

    assert heat == {"neck": HeatCell(1, 2, 0.0, 0)}
    assert heat["neck"].score == 0
