"""A session end to end: before starting, playing (on a manual clock), after; recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from coach.core.log.entries import DayEntry
from coach.core.playing.clock import ManualClock
from coach.core.playing.player import PlayerState
from coach.core.routines.cues import BuiltinCue, Cue
from coach.core.routines.routine import Routine, Step, StepKind
from coach.services.sound.session_sound import SessionSound
from coach.ui.session.session_page import SessionPage

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
                cue=BuiltinCue.TENSE,
            ),
            Step(
                "And let go.",
                0.5,
                StepKind.RELEASE,
                regions=("right_hand_and_forearm",),
                cue=BuiltinCue.RELEASE,
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

    def play_cue(self, cue: Cue) -> None:
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
    recorder, clock = Recorder(), ManualClock()
    widget = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(recorder, recorder, clock=clock),
        now=now,
        clock=clock,
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
    advance(page, 2.0)  # each step's words wait 350 ms for its cue's first strike, then are said
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
    assert cues[:3] == [BuiltinCue.STEP, BuiltinCue.TENSE, BuiltinCue.RELEASE]
    assert cues[-1] is BuiltinCue.END
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
    recorder, clock = Recorder(), ManualClock()
    widget = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(recorder, recorder, clock=clock),
        now=now,
        clock=clock,
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
    from coach.services.sound.hearing import HearingCheck
    from coach.services.sound.speech import SpeechService
    from tests.services.sound.test_hearing import audio_service

    audio, voice = audio_service(works=False), SpeechService()  # no speaker, no voice
    recorder, clock = Recorder(), ManualClock()
    page = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(recorder, recorder, clock=clock),
        now=now,
        clock=clock,
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


# -- the first evening: the session screen -----------------------------------------------------------


def long_routine() -> Routine:
    return Routine(
        "long",
        "A long one",
        tuple(
            Step(f"Step {n}.", 60, StepKind.TENSE if n % 2 else StepKind.RELEASE) for n in range(5)
        ),
    )


def test_skipping_through_is_recorded_as_partly_done(qtbot, page, log) -> None:
    page.prepare(long_routine())
    page.before.start_button.click()
    player = page.player
    with qtbot.waitSignal(page.run.ended):
        for _ in range(5):
            qtbot.keyClick(player, Qt.Key.Key_Right)

    record = log.sessions(TODAY, TODAY)[-1]
    assert not record.completed, "reaching the end in seconds is not completing it"
    assert record.actual_seconds < 60
    assert record.planned_seconds == 300
    assert page.after.heading.text() == "<h2>Session skimmed</h2>"
    assert "partly done" in page.after.summary.text()


def test_arrows_still_pressed_after_the_last_step_do_not_rate_the_pain(qtbot, page) -> None:
    page.prepare(long_routine())
    page.before.start_button.click()
    player = page.player
    with qtbot.waitSignal(page.run.ended):
        for _ in range(5):
            qtbot.keyClick(player, Qt.Key.Key_Right)
    after = page.after
    assert page.currentWidget() is after

    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left):
        qtbot.keyClick(QApplication.focusWidget() or after, key)

    assert after.pain.value() is None
    qtbot.keyClick(QApplication.focusWidget() or after, Qt.Key.Key_3)
    assert after.pain.value() == 3, "a digit rates it, on purpose"


def test_eyes_closed_darkens_the_whole_screen(qtbot, page) -> None:
    page.prepare(long_routine())
    page.before.start_button.click()
    player = page.player
    player.set_eyes_closed(True)
    QApplication.processEvents()

    image = player.grab().toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 10)
        for y in range(0, image.height(), 10)
        if QColor(image.pixel(x, y)).lightness() < 40
    )
    total = len(range(0, image.width(), 10)) * len(range(0, image.height(), 10))
    assert dark / total > 0.97, "nothing bright"
    assert player.ring.isHidden(), "the countdown only when asked for"
    qtbot.keyClick(player, Qt.Key.Key_C)
    assert player.ring.isVisible()
    assert QColor(player.ring.palette().color(player.ring.foregroundRole())).lightness() < 110
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert not player.eyes_closed
    assert player.player.state is PlayerState.PLAYING, "Esc left eyes-closed mode only"
    image = player.grab().toImage()
    assert QColor(image.pixel(5, 5)).lightness() > 100, "back to the normal look"


def test_paused_is_shown_and_the_phase_word_changes_colour(qtbot, page) -> None:
    page.prepare(long_routine())
    page.before.start_button.click()
    player = page.player
    tense = player.kind_label.palette().color(player.kind_label.foregroundRole())
    qtbot.keyClick(player, Qt.Key.Key_Right)  # a release step
    release = player.kind_label.palette().color(player.kind_label.foregroundRole())
    assert tense != release
    assert player.paused_label.isHidden()

    qtbot.keyClick(player, Qt.Key.Key_Space)

    assert player.paused_label.isVisible()
    assert "Paused" in player.paused_label.text()


def test_without_sound_a_cue_is_shown_big(qtbot, catalogue, log) -> None:
    clock = ManualClock()
    silent = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(None, None, clock=clock),
        now=now,
        clock=clock,
    )
    qtbot.addWidget(silent)
    silent.resize(1000, 700)
    silent.show()
    silent.prepare(short_routine())
    silent.before.start_button.click()
    player = silent.player
    advance(silent, 0.5)  # the fist: a tense step, with its cue
    assert player.cue_label.isVisible()
    assert player.cue_label.word == "Tense"
    assert player.cue_label.loud
    assert player.cue_label.height() >= 2 * player.fontMetrics().height()
    silent.player.release()


def test_long_guidance_at_large_text_can_always_be_read(qtbot, page) -> None:
    text = " ".join(
        ["Lie down on your back, knees bent, feet flat, and let the floor hold you."] * 6
    )
    page.prepare(Routine("t", "Long text", (Step(text, 60, StepKind.INSTRUCTION),)))
    page.before.start_button.click()
    player = page.player
    font = player.text.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    player.text.setFont(font)
    page.resize(700, 480)
    QApplication.processEvents()
    scroll = player.text_scroll
    needed = player.text.heightForWidth(scroll.viewport().width())
    assert player.text.height() >= needed, "the whole text is laid out, wrapped"
    assert needed <= scroll.viewport().height() or scroll.verticalScrollBar().maximum() > 0
