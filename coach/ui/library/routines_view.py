"""The Routines view: the library with filters, a routine's details, and the files that failed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.library import LibraryEntry, LibraryScan
from coach.services.routine_catalog import RoutineCatalog
from coach.ui.library.routine_detail import broken_html, muted_colour, problem_line, routine_html
from coach.ui.library.routine_filters import RoutineFilterBar, RoutineFilterProxy
from coach.ui.library.routine_model import RoutineTableModel

# widest a text column starts; the rest is elided in the middle, with the whole text in its tooltip
MAX_COLUMN_WIDTH = 170
# the least share of the table's width the title column keeps
TITLE_SHARE = 0.36


class RoutinesView(QWidget):
    """Lists the library with filters; shows a routine's details, or a file's problems.

    It shows the routine catalogue, and follows it when it changes (a file changed on disk, or
    the person asked to reload), keeping the filters and what is selected.
    """

    status_changed = Signal(str)
    start_requested = Signal(str)

    def __init__(self, routines: RoutineCatalog, catalogue: RegionCatalogue) -> None:
        super().__init__()
        self.routine_catalog = routines
        self.catalogue = catalogue
        self.scan = LibraryScan((), ())  # what the view shows: the catalogue's, once shown
        self.status_text = ""
        self._shown_html: str | None = None

        self.filters = RoutineFilterBar(catalogue)
        self.filters.changed.connect(self._filters_changed)
        self.model = RoutineTableModel(catalogue)
        self.proxy = RoutineFilterProxy(catalogue)
        self.proxy.setSourceModel(self.model)
        self._natural: dict[int, int] = {}  # each column's width before sharing
        self.table = self._make_table()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No routine matches"))
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty)
        self.broken_label = QLabel()
        self.broken = QListWidget()
        self.broken.setAccessibleName(self.tr("Session files with problems"))
        # selection, not the current row: tabbing through the list must not pick a file
        self.broken.itemSelectionChanged.connect(self._broken_selected)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Routine details"))
        self.detail.setOpenLinks(False)
        self.detail.setTabChangesFocus(True)
        self.start_button = QPushButton(self.tr("Start…"))
        self.start_button.setAccessibleName(self.tr("Start the selected routine"))
        self.start_button.setToolTip(self.tr("Get ready to start this routine (Enter)"))
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start_selected)
        self._layout()

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.filters.focus_search)
        for first, second in (
            (self.filters.clear_button, self.table),
            (self.table, self.broken),
            (self.broken, self.detail),
            (self.detail, self.start_button),
        ):
            QWidget.setTabOrder(first, second)
        routines.changed.connect(self.show_catalog)
        self.show_catalog()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Routines"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the details
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # titles that differ at the end ("…: 16 groups", "…: 4 groups (short)") stay distinct
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(RoutineTableModel.TITLE, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table.selectionModel().selectionChanged.connect(self._routine_selected)
        table.doubleClicked.connect(self._double_clicked)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)
        return table

    def _layout(self) -> None:
        # the table above the details: six columns need the whole width to stay readable
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(8, 4, 8, 4)
        listing_layout.addWidget(self.results, 1)
        listing_layout.addWidget(self.broken_label)
        listing_layout.addWidget(self.broken)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(8, 4, 8, 8)
        details_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        details_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(listing)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the session folders again (the view follows the catalogue's `changed`)."""
        self.routine_catalog.refresh()

    def show_catalog(self) -> None:
        """Show the catalogue as it is now, keeping the filters and what is selected."""
        before = self.selected_entry()
        selected = before.routine.id if before else None
        broken_row = self._broken_row()
        broken_path = self.scan.broken[broken_row].path if broken_row >= 0 else None
        self.scan = self.routine_catalog.scan
        self.model.set_entries(self.scan.entries)
        self.filters.set_kinds(self.model.kinds())
        self._fit_columns()
        self._fill_broken()
        self._update_status()
        self._update_results()
        if selected and self.select(selected, clear_filters=False):
            return
        # a routine whose file just broke: show why; a broken file still broken: keep it; a
        # broken file fixed: show the routine it now is
        broken_paths = [b.path for b in self.scan.broken]
        for path in (before.routine.path if before else None, broken_path):
            if path is not None and path in broken_paths:
                self.broken.setCurrentRow(broken_paths.index(path))
                return
        fixed = next((e for e in self.scan.entries if e.routine.path == broken_path), None)
        if fixed is None or not self.select(fixed.routine.id, clear_filters=False):
            self._select_first()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        self._natural = {}
        for column in range(self.model.columnCount()):
            if column != RoutineTableModel.TITLE:
                self._natural[column] = min(header.sectionSize(column), MAX_COLUMN_WIDTH)
        header.setSectionResizeMode(RoutineTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self._share_width()

    def _share_width(self) -> None:
        """The title keeps at least TITLE_SHARE of the width, or all it needs (large text, a
        small window): the other columns give up room in proportion, down to a few characters."""
        natural = self._natural
        if not natural:
            return
        header = self.table.horizontalHeader()
        length = natural.get(RoutineTableModel.LENGTH, 0)
        width = self.table.viewport().width()
        # the title needs no more than its longest text
        title = min(self.table.sizeHintForColumn(RoutineTableModel.TITLE), TITLE_SHARE * width)
        room = width - title - length
        total = sum(natural.values()) - length
        scale = min(1.0, room / total) if total else 1.0
        least = self.table.fontMetrics().horizontalAdvance("0000…")
        for column, width in natural.items():
            if column == RoutineTableModel.LENGTH:
                continue  # a few digits: always whole
            header.resizeSection(column, max(least, min(width, round(width * scale))))

    def _fill_broken(self) -> None:
        self.broken.blockSignals(True)
        self.broken.clear()
        for broken in self.scan.broken:
            name = broken.path.relative_to(broken.source.folder).as_posix()
            first = broken.problems[0]
            text = problem_line(f"{name}:{first.line}" if first.line else name, first)
            if len(broken.problems) > 1:
                text += self.tr(" (and {0} more)").format(len(broken.problems) - 1)
            item = QListWidgetItem(text)
            item.setToolTip("\n".join(str(p) for p in broken.problems))
            self.broken.addItem(item)
        self.broken.setCurrentRow(-1)
        self.broken.blockSignals(False)
        has_broken = bool(self.scan.broken)
        self.broken_label.setText(
            self.tr("<b>Files with problems</b> ({0})").format(len(self.scan.broken))
        )
        self.broken_label.setVisible(has_broken)
        self.broken.setVisible(has_broken)
        if has_broken:  # as tall as its items, up to four; it scrolls beyond
            rows = min(self.broken.count(), 4)
            frame = 2 * self.broken.frameWidth()
            self.broken.setFixedHeight(rows * self.broken.sizeHintForRow(0) + frame + 4)

    def _update_status(self) -> None:
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

    # -- filters -----------------------------------------------------------------------------

    def _filters_changed(self) -> None:
        selected = self.selected_id()
        self.proxy.set_filter(self.filters.current())
        self._update_results()
        # Qt may move the selection to a neighbour while rows go: put it back, or, if the
        # routine was filtered out (or none was shown), show the first that is left
        if selected is not None and self.select(selected, clear_filters=False):
            return
        if self._broken_row() < 0:
            self._select_first()

    def _update_results(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.filters.set_count(shown, total)
        if shown or not total:
            self.results.setCurrentWidget(self.table)
            return
        self.empty.setText(self.tr("No routine matches; clear the filters (Escape) to see all."))
        self.results.setCurrentWidget(self.empty)
        if self._broken_row() < 0:
            self._show_html("")

    # -- selection ---------------------------------------------------------------------------

    def select(self, routine_id: str, *, clear_filters: bool = True) -> bool:
        """Select a routine by id (clearing filters that hide it); False if it is not loaded."""
        row = self.model.row_of(routine_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            if not clear_filters:
                return False
            self.filters.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def selected_id(self) -> str | None:
        """The id of the selected routine, if a routine is selected."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RoutineTableModel.ROUTINE_ROLE) if rows else None

    def selected_entry(self) -> LibraryEntry | None:
        """The selected routine with where it comes from."""
        selected = self.selected_id()
        return self.scan.find(selected) if selected else None

    def start_selected(self) -> None:
        """Ask to start the selected routine (the player shows its pre-start screen)."""
        selected = self.selected_id()
        if selected is not None:
            self.start_requested.emit(selected)

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self._routine_selected()

    def _routine_selected(self, *_selection: object) -> None:
        entry = self.selected_entry()
        self.start_button.setEnabled(entry is not None)
        if entry is None:
            return
        self.broken.blockSignals(True)
        self.broken.clearSelection()
        self.broken.setCurrentRow(-1)
        self.broken.blockSignals(False)
        self._show_html(routine_html(entry, self.catalogue, muted_colour(self.detail.palette())))

    def _broken_row(self) -> int:
        rows = self.broken.selectedIndexes()
        return rows[0].row() if rows else -1

    def _broken_selected(self) -> None:
        row = self._broken_row()
        if row >= 0:
            self.table.clearSelection()
            self._show_html(
                broken_html(self.scan.broken[row], watching=self.routine_catalog.watching)
            )

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.start_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the table starts the selected routine (Qt's `activated` may be one click)."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()  # (the viewport: the table's own resize comes before its width)
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.selected_id() is not None
        ):
            self.start_selected()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape clears the filters."""
        if event.key() == Qt.Key.Key_Escape and not self.filters.current().is_empty:
            self.filters.clear()
            return
        super().keyPressEvent(event)

    # -- details -----------------------------------------------------------------------------

    def _show_html(self, text: str) -> None:
        # a reload that changed nothing here keeps the reader's place in the text
        if text != self._shown_html:
            self._shown_html = text
            self.detail.setHtml(text)
