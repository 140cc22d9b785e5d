"""Item model of the routine library, for the table in the Routines view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coach.core.library import LibraryEntry
from coach.core.routine import format_duration

_Index = QModelIndex | QPersistentModelIndex


class RoutineTableModel(QAbstractTableModel):
    """One row per routine: title, kind, duration, where it comes from."""

    ROUTINE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._entries: tuple[LibraryEntry, ...] = ()
        self._headers = [self.tr("Title"), self.tr("Kind"), self.tr("Length"), self.tr("Source")]

    def set_entries(self, entries: tuple[LibraryEntry, ...]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry(self, row: int) -> LibraryEntry:
        """The routine at `row`."""
        return self._entries[row]

    def row_of(self, routine_id: str) -> int | None:
        """The row showing `routine_id`, if any."""
        return next((i for i, e in enumerate(self._entries) if e.routine.id == routine_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        routine = entry.routine
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                routine.title,
                routine.kind,
                format_duration(routine.duration),
                self.tr("yours") if entry.source.label == "yours" else self.tr("built-in"),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return routine.summary or routine.title
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ROUTINE_ROLE:
            return routine.id
        return None
