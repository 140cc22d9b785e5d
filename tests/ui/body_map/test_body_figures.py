"""The figures as Qt paths: the region at a point, the keyboard's neighbours, the placing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.regions import RegionCatalogue
from coach.ui.body_map.body_figures import BodyFigures

LEFT, RIGHT, UP, DOWN = (-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)


@pytest.fixture(scope="module")
def figures(catalogue: RegionCatalogue, shapes: BodyShapes) -> BodyFigures:
    return BodyFigures(catalogue, shapes)


def test_every_drawn_region_is_found_at_its_label_spot(figures: BodyFigures) -> None:
    assert figures.by_view["front"]
    assert figures.by_view["back"]
    for region in figures.order:
        (x, y), _width = figures.spots[region]
        assert figures.region_in(figures.view_of[region], QPointF(x, y)) == region


def test_outside_the_figure_there_is_no_region(figures: BodyFigures) -> None:
    bounds = figures.bounds["front"]
    assert figures.region_in("front", bounds.topLeft() - QPointF(5, 5)) is None


def test_the_figures_fit_side_by_side_in_the_widget_with_room_for_the_legend(
    qapp, figures: BodyFigures
) -> None:
    font = QFont()
    font.setPixelSize(14)
    placed = figures.place(("front", "back"), 800, 600, font, legend=True)

    front = placed["front"].mapRect(figures.bounds["front"])
    back = placed["back"].mapRect(figures.bounds["back"])
    widget = QRectF(0, 0, 800, 600)
    assert widget.contains(front)
    assert widget.contains(back)
    assert front.right() < back.left(), "front on the left, back on the right, apart"
    assert back.bottom() < 600 - 2 * 14, "the legend keeps its room below"

    one = figures.place(("back",), 400, 600, font, legend=False)
    assert one["front"] == one["back"], "a hidden view sits where the shown one is"


def test_arrows_go_to_the_region_that_way_on_screen(figures: BodyFigures) -> None:
    assert figures.neighbour(None, RIGHT) == figures.order[0], "the first region to start"
    start = "sternum"
    x, y = figures.nav[start]
    for direction in (LEFT, RIGHT, UP, DOWN):
        nx, ny = figures.nav[figures.neighbour(start, direction)]
        along = (nx - x) * direction[0] + (ny - y) * direction[1]
        assert along > 0, f"{direction} moves that way"
    # from the front figure's right-most region, further right is the back figure
    rightmost_front = max(figures.by_view["front"], key=lambda r: figures.nav[r][0])
    assert figures.view_of[figures.neighbour(rightmost_front, RIGHT)] == "back"
