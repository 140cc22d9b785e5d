"""A 0-10 numeric rating scale: eleven buttons, the words at both ends, and "not rated"."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QLocale, QRectF, Qt, QTime, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from coach.ui.common.text import muted

LOW, HIGH = 0, 10
# A "1" followed by "0" within this many milliseconds means 10.
TEN_WINDOW_MS = 1000

# the checked button's border is 1 px wider and its margin 1 px narrower: the same size, so the
# first rating never moves what is below
_STYLE = """
QToolButton[scale="number"] {
    min-width: 28px; min-height: 32px; padding: 0; margin: 1px;
    border: 1px solid palette(mid); border-radius: 5px; background: palette(base);
}
QToolButton[scale="number"]:hover { border: 1px solid palette(highlight); }
QToolButton[scale="number"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid palette(window-text); margin: 0; font-weight: bold;
}
"""


class TypedDigits:
    """Digits typed as a 0-10 rating: each sets its own number, and "1" then "0" quickly is 10."""

    def __init__(self) -> None:
        self._last_one = QElapsedTimer()  # when a 1 was set, for "1" then "0" = 10

    def rating(self, digit: int, current: int | None) -> int:
        """What typing `digit` sets when the rating is `current`: 10 for a "0" right after a 1."""
        ten = (
            digit == 0
            and current == 1
            and self._last_one.isValid()
            and not self._last_one.hasExpired(TEN_WINDOW_MS)
        )
        self.chose(digit)
        return HIGH if ten else digit

    def chose(self, value: int | None) -> None:
        """A rating was set (typed, or picked some other way): after a 1, a "0" next makes 10."""
        self._last_one.invalidate()
        if value == 1:
            self._last_one.start()


class RatingScale(QWidget):
    """One 0-10 rating as a single keyboard stop, with "not rated" (None) distinct from 0.

    Keys: Left/Down lower it, Right/Up raise it, a digit sets it, "1" then "0" quickly (or End)
    is 10, Home is 0, Delete or Backspace clears it. Emits `value_changed` with an int or None.
    """

    value_changed = Signal(object)

    def __init__(self, title: str, low_word: str, high_word: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._value: int | None = None
        self._title = title
        self._digits = TypedDigits()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(_STYLE)
        self.setAccessibleName(title)
        self.setToolTip(
            self.tr(
                "{0}: from 0 ({1}) to 10 ({2}).\n"
                "Left and Right arrows change it, 0-9 set it, 1 then 0 (or End) for 10,\n"
                "Delete clears it (not rated)."
            ).format(title, low_word, high_word)
        )

        self.title_label = QLabel(title)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.value_label = QLabel()
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Not rated (Delete)"))
        self.clear_button.setAccessibleName(self.tr("Clear {0}").format(title))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete does it from the keyboard
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._clear_clicked)

        heading = QHBoxLayout()
        heading.setSpacing(10)
        heading.addWidget(self.title_label)
        heading.addWidget(self.value_label)
        # beside the value, not after the numbers: the row of eleven fits narrow windows
        heading.addWidget(self.clear_button)
        heading.addStretch(1)

        self.buttons: list[QToolButton] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(3)
        grid.setVerticalSpacing(2)
        for number in range(LOW, HIGH + 1):
            button = QToolButton()
            button.setText(str(number))
            button.setProperty("scale", "number")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scale is one keyboard stop
            button.setAccessibleName(self.tr("{0} of 10").format(number))
            button.clicked.connect(lambda _=False, n=number: self._button_clicked(n))
            grid.addWidget(button, 0, number)
            self.buttons.append(button)
        self.low_label = QLabel(low_word)
        self.high_label = QLabel(high_word)
        for label in (self.low_label, self.high_label):
            muted(label)
        grid.addWidget(self.low_label, 1, 0, 1, 5, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.high_label, 1, 6, 1, 5, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(HIGH + 2, 1)

        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setVerticalSpacing(4)
        layout.addLayout(heading, 0, 0)
        layout.addLayout(grid, 1, 0)
        self._show_value()

    # -- the value -----------------------------------------------------------------------------

    def value(self) -> int | None:
        """The rating, or None when not rated."""
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show `value` without emitting `value_changed` (loading a day is not an edit)."""
        if value is not None and not LOW <= value <= HIGH:
            raise ValueError(f"a rating is from {LOW} to {HIGH}, got {value}")
        self._value = value
        self._show_value()

    def value_text(self) -> str:
        """ "5 of 10" or "not rated": what the value label and the accessible description say."""
        if self._value is None:
            return self.tr("not rated")
        return self.tr("{0} of 10").format(self._value)

    def type_digit(self, digit: int) -> None:
        """A digit typed for this scale from elsewhere on its screen (as if it had the focus)."""
        self._change(self._digits.rating(digit, self._value))

    def _change(self, value: int | None) -> None:
        if value is not None:
            value = max(LOW, min(HIGH, value))
        if value == self._value:
            return
        self.set_value(value)
        self.value_changed.emit(value)

    def _show_value(self) -> None:
        for number, button in enumerate(self.buttons):
            selected = number == self._value
            button.setChecked(selected)
            font = button.font()
            font.setBold(selected)
            button.setFont(font)
        text = self.value_text()
        self.value_label.setText(text)
        self.clear_button.setEnabled(self._value is not None)
        self.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
        )

    # -- mouse and keyboard --------------------------------------------------------------------

    def _button_clicked(self, number: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._change(number)
        self._show_value()  # a click on the checked button would otherwise uncheck it

    def _clear_clicked(self) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._change(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the title or the anchors focuses the scale too."""
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows step, digits set, Home/End go to the ends, Delete/Backspace clear."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)  # Alt+Left and friends belong to the view
            return
        current = self._value
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._change(LOW if current is None else current - 1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._change(LOW if current is None else current + 1)
        elif key == Qt.Key.Key_Home:
            self._change(LOW)
        elif key == Qt.Key.Key_End:
            self._change(HIGH)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._change(None)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self._change(self._digits.rating(key - Qt.Key.Key_0, current))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- focus ---------------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Repaint to show the focus outline."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Repaint to hide the focus outline."""
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A clear outline around the whole scale while it has the keyboard focus."""
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().highlight().color(), 2)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()


def short_time(moment: QTime) -> str:
    """The locale's short time without seconds: "19:42" or "7:42 PM"."""
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat).replace(":ss", "")
    return locale.toString(moment, pattern)
