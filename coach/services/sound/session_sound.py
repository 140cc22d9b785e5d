"""Carries out the conductor's decisions on the audio and speech services."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from coach.core.playing.clock import Clock, SystemClock
from coach.core.playing.conductor import PlayClip, PlayCue, SoundAction, Speak, StopVoice
from coach.core.playing.speech_estimate import speaking_seconds
from coach.core.playing.timeline import SPEECH_LEAD
from coach.core.routines.cues import Cue
from coach.core.routines.routine import Routine


class CuePlayer(Protocol):
    """What the session needs from the audio service."""

    def play_cue(self, cue: Cue) -> None:
        """Play a built-in cue or a .wav by path."""
        ...

    def play_clip(self, path: Path) -> Any:
        """Start a recorded clip; returns a handle with stop()."""
        ...


class Voice(Protocol):
    """What the session needs from the speech service."""

    def say(self, text: str) -> None:
        """Speak, cutting off whatever is still being said."""
        ...

    def stop(self) -> None:
        """Stop speaking."""
        ...


# Words start SPEECH_LEAD seconds after a cue's first strike, not on top of it; short enough that
# a 4-second breathing step still has room for its word (the timeline counts the same lead).
# Longest a step waits for its words to be rendered before it goes on without them.
WORDS_WAIT_MS = 20_000


class SessionSound(QObject):
    """Plays cues, speaks and plays clips; tells the screen what was played (for visible cues).

    When the words after a cue are due is computed on `clock` (the player's); a timer only wakes
    it up, and `catch_up()` says them at once when the clock has moved past them (a manual clock).
    """

    cue_played = Signal(object)  # the Cue played (or only shown, without sound)
    spoken = Signal(str)

    def __init__(
        self,
        audio: CuePlayer | None,
        voice: Voice | None,
        parent: QObject | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.audio = audio
        self.voice = voice
        self.clock: Clock = clock or SystemClock()
        self._clip: Any = None
        self._pending: list[SoundAction] = []
        self._words_due = 0.0  # on `clock`: when the words waiting in `_pending` are said
        self._after_cue = QTimer(self)
        self._after_cue.setSingleShot(True)
        self._after_cue.setTimerType(Qt.TimerType.PreciseTimer)  # never early: no second wake-up
        self._after_cue.timeout.connect(self.catch_up)

    def prepare(self, cues: list[Path]) -> None:
        """Load a routine's own cue files before it starts, so none is read mid-session."""
        preload = getattr(self.audio, "preload", None)
        if preload is not None:
            preload(cues)

    def prepare_narration(self, routine: Routine) -> None:
        """Have the voice render the routine's words ahead, in order (a voice that renders)."""
        prepare = getattr(self.voice, "prepare", None)
        if prepare is not None:
            prepare(dict.fromkeys(s.spoken for s in routine.steps if s.audio is None and s.spoken))

    def narration_seconds(self, text: str) -> float:
        """How long `text` is heard: the voice's real rendered length, else the estimate
        (nothing without a voice: the steps keep their lengths)."""
        if self.voice is None:
            return 0.0
        real = getattr(self.voice, "narration_seconds", None)
        return float(real(text)) if real is not None else speaking_seconds(text)

    def narration_ready(self, texts: list[str]) -> bool:
        """Whether all of `texts` can be said at once (always, for a voice that does not render)."""
        is_ready = getattr(self.voice, "is_ready", None)
        return is_ready is None or all(is_ready(text) for text in texts)

    def when_words_ready(
        self, texts: list[str], then: Callable[[], None], timeout_ms: int = WORDS_WAIT_MS
    ) -> bool:
        """Call `then` once the voice has rendered `texts`; True (and `then` called at once) if
        they are ready already. After `timeout_ms` it is called anyway: a voice that never
        answers holds no session back (its words then come as soon as they are ready)."""
        ready = getattr(self.voice, "ready", None)
        if ready is None or self.narration_ready(texts):
            then()
            return True
        waited = QTimer(self)
        waited.setSingleShot(True)

        def check(*_: object) -> None:
            if waited.isActive() and not self.narration_ready(texts):
                return
            waited.stop()
            ready.disconnect(check)
            waited.deleteLater()
            then()

        ready.connect(check)
        waited.timeout.connect(check)
        waited.start(timeout_ms)
        return False

    def perform(self, actions: list[SoundAction]) -> None:
        """Carry out `actions` in order; narration after a cue waits for the cue's first strike."""
        cued = False
        for action in actions:
            match action:
                case StopVoice():
                    self.stop_voice()
                case PlayCue(cue=cue):
                    if self.audio is not None:
                        self.audio.play_cue(cue)
                    self.cue_played.emit(cue)
                    cued = True
                case Speak() | PlayClip() if cued:
                    self._words_due = self.clock.monotonic() + SPEECH_LEAD
                    self._pending.append(action)
                    self._wake_when_due()
                case Speak() | PlayClip():
                    self._narrate(action)

    def catch_up(self) -> None:
        """Say the words waiting for a cue's first strike if the clock says they are due (the
        timer calls it; so does the session after a manual clock moved)."""
        if not self._pending:
            return
        if self.clock.monotonic() < self._words_due - 1e-6:  # sums of floats land a hair short
            self._wake_when_due()
            return
        self._after_cue.stop()
        pending, self._pending = self._pending, []
        for action in pending:
            self._narrate(action)

    def _wake_when_due(self) -> None:
        left = self._words_due - self.clock.monotonic()
        self._after_cue.start(max(0, math.ceil(left * 1000)))

    def _narrate(self, action: SoundAction) -> None:
        if isinstance(action, Speak):
            if self.voice is not None:
                self.voice.say(action.text)
            self.spoken.emit(action.text)
        elif isinstance(action, PlayClip) and self.audio is not None:
            self._clip = self.audio.play_clip(action.path)

    def stop_voice(self) -> None:
        """Cut the narration, spoken or recorded, and anything waiting to be said."""
        self._after_cue.stop()
        self._pending = []
        if self.voice is not None:
            self.voice.stop()
        if self._clip is not None:
            self._clip.stop()
            self._clip = None
