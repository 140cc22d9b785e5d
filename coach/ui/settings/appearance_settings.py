"""The "Appearance and comfort" part of Settings: colour scheme, text size and reduced motion.

Every change applies at once to the whole app (through `Appearance`) and is saved in the settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from coach.services.settings import THEMES, Settings
from coach.ui.common.appearance import Appearance
from coach.ui.common.text import heading, muted

TEXT_SIZES = (0.9, 1.0, 1.15, 1.3, 1.5)


class AppearanceSettings(QWidget):
    """Theme (follow the system, light, dark), text size and reduced motion, with its heading.

    It shows and changes `appearance` (the running app's, when None); `settings` may be None:
    changes then apply but are not remembered. Whoever needs reduced motion (the player) listens
    to `Appearance.reduced_motion_changed`.
    """

    def __init__(
        self,
        settings: Settings | None,
        appearance: Appearance | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.appearance = appearance if appearance is not None else Appearance.for_app()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Appearance and comfort")))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout.addLayout(form)

        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Colour scheme"))
        self.theme.view().setAccessibleName(self.tr("Colour schemes"))
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for key in THEMES:
            self.theme.addItem(names[key], key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.appearance.theme)))
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        form.addRow(self.tr("T&heme:"), self.theme)

        self.text_size = QComboBox()
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.view().setAccessibleName(self.tr("Text sizes"))
        words = {
            0.9: self.tr("Smaller"),
            1.0: self.tr("Normal"),
            1.15: self.tr("Large"),
            1.3: self.tr("Larger"),
            1.5: self.tr("Largest"),
        }
        current = round(self.appearance.text_scale, 2)
        for scale in sorted({*TEXT_SIZES, current}):
            percent = round(scale * 100)
            label = words.get(scale)
            text = self.tr("{0} ({1}%)").format(label, percent) if label else f"{percent}%"
            self.text_size.addItem(text, scale)
        self.text_size.setCurrentIndex(self.text_size.findData(current))
        self.text_size.currentIndexChanged.connect(self._size_chosen)
        form.addRow(self.tr("Te&xt size:"), self.text_size)

        self.reduced_motion = QCheckBox(
            self.tr("Re&duce motion: the breathing circle and the countdown stay still")
        )
        self.reduced_motion.setToolTip(
            self.tr(
                "The breathing guide shows the phase in words with a still circle, and the "
                "countdown changes once a second instead of moving smoothly."
            )
        )
        self.reduced_motion.setChecked(self.appearance.reduced_motion)
        self.reduced_motion.toggled.connect(self._motion_toggled)
        form.addRow("", self.reduced_motion)

        self.feedback = muted(QLabel())
        self.feedback.setAccessibleName(self.tr("Appearance settings status"))
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        layout.addWidget(self.feedback)

    def _remember(self, name: str, value: object) -> None:
        """Save one setting; if it cannot be saved, say so (the change still applies)."""
        if self.settings is None:
            return
        setattr(self.settings, name, value)
        problem = self.settings.problem
        self.feedback.setText(self.tr("Not saved: {0}").format(problem) if problem else "")
        self.feedback.setVisible(bool(problem))

    def _theme_chosen(self, index: int) -> None:
        theme = self.theme.itemData(index)
        self.appearance.set_theme(theme)
        self._remember("theme", theme)

    def _size_chosen(self, index: int) -> None:
        scale = float(self.text_size.itemData(index))
        self.appearance.set_text_scale(scale)
        self._remember("text_scale", scale)

    def _motion_toggled(self, reduced: bool) -> None:
        self.appearance.set_reduced_motion(reduced)
        self._remember("reduced_motion", reduced)
