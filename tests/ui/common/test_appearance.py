"""Appearance and comfort: theme, text size and reduced motion apply at once, everywhere, and last."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from coach.core.playing.clock import ManualClock
from coach.core.routines.routine import Routine, Step, StepKind
from coach.services.settings import Settings
from coach.services.sound.session_sound import SessionSound
from coach.ui.common.appearance import DARK_COLOURS, Appearance, dark_palette
from coach.ui.common.text import heading, muted
from coach.ui.session.player_widgets import BreathPacer
from coach.ui.session.session_page import SessionPage
from tests.ui.session.test_session_page import Recorder, advance, now

Role = QPalette.ColorRole


@pytest.fixture
def appearance(qtbot: QtBot) -> Iterator[Appearance]:
    """The app's appearance, put back to the system's after the test."""
    found = Appearance.for_app()
    yield found
    found.set_theme("system")
    found.set_text_scale(1.0)
    found.set_reduced_motion(False)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")


def window_colour(widget: QWidget | None = None) -> QColor:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(Role.Window)


def system_size() -> float:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()


def luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: QColor, two: QColor) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- theme ----------------------------------------------------------------------------------------


def test_dark_and_light_change_the_window_colour_and_system_comes_back(
    qtbot: QtBot, appearance: Appearance
) -> None:
    label = QLabel("Pain today")
    qtbot.addWidget(label)
    system = window_colour()

    appearance.set_theme("dark")
    assert appearance.is_dark()
    assert window_colour().lightness() < 80
    qtbot.waitUntil(lambda: window_colour(label) == window_colour())  # open widgets follow

    appearance.set_theme("light")
    assert window_colour().lightness() > 200
    qtbot.waitUntil(lambda: window_colour(label) == window_colour())

    appearance.set_theme("system")
    assert window_colour() == system
    qtbot.waitUntil(lambda: window_colour(label) == system)


def test_an_unknown_theme_is_refused(appearance: Appearance) -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        appearance.set_theme("sepia")


def test_the_dark_palette_reads_well() -> None:
    palette = dark_palette()
    for text, back in (
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.Text, Role.AlternateBase),
        (Role.ButtonText, Role.Button),
        (Role.HighlightedText, Role.Highlight),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.Link, Role.Base),
    ):
        ratio = contrast(palette.color(text), palette.color(back))
        assert ratio >= 4.5, f"{text.name} on {back.name}: {ratio:.1f}"
    disabled = palette.color(QPalette.ColorGroup.Disabled, Role.WindowText)
    assert contrast(disabled, palette.color(Role.Window)) >= 3.0
    # the countdown ring and the breathing circle are drawn in the highlight colour
    assert contrast(palette.color(Role.Highlight), palette.color(Role.Window)) >= 3.0
    assert set(DARK_COLOURS) <= {role.name for role in Role}


def test_muted_text_is_mixed_again_for_the_new_theme(qtbot: QtBot, appearance: Appearance) -> None:
    hint = muted(QLabel("Days with something logged are bold and underlined."))
    qtbot.addWidget(hint)
    light = hint.palette().color(Role.WindowText)

    appearance.set_theme("dark")

    qtbot.waitUntil(lambda: hint.palette().color(Role.WindowText) != light)
    quiet = hint.palette().color(Role.WindowText)
    text, window = QApplication.palette().color(Role.WindowText), window_colour()
    assert window.lightness() < quiet.lightness() < text.lightness(), "between text and window"
    assert contrast(quiet, window) >= 4.5


# -- text size ------------------------------------------------------------------------------------


def test_text_size_scales_the_app_font_and_the_headings(
    qtbot: QtBot, appearance: Appearance
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    title = heading("Sound and voice")  # set its own size: 1.15 times the text
    body = QLabel("Everything stays on this computer.")
    layout.addWidget(title)
    layout.addWidget(body)
    assert title.font().pointSizeF() == pytest.approx(system_size() * 1.15)

    appearance.set_text_scale(1.3)

    assert QApplication.font().pointSizeF() == pytest.approx(system_size() * 1.3)
    qtbot.waitUntil(lambda: body.font().pointSizeF() == pytest.approx(system_size() * 1.3))
    assert title.font().pointSizeF() == pytest.approx(system_size() * 1.15 * 1.3)
    assert title.font().bold()

    appearance.set_text_scale(1.0)
    assert QApplication.font().pointSizeF() == pytest.approx(system_size())
    assert title.font().pointSizeF() == pytest.approx(system_size() * 1.15)


def test_text_size_stays_within_its_range(appearance: Appearance) -> None:
    appearance.set_text_scale(5)
    assert appearance.text_scale == 1.6
    appearance.set_text_scale(0.1)
    assert appearance.text_scale == 0.8


def test_hand_edited_values_fall_back_to_the_defaults(settings: Settings) -> None:
    settings._store.setValue("appearance/theme", "purple")
    settings._store.setValue("appearance/text_scale", "9")
    settings._store.setValue("appearance/reduced_motion", "perhaps")

    assert (settings.theme, settings.text_scale, settings.reduced_motion) == ("system", 1.0, False)
    with pytest.raises(ValueError, match="unknown theme"):
        settings.theme = "purple"


# -- reduced motion in the player -----------------------------------------------------------------


@pytest.fixture
def page(qtbot: QtBot, catalogue, log):
    recorder, clock = Recorder(), ManualClock()
    widget = SessionPage(
        catalogue=catalogue,
        log=log,
        sound=SessionSound(recorder, recorder, clock=clock),
        now=now,
        clock=clock,
    )
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.release()


def breathe(seconds: float = 6) -> Routine:
    return Routine("b", "Breath", (Step("Breathe in slowly.", seconds, StepKind.BREATHE_IN),))


def test_reduced_motion_stills_the_pacer_and_the_countdown_moves_in_seconds(
    qtbot: QtBot, page: SessionPage
) -> None:
    player = page.player
    player.set_reduced_motion(True)
    page.prepare(breathe())
    page.before.start_button.click()
    pacer, ring = player.pacer, player.ring
    assert pacer.isVisible()
    assert ring.seconds_left == 6

    advance(page, 2.0)
    with qtbot.waitSignal(player._frame.timeout):  # on a whole second: it wakes at once
        pass

    assert ring.seconds_left == 4
    assert pacer.size_fraction == BreathPacer.STILL_SIZE, "the circle never moves"
    assert pacer.accessibleDescription() == "Breathe in, 3 of 6", "the second, in words"
    assert ring._fraction_left == pytest.approx(4 / 6), "the arc goes with it"

    advance(page, 0.3)
    with qtbot.waitSignal(player._frame.timeout):
        pass
    assert ring.seconds_left == 4
    assert player._frame.interval() == 700 + 15, "next just after 3 s are left, not 30 times"


def test_without_reduced_motion_the_pacer_grows_with_the_breath(
    qtbot: QtBot, page: SessionPage
) -> None:
    page.prepare(breathe(4))
    page.before.start_button.click()
    pacer = page.player.pacer
    start = pacer.size_fraction

    advance(page, 1.5)
    qtbot.waitUntil(lambda: pacer.size_fraction > start + 0.1)  # the next frame draws it

    page.player.set_reduced_motion(True)  # and it can be turned on while playing
    assert pacer.size_fraction == BreathPacer.STILL_SIZE


def test_the_main_window_passes_reduced_motion_to_the_player(
    qtbot: QtBot, appearance: Appearance, make_services
) -> None:
    from coach.ui.shell.main_window import MainWindow

    window = MainWindow(make_services())
    qtbot.addWidget(window)
    assert not window.session.player.reduced_motion

    window.settings.appearance.reduced_motion.setChecked(True)

    assert window.session.player.reduced_motion
    assert window.session.player.pacer.reduced_motion


def test_the_trends_charts_are_drawn_again_in_the_new_theme(
    qtbot: QtBot, appearance: Appearance, library, log
) -> None:
    import datetime as dt

    from coach.core.log.demo import generate_demo
    from coach.ui.trends.trends_view import TrendsPage

    end = dt.date.today()
    log.import_log(*generate_demo(end - dt.timedelta(days=60), end, seed=2))
    from coach.services.routine_catalog import RoutineCatalog

    page = TrendsPage(log, RoutineCatalog(library))
    qtbot.addWidget(page)
    page.show()
    assert page.view is not None
    page.view.set_preset(2)
    page.view.tabs.setCurrentIndex(2)
    first = page.view
    assert not first.theme.dark

    appearance.set_theme("dark")

    qtbot.waitUntil(lambda: page.view is not first)
    assert page.view is not None
    assert page.view.theme.dark
    assert (page.view.preset, page.view.tabs.currentIndex()) == (2, 2), "where the person was"
    assert page.currentWidget() is page.view


def test_following_the_system_picks_up_a_change_of_its_scheme(
    qtbot: QtBot, appearance: Appearance
) -> None:
    from PySide6.QtCore import Qt

    hints = QApplication.styleHints()
    with qtbot.waitSignal(appearance.changed, timeout=2000):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # as the desktop does

    with qtbot.waitSignal(appearance.changed, timeout=2000):
        appearance.set_theme("light")
    with qtbot.assertNotEmitted(appearance.changed, wait=100):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # a chosen theme stays
