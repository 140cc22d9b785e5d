"""The `coach` command line: the same core as the app, for the terminal and for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from coach import __version__
from coach.cli.common import (
    CommandError,
    catalogue_for,
    find_routine,
    table,
)
from coach.cli.terminal import escape, escaped_output
from coach.core.routines.problems import Severity
from coach.paths import Paths

Command = Callable[[argparse.Namespace, Paths], int]


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = argparse.ArgumentParser(
        prog="coach",
        description="Unknot: guided relaxation and self-massage, a body map and a pain log. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s (Unknot) {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep all your data (log, own sessions, backups, settings) in DIR (also: COACH_DATA_DIR)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window, check it appears, and exit (0 if it did)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    from coach.cli.sessions import add_sessions_commands

    add_sessions_commands(commands)

    regions = commands.add_parser("regions", help="the body regions session files can name")
    regions_sub = regions.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = regions_sub.add_parser("list", help="every region and group id, with links")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_regions_list)

    p = commands.add_parser("play", help="follow a routine (in the app, or in the terminal)")
    p.add_argument("routine", metavar="ID|PATH")
    p.add_argument(
        "--no-gui",
        action="store_true",
        help="follow it in this terminal, with its sounds and voice",
    )
    p.add_argument(
        "--silent", action="store_true", help="with --no-gui: text only, no sound or voice"
    )
    p.set_defaults(func=cmd_play)

    from coach.cli.log import add_log_commands

    add_log_commands(commands)
    from coach.cli.demo import add_demo_command

    add_demo_command(commands)
    from coach.cli.chart import add_chart_command

    add_chart_command(commands)
    from coach.cli.report import add_report_command

    add_report_command(commands)
    from coach.cli.guidance import add_guidance_commands

    add_guidance_commands(commands)
    from coach.cli.voice import add_voice_command

    add_voice_command(commands)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run the command line `argv` (without the program name)."""
    args = build_parser().parse_args(argv)
    paths = Paths.resolve(args.data_dir)
    try:
        if args.command is None:
            from coach.app import run_app

            return run_app(paths, self_test=args.self_test)
        func: Command = args.func
        with escaped_output():  # notes, tags, titles and file names never reach it raw
            return func(args, paths)
    except CommandError as exc:
        print(f"coach: {escape(str(exc))}", file=sys.stderr)
        return exc.status
    except BrokenPipeError:
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(escape(f"coach: {exc.strerror or exc}{where}"), file=sys.stderr)
        return 1


# -- regions -------------------------------------------------------------------------------------


def cmd_regions_list(args: argparse.Namespace, paths: Paths) -> int:
    """`coach regions list`."""
    catalogue = catalogue_for(paths)
    if args.json:
        out = {
            "regions": [
                {
                    "id": r.id,
                    "name": r.name,
                    "view": r.view,
                    "side": r.side,
                    "spine": r.spine,
                    "muscles": r.muscles,
                }
                for r in catalogue.regions.values()
            ],
            "groups": [
                {"id": g.id, "name": g.name, "regions": sorted(g.regions)}
                for g in catalogue.groups.values()
            ],
            "links": [
                {"from": k.source, "to": k.target, "reason": k.reason} for k in catalogue.links
            ],
            "notes": [{"regions": sorted(n.regions), "text": n.text} for n in catalogue.notes],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    rows = [["ID", "NAME", "VIEW", "SIDE"]]
    rows += [
        [r.id, r.name + (" (spine)" if r.spine else ""), r.view, r.side]
        for r in catalogue.regions.values()
    ]
    print(f"{len(catalogue.regions)} regions (left and right are the person's own):\n")
    print(table(rows))
    print(f"\n{len(catalogue.groups)} groups (usable wherever a region id is):\n")
    rows = [["ID", "NAME", "REGIONS"]]
    rows += [[g.id, g.name, str(len(g.regions))] for g in catalogue.groups.values()]
    print(table(rows))
    print(f"\n{len(catalogue.links)} links (pain here -> muscles there often involved):\n")
    for link in catalogue.links:
        print(f"  {link.source} -> {link.target}: {link.reason}")
    print(f"\n{len(catalogue.notes)} notes (when pain there may not be a muscle):\n")
    for note in catalogue.notes:
        print(f"  {', '.join(sorted(note.regions))}: {note.text}")
    return 0


# -- play ----------------------------------------------------------------------------------------


def cmd_play(args: argparse.Namespace, paths: Paths) -> int:
    """`coach play ID|PATH [--no-gui]`."""
    routine = find_routine(args.routine, paths)
    if args.no_gui:
        from contextlib import ExitStack

        from coach.cli.log_common import open_log
        from coach.cli.play import play_with_sound
        from coach.services.settings import Settings

        with ExitStack() as stack:
            log = None
            try:  # the session is kept in the log, as in the app
                log = stack.enter_context(open_log(paths))
            except CommandError as trouble:
                if trouble.status != 2:
                    raise
                print(f"  (this session is not saved in your log: {trouble})")
            return play_with_sound(
                routine,
                out=sys.stdout,
                assets=paths.assets,
                cache=paths.narration_cache,
                silent=args.silent,
                log=log,
                settings=Settings.for_paths(paths),  # the voice engine and rate chosen in the app
            )
    from coach.app import run_app

    return run_app(paths, open_routine=routine.id)


__all__ = ["Severity", "build_parser", "run"]
