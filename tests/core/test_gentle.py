"""The gentle variant: never tense or press an area logged at 7 or more today."""

from __future__ import annotations

from coach.core.gentle import advise, gentle_variant, strongly_painful
from coach.core.routine import Routine, Step, StepKind


def pmr() -> Routine:
    return Routine(
        "pmr",
        "PMR",
        (
            Step("Tense your right hand.", 7, StepKind.TENSE, regions=("right_hand_and_forearm",)),
            Step("Let go.", 30, StepKind.RELEASE, regions=("right_hand_and_forearm",)),
            Step("Tighten your stomach.", 7, StepKind.TENSE, regions=("abdomen",)),
            Step("Let go.", 30, StepKind.RELEASE, regions=("abdomen",)),
        ),
        kind="pmr",
    )


def massage() -> Routine:
    return Routine(
        "massage",
        "Massage",
        (
            Step("Place the ball by your left lower back.", 20, regions=("left_lower_back",)),
            Step("Lean into the ball.", 60, StepKind.MASSAGE, regions=("left_lower_back",)),
            Step("Rest.", 15, StepKind.REST, regions=("left_lower_back",)),
            Step("Place the ball by your left buttock.", 20, regions=("left_glute",)),
            Step("Lean into the ball.", 60, StepKind.MASSAGE, regions=("left_glute",)),
        ),
        kind="massage",
    )


def test_only_areas_at_seven_or_more_count():
    assert strongly_painful({"left_calf": 6, "left_lower_back": 7, "abdomen": 9}) == {
        "left_lower_back": 7,
        "abdomen": 9,
    }


def test_advice_names_the_painful_areas_the_routine_would_work(catalogue):
    advice = advise(pmr(), {"left_upper_abdomen": 8, "left_calf": 9}, catalogue)
    assert advice.needed
    assert advice.painful == {"left_upper_abdomen": 8}  # the calf is not in this routine
    assert (advice.tensed_steps, advice.massaged_steps) == (1, 0)
    assert not advise(pmr(), {"left_upper_abdomen": 6}, catalogue).needed


def test_pmr_variant_notices_instead_of_tensing_and_keeps_timing(catalogue):
    original = pmr()
    gentle = gentle_variant(original, {"left_upper_abdomen": 8}, catalogue)
    assert [s.kind for s in gentle.steps] == [
        StepKind.TENSE,
        StepKind.RELEASE,
        StepKind.NOTICE,
        StepKind.RELEASE,
    ]
    assert "No tensing" in gentle.steps[2].spoken
    assert gentle.duration == original.duration
    assert gentle.title == "PMR (gentle)"


def test_massage_variant_skips_the_whole_painful_spot(catalogue):
    gentle = gentle_variant(massage(), {"left_lower_back": 7}, catalogue)
    assert [s.text for s in gentle.steps] == [
        "Place the ball by your left buttock.",
        "Lean into the ball.",
    ]


def test_nothing_left_means_a_rest_not_an_empty_routine(catalogue):
    gentle = gentle_variant(massage(), {"left_lower_back": 9, "left_glute": 8}, catalogue)
    assert len(gentle.steps) == 1
    assert gentle.steps[0].kind is StepKind.REST


def test_built_in_routines_have_gentle_variants(library, catalogue):
    for entry in library.scan().entries:
        routine = entry.routine
        every_region = {r: 10 for r in catalogue.regions}
        gentle = gentle_variant(routine, every_region, catalogue)
        assert not any(s.kind in (StepKind.TENSE, StepKind.MASSAGE) for s in gentle.steps), (
            routine.id
        )


def test_strong_pain_on_the_spine_protects_the_muscles_beside_it(catalogue):
    painful = strongly_painful({"lumbar_spine": 8}, catalogue=catalogue)
    assert painful["lumbar_spine"] == 8
    assert {"left_lower_back", "right_lower_back"} <= painful.keys()


def test_the_spoken_replacement_fits_a_short_tense_step(library, catalogue):
    from coach.core.speech_estimate import speaking_seconds

    for entry in library.scan().entries:
        gentle = gentle_variant(entry.routine, {r: 10 for r in catalogue.regions}, catalogue)
        for step in gentle.steps:
            assert speaking_seconds(step.spoken) <= step.duration, (entry.routine.id, step.spoken)
