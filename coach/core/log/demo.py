"""Demo data: a made-up but believable log, for trying the app, screenshots and the Trends view.

The same start, end and seed always give the same log. Pain starts around 5 and drifts slowly
down over the months, with a weekly rhythm (worse on working days), flare-ups and day-to-day noise;
a poor night's sleep makes the next day worse, so sleep and pain visibly move together. Walks go
with slightly lower pain, long drives with higher; ibuprofen is taken on bad days (so it goes with
higher pain: an association is not a cause). A routine is played on most days, mostly in the
evening, usually with pain a little lower after. Some days are missed, and now and then a week.

Demo data is never mixed into a real log: it goes into a folder of its own, marked by a
DEMO-DATA.txt file beside the log.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.core.log.entries import DayEntry, MedicationTaken, Medicine, SessionRecord

MARKER_NAME = "DEMO-DATA.txt"


@dataclass(frozen=True)
class DemoRoutine:
    """A built-in routine as the demo plays it: what it is, how long, and how much it usually helps."""

    id: str
    title: str
    kind: str
    planned_seconds: float
    step_count: int
    weight: float  # how often it is chosen
    drops: tuple[float, ...]  # weights of pain falling by -1, 0, 1, 2, 3 points after it


# The real built-in routines (sessions/*.toml): ids, titles, kinds, lengths and step counts as they
# were when this was written; `coach demo-data` takes the installed ones' current values instead.
ROUTINES = (
    DemoRoutine(
        "pmr-4",
        "Progressive muscle relaxation: 4 groups (short)",
        "pmr",
        481.0,
        21,
        0.4,
        (0.06, 0.30, 0.40, 0.20, 0.04),
    ),
    DemoRoutine(
        "pmr-16",
        "Progressive muscle relaxation: 16 groups",
        "pmr",
        1386.0,
        73,
        0.3,
        (0.04, 0.18, 0.38, 0.32, 0.08),
    ),
    DemoRoutine(
        "massage-low-back",
        "Low back self-massage with a ball",
        "massage",
        685.0,
        31,
        0.3,
        (0.05, 0.22, 0.38, 0.28, 0.07),
    ),
)
DEMO_KINDS: dict[str, str] = {r.id: r.kind for r in ROUTINES}  # routine id -> kind

TAGS = ("walk", "long drive", "ibuprofen", "gardening", "poor sleep", "physio")
# How much a tag moves that day's pain (ibuprofen and "poor sleep" follow the day instead).
TAG_EFFECTS = {"walk": -0.6, "long drive": 1.3, "gardening": 0.4, "physio": -0.3}
# Monday to Sunday: sitting at work hurts, weekends are easier.
WEEKLY = (0.3, 0.2, 0.2, 0.3, 0.1, -0.4, -0.5)

DAY_NOTES = (
    "Stiff in the morning, better after moving about.",
    "Bad night, woke up twice with the back.",
    "Good day. Hardly noticed it in the afternoon.",
    "Sat too long at the desk.",
    "Heat pack in the evening helped.",
    "Carried the shopping, paid for it later.",
    "Tired but the pain was bearable.",
)
TAG_NOTES = {
    "long drive": "Stiff after the drive.",
    "gardening": "Too much bending in the garden.",
    "physio": "Physio: new stretches for the hips.",
    "walk": "A long walk loosened it up.",
}
SESSION_NOTES = (
    "Fell asleep near the end.",
    "Hard to relax tonight.",
    "The ball helped most on the left side.",
    "Felt warm and heavy afterwards.",
)


def _clamp(value: float, low: float = 0, high: float = 10) -> int:
    return int(max(low, min(high, round(value))))


def _moment(date: dt.date, minutes: int, tz: dt.tzinfo | None) -> dt.datetime:
    """`minutes` after midnight on `date`, with the given zone or this machine's offset that day."""
    naive = dt.datetime.combine(date, dt.time(minutes // 60, minutes % 60))
    return naive.astimezone() if tz is None else naive.replace(tzinfo=tz)


class _Person:
    """The made-up person's state from day to day (everything drawn from one seeded stream)."""

    def __init__(self, seed: int, tz: dt.tzinfo | None, routines: Sequence[DemoRoutine]) -> None:
        self.rng = random.Random(seed)
        self.tz = tz
        self.routines = tuple(routines)
        self.drift = 0.0  # slow ups and downs over weeks
        self.flare = 0.0  # a flare-up, fading over a few days
        self.level = 5.0  # yesterday's underlying pain
        self.stress = 4.0
        self.gap_left = 0  # days left of a break in logging (a holiday)
        self.month: tuple[int, int] | None = None
        self.practice = 0.8  # chance of a session on a day, changing from month to month

    def day(self, index: int, date: dt.date) -> tuple[DayEntry | None, list[SessionRecord]]:
        rng = self.rng
        if (date.year, date.month) != self.month:
            self.month = (date.year, date.month)
            self.practice = 0.6 + 0.35 * rng.random()
        self.drift = 0.95 * self.drift + rng.gauss(0, 0.18)
        self.flare *= 0.8
        if rng.random() < 1 / 75:
            self.flare += rng.uniform(1.5, 2.5)
        weekday = date.weekday()
        weekend = weekday >= 5

        # last night's sleep follows yesterday's pain and stress
        sleep_raw = 7.2 - 0.55 * (self.level - 4.5) - 0.2 * (self.stress - 4) + rng.gauss(0, 1.3)
        sleep = _clamp(sleep_raw)
        hours = max(5.0, min(8.5, 5 + 3.5 * sleep_raw / 10 + rng.gauss(0, 0.35)))

        tags: set[str] = set()
        if rng.random() < 0.4 - 0.05 * self.flare:
            tags.add("walk")
        if rng.random() < (0.1 if weekend else 0.04):
            tags.add("long drive")
        if 4 <= date.month <= 9 and rng.random() < (0.15 if weekend else 0.05):
            tags.add("gardening")
        if weekday == 1 and (index // 7) % 26 < 8 and rng.random() < 0.85:
            tags.add("physio")

        baseline = 3.6 + 2.0 * math.exp(-index / 540)  # about 5 at first, easing over the months
        level = (
            baseline
            + WEEKLY[weekday]
            + self.drift
            + self.flare
            + 0.3 * (6.5 - sleep_raw)
            + sum(TAG_EFFECTS.get(t, 0.0) for t in tags)
            + rng.gauss(0, 0.6)
        )
        pain = _clamp(level)
        self.level = level
        self.stress = 4 + (-1.0 if weekend else 0.8) + 0.3 * (level - 4.5) + rng.gauss(0, 1.2)
        if rng.random() < (0.65 if pain >= 6 else 0.25 if pain == 5 else 0.04):
            tags.add("ibuprofen")
        if sleep <= 3 and rng.random() < 0.7:
            tags.add("poor sleep")

        sessions = self.sessions(date, pain)
        if self.gap_left > 0:
            self.gap_left -= 1
            return None, []
        if rng.random() < 1 / 180:
            self.gap_left = rng.randint(3, 9) - 1  # this day is the first of the break
            return None, []
        if rng.random() < 0.04:
            return None, sessions if rng.random() < 0.3 else []  # forgot to log, maybe played

        skip_sleep = rng.random() < 0.06
        note = ""
        if rng.random() < 0.06:
            related = [TAG_NOTES[t] for t in sorted(tags) if t in TAG_NOTES]
            note = rng.choice(related) if related and rng.random() < 0.6 else rng.choice(DAY_NOTES)
        entry = DayEntry(
            date,
            pain=None if rng.random() < 0.03 else pain,
            worst_pain=min(10, pain + rng.randint(1, 3)),
            sleep_quality=None if skip_sleep else sleep,
            sleep_hours=None if skip_sleep else round(hours * 4) / 4,
            enjoyment=_clamp(0.8 * level + rng.gauss(0, 1)) if rng.random() < 0.8 else None,
            activity=_clamp(0.9 * level + rng.gauss(0, 1)) if rng.random() < 0.8 else None,
            stress=_clamp(self.stress),
            tags=tuple(sorted(tags)),
            note=note,
            areas=self.areas(pain, tags),
            medications=_medications(index, pain, tags),
        )
        return entry, sessions

    def areas(self, pain: int, tags: set[str]) -> dict[str, int]:
        rng = self.rng
        if rng.random() < 0.25 or pain == 0:
            return {}
        areas = {"left_lower_back": _clamp(pain + rng.randint(-1, 1), low=1)}
        if rng.random() < 0.7:
            areas["right_lower_back"] = _clamp(pain - rng.randint(0, 2), low=1)
        if rng.random() < (0.4 if "long drive" in tags else 0.2):
            areas["left_glute"] = _clamp(pain - rng.randint(1, 3), low=1)
            if rng.random() < 0.5:
                areas["right_glute"] = _clamp(pain - rng.randint(1, 3), low=1)
        if rng.random() < 0.08 + 0.04 * max(0.0, self.stress - 5):
            areas[rng.choice(("left_neck", "right_neck"))] = rng.randint(2, 5)
        return areas

    def sessions(self, date: dt.date, pain: int) -> list[SessionRecord]:
        rng = self.rng
        if rng.random() >= self.practice:
            return []
        starts = [rng.randint(19 * 60 + 30, 22 * 60 + 45)]  # in the evening
        if rng.random() < 0.15:
            starts = [rng.randint(7 * 60, 8 * 60 + 30)]  # or before work
        if rng.random() < 0.1:
            starts = [rng.randint(7 * 60, 8 * 60 + 30), rng.randint(19 * 60 + 30, 22 * 60 + 45)]
        routines = self.routines
        weights = [r.weight + (0.2 if r.kind == "massage" and pain >= 6 else 0) for r in routines]
        records = []
        for minutes in starts:
            routine = rng.choices(routines, weights)[0]
            before = _clamp(pain + rng.randint(-1, 1))
            drop = rng.choices((-1, 0, 1, 2, 3), routine.drops)[0]
            after: int | None = _clamp(before - drop)
            stopped: int | None = None
            if rng.random() < 0.1:  # stopped early
                stopped = rng.randint(2, routine.step_count - 1)
                # partway through the step it was stopped at
                actual = routine.planned_seconds * (stopped - rng.random()) / routine.step_count
                if rng.random() < 0.5:
                    after = None
            else:
                actual = routine.planned_seconds * rng.uniform(1.0, 1.1)  # with a pause or two
            actual = float(round(actual))
            started = _moment(date, minutes, self.tz)
            records.append(
                SessionRecord(
                    routine.id,
                    routine.title,
                    started,
                    started + dt.timedelta(seconds=actual),
                    routine.planned_seconds,
                    actual,
                    stopped is None,
                    routine.step_count,
                    stopped_at_step=stopped,
                    pain_before=None if rng.random() < 0.07 else before,
                    pain_after=None if rng.random() < 0.05 else after,
                    note=rng.choice(SESSION_NOTES) if rng.random() < 0.03 else "",
                )
            )
        return records


# The demo person's own list of medicines (the Today view offers them as one click).
DEMO_MEDICINES = (Medicine("amitriptyline 10 mg"), Medicine("ibuprofen 400 mg", as_needed=True))


def _medications(index: int, pain: int, tags: set[str]) -> tuple[MedicationTaken, ...]:
    """A nightly regular medicine from the third month, and ibuprofen on the days tagged so.

    Made from the day's values alone (no draw from the random generator), so adding them left
    every other made-up value as it was.
    """
    taken = []
    if "ibuprofen" in tags:
        helped = max(1, min(9, 9 - pain // 2 - index % 3))
        taken.append(MedicationTaken("ibuprofen 400 mg", dt.time(13, 0), True, helped))
    if index >= 60:
        taken.append(MedicationTaken("amitriptyline 10 mg", dt.time(21, 30)))
    return tuple(taken)


def generate_demo(
    start: dt.date,
    end: dt.date,
    seed: int,
    *,
    tz: dt.tzinfo | None = None,
    now: dt.datetime | None = None,
    routines: Sequence[DemoRoutine] = ROUTINES,
) -> tuple[list[DayEntry], list[SessionRecord]]:
    """A made-up log from `start` to `end` inclusive: (days, sessions), oldest first.

    Deterministic for the same arguments. Sessions carry `tz`, or by default this machine's UTC
    offset on their date (so daylight saving time is as the machine has it). With `now`, nothing
    after it is made: no day after its date, no session that has not ended by then. `routines`
    are the ones played (by default the built-ins as they were when this was written).
    """
    if not routines:
        raise ValueError("the demo needs at least one routine to play")
    person = _Person(seed, tz, routines)
    days: list[DayEntry] = []
    sessions: list[SessionRecord] = []
    for index in range((end - start).days + 1):
        date = start + dt.timedelta(days=index)
        if now is not None and date > now.date():
            break
        entry, played = person.day(index, date)
        if entry is not None:
            days.append(entry)
        sessions.extend(r for r in played if now is None or r.ended_at <= now)
    return days, sessions


def demo_marker(data_dir: Path) -> Path:
    """The file that marks a data folder as holding demo data."""
    return data_dir / MARKER_NAME


def is_demo(data_dir: Path) -> bool:
    """Whether the data folder holds demo data (the app can say so in its title)."""
    return demo_marker(data_dir).is_file()


def write_marker(
    data_dir: Path, start: dt.date, end: dt.date, seed: int, days: int, sessions: int
) -> Path:
    """Write DEMO-DATA.txt: that this is made-up data, how it was made and how to remove it."""
    marker = demo_marker(data_dir)
    marker.write_text(
        "This folder holds DEMO DATA made up by `coach demo-data`, not anyone's real log.\n"
        "\n"
        f"Dates: {start.isoformat()} to {end.isoformat()}; {days} days logged, {sessions} "
        f"sessions; seed {seed}.\n"
        "\n"
        "Open the app on it with:\n"
        f"    coach --data-dir {shlex.quote(str(data_dir))}\n"
        "\n"
        "When you are done, delete the whole folder. Demo data is never mixed into a real log:\n"
        "`coach demo-data` only writes into a folder whose log is empty.\n",
        encoding="utf-8",
    )
    return marker
