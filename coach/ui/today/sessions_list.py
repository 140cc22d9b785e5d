"""The routines played on one day, a line each: when, how far, and the pain before and after."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coach.core.log.entries import SessionRecord
from coach.ui.common.rating_scale import short_time
from coach.ui.common.text import muted


class SessionsList(QWidget):
    """The routines played on one day: when, how far, and the pain before and after."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sessions on this day"))
        self.rows = QVBoxLayout()
        self.rows.setSpacing(8)
        self.empty = QLabel(self.tr("No sessions on this day."))
        self.empty.setWordWrap(True)
        muted(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows)
        layout.addWidget(self.empty)
        self.lines: list[QLabel] = []

    def set_sessions(self, records: Iterable[SessionRecord]) -> None:
        """Show these sessions, oldest first."""
        for label in self.lines:
            label.hide()
            label.deleteLater()
        self.lines = []
        for record in records:
            label = QLabel(session_text(record))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.rows.addWidget(label)
            self.lines.append(label)
        self.empty.setVisible(not self.lines)

    def texts(self) -> list[str]:
        """What each line says (for tests and screen readers)."""
        return [label.text() for label in self.lines]


def session_text(record: SessionRecord) -> str:
    """ "07:42 Gentle low back massage" and "completed, 12 min · pain 6 → 4" on a second line."""
    moment = record.started_at.time()
    started = short_time(QTime(moment.hour, moment.minute))
    if record.completed:
        how = QCoreApplication.translate("SessionsList", "completed")
    elif record.stopped_at_step is not None:
        how = QCoreApplication.translate("SessionsList", "stopped at step {0} of {1}").format(
            record.stopped_at_step, record.step_count
        )
    else:
        how = QCoreApplication.translate("SessionsList", "stopped early")
    facts = [f"{how}, {_minutes(record.actual_seconds)}"]
    before, after = record.pain_before, record.pain_after
    if before is not None and after is not None:
        facts.append(
            QCoreApplication.translate("SessionsList", "pain {0} → {1}").format(before, after)
        )
    elif before is not None:
        facts.append(QCoreApplication.translate("SessionsList", "pain before {0}").format(before))
    elif after is not None:
        facts.append(QCoreApplication.translate("SessionsList", "pain after {0}").format(after))
    return f"{started}  {record.routine_title}\n{' · '.join(facts)}"


def _minutes(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("SessionsList", "{0} s").format(round(seconds))
    return QCoreApplication.translate("SessionsList", "{0} min").format(round(seconds / 60))
