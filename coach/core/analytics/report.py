"""The clinician report's content: every figure, table and sentence, computed from the log.

Page 1 is what a doctor reads in a minute (the period and how much of it was logged, pain and
worst pain with the trend, PEG, sleep, the daily pain series, where it hurt, medications,
sessions, and the person's note for the visit); page 2 holds the detail (a table per week or
month, the worst days' notes, what went with better days). Nothing here draws or words: the Qt
side lays this out on paper and words it (coach.ui.report.report_words). Nothing here interprets
either: the figures are what the log holds, and an association is worded as one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from statistics import fmean

from coach.core.analytics.report_periods import (
    MAX_ROWS,
    PeriodRow,
    PeriodUnit,
    default_period,
    period_rows,
)
from coach.core.analytics.trends import TagLink, daily_series, rolling_mean, tag_associations
from coach.core.body.heat import HeatCell, area_heat
from coach.core.log.entries import DayEntry, SessionRecord

MAX_VISIT_NOTE = 1_200  # characters: a short note fits in its box on page 1
MAX_NAME = 80  # the name printed on the report, if the person gives one
TREND_DAYS = 30  # "first month vs last month"
MIN_TREND_DAYS = 4  # rated days each side needs before the two are compared
WORST_DAYS = 5
WORST_NOTE = 240  # characters of a worst day's note on page 2
TOP_AREAS = 8
MAX_PERIOD_DAYS = 366 * 50


class ReportProblem(ValueError):
    """The report cannot be made as asked; the message says why in plain words."""


@dataclass(frozen=True)
class Rating:
    """One 0-10 rating over the period: its mean and range over the days it was given."""

    days: int
    mean: float | None
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Trend:
    """Mean pain at the start of the period against its end."""

    halves: bool  # True: the period's two halves; False: its first and last TREND_DAYS days
    span_days: int  # the days each side covers
    first: float
    last: float
    first_days: int
    last_days: int

    @property
    def change(self) -> float:
        """Last minus first: negative is lower pain at the end."""
        return self.last - self.first


@dataclass(frozen=True)
class Peg:
    """The PEG scale's items and score (the mean of the three) where they were logged."""

    pain: float | None
    enjoyment: float | None
    activity: float | None
    score: float | None  # the mean of each complete day's PEG score
    complete_days: int

    @property
    def logged(self) -> bool:
        """Whether any PEG item beyond pain was logged in the period."""
        return self.enjoyment is not None or self.activity is not None


class MedicationHabit(Enum):
    """How a medicine was taken over the period."""

    REGULAR = "regular"
    AS_NEEDED = "as needed"
    BOTH = "regular and as needed"


@dataclass(frozen=True)
class MedicationUse:
    """One medicine over the period: on how many days, how many doses, how much it helped."""

    name: str
    days: int
    doses: int
    as_needed: int  # of the doses
    helped: float | None  # mean of the ratings given
    helped_ratings: int

    @property
    def habit(self) -> MedicationHabit:
        """Regular, as needed, or some of each."""
        if self.as_needed == 0:
            return MedicationHabit.REGULAR
        return MedicationHabit.AS_NEEDED if self.as_needed == self.doses else MedicationHabit.BOTH


@dataclass(frozen=True)
class SessionsDone:
    """Routines played in the period, and pain before and after the rated ones."""

    count: int
    completed: int
    rated: int
    mean_change: float | None


@dataclass(frozen=True)
class NotedDay:
    """One of the worst days, with its note shortened."""

    date: dt.date
    pain: int | None
    worst: int | None
    tags: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class ClinicianReport:
    """Everything the report shows, for the period `start` to `end` inclusive."""

    start: dt.date
    end: dt.date
    made_on: dt.date
    days_in_period: int
    days_logged: int
    pain: Rating
    worst: Rating
    trend: Trend | None
    peg: Peg
    sleep_quality: Rating
    sleep_hours: float | None
    sleep_nights: int
    dates: tuple[dt.date, ...]
    pain_series: tuple[float | None, ...]
    worst_series: tuple[float | None, ...]
    pain_average: tuple[float | None, ...]  # 7-day rolling mean
    areas: dict[str, HeatCell]  # every area marked in the period
    medications: tuple[MedicationUse, ...]  # most days first
    sessions: SessionsDone
    visit_note: str
    rows: tuple[PeriodRow, ...]
    rows_per: PeriodUnit  # what each row is: a week, month, quarter or year
    rows_left_out: int  # earlier rows not in the table (a very long period)
    worst_days: tuple[NotedDay, ...]
    better_days: tuple[TagLink, ...]
    name: str = ""  # whose log it is, as the person typed it (Unknot does not store a name)

    def top_areas(self, count: int = TOP_AREAS) -> list[tuple[str, HeatCell]]:
        """The areas that hurt most often and most strongly (by heat score)."""
        ranked = sorted(self.areas.items(), key=lambda item: (-item[1].score, item[0]))
        return ranked[:count]


def build_report(
    days: Sequence[DayEntry],
    sessions: Sequence[SessionRecord],
    start: dt.date,
    end: dt.date,
    made_on: dt.date,
    visit_note: str = "",
    name: str = "",
) -> ClinicianReport:
    """The report for `start` to `end` inclusive; raises ReportProblem for a period it can't be."""
    if end < start:
        raise ReportProblem(f"the period ends ({end}) before it starts ({start})")
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        raise ReportProblem("the period is longer than 50 years; choose a shorter one")
    note = visit_note.strip()
    if len(note) > MAX_VISIT_NOTE:
        raise ReportProblem(
            f"the note for the visit is at most {MAX_VISIT_NOTE} characters (it has "
            f"{len(note)}); keep it short, the doctor reads it in a minute"
        )
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise ReportProblem(f"the name is at most {MAX_NAME} characters (it has {len(name)})")
    days = [d for d in days if start <= d.date <= end]
    sessions = [s for s in sessions if start <= s.day <= end]
    if not days and not sessions:
        raise ReportProblem(
            f"nothing is logged from {start} to {end}, so there is nothing to report"
        )
    series = daily_series(days, start, end)
    hours = [d.sleep_hours for d in days if d.sleep_hours is not None]
    rows, per, left_out = period_rows(days, sessions, start, end)
    return ClinicianReport(
        start=start,
        end=end,
        made_on=made_on,
        days_in_period=(end - start).days + 1,
        days_logged=len(days),
        pain=_rating([d.pain for d in days]),
        worst=_rating([d.worst_pain for d in days]),
        trend=_trend(days, start, end),
        peg=_peg(days),
        sleep_quality=_rating([d.sleep_quality for d in days]),
        sleep_hours=fmean(hours) if hours else None,
        sleep_nights=len(hours),
        dates=series.dates,
        pain_series=series.pain,
        worst_series=series.worst_pain,
        pain_average=rolling_mean(series.pain),
        areas=area_heat(days, start, end),
        medications=_medications(days),
        sessions=_sessions(sessions),
        visit_note=note,
        rows=rows,
        rows_per=per,
        rows_left_out=left_out,
        worst_days=_worst_days(days),
        better_days=tuple(tag_associations(days)),
        name=name,
    )


def _rating(values: Sequence[int | None]) -> Rating:
    given = [v for v in values if v is not None]
    if not given:
        return Rating(0, None, None, None)
    return Rating(len(given), fmean(given), min(given), max(given))


def _trend(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> Trend | None:
    length = (end - start).days + 1
    halves = length < 2 * TREND_DAYS
    span = length // 2 if halves else TREND_DAYS
    if span < MIN_TREND_DAYS:
        return None
    first = [d.pain for d in days if d.pain is not None and (d.date - start).days < span]
    last = [d.pain for d in days if d.pain is not None and (end - d.date).days < span]
    if len(first) < MIN_TREND_DAYS or len(last) < MIN_TREND_DAYS:
        return None
    return Trend(halves, span, fmean(first), fmean(last), len(first), len(last))


def _peg(days: Sequence[DayEntry]) -> Peg:
    peg_days = [d for d in days if d.enjoyment is not None or d.activity is not None]

    def mean(values: list[int | None]) -> float | None:
        given = [v for v in values if v is not None]
        return fmean(given) if given else None

    complete = [
        (d.pain, d.enjoyment, d.activity)
        for d in peg_days
        if d.pain is not None and d.enjoyment is not None and d.activity is not None
    ]
    scores = [fmean(v for v in items if v is not None) for items in complete]
    return Peg(
        mean([d.pain for d in peg_days]),
        mean([d.enjoyment for d in peg_days]),
        mean([d.activity for d in peg_days]),
        fmean(scores) if scores else None,
        len(scores),
    )


def _medications(days: Sequence[DayEntry]) -> tuple[MedicationUse, ...]:
    by_name: dict[str, list[tuple[dt.date, bool, int | None]]] = {}
    shown: dict[str, str] = {}
    for day in days:
        for taken in day.medications:
            key = taken.name.casefold()
            shown.setdefault(key, taken.name)
            by_name.setdefault(key, []).append((day.date, taken.as_needed, taken.helped))
    uses = []
    for key, doses in by_name.items():
        helped = [h for _d, _a, h in doses if h is not None]
        uses.append(
            MedicationUse(
                shown[key],
                len({date for date, _a, _h in doses}),
                len(doses),
                sum(1 for _d, as_needed, _h in doses if as_needed),
                fmean(helped) if helped else None,
                len(helped),
            )
        )
    return tuple(sorted(uses, key=lambda u: (-u.days, u.name.casefold())))


def _sessions(sessions: Sequence[SessionRecord]) -> SessionsDone:
    changes = [s.pain_change for s in sessions if s.pain_change is not None]
    return SessionsDone(
        len(sessions),
        sum(1 for s in sessions if s.completed),
        len(changes),
        fmean(changes) if changes else None,
    )


def _worst_days(days: Sequence[DayEntry]) -> tuple[NotedDay, ...]:
    rated = [d for d in days if d.worst_pain is not None or d.pain is not None]

    def badness(d: DayEntry) -> tuple[int, int, dt.date]:
        return (d.worst_pain if d.worst_pain is not None else -1, d.pain or 0, d.date)

    chosen = sorted(rated, key=badness, reverse=True)[:WORST_DAYS]
    return tuple(
        NotedDay(d.date, d.pain, d.worst_pain, d.tags, shorten(d.note, WORST_NOTE))
        for d in sorted(chosen, key=lambda d: d.date)
    )


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut at a word to at most `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0] if " " in flat[: width - 1] else flat[: width - 1]
    return cut + "…"


__all__ = [
    "MAX_ROWS",
    "ClinicianReport",
    "MedicationHabit",
    "PeriodRow",
    "PeriodUnit",
    "ReportProblem",
    "build_report",
    "default_period",
]
