"""Opening the log at start-up: a damaged or emptied log is kept, never overwritten, and the newest
backup offered; a full disk or a read-only folder is not damage, and the log opens read-only."""

from __future__ import annotations

import datetime as dt
import sqlite3

from coach.core.log.entries import DayEntry
from coach.log_opening import open_log
from coach.store.backup import BackupKeeper
from tests.store.disks import make_read_only, make_writable, small_disk


class AnsweringPrompt:
    """Answers the app's dialogs as the test says (the machine has nobody to click)."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, list[str]]] = []
        self.told: list[str] = []

    def choose(self, title: str, text: str, options: list[str]) -> str | None:
        self.asked.append((title, text, options))
        return self.answer

    def inform(self, title: str, text: str) -> None:
        self.told.append(text)


def damage(path) -> bytes:
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return garbage


def test_a_healthy_log_opens_without_questions(paths):
    prompt = AnsweringPrompt(None)
    log = open_log(paths, prompt)
    assert log is not None
    log.close()
    assert prompt.asked == []


def test_damaged_log_restored_from_newest_backup_and_kept_aside(paths):
    prompt = AnsweringPrompt("Restore the backup")
    log = open_log(paths, prompt)
    log.save_day(DayEntry(dt.date(2026, 11, 20), pain=5, note="before the damage"))
    BackupKeeper(paths.backups).take(log.conn, "manual")
    log.close()
    garbage = damage(paths.database)

    log = open_log(paths, prompt)
    assert log is not None
    assert log.get_day(dt.date(2026, 11, 20)).note == "before the damage"
    log.close()
    title, text, options = prompt.asked[-1]
    assert "could not read your log" in text
    assert "Nothing has been changed or deleted" in text
    assert options == ["Restore the backup", "Start a new, empty log", "Quit"]
    kept = [p for p in paths.data_dir.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1
    assert kept[0].read_bytes() == garbage
    assert str(kept[0]) in prompt.told[-1]


def test_quitting_leaves_the_damaged_file_untouched(paths):
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    garbage = damage(paths.database)
    prompt = AnsweringPrompt("Quit")
    assert open_log(paths, prompt) is None
    assert paths.database.read_bytes() == garbage
    assert prompt.asked[-1][2] == ["Start a new, empty log", "Quit"]  # no backup to offer


def test_start_new_keeps_the_old_file(paths):
    garbage = damage(paths.database)
    log = open_log(paths, AnsweringPrompt("Start a new, empty log"))
    assert log is not None
    assert log.days(dt.date(2000, 1, 1), dt.date(2100, 1, 1)) == []
    log.close()
    [kept] = [p for p in paths.data_dir.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == garbage


def with_days(paths) -> None:
    """Three days in the log and a backup holding them."""
    log = open_log(paths, AnsweringPrompt(None))
    log.save_days(DayEntry(dt.date(2026, 3, day), pain=day) for day in (1, 2, 3))
    BackupKeeper(paths.backups).take(log.conn, "manual")
    log.close()


def test_an_emptied_log_offers_the_backup_that_still_holds_the_days(paths):
    with_days(paths)
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    paths.database.write_bytes(b"")
    prompt = AnsweringPrompt("Restore the backup")

    log = open_log(paths, prompt)

    assert log is not None
    assert len(log.days(dt.date.min, dt.date.max)) == 3
    log.close()
    [(title, text, options)] = prompt.asked
    assert title == "Your log could not be read"
    assert text.startswith("Your log file is empty, but your backups still hold your days:")
    assert "The newest backup was taken on" in text
    assert prompt.told[-1].startswith("Restored the backup of ")


def test_a_log_from_a_newer_version_is_refused_untouched(paths):
    with_days(paths)
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = paths.database.read_bytes()
    prompt = AnsweringPrompt("Start a new, empty log")

    assert open_log(paths, prompt) is None

    assert prompt.asked == [], "nothing to choose: it is not damage"
    assert "newer version of Unknot" in prompt.told[-1]
    assert paths.database.read_bytes() == before


def test_a_backup_that_cannot_be_taken_is_told_and_the_log_still_opens(paths):
    paths.backups.write_bytes(b"a file where the backups folder goes")
    prompt = AnsweringPrompt(None)

    log = open_log(paths, prompt)

    assert log is not None
    assert not log.read_only
    log.close()
    assert prompt.asked == []
    [told] = prompt.told
    assert told.startswith("Unknot opened your log, but could not take today's backup:")


def test_a_read_only_folder_opens_the_log_read_only_and_moves_nothing(tmp_path):
    from coach.paths import Paths

    with small_disk(tmp_path / "disk", 2048) as disk:
        paths = Paths.resolve(disk / "data")
        paths.ensure()
        with_days(paths)
        before = sorted(p.name for p in paths.data_dir.rglob("*"))
        make_read_only(disk)
        try:
            prompt = AnsweringPrompt("Start a new, empty log")
            log = open_log(paths, prompt)
            assert log is not None
            assert log.read_only
            assert len(log.days(dt.date.min, dt.date.max)) == 3
            log.close()
        finally:
            make_writable(disk)
        assert prompt.asked == []
        [told] = prompt.told
        assert told.startswith("Unknot can read your log but cannot save to it:")
        assert "nothing was moved or changed" in told
        assert sorted(p.name for p in paths.data_dir.rglob("*")) == before
