"""The body map: a front and a back figure whose regions can be hovered, marked 0-10 and cleared.

`BodyMapWidget` draws the artwork of assets/body_map.svg (read by coach.core.body.body_shapes) as
vector paths, so it stays crisp at any size. It is also the player's small read-only figure
(`interactive=False` with `highlight()`) and the heat map (`set_heat()`). Its parts: the paths
(`coach.ui.body_map.body_figures`), the drawing (`coach.ui.body_map.body_map_scene`), the colours
(`coach.ui.body_map.intensity_scale`) and the 0-10 popup (`coach.ui.body_map.intensity_popup`);
`coach.ui.body_map.marked_list.MarkedList` is its accessible twin.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolButton, QToolTip, QWidget

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue, View
from coach.core.log.entries import RATING_MAX, RATING_MIN
from coach.ui.body_map.body_figures import BodyFigures
from coach.ui.body_map.body_map_scene import BodyMapScene
from coach.ui.body_map.intensity_popup import DEFAULT_INTENSITY, IntensityPopup
from coach.ui.common.rating_scale import TypedDigits

NARROW_WIDTH = 460  # below this many pixels, "auto" shows one view at a time with a toggle
VIEW_MODES = ("auto", "both", "front", "back")


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
        self._digits = TypedDigits()
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
        self._marks = {r: int(v) for r, v in marks.items() if r in self.figures.paths}
        self._marks_updated(user=False)

    def set_mark(self, region_id: str, value: int | None) -> None:
        """Mark a region 0-10, or clear it with None, as the user would (emits on a change)."""
        if region_id not in self.figures.paths:
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
        return {r: self.catalogue.name(r) for r in self.figures.order}

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
            if region_id not in self.figures.paths:
                raise KeyError(region_id)
            view = self.figures.view_of[region_id]
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
        self._digits.chose(value)  # after a 1, a "0" typed next on the map makes it 10
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
            self.set_current_region(self.figures.neighbour(current, moves[Qt.Key(key)]))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_current_region(self.figures.order[0 if key == Qt.Key.Key_Home else -1])
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = 1 if key == Qt.Key.Key_PageDown else -1
            index = -1 if current is None else self.figures.order.index(current)
            self.set_current_region(self.figures.order[(index + step) % len(self.figures.order)])
        elif current is None:
            self.set_current_region(self.figures.order[0])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_mark(current, None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_popup(current)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.set_mark(
                current, self._digits.rating(key - Qt.Key.Key_0, self._marks.get(current))
            )
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._current is None and self.interactive:
            self.set_current_region(next(iter(self._marks), self.figures.order[0]))
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

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
