"""The log's files for people and other programs: CSV (days) and JSON (days and sessions).

Encoding turns DayEntry and SessionRecord values into bytes. Decoding checks every row on its own
and returns what was accepted plus a problem for each refused value, so one bad row never stops
the others. Nothing here touches the database: the caller decides what to write.

This module holds what both formats share: the results of reading a file, each value's checks
(`coach log add` uses them too) and a row's parsing. `coach.core.log.exchange_csv` and
`coach.core.log.exchange_json` write and read each format; `coach.core.log.exchange_formats` tells them
apart and reads either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import (
    DayEntry,
    InvalidEntry,
    MedicationTaken,
    Medicine,
    SessionRecord,
    check_day_limits,
    check_hours,
    check_log_date,
    check_rating,
)

Catalogue = RegionCatalogue | None

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
    "medications",
    "note",
)
# Columns an older export does not have: a file without them still imports.
OPTIONAL_COLUMNS = frozenset(("medications",))
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    rows: int = 0  # data rows read (days, sessions and medicines), accepted or not
    medicines: tuple[Medicine, ...] = ()  # the person's own list (JSON only)

    @property
    def rejected_rows(self) -> int:
        """How many rows were refused (one row may have several problems)."""
        return len({p.row for p in self.problems})


# -- values ----------------------------------------------------------------------------------------


def parse_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD; raises ValueError with a readable message otherwise."""
    text = text.strip()
    if not ISO_DATE.match(text):
        raise ValueError(f"must be a date written YYYY-MM-DD, got {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"is not a real date: {text!r}") from None


def parse_log_date(text: str) -> dt.date:
    """A day's date in an import: YYYY-MM-DD and within the dates the log holds."""
    return check_log_date(parse_date(text))


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
    return checked_areas(pairs, catalogue)


def checked_areas(pairs: Iterable[tuple[str, object]], catalogue: Catalogue) -> dict[str, int]:
    """(region, intensity) pairs as a dict: known regions, each once, each with a 0-10 intensity."""
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


MEDICATION_FORMAT = "NAME and dose | HH:MM | as needed | helped N"
_AS_NEEDED = {"as needed": True, "prn": True, "regular": False}


def medication_text(taken: MedicationTaken) -> str:
    """A medication as one line: `ibuprofen 400 mg | 08:00 | as needed | helped 6`.

    Only the name is always there; `parse_medication` reads it back exactly.
    """
    parts = [taken.name]
    if taken.time is not None:
        parts.append(f"{taken.time:%H:%M}")
    if taken.as_needed:
        parts.append("as needed")
    if taken.helped is not None:
        parts.append(f"helped {taken.helped}")
    return " | ".join(parts)


def parse_time(text: str, name: str = "medications") -> dt.time:
    """A time of day written HH:MM (24-hour clock)."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise InvalidEntry(name, f"a time is written HH:MM, from 00:00 to 23:59, got {text!r}")
    return dt.time(int(match[1]), int(match[2]))


def parse_medication(text: str) -> MedicationTaken:
    """One medication written as `medication_text` writes it; the details in any order."""
    name, *details = (part.strip() for part in text.split("|"))
    time: dt.time | None = None
    as_needed = False
    helped: int | None = None
    for detail in details:
        lowered = " ".join(detail.lower().split())
        if not lowered:
            continue
        if re.fullmatch(r"\d{1,2}:\d{2}", lowered):
            time = parse_time(lowered)
        elif lowered in _AS_NEEDED:
            as_needed = _AS_NEEDED[lowered]
        elif lowered.startswith("helped"):
            value = lowered.removeprefix("helped").strip().lstrip("=:").strip()
            helped = parse_rating("helped", value)
            if helped is None:
                raise InvalidEntry("medications", "write how much it helped as helped N (0-10)")
        else:
            raise InvalidEntry(
                "medications",
                f"{detail!r} after {name!r} is not a time, 'as needed' or 'helped N'; "
                f"write {MEDICATION_FORMAT}",
            )
    return MedicationTaken(name, time, as_needed, helped)


def parse_medications(text: str) -> tuple[MedicationTaken, ...]:
    """Medications separated by `;`, each as `parse_medication` reads it."""
    return tuple(parse_medication(part) for part in text.split(";") if part.strip())


@dataclass
class ParsedRow:
    """Parses one row field by field, keeping every problem rather than stopping at the first."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def take(self, name: str, parse: Callable[[Any], Any], raw: Any) -> None:
        """Keep `parse(raw)` as the field `name`, or the problem it raised."""
        try:
            self.values[name] = parse(raw)
        except InvalidEntry as exc:
            self.problems.append((exc.field, exc.message))
        except (ValueError, OverflowError) as exc:  # e.g. a number too big for a float
            self.problems.append((name, str(exc) or "is not a usable value"))
        except RecursionError:
            self.problems.append((name, "is nested too deeply"))

    def build(self, kind: Callable[..., Any]) -> Any:
        """`kind` made of the fields taken, or None if the row has problems (kept in `problems`)."""
        if self.problems:
            return None
        try:
            built = kind(**self.values)
            if isinstance(built, DayEntry):
                check_log_date(built.date)
                check_day_limits(built)
            return built
        except InvalidEntry as exc:
            self.problems.append((exc.field, exc.message))
            return None
        except (ValueError, OverflowError) as exc:
            self.problems.append(("row", str(exc) or "is not usable"))
            return None


def unique_days(
    rows: Iterable[tuple[str, ParsedRow]], source: str, problems: list[RowProblem]
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


def file_text(data: bytes, source: str) -> str:
    """The file's bytes as text; raises UnreadableFile if they are not UTF-8 (or UTF-16) text."""
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
