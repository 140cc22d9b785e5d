"""Finding a routine in the library: the filter bar above the table and the proxy model behind it."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.routine_search import LengthBand, RoutineFilter
from coach.ui.common.step_words import routine_kind_name
from coach.ui.library.routine_model import RoutineTableModel

_Index = QModelIndex | QPersistentModelIndex


class RoutineFilterProxy(QSortFilterProxyModel):
    """The routine table as the filters let it through, sortable by any column."""

    def __init__(self, catalogue: RegionCatalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.wanted = RoutineFilter()
        self._matcher = self.wanted.matcher(catalogue)
        self.setSortRole(RoutineTableModel.SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter(self, wanted: RoutineFilter) -> None:
        """Show only the routines `wanted` lets through."""
        if wanted == self.wanted:
            return
        self.beginFilterChange()
        self.wanted = wanted
        self._matcher = wanted.matcher(self.catalogue)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RoutineTableModel)
        return self._matcher.accepts(model.facts(source_row))


class RoutineFilterBar(QWidget):
    """Search and filters for the routine library, with a count of what they let through."""

    changed = Signal()

    def __init__(self, catalogue: RegionCatalogue) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search titles, steps, equipment and body areas (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search routines"))
        self.search.textChanged.connect(self.changed)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of routine"))
        self.kind.addItem(self.tr("All kinds"), None)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind.currentIndexChanged.connect(self.changed)
        self.kind.view().setAccessibleName(self.tr("Kinds of routine"))

        self.length = QComboBox()
        self.length.setAccessibleName(self.tr("Length"))
        for text, band in (
            (self.tr("Any length"), LengthBand.ANY),
            (self.tr("Under 10 min"), LengthBand.UNDER_10),
            (self.tr("10–20 min"), LengthBand.FROM_10_TO_20),
            (self.tr("Over 20 min"), LengthBand.OVER_20),
        ):
            self.length.addItem(text, band)
        self.length.currentIndexChanged.connect(self.changed)
        self.length.view().setAccessibleName(self.tr("Lengths"))

        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Body area"))
        self.region.setEditable(True)
        self.region.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.region.setMaxVisibleItems(20)
        self.region.setMinimumContentsLength(18)
        self.region.addItem(self.tr("Any body area"), None)
        named = [(g.name, g.id) for g in catalogue.groups.values()]
        named += [(r.name, r.id) for r in catalogue.regions.values()]
        for name, id_ in sorted(named, key=lambda pair: pair[0].casefold()):
            self.region.addItem(name, id_)
        completer = QCompleter(self.region.model(), self.region)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.region.setCompleter(completer)
        self.region.view().setAccessibleName(self.tr("Body areas"))
        popup = completer.popup()
        if popup is not None:
            popup.setAccessibleName(self.tr("Matching body areas"))
        line = self.region.lineEdit()
        assert line is not None  # the combo is editable
        line.setAccessibleName(self.tr("Body area"))
        line.setPlaceholderText(self.tr("Type to find a body area"))
        line.editingFinished.connect(self._settle_region_text)
        self.region.currentIndexChanged.connect(self.changed)

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every routine again"))
        self.clear_button.clicked.connect(self.clear)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("How many routines are shown"))

        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        length_label = QLabel(self.tr("&Length:"))
        length_label.setBuddy(self.length)
        region_label = QLabel(self.tr("&Body area:"))
        region_label.setBuddy(self.region)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 4)
        grid.setHorizontalSpacing(6)
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 5)
        grid.addWidget(self.clear_button, 0, 6)
        grid.addWidget(kind_label, 1, 0)
        grid.addWidget(self.kind, 1, 1)
        grid.addWidget(length_label, 1, 2)
        grid.addWidget(self.length, 1, 3)
        grid.addWidget(region_label, 1, 4)
        grid.addWidget(self.region, 1, 5)
        grid.addWidget(self.count, 1, 6)
        grid.setColumnStretch(5, 1)

        self.changed.connect(self._update_clear_button)
        self._update_clear_button()
        QWidget.setTabOrder(self.search, self.kind)
        QWidget.setTabOrder(self.kind, self.length)
        QWidget.setTabOrder(self.length, self.region)
        QWidget.setTabOrder(self.region, self.clear_button)

    def current(self) -> RoutineFilter:
        """The filter the controls describe."""
        return RoutineFilter(
            text=self.search.text(),
            kind=self.kind.currentData(),
            length=self.length.currentData(),
            region=self.region.currentData(),
        )

    def set_kinds(self, kinds: list[str]) -> None:
        """Offer these routine kinds, keeping the chosen one (even if no routine has it now)."""
        chosen = self.kind.currentData()
        offered = list(kinds)
        if chosen is not None and chosen not in offered:
            offered.append(chosen)
        if [self.kind.itemData(i) for i in range(1, self.kind.count())] == offered:
            return
        self.kind.blockSignals(True)
        while self.kind.count() > 1:
            self.kind.removeItem(1)
        for kind in offered:
            self.kind.addItem(routine_kind_name(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        self.kind.blockSignals(False)

    def set_region(self, region_id: str | None) -> bool:
        """Filter by a region or group id (None: any); False if the catalogue does not know it."""
        index = self.region.findData(region_id)
        if index < 0:
            return False
        self.region.setCurrentIndex(index)
        return True

    def set_count(self, shown: int, total: int) -> None:
        """Say how many routines the filters let through."""
        self.count.setText(self.tr("Showing {0} of {1}").format(shown, total))

    def clear(self) -> None:
        """Let every routine through again (one `changed`, not one per control)."""
        self.blockSignals(True)
        self.search.clear()
        self.kind.setCurrentIndex(0)
        self.length.setCurrentIndex(0)
        self.region.setCurrentIndex(0)
        self.blockSignals(False)
        self.changed.emit()

    def focus_search(self) -> None:
        """Put the cursor in the search field, its text selected for typing over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _settle_region_text(self) -> None:
        # typed text that names no area goes back to the chosen one; erased text means any area
        text = self.region.currentText().strip()
        if not text:
            self.region.setCurrentIndex(0)
            self.region.setEditText(self.region.itemText(0))
            return
        match = self.region.findText(text, Qt.MatchFlag.MatchFixedString)
        if match >= 0:
            self.region.setCurrentIndex(match)
        self.region.setEditText(self.region.itemText(self.region.currentIndex()))

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(not self.current().is_empty)
