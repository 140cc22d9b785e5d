"""The body map's canvas: hit-testing that agrees with the artwork, the views laid out to fit,
and the marks, heat and highlights drawn where the regions are."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from coach.core.body.body_shapes import BodyShapes, distance_to_edge
from coach.core.body.geometry import inside_runs
from coach.core.body.regions import RegionCatalogue, View
from coach.ui.body_map.body_map_canvas import NARROW_WIDTH, BodyMapCanvas


@pytest.fixture
def canvas(qtbot: QtBot, catalogue: RegionCatalogue, shapes: BodyShapes) -> Iterator[BodyMapCanvas]:
    """The figures alone, shown at about the size they have in the Body map view."""
    widget = BodyMapCanvas(catalogue, shapes)
    qtbot.addWidget(widget)
    widget.resize(1000, 740)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def drawn(canvas: BodyMapCanvas, ratio: float = 1.0) -> QImage:
    """What the canvas paints, on white."""
    image = QImage(canvas.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    canvas.render(image)
    return image


def to_widget(canvas: BodyMapCanvas, view: View, point: tuple[float, float]) -> QPointF:
    return canvas.view_transform(view).map(QPointF(*point))


def truth(shapes: BodyShapes, view: View, point: tuple[float, float]) -> str | None:
    """The region the artwork's own geometry (no Qt) puts the point in."""
    found = [s.id for s in shapes.in_view(view) if s.contains(point)]
    assert len(found) <= 1, f"{point} is in {found}"
    return found[0] if found else None


def runs_across(shapes: BodyShapes, region_id: str, y: float) -> list[tuple[float, float]]:
    """Where the line at height y is inside a region, as (left, right) stretches."""
    return inside_runs(shapes.regions[region_id].polygons(), y, horizontal=True)


# -- hit testing -------------------------------------------------------------------------------------


def test_every_region_is_hit_at_its_own_point(canvas: BodyMapCanvas):
    assert canvas.views() == ("front", "back")
    for region_id in canvas.figures.order:
        assert canvas.region_at(canvas.region_point(region_id)) == region_id


def test_fingers_are_hit_exactly_and_the_gaps_between_them_are_not(
    canvas: BodyMapCanvas, shapes: BodyShapes
):
    for hand in ("right_hand_palm", "left_hand_palm"):
        bottom = shapes.regions[hand].bounds()[3]
        fingers = runs_across(shapes, hand, bottom - 8)
        assert len(fingers) >= 3, "the hand should show separate fingers"
        for left, right in fingers:
            for x in ((left + right) / 2, left + 1.0, right - 1.0):
                assert canvas.region_at(to_widget(canvas, "front", (x, bottom - 8))) == hand
        for (_, end), (start, _) in zip(fingers, fingers[1:], strict=False):
            for x in ((end + start) / 2, end + 1.0, start - 1.0):
                assert canvas.region_at(to_widget(canvas, "front", (x, bottom - 8))) is None


def test_the_neck_is_hit_up_to_its_edges_and_not_beyond(canvas: BodyMapCanvas, shapes: BodyShapes):
    y = shapes.regions["neck_front"].bounds()[1] + 8
    ((left, right),) = runs_across(shapes, "neck_front", y)
    assert right - left > 25
    for x in (left + 1.0, (left + right) / 2, right - 1.0):
        assert canvas.region_at(to_widget(canvas, "front", (x, y))) == "neck_front"
    for x in (left - 1.0, right + 1.0):
        assert canvas.region_at(to_widget(canvas, "front", (x, y))) is None


def test_the_spine_strip_and_its_neighbours(canvas: BodyMapCanvas, shapes: BodyShapes):
    for strip in ("cervical_spine", "thoracic_spine", "lumbar_spine"):
        (_, y), _ = shapes.regions[strip].label_spot()
        ((left, right),) = runs_across(shapes, strip, y)
        assert right - left >= 8
        assert canvas.region_at(to_widget(canvas, "back", (left + 1.5, y))) == strip
        assert canvas.region_at(to_widget(canvas, "back", (right - 1.5, y))) == strip
        # on the back figure the person's left is on the viewer's left
        beside = canvas.region_at(to_widget(canvas, "back", (left - 1.5, y)))
        assert beside is not None
        assert beside.startswith("left_")
        beside = canvas.region_at(to_widget(canvas, "back", (right + 1.5, y)))
        assert beside is not None
        assert beside.startswith("right_")


def test_the_boundary_between_left_and_right(canvas: BodyMapCanvas, shapes: BodyShapes):
    left, _, right, _ = shapes.bounds("front")
    middle = (left + right) / 2
    for name in ("upper_abdomen", "lower_abdomen", "jaw"):
        (_, y), _ = shapes.regions[f"left_{name}"].label_spot()
        # the front figure faces you: the person's right is on your left
        assert canvas.region_at(to_widget(canvas, "front", (middle - 1, y))) == f"right_{name}"
        assert canvas.region_at(to_widget(canvas, "front", (middle + 1, y))) == f"left_{name}"
        on_line = canvas.region_at(to_widget(canvas, "front", (middle, y)))
        assert on_line in (f"left_{name}", f"right_{name}")


def test_hit_testing_agrees_with_the_artwork_everywhere(canvas: BodyMapCanvas, shapes: BodyShapes):
    """Random points over both figures, near edges included: the widget hits what the art says."""
    rng = random.Random(7)
    checked = 0
    for view in ("front", "back"):
        x0, y0, x1, y1 = shapes.bounds(view)
        while checked < 1500 * (1 if view == "front" else 2):
            point = (rng.uniform(x0 - 2, x1 + 2), rng.uniform(y0 - 2, y1 + 2))
            near = [
                s
                for s in shapes.in_view(view)
                if s.bounds()[0] - 1 <= point[0] <= s.bounds()[2] + 1
                and s.bounds()[1] - 1 <= point[1] <= s.bounds()[3] + 1
            ]
            if any(distance_to_edge(s, point) < 0.2 for s in near):
                continue  # on an edge both answers are right; tested above
            checked += 1
            expected = truth(shapes, view, point)
            assert canvas.region_at(to_widget(canvas, view, point)) == expected, point


# -- layout ----------------------------------------------------------------------------------------


def test_narrow_shows_one_view_with_a_toggle(
    qtbot: QtBot, catalogue: RegionCatalogue, shapes: BodyShapes
):
    canvas = BodyMapCanvas(catalogue, shapes)
    qtbot.addWidget(canvas)
    canvas.resize(900, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    assert canvas.views() == ("front", "back")
    assert not canvas.toggle.isVisible()
    canvas.resize(380, 600)
    qtbot.waitUntil(lambda: canvas.views() == ("front",))
    assert canvas.toggle.isVisible()
    assert canvas.toggle.text() == "Show back"
    assert canvas.region_at(canvas.region_point("forehead")) == "forehead"
    assert canvas.region_rect("head_back").isEmpty()
    qtbot.mouseClick(canvas.toggle, Qt.MouseButton.LeftButton)
    assert canvas.views() == ("back",)
    assert canvas.region_at(canvas.region_point("head_back")) == "head_back"
    canvas.show_view("front")
    assert canvas.views() == ("front",)
    assert canvas.toggle.text() == "Show back"
    canvas.set_views("back")
    canvas.resize(900, 600)
    assert canvas.views() == ("back",)
    canvas.set_views("auto")
    assert canvas.views() == ("front", "back")


def test_both_views_fit_side_by_side_in_order(canvas: BodyMapCanvas) -> None:
    front = canvas.view_transform("front").mapRect(canvas.figures.bounds["front"])
    back = canvas.view_transform("back").mapRect(canvas.figures.bounds["back"])
    assert front.right() < back.left(), "front on the left, back on the right"
    for placed in (front, back):
        assert canvas.rect().toRectF().contains(placed)
    assert canvas.width() >= NARROW_WIDTH
    assert canvas.sizeHint().width() > canvas.minimumSizeHint().width()


def test_a_larger_font_lays_the_figures_out_again(canvas: BodyMapCanvas) -> None:
    before = canvas.view_transform("front")
    font = canvas.font()
    font.setPointSizeF(font.pointSizeF() * 2)

    canvas.setFont(font)  # a FontChange: the labels need more room

    assert canvas.view_transform("front") != before


def test_views_must_be_one_of_the_modes(canvas: BodyMapCanvas) -> None:
    with pytest.raises(ValueError, match="views are one of"):
        canvas.set_views("sideways")


# -- painting --------------------------------------------------------------------------------------


def test_highlighted_regions_are_drawn_apart_from_the_rest(canvas: BodyMapCanvas) -> None:
    spot = canvas.region_point("left_calf") + QPointF(0, 17)  # below where a number would go
    plain = drawn(canvas).pixelColor(spot.toPoint())

    canvas.highlight(["left_calf", "not_a_region"])

    assert canvas.highlighted() == {"left_calf"}
    assert drawn(canvas).pixelColor(spot.toPoint()) != plain
    canvas.highlight([])
    assert drawn(canvas).pixelColor(spot.toPoint()) == plain


def test_heat_is_drawn_and_cleared(canvas: BodyMapCanvas) -> None:
    spot = canvas.region_point("right_glute") + QPointF(0, 17)
    plain = drawn(canvas).pixelColor(spot.toPoint())

    canvas.set_heat({"right_glute": (9.0, "30 days"), "nowhere": (1.0, "x")})

    hot = drawn(canvas).pixelColor(spot.toPoint())
    assert hot != plain
    assert hot.lightness() < plain.lightness(), "much pain, a strong colour"
    canvas.set_heat({})
    assert drawn(canvas).pixelColor(spot.toPoint()) == plain


def test_the_scene_is_cached_until_something_changes(canvas: BodyMapCanvas) -> None:
    drawn(canvas)
    scene = canvas._scene
    drawn(canvas)
    assert canvas._scene is scene, "a repaint reuses the drawn scene"
    canvas.highlight(["sternum"])
    drawn(canvas)
    assert canvas._scene is not scene
