"""The composition root opens the log, and a damaged log is kept, never overwritten."""

from __future__ import annotations

import datetime as dt

from coach.app import open_log
from coach.core.log.entries import DayEntry
from coach.store.backup import BackupKeeper


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
