"""What the person reads when the system voice cannot speak or stops answering: why, how to fix
it, and what happens instead (the guidance on screen, or the built-in voice standing in)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


def no_engine_notice(reason: str, instead: str = "") -> str:
    """What the person reads when the system voice cannot speak: why, how to fix it, and what
    happens until then (`instead`: by default the guidance is shown on screen)."""
    if sys.platform.startswith("linux"):
        fix = QCoreApplication.translate(
            "SpeechService",
            "install speech-dispatcher and a voice (on Debian or Ubuntu: sudo apt install "
            "speech-dispatcher speech-dispatcher-espeak-ng), then start Unknot again",
        )
    else:
        fix = QCoreApplication.translate(
            "SpeechService", "check the system's text-to-speech settings, then start Unknot again"
        )
    instead = instead or QCoreApplication.translate(
        "SpeechService", "the guidance is shown on screen"
    )
    return QCoreApplication.translate(
        "SpeechService",
        "No speech engine found: {0}. To use the system voice, {1}; until then {2}.",
    ).format(reason, fix, instead)


def not_answering_notice(fallback: str) -> str:
    """What the person reads when the system voice stopped answering and was let go."""
    return QCoreApplication.translate(
        "SpeechService", "The system voice is not answering; {0}."
    ).format(fallback)
