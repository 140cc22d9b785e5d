"""The "Sound and voice" part of Settings: what can be heard, how loud, and in which voice.

Every change applies at once to the audio and speech services and is saved in the settings; the
volumes and mute go through the sound levels, which the player's controls share.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from coach.core.routines.cues import Cue, cue_name
from coach.services.settings import AUDIO_BACKENDS, VOICE_ENGINES, Settings
from coach.services.sound.audio import AudioService, backend_order
from coach.services.sound.narration import NarrationVoice, engine_names
from coach.services.sound.sound_levels import SoundLevels
from coach.services.sound.speech import SpeechService
from coach.ui.common.text import muted


class SoundSettings(QWidget):
    """Sound output in use (and what failed), test chime, cue volume, mute, voice, rate, volume.

    `settings` may be None: changes then apply but are not remembered. `levels` are the app's
    sound levels (made here from the three when not given).
    """

    def __init__(
        self,
        audio: AudioService,
        speech: SpeechService | NarrationVoice | None,
        settings: Settings | None,
        parent: QWidget | None = None,
        *,
        narration: NarrationVoice | None = None,
        levels: SoundLevels | None = None,
    ) -> None:
        super().__init__(parent)
        self.audio, self.speech, self.settings = audio, speech, settings
        self.narration = narration
        self.levels = levels if levels is not None else SoundLevels(audio, speech, settings, self)
        # wrapped labels sit in the box layout, which sizes them to their width (a form row
        # would keep the height they need when narrow, leaving gaps around them)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.output = QLabel()
        self.output.setAccessibleName(self.tr("Sound output in use"))
        self.output.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Sound problems"))
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.output)
        outer.addWidget(self.problems)
        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        self.backend = QComboBox()
        self.backend.setAccessibleName(self.tr("Preferred sound output"))
        self.backend.view().setAccessibleName(self.tr("Sound outputs"))
        names = {
            "auto": self.tr("Automatic: the first that works"),
            "simpleaudio": self.tr("simpleaudio (ALSA, PipeWire, PulseAudio)"),
            "qt": self.tr("Qt Multimedia"),
            "silent": self.tr("No sound: show the cues on screen"),
        }
        for key in AUDIO_BACKENDS:
            self.backend.addItem(names[key], key)
        preferred = settings.audio_backend if settings is not None else "auto"
        self.backend.setCurrentIndex(AUDIO_BACKENDS.index(preferred))
        self.backend.currentIndexChanged.connect(self._backend_chosen)
        form.addRow(self.tr("&Use:"), self.backend)

        self.cue_volume = self._percent_slider(self.tr("Cue volume"), self.levels.cue_volume)
        self.cue_volume.valueChanged.connect(self._cue_volume_changed)
        self.cue_volume.sliderReleased.connect(audio.test_chime)  # hear the level just chosen
        self.chime = QPushButton(self.tr("Play test &chime"))
        self.chime.clicked.connect(self._test_chime)
        form.addRow(self.tr("C&ue volume:"), self._row(self.cue_volume, self.chime))

        self.mute = QCheckBox(self.tr("&Mute all sound (cues and guidance are shown on screen)"))
        self.mute.setChecked(self.levels.muted)
        self.mute.toggled.connect(self._mute_toggled)
        form.addRow("", self.mute)

        self.engine = QComboBox()
        self.engine.setAccessibleName(self.tr("Voice engine"))
        self.engine.view().setAccessibleName(self.tr("Voice engines"))
        engines = engine_names()
        for key in VOICE_ENGINES:
            self.engine.addItem(engines[key], key)
        chosen = narration.engine if narration is not None else "system"
        self.engine.setCurrentIndex(VOICE_ENGINES.index(chosen))
        self.engine.setToolTip(
            self.tr(
                "The built-in voice ships with Unknot and works offline; the system voice is "
                "your computer's own text-to-speech (speech-dispatcher on Linux)."
            )
        )
        self.engine.currentIndexChanged.connect(self._engine_chosen)
        self.engine.setVisible(narration is not None)
        form.addRow(self.tr("Voice &engine:"), self.engine)
        form.setRowVisible(self.engine, narration is not None)

        self.voice = QComboBox()
        self.voice.setAccessibleName(self.tr("Voice"))
        self.voice.view().setAccessibleName(self.tr("Voices"))
        self.voice.setMaxVisibleItems(20)
        self.voice.currentTextChanged.connect(self._voice_chosen)
        form.addRow(self.tr("&Voice:"), self.voice)

        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setRange(-10, 10)
        self.rate.setPageStep(2)
        self.rate.setAccessibleName(self.tr("Speaking rate"))
        self.rate.setValue(round(10 * (speech.rate if speech is not None else 0.0)))
        self.rate.valueChanged.connect(self._rate_changed)
        slower, faster = muted(QLabel(self.tr("slower"))), muted(QLabel(self.tr("faster")))
        form.addRow(self.tr("Speaking &rate:"), self._row(slower, self.rate, faster))

        self.voice_volume = self._percent_slider(self.tr("Voice volume"), self.levels.voice_volume)
        self.voice_volume.valueChanged.connect(self._voice_volume_changed)
        self.test_voice = QPushButton(self.tr("&Preview voice"))
        self.test_voice.setAccessibleName(self.tr("Preview the voice"))
        self.test_voice.clicked.connect(self._test_voice)
        form.addRow(self.tr("Voice v&olume:"), self._row(self.voice_volume, self.test_voice))

        self.speech_notice = QLabel()
        self.speech_notice.setWordWrap(True)
        self.speech_notice.setAccessibleName(self.tr("Speech problems"))
        self.speech_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.speech_notice)
        self.feedback = muted(QLabel())
        self.feedback.setAccessibleName(self.tr("What was just played"))
        outer.addWidget(self.feedback)

        self.levels.changed.connect(self._show_levels)  # the player's controls change them too
        audio.status_changed.connect(self._show_audio)
        audio.cue_played.connect(self._cue_played)
        if narration is not None:
            narration.status_changed.connect(self._show_speech)
        elif speech is not None:
            speech.status_changed.connect(self._show_speech)
        self._show_audio()
        self._show_speech()

    # -- building ------------------------------------------------------------------------------

    def _percent_slider(self, name: str, value: float) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        slider.setPageStep(10)
        slider.setAccessibleName(name)
        slider.setValue(round(100 * value))
        return slider

    def _row(self, *widgets: QWidget) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            box.addWidget(widget, 1 if isinstance(widget, QSlider) else 0)
        return row

    # -- showing the services' state -----------------------------------------------------------

    def _show_levels(self) -> None:
        for slider, value in (
            (self.cue_volume, self.levels.cue_volume),
            (self.voice_volume, self.levels.voice_volume),
        ):
            slider.blockSignals(True)
            slider.setValue(round(100 * value))
            slider.blockSignals(False)
        self.mute.blockSignals(True)
        self.mute.setChecked(self.levels.muted)
        self.mute.blockSignals(False)

    def _show_audio(self) -> None:
        status = self.audio.status
        self.output.setText(self.tr("Sound output: <b>{0}</b>").format(status.label))
        self.problems.setText(
            "\n".join(f"⚠ {problem}" for problem in status.problems)
            + (
                "\n" + self.tr("Without sound, each cue is shown on screen instead.")
                if status.silent
                else ""
            )
        )
        self.problems.setVisible(bool(status.problems) or status.silent)
        self.cue_volume.setEnabled(not status.silent)

    def _show_speech(self) -> None:
        speech = self.speech
        available = speech is not None and speech.available
        self.voice.blockSignals(True)
        self.voice.clear()
        if speech is not None and available:
            self.voice.addItems(speech.voices())
            self.voice.setCurrentText(speech.voice)
        self.voice.blockSignals(False)
        self.form.setRowVisible(self.voice, available)
        if self.narration is not None:
            notice = self.narration.notice
            if self.narration.opening:
                notice = self.tr("Starting the system voice…")
        elif speech is None:
            notice = self.tr("Speech is not available here; guidance is shown on screen.")
        else:
            notice = speech.notice
        self.speech_notice.setText(f"⚠ {notice}" if notice else "")
        self.speech_notice.setVisible(bool(notice))
        speaks = self.narration.available if self.narration is not None else available
        self.test_voice.setEnabled(speaks)
        self.rate.setEnabled(available)

    def _cue_played(self, played: Cue, heard: bool) -> None:
        cue = cue_name(played)
        if heard:
            self.feedback.setText(self.tr("♪ Played the “{0}” sound.").format(cue))
        elif self.audio.muted:
            self.feedback.setText(self.tr("♪ “{0}” (not heard: sound is muted)").format(cue))
        else:
            self.feedback.setText(
                self.tr("♪ “{0}” (shown, not heard: no sound output)").format(cue)
            )

    # -- applying changes ----------------------------------------------------------------------

    def _remember(self, name: str, value: object) -> None:
        """Save one setting; if it cannot be saved, say so (the change still applies)."""
        if self.settings is None:
            return
        setattr(self.settings, name, value)
        if self.settings.problem:
            self.feedback.setText(self.tr("Not saved: {0}").format(self.settings.problem))

    def _backend_chosen(self, index: int) -> None:
        key = self.backend.itemData(index)
        self._remember("audio_backend", key)
        if self.audio.sounds_dir is not None:
            self.audio.start(self.audio.sounds_dir, backend_order(key))

    def _test_chime(self) -> None:
        self.audio.test_chime()

    def _cue_volume_changed(self, value: int) -> None:
        self.levels.cue_volume = value / 100
        self._say_if_not_saved()

    def _mute_toggled(self, muted_now: bool) -> None:
        self.levels.muted = muted_now
        self._say_if_not_saved()

    def _say_if_not_saved(self) -> None:
        if self.levels.problem:
            self.feedback.setText(self.tr("Not saved: {0}").format(self.levels.problem))

    def _engine_chosen(self, index: int) -> None:
        key = self.engine.itemData(index)
        self._remember("voice_engine", key)
        if self.narration is not None:
            self.narration.set_engine(key)

    def _voice_chosen(self, name: str) -> None:
        if self.speech is not None and name:
            self.speech.set_voice(name)
            self._remember("voice", name)

    def _rate_changed(self, value: int) -> None:
        if self.speech is not None:
            self.speech.rate = value / 10
        self._remember("speech_rate", value / 10)

    def _voice_volume_changed(self, value: int) -> None:
        self.levels.voice_volume = value / 100
        self._say_if_not_saved()

    def _test_voice(self) -> None:
        sample = self.tr(
            "Breathe in slowly through your nose. And as you breathe out, let your shoulders soften."
        )
        voice = self.narration.current() if self.narration is not None else self.speech
        if voice is not None and not self.audio.muted:
            voice.say(sample)
            speaking = getattr(voice, "is_speaking", None)
            if speaking is None or speaking():
                self.feedback.setText(self.tr("Speaking a sample sentence…"))
                return
        if self.audio.muted:
            self.feedback.setText(self.tr("Sound is muted, so the voice is silent."))
