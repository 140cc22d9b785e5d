"""The player's screen: the step's word, guidance, countdown, figure or pacer, and the controls, laid out.

`PlayerScreen` holds the widgets and where they go, and nothing that plays; `coach.ui.session.player_view.PlayerView`
is a `PlayerScreen` that shows a running session on them and forwards the keys and buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.ui.body_map.body_map_widget import BodyMapWidget
from coach.ui.session.player_widgets import BreathPacer, CountdownRing, CueBanner
from coach.ui.session.sound_controls import SoundControls


class PlayerScreen(QWidget):
    """The player's widgets, laid out: a large phase word beside the last cue, the guidance
    (scrolling when long), the step's areas on a small figure or the breathing pacer, the
    countdown ring, what comes next, the progress, the buttons and a row for volume and mute.

    `chrome` and `buttons` are what eyes-closed mode hides.
    """

    # subclassed: its words are translated in its own context, not with self.tr (which looks
    # them up under the subclass)

    def __init__(self, catalogue: RegionCatalogue, shapes: BodyShapes | None = None) -> None:
        super().__init__()
        # the current step's areas on a small figure, the body map's own art and code
        self.figure = BodyMapWidget(catalogue, shapes, interactive=False) if shapes else None
        self._build()

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setAccessibleName(QCoreApplication.translate("PlayerScreen", "Routine"))
        self.position_label = QLabel()
        # the phase word: large, light and spaced, in a colour that is warm while tensing and
        # cool while letting go; the countdown ring beside it is as large
        self.kind_label = QLabel()
        kind_font = QFont(self.font())
        kind_font.setPointSizeF(kind_font.pointSizeF() * 2.6)
        kind_font.setWeight(QFont.Weight.DemiBold)
        kind_font.setCapitalization(QFont.Capitalization.AllUppercase)
        kind_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
        self.kind_label.setFont(kind_font)
        self.kind_label.setAccessibleName(QCoreApplication.translate("PlayerScreen", "What to do"))
        self.paused_label = QLabel(
            QCoreApplication.translate("PlayerScreen", "Paused — press Space to continue")
        )
        self.paused_label.setAccessibleName(QCoreApplication.translate("PlayerScreen", "Paused"))
        paused_font = QFont(self.font())
        paused_font.setPointSizeF(paused_font.pointSizeF() * 1.5)
        paused_font.setBold(True)
        self.paused_label.setFont(paused_font)
        self.paused_label.setStyleSheet(
            "QLabel { background: palette(highlight); color: palette(highlighted-text);"
            " border-radius: 8px; padding: 6px 16px; }"
        )
        self.paused_label.hide()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text_font = QFont(self.font())
        text_font.setPointSizeF(text_font.pointSizeF() * 1.9)
        self.text.setFont(text_font)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.setAccessibleName(QCoreApplication.translate("PlayerScreen", "Guidance"))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # the guidance wraps, and scrolls when it is longer than the room (large text, a small
        # window): never cut off mid-line
        self.text_scroll = QScrollArea()
        self.text_scroll.setWidget(self.text)
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.text_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the player keeps the keys
        self.text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.text_scroll.viewport().setAutoFillBackground(False)
        self.text.setAutoFillBackground(False)
        self.regions_label = QLabel()
        self.regions_label.setWordWrap(True)
        self.regions_label.setAccessibleName(QCoreApplication.translate("PlayerScreen", "Works on"))
        self.cue_label = CueBanner()
        self.cue_label.setAccessibleName(QCoreApplication.translate("PlayerScreen", "Last sound"))
        self.cue_label.hide()
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setAccessibleName(QCoreApplication.translate("PlayerScreen", "Next step"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.ring = CountdownRing()
        self.pacer = BreathPacer()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(
            QCoreApplication.translate("PlayerScreen", "Progress through the routine")
        )
        self.time_left = QLabel()
        self.time_left.setAccessibleName(
            QCoreApplication.translate("PlayerScreen", "Time left in the routine")
        )

        self.previous_button = QPushButton(QCoreApplication.translate("PlayerScreen", "◀ Previous"))
        self.play_button = QPushButton(QCoreApplication.translate("PlayerScreen", "Pause"))
        self.next_button = QPushButton(QCoreApplication.translate("PlayerScreen", "Next ▶"))
        self.restart_button = QPushButton(
            QCoreApplication.translate("PlayerScreen", "Restart step")
        )
        self.stop_button = QPushButton(QCoreApplication.translate("PlayerScreen", "Stop"))
        self.eyes_button = QPushButton(QCoreApplication.translate("PlayerScreen", "Eyes closed"))
        for button, tip in (
            (
                self.previous_button,
                QCoreApplication.translate("PlayerScreen", "Previous step (Left)"),
            ),
            (
                self.play_button,
                QCoreApplication.translate("PlayerScreen", "Pause or continue (Space)"),
            ),
            (self.next_button, QCoreApplication.translate("PlayerScreen", "Next step (Right)")),
            (
                self.restart_button,
                QCoreApplication.translate("PlayerScreen", "Start this step again (R)"),
            ),
            (
                self.stop_button,
                QCoreApplication.translate("PlayerScreen", "End the session early (Esc)"),
            ),
            (
                self.eyes_button,
                QCoreApplication.translate(
                    "PlayerScreen",
                    "Darken the whole screen and follow by sound (E); Esc comes back",
                ),
            ),
        ):
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
            button.setMinimumHeight(36)
        self.play_button.setDefault(True)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.position_label)
        phase = QHBoxLayout()
        phase.addWidget(self.kind_label)
        phase.addSpacing(16)
        phase.addWidget(self.paused_label, 0, Qt.AlignmentFlag.AlignVCenter)
        phase.addSpacing(16)
        phase.addWidget(self.cue_label, 1, Qt.AlignmentFlag.AlignVCenter)  # beside the word
        # the step's areas on the small figure, or the breathing pacer, in the middle
        picture = QHBoxLayout()
        picture.addStretch(1)
        if self.figure is not None:
            self.figure.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the player keeps the keys
            self.figure.setMinimumSize(90, 110)  # small screens, large text: it shrinks
            self.figure.setMaximumSize(250, 340)
            policy = self.figure.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # no jump between steps with and without areas
            self.figure.setSizePolicy(policy)
            picture.addWidget(self.figure)
        picture.addWidget(self.pacer, 4)
        picture.addStretch(1)
        middle = QVBoxLayout()
        middle.setSpacing(10)
        middle.addLayout(phase)
        middle.addWidget(self.text_scroll, 3)
        middle.addLayout(picture, 2)
        middle.addWidget(self.regions_label)
        dials = QVBoxLayout()
        dials.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        dials.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(middle, 3)
        body.addLayout(dials, 1)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.time_left)
        controls = QHBoxLayout()
        for button in (
            self.previous_button,
            self.play_button,
            self.next_button,
            self.restart_button,
        ):
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.eyes_button)
        controls.addWidget(self.stop_button)
        self.chrome = [
            self.title,
            self.position_label,
            self.regions_label,
            self.next_label,
            self.progress,
            self.time_left,
        ]
        self.buttons = [
            self.previous_button,
            self.play_button,
            self.next_button,
            self.restart_button,
            self.eyes_button,
            self.stop_button,
        ]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        layout.addWidget(self.next_label)
        layout.addLayout(progress)
        layout.addLayout(controls)
        self.sound_row = QHBoxLayout()  # volume and mute, once the sound services exist
        layout.addLayout(self.sound_row)
        self.sound_controls: SoundControls | None = None

    def set_sound_controls(self, controls: SoundControls) -> None:
        """Show volume and mute under the buttons (hidden in eyes-closed mode like the rest)."""
        self.sound_controls = controls
        self.sound_row.addWidget(controls)
        self.chrome.append(controls)
