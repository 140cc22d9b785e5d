"""Declared fields: one description checks a table's keys, types and limits (each problem located
by line and field) and makes the JSON Schema that documents it."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from coach.core.log.fields import Field, check_table, json_schema
from coach.core.routines.tomlfile import TomlDocument, parse_toml

FIELDS = (
    Field("name", "string", "What it is called.", required=True, max_length=5),
    Field("kind", "string", "Its sort.", default="a", choices=("a", "b")),
    Field(
        "seconds",
        "number",
        "How long.",
        minimum=0,
        minimum_exclusive=True,
        maximum=60,
        unit="seconds",
    ),  # fmt: skip
    Field("count", "integer", "How many.", minimum=1, maximum=3),
    Field("loud", "boolean", "Whether it is loud."),
    Field("sides", "string_list", "Which sides.", choices=("left", "right"), max_items=2),
    Field("notes", "string_list", "Notes.", max_length=4),
    Field("steps", "table_list", "Steps.", required=True, max_items=2),
)


def document(text: str) -> TomlDocument:
    return parse_toml(Path("t.toml"), text.encode(), max_bytes=10_000)


def problems(text: str) -> list[str]:
    doc = document(text)
    return [str(p) for p in check_table(doc, doc.data, FIELDS, ())]


GOOD = 'name = "ok"\nsteps = [{}]\n'


def test_a_good_table_has_no_problems() -> None:
    assert problems(GOOD) == []
    assert (
        problems(GOOD + 'kind = "b"\nseconds = 0.5\ncount = 3\nloud = false\nsides = ["left"]\n')
        == []
    )


def test_unknown_and_missing_keys_are_named_with_a_suggestion() -> None:
    assert problems('nmae = "x"\n') == [
        't.toml:1: nmae is not a known key (did you mean "name"?)',
        "t.toml: name is required (text in quotes)",
        "t.toml: steps is required (a list of tables)",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('kind = "c"', "t.toml:3: kind must be one of 'a', 'b', got 'c'"),
        ("seconds = 0", "t.toml:3: seconds must be a positive number of seconds, got 0"),
        ("seconds = -1", "t.toml:3: seconds must be a positive number of seconds, got -1"),
        ("seconds = 61", "t.toml:3: seconds must be at most 60 seconds, got 61"),
        ("seconds = inf", "t.toml:3: seconds must be a positive number of seconds, got inf"),
        ("seconds = nan", "t.toml:3: seconds must be a positive number of seconds, got nan"),
        (
            "seconds = true",
            "t.toml:3: seconds must be a positive number of seconds, got True (true/false)",
        ),
        ("count = 0", "t.toml:3: count must be at least 1, got 0"),
        ("count = 2.0", "t.toml:3: count must be a whole number, got 2.0 (a number)"),
        (f"count = {10**18}", f"t.toml:3: count must be at most 3, got {10**18}"),
        ("loud = 1", "t.toml:3: loud must be true or false, got 1 (a whole number)"),
        ('sides = ["up"]', "t.toml:3: sides[0] must be one of 'left', 'right', got 'up'"),
        ('sides = ["left", "right", "left"]', "t.toml:3: sides has 3 items; at most 2"),
        (
            'notes = ["fine", "too long", 3]',
            "t.toml:3: notes[1] is too long (8 characters; at most 4)",
        ),
        (
            'sides = "left"',
            "t.toml:3: sides must be a list of texts from 'left', 'right', got 'left' (text)",
        ),
    ],
)
def test_each_wrong_value_is_named_by_line_and_field(line: str, expected: str) -> None:
    assert expected in problems(GOOD + line + "\n")


def test_text_is_checked_for_its_type_and_length() -> None:
    assert problems("name = 3\nsteps = [{}]\n") == [
        "t.toml:1: name must be text in quotes, got 3 (a whole number)"
    ]
    assert problems('name = "toolong"\nsteps = [{}]\n') == [
        "t.toml:1: name is too long (7 characters; at most 5)"
    ]


def test_a_list_of_tables_is_checked_item_by_item() -> None:
    assert problems('name = "x"\nsteps = []\n') == ["t.toml:2: steps must not be empty"]
    assert problems('name = "x"\nsteps = [{}, {}, {}]\n') == [
        "t.toml:2: steps has 3 items; at most 2"
    ]
    assert problems('name = "x"\nsteps = [{}, "text"]\n') == [
        "t.toml:2: steps[1] must be a table, got 'text'"
    ]


def test_a_huge_number_is_shown_short() -> None:
    [problem] = problems(GOOD + f"name = {10**50}\n".replace("name", "count"))
    assert problem == "t.toml:3: count must be at most 3, got a number with more than 40 digits"


def test_the_schema_says_what_the_checks_check() -> None:
    schema = json_schema(FIELDS, {"steps": {"items": {"type": "object", "required": ["x"]}}})
    validator = Draft202012Validator(schema)

    Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["name", "steps"]
    assert schema["properties"]["seconds"] == {
        "description": "How long. Unit: seconds.",
        "type": "number",
        "exclusiveMinimum": 0,
        "maximum": 60,
    }
    assert schema["properties"]["sides"]["items"] == {"type": "string", "enum": ["left", "right"]}
    assert schema["properties"]["kind"]["default"] == "a"
    assert schema["properties"]["steps"]["items"]["required"] == ["x"]  # the extra is merged
    assert not list(validator.iter_errors({"name": "ok", "steps": [{"x": 1}]}))
    for bad in ({"name": "ok", "steps": []}, {"name": "toolong", "steps": [{"x": 1}]},
                {"name": "ok", "steps": [{"x": 1}], "extra": 1}):  # fmt: skip
        assert list(validator.iter_errors(bad)), bad
