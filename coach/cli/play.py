"""`coach play --no-gui`: follow a routine in the terminal, played by the same `SessionRun` as the app."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from coach.core.playing.clock import Clock
from coach.core.playing.player import EventKind, PauseReason, PlayerEvent, PlayerState
from coach.core.routines.routine import Routine, format_duration
from coach.store.log_file import local_now

if TYPE_CHECKING:
    from coach.services.settings import Settings
    from coach.services.sound.session_sound import SessionSound
    from coach.store.repository import LogRepository


def play_in_terminal(
    routine: Routine,
    clock: Clock,
    *,
    out: TextIO,
    wait: Callable[[float], object],
    sound: SessionSound | None = None,
    log: LogRepository | None = None,
    now: Callable[[], dt.datetime] = local_now,
) -> int:
    """Print each step as it begins, prefixed with its time; 0 when done, 130 on Ctrl-C.

    `wait(seconds)` lets time pass (a Qt event loop for real, a manual clock in tests); the
    session is played, sounded and logged by a `SessionRun`, as in the app.
    """
    from PySide6.QtCore import QCoreApplication

    from coach.services.session_run import SessionRun
    from coach.services.sound.session_sound import SessionSound
    from coach.ui.common.step_words import step_kind_name

    _app = QCoreApplication.instance() or QCoreApplication([])  # kept alive while playing
    run = SessionRun(
        routine, sound or SessionSound(None, None, clock=clock), clock, log=log, now=now
    )
    timeline = run.timeline
    total = format_duration(timeline.total)

    def show(event: PlayerEvent) -> None:
        stamp = f"[{format_duration(event.due):>5}]"
        if event.kind is EventKind.STEP:
            step = timeline.steps[event.index].step
            print(
                f"{stamp} {event.index + 1}/{len(timeline)} {step_kind_name(step.kind)} ({step.duration:g}s): {step.text}",
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

    run.player_event.connect(show)
    print(f"{routine.title} ({total}, {len(timeline)} steps). Ctrl-C stops.", file=out, flush=True)
    for caution in routine.cautions:
        print(f"  ! {caution}", file=out)
    try:
        run.start()
        if run.waiting:
            print("  (preparing the voice…)", file=out, flush=True)
        while run.waiting or run.is_running():
            if run.waiting:  # a step never begins before its words are rendered
                wait(0.1)
                continue
            if run.player.state is PlayerState.PAUSED:
                run.toggle()  # after the machine slept: carry on, there is nobody to press Space
                continue
            wait(run.player.seconds_to_next_wake() or 0.0)
            run.catch_up()
    except KeyboardInterrupt:
        run.stop()
        step = run.player.current + 1
        print(
            f"\nStopped at step {step} of {len(timeline)} after {format_duration(run.player.played_seconds())}.",
            file=out,
            flush=True,
        )
        return 130
    finally:
        run.release()
        run.deleteLater()
    return 0


def play_with_sound(
    routine: Routine,
    *,
    out: TextIO,
    assets: Path,
    cache: Path | None = None,
    silent: bool = False,
    log: LogRepository | None = None,
    settings: Settings | None = None,
) -> int:
    """The terminal player with the same cues and narration as the app (a Qt event loop, no window).

    Narration is the engine chosen in `settings`: the bundled voice (rendered into `cache`) by
    default, the system voice as an option; COACH_SPEECH_ENGINE names a system engine instead
    (tests: "mock").
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from coach.core.playing.clock import SystemClock
    from coach.core.playing.narration import NarrationCache
    from coach.services.composition import choose_voice
    from coach.services.sound.audio import AudioService
    from coach.services.sound.neural_voice import NeuralVoice
    from coach.services.sound.session_sound import SessionSound
    from coach.services.sound.speech import SpeechService

    _app = QCoreApplication.instance() or QCoreApplication([])  # kept alive while playing
    audio, speech = AudioService(), SpeechService()
    neural = None
    if cache is not None and not os.environ.get("COACH_SPEECH_ENGINE"):
        neural = NeuralVoice(audio, NarrationCache(cache))
        neural.start()  # only checks that it is installed: the model loads in its worker
    narration = choose_voice(settings, speech, neural) if settings is not None else None
    if narration is not None and settings is not None:
        narration.rate = settings.speech_rate
    if not silent:
        # the voice opens in its own process while the sound output is tried here
        if narration is None or narration.needs_system_voice():
            speech.start(os.environ.get("COACH_SPEECH_ENGINE") or None, routine.language)
        status = audio.start(assets / "sounds")
        speech.wait_until_open()  # the event loop runs meanwhile; a wedged daemon is let go
        if status.silent:
            print(
                f"  (no sound: {'; '.join(status.problems) or status.label}; the steps are shown here)",
                file=out,
            )
        voice = narration if narration is not None else speech
        if voice.notice:  # nothing speaks, or not the voice chosen (the other one stood in)
            print(f"  ({voice.notice})", file=out)
    sound = SessionSound(
        audio if not silent else None, (narration or speech) if not silent else None
    )

    # Ctrl-C must not land inside a Qt slot (PySide would swallow it there): note it, leave the
    # loop, and raise it here, between waits
    interrupted = False
    loops: list[QEventLoop] = []

    def on_interrupt(_signum: int, _frame: object) -> None:
        nonlocal interrupted
        interrupted = True
        for loop in loops:
            loop.quit()

    def wait(seconds: float) -> None:
        # run Qt's loop while waiting: the player's precise timer, speech and sound all progress
        loop = QEventLoop()
        loops.append(loop)
        QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
        loop.exec()
        loops.remove(loop)
        if interrupted:
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        return play_in_terminal(routine, SystemClock(), out=out, wait=wait, sound=sound, log=log)
    finally:
        signal.signal(signal.SIGINT, previous)
        interrupted = False
        sound.stop_voice()
        for _ in range(4):  # let the last cue ring out (at most 2 s) before closing the device
            if not audio.is_playing():
                break
            wait(0.5)
        if neural is not None:
            neural.close()
        audio.close()
        speech.close()
