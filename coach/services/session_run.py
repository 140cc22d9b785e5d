"""One playing session: the player, its precise timer, the conductor and the sound, and the log.

The window's player and `coach play --no-gui` both play through a `SessionRun`; the views only show
what it reports and forward key presses. Every session is in the log from its first second: it is
recorded as it starts (stopped at step 1), brought up to date at each step, and finished when it
ends, however it ends (finished, stopped, the app closed, or cut short by a crash: then it stays as
far as it got).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from coach.core.log.entries import InvalidEntry, SessionRecord
from coach.core.playing.clock import Clock
from coach.core.playing.completion import counts_as_completed
from coach.core.playing.conductor import Conductor
from coach.core.playing.player import EventKind, Player, PlayerEvent, PlayerState
from coach.core.playing.timeline import Timeline
from coach.core.routines.routine import Routine
from coach.services.player_driver import QtPlayerDriver
from coach.services.sound.session_sound import SessionSound
from coach.store.log_file import local_now
from coach.store.repository import LogRepository


@dataclass(frozen=True)
class PlayOutcome:
    """How a played routine ended. `completed`: the end was reached with most of it played."""

    completed: bool
    stopped_at_step: int | None  # 1-based
    step_count: int
    planned_seconds: float
    played_seconds: float
    reached_end: bool = True  # the last step ran out (False: stopped); see `completed`


# how many steps' words must be rendered before a session starts; the rest render while it plays
# (about 0.15-0.4x real time on two cores: far ahead of the steps; benchmarks/narration.py)
VOICE_READY_STEPS = 1


class SessionRun(QObject):
    """Plays one routine from `start()` to its end, with its sound, and keeps it in the log.

    `player_event` carries every player event (after its sound has started), `state_changed` follows
    play/pause, and `ended` carries the `PlayOutcome` once, when it finishes or is stopped.
    """

    player_event = Signal(object)  # PlayerEvent, after its sound has started
    state_changed = Signal()
    ended = Signal(object)  # PlayOutcome
    waiting_for_words = Signal(bool)  # True while a step waits for its words to be rendered
    logged = Signal(object)  # the date whose sessions changed: recorded as begun, or at its end

    def __init__(
        self,
        routine: Routine,
        sound: SessionSound,
        clock: Clock,
        *,
        log: LogRepository | None = None,
        now: Callable[[], dt.datetime] = local_now,
        pain_before: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine = routine
        self.sound = sound
        self.log = log
        self.now = now
        self.pain_before = pain_before
        # the built-in voice renders ahead (already under way since the screen before); every
        # step is fitted to its real words, so none is cut off and tension holds 5 s after them
        sound.prepare_narration(routine)
        self.timeline = Timeline.from_routine(routine, sound.narration_seconds)
        self.waiting = False
        self.conductor = Conductor(self.timeline)
        self.player = Player(self.timeline, clock)
        self.driver: QtPlayerDriver | None = QtPlayerDriver(self.player, self)
        self.driver.player_event.connect(self._on_event)
        self.driver.state_changed.connect(self.state_changed.emit)
        self.record: SessionRecord | None = None
        self.save_problem = ""  # why the log could not be written ("" when it was)
        self.outcome: PlayOutcome | None = None

    # -- commands --------------------------------------------------------------------------------

    def start(self) -> None:
        """Record the session as begun, then play from the first step."""
        if self.driver is None or self.player.state is not PlayerState.READY:
            return
        self.sound.prepare(sorted({s.cue for s in self.routine.steps if isinstance(s.cue, Path)}))
        self._record_start()
        driver = self.driver
        first = [p.step.spoken for p in self.timeline.steps[:VOICE_READY_STEPS]]

        def go() -> None:  # a step never begins before its words
            if self.driver is driver and self.player.state is PlayerState.READY:
                self._set_waiting(False)
                driver.start()

        if not self.sound.when_words_ready(first, go):
            self._set_waiting(True)

    def _set_waiting(self, waiting: bool) -> None:
        if waiting != self.waiting:
            self.waiting = waiting
            self.waiting_for_words.emit(waiting)

    def _hold_for_words(self, index: int) -> None:
        """A step whose words are still rendering (skipped to, or a very busy computer) pauses
        until they are ready, then says them: no step goes by without its words."""
        text = self.timeline.steps[index].step.spoken
        driver = self.driver
        if driver is None or self.sound.narration_ready([text]):
            return

        def hold() -> None:  # after the player's tick that started the step, not inside it
            if self.driver is driver and self.player.current == index:
                driver.pause()  # cuts the words that were waiting; resuming says them
                self._set_waiting(True)

        def go() -> None:
            held = self.player.state is PlayerState.PAUSED and self.player.current == index
            if self.driver is driver and held and self.waiting:
                self._set_waiting(False)
                driver.resume()

        QTimer.singleShot(0, hold)
        self.sound.when_words_ready([text], go)

    def toggle(self) -> None:
        """Pause or continue."""
        if self.driver is not None:
            self.driver.toggle()

    def pause(self) -> None:
        """Pause (nothing if not playing)."""
        if self.driver is not None:
            self.driver.pause()

    def next(self) -> None:
        """Skip to the next step."""
        if self.driver is not None:
            self.driver.next()

    def previous(self) -> None:
        """Go back one step."""
        if self.driver is not None:
            self.driver.previous()

    def restart_step(self) -> None:
        """Start the current step again."""
        if self.driver is not None:
            self.driver.restart_step()

    def stop(self) -> None:
        """End the session early: it is logged as stopped at the current step."""
        if self.driver is not None:
            self.driver.stop()

    def catch_up(self) -> None:
        """Fire what is due now, without waiting for the timers (after a manual clock moved):
        the words still waiting for their cue first (they were due before the next step)."""
        self.sound.catch_up()
        if self.driver is not None:
            self.driver.wake_now()

    def is_running(self) -> bool:
        """Started and not ended (playing or paused)."""
        return self.driver is not None and self.player.state in (
            PlayerState.PLAYING,
            PlayerState.PAUSED,
        )

    def release(self) -> None:
        """Stop everything (the timer, the voice); a session still running is stopped and logged.

        Safe to call at any time, and more than once: the app calls it when it closes.
        """
        if self.is_running():
            self.stop()
        if self.driver is not None:
            self.driver.player_event.disconnect(self._on_event)
            self.driver.stop()
            self.driver.deleteLater()
            self.driver = None
        self.sound.stop_voice()

    # -- events ----------------------------------------------------------------------------------

    def _on_event(self, event: PlayerEvent) -> None:
        # the sound first, then the screen, then the log: writing the log waits for the disk
        # (synchronous SQLite), and the person must not wait for that to hear or see the step
        self.sound.perform(self.conductor.actions(event))
        ends = event.kind in (EventKind.FINISHED, EventKind.STOPPED)
        if ends:
            finished = event.kind is EventKind.FINISHED
            played = self.player.played_seconds()
            # reaching the end by skipping through is not completing it (coach.core.playing.completion)
            self.outcome = PlayOutcome(
                completed=counts_as_completed(finished, played, self.timeline.total),
                stopped_at_step=None if finished else self.player.current + 1,
                step_count=len(self.timeline),
                planned_seconds=self.timeline.total,
                played_seconds=played,
                reached_end=finished,
            )
        self.player_event.emit(event)
        if event.kind is EventKind.STEP:
            self._hold_for_words(event.index)
            self._record_progress(completed=False)
        elif ends and self.outcome is not None:
            self._record_progress(completed=self.outcome.completed)
            if self.saved and self.record is not None:
                self.logged.emit(self.record.day)
            self.ended.emit(self.outcome)

    # -- the log ---------------------------------------------------------------------------------

    def _record_start(self) -> None:
        started = self.now()
        try:
            begun = SessionRecord(
                routine_id=self.routine.id,
                routine_title=self.routine.title,
                started_at=started,
                ended_at=started,
                planned_seconds=self.timeline.total,
                actual_seconds=0.0,
                completed=False,
                step_count=len(self.timeline),
                stopped_at_step=1,
                pain_before=self.pain_before,
            )
            self.record = begun if self.log is None else self.log.record_session(begun)
        except (sqlite3.Error, InvalidEntry, OSError) as exc:
            self.save_problem = str(exc)
        else:
            if self.log is not None:
                self.logged.emit(self.record.day)

    def _record_progress(self, *, completed: bool) -> None:
        if self.record is None:
            return
        played = self.player.played_seconds()
        update = replace(
            self.record,
            ended_at=max(self.now(), self.record.started_at),
            actual_seconds=max(0.0, played),
            completed=completed,
            stopped_at_step=None if completed else self.player.current + 1,
        )
        try:
            if self.log is not None:
                self.log.update_session_progress(update)
            self.record = update
            self.save_problem = ""
        except (sqlite3.Error, InvalidEntry, OSError) as exc:
            self.save_problem = str(exc)

    @property
    def saved(self) -> bool:
        """Whether the log holds this session as it is now."""
        return self.log is not None and self.record is not None and not self.save_problem
