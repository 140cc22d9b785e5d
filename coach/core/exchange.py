"""The log's files for people and other programs: CSV (days) and JSON (days and sessions).

Encoding turns DayEntry and SessionRecord values into bytes. Decoding checks every row on its own
and returns what was accepted plus a problem for each refused value, so one bad row never stops
the others. Nothing here touches the database: the caller decides what to write.

CSV cells a spreadsheet would run as a formula get a leading single quote, which decoding removes
again, so what goes out comes back exactly (see `neutralise`).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from coach.core.log import (
    RATING_FIELDS,
    SESSION_FIELDS,
    DayEntry,
    InvalidEntry,
    SessionRecord,
    check_hours,
    check_rating,
    clean_tag,
)
from coach.core.regions import RegionCatalogue

Format = Literal["csv", "json"]
Catalogue = RegionCatalogue | None

JSON_FORMAT, JSON_VERSION = "unknot-log", 1
# The CSV columns, and the keys of a day in JSON, in this order.
CSV_COLUMNS = (
    "date",
    "pain",
    "worst_pain",
    "sleep_quality",
    "sleep_hours",
    "enjoyment",
    "activity",
    "stress",
    "tags",
    "areas",
    "note",
)
LIST_SEPARATOR = "; "
# The keys of a session in JSON: a fixed list, as the file format is (its version says which).
_SESSION_OPTIONAL = frozenset(("stopped_at_step", "pain_before", "pain_after", "note"))
_TOP_KEYS = frozenset(("format", "version", "exported_at", "days", "sessions"))

# What makes a spreadsheet treat a cell as a formula (OWASP's list, plus the full-width forms some
# locales accept too). The quote goes before any run of quotes in front of one, so it can be undone.
_STARTS = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20"
_FORMULA = re.compile(f"^'*[{_STARTS}]")
_QUOTED_FORMULA = re.compile(f"^'+[{_STARTS}]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class UnreadableFile(Exception):
    """The file as a whole cannot be read (encoding, header, structure); nothing in it is used."""

    def __init__(self, source: str, message: str, where: str | int | None = None) -> None:
        super().__init__(
            f"{source}:{where}: {message}" if where is not None else f"{source}: {message}"
        )
        self.source = source
        self.message = message


@dataclass(frozen=True)
class RowProblem:
    """One refused value, which kept its whole row out: `FILE:ROW: field: message`."""

    source: str
    row: str  # the spreadsheet's row number for CSV (header = 1); `days[3]` for JSON
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.row}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Decoded:
    """What a file holds: the accepted days and sessions, and every problem of the refused rows."""

    days: tuple[DayEntry, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    rows: int = 0  # data rows read (days and sessions), accepted or not

    @property
    def rejected_rows(self) -> int:
        """How many rows were refused (one row may have several problems)."""
        return len({p.row for p in self.problems})


# -- values ----------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """`text` made safe for a spreadsheet cell: a quote in front of a would-be formula."""
    return "'" + text if _FORMULA.match(text) else text


def restore(cell: str) -> str:
    """The text `neutralise` was given; exact for every string."""
    return cell[1:] if _QUOTED_FORMULA.match(cell) else cell


def parse_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD; raises ValueError with a readable message otherwise."""
    text = text.strip()
    if not _ISO_DATE.match(text):
        raise ValueError(f"must be a date written YYYY-MM-DD, got {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"is not a real date: {text!r}") from None


def parse_rating(name: str, text: str) -> int | None:
    """A 0-10 rating from text; empty means not rated."""
    text = text.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise InvalidEntry(name, f"must be a whole number from 0 to 10, got {text!r}") from None
    return check_rating(name, number)


def parse_hours(name: str, text: str) -> float | None:
    """Hours slept from text (`7.5`, `7,5` or `7:30`); empty means not given."""
    text = text.strip()
    if not text:
        return None
    clock = re.fullmatch(r"(\d{1,2}):([0-5]\d)", text)
    if clock:
        return check_hours(name, int(clock[1]) + int(clock[2]) / 60)
    if re.fullmatch(r"\d+,\d+", text):  # a decimal comma, as many spreadsheets write it
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise InvalidEntry(name, f"must be a number of hours from 0 to 24, got {text!r}") from None
    return check_hours(name, value)


def check_region(region: str, catalogue: Catalogue, name: str = "areas") -> None:
    """Raise InvalidEntry unless `region` is a region of `catalogue` (no catalogue: any id)."""
    if catalogue is None or region in catalogue.regions:
        return
    if region in catalogue.groups:
        raise InvalidEntry(name, f"{region!r} is a group; the log holds single regions")
    hint = suggest_region(region, catalogue)
    raise InvalidEntry(
        name, f"unknown region {region!r}" + (f"; did you mean {hint!r}?" if hint else "")
    )


def suggest_region(region: str, catalogue: RegionCatalogue) -> str | None:
    """The id most likely meant: `neck_left` -> `left_neck`, else the closest spelling."""
    words = region.split("_")
    for side in ("left", "right"):
        if side in words[1:]:
            moved = "_".join([side, *(w for w in words if w != side)])
            if catalogue.knows(moved):
                return moved
    return catalogue.suggest(region)


def parse_areas(text: str, catalogue: Catalogue) -> dict[str, int]:
    """`region=intensity; region=intensity` as a dict, regions checked against `catalogue`."""
    pairs: list[tuple[str, object]] = []
    for part in (p.strip() for p in text.split(";")):
        region, equals, level = part.partition("=")
        if part and (not equals or not region.strip()):
            raise InvalidEntry("areas", f"write each area as region=intensity, got {part!r}")
        if part:
            pairs.append((region.strip(), parse_rating(f"areas.{region.strip()}", level)))
    return _checked_areas(pairs, catalogue)


def _checked_areas(pairs: Iterable[tuple[str, object]], catalogue: Catalogue) -> dict[str, int]:
    areas: dict[str, int] = {}
    for region, level in pairs:
        check_region(region, catalogue)
        if region in areas:
            raise InvalidEntry("areas", f"{region} is given twice")
        intensity = check_rating(f"areas.{region}", level)
        if intensity is None:
            raise InvalidEntry(f"areas.{region}", "needs an intensity from 0 to 10")
        areas[region] = intensity
    return areas


def day_to_dict(day: DayEntry) -> dict[str, Any]:
    """A day as JSON values."""
    out: dict[str, Any] = {name: getattr(day, name) for name in CSV_COLUMNS}
    return out | {"date": day.date.isoformat(), "tags": list(day.tags), "areas": dict(day.areas)}


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


@dataclass
class _Row:
    """Parses one row field by field, keeping every problem rather than stopping at the first."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def take(self, name: str, parse: Callable[[Any], Any], raw: Any) -> None:
        try:
            self.values[name] = parse(raw)
        except InvalidEntry as exc:
            self.problems.append((exc.field, exc.message))
        except ValueError as exc:
            self.problems.append((name, str(exc)))

    def build(self, kind: Callable[..., Any]) -> Any:
        if self.problems:
            return None
        try:
            return kind(**self.values)
        except InvalidEntry as exc:
            self.problems.append((exc.field, exc.message))
            return None


def _unique_days(
    rows: Iterable[tuple[str, _Row]], source: str, problems: list[RowProblem]
) -> list[DayEntry]:
    """Days from parsed rows; a date given twice refuses the later row."""
    seen: dict[dt.date, str] = {}
    days: list[DayEntry] = []
    for where, row in rows:
        day: DayEntry | None = row.build(DayEntry)
        if day is not None and day.date in seen:
            row.problems.append(("date", f"{day.date} is already in {seen[day.date]}"))
        elif day is not None:
            seen[day.date] = where
            days.append(day)
        problems += [RowProblem(source, where.removeprefix("row "), f, m) for f, m in row.problems]
    return days


# -- files -----------------------------------------------------------------------------------------


def detect_format(name: str, data: bytes) -> Format:
    """The format from the file name's extension, else from the content."""
    lowered = name.lower()
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    return "json" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" else "csv"


def decode(data: bytes, source: str, catalogue: Catalogue = None) -> Decoded:
    """Read an export in either format (chosen by `detect_format(source, data)`)."""
    if detect_format(source, data) == "json":
        return decode_json(data, source, catalogue)
    return decode_csv(data, source, catalogue)


def _text(data: bytes, source: str) -> str:
    # Some spreadsheets save "Unicode text" as UTF-16 with a byte-order mark.
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        text = data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            source,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 (in a spreadsheet: 'CSV UTF-8')",
        ) from None
    if not text.strip():
        raise UnreadableFile(source, "the file is empty")
    return text


def encode_csv(days: Iterable[DayEntry]) -> bytes:
    """Days as CSV: UTF-8 with a byte-order mark, a header row, one row per day."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for day in days:
        numbers = [getattr(day, name) for name in CSV_COLUMNS[1:8]]
        writer.writerow(
            [
                day.date.isoformat(),
                *("" if n is None else _number_text(n) for n in numbers),
                neutralise(LIST_SEPARATOR.join(day.tags)),
                neutralise(LIST_SEPARATOR.join(f"{r}={v}" for r, v in day.areas.items())),
                neutralise(day.note),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(number)


def decode_csv(data: bytes, source: str, catalogue: Catalogue = None) -> Decoded:
    """Days from CSV. Raises UnreadableFile when the file or its header is unusable."""
    text = _text(data, source)
    header_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=header_line.count)  # spreadsheets in some locales use ;
    records = _records(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), source)
    found = next(((n, r) for n, r in records if any(c.strip() for c in r)), None)
    if found is None:
        raise UnreadableFile(source, "the file is empty")
    header_row, header = found
    columns = _check_header(header, source, header_row)
    rows: list[tuple[str, _Row]] = []
    problems: list[RowProblem] = []
    for number, record in records:
        if not any(cell.strip() for cell in record):
            continue  # a blank line: the spreadsheet shows an empty row
        row = _Row()
        rows.append((f"row {number}", row))
        if len(record) > len(columns):
            row.problems.append(("row", f"has {len(record)} cells, the header {len(columns)}"))
            continue
        given = dict(zip(columns, record, strict=False))
        cells = {c: given.get(c, "") for c in CSV_COLUMNS}  # missing trailing cells are empty
        row.take("date", parse_date, cells["date"])
        for name in RATING_FIELDS:
            row.take(name, partial(parse_rating, name), cells[name])
        row.take("sleep_hours", partial(parse_hours, "sleep_hours"), cells["sleep_hours"])
        row.take("tags", _parse_tags, restore(cells["tags"]))
        row.take("areas", partial(parse_areas, catalogue=catalogue), restore(cells["areas"]))
        row.values["note"] = restore(cells["note"])
    days = _unique_days(rows, source, problems)
    return Decoded(days=tuple(days), problems=tuple(problems), rows=len(rows))


def _records(reader: Iterator[list[str]], source: str) -> Iterator[tuple[int, list[str]]]:
    """Records numbered as a spreadsheet numbers rows (a quoted line break stays in its row)."""
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UnreadableFile(source, f"the file is not valid CSV ({exc})", number + 1) from None
        number += 1
        yield number, record


def _check_header(header: list[str], source: str, row: int) -> list[str]:
    names = [cell.strip().lower() for cell in header]
    expected = ",".join(CSV_COLUMNS)
    if names and _ISO_DATE.match(names[0]):
        raise UnreadableFile(source, f"the first row must be the header: {expected}", row)
    for name in names:
        if name not in CSV_COLUMNS:
            close = difflib.get_close_matches(name, CSV_COLUMNS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UnreadableFile(
                source, f"unknown column {name!r}{hint}; the columns are {expected}", row
            )
        if names.count(name) > 1:
            raise UnreadableFile(source, f"column {name!r} appears twice", row)
    missing = [c for c in CSV_COLUMNS if c not in names]
    if missing:
        raise UnreadableFile(
            source,
            f"missing column(s) {', '.join(missing)}; the header needs all of {expected}",
            row,
        )
    return names


def _parse_tags(text: str) -> tuple[str, ...]:
    return tuple(clean_tag(t) for t in text.split(";") if t.strip())


def encode_json(
    days: Iterable[DayEntry], sessions: Iterable[SessionRecord], exported_at: dt.datetime
) -> bytes:
    """Days and sessions as the versioned JSON export (UTF-8, indented)."""
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "days": [day_to_dict(d) for d in days],
        "sessions": [session_to_dict(s) for s in sessions],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def decode_json(data: bytes, source: str, catalogue: Catalogue = None) -> Decoded:
    """Days and sessions from the JSON export. Raises UnreadableFile for a file that isn't one."""
    try:
        document = json.loads(_text(data, source))
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            source, f"the file is not valid JSON ({exc.msg})", exc.lineno
        ) from None
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
    if not isinstance(days_in, list) or not isinstance(sessions_in, list):
        raise UnreadableFile(source, '"days" and "sessions" must be lists')

    problems: list[RowProblem] = []
    days = _unique_days(
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
    rows = len(days_in) + len(sessions_in)
    return Decoded(tuple(days), tuple(sessions), tuple(problems), rows)


def _fields(item: object, known: Iterable[str], required: Iterable[str]) -> _Row:
    """A row for a JSON object: unknown and missing keys are its first problems."""
    row = _Row()
    if not isinstance(item, dict):
        row.problems.append(("row", "must be an object"))
        return row
    row.problems += [(k, "is not a known field") for k in sorted(set(item) - set(known))]
    row.problems += [(k, "is missing") for k in required if k not in item]
    return row


def _day_from_json(item: object, catalogue: Catalogue) -> _Row:
    row = _fields(item, CSV_COLUMNS, ("date",))
    if not isinstance(item, dict):
        return row
    given = {k: v for k, v in item.items() if k in CSV_COLUMNS}
    parsers: dict[str, Callable[[Any], Any]] = {
        "date": lambda v: parse_date(_of_type(str, "a date written YYYY-MM-DD", v)),
        "sleep_hours": partial(check_hours, "sleep_hours"),
        "tags": lambda v: tuple(
            clean_tag(_of_type(str, "text", t)) for t in _of_type(list, "a list", v)
        ),
        "areas": lambda v: _checked_areas(_of_type(dict, "an object", v).items(), catalogue),
        "note": partial(_of_type, str, "text"),
    }
    for name, value in given.items():
        row.take(name, parsers.get(name) or partial(check_rating, name), value)
    return row


def _session_from_json(item: object) -> _Row:
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


def _of_type(kind: type, what: str, value: Any) -> Any:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"must be {what}, got {value!r}")
    return value


def _refuse(message: str) -> Any:
    raise ValueError(message)


def _whole(least: int, value: Any) -> int:
    if type(value) is not int or value < least:
        raise ValueError(f"must be a whole number from {least}, got {value!r}")
    return value


def _seconds(value: Any) -> float:
    if type(value) not in (int, float) or not 0 <= value < float("inf"):
        raise ValueError(f"must be a number of seconds >= 0, got {value!r}")
    return float(value)


def _moment(value: Any) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(_of_type(str, "text", value))
    except ValueError:
        raise ValueError(f"must be an ISO date and time with its offset, got {value!r}") from None
    if moment.utcoffset() is None:
        raise ValueError(f"needs its UTC offset (like +01:00), got {value!r}")
    return moment
