"""Blocks in session files: placeholders across levels, empty loops, bounded work on big
repetitions, the spine guard, and custom cue sounds kept inside the session's folder."""

from __future__ import annotations

import os
import time
import wave
from pathlib import Path

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.problems import FileProblems, Problem
from coach.core.routines.routine import Routine, StepKind
from coach.core.routines.session_file import load_routine
from tests.conftest import write_session

HEAD = 'format = 1\ntitle = "Blocks"\n'


def load(folder: Path, catalogue: RegionCatalogue, body: str, name: str = "s.toml") -> Routine:
    return load_routine(write_session(folder, name, body), catalogue)


def problems(folder: Path, catalogue: RegionCatalogue, body: str) -> list[Problem]:
    with pytest.raises(FileProblems) as info:
        load(folder, catalogue, body, "bad.toml")
    return info.value.problems


# -- placeholders and regions across levels --------------------------------------------------------


def test_block_regions_may_use_the_blocks_own_side(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        'sides = ["left", "right"]\n'
        'regions = ["{side}_calf"]\n'
        "  [[steps.steps]]\n"
        '  kind = "massage"\n'
        '  text = "{Side} calf."\n'
        "  duration = 30\n"
        "  [[steps.steps]]\n"
        '  text = "Rest."\n'
        "  regions = []\n"
        "  duration = 5\n"
    )
    routine = load(tmp_path, catalogue, body)
    assert [(s.text, s.regions) for s in routine.steps] == [
        ("Left calf.", ("left_calf",)),
        ("Rest.", ()),
        ("Right calf.", ("right_calf",)),
        ("Rest.", ()),
    ]
    assert routine.targets == ("left_calf", "right_calf")


def test_for_each_regions_may_use_the_blocks_own_side_and_win_over_the_blocks(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        'sides = ["right", "left"]\n'
        'regions = ["{side}_calf"]\n'
        "for_each = [\n"
        '  { spot = "buttock", regions = ["{side}_glute"] },\n'
        '  { spot = "calf" },\n'
        "]\n"
        "  [[steps.steps]]\n"
        '  text = "{Side} {spot}."\n'
        "  duration = 30\n"
    )
    routine = load(tmp_path, catalogue, body)
    # items outermost, then sides
    assert [(s.text, s.regions) for s in routine.steps] == [
        ("Right buttock.", ("right_glute",)),
        ("Left buttock.", ("left_glute",)),
        ("Right calf.", ("right_calf",)),
        ("Left calf.", ("left_calf",)),
    ]


def test_outer_round_is_visible_in_an_inner_block_without_repeat(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        "repeat = 2\n"
        "  [[steps.steps]]\n"
        '  label = "no repeat of its own"\n'
        '  for_each = [{ part = "hands" }, { part = "feet" }]\n'
        "    [[steps.steps.steps]]\n"
        '    text = "Round {round}: {part}."\n'
        "    duration = 5\n"
    )
    texts = [s.text for s in load(tmp_path, catalogue, body).steps]
    assert texts == ["Round 1: hands.", "Round 1: feet.", "Round 2: hands.", "Round 2: feet."]


def test_an_inner_repeat_has_its_own_round(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        "repeat = 2\n"
        "  [[steps.steps]]\n"
        "  repeat = 3\n"
        "    [[steps.steps.steps]]\n"
        '    text = "{round}"\n'
        "    duration = 5\n"
    )
    assert [s.text for s in load(tmp_path, catalogue, body).steps] == ["1", "2", "3"] * 2


def test_round_without_any_repeat_is_not_defined(tmp_path, catalogue):
    body = HEAD + '[[steps]]\nlabel = "x"\n  [[steps.steps]]\n  text = "{round}"\n  duration = 5\n'
    [problem] = problems(tmp_path, catalogue, body)
    assert problem.message == "uses {round}, which is not defined (defined: none here)"
    assert problem.line == 6


def test_placeholders_of_every_enclosing_block_are_listed_when_one_is_missing(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        'sides = ["left"]\n'
        "  [[steps.steps]]\n"
        '  for_each = [{ name = "a" }]\n'
        "  repeat = 2\n"
        "    [[steps.steps.steps]]\n"
        '    text = "{nmae}"\n'
        "    duration = 5\n"
    )
    [problem] = problems(tmp_path, catalogue, body)
    assert problem.field == "steps[0].steps[0].steps[0].text"
    assert problem.message == (
        "uses {nmae}, which is not defined (defined: {Side}, {name}, {round}, {side})"
    )


@pytest.mark.parametrize("key", ["for_each", "sides"])
def test_empty_loops_are_errors(tmp_path, catalogue, key):
    body = HEAD + f"[[steps]]\n{key} = []\n  [[steps.steps]]\n  text = 'a'\n  duration = 5\n"
    [problem] = problems(tmp_path, catalogue, body)
    assert str(problem) == (
        f"{tmp_path / 'bad.toml'}:4: steps[0].{key} must not be empty; leave it out instead"
    )


# -- big repetitions stay cheap --------------------------------------------------------------------


def test_a_typo_deep_inside_a_big_repeat_is_reported_once_and_quickly(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        "repeat = 100\n"
        "  [[steps.steps]]\n"
        "    [[steps.steps.steps]]\n"
        "      [[steps.steps.steps.steps]]\n"
        '      text = "a"\n'
        "      kidn = 'tense'\n"  # line 9
        "      duration = 1\n"
    )
    start = time.perf_counter()
    found = problems(tmp_path, catalogue, body)
    assert time.perf_counter() - start < 0.5
    assert [str(p) for p in found] == [
        f"{tmp_path / 'bad.toml'}:9: steps[0].steps[0].steps[0].steps[0].kidn "
        'is not a known key (did you mean "kind"?)'
    ]


def test_a_typo_under_three_levels_of_repeat_100_is_reported_once_and_quickly(tmp_path, catalogue):
    """100 x 100 x 100 repetitions of a broken step: each mistake once, no million-step walk."""
    body = HEAD + (
        "[[steps]]\n"
        "repeat = 100\n"
        "  [[steps.steps]]\n"
        "  repeat = 100\n"
        "    [[steps.steps.steps]]\n"
        "    repeat = 100\n"
        "      [[steps.steps.steps.steps]]\n"
        '      text = "a"\n'
        "      kidn = 'tense'\n"
        "      duration = 1\n"
    )
    start = time.perf_counter()
    found = problems(tmp_path, catalogue, body)
    assert time.perf_counter() - start < 0.5
    messages = [p.message for p in found]
    assert messages.count('is not a known key (did you mean "kind"?)') == 1
    assert messages.count("expands to more than 2000 steps; simplify the repetitions") == 1
    assert len(found) == 2


def test_a_block_mistake_under_a_big_repeat_is_reported_once(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        "repeat = 100\n"
        "  [[steps.steps]]\n"
        "  repeats = 3\n"
        "    [[steps.steps.steps]]\n"
        '    text = "a"\n'
        "    duration = 1\n"
    )
    [problem] = problems(tmp_path, catalogue, body)
    assert problem.field == "steps[0].steps[0].repeats"


# -- the spine guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regions", "named"),
    [
        ('["lumbar_spine"]', "Lower spine (lumbar)"),
        ('["left_lower_back", "sacrum"]', "Sacrum and tailbone"),
        ('["spine"]', "Neck spine (cervical)"),
        ('["whole_back"]', "Upper and mid spine (thoracic)"),
        ('["neck"]', "Neck spine (cervical)"),
    ],
)
def test_massage_on_the_spine_is_rejected(tmp_path, catalogue, regions, named):
    body = (
        HEAD + f'[[steps]]\nkind = "massage"\ntext = "Roll."\nregions = {regions}\nduration = 60\n'
    )
    [problem] = problems(tmp_path, catalogue, body)
    assert problem.field == "steps[0].regions"
    assert problem.line == 6
    assert problem.message.startswith("would massage the spine itself (")
    assert named in problem.message
    assert "name the muscles beside it instead" in problem.message


def test_massage_on_the_spine_is_caught_through_inherited_regions(tmp_path, catalogue):
    body = HEAD + (
        "[[steps]]\n"
        'for_each = [{ regions = ["lower_back"] }, { regions = ["trunk"] }]\n'
        "  [[steps.steps]]\n"
        '  kind = "massage"\n'
        '  text = "Roll."\n'
        "  duration = 60\n"
    )
    [problem] = problems(tmp_path, catalogue, body)
    assert problem.field == "steps[0].steps[0].regions"
    assert "spine" in problem.message


@pytest.mark.parametrize(
    "regions", ['["lower_back"]', '["left_lower_back", "right_lower_back"]', '["glutes"]']
)
def test_massage_beside_the_spine_is_fine(tmp_path, catalogue, regions):
    body = (
        HEAD + f'[[steps]]\nkind = "massage"\ntext = "Roll."\nregions = {regions}\nduration = 60\n'
    )
    [step] = load(tmp_path, catalogue, body).steps
    assert step.kind is StepKind.MASSAGE


def test_tensing_the_spine_by_name_is_rejected(tmp_path, catalogue):
    body = HEAD + '[[steps]]\nkind = "tense"\ntext = "Tense."\nregions = ["cervical_spine"]\n'
    body += "duration = 7\n"
    [problem] = problems(tmp_path, catalogue, body)
    assert problem.field == "steps[0].regions"
    assert problem.message == (
        "asks to tense the spine itself (cervical_spine); name the muscles instead"
    )


@pytest.mark.parametrize("group", ["neck", "face_and_neck", "chest_shoulders_back_abdomen"])
def test_tensing_a_muscle_group_that_includes_the_spine_is_allowed(tmp_path, catalogue, group):
    body = HEAD + f'[[steps]]\nkind = "tense"\ntext = "Tense."\nregions = ["{group}"]\n'
    body += "duration = 7\n"
    [step] = load(tmp_path, catalogue, body).steps
    assert step.regions == (group,)


@pytest.mark.parametrize("kind", ["notice", "rest", "instruction", "release"])
def test_other_kinds_may_name_the_spine(tmp_path, catalogue, kind):
    body = HEAD + f'[[steps]]\nkind = "{kind}"\ntext = "Notice."\nregions = ["spine"]\n'
    body += "duration = 7\n"
    assert load(tmp_path, catalogue, body).steps[0].regions == ("spine",)


# -- custom cue sounds ------------------------------------------------------------------------------


def test_a_custom_cue_resolves_inside_the_folder(tmp_path, catalogue):
    folder = tmp_path / "mine"
    (folder / "sounds").mkdir(parents=True)
    for wav in (folder / "bell.wav", folder / "sounds" / "left.wav"):
        with wave.open(str(wav), "wb") as out:  # a real, tiny WAV: the loader reads its header
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(22050)
            out.writeframes(b"\0\0" * 100)
    body = HEAD + (
        '[[steps]]\ntext = "a"\ncue = "bell.wav"\nduration = 5\n'
        '[[steps]]\nsides = ["left"]\n'
        '  [[steps.steps]]\n  text = "b"\n  cue = "sounds/{side}.wav"\n  duration = 5\n'
    )
    steps = load(folder, catalogue, body).steps
    assert [s.cue for s in steps] == [
        (folder / "bell.wav").resolve(),
        (folder / "sounds" / "left.wav").resolve(),
    ], "a session's own sound is the absolute Path of a file inside its folder"


@pytest.mark.parametrize(
    ("cue", "message"),
    [
        ("../outside.wav", "leaves the session's folder ('../outside.wav')"),
        ("sub/../../outside.wav", "leaves the session's folder"),
        ("../mine2/evil.wav", "leaves the session's folder"),  # a sibling sharing the prefix
        ("{outside}", "must be a path inside the session's folder"),
        ("~/outside.wav", "must be a path inside the session's folder"),
        ("C:outside.wav", "must be a path inside the session's folder"),
        ("\\\\server\\share\\x.wav", "must be a path inside the session's folder"),
        ("link.wav", "leaves the session's folder"),
        ("missing.wav", "names 'missing.wav', which does not exist"),
        ("bell.mp3", "must be one of step, tense"),
    ],
)
def test_a_cue_outside_the_folder_is_rejected(tmp_path, catalogue, cue, message):
    folder = tmp_path / "mine"
    folder.mkdir()
    (tmp_path / "outside.wav").write_bytes(b"RIFF")
    (tmp_path / "mine2").mkdir()
    (tmp_path / "mine2" / "evil.wav").write_bytes(b"RIFF")
    os.symlink(tmp_path / "outside.wav", folder / "link.wav")
    cue = cue.replace("{outside}", str(tmp_path / "outside.wav"))
    body = HEAD + f"[[steps]]\ntext = 'a'\ncue = '{cue}'\nduration = 5\n"
    with pytest.raises(FileProblems) as info:
        load(folder, catalogue, body, "bad.toml")
    [problem] = info.value.problems
    assert problem.field == "steps[0].cue"
    assert problem.line == 5
    assert message in problem.message
