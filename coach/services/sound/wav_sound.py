"""A sound read from a PCM WAV file, as the outputs play it: 16-bit samples, channels, rate.

Built-in cues and a session's own sounds are WAV files; `read_wav` takes 8, 16, 24 or 32 bit, mono
or stereo, and says in words what it cannot read. numpy loads with the first sound, not at start-up.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    import numpy as np  # imported when the first sound is read: it costs start-up time


class SoundFileError(Exception):
    """A sound file that is missing or cannot be read as PCM WAV."""


@dataclass(frozen=True)
class Sound:
    """A decoded sound: 16-bit samples (interleaved if stereo), channels and rate."""

    samples: np.ndarray
    channels: int
    rate: int

    @property
    def seconds(self) -> float:
        """How long it plays."""
        return len(self.samples) / self.channels / self.rate

    def pcm(self, gain: float) -> bytes:
        """16-bit little-endian samples scaled by `gain`, ready for the sound device."""
        import numpy as np

        scaled = np.round(self.samples.astype(np.float64) * gain)
        return np.clip(scaled, -32768, 32767).astype("<i2").tobytes()


def read_wav(path: Path) -> Sound:
    """Read an integer PCM WAV (8, 16, 24 or 32 bit, mono or stereo) as 16-bit samples."""
    import numpy as np

    try:
        with wave.open(str(path), "rb") as source:
            channels, width, rate = (
                source.getnchannels(),
                source.getsampwidth(),
                source.getframerate(),
            )
            raw = source.readframes(source.getnframes())
    except FileNotFoundError as exc:
        raise SoundFileError(
            QCoreApplication.translate("AudioService", "{0} does not exist").format(path)
        ) from exc
    except (OSError, EOFError, wave.Error) as exc:
        raise SoundFileError(
            QCoreApplication.translate("AudioService", "{0} is not a PCM WAV file ({1})").format(
                path, exc
            )
        ) from exc
    if channels not in (1, 2) or width not in (1, 2, 3, 4):
        raise SoundFileError(
            QCoreApplication.translate(
                "AudioService", "{0} has {1} channels of {2}-bit sound; use mono or stereo PCM"
            ).format(path, channels, 8 * width)
        )
    samples: np.ndarray
    if width == 1:  # unsigned 8-bit
        samples = (np.frombuffer(raw, np.uint8).astype(np.int16) - 128) * 256
    else:  # the top two bytes of each little-endian sample
        frames = np.frombuffer(raw[: len(raw) // width * width], np.uint8).reshape(-1, width)
        samples = frames[:, -2:].copy().view("<i2").reshape(-1)
    return Sound(samples.astype(np.int16), channels, rate)
