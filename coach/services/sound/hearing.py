"""Before the eyes close: will the person hear the cues and the voice? Checked, not assumed.

The cues are heard when the sound output really opened (the audio service plays a moment of
silence through it when it starts); the voice when its engine really answered. The answer is one
plain line with what to do if something will not be heard, and no developer terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal


@dataclass(frozen=True)
class Hearing:
    """What will be heard, and the line that says so."""

    cues: bool
    voice: bool
    checking: bool  # the output or the voice is still starting
    line: str


class HearingCheck(QObject):
    """Follows the audio service and the narration voice; `changed` when the answer may differ.

    `audio` needs `status` (`silent`, `backend`), `muted` and `status_changed`; `voice` needs
    `available`, `status_changed` and may have `opening`. Either may be None (not set up).
    """

    changed = Signal()

    def __init__(self, audio: Any | None, voice: Any | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.audio, self.voice = audio, voice
        for source in (audio, voice):
            signal = getattr(source, "status_changed", None)
            if signal is not None:
                signal.connect(self._relay)

    def _relay(self) -> None:
        self.changed.emit()

    def check(self) -> Hearing:
        """What will be heard now."""
        audio, voice = self.audio, self.voice
        if audio is not None and getattr(audio, "muted", False):
            return Hearing(
                False,
                False,
                False,
                QCoreApplication.translate(
                    "HearingCheck",
                    "Sound is muted: the cues and the guidance are shown on screen only. "
                    "Press M once the session starts to hear them.",
                ),
            )
        status = audio.status if audio is not None else None
        started = status is not None and bool(status.backend)
        cues = status is not None and started and not status.silent
        speaks = voice is not None and bool(voice.available)
        # the built-in voice plays through the same sound output as the cues: no output, no voice
        through_output = getattr(voice, "plays_through_output", None)
        if speaks and through_output is not None and through_output() and not cues:
            speaks = False
        checking = (audio is not None and not started) or (
            voice is not None and bool(getattr(voice, "opening", False))
        )
        settings = QCoreApplication.translate("HearingCheck", "Settings → Sound and voice")
        if checking and not (cues and speaks):
            line = QCoreApplication.translate(
                "HearingCheck",
                "Checking the sound… The cues and the guidance are also shown on screen.",
            )
        elif cues and speaks:
            line = QCoreApplication.translate(
                "HearingCheck", "You will hear the cues and the voice, so you can close your eyes."
            )
        elif cues:
            line = QCoreApplication.translate(
                "HearingCheck",
                "You will hear the cues but not the voice: read the guidance on screen, or "
                "choose a voice in {0}.",
            ).format(settings)
        elif speaks:
            line = QCoreApplication.translate(
                "HearingCheck",
                "You will hear the voice but not the cues: no speaker or headphones could be "
                "opened, so the cues are shown on screen. Check they are connected, then try "
                "{0}.",
            ).format(settings)
        else:
            line = QCoreApplication.translate(
                "HearingCheck",
                "You will not hear anything: no speaker or headphones could be opened, so "
                "follow the guidance on screen. Check they are connected and turned up, then "
                "try {0}.",
            ).format(settings)
        return Hearing(cues, speaks, checking, line)
