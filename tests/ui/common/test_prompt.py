"""The dialog prompt: one button per option, the first one the default; a message to acknowledge."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coach.ui.common.prompt import DialogPrompt


def when_the_box_opens(act: Callable[[QMessageBox], None], seen: list[QMessageBox]) -> None:
    """Answer the message box once it is on screen, as a person would."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)  # not shown yet: look again
            return
        seen.append(box)
        act(box)

    QTimer.singleShot(0, answer)


def test_choose_offers_each_option_and_returns_the_one_clicked(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []

    def click_second(box: QMessageBox) -> None:
        assert [b.text() for b in box.buttons()] == ["Restore the backup", "Start afresh"]
        assert box.defaultButton().text() == "Restore the backup", "the first is the default"
        box.buttons()[1].click()

    when_the_box_opens(click_second, seen)
    chosen = DialogPrompt(parent).choose(
        "Your log is damaged", "What now?", ["Restore the backup", "Start afresh"]
    )

    assert chosen == "Start afresh"
    [box] = seen
    assert box.windowTitle() == "Your log is damaged"
    assert box.text() == "What now?"


def test_choose_returns_none_when_the_dialog_is_dismissed(qtbot: QtBot) -> None:
    seen: list[QMessageBox] = []
    when_the_box_opens(lambda box: box.done(0), seen)

    assert DialogPrompt().choose("Question", "Which?", ["One", "Two"]) is None
    assert seen


def test_inform_waits_until_it_is_acknowledged(qtbot: QtBot) -> None:
    seen: list[QMessageBox] = []
    read: list[str] = []

    def acknowledge(box: QMessageBox) -> None:
        read.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_the_box_opens(acknowledge, seen)
    DialogPrompt().inform("Restored", "Your log was restored from yesterday's backup.")

    assert read == ["Your log was restored from yesterday's backup."]
