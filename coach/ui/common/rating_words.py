"""How the log's 0-10 ratings are named to the person: each scale's title and the words at its ends.

The core knows the ratings by name (`RATING_FIELDS`: "pain", "sleep_quality", ...); the words live
here, as literal strings lupdate can extract. Plain Qt Core, so `coach log add --help` words the
scales the same way as the Today view.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class RatingWords:
    """A scale's title ("Pain today") and what 0 and 10 mean ("no pain", "worst imaginable")."""

    title: str
    low: str
    high: str


def rating_words(name: str) -> RatingWords:
    """The words of the rating called `name` (one of `coach.core.log.entries.RATING_FIELDS`)."""
    no_pain = QCoreApplication.translate("RatingFields", "no pain")
    worst = QCoreApplication.translate("RatingFields", "worst imaginable")
    not_at_all = QCoreApplication.translate("RatingFields", "not at all")
    completely = QCoreApplication.translate("RatingFields", "completely")
    if name == "pain":
        return RatingWords(QCoreApplication.translate("RatingFields", "Pain today"), no_pain, worst)
    if name == "worst_pain":
        title = QCoreApplication.translate("RatingFields", "Worst pain today")
        return RatingWords(title, no_pain, worst)
    if name == "sleep_quality":
        return RatingWords(
            QCoreApplication.translate("RatingFields", "Sleep last night"),
            QCoreApplication.translate("RatingFields", "terrible"),
            QCoreApplication.translate("RatingFields", "excellent"),
        )
    if name == "enjoyment":
        title = QCoreApplication.translate("RatingFields", "Pain got in the way of enjoying life")
        return RatingWords(title, not_at_all, completely)
    if name == "activity":
        title = QCoreApplication.translate(
            "RatingFields", "Pain got in the way of general activity"
        )
        return RatingWords(title, not_at_all, completely)
    if name == "stress":
        return RatingWords(
            QCoreApplication.translate("RatingFields", "Stress"),
            QCoreApplication.translate("RatingFields", "none"),
            QCoreApplication.translate("RatingFields", "extreme"),
        )
    raise KeyError(f"no rating called {name!r}")
