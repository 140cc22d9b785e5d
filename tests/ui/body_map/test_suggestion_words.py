"""The suggestions in words, as the body map shows them (in English here, with no translation
installed): the areas a routine works, the link it was found by, and the gentle version."""

from __future__ import annotations

import pytest

from coach.core.body.suggestions import LinkedPain, Suggestion
from coach.core.routines.routine import Routine, Step
from coach.ui.body_map.suggestion_words import area_list, detail, reason

ROUTINE = Routine("r", "R", (Step("Breathe.", 60),))
HIPS = LinkedPain("Hip flexors", "Lower back", "Tight hip flexors can pull on the low back.")


@pytest.mark.parametrize(
    ("names", "more", "said"),
    [
        (("Lower back",), 0, "lower back"),
        (("Left lower back", "Left buttock"), 0, "left lower back and left buttock"),
        (("Neck", "Chest", "Left calf"), 0, "neck, chest and left calf"),
        (("Forehead", "Front of neck"), 3, "forehead, front of neck and 3 more areas"),
    ],
)
def test_areas_are_listed_in_a_sentence(qapp, names: tuple[str, ...], more: int, said: str) -> None:
    assert area_list(names, more) == said


def test_a_direct_suggestion_names_the_areas_it_works(qapp) -> None:
    found = Suggestion(ROUTINE, 7.0, True, areas=("Lower back", "Left buttock"))
    assert reason(found) == "Works your lower back and left buttock."
    assert detail(found) == ""


def test_a_linked_suggestion_gives_the_catalogue_s_reason_and_says_what_it_works(qapp) -> None:
    found = Suggestion(ROUTINE, 5.0, False, link=HIPS)
    assert reason(found) == "Tight hip flexors can pull on the low back."
    assert detail(found) == "Works your hip flexors, often linked to pain in the lower back."


def test_the_gentle_version_is_said_to_be_offered(qapp) -> None:
    direct = Suggestion(ROUTINE, 7.0, True, gentle=True, areas=("Left lower back",))
    linked = Suggestion(ROUTINE, 5.0, False, gentle=True, link=HIPS)
    assert reason(direct) == "Works your left lower back (gentle version offered)."
    assert reason(linked) == (
        "Tight hip flexors can pull on the low back (gentle version offered)."
    )
