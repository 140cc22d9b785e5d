"""The clinician report's sentences, made from the figures the core computed (those are checked
against the log in tests/core/analytics/test_report.py; here the words they are printed in)."""

from __future__ import annotations

import datetime as dt
from statistics import fmean

import pytest

from coach.core.analytics.report import (
    MedicationHabit,
    Peg,
    PeriodUnit,
    SessionsDone,
    Trend,
    build_report,
)
from coach.core.log.entries import DayEntry
from coach.ui.report.report_words import (
    days_words,
    each_period,
    left_out_note,
    logged_sentence,
    medication_habit,
    pain_sentence,
    peg_sentence,
    period_column,
    period_label,
    sessions_sentence,
    sleep_sentence,
    summary_lines,
    trend_sentence,
    worst_sentence,
)
from tests.core.analytics.test_report import END, MADE, START, ninety_days


def test_the_90_day_reports_lines() -> None:
    days, sessions = ninety_days()
    report = build_report(days, sessions, START, END, MADE)
    pains = [d.pain for d in days if d.pain is not None]
    assert logged_sentence(report) == "Logged on 82 of the 90 days"
    assert pain_sentence(report) == (
        f"Pain: average {fmean(pains):.1f}, from {min(pains)} to {max(pains)} (82 days)"
    )
    assert worst_sentence(report).startswith("Worst pain of the day: average ")
    assert report.trend is not None
    trend = trend_sentence(report.trend)
    assert trend.startswith("Pain trend, first 30 days against last 30 days: ")
    assert trend.endswith("lower at the end")
    lines = summary_lines(report)
    assert [line.partition(": ")[0] for line in lines] == [
        "Pain",
        "Worst pain of the day",
        "Pain trend, first 30 days against last 30 days",
        "PEG (0-10)",
        "Sleep",
        "Sessions (relaxation, self-massage)",
    ]
    assert period_label(report.rows_per, report.rows[0].start, report.rows[0].end) == (
        "2 Mar–8 Mar 2026"
    )


def test_a_one_day_period_says_1_day() -> None:
    days, sessions = ninety_days()
    report = build_report(days, sessions, START, START, MADE)
    assert pain_sentence(report) == (
        f"Pain: average {days[0].pain:.1f}, from {days[0].pain} to {days[0].pain} (1 day)"
    )
    assert trend_sentence(report.trend) == (
        "Pain trend: too few rated days at the start or the end of the period to compare"
    )


def test_what_was_not_logged_is_said() -> None:
    days = [DayEntry(START + dt.timedelta(days=i), pain=3) for i in range(10)]
    report = build_report(days, [], START, START + dt.timedelta(days=9), MADE)
    assert sessions_sentence(report.sessions) == (
        "Sessions (relaxation, self-massage): none in this period"
    )
    assert peg_sentence(report.peg) == "PEG (interference): not logged in this period"
    assert sleep_sentence(report) == "Sleep: not logged in this period"
    unrated = build_report([DayEntry(START, note="x")], [], START, START, MADE)
    assert worst_sentence(unrated) == "Worst pain of the day: not rated in this period"


def test_trend_words() -> None:
    halves = Trend(True, 20, 5.0, 5.04, 18, 1)
    assert trend_sentence(halves) == (
        "Pain trend, first half against second half of the period: 5.0 (18 days) then 5.0 "
        "(1 day), about the same"
    )
    assert trend_sentence(Trend(False, 30, 4.0, 5.26, 30, 28)).endswith("1.3 higher at the end")


def test_peg_words() -> None:
    assert peg_sentence(Peg(5.0, 6.0, None, None, 0)) == (
        "PEG (0-10): pain 5.0, enjoyment of life 6.0"
    )
    assert peg_sentence(Peg(5.0, 6.0, 7.0, 6.0, 1)) == (
        "PEG (0-10): pain 5.0, enjoyment of life 6.0, general activity 7.0; "
        "PEG score 6.0 (1 day with all three)"
    )


def test_sessions_and_sleep_words() -> None:
    assert sessions_sentence(SessionsDone(3, 2, 1, -1.0)) == (
        "Sessions (relaxation, self-massage): 3, 2 to the end; pain 1.0 points lower after on "
        "average (1 session rated before and after)"
    )
    assert sessions_sentence(SessionsDone(4, 4, 2, 0.0)).endswith(
        "; pain about the same after on average (2 sessions rated before and after)"
    )
    days = [DayEntry(START, sleep_quality=6, sleep_hours=7.5)]
    report = build_report(days, [], START, START, MADE)
    assert sleep_sentence(report) == "Sleep: quality 6.0 of 10 (1 day); 7.5 hours a night (1 night)"


@pytest.mark.parametrize(
    ("habit", "words"),
    [
        (MedicationHabit.REGULAR, "regular"),
        (MedicationHabit.AS_NEEDED, "as needed"),
        (MedicationHabit.BOTH, "regular and as needed"),
    ],
)
def test_medication_habits(habit: MedicationHabit, words: str) -> None:
    assert medication_habit(habit) == words


def test_period_words() -> None:
    assert [each_period(u) for u in PeriodUnit] == [
        "Each week",
        "Each month",
        "Each quarter",
        "Each year",
    ]
    assert [period_column(u) for u in PeriodUnit] == ["Week", "Month", "Quarter", "Year"]
    assert left_out_note(PeriodUnit.YEAR, 14) == "The 14 earliest years are left out."
    april = dt.date(2026, 4, 1)
    assert period_label(PeriodUnit.MONTH, april, dt.date(2026, 4, 30)) == "April 2026"
    assert period_label(PeriodUnit.QUARTER, april, dt.date(2026, 6, 30)) == "Q2 2026"
    assert period_label(PeriodUnit.YEAR, april, dt.date(2026, 12, 31)) == "2026"
    assert (days_words(1), days_words(2)) == ("1 day", "2 days")
