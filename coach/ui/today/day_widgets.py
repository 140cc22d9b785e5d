"""Small parts of the day's form: hours slept, a layout that wraps (for the tag chips), a heading.

The tags editor is in `coach.ui.today.tags_editor`, the day's sessions in
`coach.ui.today.sessions_list`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDoubleSpinBox, QLayout, QLayoutItem, QWidget

from coach.core.log.entries import MAX_SLEEP_HOURS

NOT_SET = -0.25  # the spin box's minimum, shown as "not set"


class HoursSpinBox(QDoubleSpinBox):
    """Hours slept, 0-24 in quarter hours, with "not set" below 0 (None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(NOT_SET, MAX_SLEEP_HOURS)
        self.setSingleStep(0.25)
        self.setDecimals(2)
        self.setSpecialValueText(self.tr("not set"))
        self.setSuffix(self.tr(" h"))
        self.setValue(NOT_SET)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        """Select the whole value, so typing replaces it ("not set" too)."""
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)  # after Qt has placed the cursor for a click

    def textFromValue(self, value: float) -> str:
        """7.5 rather than 7.50."""
        return self.locale().toString(value, "g", 4)

    def hours(self) -> float | None:
        """The hours, or None when not set."""
        return None if self.value() < 0 else self.value()

    def set_hours(self, hours: float | None) -> None:
        """Show `hours` (None: not set) without emitting valueChanged."""
        self.blockSignals(True)
        self.setValue(NOT_SET if hours is None else hours)
        self.blockSignals(False)


class FlowLayout(QLayout):
    """Lays its items out left to right, wrapping to a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        """Qt calls this for addWidget."""
        self._items.append(item)

    def count(self) -> int:
        """How many items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        """The item at `index`, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        """Remove and return the item at `index`."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        """Never wider or taller than it needs."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        """Its height depends on its width."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """The height it needs at `width`."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        """Place the items inside `rect`."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the widest item."""
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the widest item, as tall as the tallest."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x, y, row_height = rect.x(), y + row_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()
