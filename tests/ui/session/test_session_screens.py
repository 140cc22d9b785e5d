"""The screens before and after a session: what to know, the gentle offer, pain before and after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.playing.gentle import advise
from coach.core.routines.routine import Routine, Step, StepKind
from coach.services.session_run import PlayOutcome
from coach.services.sound.hearing import Hearing
from coach.ui.session.session_screens import AfterSessionView, BeforeStartView

FIST = Routine(
    "fist",
    "A <fist>",
    (
        Step("Settle in.", 30),
        Step("Make a fist.", 10, StepKind.TENSE, regions=("right_hand_and_forearm",)),
        Step("Let go.", 20, StepKind.RELEASE, regions=("right_hand_and_forearm",)),
    ),
    kind="pmr",
    equipment=("A chair",),
)


@pytest.fixture
def before(qtbot: QtBot, catalogue: RegionCatalogue) -> BeforeStartView:
    screen = BeforeStartView(catalogue)
    qtbot.addWidget(screen)
    screen.resize(900, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def after(qtbot: QtBot) -> AfterSessionView:
    screen = AfterSessionView()
    qtbot.addWidget(screen)
    screen.resize(900, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def show(screen: BeforeStartView, catalogue: RegionCatalogue, areas: dict[str, int]) -> None:
    screen.prepare(FIST, advise(FIST, areas, catalogue), areas)


# -- before -----------------------------------------------------------------------------------------


def test_before_says_what_to_know_with_default_cautions(before, catalogue) -> None:
    show(before, catalogue, {})
    assert before.heading.text() == "<h2>A &lt;fist&gt;</h2>", "the title is escaped"
    assert "1:00 · you need: A chair" in before.details.text()
    assert "Stop if anything hurts more, and rest instead." in before.details.text()
    assert before.gentle_box.isHidden()
    assert before.notes.isHidden()
    assert before.chosen_routine() is FIST


def test_start_carries_the_routine_and_the_pain_typed_anywhere(qtbot: QtBot, before, catalogue):
    show(before, catalogue, {})
    before.activateWindow()
    qtbot.waitUntil(before.start_button.hasFocus)
    qtbot.keyClick(before.start_button, Qt.Key.Key_4)
    assert before.pain.value() == 4
    assert before.start_button.hasFocus(), "a digit rates the pain, Start keeps the keyboard"

    with qtbot.waitSignal(before.start) as started:
        qtbot.keyClick(before.start_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert started.args == [FIST, 4]


def test_esc_goes_back(qtbot: QtBot, before, catalogue) -> None:
    show(before, catalogue, {})
    before.activateWindow()
    qtbot.waitUntil(before.start_button.hasFocus)
    with qtbot.waitSignal(before.back):
        qtbot.keyClick(before.start_button, Qt.Key.Key_Escape)


def test_strong_pain_in_a_worked_area_offers_the_gentle_version(qtbot, before, catalogue) -> None:
    show(before, catalogue, {"right_hand_palm": 8})

    assert not before.gentle_box.isHidden()
    assert "(8/10)" in before.gentle_text.text()
    assert "would tense it" in before.gentle_text.text()
    assert before.gentle.isChecked(), "recommended"
    gentle = before.chosen_routine()
    assert StepKind.TENSE not in [s.kind for s in gentle.steps]
    before.gentle.setChecked(False)
    assert before.chosen_routine() is FIST


def test_the_line_about_hearing_shows_a_warning_mark_when_nothing_is_heard(before, catalogue):
    show(before, catalogue, {})
    before.set_hearing(Hearing(cues=False, voice=False, checking=False, line="Sound is muted."))
    assert before.hearing.text() == "⚠ Sound is muted."
    before.set_hearing(Hearing(cues=True, voice=True, checking=False, line="Cues and voice."))
    assert before.hearing.text() == "♪ Cues and voice."
    before.set_hearing(None)
    assert before.hearing.isHidden()


def test_start_looks_different_when_it_has_the_keyboard(qtbot: QtBot, before, catalogue) -> None:
    show(before, catalogue, {})
    before.activateWindow()
    start = before.start_button
    qtbot.waitUntil(start.hasFocus)
    focused = start.grab().toImage()
    before.back_button.setFocus()
    qtbot.waitUntil(lambda: not start.hasFocus())
    assert start.grab().toImage() != focused, "the outline shows where Return goes"


# -- after ------------------------------------------------------------------------------------------


def test_after_a_completed_session_it_says_so_and_saves_pain_and_note(qtbot: QtBot, after):
    after.prepare("Fist", PlayOutcome(True, None, 3, 60.0, 61.0), 6, recorded=True)
    assert after.heading.text() == "<h2>Session complete</h2>"
    summary = after.summary.text()
    assert "You finished Fist." in summary
    assert "Time spent: 1:01." in summary
    assert "your pain was 6 of 10" in summary
    assert "It is saved in your log." in summary

    after.activateWindow()
    qtbot.waitUntil(after.hasFocus)
    qtbot.keyClick(after, Qt.Key.Key_Right)  # still pressed from skipping steps: nothing
    assert after.pain.value() is None
    qtbot.keyClick(after, Qt.Key.Key_3)
    qtbot.keyClicks(after.note, "Warm hands.")
    with qtbot.waitSignal(after.done) as done:
        qtbot.mouseClick(after.done_button, Qt.MouseButton.LeftButton)
    assert done.args == [3, "Warm hands."]


def test_a_stopped_session_is_told_kindly_and_an_unsaved_one_says_so(after) -> None:
    after.prepare(
        "Fist", PlayOutcome(False, 2, 3, 60.0, 12.0, reached_end=False), None, recorded=False
    )
    assert after.heading.text() == "<h2>Session stopped</h2>"
    assert "at step 2 of 3" in after.summary.text()
    assert "could not be saved" in after.summary.text()
    assert "pain was" not in after.summary.text()


def test_preparing_again_clears_the_last_rating_and_note(qtbot: QtBot, after) -> None:
    after.prepare("Fist", PlayOutcome(True, None, 3, 60.0, 60.0), None, recorded=True)
    after.pain.set_value(5)
    after.note.setPlainText("Old note")
    after.prepare("Fist", PlayOutcome(True, None, 3, 60.0, 60.0), None, recorded=True)
    assert after.pain.value() is None
    assert after.note.toPlainText() == ""
