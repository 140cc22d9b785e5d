"""The player: the step being done, big and calm, with its countdown, what comes next, and controls.

It can be followed with eyes closed: every step is announced by sound (see SessionSound), and the
"eyes closed" mode darkens the whole screen.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.core.body_shapes import BodyShapes
from coach.core.player import EventKind, PauseReason, Player, PlayerEvent, PlayerState
from coach.core.regions import RegionCatalogue
from coach.core.routine import Routine, format_duration
from coach.core.timeline import Timeline
from coach.services.session_run import PlayOutcome, SessionRun
from coach.services.session_sound import SessionSound
from coach.ui.body_map import BodyMapWidget
from coach.ui.player_widgets import BreathPacer, CountdownRing
from coach.ui.sound_controls import SoundControls

FRAME_MS = 33  # redraw rate of the ring and pacer while playing
STILL_MS = 1000  # with reduced motion: once a second, on the countdown's whole seconds


__all__ = ["PlayOutcome", "PlayerView"]


class PlayerView(QWidget):
    """Shows the session a `SessionRun` plays and forwards what the person presses to it."""

    eyes_closed_changed = Signal(bool)

    def __init__(
        self,
        catalogue: RegionCatalogue,
        sound: SessionSound,
        shapes: BodyShapes | None = None,
    ) -> None:
        super().__init__()
        self.catalogue = catalogue
        # the current step's areas on a small figure, the body map's own art and code
        self.figure = BodyMapWidget(catalogue, shapes, interactive=False) if shapes else None
        self.sound = sound  # only to show each cue as it plays
        self.run: SessionRun | None = None
        self.routine: Routine | None = None
        self.timeline: Timeline | None = None
        self.eyes_closed = False
        self.reduced_motion = False
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame.timeout.connect(self._refresh_time)
        self._cue_fade = QTimer(self)
        self._cue_fade.setSingleShot(True)
        self._cue_fade.setInterval(1500)
        self._cue_fade.timeout.connect(lambda: self.cue_label.setText(""))
        self._build()
        self._build_actions()
        sound.cue_played.connect(self._show_cue)

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Routine"))
        self.position_label = QLabel()
        self.kind_label = QLabel()
        kind_font = QFont(self.font())
        kind_font.setPointSizeF(kind_font.pointSizeF() * 1.6)
        kind_font.setBold(True)
        kind_font.setCapitalization(QFont.Capitalization.AllUppercase)
        kind_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        self.kind_label.setFont(kind_font)
        self.kind_label.setAccessibleName(self.tr("What to do"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text_font = QFont(self.font())
        text_font.setPointSizeF(text_font.pointSizeF() * 1.9)
        self.text.setFont(text_font)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.text.setAccessibleName(self.tr("Guidance"))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.regions_label = QLabel()
        self.regions_label.setWordWrap(True)
        self.regions_label.setAccessibleName(self.tr("Works on"))
        self.cue_label = QLabel()
        self.cue_label.setAccessibleName(self.tr("Last sound"))
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setAccessibleName(self.tr("Next step"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.ring = CountdownRing()
        self.pacer = BreathPacer()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress through the routine"))
        self.time_left = QLabel()
        self.time_left.setAccessibleName(self.tr("Time left in the routine"))

        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.play_button = QPushButton(self.tr("Pause"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.restart_button = QPushButton(self.tr("Restart step"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.eyes_button = QPushButton(self.tr("Eyes closed"))
        for button, tip in (
            (self.previous_button, self.tr("Previous step (Left)")),
            (self.play_button, self.tr("Pause or continue (Space)")),
            (self.next_button, self.tr("Next step (Right)")),
            (self.restart_button, self.tr("Start this step again (R)")),
            (self.stop_button, self.tr("End the session early (Esc)")),
            (
                self.eyes_button,
                self.tr("Darken the screen and follow by sound (E); Esc comes back"),
            ),
        ):
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
            button.setMinimumHeight(36)
        self.play_button.setDefault(True)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.position_label)
        middle = QGridLayout()
        middle.addWidget(self.kind_label, 0, 0)
        middle.addWidget(self.cue_label, 0, 1, Qt.AlignmentFlag.AlignRight)
        middle.addWidget(self.text, 1, 0, 1, 2)
        if self.figure is not None:
            self.figure.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the player keeps the keys
            self.figure.setMinimumSize(150, 190)
            self.figure.setMaximumSize(250, 340)
            policy = self.figure.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # no jump between steps with and without areas
            self.figure.setSizePolicy(policy)
            middle.addWidget(self.figure, 2, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        middle.addWidget(self.regions_label, 3, 0, 1, 2)
        middle.setColumnStretch(0, 1)
        dials = QVBoxLayout()
        dials.addWidget(self.ring, 1)
        dials.addWidget(self.pacer, 1)
        body = QHBoxLayout()
        body.addLayout(middle, 3)
        body.addLayout(dials, 1)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.time_left)
        controls = QHBoxLayout()
        for button in (
            self.previous_button,
            self.play_button,
            self.next_button,
            self.restart_button,
        ):
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.eyes_button)
        controls.addWidget(self.stop_button)
        self.chrome = [
            self.title,
            self.position_label,
            self.regions_label,
            self.next_label,
            self.progress,
            self.time_left,
        ]
        self.buttons = [
            self.previous_button,
            self.play_button,
            self.next_button,
            self.restart_button,
            self.eyes_button,
            self.stop_button,
        ]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        layout.addWidget(self.next_label)
        layout.addLayout(progress)
        layout.addLayout(controls)
        self.sound_row = QHBoxLayout()  # volume and mute, once the sound services exist
        layout.addLayout(self.sound_row)
        self.sound_controls: SoundControls | None = None
        self.previous_button.clicked.connect(self.previous)
        self.play_button.clicked.connect(self.toggle)
        self.next_button.clicked.connect(self.next)
        self.restart_button.clicked.connect(self.restart_step)
        self.stop_button.clicked.connect(self.stop)
        self.eyes_button.clicked.connect(lambda: self.set_eyes_closed(True))

    def _build_actions(self) -> None:
        for keys, handler in (
            ("Space", self.toggle),
            ("Right", self.next),
            ("Left", self.previous),
            ("R", self.restart_step),
            ("Esc", self._escape),
            ("E", lambda: self.set_eyes_closed(not self.eyes_closed)),
            ("M", self._toggle_mute),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)

    # -- playing ---------------------------------------------------------------------------------

    def show_run(self, run: SessionRun) -> None:
        """Show `run` (started or about to start) and forward the keys and buttons to it."""
        self.release()
        self.run = run
        self.routine = run.routine
        self.timeline = run.timeline
        run.player_event.connect(self._on_event)
        run.state_changed.connect(self._on_state)
        run.waiting_for_words.connect(self._on_waiting)
        routine = run.routine
        self.title.setText(f"<b>{html.escape(routine.title)}</b>")
        if self.figure is not None:
            # a routine that never names an area (breathing) has no figure at all
            names_areas = any(step.regions for step in routine.steps)
            policy = self.figure.sizePolicy()
            policy.setRetainSizeWhenHidden(names_areas)
            self.figure.setSizePolicy(policy)
            self.figure.setVisible(names_areas and not self.eyes_closed)
        self.notice.clear()
        self.notice.hide()
        self._on_waiting(run.waiting)
        self._on_state()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_waiting(self, waiting: bool) -> None:
        preparing = self.tr("Preparing the voice…")
        if waiting:
            self.notice.setText(preparing)
            self.notice.show()
        elif self.notice.text() == preparing:
            self.notice.hide()

    @property
    def player(self) -> Player | None:
        """The player of the session on show, if any."""
        return self.run.player if self.run is not None else None

    def toggle(self) -> None:
        """Pause or continue."""
        if self.run is not None:
            self.run.toggle()

    def next(self) -> None:
        """Skip to the next step."""
        if self.run is not None:
            self.run.next()

    def previous(self) -> None:
        """Go back one step."""
        if self.run is not None:
            self.run.previous()

    def restart_step(self) -> None:
        """Start the current step again."""
        if self.run is not None:
            self.run.restart_step()

    def stop(self) -> None:
        """End the session early."""
        if self.run is not None:
            self.run.stop()

    def release(self) -> None:
        """Stop showing a session (it goes on, or ends, with its `SessionRun`); safe at any time."""
        self._frame.stop()
        self._cue_fade.stop()
        if self.run is not None:
            self.run.player_event.disconnect(self._on_event)
            self.run.state_changed.disconnect(self._on_state)
            self.run.waiting_for_words.disconnect(self._on_waiting)
            self.run = None
        self.set_eyes_closed(False)

    def _escape(self) -> None:
        if self.eyes_closed:
            self.set_eyes_closed(False)
        else:
            self.stop()

    # -- events ----------------------------------------------------------------------------------

    def _on_event(self, event: PlayerEvent) -> None:
        if event.kind is EventKind.STEP:
            self._show_step(event.index)
        elif event.kind is EventKind.PAUSED and event.pause_reason is PauseReason.SLEEP:
            self.notice.setText(
                self.tr("Paused: the computer slept. Press Space to continue where you were.")
            )
            self.notice.show()
        elif event.kind in (EventKind.FINISHED, EventKind.STOPPED):
            self._frame.stop()
            self.set_eyes_closed(False)

    def _on_state(self) -> None:
        player = self.player
        if player is None:
            return
        playing = player.state is PlayerState.PLAYING
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Continue"))
        if playing:
            self.notice.hide()
            self._frame.start()
        else:
            self._frame.stop()
        self._show_step(player.current)

    def _show_step(self, index: int) -> None:
        assert self.timeline is not None
        placed = self.timeline.steps[index]
        step = placed.step
        self.kind_label.setText(step.kind.label)
        self.text.setText(step.text)
        self.position_label.setText(
            self.tr("Step {0} of {1}").format(index + 1, len(self.timeline))
        )
        names = [self.catalogue.name(r) for r in step.regions]
        self.regions_label.setText(
            self.tr("Works on: {0}").format(", ".join(names)) if names else ""
        )
        self._show_figure(step.regions)
        if index + 1 < len(self.timeline):
            upcoming = self.timeline.steps[index + 1].step
            self.next_label.setText(
                self.tr("Next: {0} — {1}").format(upcoming.kind.label, upcoming.text)
            )
        else:
            self.next_label.setText(self.tr("Next: the end of the routine"))
        self.pacer.setVisible(BreathPacer.applies_to(step.kind))
        self.setAccessibleDescription(f"{step.kind.label}. {step.text}")
        self._refresh_time()

    def _show_figure(self, regions: tuple[str, ...]) -> None:
        """Highlight the step's areas on the view (front or back) that shows most of them."""
        figure = self.figure
        if figure is None or self.eyes_closed:
            return
        areas = self.catalogue.expand_all(regions)
        if not areas:
            figure.hide()
            return
        back = sum(1 for r in areas if self.catalogue.regions[r].view == "back")
        figure.set_views("back" if back > len(areas) - back else "front")
        figure.highlight(areas)
        figure.setAccessibleDescription(", ".join(self.catalogue.name(r) for r in regions))
        figure.show()

    def set_sound_controls(self, controls: SoundControls) -> None:
        """Show volume and mute under the buttons (hidden in eyes-closed mode like the rest)."""
        self.sound_controls = controls
        self.sound_row.addWidget(controls)
        self.chrome.append(controls)

    def _toggle_mute(self) -> None:
        if self.sound_controls is not None:
            self.sound_controls.toggle_mute()

    def set_reduced_motion(self, reduced: bool) -> None:
        """Still the pacer and let the ring change once a second (True), or animate (False)."""
        self.reduced_motion = reduced
        self.ring.reduced_motion = reduced
        self.pacer.set_reduced_motion(reduced)
        self._frame.setInterval(STILL_MS if reduced else FRAME_MS)
        self._refresh_time()

    def _refresh_time(self) -> None:
        player = self.player
        if player is None:
            return
        placed = player.current_step()
        left = player.step_remaining()
        self.ring.set_time(left, placed.step.duration)
        if self.pacer.isVisible():
            done = 1.0 - (left / placed.step.duration if placed.step.duration else 0.0)
            self.pacer.set_phase(placed.step.kind, done, placed.step.duration)
        if self.reduced_motion and self._frame.isActive():
            # wake just after the countdown's next whole second (computed afresh every time)
            self._frame.start(int(1000 * (left % 1.0)) + 15)
        total = player.timeline.total
        self.progress.setMaximum(1000)
        self.progress.setValue(round(1000 * (player.position() / total)) if total else 0)
        self.time_left.setText(self.tr("{0} left").format(format_duration(player.remaining())))

    def _show_cue(self, cue: str) -> None:
        self.cue_label.setText(self.tr("♪ {0}").format(cue))
        self._cue_fade.start()

    # -- eyes closed -----------------------------------------------------------------------------

    def set_eyes_closed(self, closed: bool) -> None:
        """Darken everything but the guidance, for following by sound alone."""
        if closed == self.eyes_closed:
            return
        self.eyes_closed = closed
        for widget in (*self.chrome, *self.buttons, self.ring, self.cue_label):
            widget.setVisible(not closed)
        if closed and self.figure is not None:
            self.figure.hide()  # shown again with the step, if it names areas
        self.pacer.setVisible(
            not closed and self.pacer.isVisibleTo(self) and self.timeline is not None
        )
        self.setAutoFillBackground(closed)
        self.setStyleSheet("background: #000; color: #3a3a3a;" if closed else "")
        self.eyes_closed_changed.emit(closed)
        if not closed and self.player is not None:
            self._show_step(self.player.current)

    def hideEvent(self, event: QHideEvent) -> None:
        self._frame.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.player is not None and self.player.state is PlayerState.PLAYING:
            self._frame.start()
