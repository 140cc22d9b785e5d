"""The player view on a real `SessionRun` and a manual clock: what it shows of each step, how it
forwards keys and buttons, eyes-closed mode, reduced motion, and letting go of a run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.playing.clock import ManualClock
from coach.core.playing.player import PlayerState
from coach.core.routines.routine import Routine, Step, StepKind
from coach.services.session_run import SessionRun
from coach.services.sound.session_sound import SessionSound
from coach.ui.session.player_view import FRAME_MS, STILL_MS, PlayerView

ROUTINE = Routine(
    "hands",
    "Hands <and> arms",
    (
        Step("Settle in.", 4),
        Step("Make a fist.", 7, StepKind.TENSE, regions=("right_hand_and_forearm",)),
        Step("Let go.", 5, StepKind.RELEASE, regions=("right_hand_and_forearm",)),
        Step("Breathe in slowly.", 4, StepKind.BREATHE_IN),
    ),
)
BREATHING = Routine(
    "breath",
    "Only breathing",
    (Step("Breathe in.", 4, StepKind.BREATHE_IN), Step("Breathe out.", 6, StepKind.BREATHE_OUT)),
)


class Recorder:
    """A voice and cue player that notes what it was asked (there is no sound card here)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def play_cue(self, cue: object) -> None:
        self.calls.append(("cue", str(cue)))

    def play_clip(self, path: object) -> None:
        self.calls.append(("clip", str(path)))

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def stop(self) -> None:
        self.calls.append(("stop", ""))


@pytest.fixture
def sound() -> SessionSound:
    recorder = Recorder()
    return SessionSound(recorder, recorder)


@pytest.fixture
def view(
    qtbot: QtBot, catalogue: RegionCatalogue, shapes, sound: SessionSound
) -> Iterator[PlayerView]:
    widget = PlayerView(catalogue, sound, shapes)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.release()  # as the session page does: the last cue's fade stops too


@pytest.fixture
def make_run(sound: SessionSound) -> Iterator:
    runs: list[SessionRun] = []

    def make(routine: Routine = ROUTINE) -> SessionRun:
        run = SessionRun(routine, sound, ManualClock())
        runs.append(run)
        return run

    yield make
    for run in runs:
        run.release()


def playing(view: PlayerView, run: SessionRun) -> SessionRun:
    view.show_run(run)
    run.start()
    assert run.player.state is PlayerState.PLAYING
    return run


def test_a_run_shows_its_title_step_and_what_comes_next(view: PlayerView, make_run) -> None:
    run = make_run()
    view.show_run(run)

    assert view.run is run
    assert view.player is run.player
    assert view.title.text() == "<b>Hands &lt;and&gt; arms</b>", "the title is escaped"
    assert view.kind_label.text() == "Listen"
    assert view.text.text() == "Settle in."
    assert view.position_label.text() == "Step 1 of 4"
    assert view.next_label.text() == "Next: Tense — Make a fist."
    assert view.regions_label.text() == ""
    assert view.time_left.text() == "0:20 left"
    assert view.accessibleDescription() == "Listen. Settle in."


def test_each_step_shows_its_areas_on_the_figure(view: PlayerView, make_run) -> None:
    run = playing(view, make_run())
    assert view.figure is not None
    assert view.figure.isHidden(), "no areas on the first step"

    view.next()

    assert view.kind_label.text() == "Tense"
    assert view.regions_label.text() == "Works on: Right hand and forearm"
    assert view.figure.isVisible()
    assert view.figure.highlighted() == set(view.catalogue.expand_all(["right_hand_and_forearm"]))
    assert view.figure.accessibleDescription() == "Right hand and forearm"
    view.next()
    view.next()
    assert run.player.current == 3
    assert view.next_label.text() == "Next: the end of the routine"
    assert view.pacer.isVisible(), "a breathing step shows the pacer"
    assert view.figure.isHidden(), "the pacer takes the middle"


def test_a_routine_naming_no_area_has_no_figure_at_all(view: PlayerView, make_run) -> None:
    playing(view, make_run(BREATHING))
    assert view.figure is not None
    assert view.figure.isHidden()
    assert not view.figure.sizePolicy().retainSizeWhenHidden(), "the pacer may take its room"
    assert view.pacer.isVisible()


def test_buttons_and_keys_are_forwarded_to_the_run(qtbot: QtBot, view: PlayerView, make_run):
    run = playing(view, make_run())
    assert view.play_button.text() == "Pause"
    assert view._frame.isActive(), "the countdown moves while playing"

    view.next_button.click()
    assert run.player.current == 1
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert run.player.current == 2
    view.previous_button.click()
    assert run.player.current == 1
    view.play_button.click()

    assert run.player.state is PlayerState.PAUSED
    assert view.play_button.text() == "Continue"
    assert view.paused_label.isVisible()
    assert not view._frame.isActive(), "a paused countdown is not redrawn"
    view.restart_button.click()
    assert run.player.current == 1
    view.stop_button.click()
    assert run.player.state is PlayerState.STOPPED


def test_esc_stops_the_session_unless_the_eyes_are_closed(qtbot: QtBot, view, make_run) -> None:
    run = playing(view, make_run())
    changes: list[bool] = []
    view.eyes_closed_changed.connect(changes.append)

    view.eyes_button.click()

    assert view.eyes_closed
    assert changes == [True]
    assert all(widget.isHidden() for widget in (*view.chrome, *view.buttons, view.cue_label))
    assert view.ring.isHidden()
    assert view.autoFillBackground()
    window = view.palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 40, "the whole screen goes dark"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.eyes_closed
    assert changes == [True, False]
    assert run.player.state is PlayerState.PLAYING, "the first Esc only opens the eyes"
    assert all(widget.isVisible() for widget in (*view.chrome, *view.buttons))

    qtbot.keyClick(view, Qt.Key.Key_Escape)

    assert run.player.state is PlayerState.STOPPED


def test_the_dim_countdown_is_remembered_across_eyes_closed_spells(view, make_run) -> None:
    playing(view, make_run())
    view.toggle_dim_countdown()
    assert view.ring.isVisible(), "with the eyes open the countdown is always there"

    view.set_eyes_closed(True)

    assert view.ring.isVisible(), "asked for earlier: shown, dim"
    view.toggle_dim_countdown()
    assert view.ring.isHidden()
    view.set_eyes_closed(False)
    assert view.ring.isVisible()


def test_waiting_for_the_voice_is_said_and_then_cleared(view: PlayerView, make_run) -> None:
    run = make_run()
    view.show_run(run)
    assert view.notice.isHidden()

    run.waiting_for_words.emit(True)

    assert view.notice.isVisible()
    assert view.notice.text() == "Preparing the voice…"
    run.waiting_for_words.emit(False)
    assert view.notice.isHidden()


def test_release_lets_go_of_the_run_and_opens_the_eyes(view: PlayerView, make_run) -> None:
    run = playing(view, make_run())
    view.set_eyes_closed(True)

    view.release()

    assert view.run is None
    assert view.player is None
    assert not view.eyes_closed
    assert not view._frame.isActive()
    run.next()  # the run goes on without the view
    assert view.position_label.text() == "Step 1 of 4"
    view.toggle()  # nothing to forward to: nothing happens
    assert run.player.state is PlayerState.PLAYING


def test_showing_a_second_run_drops_the_first(view: PlayerView, make_run) -> None:
    first = playing(view, make_run())
    second = make_run(BREATHING)

    view.show_run(second)

    assert view.run is second
    first.next()
    assert view.kind_label.text() == "Breathe in"
    assert view.position_label.text() == "Step 1 of 2"


def test_reduced_motion_wakes_the_countdown_once_a_second(view: PlayerView, make_run) -> None:
    playing(view, make_run())
    assert view._frame.interval() == FRAME_MS

    view.set_reduced_motion(True)

    assert view.reduced_motion
    assert view.ring.reduced_motion
    assert view.pacer.reduced_motion
    assert view._frame.isActive()
    assert view._frame.interval() <= STILL_MS + 15, "just after the next whole second"
    view.set_reduced_motion(False)
    assert view._frame.interval() == FRAME_MS


def test_the_countdown_stops_while_hidden_and_resumes_when_shown(qtbot, view, make_run) -> None:
    playing(view, make_run())
    view.hide()
    assert not view._frame.isActive()
    view.show()
    qtbot.waitExposed(view)
    assert view._frame.isActive()


def test_sound_is_off_without_an_audible_output(catalogue, audio_service, qtbot) -> None:
    heard = PlayerView(catalogue, SessionSound(audio_service, Recorder()))
    qtbot.addWidget(heard)
    assert not heard.sound_is_off()
    audio_service.muted = True
    assert heard.sound_is_off(), "muted: cues are shown big"
    unknown = PlayerView(catalogue, SessionSound(Recorder(), Recorder()))
    qtbot.addWidget(unknown)
    assert unknown.sound_is_off(), "an output that does not say what it is: shown big"
