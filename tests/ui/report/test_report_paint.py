"""The report's drawing pieces on a 72-dpi image (one point, one pixel): sizes in points, the
pain chart, the body heat figures, their keys, all in greys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from coach.core.analytics.report import build_report
from coach.core.body.body_shapes import BodyShapes
from coach.core.body.heat import HeatCell
from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry
from coach.ui.body_map.body_figures import BodyFigures
from coach.ui.report.report_paint import (
    Paper,
    chart_legend,
    draw_body_heat,
    draw_pain_chart,
    heat_grey,
    heat_key,
)

START = dt.date(2026, 3, 2)


def sheet(width: int = 400, height: int = 300, dpi: float = 72) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(Qt.GlobalColor.white)
    return image


@pytest.fixture
def draw(qapp) -> Callable[..., QImage]:
    """Draw on a fresh sheet with a Paper: `draw(lambda paper: ..., width, height)`."""

    def on_sheet(what: Callable[[Paper], object], width: int = 400, height: int = 300) -> QImage:
        image = sheet(width, height)
        painter = QPainter(image)
        what(Paper(painter))
        painter.end()
        return image

    return on_sheet


def inked(image: QImage, rect: QRectF | None = None, step: int = 1) -> set[tuple[int, int, int]]:
    """The colours other than white in `rect` (all of the image by default), every `step` px."""
    area = (rect or QRectF(image.rect())).toRect()
    found = set()
    for y in range(max(0, area.top()), min(image.height(), area.bottom() + 1), step):
        for x in range(max(0, area.left()), min(image.width(), area.right() + 1), step):
            c = image.pixelColor(x, y)
            if (c.red(), c.green(), c.blue()) != (255, 255, 255):
                found.add((c.red(), c.green(), c.blue()))
    return found


def test_text_is_sized_in_points_whatever_the_device(qapp) -> None:
    heights = []
    for dpi in (72, 144):
        image = sheet(800, 200, dpi)
        painter = QPainter(image)
        paper = Paper(painter)
        heights.append(paper.height_of(300, "Pain that day", 10))
        painter.end()
    assert heights[0] == pytest.approx(heights[1], rel=0.1), "the same on paper at any dpi"
    assert 10 <= heights[0] <= 16, "a 10-point line"


def test_text_wraps_at_words_and_says_how_tall_it_is(draw) -> None:
    said: list[float] = []
    long = "Worse since the new desk job, better on the days with a walk. " * 3
    image = draw(lambda paper: said.append(paper.text(QRectF(10, 10, 120, 200), long, 9)))
    [height] = said
    assert height > 4 * 9, "several lines at this width"
    assert inked(image, QRectF(10, 10, 120, height)), "drawn where it says"
    assert not inked(image, QRectF(10, 10 + height + 2, 120, 100)), "and nothing below"


def test_a_table_is_as_tall_as_its_rows_and_cuts_long_cells(draw) -> None:
    said: list[float] = []
    rows = [["Week of 2 March", "4.5"], ["Week of 9 March, a very long label indeed", "3.0"]]
    image = draw(
        lambda paper: said.append(
            paper.table(10, 10, [80, 40], ["Period", "Pain"], rows, size=8, right=frozenset({1}))
        )
    )
    line = 8 * 1.55
    assert said == [pytest.approx(line * 3)]
    last_row = QRectF(87, 10 + 2 * line + 1, 3, line - 2)  # the gap before the second column
    assert not [c for c in inked(image, last_row) if c[0] < 150], "the long cell is cut short"
    assert [c for c in inked(image, QRectF(12, 10 + 2 * line, 60, line)) if c[0] < 150]


def test_the_pain_chart_draws_in_greys_only(draw) -> None:
    days = [DayEntry(START + dt.timedelta(days=i), pain=3 + i % 4, worst_pain=7) for i in range(30)]
    report = build_report(days, [], START, START + dt.timedelta(days=29), START)

    image = draw(lambda paper: draw_pain_chart(paper, QRectF(0, 0, 380, 160), report))

    colours = inked(image, step=2)
    assert len(colours) > 3, "grid, dots, the average and worst pain"
    assert all(r == g == b for r, g, b in colours), "prints the same in greyscale"
    assert not inked(image, QRectF(0, 170, 400, 130), step=2), "it keeps to its rectangle"


def test_the_chart_s_key_names_its_three_series(draw) -> None:
    image = draw(lambda paper: chart_legend(paper, 10, 10), 300, 40)
    assert inked(image, QRectF(10, 10, 8, 10)), "the dot"
    assert inked(image, QRectF(82, 10, 14, 10)), "the average's line"
    assert inked(image, QRectF(166, 10, 5, 10)), "the worst pain's dash"


def test_heat_is_white_at_0_and_darker_with_more(qapp) -> None:
    greys = [heat_grey(score).red() for score in range(11)]
    assert greys[0] == 255
    assert greys == sorted(greys, reverse=True)
    assert greys[10] < 60
    assert heat_grey(14) == heat_grey(10), "kept within 0-10"


def test_an_area_with_heat_is_shaded_on_its_figure(
    draw, catalogue: RegionCatalogue, shapes: BodyShapes
) -> None:
    figures = BodyFigures(catalogue, shapes)
    cold = draw(lambda paper: draw_body_heat(paper, QRectF(0, 0, 400, 300), figures, {}))
    hot = draw(
        lambda paper: draw_body_heat(
            paper, QRectF(0, 0, 400, 300), figures, {"left_lower_back": HeatCell(9, 10, 8.0, 9)}
        )
    )

    darker = sum(
        1
        for y in range(0, 300, 3)
        for x in range(0, 400, 3)
        if QColor(hot.pixel(x, y)).red() < QColor(cold.pixel(x, y)).red() - 40
    )
    assert darker > 20, "the area is shaded"
    assert all(r == g == b for r, g, b in inked(hot, step=3))


def test_the_heat_key_shows_the_shades_and_says_what_they_mean(draw) -> None:
    said: list[float] = []
    image = draw(lambda paper: said.append(heat_key(paper, 10, 10, 200)), 260, 120)
    [height] = said
    assert 20 < height < 100
    first_box = image.pixelColor(QPointF(15, 13).toPoint())
    last_box = image.pixelColor(QPointF(10 + 5 * 16 + 5, 13).toPoint())
    assert first_box.red() > last_box.red(), "from pale to dark"


def test_text_width_is_measured_in_points_whatever_the_device(qapp) -> None:
    widths = []
    for dpi in (72, 144):
        image = sheet(800, 200, dpi)
        painter = QPainter(image)
        paper = Paper(painter)
        widths.append((paper.width_of("pain that day", 7.5), paper.width_of("pain", 7.5)))
        painter.end()
    (whole72, part72), (whole144, part144) = widths
    assert 0 < part72 < whole72
    assert whole144 == pytest.approx(whole72, rel=0.15)


def test_the_legend_keeps_its_labels_apart(draw) -> None:
    """Every label of the chart's key is followed by a gap before the next sample: the key is laid
    out by measuring its words, so longer (translated) words push the next sample along."""
    image = draw(lambda paper: chart_legend(paper, 10, 10), 400, 30)
    inked = [
        any(image.pixelColor(x, y).lightness() < 230 for y in range(8, 24)) for x in range(400)
    ]
    runs, start = [], None
    for x, ink in enumerate([*inked, False]):
        if ink and start is None:
            start = x
        elif not ink and start is not None:
            runs.append((start, x))
            start = None
    gaps = [b[0] - a[1] for a, b in zip(runs, runs[1:], strict=False)]
    assert max(gaps) >= 4, "samples and labels run into each other"
    assert runs[-1][1] < 300
