"""Cues: a built-in name or a session's own sound, read once by the parser and asked by type."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.cues import (
    CUE_NAMES,
    SOUNDED_CUES,
    BuiltinCue,
    builtin_cue,
    cue_name,
    cue_short_name,
    is_silent,
)
from coach.core.routines.routine import Routine, StepKind
from coach.core.routines.session_file import load_routine
from coach.core.routines.session_format import ROUTINE_FIELDS
from tests.conftest import write_session

BELL = Path("/home/someone/sessions/mine/sounds/bell.wav")


def write_wav(path: Path) -> Path:
    """A real, tiny WAV: the session reader checks its header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\0\0" * 100)
    return path


def load(folder: Path, catalogue: RegionCatalogue, body: str) -> Routine:
    return load_routine(
        write_session(folder, "s.toml", 'format = 1\ntitle = "Cues"\n' + body), catalogue
    )


def test_the_names_a_file_may_give_are_the_built_in_cues_in_the_documented_order() -> None:
    assert CUE_NAMES == (
        "step", "tense", "release", "breath-in", "breath-out", "halfway", "end", "end-soft", "none",
    )  # fmt: skip
    [end_cue] = [field for field in ROUTINE_FIELDS if field.name == "end_cue"]
    assert end_cue.choices == CUE_NAMES
    assert BuiltinCue.NONE not in SOUNDED_CUES
    assert len(SOUNDED_CUES) == len(CUE_NAMES) - 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [("tense", BuiltinCue.TENSE), ("end-soft", BuiltinCue.END_SOFT), ("none", BuiltinCue.NONE),
     ("bell.wav", None), ("Tense", None), ("", None)],
)  # fmt: skip
def test_builtin_cue_knows_only_the_exact_names(name: str, expected: BuiltinCue | None) -> None:
    assert builtin_cue(name) is expected


def test_a_cue_is_written_as_its_name_or_its_full_path() -> None:
    assert cue_name(BuiltinCue.BREATH_IN) == "breath-in"
    assert cue_name(BELL) == str(BELL)
    assert type(cue_name(BuiltinCue.STEP)) is str, "plain text, ready for JSON"


def test_a_cue_is_shown_as_its_name_or_its_file_name_without_extension() -> None:
    assert cue_short_name(BuiltinCue.HALFWAY) == "halfway"
    assert cue_short_name(BELL) == "bell"


def test_only_none_is_silent() -> None:
    assert is_silent(BuiltinCue.NONE)
    assert not any(is_silent(cue) for cue in SOUNDED_CUES)
    assert not is_silent(BELL)


def test_the_parser_reads_names_as_built_in_cues_and_sounds_as_paths(
    tmp_path: Path, catalogue: RegionCatalogue
) -> None:
    folder = tmp_path / "mine"
    bell = write_wav(folder / "sounds" / "bell.wav")
    routine = load(
        folder,
        catalogue,
        'end_cue = "end-soft"\n'
        '[[steps]]\ntext = "a"\nduration = 5\ncue = "halfway"\n'
        '[[steps]]\ntext = "b"\nduration = 5\ncue = "sounds/bell.wav"\n'
        '[[steps]]\ntext = "c"\nduration = 5\ncue = "none"\n',
    )
    cues = [step.cue for step in routine.steps]
    assert cues == [BuiltinCue.HALFWAY, bell.resolve(), BuiltinCue.NONE]
    assert isinstance(cues[0], BuiltinCue)
    assert isinstance(cues[1], Path)
    assert cues[1].is_absolute()
    assert routine.end_cue is BuiltinCue.END_SOFT


def test_without_a_cue_a_step_sounds_its_kind(tmp_path: Path, catalogue: RegionCatalogue) -> None:
    kinds = ["instruction", "tense", "release", "breathe-in", "breathe-out", "rest"]
    body = "".join(f'[[steps]]\ntext = "x"\nduration = 5\nkind = "{kind}"\n' for kind in kinds)
    routine = load(tmp_path, catalogue, body)
    assert routine.steps[1].kind is StepKind.TENSE
    assert [step.cue for step in routine.steps] == [
        BuiltinCue.STEP, BuiltinCue.TENSE, BuiltinCue.RELEASE,
        BuiltinCue.BREATH_IN, BuiltinCue.BREATH_OUT, BuiltinCue.STEP,
    ]  # fmt: skip
    assert routine.end_cue is BuiltinCue.END, "the end chime unless the file says otherwise"
