"""Narration as sound files: where a rendered sentence is cached, how long it is, how loud.

The neural voice renders every sentence once to a WAV file named after what makes it sound the
way it does (the voice, the speaking rate and the words), so a routine played twice starts at once
and a changed rate or voice never plays a stale recording. Loudness is measured the way a listener
hears a sentence's loudest moments (the strongest 400 ms), not by its single highest sample.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

# A listener judges loudness over a few hundred milliseconds (EBU R 128's "momentary" window).
LOUDNESS_WINDOW = 0.4
LOUDNESS_HOP = 0.1
SILENCE_DBFS = -120.0
# The voice's peaks sit this far under full scale, so nothing clips however it is mixed.
VOICE_PEAK_DBFS = -1.0
# Cache files are small (about 45 kB a second of speech); past this size the oldest go.
CACHE_LIMIT_BYTES = 300 * 1024 * 1024


def narration_file_name(voice_id: str, speed: float, text: str) -> str:
    """The cache file name for `text` said by `voice_id` at `speed` (1.0 = the voice's own)."""
    import hashlib  # here, not at the top: OpenSSL loads with it (5 ms off start-up)

    key = f"{voice_id}\n{speed:.3f}\n{' '.join(text.split())}".encode()
    return hashlib.sha256(key).hexdigest()[:40] + ".wav"


def wav_seconds(path: Path) -> float:
    """How long a PCM WAV file plays, from its header (OSError or wave.Error if unreadable)."""
    import wave

    with wave.open(str(path), "rb") as source:
        rate = source.getframerate()
        return source.getnframes() / rate if rate else 0.0


def write_wav(path: Path, samples: NDArray[np.int16], rate: int) -> None:
    """Write mono 16-bit samples to `path` atomically (a reader never sees half a file)."""
    import wave

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with wave.open(str(partial), "wb") as target:
            target.setnchannels(1)
            target.setsampwidth(2)
            target.setframerate(rate)
            target.writeframes(samples.astype("<i2").tobytes())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def read_wav_mono(path: Path) -> tuple[NDArray[np.float64], int]:
    """A 16-bit PCM WAV as floats in [-1, 1], stereo mixed down, and its sample rate."""
    import wave

    import numpy as np

    with wave.open(str(path), "rb") as source:
        channels, width, rate = (
            source.getnchannels(),
            source.getsampwidth(),
            source.getframerate(),
        )
        raw = source.readframes(source.getnframes())
    if width != 2:
        raise ValueError(f"{path.name}: expected 16-bit samples, found {8 * width}-bit")
    samples = np.frombuffer(raw, "<i2").astype(np.float64) / 32768.0
    if channels > 1:
        samples = samples[: len(samples) // channels * channels].reshape(-1, channels).mean(axis=1)
    return samples, rate


def to_dbfs(amplitude: float) -> float:
    """An amplitude (1.0 = full scale) in decibels relative to full scale."""
    import math

    return SILENCE_DBFS if amplitude <= 1e-6 else 20.0 * math.log10(amplitude)


def peak_dbfs(samples: NDArray[np.floating]) -> float:
    """The highest sample, in dBFS."""
    import numpy as np

    return to_dbfs(float(np.max(np.abs(samples)))) if len(samples) else SILENCE_DBFS


def loudest_dbfs(samples: NDArray[np.floating], rate: int) -> float:
    """The loudness of the loudest moment: the highest RMS over any 400 ms window, in dBFS.

    A sound shorter than the window is measured over the window (its silence around it counts),
    so a short click is not mistaken for a loud sound.
    """
    import numpy as np

    window = max(1, round(LOUDNESS_WINDOW * rate))
    hop = max(1, round(LOUDNESS_HOP * rate))
    if len(samples) == 0:
        return SILENCE_DBFS
    squares = np.concatenate([np.square(samples.astype(np.float64)), np.zeros(window)])
    sums = np.concatenate([[0.0], np.cumsum(squares)])
    starts = np.arange(0, max(1, len(samples) - window + 1) + hop - 1, hop)
    starts = starts[starts + window < len(sums)]
    energies = (sums[starts + window] - sums[starts]) / window
    return to_dbfs(float(np.sqrt(np.max(energies))))


def active_seconds(samples: NDArray[np.floating], rate: int, floor_dbfs: float = -40.0) -> float:
    """Seconds during which the sound rises above `floor_dbfs` (in 50 ms frames): how much is heard."""
    import numpy as np

    frame = max(1, round(0.05 * rate))
    count = len(samples) // frame
    if count == 0:
        return 0.0
    frames = samples[: count * frame].astype(np.float64).reshape(count, frame)
    rms = np.sqrt(np.mean(np.square(frames), axis=1))
    threshold = 10.0 ** (floor_dbfs / 20.0)
    return float(np.count_nonzero(rms > threshold)) * frame / rate


class NarrationCache:
    """Rendered narration on disk, one WAV per (voice, speed, text), in the platform cache folder."""

    def __init__(self, folder: Path, limit_bytes: int = CACHE_LIMIT_BYTES) -> None:
        self.folder = folder
        self.limit_bytes = limit_bytes

    def path(self, voice_id: str, speed: float, text: str) -> Path:
        """Where the narration of `text` is (or will be) kept."""
        return self.folder / narration_file_name(voice_id, speed, text)

    def find(self, voice_id: str, speed: float, text: str) -> Path | None:
        """The cached file, if there is a readable one."""
        import wave

        path = self.path(voice_id, speed, text)
        try:
            wav_seconds(path)
        except (OSError, EOFError, wave.Error):
            return None
        return path

    def store(
        self, voice_id: str, speed: float, text: str, samples: NDArray[np.int16], rate: int
    ) -> Path:
        """Keep rendered samples; returns the file. A full disk raises OSError (nothing is left)."""
        path = self.path(voice_id, speed, text)
        write_wav(path, samples, rate)
        return path

    def prune(self) -> int:
        """Delete the least recently used files beyond the size limit; returns how many went."""
        try:
            files = [(p.stat(), p) for p in self.folder.glob("*.wav")]
        except OSError:
            return 0
        total = sum(stat.st_size for stat, _ in files)
        removed = 0
        for stat, path in sorted(files, key=lambda item: item[0].st_mtime):
            if total <= self.limit_bytes:
                break
            try:
                path.unlink()
            except OSError:
                continue
            total -= stat.st_size
            removed += 1
        return removed


def fit_voice(
    samples: NDArray[np.floating], rate: int, peak: float = VOICE_PEAK_DBFS
) -> NDArray[np.int16]:
    """Rendered speech made ready to play: silence trimmed, peaks at `peak` dBFS, 16-bit.

    Leading silence is cut (keeping 20 ms) so the first word comes as soon as it is played, and
    trailing silence beyond 150 ms, so a sentence's length is the time it is heard.
    """
    import numpy as np

    floats = samples.astype(np.float64)
    loud = np.flatnonzero(np.abs(floats) > 10.0 ** (-45.0 / 20.0))
    if len(loud) == 0:
        return np.zeros(0, np.int16)
    start = max(0, int(loud[0]) - round(0.02 * rate))
    end = min(len(floats), int(loud[-1]) + round(0.15 * rate))
    floats = floats[start:end]
    gain = 10.0 ** (peak / 20.0) / float(np.max(np.abs(floats)))
    scaled = np.round(floats * gain * 32767.0)
    result: NDArray[np.int16] = np.clip(scaled, -32767, 32767).astype(np.int16)
    return result
