"""Reading a file the person named: only a regular file, never more than a limit, and a WAV
checked for what would play silent or too long before it is ever played."""

from __future__ import annotations

import os
import struct
import wave
from pathlib import Path

import pytest

from coach.core.reading import (
    MAX_SOUND_BYTES,
    NotReadable,
    human_size,
    open_regular,
    read_limited,
    sound_problem,
)


@pytest.mark.parametrize(
    ("size", "said"),
    [(0, "0 bytes"), (1023, "1023 bytes"), (1024, "1 KiB"), (256 * 1024, "256 KiB"),
     (1024 * 1024, "1.0 MiB"), (50 * 1024 * 1024 + 1, "50.0 MiB")],
)  # fmt: skip
def test_sizes_are_said_the_way_people_say_them(size: int, said: str) -> None:
    assert human_size(size) == said


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "days.csv"
    path.write_bytes(b"date,pain\n")

    assert read_limited(path, 10) == b"date,pain\n"
    with open_regular(path, 10) as stream:
        assert stream.read(4) == b"date"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as out:
        out.truncate(3 * 1024 * 1024)  # sparse: costs no disk

    with pytest.raises(NotReadable) as refused:
        read_limited(path, 1024 * 1024)

    assert str(refused.value) == f"{path} is too large (3.0 MiB); the limit is 1.0 MiB"


def test_a_fifo_a_folder_or_a_device_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # nobody writes to it: a blocking open would wait forever

    for path in (fifo, tmp_path, Path("/dev/zero")):
        with pytest.raises(NotReadable, match="is not a regular file"):
            read_limited(path, 1024)
        with pytest.raises(NotReadable, match="is not a regular file"):
            open_regular(path, 1024)


def test_a_missing_file_is_an_ordinary_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "gone.csv", 10)


def test_no_file_descriptor_is_left_open_by_a_refusal(tmp_path: Path) -> None:
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        with pytest.raises(NotReadable):
            open_regular(tmp_path, 10)

    assert len(os.listdir("/proc/self/fd")) == before


# -- sounds ----------------------------------------------------------------------------------------


def wav(path: Path, *, channels: int = 1, width: int = 2, rate: int = 44_100,
        frames: int = 4410) -> Path:  # fmt: skip
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(bytes(channels * width * frames))
    return path


def wav_header(path: Path, *, frames: int, rate: int = 8000) -> Path:
    """A mono 8-bit WAV header claiming `frames`, the file made that long sparsely."""
    data = frames
    header = (
        b"RIFF" + struct.pack("<I", 36 + data) + b"WAVE"
        + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate, 1, 8)
        + b"data" + struct.pack("<I", data)
    )  # fmt: skip
    path.write_bytes(header)
    os.truncate(path, len(header) + data)
    return path


def test_a_good_wav_has_no_problem(tmp_path: Path) -> None:
    assert sound_problem(wav(tmp_path / "ok.wav")) is None
    assert sound_problem(wav(tmp_path / "st.wav", channels=2, width=3, rate=48_000)) is None


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: wav(p, channels=3), "has 3 channels; use mono or stereo"),
        (lambda p: wav(p, rate=4000), "has a sample rate of 4000 Hz"),
        (lambda p: wav(p, rate=384_000), "has a sample rate of 384000 Hz"),
        (lambda p: wav(p, frames=0), "holds no sound"),
        (lambda p: wav_header(p, frames=31 * 60 * 8000), "is longer than 30 minutes"),
        (lambda p: p.write_bytes(wav(p).read_bytes()[:100]), "claims more sound than the file"),
        (lambda p: p.write_bytes(b"ID3" + bytes(500)), "is not a usable WAV file"),
        (lambda p: p.write_bytes(b""), "is not a usable WAV file"),
        (lambda p: os.truncate(wav(p), MAX_SOUND_BYTES + 1), "is too large (50.0 MiB)"),
        (lambda p: os.mkfifo(p), "is not a regular file"),
        (lambda p: p.mkdir(), "is not a regular file"),
        (lambda p: None, "cannot be read (No such file or directory)"),
    ],
    ids=[
        "3-channels",
        "4-khz",
        "384-khz",
        "empty-data",
        "31-minutes",
        "truncated",
        "mp3",
        "0-bytes",
        "over-50-mib",
        "fifo",
        "folder",
        "missing",
    ],  # fmt: skip
)
def test_a_sound_that_would_not_play_well_says_why(tmp_path: Path, make, says: str) -> None:
    path = tmp_path / "clip.wav"
    make(path)

    problem = sound_problem(path)

    assert problem is not None
    assert problem.startswith(says)
