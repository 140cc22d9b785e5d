"""The routine library: every session file in the built-in and the user's folders."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.problems import FileProblems, Problem
from coach.core.routines.routine import Routine
from coach.core.routines.session_file import load_routine


@dataclass(frozen=True)
class RoutineSource:
    """A folder of session files and how it is described to the person."""

    label: str  # "built-in" or "yours"
    folder: Path


@dataclass(frozen=True)
class LibraryEntry:
    """A routine that loaded, where it came from, and the file it replaced if any."""

    routine: Routine
    source: RoutineSource
    overrides: Path | None = None


@dataclass(frozen=True)
class BrokenFile:
    """A session file that could not be used, with everything wrong with it."""

    path: Path
    source: RoutineSource
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class LibraryScan:
    """The result of reading every folder: what loaded and what did not."""

    entries: tuple[LibraryEntry, ...]
    broken: tuple[BrokenFile, ...]

    def find(self, routine_id: str) -> LibraryEntry | None:
        """The routine with this id, if it loaded."""
        return next((e for e in self.entries if e.routine.id == routine_id), None)


class RoutineLibrary:
    """Reads session files from its sources; later sources win on an id clash."""

    def __init__(self, sources: list[RoutineSource], catalogue: RegionCatalogue) -> None:
        self.sources = sources
        self.catalogue = catalogue

    def load(self, path: Path) -> Routine:
        """Load one file (raises FileProblems)."""
        return load_routine(path, self.catalogue)

    def scan(self) -> LibraryScan:
        """Read every session file; one bad file never stops the others."""
        by_id: dict[str, LibraryEntry] = {}
        broken: list[BrokenFile] = []
        for source in self.sources:
            in_this_folder: dict[str, Path] = {}
            for path in session_files(source.folder):
                try:
                    routine = self.load(path)
                except FileProblems as exc:
                    broken.append(BrokenFile(path, source, tuple(exc.problems)))
                    continue
                except Exception as exc:  # noqa: BLE001 - a loader bug must not hide the other routines
                    message = f"could not be read because of a bug in Unknot ({type(exc).__name__}: {exc}); please report it"
                    broken.append(BrokenFile(path, source, (Problem(path, message),)))
                    continue
                twin = in_this_folder.get(routine.id)
                if twin is not None:
                    other = twin.relative_to(source.folder)
                    message = (
                        f"has id {routine.id!r}, which {other} already uses; give it another `id`"
                    )
                    broken.append(BrokenFile(path, source, (Problem(path, message),)))
                    continue
                in_this_folder[routine.id] = path
                previous = by_id.get(routine.id)
                overrides = previous.routine.path if previous else None
                by_id[routine.id] = LibraryEntry(routine, source, overrides)
        entries = sorted(by_id.values(), key=lambda e: (e.routine.title.casefold(), e.routine.id))
        return LibraryScan(tuple(entries), tuple(broken))


def session_files(folder: Path) -> list[Path]:
    """The session files under `folder` (and its subfolders), hidden ones left out."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*.toml")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
