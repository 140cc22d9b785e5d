"""The routines the app knows: the library read once, kept current by watching its folders.

Every view that lists or suggests routines (Routines, the body map's suggestions, Trends' effect
per kind, the first run) asks this one catalogue, and hears `changed` when a session file is
added, edited or removed on disk, or when the person asks to reload.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from coach.core.routines.library import LibraryEntry, LibraryScan, RoutineLibrary
from coach.core.routines.routine import Routine
from coach.services.library_watch import SETTLE_MS, LibraryWatcher


class RoutineCatalog(QObject):
    """The library's routines and broken files as last read, with a `changed` signal.

    The folders are read when the routines are first asked for, then again only when they change
    on disk (while `start_watching` is in effect) or `refresh` is called.
    """

    changed = Signal()

    def __init__(
        self,
        library: RoutineLibrary,
        parent: QObject | None = None,
        *,
        settle_ms: int = SETTLE_MS,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._settle_ms = settle_ms
        self._scan: LibraryScan | None = None
        self._kinds: dict[str, str] | None = None
        self._watcher: LibraryWatcher | None = None

    # -- what is in it ---------------------------------------------------------------------------

    @property
    def scan(self) -> LibraryScan:
        """What loaded and what did not, as last read (read now if it never was)."""
        if self._scan is None:
            self._make_watcher()  # its look at the files comes first: a change after it is seen
            self._scan = self.library.scan()
        return self._scan

    @property
    def entries(self) -> tuple[LibraryEntry, ...]:
        """The routines that loaded, with where each comes from, by title."""
        return self.scan.entries

    def routines(self) -> list[Routine]:
        """The routines that loaded, by title."""
        return [entry.routine for entry in self.scan.entries]

    def find(self, routine_id: str) -> LibraryEntry | None:
        """The routine with this id, if it loaded."""
        return self.scan.find(routine_id)

    def kind_of(self) -> Mapping[str, str]:
        """Each loaded routine's kind by its id ("pmr", "massage", ...), without reading files."""
        if self._kinds is None:
            self._kinds = {e.routine.id: e.routine.kind for e in self.scan.entries}
        return self._kinds

    # -- keeping it current ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the folders again and tell the views (the File menu's "Reload routines")."""
        self._scan = self.library.scan()
        self._kinds = None
        self.changed.emit()

    @property
    def watching(self) -> bool:
        """Whether changes on disk are being noticed."""
        return self._watcher is not None and self._watcher.watching

    @property
    def watcher(self) -> LibraryWatcher | None:
        """The folder watcher, once watching started (for tests and diagnostics)."""
        return self._watcher

    def start_watching(self) -> None:
        """Notice session files changing on disk from now on; catch up if they changed already."""
        self._make_watcher().start()

    def _make_watcher(self) -> LibraryWatcher:
        if self._watcher is None:
            folders = [source.folder for source in self.library.sources]
            self._watcher = LibraryWatcher(folders, self, settle_ms=self._settle_ms)
            self._watcher.changed.connect(self.refresh)
        return self._watcher

    def stop_watching(self) -> None:
        """Stop noticing changes (the app is closing)."""
        if self._watcher is not None:
            self._watcher.stop()
