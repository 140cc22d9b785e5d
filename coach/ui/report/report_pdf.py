"""The clinician report on paper: page 1 the summary, page 2 (optional) the detail.

`write_pdf` makes the PDF with Qt's own writer (fonts embedded, text and charts as vectors);
`page_images` draws the same pages into images for the preview. Both lay the report out in
points on A4 or Letter, so what the preview shows is what prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from coach.core.analytics.report import ClinicianReport
from coach.store.files import write_private
from coach.ui.body_map.body_figures import BodyFigures
from coach.ui.report.report_paint import (
    DARK,
    DENSE_DAYS,
    FAINT,
    MID,
    Paper,
    chart_legend,
    draw_body_heat,
    draw_pain_chart,
    heat_key,
)
from coach.ui.report.report_words import (
    each_period,
    left_out_note,
    logged_sentence,
    medication_habit,
    period_column,
    period_label,
    summary_lines,
)

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN = 42.0  # points
FOOTER = (
    "Self-reported: every value was entered by the patient in Unknot, a pain diary app; none "
    "was measured or checked by a clinician. Ratings are 0-10 (0 none, 10 worst)."
)
SUMMARY_AREAS = 7
SUMMARY_MEDICATIONS = 6


@dataclass(frozen=True)
class ReportLook:
    """What the report draws beside its figures: region names, and the body figures if any."""

    names: Mapping[str, str]
    figures: BodyFigures | None = None
    detail: bool = True  # page 2

    def name(self, region: str) -> str:
        """The region's name, as the body map shows it."""
        return self.names.get(region, region.replace("_", " ").capitalize())


def page_size(paper: str) -> QSizeF:
    """The page's size in points."""
    return QPageSize(PAPERS[paper]).size(QPageSize.Unit.Point)


def page_count(report: ClinicianReport, look: ReportLook) -> int:
    """How many pages the report has."""
    return 2 if look.detail else 1


def write_pdf(report: ClinicianReport, look: ReportLook, path: Path, paper: str = "a4") -> int:
    """Write the report as a PDF at `path`, readable by its owner only, whole or not at all;
    returns the number of pages."""
    data, pages = pdf_bytes(report, look, paper)
    write_private(path, data)
    return pages


def pdf_bytes(report: ClinicianReport, look: ReportLook, paper: str = "a4") -> tuple[bytes, int]:
    """The report as the bytes of a PDF file, and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait, QMarginsF())
    )
    writer.setResolution(600)
    writer.setTitle(f"Pain diary summary, {report.start} to {report.end}")
    writer.setCreator("Unknot")
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError("Qt's PDF writer could not start")
    pages = page_count(report, look)
    state: dict[str, bool] = {}
    try:
        for number in range(1, pages + 1):
            if number > 1:
                writer.newPage()
            painter.save()
            draw_page(Paper(painter), report, look, number, page_size(paper), state)
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data()), pages


def page_images(
    report: ClinicianReport, look: ReportLook, paper: str = "a4", dpi: int = 96
) -> list[QImage]:
    """Each page drawn into a white image at `dpi`, for the preview."""
    size = page_size(paper)
    images = []
    state: dict[str, bool] = {}
    for number in range(1, page_count(report, look) + 1):
        image = QImage(
            int(size.width() * dpi / 72), int(size.height() * dpi / 72), QImage.Format.Format_RGB32
        )
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor(255, 255, 255))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        try:
            draw_page(Paper(painter), report, look, number, size, state)
        finally:
            painter.end()
        images.append(image)
    return images


def draw_page(
    paper: Paper,
    report: ClinicianReport,
    look: ReportLook,
    number: int,
    size: QSizeF,
    state: dict[str, bool] | None = None,
) -> None:
    """Draw page `number` (1 or 2) on a page of `size` points; page 1 notes in `state` whether
    the visit's note moved to page 2 (so draw the pages in order with the same `state`)."""
    state = {} if state is None else state
    body = QRectF(MARGIN, MARGIN, size.width() - 2 * MARGIN, size.height() - 2 * MARGIN)
    footer_height = paper.height_of(body.width() - 60, FOOTER, 6.5) + 6
    paper.rule(body.left(), body.bottom() - footer_height, body.width(), MID)
    paper.text(QRectF(body.left(), body.bottom() - footer_height + 4, body.width() - 60, 40),
               FOOTER, 6.5, color=DARK)  # fmt: skip
    total = page_count(report, look)
    paper.text(QRectF(body.right() - 60, body.bottom() - footer_height + 4, 60, 10),
               f"Page {number} of {total}", 6.5, color=DARK, align=Qt.AlignmentFlag.AlignRight)  # fmt: skip
    content = QRectF(body.left(), body.top(), body.width(), body.height() - footer_height - 6)
    if number == 1:
        state["note_moved"] = _summary(paper, report, look, content)
    else:
        _detail(paper, report, look, content, state.get("note_moved", False))


def _period(report: ClinicianReport) -> str:
    def day(d: object) -> str:
        return f"{d:%-d %B %Y}"

    return f"{day(report.start)} to {day(report.end)}"


def _summary(paper: Paper, report: ClinicianReport, look: ReportLook, area: QRectF) -> bool:
    """Page 1; True if the visit's note did not fit and goes on page 2."""
    x, width = area.left(), area.width()
    y = area.top()
    paper.text(QRectF(x, y, width, 24), "Pain diary: summary for the visit", 15, bold=True)
    paper.text(QRectF(x, y + 3, width, 12), f"Made on {report.made_on:%-d %B %Y}", 7.5,
               color=DARK, align=Qt.AlignmentFlag.AlignRight)  # fmt: skip
    y += 22
    if report.name:
        y += paper.text(QRectF(x, y, width, 30), f"Patient: {report.name}", 10.5, bold=True)
    y += paper.text(QRectF(x, y, width, 30),
                    f"{_period(report)}. {logged_sentence(report)}.", 10.5)  # fmt: skip
    y += 4
    paper.rule(x, y, width, MID)
    y += 6
    for line in summary_lines(report):
        label, _, rest = line.partition(": ")
        used = paper.text(QRectF(x, y, 150, 30), label, 9, bold=True)
        used = max(used, paper.text(QRectF(x + 150, y, width - 150, 40), rest, 9))
        y += used + 2.5
    y += 6
    paper.text(QRectF(x, y, width, 12), "Pain each day", 10, bold=True)
    chart_legend(paper, x + width - 215, y + 1, dense=len(report.dates) > DENSE_DAYS)
    y += 14
    chart_height = 150.0
    draw_pain_chart(paper, QRectF(x, y, width, chart_height), report)
    y += chart_height + 10

    # where it hurt (figures and table) beside the medications
    left_width = 170.0 if look.figures is not None else 0.0
    table_x = x + left_width + (12 if left_width else 0)
    table_width = width - (table_x - x)
    top = y
    if look.figures is not None:
        paper.text(QRectF(x, y, left_width, 12), "Where it hurt", 10, bold=True)
        draw_body_heat(paper, QRectF(x, y + 14, left_width, 170), look.figures, report.areas)
        key_height = heat_key(paper, x + 8, y + 188, left_width - 8)
        left_bottom = y + 188 + key_height
    else:
        left_bottom = y
    areas = report.top_areas(SUMMARY_AREAS)
    paper.text(QRectF(table_x, y, table_width, 12), "Areas marked most", 10, bold=True)
    y += 14
    if areas:
        rows = [[look.name(r), f"{c.days_marked} of {c.total_days_logged}",
                 f"{c.mean_intensity:.1f}", str(c.max_intensity)] for r, c in areas]  # fmt: skip
        widths = _widths(table_width, (0.46, 0.22, 0.16, 0.16))
        header = ["Area", "Days marked", "Average", "Worst"]
        y += paper.table(table_x, y, widths, header, rows, right=frozenset({1, 2, 3}))
        more = len(report.areas) - len(areas)
        if more > 0:
            y += paper.text(QRectF(table_x, y + 1, table_width, 12),
                            f"and {more} more area(s), less often or less strongly", 7, color=DARK)  # fmt: skip
    else:
        y += paper.text(QRectF(table_x, y, table_width, 12), "No areas marked.", 8.5)
    y += 10
    paper.text(QRectF(table_x, y, table_width, 12), "Medications taken", 10, bold=True)
    y += 14
    medications = report.medications[:SUMMARY_MEDICATIONS]
    if medications:
        rows = [[m.name, str(m.days), medication_habit(m.habit),
                 "-" if m.helped is None else f"{m.helped:.1f} ({m.helped_ratings})"]
                for m in medications]  # fmt: skip
        widths = _widths(table_width, (0.45, 0.13, 0.22, 0.2))
        y += paper.table(table_x, y, widths, ["Medicine and dose", "Days", "How", "Helped"],
                         rows, right=frozenset({1, 3}))  # fmt: skip
        more = len(report.medications) - len(medications)
        note = "Helped: the patient's average 0-10 rating (how many ratings)."
        if more > 0:
            where = "on page 2" if look.detail else "taken on fewer days"
            note = f"And {more} more, {where}. " + note
        y += paper.text(QRectF(table_x, y + 1, table_width, 20), note, 7, color=DARK) + 1
    else:
        y += paper.text(QRectF(table_x, y, table_width, 12), "None logged in this period.", 8.5)
    y = max(y, left_bottom, top) + 10
    return _visit_note(paper, report, look, QRectF(x, y, width, area.bottom() - y))


def _visit_note(paper: Paper, report: ClinicianReport, look: ReportLook, room: QRectF) -> bool:
    """The note in a shaded box, in smaller type if need be; True if it goes on page 2."""
    if not report.visit_note:
        return False
    inner = room.width() - 16
    text, size, moved = report.visit_note, 9.0, False
    for size in (9.0, 8.0, 7.0):
        needed = paper.height_of(inner, text, size) + 22
        if needed <= room.height():
            break
    else:
        if look.detail:
            text, size, moved = "The patient's note for this visit is on page 2.", 9.0, True
        else:  # no page 2: as much as fits, and says so
            text = _fitting(paper, inner, text, size, room.height() - 22)
        needed = paper.height_of(inner, text, size) + 22
    box = QRectF(room.left(), room.top(), room.width(), needed)
    paper.painter.fillRect(box, FAINT)
    paper.text(QRectF(box.left() + 8, box.top() + 5, inner, 12), "The patient's note for this visit",
               9, bold=True)  # fmt: skip
    paper.text(QRectF(box.left() + 8, box.top() + 18, inner, box.height() - 18), text, size)
    return moved


def _fitting(paper: Paper, width: float, text: str, size: float, height: float) -> str:
    """The longest start of `text` (cut at a word) that fits, with a mark that it was cut."""
    words = text.split(" ")
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if paper.height_of(width, " ".join(words[:middle]) + " … (cut)", size) <= height:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + " … (cut)"


def _widths(total: float, shares: tuple[float, ...]) -> list[float]:
    return [total * share for share in shares]


def _detail(
    paper: Paper, report: ClinicianReport, look: ReportLook, area: QRectF, note_moved: bool
) -> None:
    x, width = area.left(), area.width()
    y = area.top()
    paper.text(QRectF(x, y, width, 20), "Detail", 14, bold=True)
    whose = f"{report.name}, " if report.name else ""
    paper.text(QRectF(x, y + 3, width, 12), whose + _period(report), 7.5, color=DARK,
               align=Qt.AlignmentFlag.AlignRight)  # fmt: skip
    y += 22
    if note_moved:  # it did not fit on page 1
        note_height = paper.height_of(width, report.visit_note, 9)
        paper.text(QRectF(x, y, width, 12), "The patient's note for this visit", 10, bold=True)
        y += 14 + paper.text(QRectF(x, y + 14, width, note_height), report.visit_note, 9) + 8
    per = report.rows_per
    paper.text(QRectF(x, y, width, 12), each_period(per), 10, bold=True)
    y += 14
    rows = [[period_label(per, r.start, r.end), str(r.days_logged), _num(r.pain), "-" if r.worst is None else str(r.worst),
             _num(r.sleep_hours), str(r.sessions), str(r.medication_days)]
            for r in report.rows]  # fmt: skip
    header = [period_column(per), "Days logged", "Pain avg.", "Worst", "Sleep h",
              "Sessions", "Days with medicine"]  # fmt: skip
    widths = _widths(width, (0.24, 0.14, 0.12, 0.09, 0.1, 0.11, 0.2))
    y += paper.table(x, y, widths, header, rows, size=8, right=frozenset(range(1, 7)))
    if report.rows_left_out:
        y += paper.text(QRectF(x, y + 1, width, 12),
                        left_out_note(per, report.rows_left_out), 7, color=DARK)  # fmt: skip
    y += 12
    if len(report.medications) > SUMMARY_MEDICATIONS:
        paper.text(QRectF(x, y, width, 12), "All medications", 10, bold=True)
        y += 14
        rows = [[m.name, str(m.days), str(m.doses), medication_habit(m.habit),
                 "-" if m.helped is None else f"{m.helped:.1f}"] for m in report.medications]  # fmt: skip
        y += paper.table(x, y, _widths(width, (0.42, 0.1, 0.1, 0.24, 0.14)),
                         ["Medicine and dose", "Days", "Doses", "How", "Helped"], rows, size=8,
                         right=frozenset({1, 2, 4}))  # fmt: skip
        y += 12
    bottom = area.bottom()
    if report.worst_days and y + 40 < bottom:
        paper.text(QRectF(x, y, width, 12), "The worst days, with their notes", 10, bold=True)
        y += 15
        for day in report.worst_days:
            head = f"{day.date:%a %-d %b %Y}: pain {_rated(day.pain)}, worst {_rated(day.worst)}"
            if day.tags:
                head += "; tags: " + ", ".join(day.tags)
            text = day.note or "(no note)"
            needed = paper.height_of(width - 12, text, 8) + 13
            if y + needed > bottom - 40:
                break
            paper.text(QRectF(x, y, width, 12), head, 8.5, bold=True)
            y += 11.5 + paper.text(QRectF(x + 12, y + 11.5, width - 12, needed), text, 8,
                                   italic=not day.note)  # fmt: skip
            y += 4
        y += 8
    links = [link for link in report.better_days if link.difference < 0][:4]
    if y + 40 < bottom:
        paper.text(QRectF(x, y, width, 12), "What went with better days", 10, bold=True)
        y += 15
        if not links:
            sentence = ("No tag went with lower pain often enough to show (each tag needs "
                        "5 rated days with it and 5 without).")  # fmt: skip
            paper.text(QRectF(x, y, width, 30), sentence, 8.5)
            return
        for link in links:
            sentence = (
                f"Days tagged \u201c{link.tag}\u201d: average pain {link.with_mean:.1f} "
                f"({link.with_days} days), against {link.without_mean:.1f} on the other "
                f"{link.without_days} rated days."
            )
            if y + 24 > bottom:
                return
            y += paper.text(QRectF(x, y, width, 30), sentence, 8.5) + 2
        caution = ("These go together in this log; that does not show that one causes "
                   "the other.")  # fmt: skip
        paper.text(QRectF(x, y + 2, width, 20), caution, 8, italic=True, color=DARK)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _rated(value: int | None) -> str:
    return "-" if value is None else str(value)
