"""Item model of the routine library, for the table in the Routines view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.library import LibraryEntry
from coach.core.routines.routine import format_duration
from coach.core.routines.routine_search import RoutineFacts, fold, step_regions
from coach.ui.common.step_words import routine_kind_name

_Index = QModelIndex | QPersistentModelIndex

# How many region names the "Works on" column shows before "+N"
SHOWN_REGIONS = 2


def source_name(entry: LibraryEntry) -> str:
    """Where a routine comes from, in words."""
    if entry.source.label == "yours":
        return QCoreApplication.translate("RoutineSource", "yours")
    return QCoreApplication.translate("RoutineSource", "built-in")


class RoutineTableModel(QAbstractTableModel):
    """One row per routine: title, kind, length, equipment, regions, where it comes from."""

    ROUTINE_ROLE = Qt.ItemDataRole.UserRole + 1
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2
    TITLE, KIND, LENGTH, EQUIPMENT, WORKS_ON, SOURCE = range(6)

    def __init__(self, catalogue: RegionCatalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self._entries: tuple[LibraryEntry, ...] = ()
        self._facts: tuple[RoutineFacts, ...] = ()
        self._headers = [
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Length"),
            self.tr("Equipment"),
            self.tr("Works on"),
            self.tr("Source"),
        ]

    def set_entries(self, entries: tuple[LibraryEntry, ...]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._entries = entries
        self._facts = tuple(RoutineFacts.of(e.routine, self.catalogue) for e in entries)
        self.endResetModel()

    def entry(self, row: int) -> LibraryEntry:
        """The routine at `row`."""
        return self._entries[row]

    def facts(self, row: int) -> RoutineFacts:
        """What the filters look at for the routine at `row`."""
        return self._facts[row]

    def kinds(self) -> list[str]:
        """The routine kinds present, in alphabetical order of their names."""
        return sorted({e.routine.kind for e in self._entries}, key=routine_kind_name)

    def row_of(self, routine_id: str) -> int | None:
        """The row showing `routine_id`, if any."""
        return next((i for i, e in enumerate(self._entries) if e.routine.id == routine_id), None)

    def works_on(self, row: int) -> list[str]:
        """The display names of the regions a routine targets (or, without targets, its steps')."""
        routine = self._entries[row].routine
        ids = routine.targets or tuple(step_regions(routine))
        return [self.catalogue.name(id_) for id_ in ids]

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
        row, column = index.row(), index.column()
        entry = self._entries[row]
        routine = entry.routine
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.SORT_ROLE:
            if column == self.LENGTH:
                return routine.duration
            return fold(self._display(row, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.EQUIPMENT and routine.equipment:
                return "\n".join(routine.equipment)
            if column == self.WORKS_ON and self.works_on(row):
                return "\n".join(self.works_on(row))
            return routine.summary or routine.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ROUTINE_ROLE:
            return routine.id
        return None

    def _display(self, row: int, column: int) -> str:
        entry = self._entries[row]
        routine = entry.routine
        if column == self.TITLE:
            return routine.title
        if column == self.KIND:
            return routine_kind_name(routine.kind)
        if column == self.LENGTH:
            return format_duration(routine.duration)
        if column == self.EQUIPMENT:
            return ", ".join(routine.equipment) or self.tr("none")
        if column == self.WORKS_ON:
            names = self.works_on(row)
            shown = ", ".join(names[:SHOWN_REGIONS])
            extra = len(names) - SHOWN_REGIONS
            return self.tr("{0} +{1}").format(shown, extra) if extra > 0 else shown
        return source_name(entry)
