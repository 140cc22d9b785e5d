"""The fields of one day's entry: ratings, sleep, areas, tags and a note, as one form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import MAX_NOTE, RATING_FIELDS, DayEntry
from coach.ui.common.rating_scale import RatingScale
from coach.ui.common.rating_words import rating_words
from coach.ui.common.text import heading
from coach.ui.today.day_areas import AreasEditor
from coach.ui.today.day_medications import MedicationsEditor
from coach.ui.today.day_widgets import HoursSpinBox
from coach.ui.today.tags_editor import TagsEditor

TYPING_DELAY_MS = 500  # typed text: save once the person pauses
CLICK_DELAY_MS = 150  # a click or a key on a scale: save promptly, but let a burst of keys settle
PEG_FIELDS = ("enjoyment", "activity")


class DayForm(QWidget):
    """Shows a DayEntry and reads one back; says when something was edited, and how urgently.

    `edited` carries how long to wait before saving (a pause in typing, or a prompt save after a
    click); `notice` carries a message for the person (a note cut to its maximum length).
    """

    edited = Signal(int)
    notice = Signal(str)

    def __init__(self, catalogue: RegionCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.scales: dict[str, RatingScale] = {}
        for name in RATING_FIELDS:
            words = rating_words(name)
            scale = RatingScale(words.title, words.low, words.high)
            scale.value_changed.connect(lambda _v: self._edited(CLICK_DELAY_MS))
            self.scales[name] = scale
        self.hours = HoursSpinBox()
        self.hours.setAccessibleName(self.tr("Hours slept"))
        self.hours.setToolTip(self.tr("Hours slept last night, in quarter hours"))
        self.hours.valueChanged.connect(lambda _v: self._edited(TYPING_DELAY_MS))
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More: how much pain got in the way (optional)"))
        self.more_button.setCheckable(True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setAutoRaise(True)
        self.more_button.toggled.connect(self._show_more)
        self.more = QWidget()
        more_layout = QVBoxLayout(self.more)
        more_layout.setContentsMargins(0, 0, 0, 0)
        for name in PEG_FIELDS:
            more_layout.addWidget(self.scales[name])
        self.more.hide()
        self.areas = AreasEditor(catalogue)
        self.areas.areas_changed.connect(lambda _a: self._edited(CLICK_DELAY_MS))
        self.medications = MedicationsEditor()
        self.medications.medications_changed.connect(lambda _m: self._edited(CLICK_DELAY_MS))
        self.medications.notice.connect(self.notice)
        self.tags = TagsEditor()
        self.tags.tags_changed.connect(lambda _t: self._edited(CLICK_DELAY_MS))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(
            self.tr("Anything you want to remember: what helped, what made it worse…")
        )
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(96)
        self.note.textChanged.connect(self._note_changed)

        sleep_row = QHBoxLayout()
        sleep_row.setContentsMargins(6, 0, 0, 0)
        hours_label = QLabel(self.tr("Hours slept"))
        hours_label.setBuddy(self.hours)
        sleep_row.addWidget(hours_label)
        sleep_row.addWidget(self.hours)
        sleep_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 12, 12)
        layout.setSpacing(6)
        sections: list[tuple[str, list[QWidget | QHBoxLayout]]] = [
            (self.tr("Pain"), [self.scales["pain"], self.scales["worst_pain"]]),
            (
                self.tr("Sleep and stress"),
                [
                    self.scales["sleep_quality"],
                    sleep_row,
                    self.scales["stress"],
                    self.more_button,
                    self.more,
                ],
            ),
            (self.tr("Where it hurts"), [self.areas]),
            (self.tr("Medications"), [self.medications]),
            (self.tr("Tags"), [self.tags]),
            (self.tr("Note"), [self.note]),
        ]
        for number, (title, parts) in enumerate(sections):
            if number:
                layout.addSpacing(14)
            layout.addWidget(heading(title))
            for part in parts:
                if isinstance(part, QWidget):
                    layout.addWidget(part)
                else:
                    layout.addLayout(part)
        layout.addStretch(1)

    def show_entry(self, entry: DayEntry) -> None:
        """Fill the form from `entry`; this is not an edit, so nothing is emitted."""
        self._loading = True
        try:
            for name, scale in self.scales.items():
                scale.set_value(getattr(entry, name))
            self.hours.set_hours(entry.sleep_hours)
            self.tags.set_tags(entry.tags)
            self.note.setPlainText(entry.note)
            self.areas.set_areas(entry.areas)
            self.medications.set_medications(entry.medications)
            if any(getattr(entry, name) is not None for name in PEG_FIELDS):
                self.more_button.setChecked(True)
        finally:
            self._loading = False

    def entry(self, date: dt.date) -> DayEntry:
        """The day as the form shows it; raises InvalidEntry if the log would refuse it."""
        note = self.note.toPlainText()
        ratings: dict[str, object] = {name: scale.value() for name, scale in self.scales.items()}
        return DayEntry(
            date,
            **ratings,  # type: ignore[arg-type]
            sleep_hours=self.hours.hours(),
            tags=self.tags.tags(),
            note=note if note.strip() else "",
            areas=self.areas.areas(),
            medications=self.medications.medications(),
        )

    def _edited(self, delay_ms: int) -> None:
        if not self._loading:
            self.edited.emit(delay_ms)

    def _note_changed(self) -> None:
        if self._loading:
            return
        self.edited.emit(TYPING_DELAY_MS)
        if len(self.note.toPlainText()) > MAX_NOTE:
            # Cut with the cursor, not setPlainText, so Ctrl+Z still works.
            cursor = self.note.textCursor()
            position = cursor.position()
            cursor.setPosition(MAX_NOTE)
            cursor.movePosition(cursor.MoveOperation.End, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setPosition(min(position, MAX_NOTE))
            self.note.setTextCursor(cursor)
            self.notice.emit(
                self.tr("A note is at most {0} characters; the rest was not kept.").format(MAX_NOTE)
            )

    def _show_more(self, shown: bool) -> None:
        self.more.setVisible(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
