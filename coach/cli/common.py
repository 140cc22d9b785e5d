"""What the command-line commands share: their error, the catalogue and library for a data
folder, finding a routine, and plain-text tables."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coach.core.body.regions import RegionCatalogue, load_catalogue
from coach.core.routines.library import RoutineLibrary
from coach.core.routines.problems import FileProblems, Problem
from coach.core.routines.routine import Routine
from coach.paths import Paths

Command = Callable[[argparse.Namespace, Paths], int]


class CommandError(Exception):
    """A problem the person can fix; shown as one line, exit status 1 (or `status`)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def catalogue_for(paths: Paths) -> RegionCatalogue:
    """The region catalogue, or a clear error if the installation is damaged."""
    try:
        return load_catalogue(paths.region_catalogue)
    except FileProblems as exc:
        raise CommandError(f"the region catalogue is damaged:\n{exc}", status=2) from None


def library_for(paths: Paths, catalogue: RegionCatalogue) -> RoutineLibrary:
    """The built-in routines, then the person's own (which win on an id clash)."""
    from coach.services.composition import build_services

    paths.ensure()
    return build_services(paths, catalogue=catalogue).library


def find_routine(spec: str, paths: Paths) -> Routine:
    """A routine by id (from the library) or by path to a session file."""
    catalogue = catalogue_for(paths)
    library = library_for(paths, catalogue)
    candidate = Path(spec)
    if spec.endswith(".toml") or candidate.is_file():
        try:
            return library.load(candidate)
        except FileProblems as exc:
            raise CommandError(f"cannot use {spec}:\n{exc}") from None
    scan = library.scan()
    entry = scan.find(spec)
    if entry is None:
        broken = [b for b in scan.broken if b.path.stem == spec]
        if broken:
            problems = "\n".join(str(p) for p in broken[0].problems)
            raise CommandError(f"routine {spec!r} could not be loaded:\n{problems}")
        raise CommandError(f"no routine with id {spec!r}; `coach sessions list` shows them")
    return entry.routine


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem for --json output."""
    return {
        "file": str(problem.file),
        "line": problem.line,
        "field": problem.field,
        "message": problem.message,
        "severity": problem.severity.value,
    }


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


# -- sessions ------------------------------------------------------------------------------------
