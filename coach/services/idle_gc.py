"""Python's cycle collector, run from the event loop instead of at whatever allocation trips it.

Left automatic, the collector can run in the middle of a Qt call: seen here, PySide6 building an
AttributeError inside `QObject::disconnect` (a timer's signal being let go) tripped a collection
that destroyed an unrelated QObject, whose destructor waited for the lock `disconnect` already
held, and the process hung for good (`gdb`: `QBasicMutex::lockInternal` under `~QObject` under
`gc_collect_main` under `QObject::disconnect`). Collected from a timer, with nothing of Qt's on
the stack, a QObject in a reference cycle is destroyed where that cannot happen.

`collect_due()` collects what the automatic collector would have (the generations past their
thresholds); `IdleCollector` turns automatic collection off and calls it every second. The test
suite does the same between tests (tests/conftest.py).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_due() -> int:
    """Collect the oldest generation whose count is past its threshold (as the automatic
    collector would); returns how many objects were found unreachable (0 if nothing was due)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


class IdleCollector(QObject):
    """While started, cycles are collected every second from the event loop, never inside a call
    into Qt; `stop()` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(collect_due)
        self._was_enabled = gc.isenabled()

    @property
    def running(self) -> bool:
        """Whether collection is in its hands."""
        return self._timer.isActive()

    def start(self) -> None:
        """Turn automatic collection off and collect from the event loop instead."""
        if self.running:
            return
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop collecting from the event loop, and give collection back to Python as it was."""
        if not self.running:
            return
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
