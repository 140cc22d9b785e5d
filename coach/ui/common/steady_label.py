"""A label that keeps its height while its text changes, so what is below or above it never jumps."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyLabel(QLabel):
    """A word-wrapped label as tall as the tallest of its `reserved` texts needs at its width.

    The body map's line under the figures changes from a two-line hint to a one-line area name
    as the pointer moves; a plain label would change height each time and the figures, sharing
    its column, would jump up and down.
    """

    def __init__(self, reserved: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._reserved = list(reserved or [])
        self._fit()

    def reserve(self, texts: list[str]) -> None:
        """Keep room for each of `texts` (besides the text shown now)."""
        self._reserved = list(texts)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Show `text`; the height changes only if it needs more than was kept."""
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        width = max(self.contentsRect().width(), 120)
        metrics = self.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = max(
            (
                metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
                for text in (*self._reserved, self.text())
            ),
            default=metrics.height(),
        )
        margins = self.contentsMargins()
        height = max(needed, metrics.height()) + margins.top() + margins.bottom() + 2
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()


class SteadyStack(QWidget):
    """Widgets drawn in one place (one shown at a time), as tall as the tallest needs at the width.

    The Today view's line under the date is either the invitation of an empty day (two lines on a
    narrow window) or the one-line save status; kept at the taller height, the first rating does
    not move the form below it.
    """

    def __init__(self, *widgets: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QStackedLayout

        layout = QStackedLayout(self)
        layout.setStackingMode(QStackedLayout.StackingMode.StackAll)
        layout.setContentsMargins(0, 0, 0, 0)
        self.widgets = list(widgets)
        for widget in widgets:
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit()

    def _fit(self) -> None:
        width = max(self.width(), 200)
        heights = [
            w.heightForWidth(width) if w.hasHeightForWidth() else w.sizeHint().height()
            for w in self.widgets
        ]
        height = max([h for h in heights if h > 0] or [self.fontMetrics().height()])
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
