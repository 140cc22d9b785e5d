"""A session end to end: before starting, playing (on a manual clock), after; recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from coach.core.clock import ManualClock
from coach.core.log import DayEntry
from coach.core.player import PlayerState
from coach.core.routine import Routine, Step, StepKind
from coach.services.session_sound import SessionSound
from coach.ui.session_page import SessionPage

TODAY = dt.date(2026, 11, 21)


def now() -> dt.datetime:
    return dt.datetime.combine(TODAY, dt.datetime.now().time()).astimezone()


def short_routine(kind: str = "pmr") -> Routine:
    return Routine(
        "short",
        "A short one",
        (
            Step("Settle in.", 0.5, StepKind.INSTRUCTION),
            Step(
                "Make a fist with your right hand.",
                0.5,
                StepKind.TENSE,
                regions=("right_hand_and_forearm",),
                cue="tense",
            ),
            Step(
                "And let go.",
                0.5,
                StepKind.RELEASE,
                regions=("right_hand_and_forearm",),
                cue="release",
            ),
            Step("Breathe in.", 0.5, StepKind.BREATHE_IN),
        ),
        kind=kind,
        cautions=("Stop if it hurts.",),
    )


class Recorder:
    """A voice and cue player that only notes what it was asked (no sound card in CI)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def play_cue(self, cue: str) -> None:
        self.calls.append(("cue", cue))

    def play_clip(self, path):
        self.calls.append(("clip", str(path)))

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def stop(self) -> None:
        self.calls.append(("stop", ""))

    def narration_seconds(self, text: str) -> float:
        return 0.0  # says everything at once, so these half-second steps keep their lengths


def advance(page: SessionPage, seconds: float) -> None:
    """Let `seconds` pass on the page's manual clock, waking the player as its timer would."""
    while seconds > 1e-9:
        step = min(0.25, seconds)
        page.clock.advance(step)
        seconds -= step
        if page.run is not None:
            page.run.catch_up()


@pytest.fixture
def page(qtbot, catalogue, log):
    recorder = Recorder()
    widget = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(recorder, recorder),
        now=now,
        clock=ManualClock(),
    )
    widget.recorder = recorder
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.release()


def test_a_completed_session_is_recorded_with_pain_before_and_after(qtbot, page, log):
    page.prepare(short_routine())
    assert page.currentWidget() is page.before
    assert "Stop if it hurts." in page.before.details.text()
    assert page.before.gentle_box.isHidden()
    page.before.pain.set_value(6)
    qtbot.mouseClick(page.before.start_button, Qt.MouseButton.LeftButton)
    assert page.currentWidget() is page.player
    for _ in range(4):  # each step's words wait for its cue's first strike (350 ms, real time)
        qtbot.waitUntil(lambda: not page.sound._after_cue.isActive(), timeout=2000)
        advance(page, 0.5)
    assert page.currentWidget() is page.after
    [record] = log.sessions(TODAY, TODAY)
    assert record.completed
    assert record.pain_before == 6
    assert record.step_count == 4
    assert record.stopped_at_step is None
    assert "Session complete" in page.after.heading.text()
    page.after.pain.set_value(4)
    page.after.note.setPlainText("Hands feel warm.")
    with qtbot.waitSignal(page.closed):
        qtbot.mouseClick(page.after.done_button, Qt.MouseButton.LeftButton)
    [record] = log.sessions(TODAY, TODAY)
    assert (record.pain_after, record.note) == (4, "Hands feel warm.")
    said = [text for kind, text in page.recorder.calls if kind == "say"]
    assert said == ["Settle in.", "Make a fist with your right hand.", "And let go.", "Breathe in."]
    cues = [text for kind, text in page.recorder.calls if kind == "cue"]
    assert cues[:3] == ["step", "tense", "release"]
    assert cues[-1] == "end"
    assert not page.player._frame.isActive()


def test_stopping_early_is_recorded_with_the_step(qtbot, page, log):
    long_one = Routine("long", "Long", (Step("One.", 30), Step("Two.", 30), Step("Three.", 30)))
    page.prepare(long_one)
    page.before.start_button.click()
    page.player.next()
    assert page.player.player.current == 1
    qtbot.keyClick(page.player, Qt.Key.Key_Escape)
    assert page.currentWidget() is page.after
    [record] = log.sessions(TODAY, TODAY)
    assert not record.completed
    assert record.stopped_at_step == 2
    assert "step 2 of 3" in page.after.summary.text()


def test_keyboard_controls(qtbot, page):
    page.prepare(Routine("k", "Keys", (Step("One.", 30), Step("Two.", 30), Step("Three.", 30))))
    page.before.start_button.click()
    player = page.player
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.player.state is PlayerState.PAUSED
    assert player.play_button.text() == "Continue"
    qtbot.keyClick(player, Qt.Key.Key_Right)
    assert player.player.current == 1
    qtbot.keyClick(player, Qt.Key.Key_Left)
    assert player.player.current == 0
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.player.state is PlayerState.PLAYING
    qtbot.keyClick(player, Qt.Key.Key_R)
    assert player.player.current == 0
    qtbot.keyClick(player, Qt.Key.Key_E)
    assert player.eyes_closed
    assert player.next_label.isHidden()
    assert player.text.isVisible()
    qtbot.keyClick(player, Qt.Key.Key_Escape)  # leaves eyes-closed mode, does not stop
    assert not player.eyes_closed
    assert player.player.state is PlayerState.PLAYING


def test_the_display_follows_the_step(qtbot, page):
    page.prepare(
        Routine(
            "d",
            "Display",
            (
                Step("Breathe in slowly.", 4, StepKind.BREATHE_IN),
                Step("Out.", 6, StepKind.BREATHE_OUT),
            ),
        )
    )
    page.before.start_button.click()
    player = page.player
    assert player.kind_label.text() == "Breathe in"
    assert player.text.text() == "Breathe in slowly."
    assert "Breathe out" in player.next_label.text()
    assert player.pacer.isVisible()
    advance(page, 2.5)
    qtbot.waitUntil(lambda: player.pacer.size_fraction > 0.4, timeout=2000)  # grows with the breath
    assert player.ring.seconds_left == 2
    assert player.position_label.text() == "Step 1 of 2"


def test_strong_pain_today_offers_the_gentle_version(qtbot, page, log):
    log.save_day(DayEntry(TODAY, areas={"right_hand_palm": 8}))
    page.prepare(short_routine())
    assert not page.before.gentle_box.isHidden()
    assert (
        "right palm" in page.before.gentle_text.text().lower()
        or "8/10" in page.before.gentle_text.text()
    )
    chosen = page.before.chosen_routine()
    assert chosen.title == "A short one (gentle)"
    assert StepKind.TENSE not in [s.kind for s in chosen.steps]
    page.before.gentle.setChecked(False)
    assert page.before.chosen_routine().title == "A short one"


def test_a_marked_area_that_may_be_an_organ_is_explained_before_starting(qtbot, page, log):
    page.prepare(short_routine())
    assert page.before.notes.isHidden(), "nothing marked, nothing to say"

    log.save_day(DayEntry(TODAY, areas={"right_lower_back": 4, "left_lower_abdomen": 3}))
    page.prepare(short_routine())

    assert not page.before.notes.isHidden()
    text = page.before.notes.text()
    assert "kidney" in text
    assert "ovary" in text
    assert page.before.gentle_box.isHidden(), "a mild ache needs no gentle version"


# -- the player's small figure ---------------------------------------------------------------------


@pytest.fixture
def figure_page(qtbot, catalogue, log, shapes):
    """The session page with the body map's artwork, as the app builds it."""
    recorder = Recorder()
    widget = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(recorder, recorder),
        now=now,
        shapes=shapes,
    )
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.release()


def test_the_small_figure_highlights_the_step_s_areas_on_the_side_that_shows_them(
    figure_page, catalogue
):
    routine = Routine(
        "f",
        "Figure",
        (
            Step("Settle in.", 30),
            Step("Fist.", 30, StepKind.TENSE, regions=("right_hand_and_forearm",)),
            Step(
                "Back.", 30, StepKind.TENSE, regions=("lower_back", "glutes", "left_lower_abdomen")
            ),
        ),
    )
    figure_page.prepare(routine)
    figure_page.before.start_button.click()
    player = figure_page.player
    figure = player.figure
    assert figure is not None
    assert not figure.interactive
    assert figure.isHidden(), "no areas on this step"
    assert figure.sizePolicy().retainSizeWhenHidden(), "and the layout does not jump"

    player.next()
    assert figure.isVisible()
    assert figure.highlighted() == catalogue.expand("right_hand_and_forearm")
    assert figure.views() == ("front",)
    assert player.regions_label.text() == "Works on: Right hand and forearm", "text stays too"

    player.next()
    assert figure.views() == ("back",), "four of the five areas are on the back"
    assert figure.highlighted() == catalogue.expand_all(
        ["lower_back", "glutes", "left_lower_abdomen"]
    )

    player.set_eyes_closed(True)
    assert figure.isHidden()
    player.set_eyes_closed(False)
    assert figure.isVisible()


def test_a_routine_that_names_no_areas_has_no_figure(figure_page):
    figure_page.prepare(Routine("b", "Breaths", (Step("In.", 30, StepKind.BREATHE_IN),)))
    figure_page.before.start_button.click()

    figure = figure_page.player.figure
    assert figure.isHidden()
    assert not figure.sizePolicy().retainSizeWhenHidden()


def test_the_screen_before_starting_says_what_will_be_heard(qtbot, catalogue, log):
    from coach.services.hearing import HearingCheck
    from coach.services.speech import SpeechService
    from tests.services.test_hearing import audio_service

    audio, voice = audio_service(works=False), SpeechService()  # no speaker, no voice
    recorder = Recorder()
    page = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(recorder, recorder),
        now=now,
        clock=ManualClock(),
        hearing=HearingCheck(audio, voice),
    )
    qtbot.addWidget(page)
    page.show()
    page.prepare(short_routine())

    line = page.before.hearing
    assert line.isVisible()
    assert line.text().startswith("⚠ You will not hear anything: no speaker or headphones")
    assert "ALSA" not in line.text()
    assert line.accessibleName() == "What you will hear"

    audio.muted = True
    audio.status_changed.emit()
    assert line.text().startswith("⚠ Sound is muted")


def test_without_sound_services_there_is_no_line(page):
    page.prepare(short_routine())
    assert page.before.hearing.isHidden()
