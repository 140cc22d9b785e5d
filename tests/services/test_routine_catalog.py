"""The routine catalogue: the library read once, kept current on disk, on real session files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.library import RoutineLibrary, RoutineSource
from coach.services.routine_catalog import RoutineCatalog
from tests.conftest import MINIMAL, write_session

TIMEOUT = 5000

MakeCatalog = Callable[[Path], RoutineCatalog]


class CountingLibrary(RoutineLibrary):
    """The real library, counting how often every folder is read."""

    scans = 0

    def scan(self):  # type: ignore[no-untyped-def]
        self.scans += 1
        return super().scan()


@pytest.fixture
def make_catalog(catalogue: RegionCatalogue) -> Iterator[MakeCatalog]:
    made: list[RoutineCatalog] = []

    def make(folder: Path) -> RoutineCatalog:
        library = CountingLibrary([RoutineSource("yours", folder)], catalogue)
        routines = RoutineCatalog(library, settle_ms=50)
        made.append(routines)
        return routines

    yield make
    for routines in made:
        routines.stop_watching()


def test_the_folders_are_read_once_however_often_they_are_asked(
    tmp_path: Path, make_catalog: MakeCatalog
) -> None:
    write_session(tmp_path, "two.toml", MINIMAL)
    routines = make_catalog(tmp_path)
    assert routines.library.scans == 0, "nothing is read until it is needed"

    assert [r.title for r in routines.routines()] == ["Two steps"]
    assert routines.find("two") is not None
    assert routines.find("nope") is None
    assert routines.kind_of() == {"two": routines.find("two").routine.kind}
    assert routines.entries == routines.scan.entries
    routines.kind_of()

    assert routines.library.scans == 1


def test_refresh_reads_again_and_tells_the_views(
    qtbot: QtBot, tmp_path: Path, make_catalog: MakeCatalog
) -> None:
    routines = make_catalog(tmp_path)
    assert routines.routines() == []
    write_session(tmp_path, "two.toml", MINIMAL)

    with qtbot.waitSignal(routines.changed, timeout=TIMEOUT):
        routines.refresh()

    assert [r.id for r in routines.routines()] == ["two"]
    assert "two" in routines.kind_of()


def test_watching_it_follows_files_added_edited_broken_and_removed(
    qtbot: QtBot, tmp_path: Path, make_catalog: MakeCatalog
) -> None:
    routines = make_catalog(tmp_path)
    routines.start_watching()
    assert routines.watching

    with qtbot.waitSignal(routines.changed, timeout=TIMEOUT):
        path = write_session(tmp_path, "two.toml", MINIMAL)
    assert [r.title for r in routines.routines()] == ["Two steps"]

    with qtbot.waitSignal(routines.changed, timeout=TIMEOUT):
        write_session(tmp_path, "two.toml", MINIMAL.replace("Two steps", "Renamed"))
    assert [r.title for r in routines.routines()] == ["Renamed"]

    with qtbot.waitSignal(routines.changed, timeout=TIMEOUT):
        write_session(tmp_path, "two.toml", MINIMAL.replace("duration = 4", "duration = -1"))
    assert routines.routines() == []
    assert [b.path for b in routines.scan.broken] == [path]

    with qtbot.waitSignal(routines.changed, timeout=TIMEOUT):
        path.unlink()
    assert routines.scan.entries == ()
    assert routines.scan.broken == ()


def test_it_catches_up_when_watching_starts_and_stops_when_asked(
    qtbot: QtBot, tmp_path: Path, make_catalog: MakeCatalog
) -> None:
    routines = make_catalog(tmp_path)
    assert routines.routines() == []
    write_session(tmp_path, "two.toml", MINIMAL)  # before anything watched

    with qtbot.waitSignal(routines.changed, timeout=TIMEOUT):
        routines.start_watching()
    assert [r.id for r in routines.routines()] == ["two"]

    routines.stop_watching()
    assert not routines.watching
    with qtbot.assertNotEmitted(routines.changed, wait=200):
        write_session(tmp_path, "more.toml", MINIMAL.replace("Two steps", "More"))
