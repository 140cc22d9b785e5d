"""The body map's artwork as Qt paths: each region's shape, and each figure's outline and edges.

`BodyFigures` holds them in the artwork's coordinates (assets/body_map.svg, read by
coach.core.body.body_shapes), finds the region at a point and the keyboard's next region in a
direction, and places the figures in a widget of a given size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath, QTransform

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue, View
from coach.core.body.svg_path import Subpath


def painter_path(subpaths: Iterable[Subpath]) -> QPainterPath:
    """A QPainterPath of parsed subpaths (non-zero fill, as in SVG)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for sub in subpaths:
        path.moveTo(*sub.start)
        for seg in sub.segments:
            pts = [QPointF(*p) for p in seg.points]
            if len(pts) == 1:
                path.lineTo(pts[0])
            elif len(pts) == 2:
                path.quadTo(pts[0], pts[1])
            else:
                path.cubicTo(pts[0], pts[1], pts[2])
        if sub.closed:
            path.closeSubpath()
    return path


class BodyFigures:
    """The front and back figures: the catalogue's regions that the artwork draws, as paths.

    `order` is the catalogue's order; `spots` is where each region's number goes (and how wide
    the region is there); `edges` are a view's region borders as one path, `bounds` its outline's.
    """

    def __init__(self, catalogue: RegionCatalogue, shapes: BodyShapes) -> None:
        self.order = [r for r in catalogue.regions if r in shapes.regions]
        self.paths = {r: painter_path(shapes.regions[r].subpaths) for r in self.order}
        self.spots = {r: shapes.regions[r].label_spot() for r in self.order}
        self.view_of: dict[str, View] = {r: shapes.regions[r].view for r in self.order}
        self.boxes = {r: path.boundingRect() for r, path in self.paths.items()}
        self.by_view: dict[View, list[str]] = {
            v: [r for r in self.order if self.view_of[r] == v] for v in ("front", "back")
        }
        self.outlines: dict[View, QPainterPath] = {}
        self.edges: dict[View, QPainterPath] = {}
        self.bounds: dict[View, QRectF] = {}
        for view in ("front", "back"):
            self.outlines[view] = painter_path(shapes.outlines[view])
            edges = QPainterPath()
            for r in self.by_view[view]:
                edges.addPath(self.paths[r])
            self.edges[view] = edges
            self.bounds[view] = self.outlines[view].boundingRect()
        self.nav = self._navigation_points()

    def region_in(self, view: View, p: QPointF) -> str | None:
        """The region of `view` whose shape holds `p` (artwork coordinates), if any."""
        for r in self.by_view[view]:
            if self.boxes[r].contains(p) and self.paths[r].contains(p):
                return r
        return None

    def place(
        self, views: Sequence[View], width: int, height: int, font: QFont, *, legend: bool
    ) -> dict[View, QTransform]:
        """Each view's transform to a widget `width` by `height` showing `views` side by side,
        with room for the titles and L/R labels in `font`, and below for the legend if `legend`."""
        metrics = QFontMetricsF(font)
        line = metrics.height()
        top = line + 8
        bottom = (2 * line + 34) if legend else 6
        side = metrics.horizontalAdvance("M") + 10  # room for the L and R labels
        widths = [self.bounds[v].width() for v in views]
        tallest = max(self.bounds[v].height() for v in views)
        gap = 3 * side  # the two figures' labels must not read as one
        avail_w = width - 2 * side - gap * (len(views) - 1)
        avail_h = height - top - bottom
        scale = max(0.05, min(avail_w / sum(widths), avail_h / tallest))
        x = (width - sum(widths) * scale - gap * (len(views) - 1)) / 2
        transforms: dict[View, QTransform] = {}
        for view, view_width in zip(views, widths, strict=True):
            b = self.bounds[view]
            t = QTransform()
            t.translate(x, top + (avail_h - b.height() * scale) / 2)
            t.scale(scale, scale)
            t.translate(-b.left(), -b.top())
            transforms[view] = t
            x += view_width * scale + gap
        for view in ("front", "back"):  # a hidden view sits where the shown one is
            if view not in transforms:
                transforms[view] = transforms[views[0]]
        return transforms

    def neighbour(self, region_id: str | None, direction: tuple[float, float]) -> str:
        """The nearest region in a direction (within a cone, else anywhere that way)."""
        if region_id is None:
            return self.order[0]
        x, y = self.nav[region_id]
        dx, dy = direction
        best: tuple[float, str] | None = None
        fallback: tuple[float, str] | None = None
        for r, (rx, ry) in self.nav.items():
            along = (rx - x) * dx + (ry - y) * dy
            across = abs((rx - x) * dy - (ry - y) * dx)
            if r == region_id or along <= 0.5:
                continue
            score = along + 2.5 * across
            if across <= 1.5 * along and (best is None or score < best[0]):
                best = (score, r)
            if fallback is None or score < fallback[0]:
                fallback = (score, r)
        chosen = best or fallback
        return chosen[1] if chosen else region_id

    def _navigation_points(self) -> dict[str, tuple[float, float]]:
        """Each region's centre with the views side by side, front on the left, as drawn."""
        out = {}
        offset = {"front": 0.0, "back": self.bounds["front"].width() + 40.0}
        for r in self.order:
            b = self.bounds[self.view_of[r]]
            (x, y), _ = self.spots[r]
            out[r] = (x - b.left() + offset[self.view_of[r]], y - b.top())
        return out
