"""The daily log's vocabulary: a day's entry, a session's record, and the limits of each value."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any

RATING_MIN, RATING_MAX = 0, 10
MAX_SLEEP_HOURS = 24.0
MAX_NOTE = 10_000
MAX_TAG = 40
_TAG_FORBIDDEN = re.compile(r"[;\n\r\t]")

# The 0-10 scales and the words at their ends, as the Today view shows them.
RATING_FIELDS: dict[str, tuple[str, str, str]] = {
    "pain": ("Pain today", "no pain", "worst imaginable"),
    "worst_pain": ("Worst pain today", "no pain", "worst imaginable"),
    "sleep_quality": ("Sleep last night", "terrible", "excellent"),
    "enjoyment": ("Pain got in the way of enjoying life", "not at all", "completely"),
    "activity": ("Pain got in the way of general activity", "not at all", "completely"),
    "stress": ("Stress", "none", "extreme"),
}


class InvalidEntry(ValueError):
    """A value the log refuses, naming the field and what is allowed."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


def check_rating(name: str, value: object) -> int | None:
    """A 0-10 rating as an int, None for "not rated"; raises InvalidEntry otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidEntry(name, f"must be a whole number from 0 to 10, got {value!r}")
    if isinstance(value, float) and not value.is_integer():
        raise InvalidEntry(name, f"must be a whole number from 0 to 10, got {value:g}")
    if not RATING_MIN <= value <= RATING_MAX:
        raise InvalidEntry(name, f"must be from 0 to 10, got {value:g}")
    return int(value)


def check_hours(name: str, value: object) -> float | None:
    """Hours slept, 0-24, None for "not given"."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidEntry(name, f"must be a number of hours from 0 to 24, got {value!r}")
    if not 0 <= value <= MAX_SLEEP_HOURS:
        raise InvalidEntry(name, f"must be from 0 to 24 hours, got {value:g}")
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
        """This entry with the given fields changed; tags are added to, areas updated per region."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise InvalidEntry(sorted(unknown)[0], "is not a field of a day entry")
        if "tags" in changes:
            changes["tags"] = (*self.tags, *changes["tags"])
        if "areas" in changes:
            changes["areas"] = {**self.areas, **changes["areas"]}
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
            if not math.isfinite(value) or value < 0:
                raise InvalidEntry(name, f"must be a number of seconds >= 0, got {value!r}")
        if self.step_count < 1:
            raise InvalidEntry("step_count", f"must be at least 1, got {self.step_count}")
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
