"""The log as JSON: days and sessions, versioned, for other programs and for moving the log.

Every row is checked on its own: unknown and missing keys, and values of the wrong type, refuse
that row only (see `coach.core.log.exchange`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from coach.core.log.entries import (
    MAX_SESSION_SECONDS,
    MAX_STEPS,
    SESSION_FIELDS,
    DayEntry,
    InvalidEntry,
    MedicationTaken,
    Medicine,
    SessionRecord,
    check_hours,
    check_log_date,
    check_rating,
    clean_tag,
    shown,
)
from coach.core.log.exchange import (
    CSV_COLUMNS,
    Catalogue,
    Decoded,
    ParsedRow,
    RowProblem,
    UnreadableFile,
    checked_areas,
    file_text,
    parse_log_date,
    parse_time,
    unique_days,
)

# Version 2 added medications (each day's, and the person's own list); version 1 files still read.
JSON_FORMAT, JSON_VERSION = "unknot-log", 2
# The keys of a session in JSON: a fixed list, as the file format is (its version says which).
_SESSION_OPTIONAL = frozenset(("stopped_at_step", "pain_before", "pain_after", "note"))
_TOP_KEYS = frozenset(("format", "version", "exported_at", "days", "sessions", "medicines"))
_MEDICATION_KEYS = ("name", "time", "as_needed", "helped")


def day_to_dict(day: DayEntry) -> dict[str, Any]:
    """A day as JSON values."""
    out: dict[str, Any] = {name: getattr(day, name) for name in CSV_COLUMNS}
    return out | {
        "date": day.date.isoformat(),
        "tags": list(day.tags),
        "areas": dict(day.areas),
        "medications": [medication_to_dict(m) for m in day.medications],
    }


def medication_to_dict(taken: MedicationTaken) -> dict[str, Any]:
    """A medication taken, as JSON values (`time` is HH:MM or null)."""
    return {
        "name": taken.name,
        "time": None if taken.time is None else f"{taken.time:%H:%M}",
        "as_needed": taken.as_needed,
        "helped": taken.helped,
    }


def session_to_dict(session: SessionRecord) -> dict[str, Any]:
    """A session as JSON values, without its local database id."""
    out: dict[str, Any] = {name: getattr(session, name) for name in SESSION_FIELDS}
    return out | {
        "started_at": session.started_at.isoformat(),
        "ended_at": session.ended_at.isoformat(),
    }


def session_key(session: SessionRecord) -> tuple[str, dt.datetime]:
    """What makes two records the same session: the routine and the moment it started."""
    return session.routine_id, session.started_at.astimezone(dt.UTC)


def encode_json(
    days: Iterable[DayEntry],
    sessions: Iterable[SessionRecord],
    exported_at: dt.datetime,
    medicines: Iterable[Medicine] = (),
) -> bytes:
    """Days, sessions and the list of medicines as the versioned JSON export (UTF-8, indented)."""
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "days": [day_to_dict(d) for d in days],
        "sessions": [session_to_dict(s) for s in sessions],
        "medicines": [{"name": m.name, "as_needed": m.as_needed} for m in medicines],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def decode_json(data: bytes, source: str, catalogue: Catalogue = None) -> Decoded:
    """Days and sessions from the JSON export. Raises UnreadableFile for a file that isn't one."""
    text = file_text(data, source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            source, f"the file is not valid JSON ({exc.msg})", exc.lineno
        ) from None
    except RecursionError:
        raise UnreadableFile(source, "the file is nested too deeply to be an export") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise UnreadableFile(source, f"the file holds a value Unknot cannot read ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise UnreadableFile(
            source, f'the file is not an Unknot export (no "format": "{JSON_FORMAT}")'
        )
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise UnreadableFile(source, f'"version" must be a whole number, got {version!r}')
    if version > JSON_VERSION:
        raise UnreadableFile(
            source,
            f"the file was written by a newer Unknot (version {version}; this one reads up to "
            f"{JSON_VERSION}); update Unknot to import it",
        )
    unknown = sorted(set(document) - _TOP_KEYS)
    if unknown:
        raise UnreadableFile(source, f"unknown key {unknown[0]!r} at the top level")
    days_in, sessions_in = document.get("days", []), document.get("sessions", [])
    medicines_in = document.get("medicines", [])
    if not all(isinstance(part, list) for part in (days_in, sessions_in, medicines_in)):
        raise UnreadableFile(source, '"days", "sessions" and "medicines" must be lists')

    problems: list[RowProblem] = []
    days = unique_days(
        ((f"days[{i}]", _day_from_json(item, catalogue)) for i, item in enumerate(days_in)),
        source,
        problems,
    )
    sessions: list[SessionRecord] = []
    for index, item in enumerate(sessions_in):
        row = _session_from_json(item)
        session: SessionRecord | None = row.build(SessionRecord)
        if session is not None:
            sessions.append(session)
        problems += [RowProblem(source, f"sessions[{index}]", f, m) for f, m in row.problems]
    medicines: list[Medicine] = []
    for index, item in enumerate(medicines_in):
        row = _fields(item, ("name", "as_needed"), ("name",))
        if isinstance(item, dict):
            row.take("name", partial(_of_type, str, "text"), item.get("name"))
            row.take(
                "as_needed", partial(_of_type, bool, "true or false"), item.get("as_needed", False)
            )
        medicine: Medicine | None = row.build(Medicine)
        if medicine is not None:
            medicines.append(medicine)
        problems += [RowProblem(source, f"medicines[{index}]", f, m) for f, m in row.problems]
    rows = len(days_in) + len(sessions_in) + len(medicines_in)
    return Decoded(tuple(days), tuple(sessions), tuple(problems), rows, medicines=tuple(medicines))


def _fields(item: object, known: Iterable[str], required: Iterable[str]) -> ParsedRow:
    """A row for a JSON object: unknown and missing keys are its first problems."""
    row = ParsedRow()
    if not isinstance(item, dict):
        row.problems.append(("row", "must be an object"))
        return row
    row.problems += [(k, "is not a known field") for k in sorted(set(item) - set(known))]
    row.problems += [(k, "is missing") for k in required if k not in item]
    return row


def _day_from_json(item: object, catalogue: Catalogue) -> ParsedRow:
    row = _fields(item, CSV_COLUMNS, ("date",))
    if not isinstance(item, dict):
        return row
    given = {k: v for k, v in item.items() if k in CSV_COLUMNS}
    parsers: dict[str, Callable[[Any], Any]] = {
        "date": lambda v: parse_log_date(_of_type(str, "a date written YYYY-MM-DD", v)),
        "sleep_hours": partial(check_hours, "sleep_hours"),
        "tags": lambda v: tuple(
            clean_tag(_of_type(str, "text", t)) for t in _of_type(list, "a list", v)
        ),
        "areas": lambda v: checked_areas(_of_type(dict, "an object", v).items(), catalogue),
        "medications": lambda v: tuple(
            _medication(m) for m in _of_type(list, "a list of medications", v)
        ),
        "note": partial(_of_type, str, "text"),
    }
    for name, value in given.items():
        row.take(name, parsers.get(name) or partial(check_rating, name), value)
    return row


def _session_from_json(item: object) -> ParsedRow:
    row = _fields(item, SESSION_FIELDS, [f for f in SESSION_FIELDS if f not in _SESSION_OPTIONAL])
    if not isinstance(item, dict):
        return row
    text = partial(_of_type, str, "text")
    parsers: dict[str, Callable[[Any], Any]] = {
        "routine_id": lambda v: text(v) if text(v).strip() else _refuse("cannot be empty"),
        "routine_title": text,
        "started_at": _moment,
        "ended_at": _moment,
        "planned_seconds": _seconds,
        "actual_seconds": _seconds,
        "completed": partial(_of_type, bool, "true or false"),
        "step_count": partial(_whole, 0),
        "stopped_at_step": lambda v: None if v is None else _whole(1, v),
        "pain_before": partial(check_rating, "pain_before"),
        "pain_after": partial(check_rating, "pain_after"),
        "note": text,
    }
    for name, value in item.items():
        if name in parsers:
            row.take(name, parsers[name], value)
    return row


def _medication(item: Any) -> MedicationTaken:
    """One medication of a day: an object with a name and, optionally, its details."""
    _of_type(dict, "an object with a name", item)
    unknown = sorted(set(item) - set(_MEDICATION_KEYS))
    if unknown:
        raise InvalidEntry("medications", f"{unknown[0]!r} is not a field of a medication")
    if "name" not in item:
        raise InvalidEntry("medications", "a medication needs a name")
    time = item.get("time")
    return MedicationTaken(
        _of_type(str, "text", item["name"]),
        None if time is None else parse_time(_of_type(str, "a time written HH:MM", time)),
        _of_type(bool, "true or false", item.get("as_needed", False)),
        check_rating("helped", item.get("helped")),
    )


def _of_type(kind: type, what: str, value: Any) -> Any:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"must be {what}, got {value!r}")
    return value


def _refuse(message: str) -> Any:
    raise ValueError(message)


def _whole(least: int, value: Any) -> int:
    if type(value) is not int or not least <= value <= MAX_STEPS:
        raise ValueError(f"must be a whole number from {least} to {MAX_STEPS}, got {shown(value)}")
    return value


def _seconds(value: Any) -> float:
    if type(value) not in (int, float) or not 0 <= value <= MAX_SESSION_SECONDS:
        raise ValueError(
            f"must be a number of seconds from 0 to {MAX_SESSION_SECONDS:.0f}, got {shown(value)}"
        )
    return float(value)


def _moment(value: Any) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(_of_type(str, "text", value))
    except ValueError:
        raise ValueError(f"must be an ISO date and time with its offset, got {value!r}") from None
    if moment.utcoffset() is None:
        raise ValueError(f"needs its UTC offset (like +01:00), got {value!r}")
    check_log_date(moment.date(), "date")  # year 1 or 9999 cannot even be moved to UTC
    return moment
