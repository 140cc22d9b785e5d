"""The 0-10 colours: ends of the scale, blending between numbers, readable numbers, the legend."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.ui.body_map.intensity_scale import (
    SCALE,
    HeatLegend,
    intensity_colour,
    is_dark,
    text_colour_on,
)


def test_whole_numbers_are_the_scale_and_fractions_blend_between_them() -> None:
    assert intensity_colour(0).name() == SCALE[0]
    assert intensity_colour(10).name() == SCALE[10]
    assert intensity_colour(14).name() == SCALE[10], "kept within 0-10"
    low, high, middle = intensity_colour(4), intensity_colour(5), intensity_colour(4.5)
    for part in ("red", "green", "blue"):
        a, b, m = (getattr(c, part)() for c in (low, high, middle))
        assert min(a, b) <= m <= max(a, b)
    assert intensity_colour(10, dark=True).lightness() > intensity_colour(0, dark=True).lightness()


def test_the_number_on_a_colour_is_dark_on_light_and_light_on_dark() -> None:
    assert text_colour_on(intensity_colour(0)) == QColor("#111111")
    assert text_colour_on(intensity_colour(10)) == QColor("#ffffff")


def test_a_widget_on_a_dark_window_is_known_as_dark(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    widget.setPalette(palette)
    assert is_dark(widget)
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f4f4"))
    widget.setPalette(palette)
    assert not is_dark(widget)


def test_the_heat_legend_paints_its_eleven_colours_and_is_named(qtbot: QtBot) -> None:
    legend = HeatLegend()
    qtbot.addWidget(legend)
    legend.resize(600, legend.minimumHeight())
    legend.show()
    qtbot.waitExposed(legend)
    image = legend.grab().toImage()

    row = legend.height() // 2
    seen = {image.pixelColor(x, row).name() for x in range(image.width())}
    assert sum(1 for colour in SCALE if colour in seen) >= 9, "the swatches are drawn"
    assert legend.accessibleName() == "Heat scale"
    assert "Plain: never marked." in legend.accessibleDescription()
