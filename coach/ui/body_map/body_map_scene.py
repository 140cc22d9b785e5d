"""The body map's scene: everything drawn that changes only with what is shown, size or palette.

That is each region's fill (its mark, or its heat), the highlights, the edges and outlines, the
numbers on marked regions, the figures' titles with the person's left and right, and the legend.
`BodyMapWidget` keeps the scene in a pixmap and draws the hover and focus outlines over it; the
words drawn are the body map widget's (translated in its context, `BodyMapWidget`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from coach.core.body.regions import View
from coach.ui.body_map.body_figures import BodyFigures
from coach.ui.body_map.intensity_scale import (
    intensity_colour,
    is_dark,
    paint_swatches,
    text_colour_on,
)


class BodyMapScene:
    """Draws the figures' scene into a pixmap; the number badges are cached (text is slow)."""

    def __init__(self, figures: BodyFigures) -> None:
        self.figures = figures
        self._badges: dict[tuple[int, float, float, bool], QPixmap] = {}

    def render(
        self,
        owner: QWidget,
        ratio: float,
        views: Sequence[View],
        transforms: Mapping[View, QTransform],
        *,
        marks: Mapping[str, int],
        heat: Mapping[str, tuple[float, str]],
        highlight: Set[str],
        legend: bool,
    ) -> QPixmap:
        """The scene at `owner`'s size, palette and font, `ratio` device pixels per pixel."""
        figures = self.figures
        scene = QPixmap(owner.size() * ratio)
        scene.setDevicePixelRatio(ratio)
        scene.fill(Qt.GlobalColor.transparent)
        painter = QPainter(scene)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = owner.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        base = QColor("#4a4541" if dark else "#ece6df")
        edge = QPen(QColor("#77706a" if dark else "#bdb3a8"), 1)
        edge.setCosmetic(True)
        outline = QPen(QColor("#d8d0c8" if dark else "#5f574f"), 1)
        outline.setCosmetic(True)
        accent = palette.color(QPalette.ColorRole.Highlight)
        tint = QColor(accent)
        tint.setAlpha(150)
        ring = QPen(accent, 1.5)
        ring.setCosmetic(True)
        for view in views:
            painter.setTransform(transforms[view])
            painter.fillPath(figures.outlines[view], base)  # one fill for every plain region
            for r in figures.by_view[view]:
                fill = region_fill(r, marks, heat, dark)
                if fill is not None:
                    painter.fillPath(figures.paths[r], fill)
                if r in highlight:
                    painter.fillPath(figures.paths[r], tint)
            painter.strokePath(figures.edges[view], edge)
            for r in highlight:
                if figures.view_of[r] == view:
                    painter.strokePath(figures.paths[r], ring)
            # Two hairlines half a pixel apart: as bold as a 1.5 px pen, and hairlines take the
            # raster engine's fast path (a wide pen's stroke costs ~7 ms here, these ~0.3 ms).
            painter.strokePath(figures.outlines[view], outline)
            shifted = transforms[view] * QTransform.fromTranslate(0.5, 0.5)
            painter.setTransform(shifted)
            painter.strokePath(figures.outlines[view], outline)
        painter.resetTransform()
        self._paint_numbers(painter, ratio, owner.font(), views, transforms, marks, dark)
        self._paint_labels(painter, text, owner, views, transforms)
        if legend:
            paint_legend(painter, text, owner)
        painter.end()
        return scene

    def _paint_numbers(
        self,
        painter: QPainter,
        ratio: float,
        font: QFont,
        views: Sequence[View],
        transforms: Mapping[View, QTransform],
        marks: Mapping[str, int],
        dark: bool = False,
    ) -> None:
        for r, value in marks.items():
            view = self.figures.view_of[r]
            if view not in views:
                continue
            t = transforms[view]
            (x, y), width = self.figures.spots[r]
            center = t.map(QPointF(x, y))
            radius = round(max(8.0, min(13.0, width * t.m11() / 2.4)) * 2) / 2
            badge = self._badge(value, radius, ratio, font, dark)
            painter.drawPixmap(QPointF(center.x() - radius - 1, center.y() - radius - 1), badge)

    def _badge(
        self, value: int, radius: float, ratio: float, font: QFont, dark: bool = False
    ) -> QPixmap:
        """A round label with the number, in the intensity's colour (cached: text is slow)."""
        key = (value, radius, ratio, dark)
        if key not in self._badges:
            side = 2 * radius + 2
            badge = QPixmap(round(side * ratio), round(side * ratio))
            badge.setDevicePixelRatio(ratio)
            badge.fill(Qt.GlobalColor.transparent)
            painter = QPainter(badge)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            fill = intensity_colour(value, dark)
            painter.setPen(QPen(text_colour_on(fill), 1.2))
            painter.setBrush(fill)
            painter.drawEllipse(QPointF(radius + 1, radius + 1), radius, radius)
            bold = QFont(font)
            bold.setBold(True)
            bold.setPixelSize(max(9, int(radius * 1.15)))
            painter.setFont(bold)
            painter.drawText(
                QRectF(1, 1, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, str(value)
            )
            painter.end()
            self._badges[key] = badge
        return self._badges[key]

    def _paint_labels(
        self,
        painter: QPainter,
        text: QColor,
        owner: QWidget,
        views: Sequence[View],
        transforms: Mapping[View, QTransform],
    ) -> None:
        font = owner.font()
        painter.setPen(text)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        metrics = QFontMetricsF(font)
        titles = {
            "front": QCoreApplication.translate("BodyMapWidget", "Front"),
            "back": QCoreApplication.translate("BodyMapWidget", "Back"),
        }
        bold = QFont(font)
        bold.setBold(True)
        for view in views:
            rect = transforms[view].mapRect(self.figures.bounds[view])
            painter.setFont(bold)
            painter.drawText(
                QRectF(rect.left(), 2, rect.width(), metrics.height() + 4),
                Qt.AlignmentFlag.AlignCenter,
                titles[view],
            )
            # the person's right is on the viewer's left on the front, on the right on the back
            left, right = (
                QCoreApplication.translate("BodyMapWidget", "R"),
                QCoreApplication.translate("BodyMapWidget", "L"),
            )
            if view == "back":
                left, right = right, left
            y = rect.top() + rect.height() * 0.16
            w = metrics.horizontalAdvance("M") + 8
            painter.drawText(
                QRectF(rect.left() - w, y, w, metrics.height()), Qt.AlignmentFlag.AlignCenter, left
            )
            painter.drawText(
                QRectF(rect.right(), y, w, metrics.height()), Qt.AlignmentFlag.AlignCenter, right
            )
        painter.setFont(font)


def region_fill(
    region_id: str,
    marks: Mapping[str, int],
    heat: Mapping[str, tuple[float, str]],
    dark: bool = False,
) -> QColor | None:
    """A region's colour: its mark's, else its heat's; None for a plain region."""
    if region_id in marks:
        return intensity_colour(marks[region_id], dark)
    if region_id in heat:
        return intensity_colour(heat[region_id][0], dark)
    return None


def paint_legend(painter: QPainter, text: QColor, owner: QWidget) -> None:
    """Along the bottom of `owner`, a map: the colour scale, and whose left and right are shown.

    The words are the map widget's (its context, `BodyMapWidget`)."""
    font, width, height = owner.font(), owner.width(), owner.height()
    metrics = QFontMetricsF(font)
    line = metrics.height()
    note = QCoreApplication.translate("BodyMapWidget", "Left and right are your own.")
    low, high = (
        QCoreApplication.translate("BodyMapWidget", "No pain"),
        QCoreApplication.translate("BodyMapWidget", "Worst"),
    )
    swatch = max(14.0, min(26.0, (width - 40 - metrics.horizontalAdvance(low + high)) / 11))
    total = 11 * swatch + metrics.horizontalAdvance(low) + metrics.horizontalAdvance(high) + 16
    x = (width - total) / 2
    y = height - line - swatch - 10
    painter.setPen(text)
    painter.drawText(QRectF(0, height - line - 4, width, line), Qt.AlignmentFlag.AlignCenter, note)
    painter.drawText(
        QRectF(x, y, metrics.horizontalAdvance(low), swatch), Qt.AlignmentFlag.AlignVCenter, low
    )
    x += metrics.horizontalAdvance(low) + 8
    paint_swatches(painter, x, y, swatch, font, is_dark(owner))
    painter.setPen(text)
    painter.drawText(
        QRectF(x + 11 * swatch + 8, y, metrics.horizontalAdvance(high) + 2, swatch),
        Qt.AlignmentFlag.AlignVCenter,
        high,
    )
