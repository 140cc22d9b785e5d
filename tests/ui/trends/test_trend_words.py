"""The Trends view's sentences, made from what the core computed (the figures are checked by hand
in tests/core/analytics/test_trends.py; here the words they come out in)."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.core.analytics.trend_summary import week_summary
from coach.core.analytics.trends import Effect, Strength, adherence, session_effects, sleep_and_pain
from coach.core.log.entries import DayEntry
from coach.ui.trends.trend_words import (
    adherence_sentence,
    change_words,
    effect_line,
    effect_note,
    kinds_named,
    sleep_pain_sentence,
    strength_name,
    summary_sentence,
)
from tests.core.analytics.test_trends import D0, KINDS, LEAP_WEEK, PAIN, SLEEP, day, on, session


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (-1.24, "pain 1.2 points lower after"),
        (-1.0, "pain 1.0 points lower after"),
        (0.5, "pain 0.5 points higher after"),
        (0.04, "pain about the same after"),
        (-0.04, "pain about the same after"),
        (0.0, "pain about the same after"),
    ],
)
def test_change_words(change: float, words: str) -> None:
    assert change_words(change) == words


def test_effect_notes() -> None:
    sessions = [session("pmr-4", "Short PMR", b, a) for b, a in ((6, 4), (5, 4), (7, 5), (4, 4))]
    sessions += [session("pmr-4", "Short PMR", 6, 3), session("pmr-16", "Long PMR", 7, 6)]
    sessions += [session("massage-low-back", "Ball massage", 5, 4)] * 3
    sessions += [session("gone", "Retired routine", None, None)]
    by_title, by_kind = session_effects(sessions, KINDS)
    short, ball, long, retired = by_title
    assert effect_line(short) == (
        "Short PMR: Over 5 sessions, pain 1.6 points lower after on average (from 5.6 to 4.0)."
    )
    assert effect_note(ball) == "Only 3 sessions with both ratings: too few to say anything yet."
    assert effect_note(long) == "Only 1 session with both ratings: too few to say anything yet."
    assert effect_note(retired) == "No sessions with pain rated before and after yet."
    named = kinds_named(by_kind)
    assert [(e.name, e.count) for e in named] == [
        ("Relaxation (PMR)", 6),
        ("Self-massage", 3),
        ("Other", 0),
    ]
    assert effect_note(named[0]) == (
        "Over 6 sessions, pain 1.5 points lower after on average (from 5.8 to 4.3)."
    )


def test_kinds_named_sorts_ties_by_their_words() -> None:
    # by id "breathing" < "massage" < "pmr"; in words Breathing, Relaxation (PMR), Self-massage
    effects = [Effect(kind, 2, 5.0, 4.0, -1.0, False) for kind in ("breathing", "massage", "pmr")]
    effects.append(Effect("stretching", 2, 5.0, 4.0, -1.0, False))  # no longer a known kind
    assert [e.name for e in kinds_named(effects)] == [
        "Breathing",
        "Relaxation (PMR)",
        "Self-massage",
        "Stretching",
    ]


def test_sleep_and_pain_sentences() -> None:
    pairs = zip(SLEEP, PAIN, strict=True)
    days = [day(i, sleep_quality=s, pain=p) for i, (s, p) in enumerate(pairs)]
    assert sleep_pain_sentence(sleep_and_pain(days, min_days=5)) == (
        "Over 5 days, better sleep went with lower pain the same day "
        "(rank correlation -0.95, strong). "
        "This shows the two move together; it does not show that one causes the other."
    )
    assert sleep_pain_sentence(sleep_and_pain(days[:4] * 2 + days[:1])) == (
        "14 days with both sleep and pain are needed; you have 9 (5 more)."
    )
    steady = [day(i, sleep_quality=6, pain=i % 7) for i in range(20)]
    assert sleep_pain_sentence(sleep_and_pain(steady)) == (
        "Over 20 days, your sleep or your pain rating stayed the same every day, "
        "so there is nothing to compare yet."
    )
    rising = [day(i, sleep_quality=i, pain=i) for i in range(5)]
    assert "better sleep went with higher pain the same day" in sleep_pain_sentence(
        sleep_and_pain(rising, min_days=5)
    )
    flat = [day(i, sleep_quality=i + 1, pain=p) for i, p in enumerate([2, 1, 1, 2])]
    sentence = sleep_pain_sentence(sleep_and_pain(flat, min_days=4))
    assert "sleep and pain the same day hardly moved together" in sentence
    assert "(rank correlation 0.00, very weak)" in sentence


@pytest.mark.parametrize(
    ("strength", "word"),
    [
        (Strength.VERY_WEAK, "very weak"),
        (Strength.WEAK, "weak"),
        (Strength.MODERATE, "moderate"),
        (Strength.STRONG, "strong"),
    ],
)
def test_strength_names(strength: Strength, word: str) -> None:
    assert strength_name(strength) == word


def test_adherence_sentences() -> None:
    start = dt.date(2024, 2, 19)
    streak = adherence(LEAP_WEEK, start, dt.date(2024, 3, 3), dt.date(2024, 3, 2))
    assert adherence_sentence(streak) == "7 sessions in the last 7 days. Your streak: 5 days."
    assert adherence_sentence(adherence(on(D0), D0, D0, D0)) == "1 session in the last 7 days."
    assert adherence_sentence(adherence([], D0, D0, D0)) == (
        "No sessions this week yet. Even a short one counts."
    )


END = dt.date(2026, 3, 31)


def rated(offset: int, pain: int) -> DayEntry:
    return DayEntry(END - dt.timedelta(days=offset), pain=pain)


def test_summary_sentences() -> None:
    down = [rated(i, 3) for i in range(6)] + [rated(28 + i, 5) for i in range(7)]
    assert summary_sentence(week_summary(down, END)) == (
        "Pain this week 3.0, down from 5.0 four weeks ago; 6 of 7 days logged."
    )
    up = [rated(0, 6), rated(28, 4)]
    assert summary_sentence(week_summary(up, END)) == (
        "Pain this week 6.0, up from 4.0 four weeks ago; 1 of 7 days logged."
    )
    same = [rated(0, 4), rated(28, 4)]
    assert summary_sentence(week_summary(same, END)) == (
        "Pain this week 4.0, about the same as four weeks ago (4.0); 1 of 7 days logged."
    )
    assert summary_sentence(week_summary([rated(0, 4)], END)) == (
        "Pain this week 4.0; 1 of 7 days logged."
    )
    assert summary_sentence(week_summary([DayEntry(END, note="x")], END)) == (
        "No pain rated in the last 7 days; 1 of 7 days logged."
    )
    assert summary_sentence(week_summary([], END)) == (
        "Nothing logged in the last 7 days; log today in Today (Ctrl+1)."
    )
