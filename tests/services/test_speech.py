"""The speech service on Qt's own "mock" text-to-speech engine, and without any engine.

The test machines have no speech daemon (and no sound card), so these tests use the mock engine
that ships in the PySide6 wheel (plugins/texttospeech/libqtexttospeech_mock.so): a real Qt engine
that simulates speaking word by word, with real state changes and timing, but makes no sound.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from coach.services.speech import SpeechService

SHORT = "Let go."
LONG = (
    "Now let your shoulders drop, and feel the weight of your arms, heavy and warm, sinking down."
)


@pytest.fixture
def speech(qtbot: QtBot):
    service = SpeechService()
    service.start("mock")
    yield service
    service.close()


def test_the_mock_engine_is_available_with_its_voices(speech: SpeechService) -> None:
    assert speech.available
    assert speech.engine == "mock"
    assert speech.notice == ""
    assert speech.voices() == ["Bob", "Anne"]
    assert speech.voice == "Bob"


def test_say_speaks_then_finishes(qtbot: QtBot, speech: SpeechService) -> None:
    with qtbot.waitSignal(speech.finished, timeout=5000):
        speech.say(SHORT)
        assert speech.is_speaking()

    assert not speech.is_speaking()


def test_a_new_sentence_cuts_the_old_one_and_only_the_new_one_finishes(
    qtbot: QtBot, speech: SpeechService
) -> None:
    finished: list[None] = []
    speech.finished.connect(lambda: finished.append(None))
    speech.say(LONG)

    with qtbot.waitSignal(speech.finished, timeout=5000):
        speech.say(SHORT)

    assert len(finished) == 1, "the cut sentence is not reported as finished"
    assert not speech.is_speaking()


def test_stop_cuts_off_and_reports_finished(qtbot: QtBot, speech: SpeechService) -> None:
    speech.say(LONG)

    with qtbot.waitSignal(speech.finished, timeout=1000):
        speech.stop()

    assert not speech.is_speaking()
    with qtbot.assertNotEmitted(speech.finished):
        speech.stop()  # nothing to stop: no second report


def test_voice_rate_and_volume_reach_the_engine(speech: SpeechService) -> None:
    assert speech.set_voice("Anne") is True
    assert speech.set_voice("Nobody") is False
    speech.rate = -0.4
    speech.volume = 0.3

    engine = speech._tts
    assert (speech.voice, engine.voice().name()) == ("Anne", "Anne")
    assert engine.rate() == pytest.approx(-0.4)
    assert engine.volume() == pytest.approx(0.3)


def test_rate_and_volume_are_kept_in_range(speech: SpeechService) -> None:
    speech.rate = 3
    speech.volume = -2

    assert (speech.rate, speech.volume) == (1.0, 0.0)


def test_settings_made_before_start_apply_when_it_starts(qtbot: QtBot) -> None:
    speech = SpeechService()
    speech.set_voice("Anne")
    speech.rate = 0.5
    speech.volume = 0.25

    speech.start("mock")

    assert (speech.voice, speech._tts.rate(), speech._tts.volume()) == ("Anne", 0.5, 0.25)
    speech.close()


def test_muted_says_nothing_and_stops_what_is_said(qtbot: QtBot, speech: SpeechService) -> None:
    speech.say(LONG)

    with qtbot.waitSignal(speech.finished, timeout=1000):
        speech.muted = True

    speech.say(SHORT)
    assert not speech.is_speaking()


def test_empty_text_is_not_spoken(speech: SpeechService) -> None:
    speech.say("   ")
    assert not speech.is_speaking()


def test_an_engine_that_stops_answering_is_cut_off_with_a_notice(
    qtbot: QtBot, speech: SpeechService
) -> None:
    speech.MIN_STALL_SECONDS = 0.05  # as if the engine took far too long
    speech.STALL_FACTOR = 0.0

    with qtbot.waitSignal(speech.finished, timeout=2000):
        speech.say(LONG)

    assert not speech.is_speaking()
    assert "stopped answering" in speech.notice


def test_an_engine_that_does_not_exist_leaves_a_silent_service_with_a_notice(
    qtbot: QtBot,
) -> None:
    speech = SpeechService()

    with qtbot.waitSignal(speech.status_changed):
        speech.start("no-such-engine")

    assert not speech.available
    assert speech.notice.startswith("No speech engine found: the engine “no-such-engine”")
    assert "is shown on screen" in speech.notice
    speech.say(SHORT)
    assert not speech.is_speaking()
    assert speech.voices() == []
    assert speech.voice == ""
    assert speech.set_voice("Bob") is False
    speech.rate = 0.5  # remembered, harmless
    speech.stop()
