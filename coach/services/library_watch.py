"""Noticing session files added, edited, renamed or deleted on disk, so the library reloads itself.

A QFileSystemWatcher watches the session folders, their subfolders and every session file in them
(a folder's watch does not see a file's content change). Bursts of changes, such as an editor's
save, settle for a moment before `changed` is emitted, and only if the session files really differ
from the last look: a swap file coming and going is not a change.

Editors that save by writing a new file and renaming it over the old one (vim, gedit) leave the
old file's watch on a deleted inode, so every path is watched afresh after each change.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from coach.core.routines.library import RoutineLibrary, session_files

SETTLE_MS = 300
MAX_DELAY_S = 2.0  # a file rewritten without pause is still reported this often

Snapshot = dict[Path, tuple[int, int, int, int]]


class LibraryWatcher(QObject):
    """Watches session folders while started; emits `changed` when their session files change."""

    changed = Signal()

    def __init__(
        self, folders: Iterable[Path], parent: QObject | None = None, *, settle_ms: int = SETTLE_MS
    ) -> None:
        super().__init__(parent)
        self.folders = tuple(folders)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._noticed)
        self._watcher.fileChanged.connect(self._noticed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._look)
        self._burst_started = 0.0
        self._seen = self.snapshot()

    @property
    def watching(self) -> bool:
        """Whether the folders are being watched."""
        return bool(self._watcher.directories() or self._watcher.files())

    @classmethod
    def for_library(cls, library: RoutineLibrary, parent: QObject | None = None) -> LibraryWatcher:
        """A watcher on every folder `library` reads."""
        return cls([source.folder for source in library.sources], parent)

    @property
    def settling(self) -> bool:
        """Whether a burst of changes is being waited out."""
        return self._settle.isActive()

    def start(self) -> None:
        """Watch the folders; emit `changed` at once if the files changed since the last look."""
        self._watch_afresh()
        self._report_if_changed()

    def stop(self) -> None:
        """Stop watching (and forget a change still settling: `start` looks again)."""
        self._settle.stop()
        self._unwatch()

    def watched_paths(self) -> list[Path]:
        """The folders and files currently watched (for tests and diagnostics)."""
        return [Path(p) for p in (*self._watcher.directories(), *self._watcher.files())]

    def snapshot(self) -> Snapshot:
        """Every session file with what shows it changed: inode, size, modification times."""
        out: Snapshot = {}
        for folder in self.folders:
            for path in session_files(folder):
                try:
                    st = path.stat()
                except OSError:
                    continue  # deleted while we looked; the next event tells
                out[path] = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        return out

    def _noticed(self, _path: str) -> None:
        # restart the settle timer on every event of a burst, but never put the report off forever
        now = time.monotonic()
        if not self._settle.isActive():
            self._burst_started = now
            self._settle.start()
        elif now - self._burst_started < MAX_DELAY_S:
            self._settle.start()

    def _look(self) -> None:
        self._watch_afresh()
        self._report_if_changed()

    def _report_if_changed(self) -> None:
        # the snapshot is taken after watching afresh, so a change in between is not lost
        now = self.snapshot()
        if now != self._seen:
            self._seen = now
            self.changed.emit()

    def _watch_afresh(self) -> None:
        self._unwatch()
        wanted = [str(p) for p in self._wanted_paths()]
        if wanted:
            self._watcher.addPaths(wanted)

    def _unwatch(self) -> None:
        watched = [*self._watcher.directories(), *self._watcher.files()]
        if watched:
            self._watcher.removePaths(watched)

    def _wanted_paths(self) -> list[Path]:
        paths: list[Path] = []
        for folder in self.folders:
            if folder.is_dir():
                paths += _folders_under(folder)
                paths += session_files(folder)
            elif folder.parent.is_dir():
                paths.append(folder.parent)  # to notice the folder being created
        return list(dict.fromkeys(paths))


def _folders_under(folder: Path) -> list[Path]:
    """`folder` and every subfolder that is not hidden (as session_files skips hidden ones)."""
    found = [folder]
    for root, dirs, _files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / d for d in dirs]
    return found
