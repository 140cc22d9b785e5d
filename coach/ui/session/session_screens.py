"""The screens around a played routine: before starting (cautions, pain now, the gentle offer)
and after it ends (pain now, a note)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.regions import RegionCatalogue
from coach.core.body.suggestions import area_notes
from coach.core.log.entries import MAX_NOTE
from coach.core.playing.gentle import GentleAdvice, gentle_variant
from coach.core.routines.routine import Routine, format_duration
from coach.services.session_run import PlayOutcome
from coach.services.sound.hearing import Hearing
from coach.ui.common.rating_scale import RatingScale
from coach.ui.common.text import muted

# The screens' buttons: the one with the keyboard has a thick outline in the highlight colour, so
# "Start is focused, Return starts" can be seen (Fusion draws focus and default alike)
BUTTON_STYLE = """
QPushButton {
    padding: 6px 20px; min-height: 24px; border-radius: 6px;
    border: 1px solid palette(mid); background: palette(button); color: palette(button-text);
}
QPushButton:default { border: 2px solid palette(mid); padding: 5px 19px; }
QPushButton:focus { border: 3px solid palette(highlight); padding: 4px 18px; }
QPushButton:pressed { background: palette(mid); }
"""


def _digit_typed(event: QKeyEvent, scale: RatingScale) -> bool:
    """A digit typed anywhere on a screen sets its pain scale (the scale itself handles its own)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if modifiers == Qt.KeyboardModifier.NoModifier and Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        scale.type_digit(key - Qt.Key.Key_0)
        return True
    return False


def _shortcut(widget: QWidget, keys: str, handler: object) -> None:
    action = QAction(widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(handler)
    widget.addAction(action)


class BeforeStartView(QWidget):
    """What to know before starting, an optional "pain right now", and the gentle-variant offer."""

    start = Signal(object, object)  # the Routine to play, pain before (int or None)
    back = Signal()

    def __init__(self, catalogue: RegionCatalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.routine: Routine | None = None
        self.areas: dict[str, int] = {}
        self.offers_gentle = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.notes = QLabel()  # what else pain in a marked area can be (a kidney, the appendix)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setAccessibleName(self.tr("About the areas you marked today"))
        # one plain line: will the cues and the voice be heard (checked), and what to do if not
        self.hearing = QLabel()
        self.hearing.setWordWrap(True)
        self.hearing.setTextFormat(Qt.TextFormat.PlainText)
        self.hearing.setAccessibleName(self.tr("What you will hear"))
        self.hearing.hide()
        self.gentle_box = QFrame()
        self.gentle_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.gentle_text = QLabel()
        self.gentle_text.setWordWrap(True)
        self.gentle = QCheckBox()
        self.gentle.setAccessibleName(self.tr("Use the gentle version"))
        box = QVBoxLayout(self.gentle_box)
        box.addWidget(self.gentle_text)
        box.addWidget(self.gentle)
        self.pain = RatingScale(
            self.tr("Pain right now (optional)"), self.tr("no pain"), self.tr("worst imaginable")
        )
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.start_button.setToolTip(self.tr("Start the routine (Ctrl+Enter)"))
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setToolTip(self.tr("Back to where you came from (Esc)"))
        for button in (self.start_button, self.back_button):
            button.setStyleSheet(BUTTON_STYLE)
        self.start_button.setToolTip(
            self.tr("Start the routine (Return while Start has the outline, or Ctrl+Return)")
        )
        self.keys_hint = QLabel(
            self.tr(
                "Return starts · 0-9 rate your pain now · Esc goes back · E during the "
                "session darkens the screen"
            )
        )
        self.keys_hint.setWordWrap(True)
        muted(self.keys_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.keys_hint, 1)
        buttons.addWidget(self.start_button)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(28, 20, 28, 20)
        inner.setSpacing(14)
        inner.addWidget(self.heading)
        inner.addWidget(self.hearing)
        inner.addWidget(self.details)
        inner.addWidget(self.notes)
        inner.addWidget(self.gentle_box)
        inner.addWidget(self.pain)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Before you start"))
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self._start)
        self.back_button.clicked.connect(self.back.emit)
        _shortcut(self, "Ctrl+Return", self._start)
        _shortcut(self, "Esc", self.back.emit)

    def prepare(self, routine: Routine, advice: GentleAdvice, areas: dict[str, int]) -> None:
        """Show `routine`, with the gentle offer if today's painful areas call for it."""
        self.routine, self.areas = routine, areas
        e = html.escape
        self.heading.setText(f"<h2>{e(routine.title)}</h2>")
        facts = [format_duration(routine.duration)]
        if routine.equipment:
            facts.append(self.tr("you need: {0}").format(", ".join(routine.equipment)))
        parts = [f"<p><i>{e(' · '.join(facts))}</i></p>"]
        if routine.summary:
            parts.append(f"<p>{e(routine.summary)}</p>")
        before = self.tr("Before you start")
        parts.append(f"<h3>{e(before)}</h3><ul>")
        cautions = routine.cautions or (
            self.tr("Stop if anything hurts more, and rest instead."),
            self.tr("This is relaxation and self-care, not a treatment."),
        )
        parts += [f"<li>{e(c)}</li>" for c in cautions]
        parts.append("</ul>")
        self.details.setText("".join(parts))
        notes = area_notes(areas, self.catalogue)
        self.notes.setVisible(bool(notes))
        about = self.tr("About the areas you marked today")
        self.notes.setText(f"<h3>{e(about)}</h3>" + "".join(f"<p>{e(note)}</p>" for note in notes))
        self.offers_gentle = advice.needed
        self.gentle_box.setVisible(advice.needed)
        if advice.needed:
            where = ", ".join(
                f"{self.catalogue.name(r).lower()} ({level}/10)"
                for r, level in advice.painful.items()
            )
            does = []
            if advice.tensed_steps:
                does.append(self.tr("tense"))
            if advice.massaged_steps:
                does.append(self.tr("massage"))
            self.gentle_text.setText(
                self.tr(
                    "Today you marked strong pain in your {0}. This routine would {1} it. Never tense "
                    "or press on an area that hurts this much: the gentle version lets it rest and "
                    "relaxes it without tensing, and skips any massage there."
                ).format(where, self.tr(" and ").join(does))
            )
            self.gentle.setText(self.tr("Use the gentle version (recommended)"))
            self.gentle.setChecked(True)
        self.pain.set_value(None)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_hearing(self, hearing: Hearing | None) -> None:
        """Say whether the cues and the voice will be heard (None: sound is not set up here)."""
        if hearing is None:
            self.hearing.hide()
            return
        mark = "♪" if hearing.cues and hearing.voice else "⚠" if not hearing.checking else "…"
        self.hearing.setText(f"{mark} {hearing.line}")
        self.hearing.setAccessibleDescription(hearing.line)
        self.hearing.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Digits rate the pain right now, wherever the focus is on this screen."""
        if not _digit_typed(event, self.pain):
            super().keyPressEvent(event)

    def chosen_routine(self) -> Routine:
        """The routine to play: the gentle variant if it is offered and chosen."""
        assert self.routine is not None
        if self.offers_gentle and self.gentle.isChecked():
            return gentle_variant(self.routine, self.areas, self.catalogue)
        return self.routine

    def _start(self) -> None:
        if self.routine is not None:
            self.start.emit(self.chosen_routine(), self.pain.value())


class AfterSessionView(QWidget):
    """How it went: pain now, a note; the session is already in the log."""

    done = Signal(object, str)  # pain after (int or None), note

    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pain = RatingScale(
            self.tr("Pain now (optional)"), self.tr("no pain"), self.tr("worst imaginable")
        )
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("A note about this session (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setStyleSheet(BUTTON_STYLE)
        self.done_button.setDefault(True)
        # the screen itself takes the keyboard first: arrows still pressed to skip the last
        # steps do nothing here, digits rate the pain, Tab reaches the scale and the note
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.done_button.setToolTip(self.tr("Save and go back to the routines (Ctrl+Enter)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.pain)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.keys_hint = QLabel(
            self.tr("0-9 rate your pain now · Tab reaches the note · Ctrl+Return saves")
        )
        self.keys_hint.setWordWrap(True)
        muted(self.keys_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keys_hint, 1)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self.done_button.clicked.connect(self._done)
        _shortcut(self, "Ctrl+Return", self._done)

    def prepare(
        self, title: str, outcome: PlayOutcome, pain_before: int | None, recorded: bool
    ) -> None:
        """Show how the session ended."""
        e = html.escape
        if outcome.completed:
            heading = self.tr("Session complete")
            line = self.tr("You finished {0}. Take a moment before you get up.").format(title)
        elif outcome.reached_end:
            heading = self.tr("Session skimmed")
            line = self.tr(
                "You reached the end of {0}, but played {1} of its {2}, so your log counts it "
                "as partly done."
            ).format(
                title,
                format_duration(outcome.played_seconds),
                format_duration(outcome.planned_seconds),
            )
        else:
            heading = self.tr("Session stopped")
            line = self.tr(
                "You stopped {0} at step {1} of {2}. That's fine: stopping when it doesn't feel right is the right call."
            ).format(title, outcome.stopped_at_step, outcome.step_count)
        self.heading.setText(f"<h2>{e(heading)}</h2>")
        facts = [line, self.tr("Time spent: {0}.").format(format_duration(outcome.played_seconds))]
        if pain_before is not None:
            facts.append(
                self.tr("Before you started, your pain was {0} of 10.").format(pain_before)
            )
        facts.append(
            self.tr("It is saved in your log.")
            if recorded
            else self.tr("It could not be saved in your log; see the message above.")
        )
        self.summary.setText(" ".join(facts))
        self.pain.set_value(None)
        self.note.clear()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Digits rate the pain now; anything else (the arrows) does nothing to it."""
        if not _digit_typed(event, self.pain):
            super().keyPressEvent(event)

    def _done(self) -> None:
        self.done.emit(self.pain.value(), self.note.toPlainText()[:MAX_NOTE])
