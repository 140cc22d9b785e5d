"""Volume and mute in the player change the services and the stored settings at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.core.routine import Routine, Step
from coach.services.session_sound import SessionSound
from coach.services.settings import Settings
from coach.ui.session_page import SessionPage
from coach.ui.sound_controls import SoundControls


class Service:
    """Stands in for the audio and speech services' volume knobs (no sound card in CI)."""

    def __init__(self, **values: object) -> None:
        self.__dict__.update(values)

    def play_cue(self, cue: str) -> None:
        pass

    def play_clip(self, path):
        pass

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


def test_sliders_and_mute_reach_the_services_and_settings(qtbot, paths):
    audio = Service(cue_volume=0.7, voice_volume=0.8, muted=False)
    speech = Service(volume=0.8, muted=False, available=True, notice="")
    settings = Settings.for_paths(paths)
    controls = SoundControls(audio, speech, settings)
    qtbot.addWidget(controls)
    assert controls.chimes.value() == 70
    controls.chimes.setValue(40)
    controls.voice.setValue(55)
    controls.mute.setChecked(True)
    assert (audio.cue_volume, audio.voice_volume, speech.volume) == (0.4, 0.55, 0.55)
    assert audio.muted
    assert speech.muted
    reread = Settings.for_paths(paths)
    assert (reread.cue_volume, reread.voice_volume, reread.muted) == (0.4, 0.55, True)


def test_without_a_voice_the_slider_is_off_and_says_why(qtbot):
    speech = Service(volume=0.8, muted=False, available=False, notice="No speech engine found")
    controls = SoundControls(Service(cue_volume=0.7, voice_volume=0.8, muted=False), speech, None)
    qtbot.addWidget(controls)
    assert not controls.voice.isEnabled()
    assert "No speech engine found" in controls.notice.text()


def test_m_mutes_during_a_session_and_eyes_closed_hides_the_controls(qtbot, catalogue, log):
    audio = Service(cue_volume=0.7, voice_volume=0.8, muted=False)
    speech = Service(volume=0.8, muted=False, available=True, notice="")
    page = SessionPage(catalogue=catalogue, log=log, sound=SessionSound(audio, speech))
    qtbot.addWidget(page)
    page.player.set_sound_controls(SoundControls(audio, speech, None))
    page.resize(1000, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.prepare(Routine("r", "R", (Step("One.", 30), Step("Two.", 30))))
    page.before.start_button.click()
    qtbot.keyClick(page.player, Qt.Key.Key_M)
    assert audio.muted
    assert speech.muted
    page.player.set_eyes_closed(True)
    assert page.player.sound_controls.isHidden()
    page.player.set_eyes_closed(False)
    assert page.player.sound_controls.isVisible()
    page.release()


def test_the_voice_notice_follows_the_voice_while_playing(qtbot) -> None:
    from coach.services.narration import NarrationVoice
    from coach.services.speech import SpeechService
    from coach.ui.sound_controls import SoundControls

    speech = SpeechService()
    narration = NarrationVoice("system", system=speech)
    controls = SoundControls(None, speech, None, narration)
    qtbot.addWidget(controls)
    assert controls.notice.text().startswith("No voice: ")

    speech.start("mock")
    qtbot.waitUntil(lambda: speech.available, timeout=15000)

    assert controls.notice.text() == ""
    assert controls.voice.isEnabled()
    speech.close()
