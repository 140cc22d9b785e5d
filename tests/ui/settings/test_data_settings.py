"""Your data in Settings: back up, restore, export, delete everything; each says what it did."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from coach.core.log.entries import DayEntry, SessionRecord
from coach.paths import Paths
from coach.store.backup import Backup, BackupKeeper
from coach.store.repository import LogRepository
from coach.ui.settings.data_settings import DataSettings

D = dt.date(2026, 3, 2)
START = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)


class Answers:
    """Answers the section's questions as the test says, and remembers what it was told."""

    def __init__(self) -> None:
        self.backup_index: int | None = 0
        self.export: tuple[Path, str] | None = None
        self.delete = False
        self.choice: str | None = "Restore this backup"
        self.asked: list[str] = []
        self.told: list[tuple[str, str]] = []
        self.delete_text = ""

    # DataDialogs
    def pick_backup(self, backups: list[Backup]) -> Backup | None:
        return None if self.backup_index is None else backups[self.backup_index]

    def export_file(self, suggested: Path) -> tuple[Path, str] | None:
        return self.export

    def confirm_delete(self, what: str) -> bool:
        self.delete_text = what
        return self.delete

    # Prompt
    def choose(self, title: str, text: str, options: list[str]) -> str | None:
        self.asked.append(text)
        return self.choice if self.choice in options else None

    def inform(self, title: str, text: str) -> None:
        self.told.append((title, text))


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def keeper(paths: Paths) -> BackupKeeper:
    return BackupKeeper(paths.backups)


@pytest.fixture
def section(qtbot: QtBot, paths: Paths, log: LogRepository, keeper, answers) -> DataSettings:
    widget = DataSettings(paths, log, keeper=keeper, prompt=answers, dialogs=answers)
    qtbot.addWidget(widget)
    return widget


def a_session() -> SessionRecord:
    return SessionRecord(
        routine_id="pmr-4",
        routine_title="Four groups",
        started_at=START,
        ended_at=START + dt.timedelta(minutes=8),
        planned_seconds=480,
        actual_seconds=480,
        completed=True,
        step_count=20,
    )


def test_it_shows_the_log_and_its_backups(section: DataSettings, paths: Paths) -> None:
    text = section.summary.text()
    assert str(paths.database) in text
    assert "1 backup in" in text, "the daily one, taken when the log was opened"
    assert str(paths.backups) in text
    assert section.restore.isEnabled()


def test_back_up_now_takes_a_manual_backup(section: DataSettings, keeper: BackupKeeper) -> None:
    section.back_up.click()
    newest = keeper.list()[0]
    assert newest.reason == "manual"
    assert section.feedback.text() == f"Backed up to {newest.path}"
    assert "2 backups in" in section.summary.text()


def test_restoring_asks_then_says_exactly_what_happened(
    qtbot: QtBot, section: DataSettings, log: LogRepository, keeper, answers, paths
) -> None:
    log.save_day(DayEntry(D, pain=3, note="then"))
    section.back_up.click()
    log.save_day(DayEntry(D, pain=9, note="now"))

    with qtbot.waitSignal(section.log_replaced):
        section.restore.click()

    assert "nothing is deleted" in answers.asked[-1].lower()
    assert log.get_day(D) == DayEntry(D, pain=3, note="then")
    title, text = answers.told[-1]
    assert title == "Backup restored"
    [safety] = [b for b in keeper.list() if b.reason == "before-restore"]
    [kept] = [p for p in paths.data_dir.iterdir() if ".replaced-" in p.name]
    assert safety.path.name in text
    assert str(kept) in text
    assert section.feedback.text().startswith("Your log now holds what the backup of")


def test_restoring_can_be_called_off_at_each_question(
    section: DataSettings, log: LogRepository, answers
) -> None:
    log.save_day(DayEntry(D, pain=9))
    answers.backup_index = None
    section.restore.click()
    answers.backup_index, answers.choice = 0, None
    section.restore.click()
    assert log.get_day(D) == DayEntry(D, pain=9)
    assert answers.told == []


def test_a_damaged_backup_is_refused_and_the_log_left_as_it_was(
    section: DataSettings, log: LogRepository, keeper: BackupKeeper, answers
) -> None:
    log.save_day(DayEntry(D, pain=9))
    broken = keeper.folder / "unknot-29990101-000000-manual.sqlite3"  # the newest: listed first
    whole = keeper.list()[0].path.read_bytes()
    # whole by its header and size, damaged after its first page
    broken.write_bytes(whole[:4096] + b"garbage" * ((len(whole) - 4096) // 7 + 1))

    section.restore.click()

    title, text = answers.told[-1]
    assert title == "The backup was not restored"
    assert "Your log is as it was" in text
    assert log.get_day(D) == DayEntry(D, pain=9)


def test_export_writes_csv_or_json_privately_and_says_what(
    section: DataSettings, log: LogRepository, answers, tmp_path: Path
) -> None:
    log.save_day(DayEntry(D, pain=4, note="=1+1"))
    log.record_session(a_session())

    answers.export = (tmp_path / "log.csv", "csv")
    section.export.click()
    data = (tmp_path / "log.csv").read_text(encoding="utf-8-sig")
    assert data.startswith("date,pain")
    assert "'=1+1" in data, "a formula is neutralised"
    assert stat.S_IMODE((tmp_path / "log.csv").stat().st_mode) == 0o600
    assert section.feedback.text() == (
        f"Exported 1 day to {tmp_path / 'log.csv'}. Sessions (1) are only in JSON exports."
    )

    answers.export = (tmp_path / "log.json", "json")
    section.export.click()
    document = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert len(document["days"]) == 1
    assert len(document["sessions"]) == 1
    assert section.feedback.text() == f"Exported 1 day and 1 session to {tmp_path / 'log.json'}."

    answers.export = (tmp_path / "log.fhir.json", "fhir")
    section.export.click()
    bundle = json.loads((tmp_path / "log.fhir.json").read_text(encoding="utf-8"))
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    assert stat.S_IMODE((tmp_path / "log.fhir.json").stat().st_mode) == 0o600
    assert section.feedback.text() == (
        f"Exported 1 day to {tmp_path / 'log.fhir.json'} as a FHIR R4 Bundle, for health records."
    )


def test_export_to_a_folder_that_cannot_be_written_says_so(
    section: DataSettings, answers, tmp_path: Path
) -> None:
    answers.export = (tmp_path / "missing" / "log.csv", "csv")
    section.export.click()
    assert section.feedback.text().startswith("Could not export to")


def test_delete_all_needs_the_confirmation_and_says_what_was_deleted(
    qtbot: QtBot, section: DataSettings, log: LogRepository, keeper, answers, paths: Paths
) -> None:
    log.save_day(DayEntry(D, pain=4))
    log.save_day(DayEntry(D + dt.timedelta(days=1), pain=5))
    log.record_session(a_session())
    section.back_up.click()

    section.delete.click()
    assert "every day and session" in answers.delete_text
    assert str(paths.data_dir) in answers.delete_text
    assert section.feedback.text() == "Nothing was deleted."
    assert log.get_day(D) is not None

    answers.delete = True
    with qtbot.waitSignal(section.log_replaced):
        section.delete.click()

    title, text = answers.told[-1]
    assert title == "Your data was deleted"
    assert text.startswith(
        "Deleted 2 days and 1 session from your log, 2 backups and 0 earlier copies of your log."
    )
    assert log.days(dt.date.min, dt.date.max) == []
    assert keeper.list() == []
    assert paths.data_dir.is_dir()
    assert paths.user_sessions.is_dir(), "the person's own routines folder stays"
    assert not section.restore.isEnabled(), "nothing left to restore"


def test_every_button_has_an_accessible_name(section: DataSettings) -> None:
    buttons = section.findChildren(QAbstractButton)
    assert len(buttons) == 5
    for button in buttons:
        assert button.accessibleName()
