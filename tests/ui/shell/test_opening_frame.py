"""The opening frame: on screen at once saying the log is opening, then hands over its place."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from coach.ui.shell.opening_frame import OpeningFrame


def test_it_shows_and_paints_opening_your_log_in_the_middle(qtbot: QtBot) -> None:
    frame = OpeningFrame()
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    # the words are laid out once the event loop runs, so that the window itself appears sooner
    qtbot.waitUntil(lambda: frame.message is not None and frame.message.isVisible())

    assert frame.windowTitle() == "Unknot"
    [label] = frame.findChildren(QLabel)
    assert label is frame.message
    assert label.text() == "Opening your log…"
    centre = label.mapTo(frame, label.rect().center())
    assert abs(centre.x() - frame.width() / 2) < frame.width() / 10, "in the middle"
    assert abs(centre.y() - frame.height() / 2) < frame.height() / 10
    image = frame.grab().toImage()
    background = QColor(image.pixel(5, 5))
    words = QRect(label.mapTo(frame, QPoint(0, 0)), label.size())
    inked = [
        QColor(image.pixel(x, y)) != background
        for x in range(words.left(), words.right(), 2)
        for y in range(words.top(), words.bottom(), 2)
    ]
    assert any(inked), "the words are painted"


def test_it_hands_its_place_and_size_to_the_main_window_and_closes(qtbot: QtBot) -> None:
    frame = OpeningFrame()
    qtbot.addWidget(frame)
    frame.setGeometry(QRect(120, 80, 900, 640))
    frame.show()
    qtbot.waitExposed(frame)
    window = QMainWindow()
    qtbot.addWidget(window)

    frame.hand_over(window)

    qtbot.waitExposed(window)
    assert window.isVisible()
    assert not frame.isVisible(), "the frame is gone"
    assert window.size() == frame.size()
    assert window.geometry().topLeft() == frame.geometry().topLeft()


def test_a_maximised_frame_hands_over_maximised(qtbot: QtBot) -> None:
    frame = OpeningFrame()
    qtbot.addWidget(frame)
    frame.showMaximized()
    qtbot.waitExposed(frame)
    window = QMainWindow()
    qtbot.addWidget(window)

    frame.hand_over(window)

    qtbot.waitUntil(window.isVisible)
    assert window.isMaximized()
    assert not frame.isVisible()
