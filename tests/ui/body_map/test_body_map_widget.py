"""The body map widget: exact hit testing, marking by mouse and keyboard, views, read-only mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from coach.core.body.body_shapes import BodyShapes, load_body_shapes
from coach.core.body.regions import RegionCatalogue
from coach.ui.body_map.body_map_widget import BodyMapWidget
from coach.ui.body_map.intensity_scale import intensity_colour
from coach.ui.body_map.marked_list import MarkedList

ART = Path(__file__).resolve().parents[3] / "assets" / "body_map.svg"


@pytest.fixture(scope="module")
def shapes(catalogue: RegionCatalogue) -> BodyShapes:
    return load_body_shapes(ART, catalogue)


@pytest.fixture
def window(qtbot: QtBot, catalogue: RegionCatalogue, shapes: BodyShapes) -> Iterator[QWidget]:
    """A line edit, the map and its list of marked areas, shown and active."""
    window = QWidget()
    layout = QHBoxLayout(window)
    window.before = QLineEdit()  # type: ignore[attr-defined]
    window.map = BodyMapWidget(catalogue, shapes)  # type: ignore[attr-defined]
    window.list = MarkedList(window.map)  # type: ignore[attr-defined]
    layout.addWidget(window.before)  # type: ignore[attr-defined]
    layout.addWidget(window.map, 4)  # type: ignore[attr-defined]
    layout.addWidget(window.list, 1)  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.resize(1300, 760)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.map.popup.hide()  # type: ignore[attr-defined]
    QToolTip.hideText()
    window.close()


@pytest.fixture
def body_map(window: QWidget) -> BodyMapWidget:
    return window.map  # type: ignore[attr-defined,no-any-return]


# -- marking -----------------------------------------------------------------------------------------


def click(qtbot: QtBot, body_map: BodyMapWidget, region_id: str, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(body_map, button, pos=body_map.region_point(region_id).toPoint())


def test_click_marks_click_again_sets_intensity_right_click_clears(
    qtbot: QtBot, body_map: BodyMapWidget
):
    changes: list[dict[str, int]] = []
    body_map.marks_changed.connect(changes.append)
    click(qtbot, body_map, "left_lower_back")
    assert body_map.marks() == {"left_lower_back": 5}
    assert body_map.hasFocus()
    assert body_map.current_region() == "left_lower_back"
    click(qtbot, body_map, "left_lower_back")
    qtbot.waitUntil(body_map.popup.isVisible)
    qtbot.mouseClick(body_map.popup.buttons[7], Qt.MouseButton.LeftButton)
    assert not body_map.popup.isVisible()
    assert body_map.marks() == {"left_lower_back": 7}
    click(qtbot, body_map, "left_lower_back", Qt.MouseButton.RightButton)
    assert body_map.marks() == {}
    assert changes == [{"left_lower_back": 5}, {"left_lower_back": 7}, {}]
    body_map.set_marks({"sternum": 3})  # loading is not an edit
    assert len(changes) == 3
    assert body_map.describe("sternum") == "Breastbone, marked 3 of 10"


def test_keys_set_intensity_clear_and_open_the_popup(qtbot: QtBot, body_map: BodyMapWidget):
    body_map.setFocus()
    body_map.set_current_region("right_neck")
    qtbot.keyClick(body_map, Qt.Key.Key_3)
    assert body_map.marks() == {"right_neck": 3}
    assert body_map.accessibleDescription() == "Right side and back of neck, marked 3 of 10"
    qtbot.keyClicks(body_map, "10")
    assert body_map.marks() == {"right_neck": 10}
    qtbot.keyClick(body_map, Qt.Key.Key_Delete)
    assert body_map.marks() == {}
    assert body_map.accessibleDescription() == "Right side and back of neck, not marked"
    qtbot.keyClick(body_map, Qt.Key.Key_Return)
    qtbot.waitUntil(body_map.popup.isVisible)
    qtbot.keyClick(body_map.popup, Qt.Key.Key_6)
    assert body_map.marks() == {"right_neck": 6}
    qtbot.waitUntil(body_map.hasFocus)
    qtbot.keyClick(body_map, Qt.Key.Key_Enter)
    qtbot.waitUntil(body_map.popup.isVisible)
    qtbot.keyClick(body_map.popup, Qt.Key.Key_1)
    assert body_map.marks() == {"right_neck": 1}
    qtbot.waitUntil(body_map.hasFocus)
    qtbot.keyClick(body_map, Qt.Key.Key_0)  # "1" in the popup, then "0": 10
    assert body_map.marks() == {"right_neck": 10}
    qtbot.keyClick(body_map, Qt.Key.Key_Return)
    qtbot.waitUntil(body_map.popup.isVisible)
    qtbot.keyClick(body_map.popup, Qt.Key.Key_Left)
    qtbot.keyClick(body_map.popup, Qt.Key.Key_Return)
    assert body_map.marks() == {"right_neck": 9}
    qtbot.keyClick(body_map, Qt.Key.Key_Space)
    qtbot.waitUntil(body_map.popup.isVisible)
    qtbot.keyClick(body_map.popup, Qt.Key.Key_Delete)
    assert body_map.marks() == {}


def test_tab_reaches_the_map_and_it_names_where_it_is(qtbot: QtBot, window: QWidget):
    body_map: BodyMapWidget = window.map  # type: ignore[attr-defined]
    window.before.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(window.before.hasFocus)  # type: ignore[attr-defined]
    qtbot.keyClick(window.before, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
    qtbot.waitUntil(body_map.hasFocus)
    assert body_map.current_region() == "forehead"
    assert body_map.accessibleName() == "Body map"
    assert body_map.accessibleDescription() == "Forehead, not marked"


def test_every_region_is_reachable_by_keyboard_and_named(
    qtbot: QtBot, body_map: BodyMapWidget, catalogue: RegionCatalogue
):
    names = body_map.region_names()
    assert set(names) == set(catalogue.regions)
    assert all(names[r] == catalogue.regions[r].name and names[r] for r in names)
    body_map.setFocus()
    qtbot.keyClick(body_map, Qt.Key.Key_Home)
    visited = []
    for _ in names:
        region_id = body_map.current_region()
        assert region_id is not None
        visited.append(region_id)
        assert body_map.accessibleDescription().startswith(names[region_id])
        qtbot.keyClick(body_map, Qt.Key.Key_PageDown)
    assert sorted(visited) == sorted(names)
    # and with the arrows alone, from the first region
    arrows = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
    reached, frontier = {"forehead"}, ["forehead"]
    while frontier:
        start = frontier.pop()
        for key in arrows:
            body_map.set_current_region(start)
            qtbot.keyClick(body_map, key)
            found = body_map.current_region()
            assert found is not None
            if found not in reached:
                reached.add(found)
                frontier.append(found)
    assert reached == set(names)


def test_arrows_move_to_the_neighbour_on_screen(qtbot: QtBot, body_map: BodyMapWidget):
    body_map.setFocus()
    body_map.set_current_region("sternum")
    qtbot.keyClick(body_map, Qt.Key.Key_Up)
    assert body_map.current_region() == "neck_front"
    body_map.set_current_region("left_knee_front")
    qtbot.keyClick(body_map, Qt.Key.Key_Down)
    assert body_map.current_region() == "left_shin"
    body_map.set_current_region("lumbar_spine")
    qtbot.keyClick(body_map, Qt.Key.Key_Left)
    assert body_map.current_region() == "left_lower_back"


def move(widget: QWidget, pos: QPointF) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        widget.mapToGlobal(pos),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_hover_names_the_region_in_a_signal_and_a_tooltip(qtbot: QtBot, body_map: BodyMapWidget):
    body_map.set_marks({"left_calf": 4})
    with qtbot.waitSignal(body_map.hovered) as hovered:
        move(body_map, body_map.region_point("left_calf"))
    assert hovered.args == ["left_calf"]
    pos = body_map.region_point("left_calf").toPoint()
    QApplication.sendEvent(
        body_map, QHelpEvent(QEvent.Type.ToolTip, pos, body_map.mapToGlobal(pos))
    )
    assert QToolTip.text() == "Left calf, marked 4 of 10"
    with qtbot.waitSignal(body_map.hovered) as hovered:
        move(body_map, QPointF(2, 2))
    assert hovered.args == [None]


# -- views, read-only, heat, the list ---------------------------------------------------------------


def test_the_keyboard_turns_a_narrow_figure_round(qtbot: QtBot, catalogue, shapes) -> None:
    body_map = BodyMapWidget(catalogue, shapes)
    qtbot.addWidget(body_map)
    body_map.resize(380, 600)
    body_map.show()
    qtbot.waitExposed(body_map)
    body_map.show_view("back")
    assert body_map.views() == ("back",)

    body_map.set_current_region("left_shin")

    assert body_map.views() == ("front",)
    assert body_map.toggle.text() == "Show back"


def test_highlight_mode_is_read_only(qtbot: QtBot, catalogue: RegionCatalogue, shapes: BodyShapes):
    figure = BodyMapWidget(catalogue, shapes, interactive=False)
    qtbot.addWidget(figure)
    figure.resize(300, 320)
    figure.show()
    qtbot.waitExposed(figure)
    step = catalogue.expand("lower_back")
    figure.highlight(step)
    assert figure.highlighted() == set(step)
    assert figure.focusPolicy() == Qt.FocusPolicy.NoFocus
    changes: list[object] = []
    figure.marks_changed.connect(changes.append)
    target = next(iter(step))
    figure.show_view("back")
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton, pos=figure.region_point(target).toPoint())
    qtbot.keyClick(figure, Qt.Key.Key_5)
    assert figure.marks() == {}
    assert changes == []
    assert not figure.popup.isVisible()
    with qtbot.waitSignal(figure.hovered) as hovered:
        move(figure, figure.region_point(target))
    assert hovered.args == [target]
    assert figure.describe(target) == catalogue.name(target)


def test_heat_colours_regions_and_says_why(body_map: BodyMapWidget):
    body_map.set_heat({"left_calf": (7.5, "12 days, average 7.5"), "nowhere": (1.0, "x")})
    assert body_map.describe("left_calf") == "Left calf: 12 days, average 7.5"
    mid = intensity_colour(7.5)
    low, high = intensity_colour(7), intensity_colour(8)
    assert min(low.red(), high.red()) <= mid.red() <= max(low.red(), high.red())
    assert intensity_colour(0).lightness() > intensity_colour(10).lightness()


def test_marked_regions_are_drawn_in_their_colour_crisp_on_hidpi(body_map: BodyMapWidget):
    body_map.set_marks({"left_glute": 8, "sternum": 0})
    for ratio in (1.0, 2.0):
        image = QImage(body_map.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("white"))
        body_map.render(image)
        spot = body_map.region_point("left_glute") + QPointF(0, 17)  # below the number
        assert body_map.region_at(spot) == "left_glute"
        pixel = image.pixelColor((spot * ratio).toPoint())
        expected = intensity_colour(8)
        assert abs(pixel.red() - expected.red()) <= 3, ratio
        assert abs(pixel.green() - expected.green()) <= 3, ratio


def test_the_marked_list_is_an_editable_twin(qtbot: QtBot, window: QWidget):
    body_map: BodyMapWidget = window.map  # type: ignore[attr-defined]
    marked: MarkedList = window.list  # type: ignore[attr-defined]
    assert marked.count() == 1
    assert marked.item(0).text() == "No areas marked."
    body_map.set_marks({"left_lower_back": 6, "sternum": 2})
    assert [marked.item(i).text() for i in range(marked.count())] == [
        "Breastbone, marked 2 of 10",
        "Left lower back, marked 6 of 10",
    ]
    marked.setFocus()
    marked.setCurrentRow(1)
    assert body_map.current_region() == "left_lower_back"
    qtbot.keyClick(marked, Qt.Key.Key_8)
    assert body_map.marks()["left_lower_back"] == 8
    qtbot.keyClick(marked, Qt.Key.Key_Left)
    assert body_map.marks()["left_lower_back"] == 7
    assert marked.selected_region() == "left_lower_back"
    qtbot.keyClick(marked, Qt.Key.Key_Delete)
    assert body_map.marks() == {"sternum": 2}
    assert marked.selected_region() == "sternum"


def test_unknown_marks_are_ignored_and_bad_values_refused(body_map: BodyMapWidget):
    body_map.set_marks({"left_calf": 3, "not_a_region": 4})
    assert body_map.marks() == {"left_calf": 3}
    with pytest.raises(ValueError, match="from 0 to 10"):
        body_map.set_mark("left_calf", 11)
    with pytest.raises(KeyError):
        body_map.set_mark("elbow", 3)


def _lightness(colour: QColor) -> float:
    """CIE L* (0 black to 100 white): how light a colour looks, whatever its hue."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    y = (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def test_the_scale_is_ordered_and_every_step_is_visibly_different() -> None:
    light = [_lightness(intensity_colour(n)) for n in range(11)]
    steps = [a - b for a, b in zip(light, light[1:], strict=False)]
    assert all(step >= 5 for step in steps), "each number darker than the one before, visibly"
    assert light[5] - light[6] >= 8, "5 and 6 do not look alike"
    dark = [_lightness(intensity_colour(n, dark=True)) for n in range(11)]
    assert all(b - a >= 4 for a, b in zip(dark, dark[1:], strict=False)), "lighter on dark"


def test_0_is_the_quietest_colour_on_a_light_and_a_dark_window() -> None:
    light_window, dark_window = QColor("#ece6df"), QColor("#4a4541")  # the plain figure's colour
    for window, dark in ((light_window, False), (dark_window, True)):
        distance = [
            abs(_lightness(intensity_colour(n, dark)) - _lightness(window)) for n in range(11)
        ]
        assert distance.index(min(distance)) <= 1, "low marks and rare areas stay quiet"
        assert distance.index(max(distance)) == 10, "the most pain stands out most"
