"""Volume and mute in the player: chimes and voice separately, kept in step with Settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QWidget

from coach.services.sound.sound_levels import SoundLevels

if TYPE_CHECKING:
    from coach.services.sound.narration import NarrationVoice
    from coach.services.sound.speech import SpeechService


class SoundControls(QWidget):
    """Two small sliders and a mute box on the sound levels; changes apply at once and are
    remembered, and changes made in Settings show here."""

    def __init__(self, levels: SoundLevels, speech: SpeechService | NarrationVoice | None) -> None:
        super().__init__()
        self.levels, self.speech = levels, speech
        self.chimes = self._slider(self.tr("Chimes volume"))
        self.voice = self._slider(self.tr("Voice volume"))
        self.mute = QCheckBox(self.tr("Mute"))
        self.mute.setToolTip(self.tr("Silence chimes and voice (M); the guidance stays on screen"))
        self.mute.setAccessibleName(self.tr("Mute all sound"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Chimes")))
        layout.addWidget(self.chimes)
        layout.addWidget(QLabel(self.tr("Voice")))
        layout.addWidget(self.voice)
        layout.addWidget(self.mute)
        layout.addWidget(self.notice, 1)
        self.chimes.valueChanged.connect(self._chimes_changed)
        self.voice.valueChanged.connect(self._voice_changed)
        self.mute.toggled.connect(self._mute_changed)
        levels.changed.connect(self.refresh)
        if speech is not None:
            speech.status_changed.connect(self.refresh)
        self.refresh()

    def _slider(self, name: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        slider.setFixedWidth(110)
        slider.setAccessibleName(name)
        slider.setToolTip(name)
        return slider

    def refresh(self) -> None:
        """Show the current levels, and whether there is a voice."""
        for widget, value in (
            (self.chimes, self.levels.cue_volume),
            (self.voice, self.levels.voice_volume),
        ):
            widget.blockSignals(True)
            widget.setValue(round(100 * value))
            widget.blockSignals(False)
        self.mute.blockSignals(True)
        self.mute.setChecked(self.levels.muted)
        self.mute.blockSignals(False)
        has_voice = self.speech is not None and self.speech.available
        self.voice.setEnabled(has_voice)
        if has_voice:
            self.notice.setText("")
        else:
            why = self.speech.notice if self.speech is not None else ""
            self.notice.setText(self.tr("No voice: {0}").format(why or self.tr("speech is off")))

    def toggle_mute(self) -> None:
        """Mute or unmute (the M key)."""
        self.levels.toggle_mute()

    def _chimes_changed(self, value: int) -> None:
        self.levels.cue_volume = value / 100

    def _voice_changed(self, value: int) -> None:
        self.levels.voice_volume = value / 100

    def _mute_changed(self, muted: bool) -> None:
        self.levels.muted = muted

    def showEvent(self, event: QShowEvent) -> None:
        """Shown for a session: the voice may have come or gone since."""
        self.refresh()
        super().showEvent(event)
