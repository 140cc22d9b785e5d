"""Text styles used across the views: section headings, and hints in a quieter colour."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel


def muted(label: QLabel) -> QLabel:
    """Quieter text for hints and anchors that still reads well (disabled grey is too faint)."""
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    blend = QColor(
        (2 * text.red() + window.red()) // 3,
        (2 * text.green() + window.green()) // 3,
        (2 * text.blue() + window.blue()) // 3,
    )
    palette.setColor(QPalette.ColorRole.WindowText, blend)
    label.setPalette(palette)
    label.setProperty(
        "muted", True
    )  # coach.ui.common.appearance mixes it again when the theme changes
    return label


def heading(text: str) -> QLabel:
    """A section's title: bold and a little larger."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    label.setFont(font)
    return label
