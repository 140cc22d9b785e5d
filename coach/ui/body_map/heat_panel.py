"""The heat map's side of the Body map view: which period, what it holds, and each area's numbers.

The numbers come from coach.core.body.heat; the view reads the log and hands them to `HeatPanel`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.heat import HeatCell
from coach.core.body.regions import RegionCatalogue
from coach.ui.common.appearance import bold_when_checked
from coach.ui.common.marked import QT_TRANSLATE_NOOP
from coach.ui.common.text import muted

# The heat map's ranges: label, days up to the date shown (None: the whole log)
HEAT_PRESETS: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("BodyMapView", "3&0 days"), 30),
    (QT_TRANSLATE_NOOP("BodyMapView", "&3 months"), 91),
    (QT_TRANSLATE_NOOP("BodyMapView", "1 &year"), 365),
    (QT_TRANSLATE_NOOP("BodyMapView", "&All"), None),
)


def heat_text(cell: HeatCell) -> str:
    """What the heat map says about an area: on how many days it was marked, how much, how badly."""
    return QCoreApplication.translate(
        "BodyMapView", "marked on {0} of {1} logged days, average {2}, worst {3}"
    ).format(
        cell.days_marked,
        cell.total_days_logged,
        QLocale().toString(cell.mean_intensity, "f", 1),
        cell.max_intensity,
    )


class HeatPanel(QWidget):
    """The period presets, a line about the period, and its marked areas in a table, most first.

    `preset_chosen` says which of HEAT_PRESETS was clicked; `region_chosen`, whose row was picked.
    """

    preset_chosen = Signal(int)
    region_chosen = Signal(str)

    def __init__(
        self, catalogue: RegionCatalogue, preset: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.preset_buttons: list[QPushButton] = []
        presets = QHBoxLayout()
        presets.setSpacing(4)
        for number, (label, _days) in enumerate(HEAT_PRESETS):
            button = QPushButton(QCoreApplication.translate("BodyMapView", label))
            button.setCheckable(True)
            button.setChecked(number == preset)
            bold_when_checked(button)
            button.setAccessibleName(
                QCoreApplication.translate("BodyMapView", "Last {0}").format(
                    button.text().replace("&", "")
                )
            )
            button.clicked.connect(lambda _=False, n=number: self.preset_chosen.emit(n))
            self.preset_buttons.append(button)
            presets.addWidget(button)
        self.preset_buttons[-1].setAccessibleName(
            QCoreApplication.translate("BodyMapView", "All of the log")
        )
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(
            QCoreApplication.translate("BodyMapView", "Marked areas in this period")
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BodyMapView", "Area"),
                QCoreApplication.translate("BodyMapView", "Days"),
                QCoreApplication.translate("BodyMapView", "Average"),
                QCoreApplication.translate("BodyMapView", "Worst"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda *_: self._row_selected())
        self.summary = muted(QLabel())
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(presets)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def check_preset(self, number: int) -> None:
        """Show preset `number` as the one chosen."""
        for index, button in enumerate(self.preset_buttons):
            button.setChecked(index == number)

    def show_heat(self, heat: Mapping[str, HeatCell], days_logged: int) -> None:
        """A period with `days_logged` days and these areas' numbers: say so, and list them."""
        if not days_logged:
            summary = QCoreApplication.translate("BodyMapView", "Nothing logged in this period.")
        elif not heat:
            summary = QCoreApplication.translate(
                "BodyMapView", "{0} days logged in this period, with no areas marked."
            ).format(days_logged)
        else:
            summary = QCoreApplication.translate(
                "BodyMapView",
                "{0} days logged. The more an area's colour stands out, the more often and "
                "strongly it was marked; "
                "point at one, or pick it below, for its numbers.",
            ).format(days_logged)
        self.summary.setText(summary)
        self._fill_table(heat)

    def _fill_table(self, heat: Mapping[str, HeatCell]) -> None:
        ordered = sorted(heat.items(), key=lambda kv: (-kv[1].score, kv[0]))
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(ordered))
        for row, (region, cell) in enumerate(ordered):
            values = (
                self.catalogue.name(region),
                QCoreApplication.translate("BodyMapView", "{0} of {1}").format(
                    cell.days_marked, cell.total_days_logged
                ),
                QLocale().toString(cell.mean_intensity, "f", 1),
                str(cell.max_intensity),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, region)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)
        table.setCurrentCell(-1, -1)
        table.blockSignals(False)

    def _row_selected(self) -> None:
        # the status line, not a highlight: a tint over the region would change its heat colour
        item = self.table.item(self.table.currentRow(), 0)
        region = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(region, str):
            self.region_chosen.emit(region)
