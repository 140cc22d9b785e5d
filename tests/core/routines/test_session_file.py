"""Session files: what a valid file expands to, and a clear, located message for every bad one."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.problems import FileProblems, Severity
from coach.core.routines.routine import StepKind
from coach.core.routines.session_file import load_routine, parse_routine
from coach.core.routines.session_format import MAX_FILE_BYTES, MAX_STEPS
from tests.conftest import MINIMAL, write_session


def load_text(tmp_path: Path, catalogue: RegionCatalogue, body: str, name: str = "test.toml"):
    return load_routine(write_session(tmp_path, name, body), catalogue)


def problems_of(
    tmp_path: Path, catalogue: RegionCatalogue, body: str | bytes, name: str = "bad.toml"
):
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    with pytest.raises(FileProblems) as info:
        load_routine(path, catalogue)
    return info.value.problems


# -- valid files -------------------------------------------------------------------------------


def test_minimal_file_gets_defaults(tmp_path, catalogue):
    routine = load_text(tmp_path, catalogue, MINIMAL, "two-steps.toml")
    assert routine.id == "two-steps"  # from the file name
    assert routine.kind == "other"
    assert routine.language == "en"
    assert routine.duration == 10
    assert [s.kind for s in routine.steps] == [StepKind.BREATHE_IN, StepKind.BREATHE_OUT]
    assert [s.cue for s in routine.steps] == ["breath-in", "breath-out"]
    assert routine.steps[0].spoken == "Breathe in slowly."
    assert routine.warnings == ()


def test_for_each_with_repeat_keeps_each_group_together(tmp_path, catalogue):
    body = """
format = 1
title = "PMR"
kind = "pmr"

[[steps]]
for_each = [
  { name = "right hand", regions = ["right_hand"] },
  { name = "left hand", regions = ["left_hand"] },
]
repeat = 2
  [[steps.steps]]
  kind = "tense"
  text = "Tense your {name} (round {round})."
  duration = 7
  [[steps.steps]]
  kind = "release"
  text = "Release your {name}."
  duration = 30
"""
    routine = load_text(tmp_path, catalogue, body)
    assert [s.text for s in routine.steps] == [
        "Tense your right hand (round 1).",
        "Release your right hand.",
        "Tense your right hand (round 2).",
        "Release your right hand.",
        "Tense your left hand (round 1).",
        "Release your left hand.",
        "Tense your left hand (round 2).",
        "Release your left hand.",
    ]
    assert routine.steps[0].regions == ("right_hand",)
    assert routine.steps[-1].regions == ("left_hand",)
    assert routine.targets == ("right_hand", "left_hand")
    assert routine.duration == 4 * 37


def test_sides_substitute_text_and_region_ids(tmp_path, catalogue):
    body = """
format = 1
title = "Calves"
[[steps]]
sides = ["left", "right"]
  [[steps.steps]]
  kind = "massage"
  text = "{Side} calf: roll slowly."
  regions = ["{side}_calf"]
  duration = 60
"""
    routine = load_text(tmp_path, catalogue, body)
    assert [(s.text, s.regions) for s in routine.steps] == [
        ("Left calf: roll slowly.", ("left_calf",)),
        ("Right calf: roll slowly.", ("right_calf",)),
    ]


def test_regions_inherit_from_block_and_steps_can_override(tmp_path, catalogue):
    body = """
format = 1
title = "x"
[[steps]]
regions = ["lower_back"]
  [[steps.steps]]
  text = "a"
  duration = 5
  [[steps.steps]]
  text = "b"
  duration = 5
  regions = ["glutes"]
"""
    routine = load_text(tmp_path, catalogue, body)
    assert [s.regions for s in routine.steps] == [("lower_back",), ("glutes",)]


def test_say_overrides_speech_and_empty_say_is_silence(tmp_path, catalogue):
    body = MINIMAL.replace('text = "And out."', 'text = "And out."\nsay = ""').replace(
        'text = "Breathe in slowly."', 'text = "Breathe in slowly."\nsay = "In."'
    )
    routine = load_text(tmp_path, catalogue, body)
    assert [s.spoken for s in routine.steps] == ["In.", ""]


def test_literal_braces_and_audio_inside_folder(tmp_path, catalogue):
    (tmp_path / "clips").mkdir()
    write_wav(tmp_path / "clips" / "intro.wav")
    body = """
format = 1
title = "x"
[[steps]]
text = "Use {{braces}}."
audio = "clips/intro.wav"
cue = "none"
duration = 3
"""
    step = load_text(tmp_path, catalogue, body).steps[0]
    assert step.text == "Use {braces}."
    assert step.audio == (tmp_path / "clips" / "intro.wav").resolve()
    assert step.cue == "none"


def test_text_too_long_to_say_is_a_warning_not_an_error(tmp_path, catalogue):
    long_text = " ".join(["word"] * 60) + "."
    body = MINIMAL.replace('"Breathe in slowly."', f'"{long_text}"')
    routine = load_text(tmp_path, catalogue, body)
    assert len(routine.warnings) == 1
    warning = routine.warnings[0]
    assert warning.severity is Severity.WARNING
    assert warning.field == "steps[0].text"
    assert warning.line == 5
    assert "to say but the step lasts 4 s" in str(warning)


# -- bad files: each names the file, the line and the field ------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            MINIMAL.replace("duration = 4", "duration = -5"),
            "bad.toml:6: steps[0].duration must be a positive number of seconds, got -5",
        ),
        (
            MINIMAL.replace("duration = 4", "duration = 0"),
            "bad.toml:6: steps[0].duration must be a positive number of seconds, got 0",
        ),
        (
            MINIMAL.replace("duration = 4", "duration = 99999"),
            "bad.toml:6: steps[0].duration must be at most 3600 seconds, got 99999",
        ),
        (
            MINIMAL.replace("duration = 4", 'duration = "four"'),
            "bad.toml:6: steps[0].duration must be a positive number of seconds, got 'four' (text)",
        ),
        (
            MINIMAL.replace("duration = 4", "duration = nan"),
            "bad.toml:6: steps[0].duration must be a positive number of seconds, got nan",
        ),
        (
            MINIMAL.replace("duration = 4", "duration = true"),
            "steps[0].duration must be a positive number of seconds, got True (true/false)",
        ),
        (
            MINIMAL.replace("duration = 4", "durration = 4"),
            'bad.toml:6: steps[0].durration is not a known key (did you mean "duration"?)',
        ),
        (MINIMAL.replace("format = 1", "format = 2"), "bad.toml:1: format must be one of 1, got 2"),
        (MINIMAL.replace("format = 1\n", ""), "bad.toml: format is required"),
        (
            MINIMAL.replace('title = "Two steps"', "title = 3"),
            "bad.toml:2: title must be text in quotes, got 3",
        ),
        (
            MINIMAL.replace('kind = "breathe-in"', 'kind = "breath-in"'),
            "bad.toml:7: steps[0].kind must be one of 'instruction'",
        ),
        (MINIMAL + 'colour = "blue"\n', "bad.toml:13: steps[1].colour is not a known key"),
        ('format = 1\ntitle = "x"\nsteps = []\n', "bad.toml:3: steps must not be empty"),
        ('format = 1\ntitle = "x"\n', "bad.toml: steps is required"),
        (
            MINIMAL.replace('kind = "breathe-in"', 'regions = ["left_hand", "lowerback"]'),
            "bad.toml:7: steps[0].regions[1] names unknown region 'lowerback' (did you mean \"lower_back\"?)",
        ),
        (
            'format = 1\ntitle = "x"\ntargets = ["elbow"]\n' + MINIMAL.split('"Two steps"\n')[1],
            "bad.toml:3: targets[0] names unknown region 'elbow'",
        ),
        (
            MINIMAL.replace('kind = "breathe-in"', 'audio = "../../etc/passwd.wav"'),
            "bad.toml:7: steps[0].audio leaves the session's folder",
        ),
        (
            MINIMAL.replace('kind = "breathe-in"', 'audio = "/etc/hosts"'),
            "bad.toml:7: steps[0].audio must be a path inside the session's folder",
        ),
        (
            MINIMAL.replace('kind = "breathe-in"', 'audio = "missing.wav"'),
            "bad.toml:7: steps[0].audio names 'missing.wav', which does not exist",
        ),
        (
            MINIMAL.replace('kind = "breathe-in"', 'cue = "gong"'),
            "bad.toml:7: steps[0].cue must be one of step, tense",
        ),
        (
            MINIMAL.replace('text = "And out."', 'text = "And out, {name}."'),
            "bad.toml:10: steps[1].text uses {name}, which is not defined",
        ),
        (
            MINIMAL.replace('text = "And out."', 'text = "And out {."'),
            "bad.toml:10: steps[1].text has a lone { or }",
        ),
        (
            'format = 1\ntitle = "x"\nid = "Bad Id"\n[[steps]]\ntext = "a"\nduration = 1\n',
            "bad.toml:3: id must be lower-case letters, digits, - and _, got 'Bad Id'",
        ),
        (
            'format = 1\ntitle = "x"\nend_cue = "boom"\n[[steps]]\ntext = "a"\nduration = 1\n',
            "bad.toml:3: end_cue must be one of",
        ),
    ],
)
def test_bad_values_are_named_with_file_line_and_field(tmp_path, catalogue, body, expected):
    messages = [str(p) for p in problems_of(tmp_path, catalogue, body)]
    assert any(expected in m for m in messages), messages
    assert all(m.startswith(str(tmp_path / "bad.toml")) for m in messages)


def test_every_problem_is_reported_not_only_the_first(tmp_path, catalogue):
    body = MINIMAL.replace("duration = 4", "duration = -1").replace("duration = 6", "durasion = 6")
    problems = problems_of(tmp_path, catalogue, body)
    fields = {p.field for p in problems}
    assert {"steps[0].duration", "steps[1].durasion", "steps[1].duration"} <= fields


def test_huge_file_is_refused_before_reading(tmp_path, catalogue):
    body = MINIMAL + "#" * (MAX_FILE_BYTES + 1)
    [problem] = problems_of(tmp_path, catalogue, body)
    assert "file is too large" in problem.message
    assert "256 KiB" in problem.message


def test_absurd_repetition_is_refused(tmp_path, catalogue):
    body = """
format = 1
title = "x"
[[steps]]
repeat = 100
  [[steps.steps]]
  repeat = 100
    [[steps.steps.steps]]
    text = "a"
    duration = 1
"""
    problems = problems_of(tmp_path, catalogue, body)
    assert [p.message for p in problems] == [
        f"expands to more than {MAX_STEPS} steps; simplify the repetitions"
    ]
    assert problems[0].line == 8


def test_repeat_count_out_of_range(tmp_path, catalogue):
    body = """format = 1
title = "x"
[[steps]]
repeat = 1000000
  [[steps.steps]]
  text = "a"
  duration = 1
"""
    problems = problems_of(tmp_path, catalogue, body)
    assert any(
        str(p).endswith("bad.toml:4: steps[0].repeat must be at most 100, got 1000000")
        for p in problems
    )


def test_routine_longer_than_four_hours(tmp_path, catalogue):
    body = """format = 1
title = "x"
[[steps]]
repeat = 5
  [[steps.steps]]
  text = "a"
  duration = 3600
"""
    [problem] = problems_of(tmp_path, catalogue, body)
    assert "add up to 5.0 hours" in problem.message


def test_blocks_nested_too_deep(tmp_path, catalogue):
    inner = 'text = "a"\nduration = 1\n'
    body = 'format = 1\ntitle = "x"\n'
    header = "steps"
    for _ in range(6):
        body += f"[[{header}]]\n"
        header += ".steps"
    body += f"[[{header}]]\n{inner}"
    messages = [p.message for p in problems_of(tmp_path, catalogue, body)]
    assert "nests blocks more than 4 deep" in messages


def test_for_each_item_values_must_be_text(tmp_path, catalogue):
    body = """format = 1
title = "x"
[[steps]]
for_each = [ { name = ["a"] } ]
  [[steps.steps]]
  text = "{name}"
  duration = 1
"""
    [problem] = problems_of(tmp_path, catalogue, body)
    assert str(problem).endswith("bad.toml:4: steps[0].for_each[0].name must be text or a number")


def test_a_mistake_in_a_template_is_reported_once(tmp_path, catalogue):
    body = """format = 1
title = "x"
[[steps]]
repeat = 50
  [[steps.steps]]
  text = "{oops}"
  duration = 1
"""
    problems = problems_of(tmp_path, catalogue, body)
    assert len(problems) == 1
    assert problems[0].line == 6


def test_parse_routine_from_bytes_names_the_given_path(catalogue):
    routine = parse_routine(Path("/virtual/from-memory.toml"), MINIMAL.encode(), catalogue)
    assert routine.id == "from-memory"


def write_wav(path: Path, frames: int = 4410) -> Path:
    """A real 16-bit mono WAV of silence."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(b"\0\0" * frames)
    return path


def audio_step(name: str) -> str:
    return f"""
format = 1
title = "x"
[[steps]]
text = "Listen."
audio = "{name}"
duration = 3
"""


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.write_bytes(b"RIFF"), "is not a usable WAV file"),
        (lambda p: p.write_bytes(b"ID3" + b"\0" * 5000), "is not a usable WAV file"),
        (lambda p: p.write_bytes(b""), "is not a usable WAV file"),
        (lambda p: os.truncate(write_wav(p), 2 * 1024**3), "is too large"),
        (
            lambda p: p.write_bytes(write_wav(p).read_bytes()[:200]),
            "claims more sound than the file holds",
        ),
        (lambda p: os.mkfifo(p), "is not a regular file"),
    ],
    ids=["riff-only", "mp3", "empty", "sparse-2gb", "truncated", "fifo"],
)
def test_a_sound_that_cannot_be_played_is_refused_at_validation(tmp_path, catalogue, make, says):
    make(tmp_path / "clip.wav")
    with pytest.raises(FileProblems) as raised:
        load_text(tmp_path, catalogue, audio_step("clip.wav"))
    assert says in str(raised.value)
    assert "clip.wav" in str(raised.value)


def test_a_session_file_that_is_a_fifo_or_a_device_is_refused_without_reading_it(
    tmp_path, catalogue
):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)  # nobody writes to it: reading would wait forever
    with pytest.raises(FileProblems, match="not a regular file"):
        load_routine(fifo, catalogue)
    with pytest.raises(FileProblems, match="not a regular file"):
        load_routine(Path("/dev/zero"), catalogue)
