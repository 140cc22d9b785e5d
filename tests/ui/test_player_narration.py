"""The player with the built-in voice: words rendered ahead, a session waits for its first words,
and steps are timed by the words' real length."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coach.core.playing.clock import ManualClock
from coach.core.playing.narration import NarrationCache
from coach.core.playing.player import PlayerState
from coach.core.playing.timeline import SPEECH_LEAD, TENSE_HOLD
from coach.core.routines.cues import BuiltinCue
from coach.core.routines.routine import Routine, Step, StepKind
from coach.services.sound.neural_voice import NeuralVoice
from coach.services.sound.session_sound import SessionSound
from coach.ui.session.session_page import SessionPage
from tests.services.fake_voice import SECONDS_PER_WORD, FakeEngine
from tests.ui.session.test_session_page import Recorder, advance, now


class Clip:
    problem = ""

    def __init__(self) -> None:
        self.playing = True

    def is_playing(self) -> bool:
        return self.playing

    def stop(self) -> None:
        self.playing = False


class Output(Recorder):
    """The cue output: notes cues and clips in order."""

    def play_clip(self, path, volume=None):
        self.calls.append(("clip", str(path)))
        return Clip()


ROUTINE = Routine(
    "fist",
    "A fist",
    (
        Step("Make a fist with your right hand.", 2, StepKind.TENSE, cue=BuiltinCue.TENSE),
        Step("And let go.", 3, StepKind.RELEASE, cue=BuiltinCue.RELEASE),
    ),
    kind="pmr",
)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def page(qtbot, catalogue, log, engine, tmp_path: Path):
    output = Output()
    voice = NeuralVoice(output, NarrationCache(tmp_path / "narration"), engine)
    voice.start()
    clock = ManualClock()
    widget = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(output, voice, clock=clock),
        now=now,
        clock=clock,
    )
    widget.output, widget.voice = output, voice
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.release()
    voice.close()


def test_a_session_starts_only_once_its_first_words_are_ready(qtbot, page, engine):
    engine.gate.clear()  # the voice is still rendering
    page.prepare(ROUTINE)
    qtbot.mouseClick(page.before.start_button, Qt.MouseButton.LeftButton)

    player = page.player
    assert page.run is not None
    assert page.run.player.state is PlayerState.READY
    assert player.notice.text() == "Preparing the voice…"
    assert page.output.calls == [], "no cue before the words can follow it"

    engine.gate.set()
    qtbot.waitUntil(lambda: page.run.player.state is PlayerState.PLAYING, timeout=5000)
    assert [kind for kind, _ in page.output.calls] == ["cue"], "its words wait for the cue"
    advance(page, SPEECH_LEAD)
    kinds = [kind for kind, _ in page.output.calls]
    assert kinds[:2] == ["cue", "clip"], "the step's cue, then its words"
    assert player.notice.isHidden()


def test_steps_are_timed_by_the_rendered_words(qtbot, page):
    page.prepare(ROUTINE)
    qtbot.waitUntil(lambda: page.voice.pending() == 0, timeout=5000)
    qtbot.mouseClick(page.before.start_button, Qt.MouseButton.LeftButton)

    tense = page.run.timeline.steps[0]
    words = 7 * SECONDS_PER_WORD / page.voice.speed
    assert tense.speech == pytest.approx(words, abs=0.01)
    assert tense.stretched
    assert tense.end - tense.speech_end >= TENSE_HOLD - 1e-9
    assert page.run.player.state is PlayerState.PLAYING, "rendered ahead: starts at once"


def test_a_step_whose_words_are_not_ready_waits_for_them_then_says_them(qtbot, page, engine):
    page.voice.prepare([ROUTINE.steps[0].spoken])
    qtbot.waitUntil(lambda: page.voice.pending() == 0, timeout=5000)
    engine.gate.clear()  # the second step's words will still be rendering
    page.prepare(ROUTINE)
    qtbot.mouseClick(page.before.start_button, Qt.MouseButton.LeftButton)
    player, run = page.player, page.run
    assert run.player.state is PlayerState.PLAYING

    run.next()  # straight to the step whose words are not ready

    qtbot.waitUntil(lambda: run.player.state is PlayerState.PAUSED, timeout=3000)
    assert run.player.current == 1
    assert player.notice.text() == "Preparing the voice…"
    clips = sum(1 for kind, _ in page.output.calls if kind == "clip")
    engine.gate.set()
    qtbot.waitUntil(lambda: run.player.state is PlayerState.PLAYING, timeout=5000)
    advance(page, SPEECH_LEAD)
    assert sum(1 for kind, _ in page.output.calls if kind == "clip") == clips + 1
    assert run.player.current == 1
