"""The gentle variant: never tense or press an area logged at 7 or more today."""

from __future__ import annotations

from coach.core.playing.gentle import advise, gentle_variant, spoken_area, strongly_painful
from coach.core.routines.routine import Routine, Step, StepKind


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


def test_pmr_variant_rests_instead_of_tensing_and_keeps_timing(catalogue):
    original = pmr()
    gentle = gentle_variant(original, {"left_upper_abdomen": 8}, catalogue)
    assert [s.kind for s in gentle.steps] == [
        StepKind.TENSE,
        StepKind.RELEASE,
        StepKind.NOTICE,
        StepKind.NOTICE,
    ]
    rest, recall = gentle.steps[2:]
    assert rest.spoken == "Today, don't tense your abdomen. Just let it rest."
    assert "because of the pain in your left upper abdomen" in rest.text
    assert "tension" not in recall.spoken, "nothing was tensed, so nothing drains away"
    assert "Remember how letting go feels" in recall.spoken
    assert recall.cue == "none", "no release sound after nothing was tensed"
    assert gentle.duration == original.duration
    assert gentle.title == "PMR (gentle)"


def announced_twice() -> Routine:
    """A group announced before each tension, tensed and released twice in a row."""
    round_ = (
        Step("Tops of your shoulders: lift them.", 5, regions=("shoulder_tops",)),
        Step("Now. Keep breathing.", 7, StepKind.TENSE, regions=("shoulder_tops",)),
        Step("And let go.", 30, StepKind.RELEASE, regions=("shoulder_tops",)),
    )
    return Routine("desk", "Desk", round_ + round_, kind="pmr")


def test_a_painful_group_is_rested_once_with_its_announcement_folded_in(catalogue):
    gentle = gentle_variant(announced_twice(), {"left_shoulder_top": 9}, catalogue)

    rest, recall = gentle.steps
    assert rest.spoken == "Today, don't tense the tops of your shoulders. Just let it rest."
    assert rest.duration == 12, "the announcement's time and the tension's"
    assert "lift" not in rest.spoken + recall.spoken
    assert recall.duration == 30
    assert "because of the pain in the top of your left shoulder" in rest.text


def test_spoken_area_reads_as_a_person_says_it(catalogue):
    assert spoken_area(["shoulder_tops"], catalogue) == "the tops of your shoulders"
    assert spoken_area(["neck_sides"], catalogue) == "the sides and back of your neck"
    assert spoken_area(["hands", "forearms"], catalogue) == "your hands and forearms"
    assert spoken_area(["hip_flexors"], catalogue) == "your hip flexors"
    assert spoken_area(["upper_back", "shoulder_blades"], catalogue) == (
        "your upper back and shoulder blades"
    )


def sided_massage() -> Routine:
    steps = []
    for side in ("left", "right"):
        steps += [
            Step(f"Now your {side} side.", 6),
            Step("Place the ball.", 18, regions=(f"{side}_glute",)),
            Step("Lean in.", 60, StepKind.MASSAGE, regions=(f"{side}_glute",)),
            Step("Rest.", 15, StepKind.REST, regions=(f"{side}_glute",)),
        ]
    steps.append(Step("Put the ball down.", 20, StepKind.NOTICE))
    return Routine("glutes", "Glutes", tuple(steps), kind="massage")


def test_a_side_with_nothing_left_is_not_announced(catalogue):
    left_sore = gentle_variant(sided_massage(), {"left_glute": 8}, catalogue)
    right_sore = gentle_variant(sided_massage(), {"right_glute": 8}, catalogue)

    assert [s.text for s in left_sore.steps][:2] == ["Now your right side.", "Place the ball."]
    assert "Now your left side." not in [s.text for s in left_sore.steps]
    assert [s.text for s in right_sore.steps][-2:] == ["Rest.", "Put the ball down."]
    assert "Now your right side." not in [s.text for s in right_sore.steps]


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
    from coach.core.playing.speech_estimate import speaking_seconds

    for entry in library.scan().entries:
        gentle = gentle_variant(entry.routine, {r: 10 for r in catalogue.regions}, catalogue)
        for step in gentle.steps:
            assert speaking_seconds(step.spoken) <= step.duration, (entry.routine.id, step.spoken)
