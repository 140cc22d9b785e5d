"""The 0-10 intensity colours of the body map and the heat map, and the legends that explain them.

Viridis from light (0) to dark (10): ordered in lightness and readable with every common kind of
colour blindness; the number is drawn on the colour too, so colour is never alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.log import RATING_MAX, RATING_MIN

SCALE = (
    "#fde725", "#c2df23", "#86d549", "#52c569", "#2ab07f", "#1e9b8a",
    "#25858e", "#2d708e", "#38588c", "#433e85", "#482173",
)  # fmt: skip


_COLOURS: list[QColor] = []


def intensity_colour(value: float) -> QColor:
    """The colour of an intensity 0-10 (fractions blend between neighbouring steps)."""
    if not _COLOURS:
        _COLOURS.extend(QColor(c) for c in SCALE)
    value = max(RATING_MIN, min(RATING_MAX, value))
    low = int(value)
    if low == value:
        return QColor(_COLOURS[low])
    a, b, t = _COLOURS[low], _COLOURS[low + 1], value - low
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def text_colour_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill`."""
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return QColor("#111111") if luminance > 0.45 else QColor("#ffffff")


def paint_swatches(painter: QPainter, x: float, y: float, swatch: float, font: QFont) -> None:
    """The eleven colours in a row from (x, y), `swatch` pixels square, each with its number.

    The numbers are in a smaller `font`; the painter is left with `font` itself.
    """
    small = QFont(font)
    small.setPixelSize(max(8, int(swatch * 0.5)))
    painter.setFont(small)
    for n in range(RATING_MIN, RATING_MAX + 1):
        fill = intensity_colour(n)
        box = QRectF(x + n * swatch, y, swatch, swatch)
        painter.fillRect(box, fill)
        painter.setPen(text_colour_on(fill))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(n))
    painter.setFont(font)


class HeatLegend(QWidget):
    """The heat map's colour scale: pale is rarely or mildly, dark is often and strongly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = self.tr("Rarely or mildly"), self.tr("Often and strongly")
        self.setAccessibleName(self.tr("Heat scale"))
        self.setAccessibleDescription(
            self.tr("From 0, rarely or mildly, to 10, often and strongly. Grey: never marked.")
        )
        self.setMinimumHeight(self.fontMetrics().height() + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        swatch = float(min(22, max(12, (self.width() - 40) // 24)))
        low_w = metrics.horizontalAdvance(self.low)
        total = 11 * swatch + low_w + metrics.horizontalAdvance(self.high) + 16
        x = (self.width() - total) / 2
        box = QRectF(x, 0, low_w, self.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, self.low)
        x += low_w + 8
        paint_swatches(painter, x, (self.height() - swatch) / 2, swatch, self.font())
        painter.setPen(self.palette().windowText().color())
        rest = QRectF(x + 11 * swatch + 8, 0, self.width(), self.height())
        painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter, self.high)
