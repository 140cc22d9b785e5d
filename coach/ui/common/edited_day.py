"""What a view that logs one day (Today, the body map) reads from the shared day editor."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from coach.services.day_editor import DayEditor


class ShowsEditedDay:
    """Mixed into a view with an `editor`: the day it shows is the editor's, never a copy."""

    editor: DayEditor

    @property
    def date(self) -> dt.date:
        """The day shown (the day editor's)."""
        return self.editor.date

    @property
    def known_today(self) -> dt.date:
        """Today's date as last looked at."""
        return self.editor.known_today

    @property
    def problem(self) -> str:
        """Why the last save failed, or ""."""
        return self.editor.problem

    @property
    def save_timer(self) -> QTimer:
        """The pause before edits are saved."""
        return self.editor.save_timer
