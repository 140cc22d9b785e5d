"""The body map's marked areas as a list beside it: its twin for the keyboard and screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from coach.core.log.entries import RATING_MAX, RATING_MIN
from coach.ui.body_map.body_map_widget import BodyMapWidget
from coach.ui.common.rating_scale import TypedDigits


class MarkedList(QListWidget):
    """The marked regions as a list beside the map, its accessible twin: select an area, type a
    digit to set its intensity, Left/Right to change it, Delete to clear it."""

    def __init__(self, body_map: BodyMapWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body_map = body_map
        self._digits = TypedDigits()
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
            self.body_map.set_mark(region_id, self._digits.rating(key - Qt.Key.Key_0, value))
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
