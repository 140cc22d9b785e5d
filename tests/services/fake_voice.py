"""A small stand-in for the neural voice's engine: a hum as long as the words would take.

Unit tests use it where the real voice is not the point (it renders in microseconds and needs no
model); tests/services/sound/test_piper_engine.py renders with the real voice.
"""

from __future__ import annotations

import threading

import numpy as np

RATE = 22_050
SECONDS_PER_WORD = 0.3


class FakeEngine:
    """Renders a 220 Hz tone of 0.3 s a word (slower speed: longer), peaking at -1 dBFS."""

    voice_id = "fake/hum"

    def __init__(self, fail_on: str = "") -> None:
        self.rendered: list[tuple[str, float]] = []
        self.loads = 0
        self.fail_on = fail_on
        self.threads: set[str] = set()
        self.gate = threading.Event()  # tests may hold rendering until they open it
        self.gate.set()

    def load(self) -> None:
        self.loads += 1

    def render(self, text: str, speed: float) -> tuple[np.ndarray, int]:
        self.gate.wait(10)
        self.threads.add(threading.current_thread().name)
        if self.fail_on and self.fail_on in text:
            raise RuntimeError("the model could not be read")
        self.rendered.append((text, speed))
        seconds = SECONDS_PER_WORD * len(text.split()) / speed
        t = np.arange(round(seconds * RATE)) / RATE
        tone = 0.891 * np.sin(2 * np.pi * 220 * t)
        return np.round(tone * 32767).astype(np.int16), RATE
