"""The command line on a full disk, a read-only folder and an emptied log (issue 13, cases 1, 4).

Never "not a readable log … restore a backup" for a healthy file: reading commands read it
read-only and say so, writing ones say what is wrong and that the log is not damaged.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coach.cli.main import run
from tests.store.disks import fill, free, make_read_only, make_writable, small_disk


def test_a_full_disk_is_told_as_such_and_the_log_still_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        data = str(disk / "data")
        for day in range(1, 11):
            assert (
                run(
                    [
                        "--data-dir",
                        data,
                        "log",
                        "add",
                        "--date",
                        f"2026-01-{day:02d}",
                        "--pain",
                        "4",
                    ]
                )
                == 0
            )
        shutil.rmtree(disk / "data" / "backups")
        capsys.readouterr()
        fill(disk)
        try:
            assert (
                run(
                    [
                        "--data-dir",
                        data,
                        "log",
                        "show",
                        "--from",
                        "2026-01-01",
                        "--to",
                        "2026-01-31",
                    ]
                )
                == 0
            )
            shown = capsys.readouterr()
            assert "2026-01-10" in shown.out
            assert "full" in shown.err
            assert "restore a backup" not in shown.err
            assert (
                run(
                    ["--data-dir", data, "log", "add", "--date", "2026-01-11", "--note", "x" * 5000]
                )
                == 2
            )
            refused = capsys.readouterr().err
            assert "full" in refused
            assert "not a readable log" not in refused
        finally:
            free(disk)
        assert not [p for p in (disk / "data").iterdir() if ".damaged-" in p.name]


def test_a_read_only_folder_reads_and_refuses_writes_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        data = str(disk / "data")
        assert run(["--data-dir", data, "log", "add", "--date", "2026-01-02", "--pain", "4"]) == 0
        capsys.readouterr()
        make_read_only(disk)
        try:
            assert (
                run(
                    [
                        "--data-dir",
                        data,
                        "log",
                        "show",
                        "--from",
                        "2026-01-01",
                        "--to",
                        "2026-01-31",
                    ]
                )
                == 0
            )
            shown = capsys.readouterr()
            assert "2026-01-02" in shown.out
            assert "read-only" in shown.err
            out = tmp_path / "export.csv"
            assert run(["--data-dir", data, "export", "--output", str(out)]) == 0
            assert "2026-01-02" in out.read_text(encoding="utf-8-sig")
            assert run(["--data-dir", data, "log", "add", "--pain", "3"]) == 2
            refused = capsys.readouterr().err
            assert "read-only" in refused
            assert "not damaged" in refused
        finally:
            make_writable(disk)


def test_an_emptied_log_is_refused_and_the_backup_named(
    paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["log", "add", "--date", "2026-01-02", "--pain", "4"]) == 0
    from coach.store.backup import BackupKeeper
    from coach.store.repository import LogRepository

    repo = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    BackupKeeper(paths.backups).take(repo.conn, "manual", dt.datetime(2026, 1, 3, 9))
    repo.close()
    paths.database.write_bytes(b"")
    capsys.readouterr()
    assert run(["log", "show"]) == 2
    err = capsys.readouterr().err
    assert "empty (0 bytes)" in err
    assert "holds your days" in err
    assert "restore the newest backup" in err
    assert paths.database.stat().st_size == 0
