"""The day's medications: one click for each of the person's own medicines, and the doses taken.

Each dose shows its name and dose as written, an optional time (HH:MM), whether it was taken as
needed, and how much it helped (0-10, optional). A medicine typed in can be kept in the person's
list, so next time it is one click; the list is changed from each medicine's button menu.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coach.core.log.entries import (
    MAX_MEDICATIONS,
    MAX_MEDICINE,
    InvalidEntry,
    MedicationTaken,
    Medicine,
)
from coach.core.log.exchange import parse_time
from coach.ui.common.text import muted
from coach.ui.today.day_widgets import FlowLayout

Now = Callable[[], dt.datetime]


class MedicationsEditor(QWidget):
    """Edits a day's medications; `medications_changed` says when, `medicine_kept` and
    `medicine_dropped` ask for the person's list to change, `notice` explains a refusal."""

    medications_changed = Signal(object)  # tuple[MedicationTaken, ...]
    medicine_kept = Signal(object)  # Medicine
    medicine_dropped = Signal(str)  # its name
    notice = Signal(str)

    def __init__(self, now: Now = dt.datetime.now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._date: dt.date | None = None
        self._taken: list[MedicationTaken] = []
        self._known: list[Medicine] = []
        self.setAccessibleName(self.tr("Medications taken"))
        self.quick = QWidget()
        self.quick_layout = FlowLayout(self.quick)
        self.quick_hint = muted(
            QLabel(self.tr("Medicines you keep in your list appear here: one click logs a dose."))
        )
        self.quick_hint.setWordWrap(True)
        self.doses = QWidget()
        self.doses_layout = QGridLayout(self.doses)
        self.doses_layout.setContentsMargins(0, 0, 0, 0)
        self.doses_layout.setHorizontalSpacing(10)
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(MAX_MEDICINE)
        self.new_name.setPlaceholderText(self.tr("Another medicine, e.g. ibuprofen 400 mg"))
        self.new_name.setAccessibleName(self.tr("Medicine and dose to add"))
        self.new_name.returnPressed.connect(self.add_typed)
        self.new_as_needed = QCheckBox(self.tr("as needed"))
        self.new_as_needed.setAccessibleName(self.tr("Taken as needed, not as a regular dose"))
        self.keep = QCheckBox(self.tr("keep in my list"))
        self.keep.setChecked(True)
        self.keep.setAccessibleName(self.tr("Keep this medicine in my list for one-click logging"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add this medicine to the day"))
        self.add_button.clicked.connect(self.add_typed)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.new_as_needed)
        add_row.addWidget(self.keep)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quick)
        layout.addWidget(self.quick_hint)
        layout.addWidget(self.doses)
        layout.addLayout(add_row)
        self._show_known()

    # -- what it shows -------------------------------------------------------------------------

    def set_date(self, date: dt.date) -> None:
        """The day being edited: a dose logged on today's date gets the time it was clicked."""
        self._date = date

    def set_known(self, medicines: Iterable[Medicine]) -> None:
        """The person's own list of medicines, one button each."""
        self._known = list(medicines)
        self._show_known()

    def set_medications(self, taken: Iterable[MedicationTaken]) -> None:
        """Show these doses (loading a day: not an edit, nothing is emitted)."""
        self._taken = list(taken)
        self._show_doses()

    def medications(self) -> tuple[MedicationTaken, ...]:
        """The doses as shown."""
        return tuple(self._taken)

    # -- doing ---------------------------------------------------------------------------------

    def add(self, medicine: Medicine) -> None:
        """Log a dose of `medicine`, at the time now if the day is today."""
        if len(self._taken) >= MAX_MEDICATIONS:
            self.notice.emit(
                self.tr("A day holds at most {0} medications.").format(MAX_MEDICATIONS)
            )
            return
        now = self._now()
        time = now.time().replace(second=0, microsecond=0) if self._date == now.date() else None
        self._taken.append(medicine.taken(time))
        self._changed()

    def add_typed(self) -> None:
        """Add what was typed (and keep it in the list if asked)."""
        if not self.new_name.text().strip():
            return
        try:
            medicine = Medicine(self.new_name.text(), self.new_as_needed.isChecked())
        except InvalidEntry as refused:
            self.notice.emit(refused.message[:1].upper() + refused.message[1:] + ".")
            return
        if self.keep.isChecked() and all(
            m.name.casefold() != medicine.name.casefold() for m in self._known
        ):
            self.medicine_kept.emit(medicine)
        self.new_name.clear()
        self.new_as_needed.setChecked(False)
        self.add(medicine)

    def _changed(self) -> None:
        self._show_doses()
        self.medications_changed.emit(self.medications())

    def _update(self, index: int, **changes: object) -> None:
        self._taken[index] = replace(self._taken[index], **changes)  # type: ignore[arg-type]
        self.medications_changed.emit(self.medications())

    def _remove(self, index: int) -> None:
        del self._taken[index]
        self._changed()

    # -- building ------------------------------------------------------------------------------

    def _show_known(self) -> None:
        while self.quick_layout.count():
            item = self.quick_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for medicine in self._known:
            button = QToolButton()
            how = self.tr(" (as needed)") if medicine.as_needed else ""
            button.setText(f"+ {medicine.name}{how}")
            button.setAccessibleName(self.tr("Log a dose of {0}").format(medicine.name))
            button.setToolTip(
                self.tr("Log a dose of {0} on this day; the arrow opens more").format(medicine.name)
            )
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            button.clicked.connect(lambda _=False, m=medicine: self.add(m))
            menu = QMenu(button)
            drop = menu.addAction(self.tr("Remove {0} from my list").format(medicine.name))
            drop.triggered.connect(lambda _=False, n=medicine.name: self.medicine_dropped.emit(n))
            button.setMenu(menu)
            self.quick_layout.addWidget(button)
        self.quick.setVisible(bool(self._known))
        self.quick_hint.setVisible(not self._known)

    def _show_doses(self) -> None:
        while self.doses_layout.count():
            item = self.doses_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for row, taken in enumerate(self._taken):
            self._dose_row(row, taken)
        self.doses.setVisible(bool(self._taken))

    def _dose_row(self, row: int, taken: MedicationTaken) -> None:
        name = QLabel(taken.name)
        name.setWordWrap(True)
        time = QLineEdit("" if taken.time is None else f"{taken.time:%H:%M}")
        time.setPlaceholderText(self.tr("time"))
        time.setMaxLength(5)
        time.setFixedWidth(time.fontMetrics().horizontalAdvance("00:00") + 20)
        time.setAccessibleName(self.tr("Time {0} was taken (HH:MM, optional)").format(taken.name))
        time.editingFinished.connect(lambda r=row, field=time: self._time_edited(r, field))
        as_needed = QCheckBox(self.tr("as needed"))
        as_needed.setChecked(taken.as_needed)
        as_needed.setAccessibleName(self.tr("{0} taken as needed").format(taken.name))
        as_needed.toggled.connect(lambda on, r=row: self._update(r, as_needed=on))
        helped = QComboBox()
        helped.addItem(self.tr("helped: not rated"), None)
        for value in range(11):
            helped.addItem(self.tr("helped {0}/10").format(value), value)
        helped.setCurrentIndex(0 if taken.helped is None else taken.helped + 1)
        helped.setAccessibleName(
            self.tr("How much {0} helped, 0 not at all to 10 completely").format(taken.name)
        )
        helped.view().setAccessibleName(self.tr("How much it helped"))
        helped.currentIndexChanged.connect(
            lambda i, r=row, box=helped: self._update(r, helped=box.itemData(i))
        )
        remove = QToolButton()
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setAccessibleName(self.tr("Remove {0} from this day").format(taken.name))
        remove.setToolTip(remove.accessibleName())
        remove.clicked.connect(lambda _=False, r=row: self._remove(r))
        for column, widget in enumerate((name, time, as_needed, helped, remove)):
            self.doses_layout.addWidget(widget, row, column)
        self.doses_layout.setColumnStretch(0, 1)

    def _time_edited(self, row: int, field: QLineEdit) -> None:
        text = field.text().strip()
        if row >= len(self._taken):
            return
        try:
            time = parse_time(text) if text else None
        except InvalidEntry as refused:
            self.notice.emit(refused.message[:1].upper() + refused.message[1:] + ".")
            old = self._taken[row].time
            field.setText("" if old is None else f"{old:%H:%M}")
            return
        if time != self._taken[row].time:
            self._update(row, time=time)
