"""A view whose feature has not been built yet: it says what will be here, plainly."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LaterView(QWidget):
    """An honest page for a view that a later version fills in."""

    def __init__(self, title: str, description: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        heading = QLabel(f"<h2>{html.escape(title)}</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        body = QLabel(description)
        body.setWordWrap(True)
        note = QLabel(self.tr("Not in this version yet."))
        note.setEnabled(False)
        for widget in (heading, body, note):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setAccessibleName(title)
