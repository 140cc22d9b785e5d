"""The body map: a front and a back figure whose regions can be hovered, marked 0-10 and cleared.

`BodyMapWidget` draws the artwork of assets/body_map.svg (read by coach.core.body_shapes) as
vector paths, so it stays crisp at any size. It is also the player's small read-only figure
(`interactive=False` with `highlight()`) and the heat map (`set_heat()`). `MarkedList` is its
accessible twin: the marked regions as a list that can be edited from the keyboard.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QElapsedTimer, QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QWidget,
)

from coach.core.body_shapes import BodyShapes, Subpath
from coach.core.log import RATING_MAX, RATING_MIN
from coach.core.regions import RegionCatalogue, View
from coach.ui.rating_scale import TEN_WINDOW_MS

DEFAULT_INTENSITY = 5
NARROW_WIDTH = 460  # below this many pixels, "auto" shows one view at a time with a toggle
VIEW_MODES = ("auto", "both", "front", "back")
# Viridis from light (0) to dark (10): ordered in lightness and readable with every common
# kind of colour blindness; the number is drawn on the region too, so colour is never alone.
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


class IntensityPopup(QFrame):
    """A small popup row of 0-10 buttons and Clear; emits `chosen` with an int or None."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("How much it hurts, 0 to 10"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(3)
        self.buttons: list[QToolButton] = []
        for number in range(RATING_MIN, RATING_MAX + 1):
            button = QToolButton()
            button.setText(str(number))
            button.setAccessibleName(self.tr("{0} of 10").format(number))
            fill = intensity_colour(number)
            button.setStyleSheet(
                f"QToolButton {{ background: {fill.name()}; color: {text_colour_on(fill).name()};"
                " min-width: 26px; min-height: 26px; border: 1px solid palette(mid);"
                " border-radius: 4px; }"
                " QToolButton:focus, QToolButton:hover { border: 2px solid palette(window-text); }"
            )
            button.clicked.connect(lambda _=False, n=number: self._choose(n))
            layout.addWidget(button)
            self.buttons.append(button)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear this area"))
        self.clear_button.clicked.connect(lambda: self._choose(None))
        layout.addWidget(self.clear_button)

    def open_at(self, global_pos: QPoint, value: int | None, title: str) -> None:
        """Show below `global_pos` with `value`'s button focused."""
        self.setWindowTitle(title)
        self.setAccessibleDescription(title)
        self.adjustSize()
        pos = global_pos - QPoint(self.width() // 2, -12)
        owner = self.parentWidget()
        screen = owner.screen() if owner is not None else None
        if screen is not None:  # keep it on the screen
            area = screen.availableGeometry()
            pos.setX(max(area.left(), min(pos.x(), area.right() - self.width())))
            if pos.y() + self.height() > area.bottom():
                pos.setY(global_pos.y() - self.height() - 12)
        self.move(pos)
        self.show()
        self.buttons[DEFAULT_INTENSITY if value is None else value].setFocus()

    def _choose(self, value: int | None) -> None:
        self.hide()
        self.chosen.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits choose, arrows move, Enter chooses the focused number, Delete clears, Esc closes.

        A "1" closes the popup with 1; a "0" right after it reaches the map, which makes it 10.
        """
        key = event.key()
        focused = next((i for i, b in enumerate(self.buttons) if b.hasFocus()), None)
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self._choose(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and focused is not None:
            step = -1 if key == Qt.Key.Key_Left else 1
            self.buttons[max(0, min(RATING_MAX, focused + step))].setFocus()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focused is not None:
            self._choose(focused)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
        elif key == Qt.Key.Key_Escape:
            self.hide()
        else:
            super().keyPressEvent(event)


class BodyMapWidget(QWidget):
    """The figures, front and back. Hover names a region; click marks it (5 by default); click a
    marked region for a 0-10 popup; right-click or Delete clears. Keyboard: arrows move between
    regions, Home/End and Page Up/Down go through them in order, digits set the intensity
    ("1" then "0" is 10), Enter opens the popup, Delete clears.

    Left and right are the person's own: on the front figure their left is on the viewer's right.
    """

    marks_changed = Signal(dict)  # the user changed the marks: {region id: 0-10}
    marks_shown = Signal()  # the marks on show changed, by the user or by set_marks()
    hovered = Signal(object)  # region id under the pointer, or None
    current_changed = Signal(object)  # the keyboard's current region id, or None

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
        self._order = [r for r in catalogue.regions if r in shapes.regions]
        self._paths = {r: painter_path(shapes.regions[r].subpaths) for r in self._order}
        self._spots = {r: shapes.regions[r].label_spot() for r in self._order}
        self._view_of: dict[str, View] = {r: shapes.regions[r].view for r in self._order}
        self._boxes = {r: path.boundingRect() for r, path in self._paths.items()}
        self._by_view: dict[View, list[str]] = {
            v: [r for r in self._order if self._view_of[r] == v] for v in ("front", "back")
        }
        self._outlines: dict[View, QPainterPath] = {}
        self._edges: dict[View, QPainterPath] = {}
        self._bounds: dict[View, QRectF] = {}
        for view in ("front", "back"):
            self._outlines[view] = painter_path(shapes.outlines[view])
            edges = QPainterPath()
            for r in self._by_view[view]:
                edges.addPath(self._paths[r])
            self._edges[view] = edges
            self._bounds[view] = self._outlines[view].boundingRect()
        self._nav = self._navigation_points()
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
        self._badges: dict[tuple[int, float, float], QPixmap] = {}
        self._label_rects: list[tuple[QRectF, str]] = []
        self._last_one = QElapsedTimer()
        self.narrow_width = NARROW_WIDTH

        self.setMouseTracking(True)
        self.setMinimumSize(160, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Body map") if interactive else self.tr("Areas worked on"))
        self.toggle = QToolButton(self)
        self.toggle.clicked.connect(self._toggle_clicked)
        self.toggle.hide()
        self.popup = IntensityPopup(self)
        self.popup.chosen.connect(self._popup_chosen)
        self._describe_current()

    # -- what is shown ---------------------------------------------------------------------------

    def marks(self) -> dict[str, int]:
        """The marked regions with their intensity 0-10."""
        return dict(self._marks)

    def set_marks(self, marks: Mapping[str, int]) -> None:
        """Show `marks` (unknown region ids are ignored) without emitting `marks_changed`."""
        self._marks = {r: int(v) for r, v in marks.items() if r in self._paths}
        self._marks_updated(user=False)

    def set_mark(self, region_id: str, value: int | None) -> None:
        """Mark a region 0-10, or clear it with None, as the user would (emits on a change)."""
        if region_id not in self._paths:
            raise KeyError(region_id)
        if value is not None and not RATING_MIN <= value <= RATING_MAX:
            raise ValueError(f"an intensity is from {RATING_MIN} to {RATING_MAX}, got {value}")
        if self._marks.get(region_id) == value:
            return
        if value is None:
            del self._marks[region_id]
        else:
            self._marks[region_id] = value
        self._marks_updated(user=True)

    def highlight(self, region_ids: Iterable[str]) -> None:
        """Draw these regions highlighted (the player's current step, suggestions)."""
        self._highlight = {r for r in region_ids if r in self._paths}
        self._changed()

    def highlighted(self) -> set[str]:
        """The highlighted regions."""
        return set(self._highlight)

    def set_heat(self, cells: Mapping[str, tuple[float, str]]) -> None:
        """Colour regions by a 0-10 value with a hover text each, as a heat map ({} clears)."""
        self._heat = {
            r: (float(v), str(text)) for r, (v, text) in cells.items() if r in self._paths
        }
        self.update()

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

    def region_names(self) -> dict[str, str]:
        """Every region's accessible name, by id."""
        return {r: self.catalogue.name(r) for r in self._order}

    def describe(self, region_id: str) -> str:
        """What the status line and screen readers say about a region."""
        name = self.catalogue.name(region_id)
        if region_id in self._marks:
            return self.tr("{0}, marked {1} of 10").format(name, self._marks[region_id])
        if region_id in self._heat:
            return self.tr("{0}: {1}").format(name, self._heat[region_id][1])
        if self.interactive:
            return self.tr("{0}, not marked").format(name)
        return name

    # -- geometry --------------------------------------------------------------------------------

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
            if not self._bounds[view].adjusted(-1, -1, 1, 1).contains(p):
                continue
            found = self._region_in(view, p)
            if found is None and self._outlines[view].contains(p):
                # exactly on a shared edge: take the neighbour a hair's breadth away
                for dx, dy in ((0.3, 0), (-0.3, 0), (0, 0.3), (0, -0.3)):
                    found = found or self._region_in(view, p + QPointF(dx, dy))
            return found
        return None

    def region_rect(self, region_id: str) -> QRectF:
        """Where a region is drawn, in widget coordinates (empty if its view is hidden)."""
        view = self._view_of[region_id]
        if view not in self.views():
            return QRectF()
        return self._transform(view).mapRect(self._paths[region_id].boundingRect())

    def region_point(self, region_id: str) -> QPointF:
        """A point well inside a region, in widget coordinates (where its number is drawn)."""
        (x, y), _ = self._spots[region_id]
        return self._transform(self._view_of[region_id]).map(QPointF(x, y))

    def view_transform(self, view: View) -> QTransform:
        """From the artwork's coordinates to the widget's, for a view on show."""
        return QTransform(self._transform(view))

    def _transform(self, view: View) -> QTransform:
        if self._layout_key != (self.width(), self.height(), self.views()):
            self._relayout()
        return self._transforms[view]

    def _region_in(self, view: View, p: QPointF) -> str | None:
        for r in self._by_view[view]:
            if self._boxes[r].contains(p) and self._paths[r].contains(p):
                return r
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        views = self.views()
        self._layout_key = (self.width(), self.height(), views)
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        top = line + 8
        bottom = (2 * line + 34) if self.legend else 6
        side = metrics.horizontalAdvance("M") + 10  # room for the L and R labels
        widths = [self._bounds[v].width() for v in views]
        height = max(self._bounds[v].height() for v in views)
        gap = 3 * side  # the two figures' labels must not read as one
        avail_w = self.width() - 2 * side - gap * (len(views) - 1)
        avail_h = self.height() - top - bottom
        scale = max(0.05, min(avail_w / sum(widths), avail_h / height))
        x = (self.width() - sum(widths) * scale - gap * (len(views) - 1)) / 2
        self._transforms = {}
        for view, width in zip(views, widths, strict=True):
            b = self._bounds[view]
            t = QTransform()
            t.translate(x, top + (avail_h - b.height() * scale) / 2)
            t.scale(scale, scale)
            t.translate(-b.left(), -b.top())
            self._transforms[view] = t
            x += width * scale + gap
        for view in ("front", "back"):  # a hidden view sits where the shown one is
            if view not in self._transforms:
                self._transforms[view] = self._transforms[views[0]]
        single = len(views) == 1
        self.toggle.setVisible(single)
        if single:
            other = "back" if views[0] == "front" else "front"
            self.toggle.setText(self.tr("Show back") if other == "back" else self.tr("Show front"))
            self.toggle.setAccessibleName(self.toggle.text())
            self.toggle.adjustSize()
            self.toggle.move(self.width() - self.toggle.width() - 4, 2)
        self._changed()

    def _toggle_clicked(self) -> None:
        self.show_view("back" if self._single == "front" else "front")

    # -- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """The cached scene (fills, edges, numbers, labels), then hover and focus outlines."""
        self._transform("front")  # lays out first if the size changed since
        painter = QPainter(self)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self._scene_version)
        if self._scene is None or self._scene_key != key:
            self._scene = self._render_scene(ratio)
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
            if self._view_of[r] in shown:
                painter.strokePath(self._transforms[self._view_of[r]].map(self._paths[r]), pen)

    def _render_scene(self, ratio: float) -> QPixmap:
        """Everything that changes only with the marks, heat, highlight, size or palette."""
        scene = QPixmap(self.size() * ratio)
        scene.setDevicePixelRatio(ratio)
        scene.fill(Qt.GlobalColor.transparent)
        painter = QPainter(scene)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
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
        for view in self.views():
            painter.setTransform(self._transforms[view])
            painter.fillPath(self._outlines[view], base)  # one fill for every plain region
            for r in self._by_view[view]:
                fill = self._fill(r)
                if fill is not None:
                    painter.fillPath(self._paths[r], fill)
                if r in self._highlight:
                    painter.fillPath(self._paths[r], tint)
            painter.strokePath(self._edges[view], edge)
            for r in self._highlight:
                if self._view_of[r] == view:
                    painter.strokePath(self._paths[r], ring)
            # Two hairlines half a pixel apart: as bold as a 1.5 px pen, and hairlines take the
            # raster engine's fast path (a wide pen's stroke costs ~7 ms here, these ~0.3 ms).
            painter.strokePath(self._outlines[view], outline)
            shifted = self._transforms[view] * QTransform.fromTranslate(0.5, 0.5)
            painter.setTransform(shifted)
            painter.strokePath(self._outlines[view], outline)
        painter.resetTransform()
        self._paint_numbers(painter, ratio)
        self._paint_labels(painter, text)
        if self.legend:
            self._paint_legend(painter, text)
        painter.end()
        return scene

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._relayout()
        super().changeEvent(event)

    def _fill(self, r: str) -> QColor | None:
        if r in self._marks:
            return intensity_colour(self._marks[r])
        if r in self._heat:
            return intensity_colour(self._heat[r][0])
        return None

    def _paint_numbers(self, painter: QPainter, ratio: float) -> None:
        shown = self.views()
        for r, value in self._marks.items():
            view = self._view_of[r]
            if view not in shown:
                continue
            t = self._transforms[view]
            (x, y), width = self._spots[r]
            center = t.map(QPointF(x, y))
            radius = round(max(8.0, min(13.0, width * t.m11() / 2.4)) * 2) / 2
            badge = self._badge(value, radius, ratio)
            painter.drawPixmap(QPointF(center.x() - radius - 1, center.y() - radius - 1), badge)

    def _badge(self, value: int, radius: float, ratio: float) -> QPixmap:
        """A round label with the number, in the intensity's colour (cached: text is slow)."""
        key = (value, radius, ratio)
        if key not in self._badges:
            side = 2 * radius + 2
            badge = QPixmap(round(side * ratio), round(side * ratio))
            badge.setDevicePixelRatio(ratio)
            badge.fill(Qt.GlobalColor.transparent)
            painter = QPainter(badge)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            fill = intensity_colour(value)
            painter.setPen(QPen(text_colour_on(fill), 1.2))
            painter.setBrush(fill)
            painter.drawEllipse(QPointF(radius + 1, radius + 1), radius, radius)
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(max(9, int(radius * 1.15)))
            painter.setFont(font)
            painter.drawText(
                QRectF(1, 1, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, str(value)
            )
            painter.end()
            self._badges[key] = badge
        return self._badges[key]

    def _paint_labels(self, painter: QPainter, text: QColor) -> None:
        painter.setPen(text)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        metrics = QFontMetricsF(self.font())
        titles = {"front": self.tr("Front"), "back": self.tr("Back")}
        bold = QFont(self.font())
        bold.setBold(True)
        for view in self.views():
            rect = self._transforms[view].mapRect(self._bounds[view])
            painter.setFont(bold)
            painter.drawText(
                QRectF(rect.left(), 2, rect.width(), metrics.height() + 4),
                Qt.AlignmentFlag.AlignCenter,
                titles[view],
            )
            # the person's right is on the viewer's left on the front, on the right on the back
            left, right = (self.tr("R"), self.tr("L"))
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
        painter.setFont(self.font())

    def _paint_legend(self, painter: QPainter, text: QColor) -> None:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        note = self.tr("Left and right are your own.")
        low, high = self.tr("No pain"), self.tr("Worst")
        swatch = max(
            14.0, min(26.0, (self.width() - 40 - metrics.horizontalAdvance(low + high)) / 11)
        )
        total = 11 * swatch + metrics.horizontalAdvance(low) + metrics.horizontalAdvance(high) + 16
        x = (self.width() - total) / 2
        y = self.height() - line - swatch - 10
        painter.setPen(text)
        painter.drawText(
            QRectF(0, self.height() - line - 4, self.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            note,
        )
        painter.drawText(
            QRectF(x, y, metrics.horizontalAdvance(low), swatch), Qt.AlignmentFlag.AlignVCenter, low
        )
        x += metrics.horizontalAdvance(low) + 8
        small = QFont(self.font())
        small.setPixelSize(max(8, int(swatch * 0.5)))
        painter.setFont(small)
        for n in range(RATING_MIN, RATING_MAX + 1):
            fill = intensity_colour(n)
            box = QRectF(x + n * swatch, y, swatch, swatch)
            painter.fillRect(box, fill)
            painter.setPen(text_colour_on(fill))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(n))
        painter.setFont(self.font())
        painter.setPen(text)
        painter.drawText(
            QRectF(x + 11 * swatch + 8, y, metrics.horizontalAdvance(high) + 2, swatch),
            Qt.AlignmentFlag.AlignVCenter,
            high,
        )

    # -- pointer ---------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.region_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, region_id: str | None) -> None:
        if region_id == self._hover:
            return
        for r in (self._hover, region_id):
            if r is not None:
                self.update(self.region_rect(r).toAlignedRect().adjusted(-4, -4, 4, 4))
        self._hover = region_id
        self.hovered.emit(region_id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        region_id = self.region_at(event.position())
        if not self.interactive or region_id is None:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_current_region(region_id)
        if event.button() == Qt.MouseButton.RightButton:
            self.set_mark(region_id, None)
        elif event.button() == Qt.MouseButton.LeftButton:
            if region_id in self._marks:
                self.open_popup(region_id)
            else:
                self.set_mark(region_id, DEFAULT_INTENSITY)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            region_id = self.region_at(event.pos())
            if region_id is None:
                QToolTip.hideText()
            else:
                rect = self.region_rect(region_id).toAlignedRect()
                QToolTip.showText(event.globalPos(), self.describe(region_id), self, rect)
            return True
        return super().event(event)

    # -- keyboard --------------------------------------------------------------------------------

    def current_region(self) -> str | None:
        """The region the keyboard is on."""
        return self._current

    def set_current_region(self, region_id: str | None) -> None:
        """Move the keyboard to a region, turning the figure round if it is on the hidden view."""
        if region_id == self._current:
            return
        if region_id is not None:
            if region_id not in self._paths:
                raise KeyError(region_id)
            view = self._view_of[region_id]
            if view not in self.views():
                self.show_view(view)
        self._current = region_id
        self._describe_current()
        self.current_changed.emit(region_id)
        self.update()

    def open_popup(self, region_id: str | None = None) -> None:
        """The 0-10 popup for a region (the current one by default)."""
        region_id = region_id or self._current
        if region_id is None or not self.interactive:
            return
        self.set_current_region(region_id)
        anchor = self.mapToGlobal(self.region_point(region_id).toPoint())
        self.popup.open_at(anchor, self._marks.get(region_id), self.catalogue.name(region_id))

    def _popup_chosen(self, value: int | None) -> None:
        if self._current is not None:
            self.set_mark(self._current, value)
        self._last_one.invalidate()
        if value == 1:
            self._last_one.start()  # a "0" typed next on the map makes it 10
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not self.interactive or modifiers not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            super().keyPressEvent(event)
            return
        current = self._current
        moves = {
            Qt.Key.Key_Left: (-1.0, 0.0),
            Qt.Key.Key_Right: (1.0, 0.0),
            Qt.Key.Key_Up: (0.0, -1.0),
            Qt.Key.Key_Down: (0.0, 1.0),
        }
        if key in moves:
            self.set_current_region(self._neighbour(current, moves[Qt.Key(key)]))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_current_region(self._order[0 if key == Qt.Key.Key_Home else -1])
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = 1 if key == Qt.Key.Key_PageDown else -1
            index = -1 if current is None else self._order.index(current)
            self.set_current_region(self._order[(index + step) % len(self._order)])
        elif current is None:
            self.set_current_region(self._order[0])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_mark(current, None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_popup(current)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            ten = digit == 0 and self._marks.get(current) == 1 and self._last_one.isValid()
            ten = ten and not self._last_one.hasExpired(TEN_WINDOW_MS)
            self._last_one.invalidate()
            if digit == 1:
                self._last_one.start()
            self.set_mark(current, RATING_MAX if ten else digit)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._current is None and self.interactive:
            self.set_current_region(next(iter(self._marks), self._order[0]))
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _navigation_points(self) -> dict[str, tuple[float, float]]:
        """Each region's centre with the views side by side, front on the left, as drawn."""
        out = {}
        offset = {"front": 0.0, "back": self._bounds["front"].width() + 40.0}
        for r in self._order:
            b = self._bounds[self._view_of[r]]
            (x, y), _ = self._spots[r]
            out[r] = (x - b.left() + offset[self._view_of[r]], y - b.top())
        return out

    def _neighbour(self, region_id: str | None, direction: tuple[float, float]) -> str:
        """The nearest region in a direction (within a cone, else anywhere that way)."""
        if region_id is None:
            return self._order[0]
        x, y = self._nav[region_id]
        dx, dy = direction
        best: tuple[float, str] | None = None
        fallback: tuple[float, str] | None = None
        for r, (rx, ry) in self._nav.items():
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

    # -- state changes ---------------------------------------------------------------------------

    def _changed(self) -> None:
        """The scene must be drawn again."""
        self._scene_version += 1
        self.update()

    def _marks_updated(self, user: bool) -> None:
        self._describe_current()
        self._changed()
        self.marks_shown.emit()
        if user:
            self.marks_changed.emit(self.marks())

    def _describe_current(self) -> None:
        if self._current is None:
            text = self.tr("Use the arrow keys to move between areas, digits to mark them.")
        else:
            text = self.describe(self._current)
        self.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
        )


class MarkedList(QListWidget):
    """The marked regions as a list beside the map, its accessible twin: select an area, type a
    digit to set its intensity, Left/Right to change it, Delete to clear it."""

    def __init__(self, body_map: BodyMapWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body_map = body_map
        self._last_one = QElapsedTimer()
        self.setAccessibleName(self.tr("Marked areas"))
        self.setToolTip(
            self.tr("Digits set how much it hurts (1 then 0 for 10), Delete clears the area.")
        )
        body_map.marks_shown.connect(self.refresh)
        self.currentItemChanged.connect(self._follow)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the map's marks, keeping the selected area selected."""
        selected = self.selected_region()
        marks = self.body_map.marks()
        self.blockSignals(True)
        self.clear()
        for region_id in self.body_map.region_names():
            if region_id in marks:
                item = QListWidgetItem(self.body_map.describe(region_id))
                item.setData(Qt.ItemDataRole.UserRole, region_id)
                self.addItem(item)
                if region_id == selected:
                    self.setCurrentItem(item)
        if not marks:
            empty = QListWidgetItem(self.tr("No areas marked."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
        self.blockSignals(False)

    def selected_region(self) -> str | None:
        """The id of the selected area."""
        item = self.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def _follow(self) -> None:
        region_id = self.selected_region()
        if region_id is not None:
            self.body_map.set_current_region(region_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        region_id = self.selected_region()
        key = event.key()
        value = self.body_map.marks().get(region_id or "")
        if region_id is None or value is None:
            super().keyPressEvent(event)
            return
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            ten = digit == 0 and value == 1 and self._last_one.isValid()
            ten = ten and not self._last_one.hasExpired(TEN_WINDOW_MS)
            self._last_one.invalidate()
            if digit == 1:
                self._last_one.start()
            self.body_map.set_mark(region_id, RATING_MAX if ten else digit)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            self.body_map.set_mark(region_id, max(RATING_MIN, min(RATING_MAX, value + step)))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            row = self.currentRow()
            self.body_map.set_mark(region_id, None)
            self.setCurrentRow(min(row, self.count() - 1))
        else:
            super().keyPressEvent(event)
            return
        event.accept()
