"""The player's drawn widgets: the countdown ring, the breathing pacer, the cue banner."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.core.routines.routine import StepKind
from coach.ui.session.player_widgets import (
    BreathPacer,
    CountdownRing,
    CueBanner,
    cue_word,
    eyes_closed_palette,
    phase_colour,
)


def shown(qtbot: QtBot, widget: QWidget, width: int = 240, height: int = 240) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_ring_counts_whole_seconds_up_and_its_arc_empties(qtbot: QtBot) -> None:
    ring = shown(qtbot, CountdownRing())
    ring.set_time(9.2, 10)
    assert ring.seconds_left == 10, "9.2 s left reads 10 until it is 9"
    assert ring._fraction_left == pytest.approx(0.92)
    assert ring.accessibleDescription() == "10 seconds left"
    full = ring.grab().toImage()

    ring.set_time(2.5, 10)

    assert ring.seconds_left == 3
    assert ring.grab().toImage() != full, "the arc and the number are drawn again"


def test_with_reduced_motion_the_arc_moves_in_whole_seconds(qtbot: QtBot) -> None:
    ring = shown(qtbot, CountdownRing())
    ring.reduced_motion = True
    ring.set_time(7.6, 10)
    assert ring._fraction_left == pytest.approx(0.8)
    ring.set_time(7.1, 10)
    assert ring._fraction_left == pytest.approx(0.8), "no change within the second"
    ring.set_time(0, 10)
    assert ring.seconds_left == 0


def test_the_pacer_grows_breathing_in_and_shrinks_breathing_out(qtbot: QtBot) -> None:
    pacer = shown(qtbot, BreathPacer())
    pacer.set_phase(StepKind.BREATHE_IN, 0.0, 4)
    small = pacer.size_fraction
    pacer.set_phase(StepKind.BREATHE_IN, 1.0, 4)
    assert pacer.size_fraction == pytest.approx(1.0)
    assert small < 0.5
    assert pacer.accessibleDescription() == "Breathe in"
    pacer.set_phase(StepKind.HOLD, 0.5, 4)
    assert pacer.size_fraction == pytest.approx(1.0), "holding keeps the size"
    pacer.set_phase(StepKind.BREATHE_OUT, 0.5, 6)
    assert small < pacer.size_fraction < 1.0
    assert BreathPacer.applies_to(StepKind.HOLD)
    assert not BreathPacer.applies_to(StepKind.TENSE)


def test_with_reduced_motion_the_pacer_is_still_and_counts_the_seconds(qtbot: QtBot) -> None:
    pacer = shown(qtbot, BreathPacer())
    pacer.set_reduced_motion(True)
    pacer.set_phase(StepKind.BREATHE_IN, 0.3, 4)
    assert pacer.size_fraction == BreathPacer.STILL_SIZE
    assert pacer.accessibleDescription() == "Breathe in, 2 of 4"
    pacer.set_phase(StepKind.BREATHE_IN, 0.99, 4)
    assert pacer.accessibleDescription() == "Breathe in, 4 of 4"
    assert pacer.size_fraction == BreathPacer.STILL_SIZE


def test_the_phase_word_is_warm_tensing_cool_letting_go_and_plain_otherwise() -> None:
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.WindowText, QColor("#101010"))
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))

    tense, release = phase_colour(StepKind.TENSE, light), phase_colour(StepKind.RELEASE, light)
    assert tense.red() > tense.blue()
    assert release.blue() > release.red()
    assert phase_colour(StepKind.TENSE, dark).lightness() > tense.lightness(), "lighter on dark"
    assert phase_colour(StepKind.INSTRUCTION, light) == QColor("#101010")


def test_a_cue_without_sound_is_a_big_band_with_the_word(qtbot: QtBot) -> None:
    banner = shown(qtbot, CueBanner(), 500, 60)
    quiet = banner.grab().toImage()
    banner.show_cue(cue_word("tense"), loud=False)
    soft = banner.grab().toImage()
    assert soft != quiet, "♪ Tense, a quiet line"

    banner.show_cue(cue_word("tense"), loud=True)

    image = banner.grab().toImage()
    highlight = banner.palette().color(QPalette.ColorRole.Highlight)
    middle_row = [image.pixelColor(x, banner.height() // 2) for x in range(10, 60)]
    assert highlight in middle_row, "the band in the highlight colour"
    assert banner.accessibleDescription() == "Tense"
    policy = banner.sizePolicy()
    assert policy.retainSizeWhenHidden(), "appearing and fading never moves the step"


def test_cue_words_and_a_routine_s_own_cue() -> None:
    assert cue_word("step") == "Next step"
    assert cue_word("breath-out") == "Breathe out"
    assert cue_word("bell") == "bell"


def test_the_eyes_closed_palette_has_nothing_bright() -> None:
    palette = eyes_closed_palette()
    for role in QPalette.ColorRole.Window, QPalette.ColorRole.Base:
        assert palette.color(role).lightness() == 0
    for role in QPalette.ColorRole.WindowText, QPalette.ColorRole.Highlight:
        assert palette.color(role).lightness() < 100
