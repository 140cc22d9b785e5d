"""Questions the app asks the person in a dialog, behind a small interface tests can answer."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget


class Prompt(Protocol):
    """Asks the person to choose, or tells them something important."""

    def choose(self, title: str, text: str, options: list[str]) -> str | None:
        """One of `options` (the first is the default), or None if the dialog was dismissed."""
        ...

    def inform(self, title: str, text: str) -> None:
        """Show a message and wait until it is acknowledged."""
        ...


class DialogPrompt:
    """Prompt with QMessageBox dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def choose(self, title: str, text: str, options: list[str]) -> str | None:
        """Ask with one button per option."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return options[buttons.index(clicked)] if clicked in buttons else None

    def inform(self, title: str, text: str) -> None:
        """Tell, with an OK button."""
        QMessageBox.information(self.parent, title, text)
