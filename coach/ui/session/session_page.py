"""One session from start to end: before starting, playing, and after.

The playing itself, and keeping it in the log, belong to a `SessionRun`; this page shows it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import InvalidEntry, SessionRecord
from coach.core.playing.clock import Clock, SystemClock
from coach.core.playing.gentle import advise
from coach.core.routines.routine import Routine
from coach.services.session_run import PlayOutcome, SessionRun
from coach.services.sound.hearing import HearingCheck
from coach.services.sound.session_sound import SessionSound
from coach.store.log_file import local_now
from coach.store.repository import LogRepository
from coach.ui.session.player_view import PlayerView
from coach.ui.session.session_screens import AfterSessionView, BeforeStartView


class SessionPage(QStackedWidget):
    """Before -> player -> after. Every session that starts is recorded, finished or not."""

    closed = Signal()
    started = Signal(str)  # the id of the routine that started playing
    eyes_closed_changed = Signal(bool)
    session_logged = Signal(object)  # the date whose sessions the log now holds differently

    def __init__(
        self,
        *,
        catalogue: RegionCatalogue,
        log: LogRepository,
        sound: SessionSound,
        clock: Clock | None = None,
        now: Callable[[], dt.datetime] = local_now,
        shapes: BodyShapes | None = None,
        hearing: HearingCheck | None = None,
    ) -> None:
        super().__init__()
        self.log = log
        self.hearing = hearing
        self.catalogue = catalogue
        self.sound = sound
        self.clock = clock or SystemClock()
        self.now = now
        self.run: SessionRun | None = None
        self.before = BeforeStartView(catalogue)
        self.player = PlayerView(catalogue, sound, shapes)
        self.after = AfterSessionView()
        for page in (self.before, self.player, self.after):
            self.addWidget(page)
        self.routine: Routine | None = None
        self.played: Routine | None = None
        self.pain_before: int | None = None
        self.record: SessionRecord | None = None
        self.before.start.connect(self._start)
        self.before.back.connect(self.closed.emit)
        self.player.eyes_closed_changed.connect(self.eyes_closed_changed.emit)
        self.after.done.connect(self._done)
        if hearing is not None:
            hearing.changed.connect(self._show_hearing)
        self._show_hearing()

    def _show_hearing(self) -> None:
        self.before.set_hearing(self.hearing.check() if self.hearing is not None else None)

    def prepare(self, routine: Routine) -> None:
        """Show the screen before starting `routine`."""
        self.release()
        self.routine = routine
        today = self.now().date()
        entry = self.log.get_day(today)
        areas = entry.areas if entry else {}
        self.before.prepare(routine, advise(routine, areas, self.catalogue), areas)
        self.sound.prepare_narration(routine)  # the voice renders while the person reads
        self._show_hearing()
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
        return self.run is not None and self.run.is_running()

    def stop(self) -> None:
        """End a running session early (it is recorded as stopped)."""
        if self.run is not None:
            self.run.stop()

    def release(self) -> None:
        """Let go of the session (a running one is stopped and logged); safe at any time."""
        self.player.release()
        run, self.run = self.run, None
        if run is not None:
            run.ended.disconnect(self._ended)
            run.release()
            run.deleteLater()

    def _start(self, routine: Routine, pain_before: int | None) -> None:
        self.release()
        self.played, self.pain_before = routine, pain_before
        self.started.emit(routine.id)
        self.record = None
        run = self.run = SessionRun(
            routine,
            self.sound,
            self.clock,
            log=self.log,
            now=self.now,
            pain_before=pain_before,
            parent=self,  # ends with the page at the latest
        )
        run.ended.connect(self._ended)
        run.logged.connect(self.session_logged.emit)
        self.setCurrentWidget(self.player)
        self.player.show_run(run)
        run.start()

    def _ended(self, outcome: PlayOutcome) -> None:
        run = self.run
        assert run is not None
        self.record = run.record if run.saved else None
        if not run.saved:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("This session could not be saved in your log:\n{0}").format(
                    run.save_problem or self.tr("the log is not open")
                ),
            )
        self.release()
        self.after.prepare(run.routine.title, outcome, self.pain_before, self.record is not None)
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
