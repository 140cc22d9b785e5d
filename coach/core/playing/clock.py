"""Clocks the player runs on: the system's, and a manual one that tests move by hand."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """A monotonic clock for deadlines, and the wall clock to notice when the machine slept."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards."""
        ...

    def wall(self) -> float:
        """Seconds since the epoch, as the calendar sees them."""
        ...


class SystemClock:
    """The machine's clocks."""

    def monotonic(self) -> float:
        """`time.monotonic()`; on Linux it stands still while the machine sleeps."""
        return time.monotonic()

    def wall(self) -> float:
        """`time.time()`; it keeps counting through sleep."""
        return time.time()


class ManualClock:
    """A clock that moves only when told to, so a 25-minute routine runs in milliseconds."""

    def __init__(self, start: float = 1000.0, wall_start: float = 1_700_000_000.0) -> None:
        self._mono = start
        self._wall = wall_start

    def monotonic(self) -> float:
        """The current manual time."""
        return self._mono

    def wall(self) -> float:
        """The current manual wall time."""
        return self._wall

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass on both clocks."""
        self._mono += seconds
        self._wall += seconds

    def advance_to(self, monotonic: float) -> None:
        """Let time pass until the monotonic clock reads `monotonic`."""
        self.advance(max(0.0, monotonic - self._mono))

    def suspend(self, seconds: float) -> None:
        """The machine sleeps: the wall clock jumps, the monotonic clock stands still (as on Linux)."""
        self._wall += seconds

    def sleep(self, seconds: float) -> None:
        """Same as advance; lets code that waits run instantly against this clock."""
        self.advance(seconds)
