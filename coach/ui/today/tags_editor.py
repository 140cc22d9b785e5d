"""The day's tags: removable chips, a line that adds one on Enter (completing tags used before),
and the tags used on earlier days offered as one-click buttons."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coach.core.log.entries import MAX_TAG, MAX_TAGS_PER_DAY, InvalidEntry, clean_tag
from coach.ui.common.text import muted
from coach.ui.today.day_widgets import FlowLayout

# how many earlier tags are offered as one-click buttons (the most used ones)
OFFERED_TAGS = 8


class EarlierTags(QWidget):
    """The tags used on earlier days, most used first, as buttons that add one with a click."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Tags used before"))
        self.label = muted(QLabel(self.tr("Used before:")))
        self.flow = FlowLayout()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self.flow, 1)
        self.buttons: list[QToolButton] = []

    def offer(self, tags: Iterable[str]) -> None:
        """Offer these tags (the first OFFERED_TAGS of them); hidden when there are none."""
        while (item := self.flow.takeAt(0)) is not None:
            if widget := item.widget():
                widget.hide()
                widget.deleteLater()
        self.buttons = []
        for tag in itertools.islice(tags, OFFERED_TAGS):
            button = QToolButton()
            button.setText(f"+ {tag}")
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Add the tag “{0}”").format(tag))
            button.setAccessibleName(self.tr("Add tag {0}").format(tag))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, t=tag: self.chosen.emit(t))
            self.flow.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(self.buttons))
        self.updateGeometry()


class TagsEditor(QWidget):
    """Tags as removable chips, and a line that adds one on Enter, completing tags used before."""

    tags_changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: list[str] = []
        self.line = QLineEdit()
        self.line.setAccessibleName(self.tr("New tag"))
        self.line.setPlaceholderText(self.tr("A word for the day, e.g. walked, rain, long drive"))
        self.line.setMaxLength(MAX_TAG)
        self.line.setClearButtonEnabled(True)
        self.known = QStringListModel(self)
        self.completer = QCompleter(self.known, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.line.setCompleter(self.completer)
        if (popup := self.completer.popup()) is not None:
            popup.setAccessibleName(self.tr("Tags used before"))
        # Queued: the line edit fills in the completion after this signal (it connects on focus-in),
        # so the tag is added once that is done.
        chosen = self.completer.activated[str]  # type: ignore[index]
        chosen.connect(self._completion_chosen, Qt.ConnectionType.QueuedConnection)
        self.line.returnPressed.connect(self._return_pressed)
        self.add_button = QPushButton(self.tr("Add tag"))
        self.add_button.clicked.connect(self.add_typed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.chips = QWidget()
        self.chips.setAccessibleName(self.tr("Tags of this day"))
        self.flow = FlowLayout(self.chips)
        self.empty = QLabel(self.tr("No tags yet."))
        muted(self.empty)
        self.earlier = EarlierTags()
        self.earlier.chosen.connect(self.add_tag)
        self._known: list[str] = []

        entry = QHBoxLayout()
        entry.addWidget(self.line, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.chips)
        layout.addWidget(self.empty)
        layout.addWidget(self.earlier)
        self._show_chips()

    def tags(self) -> tuple[str, ...]:
        """The tags as shown."""
        return tuple(self._tags)

    def set_tags(self, tags: Iterable[str]) -> None:
        """Show these tags without emitting `tags_changed`, and forget any typed text."""
        self._tags = sorted(tags)
        self.line.clear()
        self._say("")
        self._show_chips()

    def set_known(self, tags: Iterable[str]) -> None:
        """The tags offered while typing and as buttons, most used first."""
        self._known = list(tags)
        self.known.setStringList(self._known)
        self._offer_earlier()

    def add_tag(self, tag: str) -> None:
        """Add a tag used before (from its button); the keyboard stays near the tags."""
        had_focus = self.earlier.isAncestorOf(self.focusWidget())
        if tag not in self._tags:
            self._tags = sorted([*self._tags, tag])
            self._show_chips()
            self.tags_changed.emit(self.tags())
        if had_focus:
            target = self.earlier.buttons[0] if self.earlier.buttons else self.line
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _offer_earlier(self) -> None:
        on_the_day = set(self._tags)  # a day may hold thousands of tags (imports): no list scans
        self.earlier.offer(tag for tag in self._known if tag not in on_the_day)

    def add_typed(self) -> None:
        """Add what is typed as a tag; explain and keep the text if it cannot be one."""
        text = self.line.text()
        if not text.strip():
            self._say(self.tr("Type a tag first."))
            return
        try:
            tag = clean_tag(text)
        except InvalidEntry as refused:
            self._say(_tag_problem(refused))
            return
        self.line.clear()
        self._say("")
        if tag not in self._tags:
            self._tags = sorted([*self._tags, tag])
            self._show_chips()
            self.tags_changed.emit(self.tags())

    def remove(self, tag: str) -> None:
        """Remove one tag; the keyboard focus goes to the next chip, or back to the line."""
        if tag not in self._tags:
            return
        index = self._tags.index(tag)
        had_focus = self.chips.isAncestorOf(self.focusWidget())
        self._tags.remove(tag)
        self._show_chips()
        self.tags_changed.emit(self.tags())
        if had_focus:
            buttons = self.chip_buttons()
            target: QWidget = buttons[min(index, len(buttons) - 1)] if buttons else self.line
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def chip_buttons(self) -> list[QToolButton]:
        """The remove buttons, one per tag, in order."""
        return [self.flow.itemAt(i).widget() for i in range(self.flow.count())]  # type: ignore[misc,union-attr]

    def _return_pressed(self) -> None:
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            if popup.currentIndex().isValid():
                return  # the completer takes this Enter and reports the chosen tag
            popup.hide()
        self.add_typed()

    def _completion_chosen(self, text: str) -> None:
        self.line.setText(text)
        self.add_typed()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_chips(self) -> None:
        while (item := self.flow.takeAt(0)) is not None:
            if widget := item.widget():
                widget.hide()
                widget.deleteLater()
        previous: QWidget = self.add_button
        # a day from an old import may hold thousands of tags: show what a person can read
        for tag in self._tags[:MAX_TAGS_PER_DAY]:
            chip = QToolButton()
            chip.setText(f"{tag}  \N{MULTIPLICATION SIGN}")
            chip.setToolTip(self.tr("Remove the tag “{0}”").format(tag))
            chip.setAccessibleName(self.tr("Remove tag {0}").format(tag))
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.clicked.connect(lambda _=False, t=tag: self.remove(t))
            self.flow.addWidget(chip)
            QWidget.setTabOrder(previous, chip)
            previous = chip
        self.chips.setVisible(bool(self._tags))
        self.empty.setVisible(not self._tags)
        self.chips.updateGeometry()
        hidden = len(self._tags) - MAX_TAGS_PER_DAY
        if hidden > 0:
            self._say(
                self.tr("And {0} more tags, too many to show here; they are kept.").format(hidden)
            )
        self._offer_earlier()


def _tag_problem(refused: InvalidEntry) -> str:
    if "';'" in refused.message:
        return QCoreApplication.translate(
            "TagsEditor", "A tag cannot contain “;”, tabs or line breaks."
        )
    if "at most" in refused.message:
        return QCoreApplication.translate("TagsEditor", "A tag is at most {0} characters.").format(
            MAX_TAG
        )
    return QCoreApplication.translate("TagsEditor", "That cannot be a tag: {0}.").format(
        refused.message
    )
