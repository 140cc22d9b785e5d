"""The first run: welcome (with where the data is), the safety page, and a first step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from coach.core.body.safety import SAFETY
from coach.core.routines.library import RoutineLibrary
from coach.ui.shell.first_run import (
    BODY_MAP,
    LATER,
    LEGACY_MARKER,
    SHORT_ROUTINES,
    FirstRunWizard,
    first_run_due,
    offer_first_run,
)


@pytest.fixture
def short_routines(library: RoutineLibrary):
    scan = library.scan()
    return [scan.find(rid).routine for rid in SHORT_ROUTINES if scan.find(rid)]


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path, short_routines):
    dialog = FirstRunWizard(tmp_path / "my data", short_routines)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def page_text(wizard: FirstRunWizard) -> str:
    page = wizard.currentPage()
    return "\n".join([page.title(), *(label.text() for label in page.findChildren(QLabel))])


def test_the_welcome_says_what_it_does_and_where_the_data_stays(
    wizard: FirstRunWizard, tmp_path: Path
) -> None:
    text = page_text(wizard)
    assert "Welcome to Unknot" in text
    assert "relaxation" in text
    assert "stays on this computer" in text
    assert str(tmp_path / "my data") in text
    assert not wizard.safety_seen
    assert wizard.button(QWizard.WizardButton.CancelButton).isHidden()


def test_the_second_page_is_the_whole_safety_page(wizard: FirstRunWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.safety
    assert wizard.safety_seen
    plain = wizard.safety_text.toPlainText()
    for flag in SAFETY.flags():
        assert flag in plain
    assert wizard.safety_text.accessibleName() == "When to see a doctor"


def test_the_last_page_offers_the_body_map_short_routines_or_later(
    wizard: FirstRunWizard, short_routines
) -> None:
    wizard.next()
    wizard.next()
    page = wizard.first_step
    assert wizard.currentPage() is page
    assert list(page.options) == [BODY_MAP, *(r.id for r in short_routines), LATER]
    assert [r.id for r in short_routines] == ["pmr-4", "breathing-paced"]
    texts = [b.text() for b in page.findChildren(QRadioButton)]
    assert any("Mark where it hurts today" in t for t in texts)
    assert any("Progressive muscle relaxation" in t and "min" in t for t in texts)
    for button in page.findChildren(QRadioButton):
        assert button.accessibleName()
    assert page.choice() == BODY_MAP, "the first offer is chosen to begin with"


@pytest.mark.parametrize("key", [BODY_MAP, "pmr-4", "breathing-paced", LATER])
def test_what_was_chosen_is_what_the_app_does(wizard: FirstRunWizard, key: str) -> None:
    wizard.next()
    wizard.next()
    wizard.first_step.options[key].setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.choice() == key


def test_closing_early_means_later_and_the_safety_page_unseen(wizard: FirstRunWizard) -> None:
    wizard.reject()
    assert wizard.choice() == LATER
    assert not wizard.safety_seen


def test_without_the_body_map_or_routines_only_later_is_offered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = FirstRunWizard(tmp_path, (), body_map=False)
    qtbot.addWidget(dialog)
    assert list(dialog.first_step.options) == [LATER]
    assert dialog.first_step.choice() == LATER


# -- the app's first start ----------------------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, make_services, tmp_path: Path):
    from coach.services.settings import Settings
    from coach.ui.shell.main_window import MainWindow

    settings = Settings(tmp_path / "config")
    made = MainWindow(make_services(settings))
    qtbot.addWidget(made)
    return made


def finish_with(key: str | None):
    """Answers the wizard: through every page, then `key` (None: closed on the welcome)."""

    def show(wizard: FirstRunWizard) -> None:
        if key is None:
            wizard.reject()
            return
        wizard.show()
        wizard.next()
        wizard.next()
        wizard.first_step.options[key].setChecked(True)
        wizard.accept()

    return show


def test_the_first_start_shows_it_once(window, paths) -> None:
    settings = window.preferences
    wizard = offer_first_run(window, paths, settings, show=finish_with(LATER))
    assert wizard is not None
    assert settings.first_run_done
    assert offer_first_run(window, paths, settings, show=finish_with(LATER)) is None


def test_closed_on_the_welcome_it_comes_again(window, paths) -> None:
    settings = window.preferences
    offer_first_run(window, paths, settings, show=finish_with(None))
    assert not settings.first_run_done
    assert first_run_due(paths, settings)


def test_an_earlier_versions_marker_counts_as_seen(window, paths) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    (paths.config_dir / LEGACY_MARKER).write_text("seen\n", encoding="utf-8")
    assert not first_run_due(paths, window.preferences)


def test_marking_where_it_hurts_opens_the_body_map(window, paths) -> None:
    offer_first_run(window, paths, window.preferences, show=finish_with(BODY_MAP))
    assert window.stack.currentWidget() is window.body_map


def test_a_short_routine_opens_its_start_screen(window, paths) -> None:
    offer_first_run(window, paths, window.preferences, show=finish_with("breathing-paced"))
    assert window.stack.currentWidget() is window.session
    assert window.session.routine.id == "breathing-paced"
