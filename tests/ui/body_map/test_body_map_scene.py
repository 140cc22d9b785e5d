"""The body map's scene: marks and heat in their colours, numbers on the marks, titles, legend."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue, View
from coach.ui.body_map.body_figures import BodyFigures
from coach.ui.body_map.body_map_scene import BodyMapScene, region_fill
from coach.ui.body_map.intensity_scale import intensity_colour

VIEWS: tuple[View, ...] = ("front", "back")


@pytest.fixture(scope="module")
def figures(catalogue: RegionCatalogue, shapes: BodyShapes) -> BodyFigures:
    return BodyFigures(catalogue, shapes)


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(700, 520)
    return widget


def render(figures: BodyFigures, owner: QWidget, **what) -> tuple[QImage, dict]:
    transforms = figures.place(VIEWS, owner.width(), owner.height(), owner.font(), legend=True)
    scene = BodyMapScene(figures).render(
        owner,
        1.0,
        VIEWS,
        transforms,
        marks=what.get("marks", {}),
        heat=what.get("heat", {}),
        highlight=what.get("highlight", set()),
        legend=what.get("legend", False),
    )
    return scene.toImage(), transforms


def colour_near(figures: BodyFigures, image: QImage, transforms, region: str) -> QColor:
    """The colour most of a region is painted in (its edges and number badge aside)."""
    view, box = figures.view_of[region], figures.boxes[region]
    seen: Counter[int] = Counter()
    for i in range(1, 12):
        for j in range(1, 12):
            point = QPointF(box.left() + box.width() * i / 12, box.top() + box.height() * j / 12)
            if figures.region_in(view, point) == region:
                spot = transforms[view].map(point)
                seen[image.pixel(round(spot.x()), round(spot.y()))] += 1
    assert seen, f"no point of {region} found"
    return QColor(seen.most_common(1)[0][0])


def close(one: QColor, two: QColor) -> bool:
    return (
        max(
            abs(one.red() - two.red()), abs(one.green() - two.green()), abs(one.blue() - two.blue())
        )
        <= 6
    )


def test_a_marked_region_is_filled_with_its_intensity_colour(figures, owner) -> None:
    image, transforms = render(figures, owner, marks={"left_lower_back": 8})
    assert close(colour_near(figures, image, transforms, "left_lower_back"), intensity_colour(8))
    plain = colour_near(figures, image, transforms, "right_lower_back")
    assert not close(plain, intensity_colour(8)), "its neighbour stays plain"


def test_heat_colours_a_region_unless_it_is_marked(figures, owner) -> None:
    heat = {"left_calf": (9.0, "often"), "right_calf": (9.0, "often")}
    image, transforms = render(figures, owner, marks={"right_calf": 1}, heat=heat)
    assert close(colour_near(figures, image, transforms, "left_calf"), intensity_colour(9.0))
    assert close(colour_near(figures, image, transforms, "right_calf"), intensity_colour(1))
    assert region_fill("sternum", {}, heat) is None, "a plain region has no colour of its own"


def test_the_legend_and_titles_are_drawn_only_where_asked(figures, owner) -> None:
    without, _ = render(figures, owner)
    with_legend, _ = render(figures, owner, legend=True)
    bottom = range(owner.height() - 30, owner.height())
    changed = sum(
        1
        for y in bottom
        for x in range(0, owner.width(), 4)
        if without.pixel(x, y) != with_legend.pixel(x, y)
    )
    assert changed > 20, "the scale and its note along the bottom"
    top = [without.pixelColor(x, y).alpha() for y in range(0, 18) for x in range(owner.width())]
    assert max(top) > 0, "the figures' titles are written above them"
