"""The clinician report's content: every figure, table and sentence, computed from the log.

Page 1 is what a doctor reads in a minute (the period and how much of it was logged, pain and
worst pain with the trend, PEG, sleep, the daily pain series, where it hurt, medications,
sessions, and the person's note for the visit); page 2 holds the detail (a table per week or
month, the worst days' notes, what went with better days). Nothing here draws: the Qt side lays
this out on paper. Nothing here interprets either: the sentences say what the log holds, and an
association is worded as one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from coach.core.analytics.report_periods import MAX_ROWS, PeriodRow, default_period, period_rows
from coach.core.analytics.trends import (
    TagLink,
    daily_series,
    describe_change,
    rolling_mean,
    tag_associations,
)
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

    def sentence(self, what: str) -> str:
        """ "Pain: average 4.6, from 2 to 8 (84 days)"."""
        if self.mean is None:
            return f"{what}: not rated in this period"
        return (
            f"{what}: average {self.mean:.1f}, from {self.low} to {self.high} ({_days(self.days)})"
        )


@dataclass(frozen=True)
class Trend:
    """Mean pain at the start of the period against its end."""

    label: str  # "first 30 days against last 30 days"
    first: float
    last: float
    first_days: int
    last_days: int

    @property
    def change(self) -> float:
        """Last minus first: negative is lower pain at the end."""
        return self.last - self.first

    def sentence(self) -> str:
        """What the two means are, and by how much they differ."""
        size = round(abs(self.change), 1)
        how = (
            "about the same"
            if size == 0
            else f"{size:.1f} {'lower' if self.change < 0 else 'higher'} at the end"
        )
        return (
            f"Pain trend, {self.label}: {self.first:.1f} ({_days(self.first_days)}) "
            f"then {self.last:.1f} ({_days(self.last_days)}), {how}"
        )


@dataclass(frozen=True)
class Peg:
    """The PEG scale's items and score (the mean of the three) where they were logged."""

    pain: float | None
    enjoyment: float | None
    activity: float | None
    score: float | None  # the mean of each complete day's PEG score
    complete_days: int

    def sentence(self) -> str:
        """The items and the score, or that PEG was not logged."""
        if self.enjoyment is None and self.activity is None:
            return "PEG (interference): not logged in this period"
        items = ", ".join(
            f"{name} {value:.1f}"
            for name, value in (
                ("pain", self.pain),
                ("enjoyment of life", self.enjoyment),
                ("general activity", self.activity),
            )
            if value is not None
        )
        score = (
            f"; PEG score {self.score:.1f} ({_days(self.complete_days)} with all three)"
            if self.score is not None
            else ""
        )
        return f"PEG (0-10): {items}{score}"


@dataclass(frozen=True)
class MedicationUse:
    """One medicine over the period: on how many days, how many doses, how much it helped."""

    name: str
    days: int
    doses: int
    as_needed: int  # of the doses
    helped: float | None  # mean of the ratings given
    helped_ratings: int

    def how(self) -> str:
        """ "regular", "as needed" or "both"."""
        if self.as_needed == 0:
            return "regular"
        return "as needed" if self.as_needed == self.doses else "regular and as needed"


@dataclass(frozen=True)
class SessionsDone:
    """Routines played in the period, and pain before and after the rated ones."""

    count: int
    completed: int
    rated: int
    mean_change: float | None

    def sentence(self) -> str:
        """How many, and their average change in pain."""
        if self.count == 0:
            return "Sessions (relaxation, self-massage): none in this period"
        text = f"Sessions (relaxation, self-massage): {self.count}, {self.completed} to the end"
        if self.mean_change is not None:
            rated = "session" if self.rated == 1 else "sessions"
            text += (
                f"; {describe_change(self.mean_change)} on average ({self.rated} {rated} "
                "rated before and after)"
            )
        return text


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
    rows_per: str  # "week", "month", "quarter" or "year"
    rows_left_out: int  # earlier rows not in the table (a very long period)
    worst_days: tuple[NotedDay, ...]
    better_days: tuple[TagLink, ...]
    name: str = ""  # whose log it is, as the person typed it (Unknot does not store a name)

    def logged_sentence(self) -> str:
        """ "Logged on 84 of the 91 days"."""
        return f"Logged on {self.days_logged} of the {_days(self.days_in_period)}"

    def sleep_sentence(self) -> str:
        """Average sleep quality and hours."""
        parts = []
        if self.sleep_quality.mean is not None:
            parts.append(
                f"quality {self.sleep_quality.mean:.1f} of 10 ({_days(self.sleep_quality.days)})"
            )
        if self.sleep_hours is not None:
            nights = "night" if self.sleep_nights == 1 else "nights"
            parts.append(f"{self.sleep_hours:.1f} hours a night ({self.sleep_nights} {nights})")
        return "Sleep: " + ("; ".join(parts) if parts else "not logged in this period")

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


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _rating(values: Sequence[int | None]) -> Rating:
    given = [v for v in values if v is not None]
    if not given:
        return Rating(0, None, None, None)
    return Rating(len(given), fmean(given), min(given), max(given))


def _trend(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> Trend | None:
    length = (end - start).days + 1
    if length >= 2 * TREND_DAYS:
        span, label = TREND_DAYS, f"first {TREND_DAYS} days against last {TREND_DAYS} days"
    else:
        span, label = length // 2, "first half against second half of the period"
    if span < MIN_TREND_DAYS:
        return None
    first = [d.pain for d in days if d.pain is not None and (d.date - start).days < span]
    last = [d.pain for d in days if d.pain is not None and (end - d.date).days < span]
    if len(first) < MIN_TREND_DAYS or len(last) < MIN_TREND_DAYS:
        return None
    return Trend(label, fmean(first), fmean(last), len(first), len(last))


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
    "PeriodRow",
    "ReportProblem",
    "build_report",
    "default_period",
]
