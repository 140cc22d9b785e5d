"""Volume and mute in the player: chimes and voice separately, kept in step with Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QWidget


class SoundControls(QWidget):
    """Two small sliders and a mute box; changes apply at once and are remembered."""

    def __init__(
        self,
        audio: object | None,
        speech: object | None,
        settings: object | None,
        narration: object | None = None,
    ) -> None:
        super().__init__()
        self.audio, self.speech, self.settings = audio, speech, settings
        self.narration = narration  # the voice in use (built-in or system), when there is a choice
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
        # the voice may start, or be let go, while a session plays: say so when it happens
        changed = getattr(narration if narration is not None else speech, "status_changed", None)
        if changed is not None:
            changed.connect(self.refresh)
        self.refresh()

    def _slider(self, name: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        slider.setFixedWidth(110)
        slider.setAccessibleName(name)
        slider.setToolTip(name)
        return slider

    def refresh(self) -> None:
        """Show the current volumes (Settings may have changed them)."""
        for widget, value in (
            (self.chimes, getattr(self.audio, "cue_volume", 0.7)),
            (self.voice, getattr(self.speech, "volume", 0.8)),
        ):
            widget.blockSignals(True)
            widget.setValue(round(100 * float(value)))
            widget.blockSignals(False)
        self.mute.blockSignals(True)
        self.mute.setChecked(bool(getattr(self.audio, "muted", False)))
        self.mute.blockSignals(False)
        voice = self.narration if self.narration is not None else self.speech
        has_voice = bool(getattr(voice, "available", False))
        self.voice.setEnabled(has_voice)
        self.notice.setText(
            ""
            if has_voice
            else self.tr("No voice: {0}").format(getattr(voice, "notice", self.tr("speech is off")))
        )

    def toggle_mute(self) -> None:
        """Mute or unmute (the M key)."""
        self.mute.toggle()

    def _chimes_changed(self, value: int) -> None:
        self._set(self.audio, "cue_volume", value / 100)
        self._set(self.settings, "cue_volume", value / 100)

    def _voice_changed(self, value: int) -> None:
        self._set(self.speech, "volume", value / 100)
        self._set(self.audio, "voice_volume", value / 100)  # recorded clips
        self._set(self.settings, "voice_volume", value / 100)

    def _mute_changed(self, muted: bool) -> None:
        for target in (self.audio, self.speech, self.settings):
            self._set(target, "muted", muted)

    @staticmethod
    def _set(target: object | None, name: str, value: object) -> None:
        if target is not None and hasattr(target, name):
            setattr(target, name, value)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
