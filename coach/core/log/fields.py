"""Declared fields of a user-editable table: one description drives validation, defaults and
the published JSON Schema, so the three cannot drift apart."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from coach.core.routines.problems import Problem
from coach.core.routines.tomlfile import TomlDocument
from coach.core.routines.tomlpos import KeyPath

FieldType = Literal["string", "integer", "number", "boolean", "string_list", "table_list"]

_DESCRIBE = {
    "string": "text in quotes",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "string_list": 'a list of texts, like ["a", "b"]',
    "table_list": "a list of tables",
}


@dataclass(frozen=True)
class Field:
    """One key of a table: its type, limits, default and the sentence that documents it."""

    name: str
    type: FieldType
    doc: str
    required: bool = False
    default: Any = None
    choices: tuple[str | int, ...] = ()
    minimum: float | None = None
    minimum_exclusive: bool = False
    maximum: float | None = None
    max_length: int | None = None
    max_items: int | None = None
    unit: str = ""

    def expected(self) -> str:
        """What the field must hold, in words."""
        if self.choices and self.type == "string_list":
            return "a list of texts from " + self.one_of().removeprefix("one of ")
        if self.choices:
            return self.one_of()
        if self.type == "number" and self.unit:
            if self.minimum == 0 and self.minimum_exclusive:
                return f"a positive number of {self.unit}"
            return f"a number of {self.unit}"
        return _DESCRIBE[self.type]

    def one_of(self) -> str:
        """The choices, in words: what one value (or one item of a list) must be."""
        return "one of " + ", ".join(
            repr(c) if isinstance(c, str) else str(c) for c in self.choices
        )


def _type_name(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**40:
        return "a number with more than 40 digits"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_ok(field: Field, value: Any) -> bool:
    match field.type:
        case "string":
            return isinstance(value, str)
        case "integer":
            return isinstance(value, int) and not isinstance(value, bool)
        case "number":
            return isinstance(value, int | float) and not isinstance(value, bool)
        case "boolean":
            return isinstance(value, bool)
        case "string_list":
            return isinstance(value, list)
        case "table_list":
            return isinstance(value, list)
    return False  # pragma: no cover


def check_table(
    doc: TomlDocument, table: Mapping[str, Any], fields: Sequence[Field], path: KeyPath
) -> list[Problem]:
    """Every problem with `table` against `fields`: unknown keys, missing ones, types and limits."""
    problems: list[Problem] = []
    known = {f.name: f for f in fields}
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            problems.append(doc.problem((*path, key), f"is not a known key{hint}"))
    for field in fields:
        where = (*path, field.name)
        if field.name not in table:
            if field.required:
                problems.append(doc.problem(where, f"is required ({field.expected()})"))
            continue
        problems += check_value(doc, field, table[field.name], where)
    return problems


def check_value(doc: TomlDocument, field: Field, value: Any, where: KeyPath) -> list[Problem]:
    """Problems with one value of `field`."""
    if not _type_ok(field, value):
        return [
            doc.problem(
                where, f"must be {field.expected()}, got {_shown(value)} ({_type_name(value)})"
            )
        ]
    if field.type == "string_list":
        problems = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                problems.append(doc.problem((*where, i), f"must be text, got {_shown(item)}"))
            elif field.max_length is not None and len(item) > field.max_length:
                problems.append(
                    doc.problem(
                        (*where, i),
                        f"is too long ({len(item)} characters; at most {field.max_length})",
                    )
                )
            elif field.choices and item not in field.choices:
                problems.append(
                    doc.problem((*where, i), f"must be {field.one_of()}, got {_shown(item)}")
                )
        if field.max_items is not None and len(value) > field.max_items:
            problems.append(
                doc.problem(where, f"has {len(value)} items; at most {field.max_items}")
            )
        return problems
    if field.type == "table_list":
        if field.required and not value:
            return [doc.problem(where, "must not be empty")]
        if field.max_items is not None and len(value) > field.max_items:
            return [doc.problem(where, f"has {len(value)} items; at most {field.max_items}")]
        return [
            doc.problem((*where, i), f"must be a table, got {_shown(item)}")
            for i, item in enumerate(value)
            if not isinstance(item, dict)
        ]
    if field.choices and value not in field.choices:
        return [doc.problem(where, f"must be {field.expected()}, got {_shown(value)}")]
    if field.type == "string" and field.max_length is not None and len(value) > field.max_length:
        return [
            doc.problem(where, f"is too long ({len(value)} characters; at most {field.max_length})")
        ]
    if field.type in ("number", "integer"):
        return _check_range(doc, field, value, where)
    return []


def _check_range(doc: TomlDocument, field: Field, value: float, where: KeyPath) -> list[Problem]:
    unit = f" {field.unit}" if field.unit else ""
    if isinstance(value, float) and not math.isfinite(value):
        return [doc.problem(where, f"must be {field.expected()}, got {value}")]
    low = field.minimum
    if low is not None and (value <= low if field.minimum_exclusive else value < low):
        if field.minimum_exclusive and low == 0:
            return [doc.problem(where, f"must be {field.expected()}, got {_shown(value)}")]
        return [doc.problem(where, f"must be at least {low:g}{unit}, got {_shown(value)}")]
    if field.maximum is not None and value > field.maximum:
        return [doc.problem(where, f"must be at most {field.maximum:g}{unit}, got {_shown(value)}")]
    return []


def json_schema(fields: Sequence[Field], extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON Schema object for a table described by `fields`."""
    properties: dict[str, Any] = {}
    for field in fields:
        prop: dict[str, Any] = {"description": field.doc}
        match field.type:
            case "string":
                prop["type"] = "string"
                if field.max_length is not None:
                    prop["maxLength"] = field.max_length
            case "integer" | "number" | "boolean":
                prop["type"] = field.type
            case "string_list":
                items: dict[str, Any] = {"type": "string"}
                if field.max_length is not None:
                    items["maxLength"] = field.max_length
                if field.choices:
                    items["enum"] = list(field.choices)
                prop.update(type="array", items=items)
                if field.max_items is not None:
                    prop["maxItems"] = field.max_items
            case "table_list":
                prop.update(type="array", items={"type": "object"})
                if field.required:
                    prop["minItems"] = 1
                if field.max_items is not None:
                    prop["maxItems"] = field.max_items
        if field.choices and field.type != "string_list":
            prop["enum"] = list(field.choices)
        if field.minimum is not None:
            prop["exclusiveMinimum" if field.minimum_exclusive else "minimum"] = field.minimum
        if field.maximum is not None:
            prop["maximum"] = field.maximum
        if field.default is not None:
            prop["default"] = field.default
        if field.unit:
            prop["description"] += f" Unit: {field.unit}."
        properties[field.name] = prop
    for name, override in (extra or {}).items():
        properties[name] = {**properties.get(name, {}), **override}
    return {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }
