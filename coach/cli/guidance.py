"""`coach safety`, `coach suggest` and the painful areas of `coach sessions show --area`: the same
red flags, suggestions, reasons, notes and gentle versions as the app."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import textwrap
from dataclasses import dataclass, field
from typing import Any

from coach.cli.common import CommandError, catalogue_for, library_for
from coach.cli.log_common import open_log, parse_areas, parse_day
from coach.core.body.regions import RegionCatalogue
from coach.core.body.safety import plain_text
from coach.core.body.suggestions import Suggestion, area_notes, suggest
from coach.core.playing.gentle import advise, gentle_variant
from coach.core.routines.routine import Routine, format_duration
from coach.paths import Paths

WIDTH = 88
SAFETY_HINT = "Some pain needs a doctor, not a routine: `coach safety` says when."


def add_guidance_commands(commands: Any) -> None:
    """Add `coach safety` and `coach suggest` to the command line."""
    p = commands.add_parser("safety", help="when to see a doctor: the red flags for back pain")
    p.set_defaults(func=cmd_safety)
    p = commands.add_parser(
        "suggest",
        help="routines for your painful areas, with reasons and cautions (today's by default)",
        description="The routines the body map suggests for the areas marked in your log on a "
        "day (today unless --date), or for the areas given with --area instead.",
    )
    p.add_argument("--date", metavar="D", help="the day whose marked areas to use (YYYY-MM-DD)")
    p.add_argument(
        "--area",
        dest="areas",
        action="append",
        metavar="REGION=N",
        help="a painful area and how much it hurts (0-10), instead of the log's; repeatable",
    )
    p.add_argument("--limit", type=int, default=8, metavar="N", help="at most N (default 8)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_suggest)


def cmd_safety(args: argparse.Namespace, paths: Paths) -> int:
    """`coach safety`: the when-to-see-a-doctor page, as the app shows it on first run."""
    print(plain_text())
    return 0


def cmd_suggest(args: argparse.Namespace, paths: Paths) -> int:
    """`coach suggest`."""
    catalogue = catalogue_for(paths)
    if args.limit < 1:
        raise CommandError("--limit: must be at least 1")
    day = parse_day("--date", args.date, dt.date.today())
    assert day is not None
    if args.areas:
        marks = parse_areas(args.areas, catalogue)
        source = "given with --area"
    else:
        with open_log(paths) as log:
            entry = log.get_day(day)
        marks = dict(entry.areas) if entry else {}
        source = f"marked in your log for {day.isoformat()}"
    routines = [e.routine for e in library_for(paths, catalogue).scan().entries]
    found = suggest(marks, catalogue, routines, limit=args.limit)
    notes = area_notes(marks, catalogue)
    if args.json:
        out = {
            "date": None if args.areas else day.isoformat(),
            "areas": marks,
            "notes": notes,
            "suggestions": [
                {
                    "id": s.routine.id,
                    "title": s.routine.title,
                    "kind": s.routine.kind,
                    "duration": s.routine.duration,
                    "score": round(s.score, 2),
                    "direct": s.direct,
                    "reason": _reason(s),
                    "detail": _detail(s),
                    "gentle": s.gentle,
                    "regions": sorted(s.regions),
                    "cautions": list(s.routine.cautions),
                }
                for s in found
            ],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not marks:
        print(
            f"No painful areas {source}. Mark them on the body map in the app, with "
            "`coach log add --area REGION=N`, or name them here with --area REGION=N."
        )
        return 0
    named = ", ".join(f"{catalogue.name(r).lower()} {v}" for r, v in sorted(marks.items()))
    print(textwrap.fill(f"Areas {source}: {named}.", WIDTH))
    for note in notes:
        print()
        print(textwrap.fill(note, WIDTH, initial_indent="! ", subsequent_indent="  "))
    print()
    if not found:
        print("No routine in your library works these areas or the muscles linked to them.")
    for n, s in enumerate(found, 1):
        routine = s.routine
        print(f"{n}. {routine.title}  [{routine.id}, {format_duration(routine.duration)}]")
        for line in (_reason(s), _detail(s)):
            if line:
                print(textwrap.fill(line, WIDTH, initial_indent="   ", subsequent_indent="   "))
        show = f"coach sessions show {routine.id}"
        if s.gentle:
            show += f" {_area_args(marks)}"
        count = len(routine.cautions)
        what = f"its {count} cautions" if count != 1 else "its caution"
        print(f"   Before you start, read {what}: {show}")
    print()
    print(SAFETY_HINT)
    return 0


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _reason(s: Suggestion) -> str:
    """Why it is suggested, in English (the body map: ui/body_map/suggestion_words.py, with tr())."""
    if s.link is not None:
        said = s.link.reason
    else:
        names = [_lower_first(name) for name in s.areas]
        if s.more_areas:
            names.append(f"{s.more_areas} more areas")
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        said = f"Works your {listed}."
    return f"{said.removesuffix('.')} (gentle version offered)." if s.gentle else said


def _detail(s: Suggestion) -> str:
    if s.link is None:
        return ""
    muscles, pain_in = _lower_first(s.link.muscles), _lower_first(s.link.pain_in)
    return f"Works your {muscles}, often linked to pain in the {pain_in}."


def _area_args(marks: dict[str, int]) -> str:
    return " ".join(f"--area {r}={v}" for r, v in sorted(marks.items()))


@dataclass(frozen=True)
class AsPlayed:
    """A routine as it would be played for some painful areas: itself or its gentle version."""

    routine: Routine
    areas: dict[str, int] = field(default_factory=dict)
    gentle: bool = False
    painful: dict[str, int] = field(default_factory=dict)  # the strongly painful areas it avoids
    notes: tuple[str, ...] = ()


def as_played(routine: Routine, specs: list[str] | None, catalogue: RegionCatalogue) -> AsPlayed:
    """`routine` for the areas given as REGION=N (the gentle version where the app offers it)."""
    if not specs:
        return AsPlayed(routine)
    areas = parse_areas(specs, catalogue)
    advice = advise(routine, areas, catalogue)
    notes = tuple(area_notes(areas, catalogue))
    if not advice.needed:
        return AsPlayed(routine, areas, notes=notes)
    variant = gentle_variant(routine, areas, catalogue)
    return AsPlayed(variant, areas, True, dict(advice.painful), notes)


def as_played_json(played: AsPlayed) -> dict[str, Any]:
    """The extra keys of `coach sessions show --json --area`."""
    return {
        "areas": played.areas,
        "gentle": played.gentle,
        "painful": played.painful,
        "notes": list(played.notes),
    }


def print_as_played(played: AsPlayed, catalogue: RegionCatalogue) -> None:
    """The lines `coach sessions show --area` adds before the timeline."""
    if not played.areas:
        return
    if played.gentle:
        where = ", ".join(f"{catalogue.name(r).lower()} {v}" for r, v in played.painful.items())
        print(
            textwrap.fill(
                f"The gentle version, as the app offers it for strong pain in: {where}. "
                "Those areas are rested instead of tensed, and massage spots there are skipped.",
                WIDTH,
            )
        )
    else:
        print(
            "As played for those areas: nothing needs to change (no area at 7 or more is worked)."
        )
    for note in played.notes:
        print(textwrap.fill(note, WIDTH, initial_indent="! ", subsequent_indent="  "))
