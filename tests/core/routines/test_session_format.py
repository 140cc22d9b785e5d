"""The session file format: its published JSON Schema is up to date, valid, and in step with the
loader's declared keys and limits."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.problems import FileProblems
from coach.core.routines.session_file import parse_routine
from coach.core.routines.session_format import (
    BLOCK_FIELDS,
    ID_PATTERN,
    MAX_STEP_SECONDS,
    PLACEHOLDER,
    ROUTINE_FIELDS,
    STEP_FIELDS,
    session_schema,
)
from tests.conftest import MINIMAL, REPO

SCHEMA_FILE = REPO / "docs" / "session.schema.json"
FORMAT_DOC = REPO / "docs" / "session-format.md"
BUILTIN_SESSIONS = sorted((REPO / "sessions").glob("*.toml"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(session_schema())


def schema_errors(validator: Draft202012Validator, data: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_published_schema_is_the_generated_one():
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == session_schema(), (
        "docs/session.schema.json is out of date; "
        "regenerate with: coach sessions schema > docs/session.schema.json"
    )


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = session_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # every $ref points at a definition that exists
    refs = re.findall(r'"\$ref": "#/\$defs/([^"]+)"', json.dumps(schema))
    assert refs
    assert set(refs) <= set(schema["$defs"])


def test_there_are_builtin_sessions():
    assert len(BUILTIN_SESSIONS) >= 3


@pytest.mark.parametrize("path", BUILTIN_SESSIONS, ids=lambda p: p.name)
def test_every_builtin_session_matches_the_schema(validator, path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert schema_errors(validator, data) == []


@pytest.mark.parametrize(
    "field",
    [*ROUTINE_FIELDS, *STEP_FIELDS, *BLOCK_FIELDS],
    ids=lambda f: f.name,
)
def test_every_declared_key_is_documented(field):
    assert f"`{field.name}`" in FORMAT_DOC.read_text(encoding="utf-8"), (
        f"docs/session-format.md never mentions the key `{field.name}`"
    )


def test_every_key_of_the_schema_is_declared():
    """The schema adds no key of its own that the loader does not know."""
    schema = session_schema()
    assert set(schema["properties"]) == {f.name for f in ROUTINE_FIELDS}
    assert set(schema["$defs"]["step"]["properties"]) == {f.name for f in STEP_FIELDS}
    assert set(schema["$defs"]["block"]["properties"]) == {f.name for f in BLOCK_FIELDS}
    assert schema["required"] == [f.name for f in ROUTINE_FIELDS if f.required]


def _block(line: str) -> str:
    """A document whose one block has `line` and one inner step."""
    return f'format = 1\ntitle = "x"\n[[steps]]\n{line}\n  [[steps.steps]]\n  text = "a"\n  duration = 1\n'


def _top(line: str) -> str:
    return MINIMAL.replace("format = 1\n", f"format = 1\n{line}\n")


# name: (document, the field the loader's problem names)
INVALID = {
    "unknown top-level key": (_top('colour = "blue"'), "colour"),
    "unknown step key": (MINIMAL + 'colour = "blue"\n', "steps[1].colour"),
    "unknown block key": (_block("repeats = 2"), "steps[0].repeats"),
    "negative duration": (MINIMAL.replace("duration = 4", "duration = -4"), "steps[0].duration"),
    "zero duration": (MINIMAL.replace("duration = 4", "duration = 0"), "steps[0].duration"),
    "duration over an hour": (
        MINIMAL.replace("duration = 4", "duration = 3600.5"),
        "steps[0].duration",
    ),
    "duration as text": (MINIMAL.replace("duration = 4", 'duration = "4"'), "steps[0].duration"),
    "title as number": (MINIMAL.replace('title = "Two steps"', "title = 2"), "title"),
    "regions as text": (
        MINIMAL.replace('kind = "breathe-in"', 'regions = "left_calf"'),
        "steps[0].regions",
    ),
    "missing title": (MINIMAL.replace('title = "Two steps"\n', ""), "title"),
    "missing format": (MINIMAL.replace("format = 1\n", ""), "format"),
    "format 2": (MINIMAL.replace("format = 1", "format = 2"), "format"),
    "missing text": (MINIMAL.replace('text = "And out."\n', ""), "steps[1].text"),
    "empty steps": ('format = 1\ntitle = "x"\nsteps = []\n', "steps"),
    "no steps": ('format = 1\ntitle = "x"\n', "steps"),
    "empty block": ('format = 1\ntitle = "x"\n[[steps]]\nsteps = []\n', "steps[0].steps"),
    "step kind misspelt": (
        MINIMAL.replace('kind = "breathe-in"', 'kind = "breath-in"'),
        "steps[0].kind",
    ),
    "routine kind unknown": (_top('kind = "yoga"'), "kind"),
    "repeat zero": (_block("repeat = 0"), "steps[0].repeat"),
    "repeat over 100": (_block("repeat = 101"), "steps[0].repeat"),
    "repeat as float": (_block("repeat = 2.5"), "steps[0].repeat"),
    "side up": (_block('sides = ["up"]'), "steps[0].sides[0]"),
    "three sides": (_block('sides = ["left", "right", "left"]'), "steps[0].sides"),
    "for_each not tables": (_block('for_each = ["a"]'), "steps[0].for_each[0]"),
    "for_each key with a space": (
        _block('for_each = [{ "a b" = "x" }]'),
        "steps[0].for_each[0].a b",
    ),
    "for_each value a list": (_block('for_each = [{ a = ["x"] }]'), "steps[0].for_each[0].a"),
    "for_each value a bool": (_block("for_each = [{ a = true }]"), "steps[0].for_each[0].a"),
    "for_each regions not a list": (
        _block('for_each = [{ regions = "calves" }]'),
        "steps[0].for_each[0].regions",
    ),
    "block label too long": (_block(f'label = "{"x" * 121}"'), "steps[0].label"),
    "id with capitals": (_top('id = "My-Routine"'), "id"),
    "title too long": (MINIMAL.replace('"Two steps"', '"' + "x" * 121 + '"'), "title"),
    "end_cue a wav file": (_top('end_cue = "bell.wav"'), "end_cue"),
    "equipment not a list": (_top('equipment = "ball"'), "equipment"),
    "caution not text": (_top("cautions = [1]"), "cautions[0]"),
}


@pytest.mark.parametrize(("body", "field"), INVALID.values(), ids=INVALID.keys())
def test_invalid_documents_are_rejected_by_schema_and_loader(
    validator, catalogue: RegionCatalogue, body: str, field: str
):
    data = tomllib.loads(body)
    assert schema_errors(validator, data), "the schema accepted it"
    with pytest.raises(FileProblems) as info:
        parse_routine(Path("bad.toml"), body.encode(), catalogue)
    fields = [p.field for p in info.value.problems]
    assert field in fields, fields


def test_the_minimal_document_is_accepted_by_both(validator, catalogue):
    assert schema_errors(validator, tomllib.loads(MINIMAL)) == []
    assert parse_routine(Path("ok.toml"), MINIMAL.encode(), catalogue).steps


@pytest.mark.parametrize("where", ["id key", "file name"])
def test_an_id_ending_in_a_newline_is_rejected(catalogue, tmp_path, where):
    if where == "id key":
        body, path = MINIMAL.replace("format = 1\n", 'format = 1\nid = "abc\\n"\n'), Path("x.toml")
    else:
        body, path = MINIMAL, Path("abc\n.toml")
    with pytest.raises(FileProblems) as info:
        parse_routine(path, body.encode(), catalogue)
    assert any("must be lower-case" in p.message for p in info.value.problems)


def test_the_limits_reach_the_schema_and_the_id_pattern_is_strict():
    schema = session_schema()
    duration = schema["$defs"]["step"]["properties"]["duration"]
    assert (duration["exclusiveMinimum"], duration["maximum"]) == (0, MAX_STEP_SECONDS)
    assert schema["$defs"]["block"]["properties"]["repeat"] | {"description": ""} == {
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
        "default": 1,
        "description": "",
    }
    assert schema["properties"]["steps"]["maxItems"] == 500
    for good in ("pmr-16", "a", "x" * 64, "0_calm"):
        assert ID_PATTERN.match(good), good
    for bad in ("", "My", "-start", "x" * 65, "a b", "é"):
        assert not ID_PATTERN.match(bad), bad


def test_placeholders_are_names_in_braces_and_doubled_braces_are_literal():
    found = [m.group(1) or m.group(0) for m in PLACEHOLDER.finditer("{side} {{x}} {Side} {1} }")]
    assert found == ["side", "{{", "}}", "Side", "{", "}", "}"]
