"""Reading a file the person named, safely: only a regular file, and never more than a limit.

A FIFO, a device (/dev/zero) or a socket named as a session file or an import would otherwise be
read forever; a file that grows while it is read stops at the limit plus one byte.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotReadable(OSError):
    """The path cannot be read as a file: not a regular file, or larger than allowed."""


def human_size(size: int) -> str:
    """A byte count the way people say it."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    if size >= 1024:
        return f"{size / 1024:.0f} KiB"
    return f"{size} bytes"


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file `path`; NotReadable if it is something else or too large.

    Opened without blocking (a FIFO with no writer would otherwise wait forever), checked with
    fstat on the open file (so it cannot be swapped after a check), read up to `max_bytes` + 1.
    """
    with open_regular(path, max_bytes) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise NotReadable(f"{path} grew larger than the limit of {human_size(max_bytes)}")
    return data


MAX_SOUND_BYTES = 50 * 1024 * 1024  # a 4-minute stereo recording at 48 kHz is 46 MiB
MAX_SOUND_SECONDS = 30 * 60.0


def sound_problem(path: Path) -> str | None:
    """Why the WAV file at `path` cannot be played, or None if its header and size are sound.

    Checked when a session file is validated, not when it plays: a file that is not really a WAV
    (which would play silent), an unusual format, a header claiming more sound than the file
    holds, or a recording too large to load (a 2 GB sparse file) are refused up front.
    """
    import wave

    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file"
    if info.st_size > MAX_SOUND_BYTES:
        return (
            f"is too large ({human_size(info.st_size)}); a sound may be at most "
            f"{human_size(MAX_SOUND_BYTES)}"
        )
    try:
        with wave.open(str(path), "rb") as sound:
            channels, width, rate, frames = (
                sound.getnchannels(),
                sound.getsampwidth(),
                sound.getframerate(),
                sound.getnframes(),
            )
    except (wave.Error, EOFError, OSError, ValueError) as exc:
        return f"is not a usable WAV file ({str(exc) or 'its header cannot be read'})"
    if channels not in (1, 2):
        return f"has {channels} channels; use mono or stereo"
    if width not in (1, 2, 3, 4):
        return f"has {8 * width}-bit samples; use 16-bit PCM"
    if not 8000 <= rate <= 192_000:
        return f"has a sample rate of {rate} Hz; use 22050, 44100 or 48000"
    if frames * channels * width > info.st_size:
        return "claims more sound than the file holds (a damaged or truncated WAV)"
    if frames == 0:
        return "holds no sound"
    if frames / rate > MAX_SOUND_SECONDS:
        return f"is longer than {MAX_SOUND_SECONDS / 60:.0f} minutes"
    return None


def open_regular(path: Path, max_bytes: int) -> BinaryIO:
    """The regular file `path` open for reading in binary, for reading as a stream; NotReadable
    for anything else or a file over `max_bytes`. Opened without blocking (a FIFO with no writer
    would otherwise wait forever) and checked with fstat on the open file (so it cannot be swapped
    after a check)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(f"{path} is not a regular file (a folder, device, pipe or socket)")
        if info.st_size > max_bytes:
            raise NotReadable(
                f"{path} is too large ({human_size(info.st_size)}); the limit is "
                f"{human_size(max_bytes)}"
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
