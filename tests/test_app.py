"""The app's start: `run_app` shows the opening frame, opens the log, hands over to the main window
filled in from the services, and closes what it opened on the way out."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

import coach.app
from coach import log_opening
from coach.core.log.entries import DayEntry
from coach.paths import Paths
from coach.services import composition
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository


def test_the_self_test_opens_the_window_on_the_log_and_exits_0(
    paths: Paths, qtbot, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtWidgets import QApplication

    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    log.save_day(DayEntry(dt.date(2026, 3, 1), pain=4))
    log.close()

    status = coach.app.run_app(paths, self_test=True)

    assert status == 0
    said = capsys.readouterr().out
    assert said.startswith("self-test ok: main window shown after ")
    assert "ready after" in said
    app = QApplication.instance()
    assert (app.applicationName(), app.desktopFileName()) == ("Unknot", "io.github.unknot.Unknot")
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [], "all closed"
    diagnostics = (paths.data_dir / "logs" / "unknot.log").read_text(encoding="utf-8")
    assert "started" in diagnostics
    assert diagnostics.rstrip().endswith("Unknot stopped")
    assert not [
        h
        for h in logging.getLogger("unknot").handlers
        if getattr(h, "baseFilename", "").startswith(str(paths.data_dir))
    ], "the diagnostics log is let go"
    reopened = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    assert reopened.get_day(dt.date(2026, 3, 1)) == DayEntry(dt.date(2026, 3, 1), pain=4)
    reopened.close()


def test_the_names_callers_have_always_found_here_are_the_composition_roots() -> None:
    assert coach.app.build_services is composition.build_services
    assert coach.app.build_library is composition.build_library
    assert coach.app.choose_voice is composition.choose_voice
    assert coach.app.open_log is log_opening.open_log
