"""The Trends view's words: its first sentence, and what it says before there is anything to chart."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coach.core.analytics.trend_summary import WeekSummary


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrendsView", text)


def empty_text() -> str:
    """What Trends says to a new log: what it will show, and what to do to get there."""
    return _tr(
        "Nothing to chart yet.\n\n"
        "Rate your pain and your sleep in Today (Ctrl+1) for a few days, and follow a routine "
        "now and then (Ctrl+2). Trends then shows, in one sentence and a few charts, whether "
        "your pain is going down, whether sessions help and what goes with better days."
    )


def _one(value: float) -> str:
    return f"{value:.1f}"


def summary_sentence(summary: WeekSummary) -> str:
    """ "Pain this week 3.0, down from 4.2 four weeks ago; 6 of 7 days logged." and its variants."""
    logged = _tr("{0} of 7 days logged").format(summary.logged)
    if summary.this_week is None:
        if summary.logged == 0:
            return _tr("Nothing logged in the last 7 days; log today in Today (Ctrl+1).")
        return _tr("No pain rated in the last 7 days; {0}.").format(logged)
    now = _one(summary.this_week)
    if summary.four_weeks_ago is None:
        return _tr("Pain this week {0}; {1}.").format(now, logged)
    then = _one(summary.four_weeks_ago)
    text = {
        "down": _tr("Pain this week {0}, down from {1} four weeks ago; {2}."),
        "up": _tr("Pain this week {0}, up from {1} four weeks ago; {2}."),
        "same": _tr("Pain this week {0}, about the same as four weeks ago ({1}); {2}."),
    }[summary.direction]
    return text.format(now, then, logged)


def averaging_hint(unit: str) -> str:
    """What one point of the main chart stands for ("day", "week" or "month"), and how to read it."""
    hints = {
        "day": _tr(
            "Pain (lower is better) above sleep (higher is better). Thin lines and dots: "
            "each day. Thick lines: the average of the last 7 days. Gaps are days with "
            "nothing logged. Drag to move in time, scroll to zoom."
        ),
        "week": _tr(
            "Pain (lower is better) above sleep (higher is better). Each point is one week's "
            "average (Monday to Sunday); sessions per week are under Adherence. Zoom in "
            "(scroll) to see single days."
        ),
        "month": _tr(
            "Pain (lower is better) above sleep (higher is better). Each point is one "
            "month's average; sessions per week are under Adherence. Zoom in (scroll) to see "
            "weeks, then days."
        ),
    }
    return hints[unit]
