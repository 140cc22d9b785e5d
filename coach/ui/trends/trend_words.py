"""The Trends view's words: its first sentence, what it says before there is anything to chart,
and the sentences under its charts (sessions' effect, sleep and pain, adherence).

`coach.core.analytics` computes the facts; every sentence is made here from literal strings that
lupdate extracts. Plain Qt Core (no widgets), so `coach chart` words things the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from coach.core.analytics.trend_summary import Direction, WeekSummary
from coach.core.analytics.trends import Adherence, Effect, SleepPain, Strength
from coach.ui.common.step_words import routine_kind_name


def empty_text() -> str:
    """What Trends says to a new log: what it will show, and what to do to get there."""
    return QCoreApplication.translate(
        "TrendsView",
        "Nothing to chart yet.\n\n"
        "Rate your pain and your sleep in Today (Ctrl+1) for a few days, and follow a routine "
        "now and then (Ctrl+2). Trends then shows, in one sentence and a few charts, whether "
        "your pain is going down, whether sessions help and what goes with better days.",
    )


def _one(value: float) -> str:
    return f"{value:.1f}"


def summary_sentence(summary: WeekSummary) -> str:
    """ "Pain this week 3.0, down from 4.2 four weeks ago; 6 of 7 days logged." and its variants."""
    logged = QCoreApplication.translate("TrendsView", "{0} of 7 days logged").format(summary.logged)
    if summary.this_week is None:
        if summary.logged == 0:
            return QCoreApplication.translate(
                "TrendsView", "Nothing logged in the last 7 days; log today in Today (Ctrl+1)."
            )
        return QCoreApplication.translate(
            "TrendsView", "No pain rated in the last 7 days; {0}."
        ).format(logged)
    now = _one(summary.this_week)
    if summary.four_weeks_ago is None:
        return QCoreApplication.translate("TrendsView", "Pain this week {0}; {1}.").format(
            now, logged
        )
    then = _one(summary.four_weeks_ago)
    text = {
        Direction.DOWN: QCoreApplication.translate(
            "TrendsView", "Pain this week {0}, down from {1} four weeks ago; {2}."
        ),
        Direction.UP: QCoreApplication.translate(
            "TrendsView", "Pain this week {0}, up from {1} four weeks ago; {2}."
        ),
        Direction.SAME: QCoreApplication.translate(
            "TrendsView", "Pain this week {0}, about the same as four weeks ago ({1}); {2}."
        ),
    }[summary.direction or Direction.SAME]
    return text.format(now, then, logged)


def averaging_hint(unit: str) -> str:
    """What one point of the main chart stands for ("day", "week" or "month"), and how to read it."""
    hints = {
        "day": QCoreApplication.translate(
            "TrendsView",
            "Pain (lower is better) above sleep (higher is better). Thin lines and dots: "
            "each day. Thick lines: the average of the last 7 days. Gaps are days with "
            "nothing logged. Drag to move in time, scroll to zoom.",
        ),
        "week": QCoreApplication.translate(
            "TrendsView",
            "Pain (lower is better) above sleep (higher is better). Each point is one week's "
            "average (Monday to Sunday); sessions per week are under Adherence. Zoom in "
            "(scroll) to see single days.",
        ),
        "month": QCoreApplication.translate(
            "TrendsView",
            "Pain (lower is better) above sleep (higher is better). Each point is one "
            "month's average; sessions per week are under Adherence. Zoom in (scroll) to see "
            "weeks, then days.",
        ),
    }
    return hints[unit]


def change_words(mean_change: float) -> str:
    """A mean change of pain in words: -1.24 -> "pain 1.2 points lower after"."""
    size = round(abs(mean_change), 1)
    if size == 0:
        return QCoreApplication.translate("TrendsView", "pain about the same after")
    if mean_change < 0:
        return QCoreApplication.translate("TrendsView", "pain {0} points lower after").format(
            f"{size:.1f}"
        )
    return QCoreApplication.translate("TrendsView", "pain {0} points higher after").format(
        f"{size:.1f}"
    )


def kinds_named(effects: Sequence[Effect]) -> list[Effect]:
    """The effects per routine kind, each named in words ("Relaxation (PMR)"), most sessions
    first, then by name."""
    named = [dataclasses.replace(e, name=routine_kind_name(e.name)) for e in effects]
    return sorted(named, key=lambda e: (-e.count, e.name))


def effect_note(effect: Effect) -> str:
    """What one routine's (or kind's) sessions did to pain, in a sentence that says how sure."""
    if effect.count == 0 or effect.mean_change is None:
        return QCoreApplication.translate(
            "TrendsView", "No sessions with pain rated before and after yet."
        )
    if not effect.enough:
        if effect.count == 1:
            return QCoreApplication.translate(
                "TrendsView", "Only 1 session with both ratings: too few to say anything yet."
            )
        return QCoreApplication.translate(
            "TrendsView", "Only {0} sessions with both ratings: too few to say anything yet."
        ).format(effect.count)
    return QCoreApplication.translate(
        "TrendsView", "Over {0} sessions, {1} on average (from {2} to {3})."
    ).format(
        effect.count,
        change_words(effect.mean_change),
        f"{effect.mean_before:.1f}",
        f"{effect.mean_after:.1f}",
    )


def effect_line(effect: Effect) -> str:
    """ "Short PMR: Over 5 sessions, pain 1.6 points lower after on average (from 5.6 to 4.0)."."""
    return QCoreApplication.translate("TrendsView", "{0}: {1}").format(
        effect.name, effect_note(effect)
    )


def strength_name(strength: Strength) -> str:
    """How strong a correlation is, in words: "very weak", "weak", "moderate" or "strong"."""
    names = {
        Strength.VERY_WEAK: QCoreApplication.translate("TrendsView", "very weak"),
        Strength.WEAK: QCoreApplication.translate("TrendsView", "weak"),
        Strength.MODERATE: QCoreApplication.translate("TrendsView", "moderate"),
        Strength.STRONG: QCoreApplication.translate("TrendsView", "strong"),
    }
    return names[strength]


def sleep_pain_sentence(result: SleepPain) -> str:
    """Whether sleep and pain moved together, carefully: an association, never a cause."""
    if not result.enough:
        return QCoreApplication.translate(
            "TrendsView",
            "{0} days with both sleep and pain are needed; you have {1} ({2} more).",
        ).format(result.needed, result.days, result.needed_more)
    if result.rho is None or result.strength is None:
        return QCoreApplication.translate(
            "TrendsView",
            "Over {0} days, your sleep or your pain rating stayed the same every day, "
            "so there is nothing to compare yet.",
        ).format(result.days)
    if result.strength is Strength.VERY_WEAK:
        together = QCoreApplication.translate(
            "TrendsView", "sleep and pain the same day hardly moved together"
        )
    elif result.rho < 0:
        together = QCoreApplication.translate(
            "TrendsView", "better sleep went with lower pain the same day"
        )
    else:
        together = QCoreApplication.translate(
            "TrendsView", "better sleep went with higher pain the same day"
        )
    return QCoreApplication.translate(
        "TrendsView",
        "Over {0} days, {1} (rank correlation {2}, {3}). "
        "This shows the two move together; it does not show that one causes the other.",
    ).format(result.days, together, f"{result.rho:.2f}", strength_name(result.strength))


def adherence_sentence(result: Adherence) -> str:
    """Sessions in the last 7 days and the streak, told kindly."""
    if result.last_7_days == 0:
        return QCoreApplication.translate(
            "TrendsView", "No sessions this week yet. Even a short one counts."
        )
    if result.last_7_days == 1:
        text = QCoreApplication.translate("TrendsView", "1 session in the last 7 days.")
    else:
        text = QCoreApplication.translate("TrendsView", "{0} sessions in the last 7 days.").format(
            result.last_7_days
        )
    if result.streak_days >= 2:
        streak = QCoreApplication.translate("TrendsView", "Your streak: {0} days.")
        text += " " + streak.format(result.streak_days)
    return text
