"""The "Sound and voice" settings: shows what works and what failed; every change applies and is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from coach.services.settings import Settings
from coach.services.sound.audio import AudioService
from coach.services.sound.audio_outputs import SilentBackend, SimpleAudioBackend
from coach.services.sound.speech import SpeechService
from coach.ui.settings.sound_settings import SoundSettings
from tests.services.sound.test_audio import OPEN_FAILS, SOUNDS, FakeSimpleaudio


@pytest.fixture
def fake() -> FakeSimpleaudio:
    return FakeSimpleaudio()


@pytest.fixture
def audio(fake: FakeSimpleaudio) -> AudioService:
    service = AudioService(
        {"simpleaudio": lambda: SimpleAudioBackend(fake), "silent": SilentBackend}
    )
    service.start(SOUNDS, order=("simpleaudio", "silent"))
    return service


@pytest.fixture
def speech(qtbot: QtBot):
    service = SpeechService()
    service.start("mock")  # Qt's mock engine: there is no speech daemon on the test machines
    qtbot.waitUntil(lambda: not service.opening, timeout=15000)
    yield service
    service.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")


@pytest.fixture
def panel(qtbot: QtBot, audio: AudioService, speech: SpeechService, settings: Settings):
    widget = SoundSettings(audio, speech, settings)
    qtbot.addWidget(widget)
    return widget


def label_texts(widget: QWidget) -> str:
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def test_shows_the_output_in_use_and_the_voices(panel: SoundSettings) -> None:
    assert panel.output.text() == "Sound output: <b>simpleaudio (ALSA)</b>"
    assert not panel.problems.isVisibleTo(panel)
    assert [panel.voice.itemText(i) for i in range(panel.voice.count())] == ["Bob", "Anne"]
    assert panel.voice.isVisibleTo(panel)
    assert not panel.speech_notice.isVisibleTo(panel)


def test_a_failed_output_is_explained_in_words(
    qtbot: QtBot, speech: SpeechService, settings: Settings
) -> None:
    audio = AudioService(
        {
            "simpleaudio": lambda: SimpleAudioBackend(FakeSimpleaudio(fail=OPEN_FAILS)),
            "silent": SilentBackend,
        }
    )
    audio.start(SOUNDS, order=("simpleaudio", "silent"))
    panel = SoundSettings(audio, speech, settings)
    qtbot.addWidget(panel)

    text = label_texts(panel)
    assert "no sound (cues are shown on screen)" in panel.output.text()
    assert "simpleaudio: cannot open ALSA device 'default': No such file or directory" in text
    assert "each cue is shown on screen instead" in text

    qtbot.mouseClick(panel.chime, Qt.MouseButton.LeftButton)
    assert "shown, not heard: no sound output" in panel.feedback.text()


def test_test_chime_plays_and_says_so(
    qtbot: QtBot, panel: SoundSettings, fake: FakeSimpleaudio
) -> None:
    qtbot.mouseClick(panel.chime, Qt.MouseButton.LeftButton)

    assert len(fake.calls) == 2, "the start-up silence, then the chime"
    assert panel.feedback.text() == "♪ Played the “step” sound."


def test_cue_volume_applies_at_once_and_is_saved(
    panel: SoundSettings, audio: AudioService, tmp_path: Path
) -> None:
    panel.cue_volume.setValue(35)

    assert audio.cue_volume == 0.35
    assert Settings(tmp_path / "config").cue_volume == 0.35


def test_mute_silences_cues_and_voice_and_is_saved(
    qtbot: QtBot, panel: SoundSettings, audio: AudioService, speech: SpeechService, tmp_path: Path
) -> None:
    qtbot.mouseClick(panel.mute, Qt.MouseButton.LeftButton)

    assert audio.muted
    assert speech.muted
    assert Settings(tmp_path / "config").muted is True
    qtbot.mouseClick(panel.chime, Qt.MouseButton.LeftButton)
    assert "not heard: sound is muted" in panel.feedback.text()
    qtbot.mouseClick(panel.test_voice, Qt.MouseButton.LeftButton)
    assert not speech.is_speaking()
    assert panel.feedback.text() == "Sound is muted, so the voice is silent."


def test_voice_rate_and_voice_volume_apply_and_are_saved(
    panel: SoundSettings, audio: AudioService, speech: SpeechService, tmp_path: Path
) -> None:
    panel.voice.setCurrentText("Anne")
    panel.rate.setValue(-5)
    panel.voice_volume.setValue(40)

    assert (speech.voice, speech.rate, speech.volume) == ("Anne", -0.5, 0.4)
    assert audio.voice_volume == 0.4, "recorded clips follow the voice volume"
    saved = Settings(tmp_path / "config")
    assert (saved.voice, saved.speech_rate, saved.voice_volume) == ("Anne", -0.5, 0.4)


def test_test_voice_speaks_a_sample(
    qtbot: QtBot, panel: SoundSettings, speech: SpeechService
) -> None:
    with qtbot.waitSignal(speech.finished, timeout=10_000):
        qtbot.mouseClick(panel.test_voice, Qt.MouseButton.LeftButton)
        assert speech.is_speaking()
        assert panel.feedback.text() == "Speaking a sample sentence…"


def test_choosing_another_output_restarts_the_audio_and_is_saved(
    panel: SoundSettings, audio: AudioService, tmp_path: Path
) -> None:
    panel.backend.setCurrentIndex(panel.backend.findData("silent"))

    assert audio.backend_name == "silent"
    assert "no sound" in panel.output.text()
    assert Settings(tmp_path / "config").audio_backend == "silent"


def test_without_a_speech_engine_the_notice_replaces_the_voice_picker(
    qtbot: QtBot, audio: AudioService, settings: Settings
) -> None:
    speech = SpeechService()
    speech.start("no-such-engine")
    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)
    panel = SoundSettings(audio, speech, settings)
    qtbot.addWidget(panel)

    assert not panel.voice.isVisibleTo(panel)
    assert panel.speech_notice.isVisibleTo(panel)
    assert "No speech engine found" in panel.speech_notice.text()
    assert not panel.test_voice.isEnabled()


def test_the_panel_follows_a_speech_engine_that_starts_later(
    qtbot: QtBot, audio: AudioService, settings: Settings
) -> None:
    speech = SpeechService()  # the app starts speech after the window is shown
    panel = SoundSettings(audio, speech, settings)
    qtbot.addWidget(panel)
    assert not panel.test_voice.isEnabled()

    speech.start("mock")

    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)

    assert panel.test_voice.isEnabled()
    assert panel.voice.count() == 2
    speech.close()


def test_every_control_has_a_name_for_screen_readers(panel: SoundSettings) -> None:
    controls = [w for w in panel.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    assert len(controls) >= 9
    unnamed = [
        type(w).__name__
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == []


def test_a_change_that_cannot_be_saved_is_said_so(
    qtbot: QtBot, audio: AudioService, speech: SpeechService, tmp_path: Path
) -> None:
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "unknot.ini").mkdir()  # something in the way of the file
    panel = SoundSettings(audio, speech, Settings(tmp_path / "blocked"))
    qtbot.addWidget(panel)

    panel.cue_volume.setValue(20)

    assert audio.cue_volume == 0.2, "the change applies anyway"
    assert panel.feedback.text().startswith("Not saved: cannot write ")


def test_preview_voice_plays_the_built_in_voice_through_the_sound_output(
    qtbot: QtBot, audio: AudioService, fake: FakeSimpleaudio, settings: Settings, tmp_path: Path
) -> None:
    from coach.core.playing.narration import NarrationCache
    from coach.services.sound.neural_voice import NeuralVoice
    from tests.services.fake_voice import FakeEngine

    voice = NeuralVoice(audio, NarrationCache(tmp_path / "narration"), FakeEngine())
    voice.start()
    panel = SoundSettings(audio, voice, settings)
    qtbot.addWidget(panel)
    try:
        assert panel.test_voice.text() == "&Preview voice"
        assert panel.test_voice.isEnabled()
        with qtbot.waitSignal(voice.ready, timeout=5000):  # rendered in the worker, then played
            qtbot.mouseClick(panel.test_voice, Qt.MouseButton.LeftButton)
            assert panel.feedback.text() == "Speaking a sample sentence…"
        # the rendered clip went to the same output as the cues (the fake voice renders 22.05 kHz)
        assert [rate for *_, rate in fake.calls][-1] == 22_050
        assert len(list((tmp_path / "narration").glob("*.wav"))) == 1
    finally:
        voice.close()


def test_the_voice_engine_is_chosen_and_saved(
    qtbot: QtBot, audio: AudioService, speech: SpeechService, settings: Settings, tmp_path: Path
) -> None:
    from coach.services.sound.narration import NarrationVoice

    narration = NarrationVoice(settings.voice_engine, system=speech, builtin=None)
    panel = SoundSettings(audio, speech, settings, narration=narration)
    qtbot.addWidget(panel)
    assert panel.engine.isVisibleTo(panel)
    assert panel.engine.currentText() == "Built-in voice", "the default"
    assert "The system voice speaks instead." in panel.speech_notice.text()

    panel.engine.setCurrentIndex(panel.engine.findData("system"))

    assert narration.engine == "system"
    assert Settings(tmp_path / "config").voice_engine == "system"
    assert not panel.speech_notice.isVisibleTo(panel), "the chosen voice speaks: nothing to say"
