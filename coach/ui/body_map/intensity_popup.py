"""The body map's popup for how much an area hurts: a row of 0-10 buttons and Clear."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from coach.core.log.entries import RATING_MAX, RATING_MIN
from coach.ui.body_map.intensity_scale import intensity_colour, is_dark, text_colour_on

DEFAULT_INTENSITY = 5  # what a click on an unmarked area sets, and where the popup starts


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
            fill = intensity_colour(number, is_dark(self))
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
