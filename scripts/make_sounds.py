"""Generate Unknot's cue sounds into assets/sounds/, deterministically, from sine partials.

    .venv/bin/python scripts/make_sounds.py [--out assets/sounds]

Every sound is 16-bit mono 44.1 kHz PCM, starts and ends in silence (raised-cosine fades, so no
clicks), and says what it signals by its shape: a rising pair to tense, a slow falling tone to let
go, a swell up or down for the breath.

They are matched by loudness, not by peak: each one's loudest 400 ms (the way a listener hears
it, `coach.core.playing.narration.loudest_dbfs`) sits at -23 dBFS, about 7 dB under the loudest moments of
the built-in voice (which render at -18 to -15 dBFS with peaks at -1 dBFS), so a cue is clearly
heard and never louder than the words; the bedtime end (`end-soft`) is quieter still.
Running it twice gives byte-identical files; the tests check the committed files match it.
"""

from __future__ import annotations

import argparse
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

from coach.core.playing.narration import loudest_dbfs

RATE = 44_100
LOUDNESS_DBFS = -23.0
SOFT_LOUDNESS_DBFS = -28.0
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"

Signal = np.ndarray

# (ratio to the fundamental, amplitude, decay per second): a soft bell, a warm tone
BELL = ((1.0, 1.0, 4.0), (2.0, 0.30, 7.0), (2.76, 0.10, 11.0), (5.40, 0.03, 18.0))
WARM = ((1.0, 1.0, 0.0), (2.0, 0.22, 1.5), (3.0, 0.06, 3.0))


def seconds(length: float) -> Signal:
    """The sample times of a sound `length` seconds long."""
    return np.arange(round(length * RATE)) / RATE


def ramp(n: int) -> Signal:
    """A raised-cosine ramp from 0 to 1 over `n` samples: a fade without a corner (no click)."""
    return 0.5 - 0.5 * np.cos(np.pi * np.arange(n) / max(1, n - 1))


def faded(signal: Signal, fade_in: float, fade_out: float) -> Signal:
    """`signal` with smooth fades at both ends, so it starts and ends in silence."""
    out = signal.copy()
    n_in, n_out = round(fade_in * RATE), round(fade_out * RATE)
    out[:n_in] *= ramp(n_in)
    out[len(out) - n_out :] *= ramp(n_out)[::-1]
    return out


def note(freq: float, length: float, partials=BELL, attack: float = 0.012) -> Signal:
    """One struck note: sine partials, each dying away at its own rate, after a short attack."""
    t = seconds(length)
    tone = sum(
        amp * np.exp(-decay * t) * np.sin(2 * np.pi * freq * ratio * t)
        for ratio, amp, decay in partials
    )
    return faded(np.asarray(tone), attack, min(0.08, length / 4))


def glide(start: float, end: float, length: float, partials=WARM, glide_for: float = 1.0) -> Signal:
    """A tone sliding from `start` Hz to `end` Hz (evenly in pitch) over `glide_for` of its length.

    A quieter second voice a hair higher in pitch beats slowly against the first, which sounds
    more like breath than a test tone, without the level ever dipping to nothing.
    """
    t = seconds(length)
    progress = np.clip(t / (glide_for * length), 0.0, 1.0)
    freq = start * (end / start) ** progress
    tone = np.zeros_like(t)
    for detune, level in ((0.0, 1.0), (0.7, 0.35)):
        phase = 2 * np.pi * np.cumsum(freq + detune) / RATE
        for ratio, amp, decay in partials:
            tone += level * amp * np.exp(-decay * t) * np.sin(ratio * phase)
    return tone


def swell(length: float, peak_at: float) -> Signal:
    """An envelope that rises smoothly from silence, peaks at `peak_at` (0-1), and falls back."""
    x = seconds(length) / length
    power = np.log(0.5) / np.log(peak_at)  # x**power == 0.5 at the peak
    return np.sin(np.pi * x**power) ** 2


def mix(length: float, *parts: tuple[float, Signal]) -> Signal:
    """Notes placed at their start times (seconds) in one sound `length` seconds long."""
    out = np.zeros(round(length * RATE))
    for start, part in parts:
        begin = round(start * RATE)
        end = min(len(out), begin + len(part))
        out[begin:end] += part[: end - begin]
    return out


def step() -> Signal:
    """A single soft bell: a new step begins."""
    return note(659.25, 0.8)


def tense() -> Signal:
    """A brief rising two-note figure (D5, A5): start tensing."""
    short = ((1.0, 1.0, 9.0), (2.0, 0.2, 14.0))
    return mix(0.55, (0.0, note(587.33, 0.3, short)), (0.15, note(880.0, 0.4, short)))


def release() -> Signal:
    """A slow, warm falling tone, lower and longer than the rest: let go."""
    tone = glide(330.0, 220.0, 1.1, glide_for=0.7) * np.exp(-2.2 * seconds(1.1))
    return faded(tone, 0.06, 0.25)


def breath_in() -> Signal:
    """A soft swell rising in pitch, loudest late: breathe in."""
    return glide(262.0, 392.0, 0.9) * swell(0.9, peak_at=0.65)


def breath_out() -> Signal:
    """A soft swell falling in pitch, loudest early, with a long fade: breathe out."""
    return glide(392.0, 262.0, 1.0) * swell(1.0, peak_at=0.3)


def halfway() -> Signal:
    """Two gentle taps on the same note: halfway (e.g. switch sides)."""
    tap = ((1.0, 1.0, 22.0), (2.0, 0.15, 35.0))
    return mix(0.45, (0.0, note(523.25, 0.2, tap, 0.008)), (0.22, note(523.25, 0.2, tap, 0.008)))


def end() -> Signal:
    """A calm three-note descending chord (C5, A4, F4) left to ring: the routine is over."""
    ring = ((1.0, 1.0, 1.8), (2.0, 0.25, 4.0), (3.0, 0.05, 7.0))
    return mix(
        1.6,
        (0.0, note(523.25, 1.6, ring)),
        (0.25, note(440.0, 1.35, ring)),
        (0.5, note(349.23, 1.1, ring)),
    )


def end_soft() -> Signal:
    """One very quiet low tone (G3) with a slow start: the end, for bedtime."""
    tone = note(196.0, 1.1, ((1.0, 1.0, 2.5), (2.0, 0.12, 4.0)), attack=0.15)
    return faded(tone, 0.15, 0.3)


# cue name -> (how to make it, loudness of its loudest 400 ms in dBFS)
SOUNDS: dict[str, tuple[Callable[[], Signal], float]] = {
    "step": (step, LOUDNESS_DBFS),
    "tense": (tense, LOUDNESS_DBFS),
    "release": (release, LOUDNESS_DBFS),
    "breath-in": (breath_in, LOUDNESS_DBFS),
    "breath-out": (breath_out, LOUDNESS_DBFS),
    "halfway": (halfway, LOUDNESS_DBFS),
    "end": (end, LOUDNESS_DBFS),
    "end-soft": (end_soft, SOFT_LOUDNESS_DBFS),
}


def to_pcm(signal: Signal, loudness_dbfs: float) -> bytes:
    """Scale to the loudness and quantise to 16-bit little-endian samples."""
    unit = signal / np.max(np.abs(signal))
    gain = 10 ** ((loudness_dbfs - loudest_dbfs(unit, RATE)) / 20) * 32767
    scaled = np.round(unit * gain)
    assert np.max(np.abs(scaled)) < 32767 * 10 ** (-6 / 20), "far from clipping"
    return scaled.astype("<i2").tobytes()


def write(path: Path, pcm: bytes) -> None:
    """A 16-bit mono 44.1 kHz WAV file."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write into")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (make, peak) in SOUNDS.items():
        path = args.out / f"{name}.wav"
        write(path, to_pcm(make(), peak))
        print(f"{path}  {path.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
