"""Files the person asked for (exports, charts): private to them, and whole or not there at all."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from coach.store.files import write_private
from tests.store.disks import fill, small_disk


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"

    write_private(path, b"date,pain\n")

    assert path.read_bytes() == b"date,pain\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_an_old_file_is_replaced_whole_and_made_private(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(b"an older, longer export " * 100)
    path.chmod(0o644)

    write_private(path, b"new")

    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_folder_in_the_way_leaves_it_untouched_and_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "log.csv"
    folder.mkdir()
    (folder / "inside").write_text("kept", encoding="utf-8")

    with pytest.raises(IsADirectoryError):
        write_private(folder, b"data")

    assert (folder / "inside").read_text(encoding="utf-8") == "kept"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_an_error_not_a_new_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_private(tmp_path / "nowhere" / "log.csv", b"data")
    assert not (tmp_path / "nowhere").exists()


def test_a_full_disk_keeps_the_old_file_and_leaves_no_half_written_one(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 256) as disk:
        path = disk / "log.json"
        path.write_bytes(b"the old export")
        fill(disk)

        with pytest.raises(OSError, match="No space left"):
            write_private(path, b"x" * 512 * 1024)

        assert path.read_bytes() == b"the old export"
        assert leftovers(disk) == []
