"""Real disk faults for tests: a tiny tmpfs that fills up, and a folder that cannot be written.

Both need to mount a tmpfs (root, as CI runs). Where that is not allowed the test is skipped; the
tests that use SQLite's own limits (max_page_count) and mode bits run everywhere.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


@contextmanager
def small_disk(folder: Path, size_kib: int = 512) -> Iterator[Path]:
    """A tmpfs of `size_kib` mounted on `folder` for the duration; unmounted (and so emptied) after."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(
        "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)
    ):
        pytest.skip("needs to mount a tmpfs (root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> None:
    """Fill the disk to the last byte."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(fd, b"\0" * size) == size:
                    pass
            except OSError:
                continue
    finally:
        os.close(fd)


def free(disk: Path) -> None:
    """Give back the space `fill` took."""
    (disk / "filler").unlink(missing_ok=True)


def make_read_only(disk: Path) -> None:
    """Remount the disk read-only: root cannot write to it either."""
    assert _mount("-o", "remount,ro", str(disk)), "could not remount read-only"


def make_writable(disk: Path) -> None:
    assert _mount("-o", "remount,rw", str(disk)), "could not remount read-write"
