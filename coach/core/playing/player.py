"""The player's state machine: plays a timeline on an injected clock.

Every deadline is the session's origin plus a step's offset on the timeline, where the origin is the
start moved by pauses and skips. Nothing is added up tick by tick, so however late or often the
player is woken, a step boundary is never later than that one wake-up: there is no drift.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from coach.core.playing.clock import Clock
from coach.core.playing.timeline import TimedStep, Timeline


class PlayerState(Enum):
    """Where the player is in its life."""

    READY = "ready"
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class EventKind(Enum):
    """What happened; timed kinds fire when the clock reaches them, the rest on commands."""

    STEP = "step"  # a step begins
    HALFWAY = "halfway"  # the middle of a long step (e.g. switch sides of a massage spot)
    COUNTDOWN = "countdown"  # the last seconds of a step
    SESSION_HALFWAY = "session-halfway"
    FINISHED = "finished"
    PAUSED = "paused"
    RESUMED = "resumed"
    STOPPED = "stopped"


# Order of timed events that fall on the same instant.
_RANK = {
    EventKind.COUNTDOWN: 0,
    EventKind.STEP: 1,
    EventKind.SESSION_HALFWAY: 2,
    EventKind.HALFWAY: 3,
    EventKind.FINISHED: 4,
}


class PauseReason(Enum):
    """Why the player paused."""

    USER = "user"
    SLEEP = "sleep"  # the machine slept (or the process was frozen) while playing


@dataclass(frozen=True)
class PlayerEvent:
    """Something the player did, with when it was due and how late it was noticed."""

    kind: EventKind
    index: int
    due: float  # seconds into the routine
    late: float = 0.0  # seconds between the deadline and the wake-up that noticed it
    seconds_left: int = 0  # for COUNTDOWN
    pause_reason: PauseReason | None = None


Listener = Callable[[PlayerEvent], None]


class Player:
    """Plays a timeline: start, pause, resume, next, previous, restart step, stop.

    Call `tick()` after waiting `seconds_to_next_wake()` (a precise timer is ideal); each call
    fires every event whose deadline has passed.
    """

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        *,
        countdown: int = 3,
        halfway_min: float = 20.0,
        max_wait: float = 1.0,
        sleep_gap: float = 15.0,
    ) -> None:
        if not timeline.steps:
            raise ValueError("a routine needs at least one step")
        self.timeline = timeline
        self.clock = clock
        self.max_wait = max_wait
        self.sleep_gap = sleep_gap
        self.state = PlayerState.READY
        self._origin = 0.0
        self._held = 0.0  # position while not playing
        self._last_mono = 0.0
        self._last_wall = 0.0
        self._play_started = 0.0
        self._played = 0.0
        self._listeners: list[Listener] = []
        self._schedule = self._build_schedule(countdown, halfway_min)
        self._dues = [e.due for e in self._schedule]
        self._cursor = 0
        self.current = 0

    def _build_schedule(self, countdown: int, halfway_min: float) -> list[PlayerEvent]:
        events: list[PlayerEvent] = []
        for placed in self.timeline.steps:
            duration = placed.step.duration
            events.append(PlayerEvent(EventKind.STEP, placed.index, placed.offset))
            if duration >= halfway_min:
                events.append(
                    PlayerEvent(EventKind.HALFWAY, placed.index, placed.offset + duration / 2)
                )
            if duration >= 3 * countdown:
                for left in range(countdown, 0, -1):
                    events.append(
                        PlayerEvent(
                            EventKind.COUNTDOWN, placed.index, placed.end - left, seconds_left=left
                        )
                    )
        total = self.timeline.total
        events.append(
            PlayerEvent(EventKind.SESSION_HALFWAY, self.timeline.index_at(total / 2), total / 2)
        )
        events.append(PlayerEvent(EventKind.FINISHED, len(self.timeline) - 1, total))
        events.sort(key=lambda e: (e.due, _RANK[e.kind]))
        return events

    # -- observing ---------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with every event from now on."""
        self._listeners.append(listener)

    def position(self) -> float:
        """Seconds into the routine."""
        if self.state is PlayerState.PLAYING:
            return min(self.timeline.total, self.clock.monotonic() - self._origin)
        return self._held

    def current_step(self) -> TimedStep:
        """The step being played (or about to be)."""
        return self.timeline.steps[self.current]

    def step_remaining(self) -> float:
        """Seconds left in the current step."""
        return max(0.0, self.current_step().end - self.position())

    def remaining(self) -> float:
        """Seconds left in the whole routine."""
        return max(0.0, self.timeline.total - self.position())

    def played_seconds(self) -> float:
        """Seconds actually spent playing (not paused), skips notwithstanding."""
        running = (
            self.clock.monotonic() - self._play_started
            if self.state is PlayerState.PLAYING
            else 0.0
        )
        return self._played + running

    def seconds_to_next_wake(self) -> float | None:
        """How long the driver may wait before calling `tick()`; None when not playing.

        That is until the next timed event, but never more than `max_wait`: regular wake-ups are
        how a gap in the clock (a sleeping machine) is told apart from a quiet stretch.
        """
        if self.state is not PlayerState.PLAYING or self._cursor >= len(self._schedule):
            return None
        until = self._origin + self._schedule[self._cursor].due - self.clock.monotonic()
        return max(0.0, min(until, self.max_wait))

    # -- commands ----------------------------------------------------------------------------

    def start(self) -> list[PlayerEvent]:
        """Begin from the first step."""
        if self.state is not PlayerState.READY:
            return []
        return self._play_from(0.0)

    def pause(self, reason: PauseReason = PauseReason.USER) -> list[PlayerEvent]:
        """Hold the position until `resume`."""
        if self.state is not PlayerState.PLAYING:
            return []
        self._hold(self.position())
        self.state = PlayerState.PAUSED
        return self._emit(
            [PlayerEvent(EventKind.PAUSED, self.current, self._held, pause_reason=reason)]
        )

    def resume(self) -> list[PlayerEvent]:
        """Continue from where the player paused."""
        if self.state is not PlayerState.PAUSED:
            return []
        events = [PlayerEvent(EventKind.RESUMED, self.current, self._held)]
        self._set_origin(self._held)
        self.state = PlayerState.PLAYING
        return self._emit(events) + self.tick()

    def toggle(self) -> list[PlayerEvent]:
        """Play/pause, as the space bar does."""
        if self.state is PlayerState.READY:
            return self.start()
        return self.pause() if self.state is PlayerState.PLAYING else self.resume()

    def next(self) -> list[PlayerEvent]:
        """Skip to the next step (finishing the routine from the last one)."""
        if self.state not in (PlayerState.PLAYING, PlayerState.PAUSED):
            return []
        if self.current + 1 >= len(self.timeline):
            return self._seek(self.timeline.total)
        return self._seek(self.timeline.steps[self.current + 1].offset)

    def previous(self) -> list[PlayerEvent]:
        """Go back to the start of the previous step (or of the first)."""
        if self.state not in (PlayerState.PLAYING, PlayerState.PAUSED):
            return []
        return self._seek(self.timeline.steps[max(0, self.current - 1)].offset)

    def restart_step(self) -> list[PlayerEvent]:
        """Go back to the start of the current step."""
        if self.state not in (PlayerState.PLAYING, PlayerState.PAUSED):
            return []
        return self._seek(self.current_step().offset)

    def stop(self) -> list[PlayerEvent]:
        """End the routine early."""
        if self.state not in (PlayerState.PLAYING, PlayerState.PAUSED):
            return []
        if self.state is PlayerState.PLAYING:
            self._hold(self.position())
        self.state = PlayerState.STOPPED
        return self._emit([PlayerEvent(EventKind.STOPPED, self.current, self._held)])

    def tick(self) -> list[PlayerEvent]:
        """Fire every timed event whose deadline has passed; notice if the machine slept."""
        if self.state is not PlayerState.PLAYING:
            return []
        now, wall = self.clock.monotonic(), self.clock.wall()
        gap, wall_gap = now - self._last_mono, wall - self._last_wall
        if gap > self.sleep_gap or wall_gap - gap > self.sleep_gap:
            # The machine slept or the process was frozen. Resume from where we last were awake,
            # so the person does not lose the steps they could not hear.
            awake_position = min(self.timeline.total, self._last_mono - self._origin)
            self._hold(awake_position)
            self._played -= max(0.0, now - self._last_mono)
            self.state = PlayerState.PAUSED
            return self._emit(
                [
                    PlayerEvent(
                        EventKind.PAUSED,
                        self.current,
                        awake_position,
                        pause_reason=PauseReason.SLEEP,
                    )
                ]
            )
        self._last_mono, self._last_wall = now, wall
        return self._advance(now)

    # -- internals ---------------------------------------------------------------------------

    def _set_origin(self, position: float) -> None:
        now = self.clock.monotonic()
        self._origin = now - position
        self._last_mono, self._last_wall = now, self.clock.wall()
        self._play_started = now

    def _hold(self, position: float) -> None:
        if self.state is PlayerState.PLAYING:
            self._played += self.clock.monotonic() - self._play_started
        self._held = position

    def _play_from(self, position: float) -> list[PlayerEvent]:
        self._set_origin(position)
        self.state = PlayerState.PLAYING
        self._cursor = bisect_left(self._dues, position)
        return self._advance(self.clock.monotonic(), at_least=position)

    def _seek(self, position: float) -> list[PlayerEvent]:
        if position >= self.timeline.total:
            self._hold(self.timeline.total)
            self.state = PlayerState.FINISHED
            self._cursor = len(self._schedule)
            finished = PlayerEvent(EventKind.FINISHED, len(self.timeline) - 1, self.timeline.total)
            return self._emit([finished])
        if self.state is PlayerState.PAUSED:
            # Show the new step now; its start (cue and voice) plays when the person resumes.
            self._held = position
            self.current = self.timeline.index_at(position)
            self._cursor = bisect_left(self._dues, position)
            return []
        self._hold(position)
        return self._play_from(position)

    def _advance(self, now: float, at_least: float = -1.0) -> list[PlayerEvent]:
        """Fire the events whose deadline (origin + due) has passed, and any due by `at_least`.

        Deadlines are compared on the clock's own scale, the same sum `seconds_to_next_wake`
        waits for, so a wake-up at exactly the deadline always fires it.
        """
        due: list[PlayerEvent] = []
        while self._cursor < len(self._schedule):
            event = self._schedule[self._cursor]
            deadline = self._origin + event.due
            if deadline > now and event.due > at_least:
                break
            self._cursor += 1
            late = max(0.0, now - deadline)
            due.append(PlayerEvent(event.kind, event.index, event.due, late, event.seconds_left))
            if event.kind is EventKind.STEP:
                self.current = event.index
            elif event.kind is EventKind.FINISHED:
                self._hold(self.timeline.total)
                self.state = PlayerState.FINISHED
                break
        return self._emit(due)

    def _emit(self, events: list[PlayerEvent]) -> list[PlayerEvent]:
        for event in events:
            for listener in list(self._listeners):
                listener(event)
        return events
