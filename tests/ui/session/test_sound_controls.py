"""Volume and mute in the player change the services and the stored settings at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.core.routines.routine import Routine, Step
from coach.services.settings import Settings
from coach.services.sound.session_sound import SessionSound
from coach.services.sound.sound_levels import SoundLevels
from coach.services.sound.speech import SpeechService
from coach.ui.session.session_page import SessionPage
from coach.ui.session.sound_controls import SoundControls
from coach.ui.settings.sound_settings import SoundSettings


def test_sliders_and_mute_reach_the_services_and_settings(
    qtbot: QtBot,
    paths,
    audio_service,
    speech_service,
) -> None:
    settings = Settings.for_paths(paths)
    settings.cue_volume = 0.7
    levels = SoundLevels(audio_service, speech_service, settings)
    controls = SoundControls(levels, speech_service)
    qtbot.addWidget(controls)
    assert controls.chimes.value() == 70
    controls.chimes.setValue(40)
    controls.voice.setValue(55)
    controls.mute.setChecked(True)
    assert (audio_service.cue_volume, audio_service.voice_volume) == (0.4, 0.55)
    assert speech_service.volume == 0.55
    assert audio_service.muted
    assert speech_service.muted
    reread = Settings.for_paths(paths)
    assert (reread.cue_volume, reread.voice_volume, reread.muted) == (0.4, 0.55, True)


def test_the_player_and_settings_follow_each_other(
    qtbot: QtBot,
    paths,
    audio_service,
    speech_service,
) -> None:
    levels = SoundLevels(audio_service, speech_service, Settings.for_paths(paths))
    controls = SoundControls(levels, speech_service)
    panel = SoundSettings(audio_service, speech_service, levels.settings, levels=levels)
    qtbot.addWidget(controls)
    qtbot.addWidget(panel)

    panel.cue_volume.setValue(25)
    panel.mute.setChecked(True)
    assert controls.chimes.value() == 25
    assert controls.mute.isChecked()

    controls.voice.setValue(35)
    controls.toggle_mute()
    assert panel.voice_volume.value() == 35
    assert not panel.mute.isChecked()
    assert not speech_service.muted


def test_without_a_voice_the_slider_is_off_and_says_why(qtbot: QtBot) -> None:
    speech = SpeechService()
    speech.start("no-such-engine")
    controls = SoundControls(SoundLevels(None, speech, None), speech)
    qtbot.addWidget(controls)
    assert not controls.voice.isEnabled()
    # the system voice opens in its helper process: the notice follows once it has answered
    qtbot.waitUntil(lambda: "No speech engine found" in controls.notice.text(), timeout=15000)
    assert not controls.voice.isEnabled()
    speech.close()


def test_m_mutes_during_a_session_and_eyes_closed_hides_the_controls(
    qtbot: QtBot,
    catalogue,
    log,
    audio_service,
    speech_service,
) -> None:
    levels = SoundLevels(audio_service, speech_service, None)
    page = SessionPage(
        catalogue=catalogue, log=log, sound=SessionSound(audio_service, speech_service)
    )
    qtbot.addWidget(page)
    page.player.set_sound_controls(SoundControls(levels, speech_service))
    page.resize(1000, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.prepare(Routine("r", "R", (Step("One.", 30), Step("Two.", 30))))
    page.before.start_button.click()
    qtbot.keyClick(page.player, Qt.Key.Key_M)
    assert audio_service.muted
    assert speech_service.muted
    assert levels.muted
    page.player.set_eyes_closed(True)
    assert page.player.sound_controls.isHidden()
    page.player.set_eyes_closed(False)
    assert page.player.sound_controls.isVisible()
    page.release()


def test_the_voice_notice_follows_the_voice_while_playing(qtbot) -> None:
    from coach.services.sound.narration import NarrationVoice
    from coach.services.sound.speech import SpeechService
    from coach.ui.session.sound_controls import SoundControls

    speech = SpeechService()
    narration = NarrationVoice("system", system=speech)
    controls = SoundControls(SoundLevels(None, narration, None), narration)
    qtbot.addWidget(controls)
    assert controls.notice.text().startswith("No voice: ")

    speech.start("mock")
    qtbot.waitUntil(lambda: speech.available, timeout=15000)

    assert controls.notice.text() == ""
    assert controls.voice.isEnabled()
    speech.close()
