"""File › Report…: the period, the preview, the note's limit and saving the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.log.demo import generate_demo
from coach.store.repository import LogRepository
from coach.ui.report.report_dialog import ReportDialog
from coach.ui.report.report_pdf import ReportLook

TODAY = dt.date(2026, 5, 31)


def dialog(
    qtbot: QtBot, log: LogRepository, catalogue: RegionCatalogue, saved: list[Path], to: Path
) -> ReportDialog:
    look = ReportLook({r.id: r.name for r in catalogue.regions.values()})

    def target(suggested: Path) -> Path:
        saved.append(suggested)
        return to

    widget = ReportDialog(log, look, today=lambda: TODAY, target=target)
    qtbot.addWidget(widget)
    return widget


def pages(widget: ReportDialog) -> list[QLabel]:
    return [p for p in widget.pages.findChildren(QLabel) if p.pixmap() and not p.isHidden()]


def test_the_last_three_months_by_default_with_a_preview_and_a_saved_pdf(
    qtbot: QtBot, log: LogRepository, catalogue: RegionCatalogue, tmp_path: Path
) -> None:
    log.import_log(*generate_demo(dt.date(2026, 1, 1), TODAY, seed=3))
    saved: list[Path] = []
    widget = dialog(qtbot, log, catalogue, saved, tmp_path / "report.pdf")
    assert widget.period() == (dt.date(2026, 3, 1), TODAY)
    assert len(pages(widget)) == 2
    assert widget.message.text().startswith("Logged on ")
    widget.name.setText("Ana Silva")
    widget.detail.setChecked(False)
    widget.refresh()
    assert widget.report is not None
    assert widget.report.name == "Ana Silva"
    assert len(pages(widget)) == 1
    assert widget.save_pdf() == tmp_path / "report.pdf"
    assert saved == [Path.home() / "pain-report-2026-03-01-to-2026-05-31.pdf"]
    written = tmp_path / "report.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert written.stat().st_mode & 0o777 == 0o600
    assert "Saved" in widget.message.text()


def test_an_empty_period_and_a_long_note_say_why_there_is_no_report(
    qtbot: QtBot, log: LogRepository, catalogue: RegionCatalogue, tmp_path: Path
) -> None:
    widget = dialog(qtbot, log, catalogue, [], tmp_path / "r.pdf")
    assert widget.message.text() == (
        "No report: nothing is logged from 2026-03-01 to 2026-05-31, so there is nothing to report."
    )
    assert not widget.save.isEnabled()
    assert pages(widget) == []
    log.import_log(*generate_demo(dt.date(2026, 5, 1), TODAY, seed=3))
    widget.note.setPlainText("x" * 10_000)
    assert "10000 characters: at most 1200" in widget.note_count.text()
    widget.refresh()
    assert "at most 1200 characters" in widget.message.text()
    assert not widget.save.isEnabled()
    widget.note.setPlainText("Short.")
    widget.start.setDate(QDate(2026, 5, 31))
    widget.refresh()  # one day
    assert widget.save.isEnabled()
    assert widget.message.text().startswith("Logged on 1 of the 1 day")
    widget.show_last_three_months()
    assert widget.period() == (dt.date(2026, 3, 1), TODAY)
    widget.timer.stop()
