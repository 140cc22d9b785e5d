"""Trends and insights, checked against numbers worked out by hand (the arithmetic is in comments)."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.analytics.trends import (
    Adherence,
    DailySeries,
    Effect,
    Strength,
    TagLink,
    adherence,
    average_ranks,
    daily_series,
    rolling_mean,
    session_effects,
    sleep_and_pain,
    spearman,
    strength,
    tag_associations,
)
from coach.core.log.entries import DayEntry, SessionRecord

CET = dt.timezone(dt.timedelta(hours=1))
D0 = dt.date(2024, 1, 1)


def day(offset: int, **values: object) -> DayEntry:
    return DayEntry(D0 + dt.timedelta(days=offset), **values)


def session(
    routine_id: str,
    title: str,
    before: int | None,
    after: int | None,
    when: dt.datetime | dt.date = dt.datetime(2024, 1, 1, 21, 0, tzinfo=CET),
) -> SessionRecord:
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time(21, 0), tzinfo=CET)
    return SessionRecord(
        routine_id,
        title,
        when,
        when + dt.timedelta(minutes=10),
        600.0,
        600.0,
        True,
        10,
        pain_before=before,
        pain_after=after,
    )


# -- daily series ----------------------------------------------------------------------------


def test_daily_series_is_continuous_and_leaves_gaps_empty() -> None:
    # across a month end and the European clock change (31 March 2024): dates are dates
    days = [
        DayEntry(dt.date(2024, 3, 30), pain=4, worst_pain=6, sleep_quality=6, sleep_hours=7.5),
        DayEntry(dt.date(2024, 4, 1), pain=5, stress=3),
        DayEntry(dt.date(2024, 4, 5), pain=9),  # outside the range: ignored
        DayEntry(dt.date(2024, 3, 1), pain=9),  # outside the range: ignored
    ]
    series = daily_series(days, dt.date(2024, 3, 30), dt.date(2024, 4, 2))
    assert series == DailySeries(
        dates=(
            dt.date(2024, 3, 30),
            dt.date(2024, 3, 31),
            dt.date(2024, 4, 1),
            dt.date(2024, 4, 2),
        ),
        pain=(4.0, None, 5.0, None),
        worst_pain=(6.0, None, None, None),
        sleep_quality=(6.0, None, None, None),
        sleep_hours=(7.5, None, None, None),
        stress=(None, None, 3.0, None),
    )
    assert all(isinstance(v, float) for v in series.pain if v is not None)


def test_a_zero_is_a_rating_not_a_gap() -> None:
    series = daily_series([day(0, pain=0, stress=0)], D0, D0)
    assert series.pain == (0.0,)
    assert series.stress == (0.0,)
    assert series.sleep_quality == (None,)


def test_daily_series_of_an_empty_range() -> None:
    series = daily_series([day(0, pain=3)], D0, D0 - dt.timedelta(days=1))
    assert series.dates == () == series.pain == series.sleep_hours


# -- rolling mean ----------------------------------------------------------------------------


def test_rolling_mean_by_hand() -> None:
    values = [2.0, None, 4.0, 6.0, None, None, 8.0, 10.0, 3.0]
    # window 3, at least 2 values:
    # [2]            1 value   -> None
    # [2, -]         1 value   -> None
    # [2, -, 4]      (2+4)/2   = 3
    # [-, 4, 6]      (4+6)/2   = 5
    # [4, 6, -]      (4+6)/2   = 5
    # [6, -, -]      1 value   -> None
    # [-, -, 8]      1 value   -> None
    # [-, 8, 10]     (8+10)/2  = 9
    # [8, 10, 3]     21/3      = 7
    assert rolling_mean(values, window=3, min_values=2) == (
        None,
        None,
        3.0,
        5.0,
        5.0,
        None,
        None,
        9.0,
        7.0,
    )


def test_rolling_mean_defaults_need_four_of_seven_days() -> None:
    values = [5.0, 5.0, None, 6.0, None, 7.0, None, 4.0]
    # days 0-4 have at most 3 values in their window -> None
    # day 5: 5, 5, 6, 7       -> 23/4 = 5.75
    # day 6: window 0..6, same values -> 5.75
    # day 7: window 1..7: 5, 6, 7, 4 -> 22/4 = 5.5
    assert rolling_mean(values) == (None, None, None, None, None, 5.75, 5.75, 5.5)


def test_rolling_mean_with_min_values_equal_to_window_needs_every_day() -> None:
    # [1, 2, 3] -> 2; then the gap is inside every window -> None
    assert rolling_mean([1.0, 2.0, 3.0, None, 5.0], window=3, min_values=3) == (
        None,
        None,
        2.0,
        None,
        None,
    )


def test_rolling_mean_of_nothing() -> None:
    assert rolling_mean([]) == ()
    assert rolling_mean([None] * 10) == (None,) * 10


@pytest.mark.parametrize(("window", "min_values"), [(0, 1), (3, 0), (3, 4), (-1, -1)])
def test_rolling_mean_refuses_impossible_windows(window: int, min_values: int) -> None:
    with pytest.raises(ValueError, match="must be"):
        rolling_mean([1.0], window=window, min_values=min_values)


@settings(max_examples=200, deadline=None)
@given(
    constant=st.floats(min_value=-100, max_value=100, allow_nan=False),
    present=st.lists(st.booleans(), max_size=60),
    window=st.integers(min_value=1, max_value=10),
    data=st.data(),
)
def test_rolling_mean_of_a_constant_is_that_constant(
    constant: float, present: list[bool], window: int, data: st.DataObject
) -> None:
    min_values = data.draw(st.integers(min_value=1, max_value=window))
    values = [constant if p else None for p in present]
    means = rolling_mean(values, window=window, min_values=min_values)
    assert len(means) == len(values)
    for i, mean in enumerate(means):
        logged = sum(1 for v in values[max(0, i - window + 1) : i + 1] if v is not None)
        if logged >= min_values:
            assert mean == pytest.approx(constant, rel=1e-12, abs=1e-12)
        else:
            assert mean is None


# -- session effects -------------------------------------------------------------------------

KINDS = {"pmr-4": "pmr", "pmr-16": "pmr", "massage-low-back": "massage", "neck": "stretching"}


def test_session_effects_by_hand() -> None:
    sessions = [
        # Short PMR, rated both times: 6->4, 5->4, 7->5, 4->4, 6->3
        session("pmr-4", "Short PMR", 6, 4),
        session("pmr-4", "Short PMR", 5, 4),
        session("pmr-4", "Short PMR", 7, 5),
        session("pmr-4", "Short PMR", 4, 4),
        session("pmr-4", "Short PMR", 6, 3),
        session("pmr-4", "Short PMR", 6, None),  # no after: does not count
        session("pmr-4", "Short PMR", None, 2),  # no before: does not count
        # Ball massage: 5->4, 6->6, 5->3
        session("massage-low-back", "Ball massage", 5, 4),
        session("massage-low-back", "Ball massage", 6, 6),
        session("massage-low-back", "Ball massage", 5, 3),
        session("pmr-16", "Long PMR", 7, 6),
        session("neck", "Neck stretch", 3, 2),
        session("gone", "Retired routine", None, None),  # no longer in the library
    ]
    by_title, by_kind = session_effects(sessions, KINDS)

    # Short PMR: before (6+5+7+4+6)/5 = 28/5 = 5.6; after (4+4+5+4+3)/5 = 20/5 = 4.0;
    # changes -2, -1, -2, 0, -3 -> -8/5 = -1.6
    short = by_title[0]
    assert (short.name, short.count, short.enough) == ("Short PMR", 5, True)
    assert short.mean_before == pytest.approx(5.6)
    assert short.mean_after == pytest.approx(4.0)
    assert short.mean_change == pytest.approx(-1.6)

    # Ball massage: before 16/3 = 5.33; after 13/3 = 4.33; changes -1, 0, -2 -> -3/3 = -1
    ball = by_title[1]
    assert (ball.name, ball.count, ball.enough) == ("Ball massage", 3, False)
    assert ball.mean_before == pytest.approx(16 / 3)
    assert ball.mean_after == pytest.approx(13 / 3)
    assert ball.mean_change == pytest.approx(-1.0)

    # one session each: ties sorted by name; the never-rated routine last, with count 0
    assert [(e.name, e.count) for e in by_title[2:]] == [
        ("Long PMR", 1),
        ("Neck stretch", 1),
        ("Retired routine", 0),
    ]
    assert by_title[4] == Effect("Retired routine", 0, None, None, None, False)

    # per kind: PMR = Short PMR's 5 + Long PMR's 7->6: before (28+7)/6 = 35/6,
    # after (20+6)/6 = 26/6, change (-8-1)/6 = -1.5
    # by kind, named by the kind's id ("" for a routine no longer in the library)
    assert [(e.name, e.count) for e in by_kind] == [
        ("pmr", 6),
        ("massage", 3),
        ("stretching", 1),
        ("", 0),
    ]
    pmr = by_kind[0]
    assert pmr.mean_before == pytest.approx(35 / 6)
    assert pmr.mean_after == pytest.approx(26 / 6)
    assert pmr.mean_change == pytest.approx(-1.5)
    assert pmr.enough


def test_session_effects_threshold_is_adjustable() -> None:
    sessions = [session("pmr-4", "Short PMR", 5, 4)] * 2
    by_title, _ = session_effects(sessions, KINDS, min_sessions=2)
    assert by_title[0].enough
    by_title, _ = session_effects(sessions, KINDS, min_sessions=3)
    assert not by_title[0].enough


def test_session_effects_of_no_sessions() -> None:
    assert session_effects([], KINDS) == ([], [])


# -- sleep and pain --------------------------------------------------------------------------


def test_average_ranks_share_ties() -> None:
    # sorted 3, 5, 5, 7, 9: ranks 1, (2+3)/2 = 2.5 twice, 4, 5
    assert average_ranks([7, 5, 5, 9, 3]) == [4.0, 2.5, 2.5, 5.0, 1.0]
    assert average_ranks([4, 4, 4]) == [2.0, 2.0, 2.0]
    assert average_ranks([]) == []


# sleep xs = 7, 5, 5, 9, 3    ranks rx = 4, 2.5, 2.5, 5, 1     mean 3
# pain  ys = 3, 5, 6, 3, 7    ranks ry = 1.5, 3, 4, 1.5, 5     mean 3
# dx = 1, -0.5, -0.5, 2, -2   dy = -1.5, 0, 1, -1.5, 2
# sum dx*dy = -1.5 + 0 - 0.5 - 3 - 4 = -9
# sum dx^2 = 1 + 0.25 + 0.25 + 4 + 4 = 9.5;  sum dy^2 = 2.25 + 0 + 1 + 2.25 + 4 = 9.5
# rho = -9 / sqrt(9.5 * 9.5) = -9 / 9.5 = -0.947368...
SLEEP = [7, 5, 5, 9, 3]
PAIN = [3, 5, 6, 3, 7]


def test_spearman_with_ties_by_hand() -> None:
    assert spearman(SLEEP, PAIN) == pytest.approx(-9 / 9.5)
    assert spearman(PAIN, SLEEP) == spearman(SLEEP, PAIN)


def test_spearman_of_constant_or_tiny_data_is_none() -> None:
    assert spearman([5, 5, 5], [1, 2, 3]) is None
    assert spearman([1, 2, 3], [4, 4, 4]) is None
    assert spearman([1], [2]) is None
    assert spearman([], []) is None
    with pytest.raises(ValueError, match="pairs"):
        spearman([1, 2], [1])


def test_sleep_and_pain_by_hand() -> None:
    days = [
        day(i, sleep_quality=s, pain=p) for i, (s, p) in enumerate(zip(SLEEP, PAIN, strict=True))
    ]
    days.append(day(10, sleep_quality=8))  # no pain: not a pair
    days.append(day(11, pain=2))  # no sleep: not a pair
    result = sleep_and_pain(days, min_days=5)
    assert result.pairs == ((7.0, 3.0), (5.0, 5.0), (5.0, 6.0), (9.0, 3.0), (3.0, 7.0))
    assert result.days == 5
    assert result.rho == pytest.approx(-0.947368, abs=1e-6)
    assert result.enough
    assert result.needed_more == 0
    assert result.strength is Strength.STRONG


def test_sleep_and_pain_says_how_many_more_days_are_needed() -> None:
    days = [day(i, sleep_quality=i % 10, pain=9 - i % 10) for i in range(9)]
    days += [day(20 + i, pain=4) for i in range(10)]  # pain alone does not count
    result = sleep_and_pain(days)
    assert (result.days, result.rho, result.enough, result.needed_more) == (9, None, False, 5)
    assert result.needed == 14


def test_sleep_and_pain_with_constant_sleep_has_no_rho() -> None:
    days = [day(i, sleep_quality=6, pain=i % 7) for i in range(20)]
    result = sleep_and_pain(days)
    assert result.rho is None
    assert result.enough
    assert result.days == 20
    assert result.strength is None


def test_sleep_and_pain_positive_and_very_weak() -> None:
    # sleep and pain rising together: rho = 1
    rising = [day(i, sleep_quality=i, pain=i) for i in range(5)]
    assert sleep_and_pain(rising, min_days=5).rho == pytest.approx(1.0)
    # 1..4 against 2, 1, 1, 2 (ranks 3.5, 1.5, 1.5, 3.5): dx = -1.5, -0.5, 0.5, 1.5,
    # dy = 1, -1, -1, 1 -> sum dx*dy = -1.5 + 0.5 - 0.5 + 1.5 = 0 -> rho 0
    flat = [day(i, sleep_quality=i + 1, pain=p) for i, p in enumerate([2, 1, 1, 2])]
    result = sleep_and_pain(flat, min_days=4)
    assert result.rho == pytest.approx(0.0)
    assert result.strength is Strength.VERY_WEAK


@pytest.mark.parametrize(
    ("rho", "expected"),
    [
        (0.0, Strength.VERY_WEAK),
        (0.09, Strength.VERY_WEAK),
        (-0.1, Strength.WEAK),
        (0.29, Strength.WEAK),
        (0.3, Strength.MODERATE),
        (-0.49, Strength.MODERATE),
        (0.5, Strength.STRONG),
        (-1.0, Strength.STRONG),
    ],
)
def test_strength(rho: float, expected: Strength) -> None:
    assert strength(rho) is expected


ratings = st.integers(min_value=0, max_value=10)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ratings, ratings), min_size=2, max_size=60))
def test_spearman_is_bounded_and_symmetric(pairs: list[tuple[int, int]]) -> None:
    xs = [float(p[0]) for p in pairs]
    ys = [float(p[1]) for p in pairs]
    rho = spearman(xs, ys)
    assert rho == spearman(ys, xs)
    if len(set(xs)) == 1 or len(set(ys)) == 1:
        assert rho is None
        return
    assert rho is not None
    assert -1.0 <= rho <= 1.0
    assert spearman(xs, xs) == pytest.approx(1.0)
    assert spearman(xs, [-y for y in ys]) == pytest.approx(-rho, abs=1e-12)


# -- tags ------------------------------------------------------------------------------------


def tagged_days() -> list[DayEntry]:
    return [
        day(0, pain=3, tags=("walk", "daily")),
        day(1, pain=4, tags=("walk", "daily")),
        day(2, pain=2, tags=("walk", "daily")),
        day(3, pain=6, tags=("daily",)),
        day(4, pain=5, tags=("daily",)),
        day(5, pain=7, tags=("long drive", "daily")),
        day(6, pain=8, tags=("long drive", "daily")),
        day(7, pain=6, tags=("long drive", "daily")),
        day(8, tags=("walk",)),  # no pain: counts on neither side
        day(9, pain=4, tags=("rain",)),
    ]


def test_tag_associations_by_hand() -> None:
    # walk: with 3, 4, 2 -> 9/3 = 3.0; without 6, 5, 7, 8, 6, 4 -> 36/6 = 6.0; difference -3.0
    # long drive: with 7, 8, 6 -> 7.0; without 3, 4, 2, 6, 5, 4 -> 24/6 = 4.0; difference +3.0
    # rain: 1 day with it -> left out; daily: 1 day without it (day 9) -> left out
    assert tag_associations(tagged_days(), min_days_each=3) == [
        TagLink("walk", 3.0, 3, 6.0, 6, -3.0),
        TagLink("long drive", 7.0, 3, 4.0, 6, 3.0),
    ]


def test_tag_associations_need_enough_days_on_both_sides() -> None:
    assert tag_associations(tagged_days(), min_days_each=4) == []
    # with a threshold of 1 the rare tags appear too: daily = (3+4+2+6+5+7+8+6)/8 = 41/8
    # against 4 -> +1.125; rain = 4 against 41/8 -> -1.125
    links = tag_associations(tagged_days(), min_days_each=1)
    assert [link.tag for link in links] == ["walk", "rain", "daily", "long drive"]
    assert links[1].difference == pytest.approx(4 - 41 / 8)
    assert links[2].difference == pytest.approx(41 / 8 - 4)


def test_tag_associations_default_threshold_is_five() -> None:
    days = [day(i, pain=2, tags=("walk",)) for i in range(5)]
    days += [day(10 + i, pain=5) for i in range(4)]
    assert tag_associations(days) == []  # only 4 days without
    days.append(day(20, pain=6))
    # with 2 (5 days); without 5, 5, 5, 5, 6 -> 26/5 = 5.2; difference -3.2
    [link] = tag_associations(days)
    assert (link.with_days, link.without_days) == (5, 5)
    assert link.difference == pytest.approx(-3.2)


# -- adherence -------------------------------------------------------------------------------


def on(*dates: dt.date) -> list[SessionRecord]:
    return [session("pmr-4", "Short PMR", None, None, when=d) for d in dates]


LEAP_WEEK = on(
    dt.date(2024, 2, 18),  # before the range: not in any week, but still part of history
    dt.date(2024, 2, 25),
    dt.date(2024, 2, 27),
    dt.date(2024, 2, 28),
    dt.date(2024, 2, 29),
    dt.date(2024, 3, 1),
    dt.date(2024, 3, 2),
    dt.date(2024, 3, 2),  # two on the same day
)


def test_adherence_across_a_month_end() -> None:
    result = adherence(LEAP_WEEK, dt.date(2024, 2, 19), dt.date(2024, 3, 3), dt.date(2024, 3, 2))
    # streak: 2 Mar, 1 Mar, 29 Feb, 28 Feb, 27 Feb; nothing on 26 Feb -> 5
    # last 7 days, 25 Feb to 2 Mar: 25, 27, 28, 29, 1, 2, 2 -> 7 sessions
    # weeks: Mon 19 Feb holds 25 Feb -> 1; Mon 26 Feb holds 27, 28, 29, 1, 2, 2 -> 6
    assert result == Adherence(
        weeks=((dt.date(2024, 2, 19), 1), (dt.date(2024, 2, 26), 6)),
        streak_days=5,
        last_7_days=7,
    )


def test_streak_counts_from_yesterday_while_today_is_empty() -> None:
    result = adherence(LEAP_WEEK, dt.date(2024, 2, 19), dt.date(2024, 3, 3), dt.date(2024, 3, 3))
    # today (3 Mar) has none yet: 2 Mar back to 27 Feb -> 5
    # last 7 days, 26 Feb to 3 Mar: 27, 28, 29, 1, 2, 2 -> 6
    assert (result.streak_days, result.last_7_days) == (5, 6)
    # two empty days in a row end the streak
    later = adherence(LEAP_WEEK, dt.date(2024, 2, 19), dt.date(2024, 3, 4), dt.date(2024, 3, 4))
    assert later.streak_days == 0


def test_streak_across_a_year_end() -> None:
    sessions = on(dt.date(2023, 12, 30), dt.date(2023, 12, 31), dt.date(2024, 1, 1))
    result = adherence(sessions, dt.date(2023, 12, 1), dt.date(2024, 1, 1), dt.date(2024, 1, 1))
    assert result.streak_days == 3
    # 1 Dec 2023 is a Friday: its week starts Monday 27 Nov; 30 and 31 Dec fall in the week of
    # Monday 25 Dec, 1 Jan starts a week of its own
    assert result.weeks[0] == (dt.date(2023, 11, 27), 0)
    assert result.weeks[-2:] == ((dt.date(2023, 12, 25), 2), (dt.date(2024, 1, 1), 1))
    assert len(result.weeks) == 6


def test_adherence_with_nothing_recent_encourages() -> None:
    result = adherence(on(dt.date(2024, 1, 2)), D0, dt.date(2024, 1, 31), dt.date(2024, 1, 31))
    assert (result.streak_days, result.last_7_days) == (0, 0)
    empty = adherence([], D0, D0, D0)
    assert empty.weeks == ((D0, 0),)  # 1 Jan 2024 is a Monday
    assert (empty.streak_days, empty.last_7_days) == (0, 0)


def test_one_session_today() -> None:
    result = adherence(on(D0), D0, D0, D0)
    assert (result.streak_days, result.last_7_days) == (1, 1)


def test_a_session_counts_on_the_local_date_it_started() -> None:
    # 23:30 at UTC-10 is already the next day in UTC; it belongs to the day it was played
    late = dt.datetime(2024, 1, 1, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-10)))
    result = adherence(
        [session("pmr-4", "Short PMR", 5, 4, when=late)], D0, D0, dt.date(2024, 1, 2)
    )
    assert result.weeks == ((D0, 1),)
    assert result.streak_days == 1


# -- properties ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    span=st.integers(min_value=-3, max_value=800),
    logged=st.sets(st.integers(min_value=-5, max_value=805), max_size=40),
)
def test_daily_series_has_one_value_per_day(start: dt.date, span: int, logged: set[int]) -> None:
    end = start + dt.timedelta(days=span)
    days = [DayEntry(start + dt.timedelta(days=i), pain=i % 11) for i in logged]
    series = daily_series(days, start, end)
    length = max(0, span + 1)
    assert len(series.dates) == length
    for values in (
        series.pain,
        series.worst_pain,
        series.sleep_quality,
        series.sleep_hours,
        series.stress,
    ):
        assert len(values) == length
    assert all(
        b - a == dt.timedelta(days=1) for a, b in zip(series.dates, series.dates[1:], strict=False)
    )
    assert sum(v is not None for v in series.pain) == sum(0 <= i <= span for i in logged)
    assert not any(math.isnan(v) for v in series.pain if v is not None)
