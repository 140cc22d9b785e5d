"""The areas that hurt on a day, picked from a searchable list until the body map exists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import RATING_MAX, RATING_MIN
from coach.ui.common.text import muted

DEFAULT_INTENSITY = 5


class AreasEditor(QWidget):
    """Marked areas with their intensity (0-10): add from a searchable list, change, remove."""

    areas_changed = Signal(dict)

    def __init__(self, catalogue: RegionCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._areas: dict[str, int] = {}
        self.picker = QComboBox()
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.setAccessibleName(self.tr("Area to add"))
        self.picker.setMaxVisibleItems(15)
        view = self.picker.view()
        if view is not None:
            view.setAccessibleName(self.tr("Areas of the body"))
        for region in catalogue.regions.values():
            self.picker.addItem(region.name, region.id)
        self.picker.setCurrentIndex(-1)
        line = self.picker.lineEdit()
        completer = self.picker.completer()
        assert line is not None, "an editable combo box has a line edit"
        assert completer is not None, "an editable combo box has a completer"
        self.completer = completer
        if (popup := completer.popup()) is not None:
            popup.setAccessibleName(self.tr("Matching areas"))
        line.setPlaceholderText(self.tr("Type to search, e.g. lower back"))
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # Queued: the combo box fills in the completion after this signal, then the area is added.
        chosen = completer.activated[str]  # type: ignore[index]
        chosen.connect(self._completion_chosen, Qt.ConnectionType.QueuedConnection)
        line.returnPressed.connect(self._return_pressed)
        self.intensity = QSpinBox()
        self.intensity.setRange(RATING_MIN, RATING_MAX)
        self.intensity.setValue(DEFAULT_INTENSITY)
        self.intensity.setAccessibleName(self.tr("How much the new area hurts, 0 to 10"))
        self.intensity.setToolTip(self.tr("How much it hurts there: 0 (no pain) to 10"))
        self.add_button = QPushButton(self.tr("Add area"))
        self.add_button.clicked.connect(self.add_picked)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        explain = QLabel(
            self.tr(
                "Pick areas from the list, or mark them on the Body map: both edit the same day."
            )
        )
        explain.setWordWrap(True)
        muted(explain)

        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(12)
        self.rows.setVerticalSpacing(4)
        self.rows.setColumnStretch(0, 1)
        self.row_widgets: list[QWidget] = []
        self.empty = QLabel(self.tr("No areas marked."))
        muted(self.empty)

        entry = QHBoxLayout()
        entry.addWidget(self.picker, 1)
        entry.addWidget(QLabel(self.tr("how much")))
        entry.addWidget(self.intensity)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(explain)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addLayout(self.rows)
        layout.addWidget(self.empty)
        self._show_rows()

    def areas(self) -> dict[str, int]:
        """Region id -> intensity, as shown."""
        return dict(self._areas)

    def set_areas(self, areas: dict[str, int]) -> None:
        """Show these areas without emitting `areas_changed`, and reset the picker."""
        self._areas = dict(areas)
        self.picker.setCurrentIndex(-1)
        self.picker.clearEditText()
        self.intensity.setValue(DEFAULT_INTENSITY)
        self._say("")
        self._show_rows()

    def add_picked(self) -> None:
        """Add (or update) the area named in the picker with the chosen intensity."""
        region = self._picked_region()
        if region is None:
            self._say(
                self.tr("Pick an area from the list: type part of its name, then choose it.")
                if self.picker.currentText().strip()
                else self.tr("Type or choose an area first.")
            )
            return
        self._say("")
        self._areas[region] = self.intensity.value()
        self.picker.setCurrentIndex(-1)
        self.picker.clearEditText()
        self._show_rows()
        self.areas_changed.emit(self.areas())

    def set_intensity(self, region: str, intensity: int) -> None:
        """Change how much a marked area hurts."""
        if self._areas.get(region) == intensity:
            return
        self._areas[region] = intensity
        self.areas_changed.emit(self.areas())

    def remove(self, region: str) -> None:
        """Unmark an area; the keyboard focus goes to the next row's Remove, or to the picker."""
        if region not in self._areas:
            return
        order = self._ordered()
        index = order.index(region)
        had_focus = self.isAncestorOf(self.focusWidget()) and self.focusWidget() not in (
            self.picker,
            self.picker.lineEdit(),
        )
        del self._areas[region]
        self._show_rows()
        self.areas_changed.emit(self.areas())
        if had_focus:
            buttons = self.remove_buttons()
            target: QWidget = buttons[min(index, len(buttons) - 1)] if buttons else self.picker
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_buttons(self) -> list[QPushButton]:
        """Each marked area's Remove button, in the order shown."""
        return [w for w in self.row_widgets if isinstance(w, QPushButton)]

    def intensity_boxes(self) -> dict[str, QSpinBox]:
        """Each marked area's intensity box, by region id."""
        return {w.property("region"): w for w in self.row_widgets if isinstance(w, QSpinBox)}

    def _ordered(self) -> list[str]:
        # Catalogue order (head to toe, front then back) reads more naturally than the ids.
        known = [r for r in self.catalogue.regions if r in self._areas]
        return known + sorted(r for r in self._areas if r not in self.catalogue.regions)

    def _picked_region(self) -> str | None:
        text = " ".join(self.picker.currentText().split()).casefold()
        if not text:
            return None
        names = {r.name.casefold(): r.id for r in self.catalogue.regions.values()}
        if text in names:
            return names[text]
        matches = [rid for name, rid in names.items() if text in name]
        return matches[0] if len(matches) == 1 else None

    def _return_pressed(self) -> None:
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            if popup.currentIndex().isValid():
                return  # the completer takes this Enter and reports the chosen area
            popup.hide()
        self.add_picked()

    def _completion_chosen(self, name: str) -> None:
        self.picker.setEditText(name)
        self.add_picked()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_rows(self) -> None:
        for widget in self.row_widgets:
            self.rows.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.row_widgets = []
        previous: QWidget = self.add_button
        for row, region in enumerate(self._ordered()):
            name = self.catalogue.name(region)
            label = QLabel(name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            box = QSpinBox()
            box.setRange(RATING_MIN, RATING_MAX)
            box.setValue(self._areas[region])
            box.setSuffix(self.tr(" of 10"))
            box.setProperty("region", region)
            box.setAccessibleName(self.tr("How much {0} hurts").format(name))
            box.valueChanged.connect(lambda value, r=region: self.set_intensity(r, value))
            remove = QPushButton(self.tr("Remove"))
            remove.setAccessibleName(self.tr("Remove {0}").format(name))
            remove.clicked.connect(lambda _=False, r=region: self.remove(r))
            label.setBuddy(box)
            self.rows.addWidget(label, row, 0)
            self.rows.addWidget(box, row, 1)
            self.rows.addWidget(remove, row, 2)
            QWidget.setTabOrder(previous, box)
            QWidget.setTabOrder(box, remove)
            previous = remove
            self.row_widgets += [label, box, remove]
        self.empty.setVisible(not self._areas)
