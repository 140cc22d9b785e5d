"""The body map's canvas: the front and back figures drawn, laid out and hit-tested.

`BodyMapCanvas` draws the artwork of assets/body_map.svg (read by coach.core.body.body_shapes) as
vector paths, so it stays crisp at any size: the marks, the heat map and the highlighted regions
(drawn once into a cached scene by `coach.ui.body_map.body_map_scene`), then the outlines of the
region under the pointer and of the keyboard's current one. It finds the region under a point
exactly by its shape, and shows one view at a time with a toggle when narrow. What a person does
on it (marking, the keyboard, the 0-10 popup) is `coach.ui.body_map.body_map_widget.BodyMapWidget`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, QSize
from PySide6.QtGui import (
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue, View
from coach.ui.body_map.body_figures import BodyFigures
from coach.ui.body_map.body_map_scene import BodyMapScene

NARROW_WIDTH = 460  # below this many pixels, "auto" shows one view at a time with a toggle
VIEW_MODES = ("auto", "both", "front", "back")


class BodyMapCanvas(QWidget):
    """The figures, front and back, drawn with their marks, heat or highlights, and the outlines
    of the hovered and the current region. Left and right are the person's own: on the front
    figure their left is on the viewer's right.
    """

    # subclassed: its words are translated in its own context, not with self.tr (which looks
    # them up under the subclass)

    def __init__(
        self,
        catalogue: RegionCatalogue,
        shapes: BodyShapes,
        *,
        interactive: bool = True,
        legend: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.shapes = shapes
        self.interactive = interactive
        self.legend = interactive if legend is None else legend
        self.figures = BodyFigures(catalogue, shapes)
        self._marks: dict[str, int] = {}
        self._heat: dict[str, tuple[float, str]] = {}
        self._highlight: set[str] = set()
        self._hover: str | None = None
        self._current: str | None = None
        self._mode = "auto"
        self._single: View = "front"
        self._transforms: dict[View, QTransform] = {}
        self._layout_key: tuple[int, int, tuple[View, ...]] | None = None
        self._scene: QPixmap | None = None
        self._scene_key: tuple[int, int, float, int] | None = None
        self._scene_version = 0
        self._renderer = BodyMapScene(self.figures)
        self.narrow_width = NARROW_WIDTH
        self.setMinimumSize(160, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.toggle = QToolButton(self)
        self.toggle.clicked.connect(self._toggle_clicked)
        self.toggle.hide()

    # -- what is shown ---------------------------------------------------------------------------

    def highlight(self, region_ids: Iterable[str]) -> None:
        """Draw these regions highlighted (the player's current step, suggestions)."""
        self._highlight = {r for r in region_ids if r in self.figures.paths}
        self._changed()

    def highlighted(self) -> set[str]:
        """The highlighted regions."""
        return set(self._highlight)

    def set_heat(self, cells: Mapping[str, tuple[float, str]]) -> None:
        """Colour regions by a 0-10 value with a hover text each, as a heat map ({} clears)."""
        self._heat = {
            r: (float(v), str(text)) for r, (v, text) in cells.items() if r in self.figures.paths
        }
        self._changed()  # the heat is in the cached scene: draw it again

    def set_views(self, mode: str) -> None:
        """Show "both" views side by side, "front" or "back" alone, or "auto": both unless narrow."""
        if mode not in VIEW_MODES:
            raise ValueError(f"views are one of {VIEW_MODES}, got {mode!r}")
        self._mode = mode
        if mode in ("front", "back"):
            self._single = "front" if mode == "front" else "back"
        self._relayout()

    def views(self) -> tuple[View, ...]:
        """The views drawn now, left to right."""
        if self._mode == "both" or (self._mode == "auto" and self.width() >= self.narrow_width):
            return ("front", "back")
        return (self._single,)

    def show_view(self, view: View) -> None:
        """Which view to show when only one fits (or is asked for)."""
        if view != self._single:
            self._single = view
            if self._mode in ("front", "back"):
                self._mode = view
            self._relayout()

    # -- geometry ----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(620, 600)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 220)

    def region_at(self, pos: QPointF | QPoint) -> str | None:
        """The region under a point in widget coordinates, exactly by its shape."""
        point = QPointF(pos)
        for view in self.views():
            inverse, ok = self._transform(view).inverted()
            if not ok:
                continue
            p = inverse.map(point)
            if not self.figures.bounds[view].adjusted(-1, -1, 1, 1).contains(p):
                continue
            found = self.figures.region_in(view, p)
            if found is None and self.figures.outlines[view].contains(p):
                # exactly on a shared edge: take the neighbour a hair's breadth away
                for dx, dy in ((0.3, 0), (-0.3, 0), (0, 0.3), (0, -0.3)):
                    found = found or self.figures.region_in(view, p + QPointF(dx, dy))
            return found
        return None

    def region_rect(self, region_id: str) -> QRectF:
        """Where a region is drawn, in widget coordinates (empty if its view is hidden)."""
        view = self.figures.view_of[region_id]
        if view not in self.views():
            return QRectF()
        return self._transform(view).mapRect(self.figures.paths[region_id].boundingRect())

    def region_point(self, region_id: str) -> QPointF:
        """A point well inside a region, in widget coordinates (where its number is drawn)."""
        (x, y), _ = self.figures.spots[region_id]
        return self._transform(self.figures.view_of[region_id]).map(QPointF(x, y))

    def view_transform(self, view: View) -> QTransform:
        """From the artwork's coordinates to the widget's, for a view on show."""
        return QTransform(self._transform(view))

    def _transform(self, view: View) -> QTransform:
        if self._layout_key != (self.width(), self.height(), self.views()):
            self._relayout()
        return self._transforms[view]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        views = self.views()
        self._layout_key = (self.width(), self.height(), views)
        self._transforms = self.figures.place(
            views, self.width(), self.height(), self.font(), legend=self.legend
        )
        single = len(views) == 1
        self.toggle.setVisible(single)
        if single:
            other = "back" if views[0] == "front" else "front"
            self.toggle.setText(
                QCoreApplication.translate("BodyMapCanvas", "Show back")
                if other == "back"
                else QCoreApplication.translate("BodyMapCanvas", "Show front")
            )
            self.toggle.setAccessibleName(self.toggle.text())
            self.toggle.adjustSize()
            self.toggle.move(self.width() - self.toggle.width() - 4, 2)
        self._changed()

    def _toggle_clicked(self) -> None:
        self.show_view("back" if self._single == "front" else "front")

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """The cached scene (fills, edges, numbers, labels), then hover and focus outlines."""
        self._transform("front")  # lays out first if the size changed since
        painter = QPainter(self)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self._scene_version)
        if self._scene is None or self._scene_key != key:
            self._scene = self._renderer.render(
                self,
                ratio,
                self.views(),
                self._transforms,
                marks=self._marks,
                heat=self._heat,
                highlight=self._highlight,
                legend=self.legend,
            )
            self._scene_key = key
        painter.drawPixmap(0, 0, self._scene)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        shown = self.views()
        emphasis = []
        if self._hover is not None:
            emphasis.append((self._hover, QPen(accent, 2.5)))
        if self._current is not None and self.hasFocus():
            emphasis.append((self._current, QPen(palette.color(QPalette.ColorRole.WindowText), 3)))
        for r, pen in emphasis:
            if self.figures.view_of[r] in shown:
                painter.strokePath(
                    self._transforms[self.figures.view_of[r]].map(self.figures.paths[r]), pen
                )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._relayout()
        super().changeEvent(event)

    # -- state changes -----------------------------------------------------------------------------

    def _changed(self) -> None:
        """The scene must be drawn again."""
        self._scene_version += 1
        self.update()
