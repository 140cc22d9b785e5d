"""The body map: a front and a back figure whose regions can be hovered, marked 0-10 and cleared.

`BodyMapWidget` is the interactive body map on `BodyMapCanvas` (`coach.ui.body_map.body_map_canvas`,
the drawing, layout and hit-testing of assets/body_map.svg). It is also the player's small
read-only figure (`interactive=False` with `highlight()`) and the heat map (`set_heat()`). Its
parts: the paths (`coach.ui.body_map.body_figures`), the drawing (`coach.ui.body_map.body_map_scene`),
the colours (`coach.ui.body_map.intensity_scale`) and the 0-10 popup
(`coach.ui.body_map.intensity_popup`); `coach.ui.body_map.marked_list.MarkedList` is its
accessible twin.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import RATING_MAX, RATING_MIN
from coach.ui.body_map.body_map_canvas import BodyMapCanvas
from coach.ui.body_map.intensity_popup import DEFAULT_INTENSITY, IntensityPopup
from coach.ui.common.rating_scale import TypedDigits


class BodyMapWidget(BodyMapCanvas):
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
        super().__init__(catalogue, shapes, interactive=interactive, legend=legend, parent=parent)
        self._digits = TypedDigits()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Body map") if interactive else self.tr("Areas worked on"))
        self.popup = IntensityPopup(self)
        self.popup.chosen.connect(self._popup_chosen)
        self._describe_current()

    # -- the marks ---------------------------------------------------------------------------

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
