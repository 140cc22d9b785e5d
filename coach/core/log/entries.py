"""The daily log's vocabulary: a day's entry, a session's record, and the limits of each value."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any

RATING_MIN, RATING_MAX = 0, 10
MAX_SLEEP_HOURS = 24.0
MAX_NOTE = 10_000
MAX_TAG = 40
MAX_TAGS_PER_DAY = 200  # more would not be a day's tags but a mistake (or a hostile file)
MAX_AREAS_PER_DAY = 200  # more than the body map has regions
MAX_STEPS = 10_000  # a session's steps
MAX_SESSION_SECONDS = 7 * 24 * 3600.0
# One rule for which dates the log holds, everywhere (log add, imports, the store, the charts):
# from 1900 to tomorrow (a log written in a time zone ahead of this one may already be there).
# The store and the charts only fence the years (the clock of the machine may be wrong).
EARLIEST_DATE = dt.date(1900, 1, 1)
LAST_STORABLE_DATE = dt.date(2199, 12, 31)
_TAG_FORBIDDEN = re.compile(r"[;\n\r\t]")
MAX_MEDICINE = 80
MAX_MEDICATIONS = 30  # taken in one day: more is a mistake (a pasted list), not a day
# `;` separates medications and `|` their details in a CSV cell and on the command line
_MEDICINE_FORBIDDEN = re.compile(r"[;|\n\r\t]")

# The day's 0-10 ratings, in the order the Today view shows them (their words are in
# coach.ui.common.rating_words).
RATING_FIELDS: tuple[str, ...] = (
    "pain",
    "worst_pain",
    "sleep_quality",
    "enjoyment",
    "activity",
    "stress",
)


class InvalidEntry(ValueError):
    """A value the log refuses, naming the field and what is allowed."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


def latest_date(today: dt.date | None = None) -> dt.date:
    """The last date the log accepts: tomorrow (for a log kept in a time zone ahead)."""
    return (today or dt.date.today()) + dt.timedelta(days=1)


def check_log_date(date: dt.date, name: str = "date", today: dt.date | None = None) -> dt.date:
    """`date` if the log can hold it (EARLIEST_DATE to tomorrow); raises InvalidEntry otherwise."""
    if not EARLIEST_DATE <= date <= latest_date(today):
        raise InvalidEntry(
            name, f"must be a date from {EARLIEST_DATE} to {latest_date(today)}, got {date}"
        )
    return date


def check_storable_date(date: dt.date, name: str = "date") -> dt.date:
    """`date` if it is in the years the log can hold at all (1900-2199); InvalidEntry otherwise."""
    if not EARLIEST_DATE <= date <= LAST_STORABLE_DATE:
        raise InvalidEntry(
            name, f"must be a date from {EARLIEST_DATE} to {latest_date()}, got {date}"
        )
    return date


def check_day_limits(entry: DayEntry) -> DayEntry:
    """`entry` if it is within what one day can hold (tags, areas); InvalidEntry otherwise.

    Kept out of DayEntry itself so that a day stored before these limits still reads.
    """
    check_storable_date(entry.date)
    if len(entry.tags) > MAX_TAGS_PER_DAY:
        raise InvalidEntry(
            "tags", f"a day has at most {MAX_TAGS_PER_DAY} tags, got {len(entry.tags)}"
        )
    if len(entry.areas) > MAX_AREAS_PER_DAY:
        raise InvalidEntry(
            "areas", f"a day has at most {MAX_AREAS_PER_DAY} areas, got {len(entry.areas)}"
        )
    return entry


def shown(value: object, limit: int = 40) -> str:
    """A value for a message: short, whatever it is (an int of 5,000 digits included)."""
    if isinstance(value, float):
        return f"{value:g}"
    try:
        text = repr(value)
    except ValueError:  # an int too long for Python to write out
        return "a number too long to show"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_rating(name: str, value: object) -> int | None:
    """A 0-10 rating as an int, None for "not rated"; raises InvalidEntry otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidEntry(name, f"must be a whole number from 0 to 10, got {shown(value)}")
    if isinstance(value, float) and not value.is_integer():
        raise InvalidEntry(name, f"must be a whole number from 0 to 10, got {value:g}")
    if not RATING_MIN <= value <= RATING_MAX:
        raise InvalidEntry(name, f"must be from 0 to 10, got {shown(value)}")
    return int(value)


def check_hours(name: str, value: object) -> float | None:
    """Hours slept, 0-24, None for "not given"."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidEntry(name, f"must be a number of hours from 0 to 24, got {shown(value)}")
    if not 0 <= value <= MAX_SLEEP_HOURS:  # exact for ints of any size, false for NaN
        raise InvalidEntry(name, f"must be from 0 to 24 hours, got {shown(value)}")
    return float(value)


def clean_tag(tag: object) -> str:
    """A tag as stored: trimmed, inner spaces collapsed, lower case; refuses what CSV can't hold."""
    if not isinstance(tag, str):
        raise InvalidEntry("tags", f"a tag must be text, got {tag!r}")
    cleaned = " ".join(tag.split()).casefold()
    if not cleaned:
        raise InvalidEntry("tags", "a tag cannot be empty")
    if len(cleaned) > MAX_TAG:
        raise InvalidEntry("tags", f"a tag is at most {MAX_TAG} characters, got {len(cleaned)}")
    if _TAG_FORBIDDEN.search(cleaned):
        raise InvalidEntry("tags", f"a tag cannot contain ';', got {tag!r}")
    return cleaned


def clean_medicine(name: object) -> str:
    """A medicine's name and dose as stored: trimmed, inner spaces collapsed, case kept."""
    if not isinstance(name, str):
        raise InvalidEntry("medications", f"a medicine must be text, got {name!r}")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidEntry("medications", "a medicine needs a name")
    if len(cleaned) > MAX_MEDICINE:
        raise InvalidEntry(
            "medications",
            f"a medicine is at most {MAX_MEDICINE} characters, got {len(cleaned)}",
        )
    if _MEDICINE_FORBIDDEN.search(cleaned):
        raise InvalidEntry("medications", f"a medicine cannot contain ';' or '|', got {name!r}")
    return cleaned


@dataclass(frozen=True)
class MedicationTaken:
    """One medicine taken on a day: its name and dose as the person writes them ("ibuprofen
    400 mg"), when (optional), whether it was taken as needed or as a regular dose, and how
    much it helped (0-10, optional)."""

    name: str
    time: dt.time | None = None  # the local time of day, to the minute
    as_needed: bool = False
    helped: int | None = None  # 0 not at all, 10 completely

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_medicine(self.name))
        if self.time is not None:
            if not isinstance(self.time, dt.time):
                raise InvalidEntry("medications", f"a time must be HH:MM, got {self.time!r}")
            object.__setattr__(self, "time", self.time.replace(second=0, microsecond=0))
        if not isinstance(self.as_needed, bool):
            raise InvalidEntry(
                "medications", f"as needed must be true or false, got {self.as_needed!r}"
            )
        object.__setattr__(self, "helped", check_rating("helped", self.helped))


@dataclass(frozen=True)
class Medicine:
    """One of the person's own medicines, kept so a regular one is one click to log."""

    name: str
    as_needed: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_medicine(self.name))

    def taken(self, time: dt.time | None = None) -> MedicationTaken:
        """A dose of it taken today."""
        return MedicationTaken(self.name, time, self.as_needed)


@dataclass(frozen=True)
class DayEntry:
    """What the person logged for one local calendar date; everything but the date is optional."""

    date: dt.date
    pain: int | None = None
    worst_pain: int | None = None
    sleep_quality: int | None = None
    sleep_hours: float | None = None
    enjoyment: int | None = None  # PEG: pain's interference with enjoyment of life
    activity: int | None = None  # PEG: pain's interference with general activity
    stress: int | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    areas: dict[str, int] = field(default_factory=dict)  # region id -> intensity 0-10
    medications: tuple[MedicationTaken, ...] = ()  # in the order they were logged

    def __post_init__(self) -> None:
        for name in RATING_FIELDS:
            object.__setattr__(self, name, check_rating(name, getattr(self, name)))
        object.__setattr__(self, "sleep_hours", check_hours("sleep_hours", self.sleep_hours))
        if isinstance(self.tags, str):
            raise InvalidEntry("tags", f"must be a list of tags, got the text {self.tags!r}")
        object.__setattr__(self, "tags", tuple(sorted({clean_tag(t) for t in self.tags})))
        if not isinstance(self.note, str):
            raise InvalidEntry("note", "must be text")
        if len(self.note) > MAX_NOTE:
            raise InvalidEntry("note", f"is at most {MAX_NOTE} characters, got {len(self.note)}")
        areas: dict[str, int] = {}
        for region, intensity in dict(self.areas).items():
            checked = check_rating(f"areas.{region}", intensity)
            if checked is None:
                raise InvalidEntry(f"areas.{region}", "needs an intensity from 0 to 10")
            areas[region] = checked
        object.__setattr__(self, "areas", dict(sorted(areas.items())))
        if isinstance(self.medications, str | MedicationTaken):
            raise InvalidEntry("medications", "must be a list of medications")
        medications = tuple(self.medications)
        if not all(isinstance(m, MedicationTaken) for m in medications):
            raise InvalidEntry("medications", "must be a list of medications")
        if len(medications) > MAX_MEDICATIONS:
            raise InvalidEntry(
                "medications", f"at most {MAX_MEDICATIONS} a day, got {len(medications)}"
            )
        object.__setattr__(self, "medications", medications)

    @classmethod
    def from_store(cls, values: dict[str, Any]) -> DayEntry:
        """An entry from values the log already checked on the way in, without checking again.

        Only for the store: its STRICT tables and CHECK constraints hold every rule above, and it
        hands tags and areas over already sorted. Fields not given take their defaults; `values`
        becomes the entry's own (the caller hands it over).
        """
        entry = object.__new__(cls)
        if len(values) != _DAY_FIELD_COUNT:  # the store gives every field: no copy then
            values = {**_DAY_DEFAULTS, **values}
            for name, factory in _DAY_FACTORIES:
                if name not in values:
                    values[name] = factory()
        object.__setattr__(entry, "__dict__", values)
        return entry

    def is_empty(self) -> bool:
        """Nothing logged but the date."""
        return self == DayEntry(self.date)

    def merged(self, **changes: Any) -> DayEntry:
        """This entry with the given fields changed; tags and medications are added to, areas
        updated per region."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise InvalidEntry(sorted(unknown)[0], "is not a field of a day entry")
        if "tags" in changes:
            changes["tags"] = (*self.tags, *changes["tags"])
        if "areas" in changes:
            changes["areas"] = {**self.areas, **changes["areas"]}
        if "medications" in changes:
            changes["medications"] = (*self.medications, *changes["medications"])
        return replace(self, **changes)


@dataclass(frozen=True)
class SessionRecord:
    """One routine played: when, how far, and the pain rated before and after."""

    routine_id: str
    routine_title: str
    started_at: dt.datetime  # aware: with the time zone it was played in
    ended_at: dt.datetime
    planned_seconds: float
    actual_seconds: float
    completed: bool
    step_count: int
    stopped_at_step: int | None = None  # 1-based step it was stopped at, None if completed
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        for name in ("started_at", "ended_at"):
            moment = getattr(self, name)
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise InvalidEntry(name, "needs a time zone")
        if self.ended_at < self.started_at:
            raise InvalidEntry("ended_at", "is before started_at")
        for name in ("pain_before", "pain_after"):
            object.__setattr__(self, name, check_rating(name, getattr(self, name)))
        for name in ("planned_seconds", "actual_seconds"):
            value = getattr(self, name)
            if not 0 <= value <= MAX_SESSION_SECONDS:  # false for NaN and infinity
                raise InvalidEntry(
                    name,
                    f"must be from 0 to {MAX_SESSION_SECONDS:.0f} seconds, got {shown(value)}",
                )
        if not 1 <= self.step_count <= MAX_STEPS:
            raise InvalidEntry(
                "step_count", f"must be from 1 to {MAX_STEPS}, got {shown(self.step_count)}"
            )
        if self.completed and self.stopped_at_step is not None:
            raise InvalidEntry("stopped_at_step", "is only for sessions stopped early")
        if self.stopped_at_step is not None and not 1 <= self.stopped_at_step <= self.step_count:
            raise InvalidEntry(
                "stopped_at_step",
                f"must be a step from 1 to {self.step_count}, got {self.stopped_at_step}",
            )

    @classmethod
    def from_store(cls, values: dict[str, Any]) -> SessionRecord:
        """A record from values the log already checked on the way in (see DayEntry.from_store)."""
        record = object.__new__(cls)
        if len(values) != _SESSION_FIELD_COUNT:
            values = {**_SESSION_DEFAULTS, **values}
        object.__setattr__(record, "__dict__", values)
        return record

    @property
    def day(self) -> dt.date:
        """The local date it started on: a session crossing midnight belongs to that day."""
        return self.started_at.date()

    @property
    def pain_change(self) -> int | None:
        """After minus before (negative is better), when both were rated."""
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_after - self.pain_before


def _defaults(kind: type) -> dict[str, Any]:
    return {f.name: f.default for f in fields(kind) if f.default is not MISSING}


_DAY_DEFAULTS = _defaults(DayEntry)
_DAY_FACTORIES = tuple(
    (f.name, f.default_factory) for f in fields(DayEntry) if f.default_factory is not MISSING
)
_SESSION_DEFAULTS = _defaults(SessionRecord)
_DAY_FIELD_COUNT = len(fields(DayEntry))
_SESSION_FIELD_COUNT = len(fields(SessionRecord))

# A session record's own values, in the order exports and the log's table use them.
SESSION_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SessionRecord) if f.name != "id")
