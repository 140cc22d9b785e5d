"""The line before starting: will the cues and the voice be heard? Checked on the real services."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from coach.services.sound.audio import AudioService
from coach.services.sound.audio_outputs import SilentBackend, SimpleAudioBackend
from coach.services.sound.hearing import HearingCheck
from coach.services.sound.speech import SpeechService
from tests.services.sound.test_audio import OPEN_FAILS, SOUNDS, FakeSimpleaudio

DEVELOPER_WORDS = ("ALSA", "error", "-2", "simpleaudio", "speechd", "daemon", "QtTextToSpeech")


def audio_service(works: bool) -> AudioService:
    fake = FakeSimpleaudio() if works else FakeSimpleaudio(fail=OPEN_FAILS)
    service = AudioService(
        {"simpleaudio": lambda: SimpleAudioBackend(fake), "silent": SilentBackend}
    )
    service.start(SOUNDS, order=("simpleaudio", "silent"))
    return service


@pytest.fixture
def voice(qtbot: QtBot):
    service = SpeechService()
    service.start("mock")
    qtbot.waitUntil(lambda: not service.opening, timeout=15000)
    yield service
    service.close()


def plain(line: str) -> bool:
    return not any(word in line for word in DEVELOPER_WORDS)


def test_cues_and_voice(qtbot: QtBot, voice: SpeechService) -> None:
    hearing = HearingCheck(audio_service(True), voice).check()

    assert (hearing.cues, hearing.voice, hearing.checking) == (True, True, False)
    assert hearing.line == "You will hear the cues and the voice, so you can close your eyes."


def test_no_sound_output_says_so_and_what_to_do(qtbot: QtBot, voice: SpeechService) -> None:
    hearing = HearingCheck(audio_service(False), voice).check()

    assert (hearing.cues, hearing.voice) == (False, True)
    assert hearing.line.startswith("You will hear the voice but not the cues")
    assert "Check they are connected" in hearing.line
    assert plain(hearing.line), hearing.line


def test_no_voice(qtbot: QtBot) -> None:
    silent_voice = SpeechService()  # never answered
    hearing = HearingCheck(audio_service(True), silent_voice).check()

    assert (hearing.cues, hearing.voice) == (True, False)
    assert hearing.line.startswith("You will hear the cues but not the voice")
    assert "Settings → Sound and voice" in hearing.line
    assert plain(hearing.line), hearing.line


def test_nothing_at_all(qtbot: QtBot) -> None:
    hearing = HearingCheck(audio_service(False), SpeechService()).check()

    assert hearing.line.startswith("You will not hear anything")
    assert plain(hearing.line), hearing.line


def test_muted(qtbot: QtBot, voice: SpeechService) -> None:
    audio = audio_service(True)
    audio.muted = True

    hearing = HearingCheck(audio, voice).check()

    assert not hearing.cues
    assert hearing.line.startswith("Sound is muted")


def test_still_starting_then_follows_the_voice(qtbot: QtBot) -> None:
    audio = audio_service(True)
    voice = SpeechService()
    check = HearingCheck(audio, voice)

    with qtbot.waitSignal(check.changed):
        voice.start("mock")
    assert check.check().checking
    assert check.check().line.startswith("Checking the sound")

    qtbot.waitUntil(lambda: voice.available, timeout=15000)
    assert check.check().line.startswith("You will hear the cues and the voice")
    voice.close()


def test_the_built_in_voice_is_not_heard_without_a_sound_output(qtbot: QtBot, tmp_path) -> None:
    """The bundled voice plays through the same output as the cues: no output, neither is heard."""
    from coach.core.playing.narration import NarrationCache
    from coach.services.sound.narration import NarrationVoice
    from coach.services.sound.neural_voice import NeuralVoice
    from tests.services.fake_voice import FakeEngine

    for works, expected in ((False, (False, False)), (True, (True, True))):
        audio = audio_service(works)
        builtin = NeuralVoice(audio, NarrationCache(tmp_path / "narration"), FakeEngine())
        builtin.start()
        narration = NarrationVoice("builtin", system=None, builtin=builtin)
        try:
            hearing = HearingCheck(audio, narration).check()
            assert (hearing.cues, hearing.voice) == expected, hearing.line
            if not works:
                assert hearing.line.startswith("You will not hear anything"), hearing.line
        finally:
            builtin.close()
