"""The first thing on screen: an empty window saying the log is opening.

It is shown before anything slow happens (opening the log, reading the routines, parsing the
body map's drawing, importing the views), then gives its place to the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow


class OpeningFrame(QMainWindow):
    """A window of the main window's size with "Opening your log…" in the middle.

    The words are laid out once the event loop runs, just after the window is shown, not
    before: measuring text loads the fonts (about 10 ms), which would hold the window back, and
    the first paint has them all the same.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Unknot"))
        self.resize(1100, 720)
        self.message: QLabel | None = None
        # (a timer, not showEvent: a Python event handler would load QEvent's types, ~5 ms)
        QTimer.singleShot(0, self._add_message)

    def _add_message(self) -> None:
        # Nothing here touches a Qt enum or sets a shortcut: the first to do so makes all of
        # PySide6.QtCore.Qt's enums, about 15 ms. (So: centred by stretches, plain text.)
        from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

        page = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        self.message = QLabel(self.tr("Opening your log…"))
        row.addWidget(self.message)
        row.addStretch(1)
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.setCentralWidget(page)

    def hand_over(self, window: QMainWindow) -> None:
        """Show `window` where this frame is, as large as it is, then close the frame."""
        if self.isMaximized():
            window.showMaximized()
        else:
            window.setGeometry(self.geometry())
            window.show()
        self.close()
