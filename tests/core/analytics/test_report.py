"""The clinician report's figures, checked against the log they were made from."""

from __future__ import annotations

import datetime as dt
from statistics import fmean

import pytest

from coach.core.analytics.report import (
    MAX_VISIT_NOTE,
    MedicationHabit,
    PeriodUnit,
    ReportProblem,
    build_report,
    shorten,
)
from coach.core.log.entries import DayEntry, MedicationTaken, SessionRecord

START = dt.date(2026, 3, 2)  # a Monday
END = START + dt.timedelta(days=89)  # 90 days
MADE = END + dt.timedelta(days=1)
TZ = dt.timezone(dt.timedelta(hours=1))


def ninety_days() -> tuple[list[DayEntry], list[SessionRecord]]:
    """A made-up log: every 11th day missing, pain easing over the three months."""
    days, sessions = [], []
    for i in range(90):
        date = START + dt.timedelta(days=i)
        if i % 11 == 5:
            continue
        pain = max(0, min(10, 6 - i // 30 + (i % 3) - 1))
        medications = []
        if pain >= 6:
            medications.append(MedicationTaken("ibuprofen 400 mg", dt.time(13), True, 4))
        if i >= 30:
            medications.append(MedicationTaken("Amitriptyline 10 mg", dt.time(21, 30)))
        days.append(
            DayEntry(
                date,
                pain=pain,
                worst_pain=min(10, pain + 2 + (i % 2)),
                sleep_quality=5 + i % 3,
                sleep_hours=6 + (i % 4) * 0.5,
                enjoyment=pain - 1 if i % 2 == 0 else None,
                activity=pain if i % 2 == 0 else None,
                tags=("walk",) if i % 3 == 0 else (),
                areas={"left_lower_back": pain} if i % 2 == 0 else {"right_glute": 2},
                medications=tuple(medications),
                note=f"day {i}: " + "stiff " * 80 if i in (2, 40) else "",
            )
        )
        if i % 3 == 0:
            start = dt.datetime.combine(date, dt.time(21), TZ)
            sessions.append(
                SessionRecord(
                    "pmr-4",
                    "Four",
                    start,
                    start + dt.timedelta(minutes=15),
                    900.0,
                    900.0,
                    i % 6 == 0,
                    20,
                    None if i % 6 == 0 else 3,
                    pain,
                    max(0, pain - 1),
                )  # fmt: skip
            )
    return days, sessions


def test_a_90_day_log_gives_the_figures_of_its_data() -> None:
    days, sessions = ninety_days()
    report = build_report(days, sessions, START, END, MADE, "Worse at work.")

    pains = [d.pain for d in days if d.pain is not None]
    worst = [d.worst_pain for d in days if d.worst_pain is not None]
    assert report.days_in_period == 90
    assert report.days_logged == len(days) == 82
    assert (report.pain.days, report.pain.low, report.pain.high) == (82, min(pains), max(pains))
    assert report.pain.mean == pytest.approx(sum(pains) / len(pains))
    assert report.worst.mean == pytest.approx(sum(worst) / len(worst))

    first = [d.pain for d in days if (d.date - START).days < 30]
    last = [d.pain for d in days if (END - d.date).days < 30]
    assert report.trend is not None
    assert report.trend.first == pytest.approx(fmean(first))
    assert report.trend.last == pytest.approx(fmean(last))
    assert (report.trend.first_days, report.trend.last_days) == (len(first), len(last))
    assert report.trend.change < 0
    assert (report.trend.halves, report.trend.span_days) == (False, 30)

    peg_days = [d for d in days if d.enjoyment is not None]
    scores = [(d.pain + d.enjoyment + d.activity) / 3 for d in peg_days]  # type: ignore[operator]
    assert report.peg.complete_days == len(peg_days)
    assert report.peg.score == pytest.approx(fmean(scores))
    assert report.peg.enjoyment == pytest.approx(fmean(d.enjoyment for d in peg_days))  # type: ignore[misc]

    assert report.sleep_quality.mean == pytest.approx(fmean(d.sleep_quality for d in days))  # type: ignore[misc]
    assert report.sleep_hours == pytest.approx(fmean(d.sleep_hours for d in days))  # type: ignore[misc]

    ibuprofen = [d for d in days if any(m.name.startswith("ibu") for m in d.medications)]
    nightly = [d for d in days if any(m.name.startswith("Ami") for m in d.medications)]
    assert [(m.name, m.days, m.doses, m.habit, m.helped) for m in report.medications] == [
        ("Amitriptyline 10 mg", len(nightly), len(nightly), MedicationHabit.REGULAR, None),
        ("ibuprofen 400 mg", len(ibuprofen), len(ibuprofen), MedicationHabit.AS_NEEDED, 4.0),
    ]

    changes = [s.pain_after - s.pain_before for s in sessions]  # type: ignore[operator]
    assert report.sessions.count == len(sessions)
    assert report.sessions.completed == sum(1 for s in sessions if s.completed)
    assert report.sessions.mean_change == pytest.approx(fmean(changes))

    back = report.areas["left_lower_back"]
    marked = [d.areas["left_lower_back"] for d in days if "left_lower_back" in d.areas]
    assert (back.days_marked, back.total_days_logged) == (len(marked), 82)
    assert back.mean_intensity == pytest.approx(fmean(marked))
    assert [r for r, _ in report.top_areas()] == ["left_lower_back", "right_glute"]

    assert report.rows_per is PeriodUnit.WEEK
    assert len(report.rows) == 13
    assert sum(r.days_logged for r in report.rows) == 82
    assert sum(r.sessions for r in report.rows) == len(sessions)
    assert sum(r.medication_days for r in report.rows) == sum(1 for d in days if d.medications)
    first_week = [d.pain for d in days if d.date < START + dt.timedelta(days=7)]
    assert report.rows[0].pain == pytest.approx(fmean(first_week))
    assert (report.rows[0].start, report.rows[0].end) == (START, START + dt.timedelta(days=6))

    by_worst = sorted(days, key=lambda d: (d.worst_pain, d.pain, d.date), reverse=True)[:5]
    assert [d.date for d in report.worst_days] == sorted(d.date for d in by_worst)
    assert all(len(d.note) <= 240 for d in report.worst_days)
    assert [link.tag for link in report.better_days] == ["walk"]
    assert report.visit_note == "Worse at work."
    assert len(report.dates) == len(report.pain_series) == len(report.pain_average) == 90


def test_an_empty_period_says_so() -> None:
    days, sessions = ninety_days()
    later = END + dt.timedelta(days=30)
    with pytest.raises(ReportProblem, match="nothing is logged from 2026-06-29 to 2026-07-29"):
        build_report(days, sessions, END + dt.timedelta(days=30), later + dt.timedelta(days=30),
                     MADE)  # fmt: skip
    with pytest.raises(ReportProblem, match="ends .* before it starts"):
        build_report(days, sessions, END, START, MADE)


def test_a_period_of_one_day_is_a_sensible_report() -> None:
    days, sessions = ninety_days()
    report = build_report(days, sessions, START, START, MADE)
    assert report.days_in_period == report.days_logged == 1
    assert report.trend is None
    assert (report.pain.days, report.pain.low, report.pain.high) == (1, days[0].pain, days[0].pain)
    assert len(report.rows) == 1


def test_a_log_without_medications_or_sessions() -> None:
    days = [DayEntry(START + dt.timedelta(days=i), pain=3) for i in range(10)]
    report = build_report(days, [], START, START + dt.timedelta(days=9), MADE)
    assert report.medications == ()
    assert report.sessions.count == 0
    assert not report.peg.logged
    assert (report.sleep_quality.mean, report.sleep_hours, report.sleep_nights) == (None, None, 0)


def test_the_note_for_the_visit_has_a_limit_and_a_clear_message() -> None:
    days, sessions = ninety_days()
    with pytest.raises(ReportProblem, match="at most 1200 characters .it has 10000"):
        build_report(days, sessions, START, END, MADE, "x" * 10_000)
    report = build_report(days, sessions, START, END, MADE, "  " + "y" * MAX_VISIT_NOTE + "\n")
    assert report.visit_note == "y" * MAX_VISIT_NOTE


def test_dates_partly_outside_the_log_count_only_the_days_in_the_period() -> None:
    days, sessions = ninety_days()
    report = build_report(days, sessions, START - dt.timedelta(days=10), START + dt.timedelta(days=3),
                          MADE)  # fmt: skip
    assert report.days_in_period == 14
    assert report.days_logged == 4


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("stiff " * 100, 20) == "stiff stiff stiff…"
    assert len(shorten("x" * 500, 240)) == 240


def test_a_name_is_printed_only_if_given_and_is_short() -> None:
    days, sessions = ninety_days()
    assert build_report(days, sessions, START, END, MADE).name == ""
    assert build_report(days, sessions, START, END, MADE, name="  Ana   Silva ").name == (
        "Ana Silva"
    )
    with pytest.raises(ReportProblem, match="the name is at most 80 characters"):
        build_report(days, sessions, START, END, MADE, name="x" * 81)
