"""Drawing pieces of the clinician report: text on paper, tables, the pain chart, the body heat map.

Everything is in points (1/72 inch) on whatever device the painter has: a PDF page, or an image
for the preview. Only black, greys and white are used, with shapes and line styles that tell the
series apart, so the report reads the same printed in greyscale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QTransform

from coach.core.analytics.report import ClinicianReport
from coach.core.body.heat import HeatCell
from coach.core.body.regions import View
from coach.ui.body_map.body_figures import BodyFigures

FAMILY = "DejaVu Sans"  # ships with the Linux packages; Qt falls back to a sans font elsewhere
BLACK = QColor(0, 0, 0)
DARK = QColor(60, 60, 60)
MID = QColor(120, 120, 120)
LIGHT = QColor(200, 200, 200)
FAINT = QColor(235, 235, 235)
DENSE_DAYS = 200  # more days than this: the daily pain is a thin line, not dots


class Paper:
    """A painter whose unit is the point, with fonts sized in points whatever the device."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        device = painter.device()
        self.dpi = device.logicalDpiY()
        painter.scale(device.logicalDpiX() / 72, self.dpi / 72)

    def font(self, size: float, bold: bool = False, italic: bool = False) -> QFont:
        """A font `size` points tall on paper (the painter's scale is undone for its size)."""
        font = QFont(FAMILY)
        font.setPointSizeF(size * 72 / self.dpi)
        font.setBold(bold)
        font.setItalic(italic)
        font.setKerning(True)
        return font

    def text(
        self,
        rect: QRectF,
        text: str,
        size: float = 9.5,
        *,
        bold: bool = False,
        italic: bool = False,
        color: QColor = BLACK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        wrap: bool = True,
    ) -> float:
        """Draw `text` in `rect` (wrapped at words unless `wrap` is False); returns its height."""
        self.painter.setFont(self.font(size, bold, italic))
        self.painter.setPen(color)
        flags = int(align | Qt.AlignmentFlag.AlignTop)
        if wrap:
            flags |= int(Qt.TextFlag.TextWordWrap)
        bounds = self.painter.boundingRect(rect, flags, text)
        self.painter.drawText(rect, flags, text)
        return bounds.height()

    def height_of(self, width: float, text: str, size: float = 9.5, bold: bool = False) -> float:
        """How tall `text` would be, wrapped to `width`."""
        self.painter.setFont(self.font(size, bold))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return self.painter.boundingRect(QRectF(0, 0, width, 10_000), flags, text).height()

    def width_of(self, text: str, size: float = 9.5, bold: bool = False) -> float:
        """How wide `text` would be on one line."""
        self.painter.setFont(self.font(size, bold))
        flags = int(Qt.AlignmentFlag.AlignLeft)
        return self.painter.boundingRect(QRectF(0, 0, 10_000, 100), flags, text).width()

    def rule(self, x: float, y: float, width: float, color: QColor = LIGHT) -> None:
        """A thin horizontal line."""
        self.painter.setPen(QPen(color, 0.6))
        self.painter.drawLine(QPointF(x, y), QPointF(x + width, y))

    def table(
        self,
        x: float,
        y: float,
        widths: Sequence[float],
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        size: float = 8.5,
        right: frozenset[int] = frozenset(),
    ) -> float:
        """A table with a bold header and light rules; columns in `right` align right.

        Cells are cut to their column on one line. Returns its height.
        """
        line = size * 1.55
        total = sum(widths)
        for row_index, row in enumerate([header, *rows]):
            left = x
            top = y + row_index * line
            if row_index % 2 == 0 and row_index:
                self.painter.fillRect(QRectF(x, top, total, line), FAINT)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
                align = (
                    Qt.AlignmentFlag.AlignRight if column in right else Qt.AlignmentFlag.AlignLeft
                )
                self.painter.setFont(self.font(size, bold=row_index == 0))
                metrics_cell = self.painter.fontMetrics().elidedText(
                    cell, Qt.TextElideMode.ElideRight, int(width - 6)
                )
                self.painter.setPen(BLACK)
                self.painter.drawText(
                    QRectF(left + 2, top + size * 0.25, width - 6, line),
                    int(align | Qt.AlignmentFlag.AlignTop),
                    metrics_cell,
                )
                left += width
            if row_index == 0:
                self.rule(x, top + line - 1, total, MID)
        return line * (len(rows) + 1)


def draw_pain_chart(paper: Paper, rect: QRectF, report: ClinicianReport) -> None:
    """Pain per day (dots), its 7-day average (a thick line) and worst pain (grey dashes),
    on a 0-10 scale over the period; gaps where nothing was logged."""
    p = paper.painter
    left_room, bottom_room = 18.0, 14.0
    plot = QRectF(rect.left() + left_room, rect.top() + 4, rect.width() - left_room - 4,
                  rect.height() - bottom_room - 4)  # fmt: skip
    count = len(report.dates)
    step = plot.width() / max(1, count - 1) if count > 1 else 0.0

    def point(index: int, value: float) -> QPointF:
        x = plot.left() + (index * step if count > 1 else plot.width() / 2)
        return QPointF(x, plot.bottom() - value / 10 * plot.height())

    p.setFont(paper.font(7))
    for level in range(0, 11, 2):
        y = plot.bottom() - level / 10 * plot.height()
        p.setPen(QPen(LIGHT if level else MID, 0.5))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(DARK)
        p.drawText(QRectF(rect.left(), y - 5, left_room - 4, 10),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(level))  # fmt: skip
    _date_ticks(paper, plot, report.dates, step)

    dense = count > DENSE_DAYS
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    worst_pen = QPen(MID, 0.9)
    p.setPen(worst_pen)
    half = max(0.5, min(1.8, step * 0.3))
    if not dense:
        for i, value in enumerate(report.worst_series):
            if value is not None:
                c = point(i, value)
                p.drawLine(QPointF(c.x() - half, c.y()), QPointF(c.x() + half, c.y()))
    if dense:
        _polyline(p, [point(i, v) if v is not None else None
                      for i, v in enumerate(report.pain_series)], QPen(LIGHT, 0.5))  # fmt: skip
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(DARK))
        radius = max(0.7, min(1.7, step * 0.35))
        for i, value in enumerate(report.pain_series):
            if value is not None:
                p.drawEllipse(point(i, value), radius, radius)
    p.setBrush(Qt.BrushStyle.NoBrush)
    _polyline(p, [point(i, v) if v is not None else None
                  for i, v in enumerate(report.pain_average)], QPen(BLACK, 1.6))  # fmt: skip
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _polyline(p: QPainter, points: Sequence[QPointF | None], pen: QPen) -> None:
    """Lines through the points, broken where a point is missing."""
    p.setPen(pen)
    path = QPainterPath()
    drawing = False
    for pt in points:
        if pt is None:
            drawing = False
        elif drawing:
            path.lineTo(pt)
        else:
            path.moveTo(pt)
            drawing = True
    p.drawPath(path)


def _date_ticks(paper: Paper, plot: QRectF, dates: Sequence[dt.date], step: float) -> None:
    if not dates:
        return
    p = paper.painter
    span = len(dates)
    if span <= 45:
        marks = [(i, f"{d.day} {d:%b}") for i, d in enumerate(dates) if d.weekday() == 0]
    elif span <= 750:
        every = 1 if span <= 400 else 2
        marks = [(i, f"{d:%b}" + (f" {d:%Y}" if d.month == 1 or i == 0 else ""))
                 for i, d in enumerate(dates)
                 if d.day == 1 and (d.month - 1) % every == 0]  # fmt: skip
    else:
        every = max(1, span // 3650 + 1)
        marks = [(i, str(d.year)) for i, d in enumerate(dates)
                 if d.month == 1 and d.day == 1 and d.year % every == 0]  # fmt: skip
    p.setFont(paper.font(6.5))
    for index, label in marks:
        x = plot.left() + index * step
        p.setPen(QPen(MID, 0.5))
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 2.5))
        p.setPen(DARK)
        p.drawText(QRectF(x - 30, plot.bottom() + 3, 60, 10),
                   int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)  # fmt: skip


def chart_legend(paper: Paper, x: float, y: float, dense: bool = False) -> None:
    """The chart's key, on one line from (x, y); `dense`: the daily pain is a thin grey line."""
    p = paper.painter
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if dense:
        p.setPen(QPen(LIGHT, 1.0))
        p.drawLine(QPointF(x, y + 5), QPointF(x + 6, y + 5))
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(DARK))
        p.drawEllipse(QPointF(x + 3, y + 5), 1.7, 1.7)
    # Each label is measured, so a longer translation pushes the next sample along instead of under it.
    x += 8
    words = QCoreApplication.translate("ClinicianReport", "pain that day")
    paper.text(QRectF(x, y, 200, 10), words, 7.5, wrap=False)
    x += paper.width_of(words, 7.5) + 8
    p.setPen(QPen(BLACK, 1.6))
    p.drawLine(QPointF(x, y + 5), QPointF(x + 14, y + 5))
    x += 18
    words = QCoreApplication.translate("ClinicianReport", "7-day average")
    paper.text(QRectF(x, y, 200, 10), words, 7.5, wrap=False)
    x += paper.width_of(words, 7.5) + 8
    p.setPen(QPen(MID, 0.9))
    p.drawLine(QPointF(x, y + 5), QPointF(x + 5, y + 5))
    x += 9
    words = QCoreApplication.translate("ClinicianReport", "worst pain")
    paper.text(QRectF(x, y, 200, 10), words, 7.5, wrap=False)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def heat_grey(score: float) -> QColor:
    """White for 0 to near-black for 10: darker means more often and more strongly."""
    level = int(round(255 - max(0.0, min(10.0, score)) / 10 * 215))
    return QColor(level, level, level)


def draw_body_heat(
    paper: Paper, rect: QRectF, figures: BodyFigures, heat: Mapping[str, HeatCell]
) -> None:
    """The front and back figures side by side in `rect`, each area shaded by its heat score."""
    p = paper.painter
    label_room = 11.0
    views: tuple[View, View] = ("front", "back")
    bounds = [figures.bounds[v] for v in views]
    gap = 14.0
    scale = min(
        (rect.width() - gap) / sum(b.width() for b in bounds),
        (rect.height() - label_room) / max(b.height() for b in bounds),
    )
    x = rect.left() + (rect.width() - gap - sum(b.width() for b in bounds) * scale) / 2
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for view, b in zip(views, bounds, strict=True):
        transform = QTransform()
        transform.translate(x, rect.top() + label_room)
        transform.scale(scale, scale)
        transform.translate(-b.left(), -b.top())
        p.save()
        p.setWorldTransform(transform, combine=True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(255, 255, 255)))
        p.drawPath(figures.outlines[view])
        for region in figures.by_view[view]:
            cell = heat.get(region)
            if cell is not None and cell.days_marked:
                p.setBrush(QBrush(heat_grey(cell.score)))
                p.drawPath(figures.paths[region])
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(LIGHT, 0.4 / scale))
        p.drawPath(figures.edges[view])
        p.setPen(QPen(DARK, 0.8 / scale))
        p.drawPath(figures.outlines[view])
        p.restore()
        if view == "front":
            title = QCoreApplication.translate("ClinicianReport", "Front")
        else:
            title = QCoreApplication.translate("ClinicianReport", "Back")
        paper.text(QRectF(x, rect.top(), b.width() * scale, 10), title, 7, bold=True,
                   align=Qt.AlignmentFlag.AlignHCenter, wrap=False)  # fmt: skip
        x += b.width() * scale + gap
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def heat_key(paper: Paper, x: float, y: float, width: float) -> float:
    """The shading's key: six boxes from 0 to 10 and what the shade means; returns its height."""
    p = paper.painter
    box = min(14.0, width / 8)
    for i, score in enumerate(range(0, 11, 2)):
        left = x + i * (box + 2)
        p.fillRect(QRectF(left, y, box, box * 0.7), heat_grey(score))
        p.setPen(QPen(MID, 0.4))
        p.drawRect(QRectF(left, y, box, box * 0.7))
        paper.text(QRectF(left - 4, y + box * 0.7 + 1, box + 8, 9), str(score), 6,
                   align=Qt.AlignmentFlag.AlignHCenter, wrap=False)  # fmt: skip
    caption = QCoreApplication.translate(
        "ClinicianReport", "Darker: marked more often and more strongly (0-10)."
    )
    used = box * 0.7 + 10
    return used + paper.text(QRectF(x, y + used, width, 30), caption, 6.5, color=DARK)
