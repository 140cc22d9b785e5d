"""The log's ratings in words: each scale's title and the words at its ends."""

from __future__ import annotations

import pytest

from coach.core.log.entries import RATING_FIELDS
from coach.ui.common.rating_words import RatingWords, rating_words


def test_every_rating_has_its_words() -> None:
    assert {name: rating_words(name) for name in RATING_FIELDS} == {
        "pain": RatingWords("Pain today", "no pain", "worst imaginable"),
        "worst_pain": RatingWords("Worst pain today", "no pain", "worst imaginable"),
        "sleep_quality": RatingWords("Sleep last night", "terrible", "excellent"),
        "enjoyment": RatingWords(
            "Pain got in the way of enjoying life", "not at all", "completely"
        ),
        "activity": RatingWords(
            "Pain got in the way of general activity", "not at all", "completely"
        ),
        "stress": RatingWords("Stress", "none", "extreme"),
    }


def test_an_unknown_rating_is_an_error() -> None:
    with pytest.raises(KeyError, match="mood"):
        rating_words("mood")
