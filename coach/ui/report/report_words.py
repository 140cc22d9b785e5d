"""The clinician report's sentences: what `coach.core.analytics.report` computed, in words.

The core returns the figures (means, ranges, counts, enums); every sentence the report prints is
made here from literal strings lupdate extracts. Plain Qt Core (no widgets), so the PDF written by
`coach report` and the one saved from the app say the same. Each summary line is "Label: rest":
the PDF sets the label in bold in its own column.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from coach.core.analytics.report import (
    ClinicianReport,
    MedicationHabit,
    Peg,
    PeriodUnit,
    Rating,
    SessionsDone,
    Trend,
)
from coach.ui.trends.trend_words import change_words


def days_words(count: int) -> str:
    """ "1 day", "84 days"."""
    if count == 1:
        return QCoreApplication.translate("ClinicianReport", "1 day")
    return QCoreApplication.translate("ClinicianReport", "{0} days").format(count)


def logged_sentence(report: ClinicianReport) -> str:
    """ "Logged on 84 of the 91 days"."""
    return QCoreApplication.translate("ClinicianReport", "Logged on {0} of the {1}").format(
        report.days_logged, days_words(report.days_in_period)
    )


def rating_sentence(what: str, rating: Rating) -> str:
    """ "Pain: average 4.6, from 2 to 8 (84 days)", or that it was not rated."""
    if rating.mean is None:
        return QCoreApplication.translate(
            "ClinicianReport", "{0}: not rated in this period"
        ).format(what)
    return QCoreApplication.translate(
        "ClinicianReport", "{0}: average {1}, from {2} to {3} ({4})"
    ).format(what, f"{rating.mean:.1f}", rating.low, rating.high, days_words(rating.days))


def pain_sentence(report: ClinicianReport) -> str:
    """The period's pain ratings in a line."""
    return rating_sentence(QCoreApplication.translate("ClinicianReport", "Pain"), report.pain)


def worst_sentence(report: ClinicianReport) -> str:
    """The period's worst-pain ratings in a line."""
    what = QCoreApplication.translate("ClinicianReport", "Worst pain of the day")
    return rating_sentence(what, report.worst)


def trend_sentence(trend: Trend | None) -> str:
    """The pain at the start of the period against its end, or why they are not compared."""
    if trend is None:
        return QCoreApplication.translate(
            "ClinicianReport",
            "Pain trend: too few rated days at the start or the end of the period to compare",
        )
    if trend.halves:
        compared = QCoreApplication.translate(
            "ClinicianReport", "first half against second half of the period"
        )
    else:
        compared = QCoreApplication.translate(
            "ClinicianReport", "first {0} days against last {0} days"
        ).format(trend.span_days)
    size = round(abs(trend.change), 1)
    if size == 0:
        how = QCoreApplication.translate("ClinicianReport", "about the same")
    elif trend.change < 0:
        how = QCoreApplication.translate("ClinicianReport", "{0} lower at the end").format(
            f"{size:.1f}"
        )
    else:
        how = QCoreApplication.translate("ClinicianReport", "{0} higher at the end").format(
            f"{size:.1f}"
        )
    return QCoreApplication.translate(
        "ClinicianReport", "Pain trend, {0}: {1} ({2}) then {3} ({4}), {5}"
    ).format(
        compared,
        f"{trend.first:.1f}",
        days_words(trend.first_days),
        f"{trend.last:.1f}",
        days_words(trend.last_days),
        how,
    )


def peg_sentence(peg: Peg) -> str:
    """The PEG items and score, or that PEG was not logged."""
    if not peg.logged:
        return QCoreApplication.translate(
            "ClinicianReport", "PEG (interference): not logged in this period"
        )
    named = (
        (QCoreApplication.translate("ClinicianReport", "pain {0}"), peg.pain),
        (QCoreApplication.translate("ClinicianReport", "enjoyment of life {0}"), peg.enjoyment),
        (QCoreApplication.translate("ClinicianReport", "general activity {0}"), peg.activity),
    )
    items = ", ".join(text.format(f"{value:.1f}") for text, value in named if value is not None)
    if peg.score is None:
        return QCoreApplication.translate("ClinicianReport", "PEG (0-10): {0}").format(items)
    return QCoreApplication.translate(
        "ClinicianReport", "PEG (0-10): {0}; PEG score {1} ({2} with all three)"
    ).format(items, f"{peg.score:.1f}", days_words(peg.complete_days))


def sleep_sentence(report: ClinicianReport) -> str:
    """Average sleep quality and hours, or that sleep was not logged."""
    parts = []
    quality = report.sleep_quality
    if quality.mean is not None:
        parts.append(
            QCoreApplication.translate("ClinicianReport", "quality {0} of 10 ({1})").format(
                f"{quality.mean:.1f}", days_words(quality.days)
            )
        )
    if report.sleep_hours is not None:
        if report.sleep_nights == 1:
            hours = QCoreApplication.translate("ClinicianReport", "{0} hours a night (1 night)")
        else:
            hours = QCoreApplication.translate("ClinicianReport", "{0} hours a night ({1} nights)")
        parts.append(hours.format(f"{report.sleep_hours:.1f}", report.sleep_nights))
    if not parts:
        return QCoreApplication.translate("ClinicianReport", "Sleep: not logged in this period")
    return QCoreApplication.translate("ClinicianReport", "Sleep: {0}").format("; ".join(parts))


def sessions_sentence(sessions: SessionsDone) -> str:
    """How many routines were played, and their average change in pain."""
    if sessions.count == 0:
        return QCoreApplication.translate(
            "ClinicianReport", "Sessions (relaxation, self-massage): none in this period"
        )
    text = QCoreApplication.translate(
        "ClinicianReport", "Sessions (relaxation, self-massage): {0}, {1} to the end"
    ).format(sessions.count, sessions.completed)
    if sessions.mean_change is not None:
        if sessions.rated == 1:
            rated = QCoreApplication.translate(
                "ClinicianReport", "; {0} on average (1 session rated before and after)"
            )
        else:
            rated = QCoreApplication.translate(
                "ClinicianReport", "; {0} on average ({1} sessions rated before and after)"
            )
        text += rated.format(change_words(sessions.mean_change), sessions.rated)
    return text


def summary_lines(report: ClinicianReport) -> list[str]:
    """Page 1's lines under the period, each "Label: what the log holds"."""
    return [
        pain_sentence(report),
        worst_sentence(report),
        trend_sentence(report.trend),
        peg_sentence(report.peg),
        sleep_sentence(report),
        sessions_sentence(report.sessions),
    ]


def medication_habit(habit: MedicationHabit) -> str:
    """ "regular", "as needed" or "regular and as needed"."""
    names = {
        MedicationHabit.REGULAR: QCoreApplication.translate("ClinicianReport", "regular"),
        MedicationHabit.AS_NEEDED: QCoreApplication.translate("ClinicianReport", "as needed"),
        MedicationHabit.BOTH: QCoreApplication.translate(
            "ClinicianReport", "regular and as needed"
        ),
    }
    return names[habit]


def each_period(unit: PeriodUnit) -> str:
    """The detail table's heading: "Each week", "Each month", ..."""
    names = {
        PeriodUnit.WEEK: QCoreApplication.translate("ClinicianReport", "Each week"),
        PeriodUnit.MONTH: QCoreApplication.translate("ClinicianReport", "Each month"),
        PeriodUnit.QUARTER: QCoreApplication.translate("ClinicianReport", "Each quarter"),
        PeriodUnit.YEAR: QCoreApplication.translate("ClinicianReport", "Each year"),
    }
    return names[unit]


def period_column(unit: PeriodUnit) -> str:
    """The detail table's first column: "Week", "Month", ..."""
    names = {
        PeriodUnit.WEEK: QCoreApplication.translate("ClinicianReport", "Week"),
        PeriodUnit.MONTH: QCoreApplication.translate("ClinicianReport", "Month"),
        PeriodUnit.QUARTER: QCoreApplication.translate("ClinicianReport", "Quarter"),
        PeriodUnit.YEAR: QCoreApplication.translate("ClinicianReport", "Year"),
    }
    return names[unit]


def left_out_note(unit: PeriodUnit, count: int) -> str:
    """Under a table too long for the page: "The 4 earliest years are left out."."""
    notes = {
        PeriodUnit.WEEK: QCoreApplication.translate(
            "ClinicianReport", "The {0} earliest weeks are left out."
        ),
        PeriodUnit.MONTH: QCoreApplication.translate(
            "ClinicianReport", "The {0} earliest months are left out."
        ),
        PeriodUnit.QUARTER: QCoreApplication.translate(
            "ClinicianReport", "The {0} earliest quarters are left out."
        ),
        PeriodUnit.YEAR: QCoreApplication.translate(
            "ClinicianReport", "The {0} earliest years are left out."
        ),
    }
    return notes[unit].format(count)


def period_label(unit: PeriodUnit, start: dt.date, end: dt.date) -> str:
    """A row's period: "2 Mar–8 Mar 2026", "March 2026", "Q1 2026" or "2026"."""
    if unit is PeriodUnit.WEEK:
        return f"{start.day} {start:%b}–{end.day} {end:%b %Y}"
    if unit is PeriodUnit.MONTH:
        return f"{start:%B %Y}"
    if unit is PeriodUnit.QUARTER:
        return QCoreApplication.translate("ClinicianReport", "Q{0} {1}").format(
            (start.month - 1) // 3 + 1, start.year
        )
    return str(start.year)
