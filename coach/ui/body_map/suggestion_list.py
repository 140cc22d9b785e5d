"""The routines suggested for the areas marked on the body map: a list with a Start button each."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from coach.core.body.suggestions import Suggestion
from coach.core.routines.routine import format_duration
from coach.ui.body_map.suggestion_words import detail, reason
from coach.ui.common.text import muted


class SuggestionList(QListWidget):
    """Suggested routines, best first: title, reason and a Start button each. Enter starts the
    selected one, as does a double click."""

    start_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Suggested routines"))
        self.setAccessibleDescription(self.tr("Enter starts the selected routine."))
        # the selected row is outlined, not filled: its labels keep the window's text colour,
        # which does not read on every theme's highlight colour (the dark one's is light)
        self.setStyleSheet(
            "QListWidget::item:selected { background: palette(alternate-base);"
            " border: 2px solid palette(highlight); border-radius: 4px; }"
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        self.itemDoubleClicked.connect(lambda item: self._start(item))

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        """Show these suggestions; the first is selected."""
        self.clear()
        for suggestion in suggestions:
            routine = suggestion.routine
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            why, more = reason(suggestion), detail(suggestion)
            spoken = (routine.title + ".", why, more)
            length = format_duration(routine.duration)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, " ".join([*filter(None, spoken), length])
            )
            if more:
                item.setToolTip(more)
            self.addItem(item)
            self.setItemWidget(item, self._row(suggestion))
        self._fit_rows()
        if self.count():
            self.setCurrentRow(0)

    def _row(self, suggestion: Suggestion) -> QWidget:
        routine = suggestion.routine
        title = QLabel(f"<b>{html.escape(routine.title)}</b> · {format_duration(routine.duration)}")
        title.setWordWrap(True)
        why = muted(QLabel(reason(suggestion)))
        why.setWordWrap(True)
        start = QPushButton(self.tr("Start"))
        start.setAccessibleName(self.tr("Start {0}").format(routine.title))
        start.setToolTip(self.tr("Open this routine in the player"))
        start.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard starts from the list: Enter
        start.clicked.connect(lambda _=False, r=routine.id: self.start_requested.emit(r))
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        grid.addWidget(title, 0, 0)
        grid.addWidget(why, 1, 0)
        grid.addWidget(start, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(0, 1)
        return row

    def selected_routine(self) -> str | None:
        """The id of the selected routine."""
        item = self.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def _start(self, item: QListWidgetItem | None) -> None:
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(value, str):
            self.start_requested.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._start(self.currentItem())
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped text needs at the list's width."""
        width = self.viewport().width() - 2 * self.spacing()
        for index in range(self.count()):
            item = self.item(index)
            row = self.itemWidget(item)
            if row is not None:
                item.setSizeHint(QSize(width, row.heightForWidth(width)))
