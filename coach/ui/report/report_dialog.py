"""File › Report…: the clinician report with a preview, a date range, paper size and a note.

The period defaults to the last three months. The preview is the PDF's own pages drawn into
images, redrawn a moment after each change; Save PDF… writes exactly what is shown.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.core.analytics.report import (
    MAX_NAME,
    MAX_VISIT_NOTE,
    ClinicianReport,
    ReportProblem,
    build_report,
    default_period,
)
from coach.core.log.entries import DayEntry, SessionRecord
from coach.store.repository import LogRepository
from coach.ui.report.report_pdf import ReportLook, page_images, write_pdf
from coach.ui.report.report_words import logged_sentence

PREVIEW_DELAY_MS = 300
PREVIEW_WIDTH = 520  # pixels per page in the preview


class PdfTarget(Protocol):
    """Asks where to save the PDF (tests answer without a person)."""

    def __call__(self, suggested: Path) -> Path | None: ...


def ask_pdf_file(parent: QWidget) -> PdfTarget:
    """The platform's save dialog, for a .pdf."""

    def ask(suggested: Path) -> Path | None:
        name, _chosen = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ReportDialog", "Save the report"),
            str(suggested),
            QCoreApplication.translate("ReportDialog", "PDF (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    return ask


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class ReportDialog(QDialog):
    """Choose the period, paper and note, see the pages, save the PDF."""

    def __init__(
        self,
        log: LogRepository,
        look: ReportLook,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        target: PdfTarget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report for your doctor"))
        self.resize(980, 760)
        self.log, self.look, self._today = log, look, today
        self.target = target if target is not None else ask_pdf_file(self)
        self.report: ClinicianReport | None = None
        self._read: tuple[tuple[dt.date, dt.date], list[DayEntry], list[SessionRecord]] | None = (
            None
        )
        start, end = default_period(today())
        self.start = self._date_edit(self.tr("First day of the report"), start)
        self.end = self._date_edit(self.tr("Last day of the report"), end)
        self.last_three = QPushButton(self.tr("Last &3 months"))
        self.last_three.setAccessibleName(self.tr("Set the period to the last 3 months"))
        self.last_three.clicked.connect(self.show_last_three_months)
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.view().setAccessibleName(self.tr("Paper sizes"))
        letter_countries = (QLocale.Country.UnitedStates, QLocale.Country.Canada)
        self.paper.setCurrentIndex(1 if QLocale().territory() in letter_countries else 0)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(self.tr("Your name, printed on the report (optional)"))
        self.name.setPlaceholderText(self.tr("Your name on the report (optional, not kept)"))
        self.detail = QCheckBox(self.tr("Page 2: each week, the worst days, better days"))
        self.detail.setChecked(True)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("A short note for the visit (optional)"))
        self.note.setPlaceholderText(
            self.tr(
                "A short note for the visit, in your words (optional): what changed, what "
                "you want to ask…"
            )  # fmt: skip
        )
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.note_count = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("About the report"))
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview = QScrollArea()
        self.preview.setWidget(self.pages)
        self.preview.setWidgetResizable(True)
        self.preview.setAccessibleName(self.tr("Preview of the report's pages"))
        self.save = QPushButton(self.tr("&Save PDF…"))
        self.save.setDefault(True)
        self.save.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        period = QHBoxLayout()
        for label, edit in ((self.tr("&From"), self.start), (self.tr("&To"), self.end)):
            period.addSpacing(8)
            caption = QLabel(label)
            caption.setBuddy(edit)
            period.addWidget(caption)
            period.addWidget(edit)
        period.addWidget(self.last_three)
        period.addStretch(1)
        paper_label = QLabel(self.tr("&Paper"))
        paper_label.setBuddy(self.paper)
        period.addWidget(paper_label)
        period.addWidget(self.paper)
        side = QVBoxLayout()
        side.addLayout(period)
        name_row = QHBoxLayout()
        name_label = QLabel(self.tr("&Name"))
        name_label.setBuddy(self.name)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name, 1)
        name_row.addSpacing(12)
        name_row.addWidget(self.detail)
        side.addLayout(name_row)
        note_label = QLabel(self.tr("&Note for the visit (on page 1)"))
        note_label.setBuddy(self.note)
        side.addWidget(note_label)
        side.addWidget(self.note)
        side.addWidget(self.note_count)
        side.addWidget(self.message)
        side.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(close)
        side.addLayout(buttons)
        self.setLayout(side)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        for signal in (
            self.start.dateChanged,
            self.end.dateChanged,
            self.paper.currentIndexChanged,
            self.detail.toggled,
            self.note.textChanged,
            self.name.textChanged,
        ):
            signal.connect(self._changed)
        self._count_note()
        self.refresh()

    def _date_edit(self, name: str, date: dt.date) -> QDateEdit:
        edit = QDateEdit(_qdate(date))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setMaximumDate(_qdate(self._today()))
        edit.setAccessibleName(name)
        return edit

    # -- what is asked -------------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen first and last day."""
        start: dt.date = self.start.date().toPython()  # type: ignore[assignment]
        end: dt.date = self.end.date().toPython()  # type: ignore[assignment]
        return start, end

    def show_last_three_months(self) -> None:
        """Set the period to the default: the last three months up to today."""
        start, end = default_period(self._today())
        self.end.setDate(_qdate(end))
        self.start.setDate(_qdate(start))

    def _changed(self, *_args: object) -> None:
        self._count_note()
        self.timer.start(PREVIEW_DELAY_MS)

    def _count_note(self) -> None:
        length = len(self.note.toPlainText().strip())
        self.note_count.setText(
            self.tr("{0} of {1} characters").format(length, MAX_VISIT_NOTE)
            if length <= MAX_VISIT_NOTE
            else self.tr("{0} characters: at most {1} fit on page 1; please shorten it").format(
                length, MAX_VISIT_NOTE
            )
        )

    def current_look(self) -> ReportLook:
        """The look with page 2 as chosen."""
        return ReportLook(self.look.names, self.look.figures, self.detail.isChecked())

    # -- the report ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Make the report for what is chosen, and show its pages (or why there are none)."""
        self.timer.stop()
        start, end = self.period()
        self.report = None
        try:
            # the log is read again only for another period (typing a note stays quick)
            if self._read is None or self._read[0] != (start, end):
                self._read = (
                    (start, end),
                    self.log.days(start, end),
                    self.log.sessions(start, end),
                )
            _period, days, sessions = self._read
            self.report = build_report(
                days,
                sessions,
                start,
                end,
                self._today(),
                self.note.toPlainText(),
                self.name.text(),
            )
        except ReportProblem as problem:
            self.message.setText(self.tr("No report: {0}.").format(problem))
        except sqlite3.Error as trouble:
            self.message.setText(self.tr("Your log could not be read: {0}").format(trouble))
        self.save.setEnabled(self.report is not None)
        self._show_pages()
        if self.report is not None:
            self.message.setText(
                self.tr("{0}. Self-reported data; the doctor reads page 1 in a minute.").format(
                    logged_sentence(self.report)
                )
            )

    def _show_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if self.report is None:
            return
        # as wide as about 32 lines of the app's text are tall: larger text, larger pages
        width = max(PREVIEW_WIDTH, self.fontMetrics().height() * 32)
        dpi = max(40, round(width / 8.27 * self.devicePixelRatioF()))
        for number, image in enumerate(
            page_images(self.report, self.current_look(), self.paper.currentData(), dpi), start=1
        ):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            page = QLabel()
            page.setPixmap(pixmap)
            page.setAccessibleName(self.tr("Page {0}").format(number))
            page.setStyleSheet("border: 1px solid #888; background: white;")
            self.pages_layout.addWidget(page)

    def save_pdf(self) -> Path | None:
        """Ask where, then write the PDF of what is shown; returns the file written."""
        self._read = None  # saving reads the log afresh
        self.refresh()
        if self.report is None:
            return None
        start, end = self.period()
        path = self.target(Path.home() / f"pain-report-{start}-to-{end}.pdf")
        if path is None:
            return None
        try:
            pages = write_pdf(self.report, self.current_look(), path, self.paper.currentData())
        except OSError as trouble:
            self.message.setText(self.tr("Could not save {0}: {1}").format(path, trouble))
            return None
        self.message.setText(
            self.tr("Saved {0} ({1} page(s)). Print it, or send it to your doctor.").format(
                path, pages
            )
        )
        return path
