"""Routines built in the test, as the library lists them."""

from __future__ import annotations

from pathlib import Path

from coach.core.routines.library import LibraryEntry, RoutineSource
from coach.core.routines.routine import Routine, Step, StepKind

BUILT_IN = RoutineSource("built-in", Path("/sessions"))
YOURS = RoutineSource("yours", Path("/home/me/routines"))


def entry(
    routine_id: str,
    title: str,
    minutes: float,
    *,
    kind: str = "pmr",
    source: RoutineSource = BUILT_IN,
    **fields,
) -> LibraryEntry:
    """A library entry for a one-step routine of `minutes`."""
    routine = Routine(
        routine_id,
        title,
        (Step("Settle in.", 60 * minutes, StepKind.INSTRUCTION),),
        kind=kind,
        path=source.folder / f"{routine_id}.toml",
        **fields,
    )
    return LibraryEntry(routine, source)
