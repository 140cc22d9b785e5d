"""`coach play --no-gui`: follow a routine in the terminal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TextIO

from coach.core.clock import Clock
from coach.core.player import EventKind, PauseReason, Player, PlayerEvent, PlayerState
from coach.core.routine import Routine, format_duration
from coach.core.timeline import Timeline


def play_in_terminal(
    routine: Routine,
    clock: Clock,
    *,
    out: TextIO,
    wait: Callable[[float], object] | None = None,
) -> int:
    """Print each step as it begins, prefixed with its time; 0 when done, 130 on Ctrl-C."""
    wait = wait or threading.Event().wait
    timeline = Timeline.from_routine(routine)
    player = Player(timeline, clock)
    total = format_duration(timeline.total)

    def show(event: PlayerEvent) -> None:
        stamp = f"[{format_duration(event.due):>5}]"
        if event.kind is EventKind.STEP:
            step = timeline.steps[event.index].step
            print(
                f"{stamp} {event.index + 1}/{len(timeline)} {step.kind.label} ({step.duration:g}s): {step.text}",
                file=out,
                flush=True,
            )
        elif event.kind is EventKind.PAUSED and event.pause_reason is PauseReason.SLEEP:
            print(
                f"{stamp} The computer slept; picking up where you left off.", file=out, flush=True
            )
        elif event.kind is EventKind.FINISHED:
            print(
                f"[{total:>5}] Finished: {routine.title}. Take your time getting up.",
                file=out,
                flush=True,
            )

    player.subscribe(show)
    print(f"{routine.title} ({total}, {len(timeline)} steps). Ctrl-C stops.", file=out, flush=True)
    for caution in routine.cautions:
        print(f"  ! {caution}", file=out)
    try:
        player.start()
        while player.state in (PlayerState.PLAYING, PlayerState.PAUSED):
            if player.state is PlayerState.PAUSED:
                player.resume()
                continue
            wait(player.seconds_to_next_wake() or 0.0)
            player.tick()
    except KeyboardInterrupt:
        player.stop()
        step = player.current + 1
        print(
            f"\nStopped at step {step} of {len(timeline)} after {format_duration(player.played_seconds())}.",
            file=out,
            flush=True,
        )
        return 130
    return 0
