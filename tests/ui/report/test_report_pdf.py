"""The clinician report on paper: pages, paper sizes, embedded fonts, greyscale, the figures."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

from coach.core.analytics.report import ClinicianReport, build_report
from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.ui.body_map.body_figures import BodyFigures
from coach.ui.report.report_pdf import ReportLook, page_images, write_pdf
from coach.ui.report.report_words import (
    logged_sentence,
    pain_sentence,
    sleep_sentence,
    worst_sentence,
)
from tests.core.analytics.test_report import END, MADE, START, ninety_days


@pytest.fixture
def report() -> ClinicianReport:
    days, sessions = ninety_days()
    return build_report(
        days, sessions, START, END, MADE, "Worse since the new desk job.", name="Ana Silva"
    )


@pytest.fixture
def look(catalogue: RegionCatalogue, shapes: BodyShapes) -> ReportLook:
    names = {r.id: r.name for r in catalogue.regions.values()}
    return ReportLook(names, BodyFigures(catalogue, shapes))


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60)  # fmt: skip
    return " ".join(done.stdout.split())


def test_a_90_day_report_is_two_a4_pages_with_its_figures(
    qapp: QApplication, tmp_path: Path, report: ClinicianReport, look: ReportLook
) -> None:
    out = tmp_path / "report.pdf"
    assert write_pdf(report, look, out, "a4") == 2
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) == 2
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595", data)
    assert b"/FontFile2" in data  # the fonts are embedded
    text = pdf_text(out)
    for sentence in (
        logged_sentence(report),
        pain_sentence(report).partition(": ")[2],
        worst_sentence(report).partition(": ")[2],
        sleep_sentence(report).partition(": ")[2],
        "Self-reported",
        "Patient: Ana Silva",
        "Worse since the new desk job.",
        "Left lower back",
        "Amitriptyline 10 mg",
        "Page 1 of 2",
        "Page 2 of 2",
        "Each week",
        "What went with better days",
    ):
        assert sentence in text, sentence
    assert report.trend is not None
    assert f"{report.trend.first:.1f}" in text


def test_letter_paper_and_summary_only(
    qapp: QApplication, tmp_path: Path, report: ClinicianReport, look: ReportLook
) -> None:
    out = tmp_path / "letter.pdf"
    summary = ReportLook(look.names, look.figures, detail=False)
    assert write_pdf(report, summary, out, "letter") == 1
    data = out.read_bytes()
    assert pdf_pages(data) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0 0 612(\.0+)? 792", data)


def test_everything_drawn_is_grey_so_it_prints_the_same_in_greyscale(
    qapp: QApplication, report: ClinicianReport, look: ReportLook
) -> None:
    for image in page_images(report, look, "a4", dpi=60):
        colours = set()
        for y in range(0, image.height(), 3):
            for x in range(0, image.width(), 3):
                colour = image.pixelColor(x, y)
                colours.add((colour.red(), colour.green(), colour.blue()))
        assert all(r == g == b for r, g, b in colours)
        assert len(colours) > 3  # something was drawn


def test_the_app_text_size_does_not_change_the_paper(
    qapp: QApplication, report: ClinicianReport, look: ReportLook
) -> None:
    before = [i.convertToFormat(QImage.Format.Format_RGB32) for i in page_images(report, look)]
    font = QFont(qapp.font())
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        after = page_images(report, look)
    finally:
        qapp.setFont(font)
    assert [a == b for a, b in zip(after, before, strict=True)] == [True, True]


def test_without_the_body_figures_the_report_still_has_the_areas(
    qapp: QApplication, tmp_path: Path, report: ClinicianReport, look: ReportLook
) -> None:
    out = tmp_path / "plain.pdf"
    write_pdf(report, ReportLook(look.names), out)
    assert "Left lower back" in pdf_text(out)


def test_a_long_note_fits_page_1_or_moves_to_page_2_never_lost(
    qapp: QApplication, tmp_path: Path, report: ClinicianReport, look: ReportLook
) -> None:
    days, sessions = ninety_days()
    note = ("My left leg feels heavy after long meetings, and the pain wakes me at night. " * 20)[
        :1200
    ]
    long = build_report(days, sessions, START, END, MADE, note)
    out = tmp_path / "long.pdf"
    write_pdf(long, look, out, "letter")
    text = pdf_text(out)
    assert "wakes me at night" in text
    summary = ReportLook(look.names, look.figures, detail=False)
    write_pdf(long, summary, out, "letter")
    text = pdf_text(out)
    assert "The patient's note for this visit" in text
    assert "on page 2" not in text
