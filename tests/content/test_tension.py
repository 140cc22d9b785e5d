"""Tension in the relaxation routines, the way Bernstein & Borkovec teach it and people in pain need
it: each group named before its tension, tension held 5 s after the words with "keep breathing" said
aloud, knees soft, every area a tension reaches named (so a very painful back is never tensed), and
the gentle version worded as a person would say it."""

from __future__ import annotations

import itertools
import re

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.playing.gentle import gentle_variant
from coach.core.playing.narration import NarrationCache, wav_seconds
from coach.core.playing.speech_estimate import speaking_seconds
from coach.core.playing.timeline import SPEECH_LEAD, needed_seconds
from coach.core.routines.routine import Routine, StepKind
from coach.services.sound.piper_engine import PiperEngine, render_cached

_VOICE = PiperEngine()
_SPOKEN: dict[str, float] = {}


@pytest.fixture(scope="module")
def spoken_length(tmp_path_factory: pytest.TempPathFactory):
    """Seconds the bundled neural voice takes to say a text at its normal speed, measured by
    rendering it (once per text)."""
    cache = NarrationCache(tmp_path_factory.mktemp("narration"))

    def length(text: str) -> float:
        if text not in _SPOKEN:
            _SPOKEN[text] = wav_seconds(render_cached(_VOICE, cache, text, 1.0))
        return _SPOKEN[text]

    return length


HOLD_AFTER_WORDS = 5.0  # seconds of tension after the instruction ends (Bernstein & Borkovec: 5-7)


def test_tension_is_held_5_s_after_the_words_then_released_30_to_40_s(
    routine: Routine, spoken_length
) -> None:
    steps = routine.steps
    for i, step in enumerate(steps):
        if step.kind is StepKind.TENSE:
            assert 5 <= step.duration <= 7, step.text
            # as heard: the words start just after the cue, and the tension goes on 5 s after them
            words = spoken_length(step.spoken)
            hold = step.duration - (SPEECH_LEAD if step.cue != "none" else 0.0) - words
            # the player stretches a step whose words leave less; the file itself nearly fits them
            assert hold >= HOLD_AFTER_WORDS - 0.5, (
                f"{routine.id}: only {hold:.1f} s after {step.spoken!r}"
            )
            assert needed_seconds(step, words) <= step.duration + 0.5
            after = steps[i + 1]
            assert after.kind is StepKind.RELEASE, "every tension is followed by its release"
            assert 30 <= after.duration <= 40, after.text
            assert after.regions == step.regions


def test_each_group_is_named_at_the_end_of_the_previous_relaxation(
    routine: Routine, spoken_length
) -> None:
    # the words that say what to tense come before the tension, so it starts at "now"
    steps = routine.steps
    for i, step in enumerate(steps):
        if step.kind is StepKind.TENSE:
            announce = steps[i - 1]
            assert announce.kind is StepKind.INSTRUCTION, step.text
            assert announce.regions == step.regions, "left out with its group by the gentle version"
            assert announce.cue == "none", "the voice alone; the tension gets the sound"
            assert spoken_length(announce.spoken) <= announce.duration
            if i >= 2 and steps[i - 2].kind is StepKind.RELEASE:
                relaxed = steps[i - 2].duration + announce.duration
                assert 30 <= relaxed <= 40, "the relaxation, announcement included, stays 30-40 s"


def test_breathing_is_said_aloud_during_every_tension(routine: Routine) -> None:
    for step in routine.steps:
        if step.kind is StepKind.TENSE:
            assert re.search(r"keep breathing", step.spoken, re.IGNORECASE), step.spoken
            assert re.search(r"keep breathing", step.text, re.IGNORECASE), step.text
            assert not re.search(r"\bhold\b", step.spoken, re.IGNORECASE), (
                "sounds like holding the breath"
            )


def test_no_tension_straightens_the_knee(routine: Routine) -> None:
    # a straight knee with the toes pulled up, sitting, stretches the sciatic nerve
    for step in routine.steps:
        if step.kind is StepKind.TENSE:
            assert not re.search(r"knees? straight|straighten", step.text, re.IGNORECASE), step.text
            if re.search(r"thigh", step.text):  # tightening the thigh pushes the knee straight
                assert re.search(r"knees? soft", step.text), step.text


# What each tensing instruction works, by its words: the regions every such step must name, so
# that an area marked as very painful is never tensed by an instruction that reaches it. "left"
# or "right" in the text narrows a sided group to that side.
TENSED_BY_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (r"fist", ("hand", "forearm")),
    (r"elbow", ("upper_arm",)),
    (r"eyebrows|forehead|scrunch", ("forehead",)),
    (r"squint|scrunch", ("cheeks",)),
    (r"teeth|lips|scrunch", ("jaw",)),
    (r"chin", ("neck_sides",)),
    (r"shoulder blades", ("shoulder_blades", "upper_back", "mid_back")),
    (r"toward your ears", ("shoulder_tops",)),
    (r"stomach", ("abdomen", "lower_back")),
    (r"thigh", ("thigh",)),
    (r"toes up", ("calf",)),
    (r"curl your toes", ("foot",)),
]


def tensed_regions(text: str, catalogue: RegionCatalogue) -> set[str]:
    """The regions a tensing instruction reaches, by its words."""
    sides = [side for side in ("left", "right") if re.search(rf"\b{side}\b", text, re.IGNORECASE)]
    needed: set[str] = set()
    for words, parts in TENSED_BY_WORDS:
        if not re.search(words, text, re.IGNORECASE):
            continue
        for part in parts:
            if catalogue.knows(part):
                needed |= catalogue.expand(part)
            else:
                for side in sides or ["left", "right"]:
                    needed |= catalogue.expand(f"{side}_{part}")
    return needed


def test_every_tensing_step_names_every_area_its_words_tense(
    routine: Routine, catalogue: RegionCatalogue
) -> None:
    for step in routine.steps:
        if step.kind is StepKind.TENSE:
            named = catalogue.expand_all(step.regions)
            missing = tensed_regions(step.text, catalogue) - named
            assert not missing, f"{routine.id}: {step.text!r} leaves out {sorted(missing)}"


def test_the_coverage_check_catches_a_trunk_group_without_the_low_back(
    catalogue: RegionCatalogue,
) -> None:
    firm = "Now: gently firm your stomach. Keep breathing."
    assert {"left_lower_back", "right_lower_back"} <= tensed_regions(firm, catalogue)
    assert not tensed_regions(firm, catalogue) <= catalogue.expand("abdomen")


@pytest.mark.parametrize("back", ["left_lower_back", "right_mid_back"])
def test_a_very_painful_back_is_never_tensed(
    routines: dict[str, Routine], catalogue: RegionCatalogue, back: str
) -> None:
    for routine in routines.values():
        gentle = gentle_variant(routine, {back: 8}, catalogue)
        for step in gentle.steps:
            if step.kind is StepKind.TENSE:
                assert back not in tensed_regions(step.text, catalogue), (routine.id, step.text)


def test_the_low_back_at_8_changes_every_routine_that_firms_the_stomach(
    routines: dict[str, Routine], catalogue: RegionCatalogue
) -> None:
    firming = [
        r
        for r in routines.values()
        if any("stomach" in s.text for s in r.steps if s.kind is StepKind.TENSE)
    ]
    assert {r.id for r in firming} >= {"pmr-16", "pmr-7", "pmr-4"}
    for routine in firming:
        gentle = gentle_variant(routine, {"left_lower_back": 8}, catalogue)
        tensed = " ".join(s.text for s in gentle.steps if s.kind is StepKind.TENSE)
        assert "stomach" not in tensed, routine.id


def test_the_gentle_wording_reads_as_a_person_says_it(
    routines: dict[str, Routine], catalogue: RegionCatalogue
) -> None:
    marks = [{"left_lower_back": 8}, {"right_shoulder_top": 9}, {"left_glute": 8}, {"left_calf": 9}]
    for routine in routines.values():
        for areas in marks:
            gentle = gentle_variant(routine, areas, catalogue)
            spoken = [s.spoken for s in gentle.steps if s.spoken]
            for before, after in itertools.pairwise(spoken):
                assert before != after, f"{routine.id}: {before!r} twice in a row"
                both = re.fullmatch(r"Now your (left|right) side\.", before) and re.fullmatch(
                    r"Now your (left|right) side\.", after
                )
                assert not both, f"{routine.id}: one side announced with nothing to do on it"
            for step in gentle.steps:
                # the estimate is an upper bound for the bundled voice (many texts: not rendered)
                assert speaking_seconds(step.spoken) <= step.duration, step.spoken
                assert not re.search(r"your (tops|sides|front|back) of", step.spoken), step.spoken
            rested = [s for s in gentle.steps if s not in routine.steps]
            for step in rested:
                assert "tension" not in step.spoken, "nothing was tensed, so no tension drains"
