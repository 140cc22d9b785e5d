"""The player: the step being done, big and calm, with its countdown, what comes next, and controls.

It can be followed with eyes closed: every step is announced by sound (see SessionSound), and the
"eyes closed" mode darkens the whole screen.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QPalette, QShowEvent

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.core.playing.player import EventKind, PauseReason, Player, PlayerEvent, PlayerState
from coach.core.playing.timeline import Timeline
from coach.core.routines.cues import Cue, cue_short_name
from coach.core.routines.routine import Routine, StepKind, format_duration
from coach.services.session_run import PlayOutcome, SessionRun
from coach.services.sound.session_sound import SessionSound
from coach.ui.common.step_words import step_kind_name
from coach.ui.session.player_screen import PlayerScreen
from coach.ui.session.player_widgets import (
    BreathPacer,
    cue_word,
    eyes_closed_palette,
    phase_colour,
)

FRAME_MS = 33  # redraw rate of the ring and pacer while playing
STILL_MS = 1000  # with reduced motion: once a second, on the countdown's whole seconds


__all__ = ["PlayOutcome", "PlayerView"]


class PlayerView(PlayerScreen):
    """Shows the session a `SessionRun` plays and forwards what the person presses to it.

    The widgets and their places are `PlayerScreen`'s; this class fills them in as the session
    goes, keeps the countdown moving, and runs the eyes-closed mode.
    """

    eyes_closed_changed = Signal(bool)

    def __init__(
        self,
        catalogue: RegionCatalogue,
        sound: SessionSound,
        shapes: BodyShapes | None = None,
    ) -> None:
        super().__init__(catalogue, shapes)
        self.catalogue = catalogue
        self.sound = sound  # only to show each cue as it plays
        self.run: SessionRun | None = None
        self.routine: Routine | None = None
        self.timeline: Timeline | None = None
        self.eyes_closed = False
        self.dim_countdown = False  # eyes closed: the countdown is shown (dim) only if asked
        self.reduced_motion = False
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame.timeout.connect(self._refresh_time)
        self._cue_fade = QTimer(self)
        self._cue_fade.setSingleShot(True)
        self._cue_fade.setInterval(1500)
        self._cue_fade.timeout.connect(lambda: self.cue_label.hide())
        self._connect_buttons()
        self._build_actions()
        sound.cue_played.connect(self._show_cue)

    def _connect_buttons(self) -> None:
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
            ("C", self.toggle_dim_countdown),
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
        self.paused_label.setVisible(player.state is PlayerState.PAUSED)
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
        self.kind_label.setText(step_kind_name(step.kind))
        self._colour_phase(step.kind)
        self.text.setText(step.text)
        self.text_scroll.verticalScrollBar().setValue(0)
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
                self.tr("Next: {0} — {1}").format(step_kind_name(upcoming.kind), upcoming.text)
            )
        else:
            self.next_label.setText(self.tr("Next: the end of the routine"))
        breathing = BreathPacer.applies_to(step.kind)
        self.pacer.setVisible(breathing and not self.eyes_closed)
        if breathing and self.figure is not None:
            self.figure.hide()  # the pacer takes the middle
        self.setAccessibleDescription(f"{step_kind_name(step.kind)}. {step.text}")
        self._refresh_time()

    def _colour_phase(self, kind: StepKind) -> None:
        colour = phase_colour(kind, self.palette())
        if self.eyes_closed:
            colour = self.palette().color(QPalette.ColorRole.WindowText)  # dim, like the rest
        palette = self.kind_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.kind_label.setPalette(palette)
        tense_or_release = kind in (StepKind.TENSE, StepKind.RELEASE)
        self.ring.set_colour(colour if tense_or_release and not self.eyes_closed else None)

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

    def sound_is_off(self) -> bool:
        """Whether nothing is heard: no sound output, or muted (cues are then shown big)."""
        audio = self.sound.audio
        if audio is None:
            return True
        return bool(getattr(audio, "muted", False)) or getattr(audio, "backend_name", "") in (
            "",
            "silent",
        )

    def _show_cue(self, cue: Cue) -> None:
        loud = self.sound_is_off()
        if self.eyes_closed and not loud:
            return  # eyes closed with sound: nothing lights up
        self.cue_label.show_cue(cue_word(cue_short_name(cue)), loud)
        self._cue_fade.start(2500 if loud else 1500)

    # -- eyes closed -----------------------------------------------------------------------------

    def set_eyes_closed(self, closed: bool) -> None:
        """The whole screen dark (the window goes full screen), with the guidance dimmed and
        the countdown only if asked for (C), dim too; Esc comes back."""
        if closed == self.eyes_closed:
            return
        self.eyes_closed = closed
        for widget in (*self.chrome, *self.buttons, self.cue_label):
            widget.setVisible(not closed)
        self.ring.setVisible(not closed or self.dim_countdown)
        if closed and self.figure is not None:
            self.figure.hide()  # shown again with the step, if it names areas
        if closed:
            self.pacer.hide()
        # a palette of its own, black everywhere: a plain QWidget paints no style sheet
        # background, so colouring with a sheet left most of the screen bright
        self.setPalette(eyes_closed_palette() if closed else QPalette())
        self.setAutoFillBackground(closed)
        self.eyes_closed_changed.emit(closed)
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # Esc, Space and the arrows stay here
        if self.player is not None:
            self._show_step(self.player.current)

    def toggle_dim_countdown(self) -> None:
        """Eyes closed: show or hide the dim countdown (C)."""
        self.dim_countdown = not self.dim_countdown
        if self.eyes_closed:
            self.ring.setVisible(self.dim_countdown)

    def hideEvent(self, event: QHideEvent) -> None:
        self._frame.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.player is not None and self.player.state is PlayerState.PLAYING:
            self._frame.start()
