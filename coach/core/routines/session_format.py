"""The session file format: its limits, its declared keys, and the JSON Schema made from them.

One description drives the loader's checks and defaults (coach.core.routines.session_file) and the
published schema (docs/session.schema.json, printed by `coach sessions schema`), so they agree.
"""

from __future__ import annotations

import re
from typing import Any

from coach.core.log.fields import Field, json_schema
from coach.core.routines.cues import CUE_NAMES
from coach.core.routines.routine import ROUTINE_KINDS, StepKind

MAX_FILE_BYTES = 256 * 1024
MAX_STEPS = 2000
MAX_TOTAL_SECONDS = 4 * 3600
MAX_STEP_SECONDS = 3600
MAX_DEPTH = 4
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]")

ROUTINE_FIELDS = (
    Field(
        "format", "integer", "Version of this file format; must be 1.", required=True, choices=(1,)
    ),
    Field("id", "string", "Stable id; defaults to the file name without .toml.", max_length=64),
    Field("title", "string", "Title shown in the library.", required=True, max_length=120),
    Field(
        "kind", "string", "What sort of routine this is.", default="other", choices=ROUTINE_KINDS
    ),
    Field(
        "summary", "string", "One or two sentences on what it is for.", default="", max_length=2000
    ),
    Field(
        "equipment", "string_list", 'What you need, e.g. "tennis ball".', default=[], max_length=80
    ),
    Field(
        "targets",
        "string_list",
        "Region or group ids it works on; defaults to every region its steps name.",
        max_length=64,
    ),
    Field(
        "cautions", "string_list", "Safety notes shown before starting.", default=[], max_length=500
    ),
    Field(
        "language",
        "string",
        'Language of the texts (BCP 47, e.g. "en").',
        default="en",
        max_length=20,
    ),
    Field("author", "string", "Who wrote it.", default="", max_length=200),
    Field(
        "licence", "string", 'Licence of the text, e.g. "CC-BY-4.0".', default="", max_length=100
    ),
    Field(
        "end_cue",
        "string",
        'Sound at the very end ("end-soft" or "none" for bedtime).',
        default="end",
        choices=CUE_NAMES,
    ),
    Field("steps", "table_list", "The steps and blocks, in order.", required=True, max_items=500),
)

STEP_FIELDS = (
    Field(
        "text",
        "string",
        "Shown on screen and, unless `say` is given, spoken.",
        required=True,
        max_length=1000,
    ),
    Field(
        "duration",
        "number",
        "How long the step lasts.",
        required=True,
        minimum=0,
        minimum_exclusive=True,
        maximum=MAX_STEP_SECONDS,
        unit="seconds",
    ),
    Field(
        "kind",
        "string",
        "What the person does; sets the label, the sound and the breathing pacer.",
        default="instruction",
        choices=tuple(k.value for k in StepKind),
    ),
    Field("say", "string", 'Spoken instead of `text`; "" for silence.', max_length=1000),
    Field("regions", "string_list", "Region or group ids the step works on.", max_length=64),
    Field(
        "cue", "string", "Sound at the start: a built-in cue name or a .wav file in this folder."
    ),
    Field(
        "audio",
        "string",
        "A recorded clip in this folder, played instead of speech.",
        max_length=260,
    ),
)

BLOCK_FIELDS = (
    Field("steps", "table_list", "The steps (or blocks) to repeat.", required=True, max_items=200),
    Field(
        "label",
        "string",
        "A name for the block, for people reading the file.",
        default="",
        max_length=120,
    ),
    Field(
        "for_each",
        "table_list",
        "Run the block once per item; each item's keys fill {placeholders}, "
        "and its `regions` apply to steps that name none.",
        max_items=100,
    ),
    Field(
        "sides",
        "string_list",
        "Run the block once per side; {side} and {Side} become the side's name.",
        choices=("left", "right"),
        max_items=2,
    ),
    Field(
        "repeat",
        "integer",
        "Run the block this many times; {round} counts from 1.",
        default=1,
        minimum=1,
        maximum=100,
    ),
    Field("regions", "string_list", "Region or group ids for steps that name none.", max_length=64),
)


def session_schema() -> dict[str, Any]:
    """The JSON Schema of a session file, generated from the same declarations the loader uses."""
    step = json_schema(STEP_FIELDS)
    block = json_schema(
        BLOCK_FIELDS,
        {
            "steps": {"items": {"$ref": "#/$defs/entry"}},
            "for_each": {
                "items": {
                    "type": "object",
                    "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
                    "additionalProperties": {"type": ["string", "number"]},
                    "properties": {"regions": {"type": "array", "items": {"type": "string"}}},
                }
            },
        },
    )
    schema = json_schema(ROUTINE_FIELDS, {"steps": {"items": {"$ref": "#/$defs/entry"}}})
    schema["properties"]["id"]["pattern"] = ID_PATTERN.pattern
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://unknot.invalid/session.schema.json",
        "title": "Unknot session file",
        "description": "A guided routine for Unknot, written in TOML. See docs/session-format.md.",
        **schema,
        "$defs": {
            "step": step,
            "block": block,
            "entry": {"oneOf": [{"$ref": "#/$defs/step"}, {"$ref": "#/$defs/block"}]},
        },
    }
