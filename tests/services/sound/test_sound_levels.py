"""Sound levels: one owner for the cue and voice volumes and mute, applied and saved at once.

(`audio_service` and `speech_service` are the real services, from tests/conftest.py.)
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from coach.services.settings import Settings
from coach.services.sound.audio import AudioService
from coach.services.sound.sound_levels import SoundLevels
from coach.services.sound.speech import SpeechService


def test_the_stored_levels_are_applied_at_once(
    tmp_path: Path, audio_service: AudioService, speech_service: SpeechService
) -> None:
    settings = Settings(tmp_path / "config")
    settings.cue_volume, settings.voice_volume, settings.muted = 0.3, 0.6, True

    levels = SoundLevels(audio_service, speech_service, settings)

    assert (levels.cue_volume, levels.voice_volume, levels.muted) == (0.3, 0.6, True)
    assert (audio_service.cue_volume, audio_service.voice_volume) == (0.3, 0.6)
    assert speech_service.volume == 0.6
    assert audio_service.muted
    assert speech_service.muted


def test_a_change_reaches_audio_speech_and_the_settings_file_and_is_announced(
    qtbot: QtBot, tmp_path: Path, audio_service: AudioService, speech_service: SpeechService
) -> None:
    levels = SoundLevels(audio_service, speech_service, Settings(tmp_path / "config"))

    with qtbot.waitSignal(levels.changed, timeout=1000):
        levels.voice_volume = 0.45
    levels.cue_volume = 1.7  # out of range: the loudest there is
    levels.toggle_mute()

    assert (audio_service.cue_volume, audio_service.voice_volume) == (1.0, 0.45)
    assert speech_service.volume == 0.45
    assert speech_service.muted
    reread = Settings(tmp_path / "config")
    assert (reread.cue_volume, reread.voice_volume, reread.muted) == (1.0, 0.45, True)
    assert levels.problem == ""


def test_setting_the_same_level_again_is_not_a_change(
    qtbot: QtBot, tmp_path: Path, audio_service: AudioService
) -> None:
    levels = SoundLevels(audio_service, None, Settings(tmp_path / "config"))
    with qtbot.assertNotEmitted(levels.changed):
        levels.cue_volume = levels.cue_volume
        levels.muted = False


def test_without_settings_levels_apply_but_are_not_remembered(
    tmp_path: Path, audio_service: AudioService
) -> None:
    levels = SoundLevels(audio_service, None, None)
    assert (levels.cue_volume, levels.voice_volume, levels.muted) == (0.8, 0.8, False)
    levels.cue_volume = 0.2
    assert audio_service.cue_volume == 0.2
    assert not (tmp_path / "config").exists()


def test_a_level_that_cannot_be_saved_still_applies_and_says_why(
    tmp_path: Path, audio_service: AudioService
) -> None:
    (tmp_path / "blocked" / "unknot.ini").mkdir(parents=True)  # something in the way of the file
    levels = SoundLevels(audio_service, None, Settings(tmp_path / "blocked"))

    levels.cue_volume = 0.2

    assert audio_service.cue_volume == 0.2
    assert levels.problem.startswith("cannot write ")
