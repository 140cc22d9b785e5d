"""The library watcher notices session files changing on disk, on a real QFileSystemWatcher."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coach.services.library_watch import SETTLE_MS, LibraryWatcher
from tests.conftest import MINIMAL, write_session

TIMEOUT = 5000

MakeWatcher = Callable[..., LibraryWatcher]


@pytest.fixture
def make_watcher(qtbot: QtBot) -> Iterator[MakeWatcher]:
    """Started watchers on the given folders, stopped again at the end of the test."""
    made: list[LibraryWatcher] = []

    def make(*folders: Path, settle_ms: int = 50) -> LibraryWatcher:
        watcher = LibraryWatcher(folders, settle_ms=settle_ms)
        made.append(watcher)
        watcher.start()
        return watcher

    yield make
    for watcher in made:
        watcher.stop()
        watcher.deleteLater()


def counted(watcher: LibraryWatcher) -> list[None]:
    calls: list[None] = []
    watcher.changed.connect(lambda: calls.append(None))
    return calls


def test_a_new_file_is_reported_after_a_burst_settles(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    watcher = make_watcher(tmp_path, settle_ms=SETTLE_MS)
    calls = counted(watcher)

    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        for number in range(5):
            write_session(tmp_path, f"new-{number}.toml", MINIMAL)

    assert len(calls) == 1, "one burst, one report"
    assert not watcher.settling
    assert {tmp_path / f"new-{n}.toml" for n in range(5)} <= set(watcher.watched_paths())


def test_an_edit_in_place_is_reported(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    path = write_session(tmp_path, "one.toml", MINIMAL)
    watcher = make_watcher(tmp_path)

    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        path.write_text(MINIMAL.replace("Two steps", "Edited"), encoding="utf-8")


def test_a_save_by_rename_is_noticed_and_so_are_later_edits(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    path = write_session(tmp_path, "one.toml", MINIMAL)
    watcher = make_watcher(tmp_path)

    for title in ("Renamed once", "Renamed twice"):
        # held open (as an editor or a backup tool may), the old file outlives the rename, and
        # so does a watch on it unless the path is watched afresh
        with path.open("rb"):
            with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
                temporary = write_session(tmp_path, ".one.tmp", MINIMAL.replace("Two steps", title))
                os.replace(temporary, path)
            # only the file's own watch sees an edit in place: it must follow the new file
            with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
                path.write_text(MINIMAL.replace("Two steps", f"{title}, edited"), encoding="utf-8")


def test_a_deleted_file_is_reported(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    path = write_session(tmp_path, "one.toml", MINIMAL)
    watcher = make_watcher(tmp_path)

    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        path.unlink()

    assert path not in watcher.watched_paths()


def test_other_files_coming_and_going_are_not_a_change(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    watcher = make_watcher(tmp_path)
    calls = counted(watcher)

    (tmp_path / ".one.toml.swp").write_bytes(b"swap")
    (tmp_path / "notes.txt").write_text("not a session", encoding="utf-8")
    qtbot.waitUntil(lambda: watcher.settling, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not watcher.settling, timeout=TIMEOUT)

    assert calls == []


def test_folders_created_later_are_watched(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    watcher = make_watcher(tmp_path)
    sub = tmp_path / "mine" / "deeper"

    sub.mkdir(parents=True)
    qtbot.waitUntil(lambda: sub in watcher.watched_paths(), timeout=TIMEOUT)
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        write_session(sub, "deep.toml", MINIMAL)

    assert sub / "deep.toml" in watcher.watched_paths()


def test_hidden_folders_are_not_watched(tmp_path: Path, make_watcher: MakeWatcher) -> None:
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / "shown").mkdir()

    watcher = make_watcher(tmp_path)

    assert set(watcher.watched_paths()) == {tmp_path, tmp_path / "shown"}


def test_a_missing_folder_is_noticed_when_it_is_created(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    folder = tmp_path / "sessions"
    watcher = make_watcher(folder)
    assert watcher.watched_paths() == [tmp_path]

    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        write_session(folder, "one.toml", MINIMAL)

    assert folder in watcher.watched_paths()


def test_stopped_it_watches_nothing_and_start_catches_up(
    qtbot: QtBot, tmp_path: Path, make_watcher: MakeWatcher
) -> None:
    watcher = make_watcher(tmp_path)
    calls = counted(watcher)
    watcher.stop()
    assert watcher.watched_paths() == []
    assert not watcher.watching

    write_session(tmp_path, "while-stopped.toml", MINIMAL)
    watcher.start()

    assert calls == [None], "start reports what changed while stopped, at once"
    assert watcher.watching
    watcher.start()
    assert calls == [None], "and only once"


def test_start_without_changes_reports_nothing(tmp_path: Path, make_watcher: MakeWatcher) -> None:
    write_session(tmp_path, "one.toml", MINIMAL)
    watcher = make_watcher(tmp_path)
    calls = counted(watcher)

    watcher.stop()
    watcher.start()

    assert calls == []
