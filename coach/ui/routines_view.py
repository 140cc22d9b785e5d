"""The Routines view: every routine with its details, and the files that could not be loaded."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coach.core.library import BrokenFile, LibraryScan, RoutineLibrary
from coach.core.regions import RegionCatalogue
from coach.core.routine import Routine, format_duration
from coach.core.timeline import Timeline
from coach.ui.routine_model import RoutineTableModel


class RoutinesView(QWidget):
    """Lists the library; shows a routine's summary, cautions and steps, or a file's problems."""

    status_changed = Signal(str)

    def __init__(self, library: RoutineLibrary, catalogue: RegionCatalogue) -> None:
        super().__init__()
        self.library = library
        self.catalogue = catalogue
        self.scan = LibraryScan((), ())
        self.status_text = ""
        self.model = RoutineTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Routines"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._routine_selected)
        self.broken_label = QLabel()
        self.broken = QListWidget()
        self.broken.setAccessibleName(self.tr("Session files with problems"))
        self.broken.currentRowChanged.connect(self._broken_selected)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Routine details"))
        self.detail.setOpenLinks(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(QLabel(self.tr("<b>Routines</b> (F5 reloads)")))
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(self.broken_label)
        left_layout.addWidget(self.broken, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        """Read the session folders again."""
        selected = self._selected_id()
        self.scan = self.library.scan()
        self.model.set_entries(self.scan.entries)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.broken.clear()
        for broken in self.scan.broken:
            first = broken.problems[0]
            what = f"{first.field} {first.message}" if first.field else first.message
            item = QListWidgetItem(f"{broken.path.name}: {what}")
            item.setToolTip("\n".join(str(p) for p in broken.problems))
            self.broken.addItem(item)
        has_broken = bool(self.scan.broken)
        self.broken_label.setText(
            self.tr("<b>Files with problems</b> ({0})").format(len(self.scan.broken))
        )
        self.broken_label.setVisible(has_broken)
        self.broken.setVisible(has_broken)
        routines, problems = len(self.scan.entries), len(self.scan.broken)
        counted = (
            self.tr("1 routine") if routines == 1 else self.tr("{0} routines").format(routines)
        )
        if problems == 1:
            counted += self.tr(", 1 file with problems")
        elif problems:
            counted += self.tr(", {0} files with problems").format(problems)
        self.status_text = counted
        self.status_changed.emit(self.status_text)
        if not self.select(selected or "") and self.scan.entries:
            self.table.selectRow(0)

    def select(self, routine_id: str) -> bool:
        """Select a routine by id; False if it is not in the library."""
        row = self.model.row_of(routine_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()).routine.id if rows else None

    def _routine_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.broken.setCurrentRow(-1)
            self.detail.setHtml(self._routine_html(self.model.entry(indexes[0].row()).routine))

    def _broken_selected(self, row: int) -> None:
        if row >= 0:
            self.table.clearSelection()
            self.detail.setHtml(_broken_html(self.scan.broken[row]))

    def _routine_html(self, routine: Routine) -> str:
        e = html.escape
        parts = [f"<h2>{e(routine.title)}</h2>"]
        facts = [
            routine.kind,
            format_duration(routine.duration),
            self.tr("{0} steps").format(len(routine.steps)),
        ]
        parts.append(f"<p><i>{e(' · '.join(facts))}</i></p>")
        if routine.summary:
            parts.append(f"<p>{e(routine.summary)}</p>")
        if routine.equipment:
            parts.append(
                f"<p><b>{e(self.tr('You need:'))}</b> {e(', '.join(routine.equipment))}</p>"
            )
        if routine.targets:
            names = ", ".join(self.catalogue.name(t) for t in routine.targets)
            parts.append(f"<p><b>{e(self.tr('Works on:'))}</b> {e(names)}</p>")
        if routine.cautions:
            parts.append(f"<h3>{e(self.tr('Before you start'))}</h3><ul>")
            parts += [f"<li>{e(c)}</li>" for c in routine.cautions]
            parts.append("</ul>")
        parts.append(f"<h3>{e(self.tr('Steps'))}</h3><table cellspacing='4'>")
        for placed in Timeline.from_routine(routine).steps:
            step = placed.step
            parts.append(
                f"<tr><td align='right'>{format_duration(placed.offset)}</td>"
                f"<td><b>{e(step.kind.label)}</b></td><td>{step.duration:g}s</td><td>{e(step.text)}</td></tr>"
            )
        parts.append("</table>")
        parts.append(f"<p><small>{e(str(routine.path))}</small></p>")
        return "".join(parts)


def _broken_html(broken: BrokenFile) -> str:
    e = html.escape
    items = "".join(f"<li><code>{e(str(p))}</code></li>" for p in broken.problems)
    return (
        f"<h2>{e(broken.path.name)}</h2><p>This session file could not be loaded "
        f"({e(broken.source.label)}). Fix it and press F5:</p><ul>{items}</ul>"
    )
