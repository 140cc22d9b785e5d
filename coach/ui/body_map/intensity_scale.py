"""The 0-10 intensity colours of the body map and the heat map, and the legends that explain them.

One sequential scale, sand to orange to red to plum, with even steps of lightness (CIE L* from 95
to 10, 6-10 apart): it is ordered by lightness alone, so it reads the same with every kind of colour
blindness, and neighbouring numbers (5 and 6) look different. More pain is further from the plain
figure: on a light window the scale runs light to dark, on a dark window from near the figure's
own shade up to light, so 0 is the quietest colour and 10 the loudest in both. The number is drawn on the colour too, so colour is
never alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.log.entries import RATING_MAX, RATING_MIN

SCALE = (
    "#f7efe3",
    "#f6dcb9",
    "#f4c38c",
    "#f0a463",
    "#e78443",
    "#d8622e",
    "#bf4428",
    "#9c2c2a",
    "#77202c",
    "#53172b",
    "#330f24",
)  # 0 to 10 on a light window; see DARK_START for a dark one


_COLOURS: list[QColor] = []
# On a dark window the scale runs back up from this point of the light one (L* 33, close to the
# plain figure's 30) to its 0: the darkest plums would be louder there than the mild marks.
DARK_START = 7.3


def intensity_colour(value: float, dark: bool = False) -> QColor:
    """The colour of an intensity 0-10 on a light (or `dark`) window; fractions blend."""
    if not _COLOURS:
        _COLOURS.extend(QColor(c) for c in SCALE)
    value = max(RATING_MIN, min(RATING_MAX, value))
    if dark:
        value = DARK_START * (1 - value / RATING_MAX)
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


def is_dark(widget: QWidget) -> bool:
    """Whether `widget` is drawn on a dark window (the scale then runs dark to light)."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def paint_swatches(
    painter: QPainter, x: float, y: float, swatch: float, font: QFont, dark: bool = False
) -> None:
    """The eleven colours in a row from (x, y), `swatch` pixels square, each with its number.

    The numbers are in a smaller `font`; the painter is left with `font` itself.
    """
    small = QFont(font)
    small.setPixelSize(max(8, int(swatch * 0.5)))
    painter.setFont(small)
    for n in range(RATING_MIN, RATING_MAX + 1):
        fill = intensity_colour(n, dark)
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
            self.tr("From 0, rarely or mildly, to 10, often and strongly. Plain: never marked.")
        )
        self.setMinimumHeight(self.fontMetrics().height() + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        swatch = float(min(22, max(12, (self.width() - 40) // 24)))
        low, high = self.low, self.high
        if 11 * swatch + metrics.horizontalAdvance(low + high) + 16 > self.width():
            low, high = self.tr("Rarely"), self.tr("Often")  # a narrow window, or large text
        low_w = metrics.horizontalAdvance(low)
        total = 11 * swatch + low_w + metrics.horizontalAdvance(high) + 16
        x = (self.width() - total) / 2
        box = QRectF(x, 0, low_w, self.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, low)
        x += low_w + 8
        paint_swatches(painter, x, (self.height() - swatch) / 2, swatch, self.font(), is_dark(self))
        painter.setPen(self.palette().windowText().color())
        rest = QRectF(x + 11 * swatch + 8, 0, self.width(), self.height())
        painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter, high)
