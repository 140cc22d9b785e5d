"""The first run: a short welcome, the safety page, and an offer of a first step.

Three pages: what Unknot does and where its data stays; when to see a doctor (the same page as in
Help); and "Mark where it hurts today", a short routine, or later. The app does what was chosen
(`choice`) once the wizard closes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QRadioButton,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coach.core.routines.routine import Routine
from coach.paths import Paths
from coach.ui.common.text import muted
from coach.ui.shell.safety_dialog import safety_html

if TYPE_CHECKING:
    from coach.services.settings import Settings
    from coach.ui.shell.main_window import MainWindow

# Short routines offered on the last page, in this order, when the library has them.
SHORT_ROUTINES = ("pmr-4", "breathing-paced")
BODY_MAP = "body-map"
LATER = "later"
LEGACY_MARKER = (
    "seen-safety-page"  # in the config folder: earlier versions showed only the safety page
)


def _minutes(routine: Routine) -> int:
    return max(1, round(routine.duration / 60))


class FirstRunWizard(QWizard):
    """Welcome, safety, first step. `choice` is BODY_MAP, LATER or a routine id.

    `safety_seen` says whether the safety page was reached (the app shows the wizard again next
    time if it was not).
    """

    def __init__(
        self,
        data_dir: Path,
        routines: Sequence[Routine] = (),
        *,
        body_map: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Unknot"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.resize(680, 580)
        self.safety_seen = False
        self.welcome = self._welcome_page(data_dir)
        self.safety = self._safety_page()
        self.first_step = FirstStepPage(routines, body_map=body_map)
        for page in (self.welcome, self.safety, self.first_step):
            self.addPage(page)
        self.currentIdChanged.connect(self._page_changed)

    def choice(self) -> str:
        """What the person chose on the last page (LATER if the wizard was closed early)."""
        if self.result() != QWizard.DialogCode.Accepted:
            return LATER
        return self.first_step.choice()

    def _page_changed(self, _page_id: int) -> None:
        if self.currentPage() in (self.safety, self.first_step):
            self.safety_seen = True

    def _welcome_page(self, data_dir: Path) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Welcome to Unknot"))
        text = QLabel(
            self.tr(
                "<p>Unknot is a relaxation and self-care coach for people who live with chronic "
                "pain, mostly back pain. With it you can:</p>"
                "<ul>"
                "<li>follow guided <b>progressive muscle relaxation</b>, <b>self-massage</b> and "
                "<b>breathing</b> routines, with your eyes closed if you like;</li>"
                "<li>keep a short <b>daily log</b>: pain, sleep, stress, and where it hurts on a "
                "body map;</li>"
                "<li>see in <b>Trends</b> how your days go, and what seems to help.</li>"
                "</ul>"
                "<p>It is not a treatment and does not replace a doctor; the next page says when "
                "to see one.</p>"
                "<p><b>Your data stays on this computer.</b> Unknot never opens a network "
                "connection. Everything it keeps is in one folder, private to you:</p>"
                "<p><code>{0}</code></p>"
                "<p>You can back it up, export it or delete it at any time in Settings.</p>"
            ).format(html.escape(str(data_dir)))
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(self.tr("What Unknot does"))
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addStretch(1)
        return page

    def _safety_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Before you start: when to see a doctor"))
        self.safety_text = QTextBrowser()
        self.safety_text.setAccessibleName(self.tr("When to see a doctor"))
        self.safety_text.setHtml(safety_html())
        self.safety_text.setOpenExternalLinks(False)
        later = QLabel(self.tr("This page is always in the Help menu (F1)."))
        later.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.safety_text, 1)
        layout.addWidget(later)
        return page


class FirstStepPage(QWizardPage):
    """The offer of a first step: the body map, a short routine, or later."""

    def __init__(self, routines: Sequence[Routine], *, body_map: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("A first step, if you like"))
        intro = QLabel(
            self.tr(
                "You could mark where it hurts today, so Unknot can suggest routines for those "
                "areas, or try a short routine now. Or simply look around first."
            )
        )
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.options: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        if body_map:
            self._option(
                layout,
                BODY_MAP,
                self.tr("&Mark where it hurts today"),
                self.tr("Opens the body map: click an area, then how much it hurts (0-10)."),
            )
        for routine in routines:
            self._option(
                layout,
                routine.id,
                self.tr("Try a short routine now: “{0}”, about {1} min").format(
                    routine.title, _minutes(routine)
                ),
                routine.summary,
            )
        self._option(
            layout,
            LATER,
            self.tr("&Later"),
            self.tr("Just show me around. Everything here is in the list on the left."),
        )
        layout.addStretch(1)
        next(iter(self.options.values())).setChecked(True)

    def _option(self, layout: QVBoxLayout, key: str, text: str, detail: str) -> None:
        button = QRadioButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(detail)
        self.group.addButton(button)
        self.options[key] = button
        layout.addWidget(button)
        if detail:
            # under the button's text, not under its circle
            indent = button.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
            spacing = button.style().pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
            note = muted(QLabel(detail))
            note.setWordWrap(True)
            note.setContentsMargins(indent + spacing, 0, 0, 6)
            note.setBuddy(button)
            layout.addWidget(note)

    def choice(self) -> str:
        """The chosen option's key."""
        for key, button in self.options.items():
            if button.isChecked():
                return key
        return LATER


def first_run_due(paths: Paths, settings: Settings) -> bool:
    """Whether the welcome has not been seen yet (nor, by an earlier version, the safety page)."""
    return not settings.first_run_done and not (paths.config_dir / LEGACY_MARKER).exists()


def offer_first_run(
    window: MainWindow,
    paths: Paths,
    settings: Settings,
    show: Callable[[FirstRunWizard], object] = FirstRunWizard.exec,
) -> FirstRunWizard | None:
    """On the first start, the welcome wizard; then do what was chosen. None when not due.

    It counts as seen once the safety page was reached; closed before that, it comes again.
    """
    if not first_run_due(paths, settings):
        return None
    found = (window.services.routines.find(routine_id) for routine_id in SHORT_ROUTINES)
    wizard = FirstRunWizard(
        paths.data_dir,
        [entry.routine for entry in found if entry is not None],
        body_map=window.body_map is not None,
        parent=window,
    )
    show(wizard)
    if wizard.safety_seen:
        settings.first_run_done = True
    choice = wizard.choice()
    if choice == BODY_MAP:
        window.show_body_map()
    elif choice != LATER:
        window.start_routine(choice)
    return wizard
