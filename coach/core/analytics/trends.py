"""Trends and insights from the log: daily series, rolling means, session effects, correlations.

Everything here is plain Python on dates (never on moments), so a time zone change or a daylight
saving shift cannot move a value to another day. A day with nothing logged is a gap (None) and is
never filled in: a chart shows the gap, a mean leaves it out. The results are facts (counts,
means, a correlation and its strength); the UI words them (coach.ui.trends.trend_words), and
wherever a number could be read as a cause, its sentence says what it does not show.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from statistics import fmean

from coach.core.log.entries import DayEntry, SessionRecord

ONE_DAY = dt.timedelta(days=1)
UNKNOWN_KIND = ""  # the kind of a session whose routine is no longer in the library


def date_range(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date from `start` to `end` inclusive (empty if `end` is before `start`)."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


# -- daily series --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DailySeries:
    """One value per calendar date from start to end inclusive; None where nothing was logged."""

    dates: tuple[dt.date, ...]
    pain: tuple[float | None, ...]
    worst_pain: tuple[float | None, ...]
    sleep_quality: tuple[float | None, ...]
    sleep_hours: tuple[float | None, ...]
    stress: tuple[float | None, ...]


_SERIES_FIELDS = ("pain", "worst_pain", "sleep_quality", "sleep_hours", "stress")


def daily_series(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> DailySeries:
    """The log's ratings as continuous daily series; entries outside the range are ignored."""
    dates = tuple(date_range(start, end))
    by_date = {d.date: d for d in days if start <= d.date <= end}

    def series(name: str) -> tuple[float | None, ...]:
        values: list[float | None] = []
        for date in dates:
            entry = by_date.get(date)
            value = None if entry is None else getattr(entry, name)
            values.append(None if value is None else float(value))
        return tuple(values)

    pain, worst, sleep, hours, stress = (series(name) for name in _SERIES_FIELDS)
    return DailySeries(dates, pain, worst, sleep, hours, stress)


def rolling_mean(
    values: Sequence[float | None], window: int = 7, min_values: int = 4
) -> tuple[float | None, ...]:
    """The mean of the trailing `window` days ending on each day, over the days with a value.

    None where fewer than `min_values` of those days have a value, so a mean is never drawn
    from one or two ratings, and the start of a series stays empty until there is enough.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    if not 1 <= min_values <= window:
        raise ValueError(f"min_values must be from 1 to the window ({window}), got {min_values}")
    result: list[float | None] = []
    for i in range(len(values)):
        present = [v for v in values[max(0, i - window + 1) : i + 1] if v is not None]
        result.append(fmean(present) if len(present) >= min_values else None)
    return tuple(result)


# -- sessions: pain before and after --------------------------------------------------------------


@dataclass(frozen=True)
class Effect:
    """How pain changed around one routine's (or one kind's) sessions."""

    name: str  # the routine's title, or the routine kind ("pmr", ...; UNKNOWN_KIND if gone)
    count: int  # sessions with both a before and an after rating
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None  # after minus before: negative is lower pain after
    enough: bool  # count >= min_sessions


def _effect(name: str, records: Sequence[SessionRecord], min_sessions: int) -> Effect:
    rated = [r for r in records if r.pain_before is not None and r.pain_after is not None]
    count = len(rated)
    enough = count >= min_sessions
    if not rated:
        return Effect(name, 0, None, None, None, enough)
    before = fmean(float(r.pain_before) for r in rated if r.pain_before is not None)
    after = fmean(float(r.pain_after) for r in rated if r.pain_after is not None)
    change = fmean(float(r.pain_change) for r in rated if r.pain_change is not None)
    return Effect(name, count, before, after, change, enough)


def session_effects(
    sessions: Sequence[SessionRecord], kind_of: Mapping[str, str], min_sessions: int = 5
) -> tuple[list[Effect], list[Effect]]:
    """Pain before and after, per routine title and per kind of routine.

    `kind_of` maps a routine id to its kind ("pmr", "massage", ...); a routine not in it (since
    deleted) counts as UNKNOWN_KIND. Only sessions rated both before and after count; a routine
    played but never rated both times is listed with a count of 0. Both lists are sorted by
    count, largest first (then by name; the UI sorts kinds again once it has worded them).
    """
    by_title: dict[str, list[SessionRecord]] = defaultdict(list)
    by_kind: dict[str, list[SessionRecord]] = defaultdict(list)
    for record in sessions:
        by_title[record.routine_title].append(record)
        by_kind[kind_of.get(record.routine_id) or UNKNOWN_KIND].append(record)

    def effects(groups: dict[str, list[SessionRecord]]) -> list[Effect]:
        found = [_effect(name, records, min_sessions) for name, records in groups.items()]
        return sorted(found, key=lambda e: (-e.count, e.name))

    return effects(by_title), effects(by_kind)


# -- sleep and pain ------------------------------------------------------------------------------


class Strength(Enum):
    """How strong a correlation is, whatever its sign."""

    VERY_WEAK = "very weak"
    WEAK = "weak"
    MODERATE = "moderate"
    STRONG = "strong"


def strength(rho: float) -> Strength:
    """How strong a correlation of this size is (the sign does not matter)."""
    size = abs(rho)
    if size < 0.1:
        return Strength.VERY_WEAK
    if size < 0.3:
        return Strength.WEAK
    if size < 0.5:
        return Strength.MODERATE
    return Strength.STRONG


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, tied values sharing the mean of the ranks they span: [5, 7, 5] -> [1.5, 3, 1.5]."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        shared = (i + j) / 2 + 1  # positions i..j (from 0) are ranks i+1..j+1
        for k in range(i, j + 1):
            ranks[order[k]] = shared
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rank correlation (Pearson's on average ranks), or None if either side is constant.

    Symmetric in its arguments and always within [-1, 1].
    """
    if len(xs) != len(ys):
        raise ValueError(f"need pairs: {len(xs)} values against {len(ys)}")
    if len(xs) < 2:
        return None
    rx, ry = average_ranks(xs), average_ranks(ys)
    mx, my = fmean(rx), fmean(ry)
    dx = [r - mx for r in rx]
    dy = [r - my for r in ry]
    sxx = math.fsum(d * d for d in dx)
    syy = math.fsum(d * d for d in dy)
    if sxx == 0 or syy == 0:
        return None
    sxy = math.fsum(a * b for a, b in zip(dx, dy, strict=True))
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


@dataclass(frozen=True)
class SleepPain:
    """Whether last night's sleep and that day's pain move together."""

    pairs: tuple[tuple[float, float], ...]  # (sleep quality last night, pain that day)
    days: int  # days with both
    rho: float | None  # Spearman's rank correlation; None if not enough days or no variation
    enough: bool  # days >= the minimum
    needed_more: int  # days still needed (0 once there are enough)

    @property
    def needed(self) -> int:
        """How many days with both ratings the comparison needs."""
        return self.days + self.needed_more

    @property
    def strength(self) -> Strength | None:
        """How strong the correlation is (None without one)."""
        return None if self.rho is None else strength(self.rho)


def sleep_and_pain(days: Sequence[DayEntry], min_days: int = 14) -> SleepPain:
    """Rank correlation of sleep quality (last night) with pain (that day)."""
    pairs = tuple(
        (float(d.sleep_quality), float(d.pain))
        for d in sorted(days, key=lambda d: d.date)
        if d.sleep_quality is not None and d.pain is not None
    )
    count = len(pairs)
    if count < min_days:
        return SleepPain(pairs, count, None, False, min_days - count)
    rho = spearman([p[0] for p in pairs], [p[1] for p in pairs])
    return SleepPain(pairs, count, rho, True, 0)


# -- tags ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TagLink:
    """Mean pain on days with a tag against days without it (an association, not a cause)."""

    tag: str
    with_mean: float
    with_days: int
    without_mean: float
    without_days: int
    difference: float  # with minus without: negative means lower pain on days with the tag


def tag_associations(days: Sequence[DayEntry], min_days_each: int = 5) -> list[TagLink]:
    """Each tag's mean pain with and without it, over days with a pain rating.

    Only tags with at least `min_days_each` rated days on both sides; most associated with lower
    pain first (difference ascending, then by tag).
    """
    rated = [d for d in days if d.pain is not None]
    # one pass over the tags (a day with thousands of them stays fast): each tag's pain values;
    # "without" is everything else, from the totals
    with_values: dict[str, list[float]] = {}
    for day in rated:
        assert day.pain is not None
        for tag in set(day.tags):
            with_values.setdefault(tag, []).append(float(day.pain))
    total, count = math.fsum(float(d.pain or 0) for d in rated), len(rated)
    links = []
    for tag in sorted(with_values):
        with_tag = with_values[tag]
        without_count = count - len(with_tag)
        if len(with_tag) < min_days_each or without_count < min_days_each:
            continue
        with_mean = fmean(with_tag)
        without_mean = (total - math.fsum(with_tag)) / without_count
        links.append(
            TagLink(
                tag,
                with_mean,
                len(with_tag),
                without_mean,
                without_count,
                with_mean - without_mean,
            )
        )
    return sorted(links, key=lambda link: (link.difference, link.tag))


# -- adherence -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Adherence:
    """How regularly routines were played (the UI tells it kindly)."""

    weeks: tuple[tuple[dt.date, int], ...]  # Monday of each week in the range -> sessions
    streak_days: int  # consecutive days with a session, up to today (or yesterday)
    last_7_days: int  # sessions from today-6 to today


def week_start(date: dt.date) -> dt.date:
    """The Monday of the week `date` is in."""
    return date - dt.timedelta(days=date.weekday())


def adherence(
    sessions: Sequence[SessionRecord], start: dt.date, end: dt.date, today: dt.date
) -> Adherence:
    """Sessions per week from `start` to `end`, the current streak and the last seven days.

    A week counts only the sessions inside the range (the first and last weeks may be partial).
    The streak runs back from today, or from yesterday while today has no session yet, so it is
    not broken just because the evening session has not happened.
    """
    session_days = [r.day for r in sessions]
    per_week: dict[dt.date, int] = {}
    if end >= start:
        monday = week_start(start)
        while monday <= end:
            per_week[monday] = 0
            monday += dt.timedelta(days=7)
    for day in session_days:
        if start <= day <= end:
            per_week[week_start(day)] += 1

    active = set(session_days)
    streak = 0
    day = today if today in active else today - ONE_DAY
    while day in active:
        streak += 1
        day -= ONE_DAY

    week_ago = today - dt.timedelta(days=6)
    last_7 = sum(1 for d in session_days if week_ago <= d <= today)
    return Adherence(tuple(sorted(per_week.items())), streak, last_7)
