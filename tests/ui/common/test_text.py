"""Text styles: headings, and muted text (quieter than the body text, still clearly readable, and
marked for the theme)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coach.ui.common.text import heading, muted

Role = QPalette.ColorRole


def test_muted_text_sits_between_the_text_and_the_background_nearer_the_text(
    qtbot: QtBot,
) -> None:
    plain = QLabel("Pain today")
    hint = muted(QLabel("0 is none, 10 the worst you can imagine"))
    qtbot.addWidget(plain)
    qtbot.addWidget(hint)

    text = plain.palette().color(Role.WindowText).lightness()
    window = plain.palette().color(Role.Window).lightness()
    quiet = hint.palette().color(Role.WindowText).lightness()

    assert text != window
    assert min(text, window) < quiet < max(text, window), "quieter, not invisible"
    assert abs(quiet - text) < abs(quiet - window), "closer to the text than to the page"
    assert hint.property("muted") is True, "so a change of theme mixes it again"


def test_muted_returns_the_same_label(qtbot: QtBot) -> None:
    label = QLabel("Anchors")
    qtbot.addWidget(label)
    assert muted(label) is label


def test_a_heading_is_bold_and_a_little_larger(qtbot: QtBot) -> None:
    plain = QLabel("Sleep")
    label = heading("Sleep")
    qtbot.addWidget(plain)
    qtbot.addWidget(label)

    assert label.text() == "Sleep"
    assert label.font().bold()
    assert label.font().pointSizeF() > plain.font().pointSizeF()
