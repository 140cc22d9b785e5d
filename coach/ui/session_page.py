"""One session from start to end: before starting, playing, and after; records it in the log."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget

from coach.core.body_shapes import BodyShapes
from coach.core.clock import Clock
from coach.core.gentle import advise
from coach.core.log import InvalidEntry, SessionRecord
from coach.core.regions import RegionCatalogue
from coach.core.routine import Routine
from coach.services.session_sound import SessionSound
from coach.store.repository import LogRepository, local_now
from coach.ui.player_view import PlayerView, PlayOutcome
from coach.ui.session_screens import AfterSessionView, BeforeStartView


class SessionPage(QStackedWidget):
    """Before -> player -> after. Every session that starts is recorded, finished or not."""

    closed = Signal()
    started = Signal(str)  # the id of the routine that started playing
    eyes_closed_changed = Signal(bool)

    def __init__(
        self,
        *,
        catalogue: RegionCatalogue,
        log: LogRepository,
        sound: SessionSound,
        clock: Clock | None = None,
        now: Callable[[], dt.datetime] = local_now,
        shapes: BodyShapes | None = None,
    ) -> None:
        super().__init__()
        self.log = log
        self.catalogue = catalogue
        self.now = now
        self.before = BeforeStartView(catalogue)
        self.player = PlayerView(catalogue, sound, clock, shapes)
        self.after = AfterSessionView()
        for page in (self.before, self.player, self.after):
            self.addWidget(page)
        self.routine: Routine | None = None
        self.played: Routine | None = None
        self.pain_before: int | None = None
        self.started_at: dt.datetime | None = None
        self.record: SessionRecord | None = None
        self.before.start.connect(self._start)
        self.before.back.connect(self.closed.emit)
        self.player.ended.connect(self._ended)
        self.player.eyes_closed_changed.connect(self.eyes_closed_changed.emit)
        self.after.done.connect(self._done)

    def prepare(self, routine: Routine) -> None:
        """Show the screen before starting `routine`."""
        self.player.release()
        self.routine = routine
        today = self.now().date()
        entry = self.log.get_day(today)
        areas = entry.areas if entry else {}
        self.before.prepare(routine, advise(routine, areas, self.catalogue), areas)
        self.setCurrentWidget(self.before)

    def focus_screen(self) -> None:
        """Give the keyboard to the screen on show: Start before, the player, pain now after."""
        screen = self.currentWidget()
        if screen is self.before:
            self.before.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            screen.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_playing(self) -> bool:
        """Whether a routine is under way (started and not ended)."""
        return self.currentWidget() is self.player and self.player.driver is not None

    def stop(self) -> None:
        """End a running session early (it is recorded as stopped)."""
        if self.is_playing():
            self.player.stop()

    def _start(self, routine: Routine, pain_before: int | None) -> None:
        self.played, self.pain_before = routine, pain_before
        self.started_at = self.now()
        self.started.emit(routine.id)
        self.record = None
        self.setCurrentWidget(self.player)
        self.player.play(routine)

    def _ended(self, outcome: PlayOutcome) -> None:
        assert self.played is not None
        assert self.started_at is not None
        ended_at = max(self.now(), self.started_at)
        record = SessionRecord(
            routine_id=self.played.id,
            routine_title=self.played.title,
            started_at=self.started_at,
            ended_at=ended_at,
            planned_seconds=outcome.planned_seconds,
            actual_seconds=outcome.played_seconds,
            completed=outcome.completed,
            step_count=outcome.step_count,
            stopped_at_step=outcome.stopped_at_step,
            pain_before=self.pain_before,
        )
        try:
            self.record = self.log.record_session(record)
        except (sqlite3.Error, InvalidEntry) as exc:
            self.record = None
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("This session could not be saved in your log:\n{0}").format(exc),
            )
        self.player.release()
        self.after.prepare(self.played.title, outcome, self.pain_before, self.record is not None)
        self.setCurrentWidget(self.after)

    def _done(self, pain_after: int | None, note: str) -> None:
        if (
            self.record is not None
            and self.record.id is not None
            and (pain_after is not None or note.strip())
        ):
            try:
                self.log.update_session_feedback(
                    self.record.id, pain_after=pain_after, note=note.strip()
                )
            except (sqlite3.Error, InvalidEntry) as exc:
                QMessageBox.warning(
                    self,
                    self.tr("Not saved"),
                    self.tr("Your rating could not be saved:\n{0}").format(exc),
                )
                return
        self.closed.emit()
