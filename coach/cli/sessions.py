"""`coach sessions list|validate|show|schema`: the routines (session files) as the app finds
them, checked, and as they will be played."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coach.cli.common import catalogue_for, find_routine, library_for, problem_json, table
from coach.core.playing.timeline import Timeline
from coach.core.routines.cues import cue_name
from coach.core.routines.library import RoutineLibrary, session_files
from coach.core.routines.problems import FileProblems
from coach.core.routines.routine import format_duration
from coach.core.routines.session_format import session_schema
from coach.paths import Paths


def add_sessions_commands(commands: Any) -> None:
    """Add `sessions` and its actions to the `coach` parser's subcommands."""
    sessions = commands.add_parser(
        "sessions", help="list, check and inspect routines (session files)"
    )
    sessions_sub = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sessions_sub.add_parser(
        "list", help="every routine, and the files that could not be loaded"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_sessions_list)
    p = sessions_sub.add_parser(
        "validate", help="check session files; exit 0 only if all are valid"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", type=Path, help="files or folders")
    p.set_defaults(func=cmd_sessions_validate)
    p = sessions_sub.add_parser("show", help="the timeline of a routine, as it will be played")
    p.add_argument("routine", metavar="ID|PATH")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--area",
        dest="areas",
        action="append",
        metavar="REGION=N",
        help="show it as played for this painful area (0-10; the gentle version where it applies)",
    )
    p.add_argument(
        "--estimate", action="store_true", help="time the words by estimate, without the voice"
    )
    p.set_defaults(func=cmd_sessions_show)
    p = sessions_sub.add_parser("schema", help="print the JSON Schema of session files")
    p.set_defaults(func=cmd_sessions_schema)


def cmd_sessions_list(args: argparse.Namespace, paths: Paths) -> int:
    """`coach sessions list`."""
    scan = library_for(paths, catalogue_for(paths)).scan()
    if args.json:
        out = {
            "routines": [
                {
                    "id": e.routine.id,
                    "title": e.routine.title,
                    "kind": e.routine.kind,
                    "duration": e.routine.duration,
                    "steps": len(e.routine.steps),
                    "source": e.source.label,
                    "folder": str(e.source.folder),
                    "path": str(e.routine.path),
                    "overrides": str(e.overrides) if e.overrides else None,
                }
                for e in scan.entries
            ],
            "broken": [
                {
                    "path": str(b.path),
                    "source": b.source.label,
                    "problems": [problem_json(p) for p in b.problems],
                }
                for b in scan.broken
            ],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if scan.entries:
        rows = [["ID", "TITLE", "KIND", "DURATION", "SOURCE"]]
        for e in scan.entries:
            source = e.source.label + (" (replaces built-in)" if e.overrides else "")
            rows.append(
                [
                    e.routine.id,
                    e.routine.title,
                    e.routine.kind,
                    format_duration(e.routine.duration),
                    source,
                ]
            )
        print(table(rows))
    else:
        print("No routines found.")
    print(f"\nBuilt-in: {paths.builtin_sessions}\nYours:    {paths.user_sessions}")
    if scan.broken:
        print(f"\n{len(scan.broken)} file(s) could not be loaded:")
        for broken in scan.broken:
            for problem in broken.problems:
                print(f"  {problem}")
    return 0


def cmd_sessions_validate(args: argparse.Namespace, paths: Paths) -> int:
    """`coach sessions validate PATH...`: one line per problem, `FILE:LINE: message`."""
    catalogue = catalogue_for(paths)
    library = RoutineLibrary([], catalogue)
    failed = False
    for given in args.paths:
        if given.is_dir():
            files = session_files(given)
            if not files:
                print(f"{given}: no session files (*.toml) here")
                failed = True
        elif given.exists():
            files = [given]
        else:
            print(f"{given}: no such file or folder")
            failed = True
            continue
        for path in files:
            try:
                routine = library.load(path)
            except FileProblems as exc:
                failed = True
                for problem in exc.problems:
                    print(problem)
                continue
            for warning in routine.warnings:
                print(warning)
            print(f"{path}: ok ({len(routine.steps)} steps, {format_duration(routine.duration)})")
    return 1 if failed else 0


def cmd_sessions_show(args: argparse.Namespace, paths: Paths) -> int:
    """`coach sessions show ID|PATH`: the timeline as played, fitted to the real narration."""
    from coach.cli.guidance import as_played, as_played_json, print_as_played
    from coach.cli.voice import session_narration

    catalogue = catalogue_for(paths)
    played = as_played(find_routine(args.routine, paths), args.areas, catalogue)
    routine = played.routine
    timeline = Timeline.from_routine(routine, session_narration(paths, estimate=args.estimate))
    if args.json:
        out = {
            "id": routine.id,
            "title": routine.title,
            "kind": routine.kind,
            "summary": routine.summary,
            "duration": timeline.total,
            "written_duration": routine.duration,
            "equipment": list(routine.equipment),
            "targets": list(routine.targets),
            "cautions": list(routine.cautions),
            "path": str(routine.path),
            "steps": [
                {
                    "index": t.index,
                    "start": t.offset,
                    "duration": t.step.duration,
                    "written_duration": t.written if t.stretched else t.step.duration,
                    "speech": round(t.speech, 2),
                    "kind": t.step.kind.value,
                    "text": t.step.text,
                    "say": t.step.spoken,
                    "regions": list(t.step.regions),
                    "cue": cue_name(t.step.cue),
                    "audio": str(t.step.audio) if t.step.audio else None,
                }
                for t in timeline.steps
            ],
            "warnings": [problem_json(w) for w in routine.warnings],
        }
        if args.areas:
            out |= as_played_json(played)
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    stretched = sum(1 for t in timeline.steps if t.stretched)
    fitted = (
        f" as played; {format_duration(routine.duration)} as written, {stretched} steps "
        "lengthened to fit their words"
        if stretched
        else ""
    )
    print(
        f"{routine.title}  [{routine.id}, {routine.kind}, {format_duration(timeline.total)}"
        f"{fitted}, {len(timeline)} steps]"
    )
    print(f"from {routine.path}")
    print_as_played(played, catalogue)
    if routine.cautions:
        print("\nBefore you start:")
        for caution in routine.cautions:
            print(f"  - {caution}")
    print()
    rows = [["START", "LENGTH", "WORDS", "KIND", "TEXT", "REGIONS"]]
    for t in timeline.steps:
        rows.append(
            [
                format_duration(t.offset),
                f"{t.step.duration:g}s" + (f" (was {t.written:g}s)" if t.stretched else ""),
                f"{t.speech:.1f}s" if t.speech else "",
                t.step.kind.value,
                t.step.text if len(t.step.text) <= 70 else t.step.text[:67] + "...",
                ", ".join(t.step.regions),
            ]
        )
    print(table(rows))
    for warning in routine.warnings:
        print(warning, file=sys.stderr)
    return 0


def cmd_sessions_schema(args: argparse.Namespace, paths: Paths) -> int:
    """`coach sessions schema`: the JSON Schema, as published in docs/session.schema.json."""
    print(json.dumps(session_schema(), indent=2, ensure_ascii=False))
    return 0
