"""Suggested routines for marked areas: direct and linked, ranked, safe for strong pain, once each."""

from __future__ import annotations

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.body.suggestions import LinkedPain, area_notes, suggest
from coach.core.playing.gentle import advise
from coach.core.routines.library import RoutineLibrary
from coach.core.routines.routine import Routine, Step, StepKind


@pytest.fixture
def routines(library: RoutineLibrary) -> list[Routine]:
    """The built-in routines."""
    return [entry.routine for entry in library.scan().entries]


def routine(id_: str, *steps: Step, kind: str = "pmr", targets: tuple[str, ...] = ()) -> Routine:
    return Routine(id_, id_.replace("-", " ").capitalize(), steps, kind=kind, targets=targets)


def step(kind: StepKind, *regions: str, duration: float = 10.0) -> Step:
    return Step(f"{kind.value}.", duration, kind, regions=regions)


INTRO = step(StepKind.INSTRUCTION)


def by_id(found: list) -> dict:
    return {s.routine.id: s for s in found}


def test_nothing_marked_suggests_nothing(catalogue: RegionCatalogue, routines) -> None:
    assert suggest({}, catalogue, routines) == []
    assert suggest({"not_a_region": 5}, catalogue, routines) == [], "unknown ids are ignored"


def test_the_low_back_massage_comes_first_for_a_sore_low_back(
    catalogue: RegionCatalogue, routines
) -> None:
    found = suggest({"left_lower_back": 6, "right_lower_back": 4}, catalogue, routines)

    first = found[0]
    assert first.routine.id == "massage-low-back"
    assert first.direct
    assert first.areas == ("Lower back",), "both sides: the group by its name"
    assert first.link is None
    assert first.regions == {"left_lower_back", "right_lower_back"}
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert all(0 <= s.score <= 10 for s in found)


def test_linked_muscles_bring_routines_with_a_short_reason_and_the_catalogue_s_detail(
    catalogue: RegionCatalogue, routines
) -> None:
    found = by_id(suggest({"left_lower_back": 5}, catalogue, routines, limit=20))

    glutes = found["massage-glutes"]
    assert not glutes.direct
    assert glutes.link == LinkedPain(
        "Buttocks",
        "Lower back",
        "Tight or tired buttock muscles often add to strain in the low back.",
    )
    assert glutes.areas == ()
    assert glutes.regions == {"left_glute", "right_glute"}
    hip_flexors = found["massage-hip-flexors"].link
    assert hip_flexors is not None
    assert hip_flexors.reason == (
        "Tight hip flexors, especially after long sitting, can pull on the low back."
    )
    assert "massage-foot" not in found, "nothing links the soles to the low back"


def test_each_routine_once_and_a_direct_match_wins_over_a_link(
    catalogue: RegionCatalogue, routines
) -> None:
    # buttocks are marked and linked from the low back: the glute massage is direct, once
    found = suggest({"left_lower_back": 5, "left_glute": 3}, catalogue, routines, limit=20)

    ids = [s.routine.id for s in found]
    assert len(ids) == len(set(ids))
    assert by_id(found)["massage-glutes"].direct
    assert by_id(found)["massage-glutes"].areas == ("Left buttock",)


def test_more_of_the_marked_pain_ranks_higher(catalogue: RegionCatalogue) -> None:
    neck = routine("neck", INTRO, step(StepKind.MASSAGE, "left_neck"), kind="massage")
    back = routine("back", INTRO, step(StepKind.MASSAGE, "left_lower_back"), kind="massage")

    found = suggest({"left_neck": 2, "left_lower_back": 6}, catalogue, [neck, back])

    assert [s.routine.id for s in found] == ["back", "neck"]


def test_a_routine_spending_more_of_its_time_there_ranks_higher(
    catalogue: RegionCatalogue,
) -> None:
    focused = routine("focused", INTRO, step(StepKind.TENSE, "left_calf", duration=60))
    passing = routine(
        "passing",
        step(StepKind.TENSE, "left_calf"),
        step(StepKind.TENSE, "right_calf", duration=60),
    )

    found = suggest({"left_calf": 4}, catalogue, [passing, focused])

    assert [s.routine.id for s in found] == ["focused", "passing"]
    assert found[0].score > found[1].score


def test_targets_count_for_a_routine_whose_steps_name_no_areas(
    catalogue: RegionCatalogue,
) -> None:
    breathing = routine("breathing", INTRO, kind="breathing", targets=("abdomen",))

    [found] = suggest({"left_upper_abdomen": 3}, catalogue, [breathing])

    assert found.direct
    assert found.areas == ("Left upper abdomen",)


def test_strong_pain_gets_the_gentle_version_offered(catalogue: RegionCatalogue) -> None:
    pmr = routine(
        "pmr",
        INTRO,
        step(StepKind.TENSE, "lower_back"),
        step(StepKind.RELEASE, "lower_back"),
        step(StepKind.TENSE, "left_calf"),
    )

    [found] = suggest({"left_lower_back": 8}, catalogue, [pmr])

    assert found.gentle
    assert found.direct, "the gentle version still works the area: it notices and releases it"
    assert found.areas == ("Left lower back",)


def test_no_gentle_note_below_seven(catalogue: RegionCatalogue) -> None:
    pmr = routine("pmr", INTRO, step(StepKind.TENSE, "lower_back"))

    [found] = suggest({"left_lower_back": 6}, catalogue, [pmr])

    assert not found.gentle


def test_a_routine_with_nothing_left_to_do_gently_is_never_suggested(
    catalogue: RegionCatalogue,
) -> None:
    only_there = routine(
        "only-there", step(StepKind.MASSAGE, "lower_back"), kind="massage", targets=("lower_back",)
    )

    assert suggest({"left_lower_back": 9, "right_lower_back": 7}, catalogue, [only_there]) == []


def test_a_massage_that_must_skip_the_sore_spot_is_not_suggested_for_it(
    catalogue: RegionCatalogue, routines
) -> None:
    marks = {"left_lower_back": 8, "right_lower_back": 8}
    found = by_id(suggest(marks, catalogue, routines))

    assert "massage-low-back" not in found
    assert found, "other routines are still suggested"
    for suggestion in found.values():  # gently, whenever the routine would need it
        needed = advise(suggestion.routine, marks, catalogue).needed
        assert suggestion.gentle == needed, suggestion.routine.id


def test_the_spine_is_never_worked_directly_only_the_muscles_beside_it(
    catalogue: RegionCatalogue, routines
) -> None:
    claims_spine = routine("claims-spine", INTRO, targets=("lumbar_spine",), kind="other")

    found = by_id(suggest({"lumbar_spine": 4}, catalogue, [*routines, claims_spine], limit=20))

    assert "claims-spine" not in found
    assert not any(s.direct for s in found.values())
    low_back = found["massage-low-back"]
    assert low_back.link == LinkedPain(
        "Lower back",
        "Lower spine (lumbar)",
        "The muscles beside the spine often tighten and guard when the low back is sore.",
    )


def test_the_limit_keeps_the_best(catalogue: RegionCatalogue, routines) -> None:
    marks = {"left_lower_back": 5, "right_neck": 3, "left_calf": 2}
    everything = suggest(marks, catalogue, routines, limit=50)

    assert suggest(marks, catalogue, routines, limit=3) == everything[:3]
    assert suggest(marks, catalogue, routines, limit=0) == []
    assert len(suggest(marks, catalogue, routines)) == min(8, len(everything))


def test_many_areas_are_named_briefly(catalogue: RegionCatalogue) -> None:
    everywhere = routine(
        "everywhere",
        step(StepKind.TENSE, "left_calf", "left_hand", "neck_front", "forehead", "left_sole"),
    )
    marks = {"left_calf": 3, "left_hand_palm": 3, "neck_front": 3, "forehead": 3, "left_sole": 3}

    [found] = suggest(marks, catalogue, [everywhere])

    assert found.areas == ("Forehead", "Front of neck")
    assert found.more_areas == 3


def test_the_most_painful_area_is_named_first(catalogue: RegionCatalogue) -> None:
    desk = routine("desk", step(StepKind.TENSE, "left_neck"), step(StepKind.TENSE, "lower_back"))

    [found] = suggest({"left_neck": 2, "left_lower_back": 6}, catalogue, [desk])

    assert found.areas == ("Left lower back", "Left side and back of neck")
    assert found.more_areas == 0


def test_every_area_a_person_can_mark_gets_a_suggestion(
    catalogue: RegionCatalogue, routines
) -> None:
    for level in (3, 8):
        unreached = [r for r in catalogue.regions if not suggest({r: level}, catalogue, routines)]
        assert unreached == [], f"at {level}/10 nothing is suggested for {unreached}"


def test_a_marked_mid_back_gets_its_own_routine_first(catalogue: RegionCatalogue, routines) -> None:
    found = suggest({"left_mid_back": 5, "right_mid_back": 4}, catalogue, routines)

    assert found[0].routine.id == "massage-mid-back"
    assert found[0].direct


def test_the_low_back_at_8_gets_gentle_relaxation_that_rests_it(
    catalogue: RegionCatalogue, routines
) -> None:
    found = by_id(suggest({"left_lower_back": 8}, catalogue, routines, limit=30))

    for pmr in ("pmr-16", "pmr-7", "pmr-4"):
        assert found[pmr].gentle, pmr
        assert found[pmr].direct, "the gentle version still relaxes the low back, by recall"
    assert found["relax-recall"].direct
    assert not found["relax-recall"].gentle


def test_area_notes_say_what_else_one_sided_pain_can_be(catalogue: RegionCatalogue) -> None:
    [kidney] = area_notes({"right_lower_back": 4}, catalogue)
    assert "kidney" in kidney
    [belly] = area_notes({"right_lower_abdomen": 6, "left_hand_palm": 2}, catalogue)
    assert "appendix" in belly
    assert area_notes({"left_lower_back": 0}, catalogue) == [], "0 is no pain"
    assert area_notes({"left_shin": 5}, catalogue) == []
