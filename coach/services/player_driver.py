"""Drives the core player from Qt's event loop.

A precise single-shot QTimer only wakes the player up; the player itself decides what is due from
the clock, so timer lateness never adds up (see coach.core.playing.player).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from coach.core.playing.player import Player, PlayerEvent, PlayerState


class QtPlayerDriver(QObject):
    """Runs a Player: forwards commands, wakes it on time, and re-emits its events as a signal."""

    player_event = Signal(object)  # PlayerEvent
    state_changed = Signal()

    def __init__(self, player: Player, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._wake)
        player.subscribe(self._forward)

    def _forward(self, event: PlayerEvent) -> None:
        self.player_event.emit(event)

    def _after(self, _events: list[PlayerEvent]) -> None:
        self._schedule()
        self.state_changed.emit()

    def start(self) -> None:
        """Start playing from the first step."""
        self._after(self.player.start())

    def toggle(self) -> None:
        """Play or pause."""
        self._after(self.player.toggle())

    def pause(self) -> None:
        """Pause."""
        self._after(self.player.pause())

    def resume(self) -> None:
        """Resume after a pause."""
        self._after(self.player.resume())

    def next(self) -> None:
        """Skip to the next step."""
        self._after(self.player.next())

    def previous(self) -> None:
        """Go back a step."""
        self._after(self.player.previous())

    def restart_step(self) -> None:
        """Start the current step again."""
        self._after(self.player.restart_step())

    def stop(self) -> None:
        """Stop early."""
        self._after(self.player.stop())

    def wake_now(self) -> None:
        """Let the player look at the clock now (it moved by more than the timer knows: a
        manual clock in tests)."""
        if self.player.state is PlayerState.PLAYING:
            self._wake()

    def is_waiting(self) -> bool:
        """Whether a wake-up is scheduled (tests check nothing is left running)."""
        return self._timer.isActive()

    def _wake(self) -> None:
        before = self.player.state
        self.player.tick()
        self._schedule()
        if self.player.state is not before:
            self.state_changed.emit()

    def _schedule(self) -> None:
        delay = self.player.seconds_to_next_wake()
        if delay is None:
            self._timer.stop()
        else:
            # Qt timers count whole milliseconds; rounding down and waking a hair early costs one
            # more 0 ms round trip, rounding up would make every boundary up to 1 ms late
            self._timer.start(math.floor(delay * 1000))
