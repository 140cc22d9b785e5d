"""The body map's artwork: one shape per catalogue region, tiling each figure, read exactly."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from coach.core.body.body_shapes import (
    BodyShapes,
    Shape,
    check_regions,
    distance_to_edge,
    load_body_shapes,
    parse_body_shapes,
    parse_path,
)
from coach.core.body.geometry import inside_runs
from coach.core.body.regions import RegionCatalogue
from coach.core.routines.problems import FileProblems

ART = Path(__file__).resolve().parents[3] / "assets" / "body_map.svg"
TOLERANCE = 1.0  # drawing units around shared edges where a scan may disagree


@pytest.fixture(scope="module")
def shapes(catalogue: RegionCatalogue) -> BodyShapes:
    return load_body_shapes(ART, catalogue)


def test_every_catalogue_region_has_exactly_one_shape_and_every_shape_is_a_region(
    shapes: BodyShapes, catalogue: RegionCatalogue
):
    assert check_regions(shapes, catalogue) == []
    assert set(shapes.regions) == set(catalogue.regions)
    for region_id, region in catalogue.regions.items():
        assert shapes.regions[region_id].view == region.view, region_id
    ids = [el.get("id") for el in ET.parse(ART).iter() if el.get("id")]
    repeated = {i for i in ids if ids.count(i) > 1}
    assert not repeated, f"ids used more than once in the SVG: {repeated}"


@pytest.mark.parametrize("view", ["front", "back"])
@pytest.mark.parametrize("horizontal", [True, False], ids=["rows", "columns"])
def test_regions_tile_the_figure_without_gaps_or_overlaps(
    shapes: BodyShapes, view, horizontal: bool
):
    """Scan lines across the figure: the regions' stretches cover the outline's exactly once."""
    left, top, right, bottom = shapes.bounds(view)
    start, end = (top, bottom) if horizontal else (left, right)
    outline = [sub.flattened() for sub in shapes.outlines[view]]
    regions = shapes.in_view(view)
    lines = 0
    at = start + 0.37
    while at < end:
        lines += 1
        inside = inside_runs(outline, at, horizontal)
        pieces = sorted(
            (a, b, shape.id)
            for shape in regions
            if _spans(shape, at, horizontal)
            for a, b in inside_runs(shape.polygons(), at, horizontal)
        )
        for (_a0, b0, r0), (a1, _, r1) in zip(pieces, pieces[1:], strict=False):
            assert a1 >= b0 - TOLERANCE, f"{r0} and {r1} overlap on line {at:.2f}"
            gap_is_inside = any(a <= b0 and a1 <= b for a, b in inside)
            assert a1 - b0 <= TOLERANCE or not gap_is_inside, (
                f"gap between {r0} and {r1} on line {at:.2f}"
            )
        for a, b in inside:
            covering = [(pa, pb) for pa, pb, _ in pieces if pb > a and pa < b]
            assert covering, f"nothing covers {a:.1f}..{b:.1f} on line {at:.2f}"
            ends = abs(covering[0][0] - a), abs(covering[-1][1] - b)
            assert max(ends) <= TOLERANCE, f"a gap at the figure's edge on line {at:.2f}"
        for pa, pb, r in pieces:
            assert any(a - TOLERANCE <= pa and pb <= b + TOLERANCE for a, b in inside), (
                f"{r} reaches outside the figure on line {at:.2f}"
            )
        at += 1.5
    assert lines > 150


def _spans(shape: Shape, at: float, horizontal: bool) -> bool:
    x0, y0, x1, y1 = shape.bounds()
    return (y0 <= at <= y1) if horizontal else (x0 <= at <= x1)


def test_left_and_right_are_the_persons_own(shapes: BodyShapes, catalogue: RegionCatalogue):
    """Front: the person's left is on the viewer's right. Back: on the viewer's left."""
    for view in ("front", "back"):
        left, _, right, _ = shapes.bounds(view)
        middle = (left + right) / 2
        for shape in shapes.in_view(view):
            side = catalogue.regions[shape.id].side
            x = shape.centroid()[0]
            if side == "midline":
                assert abs(x - middle) < 0.5, shape.id
            elif (side == "left") == (view == "front"):
                assert x > middle, shape.id
            else:
                assert x < middle, shape.id


def test_mirror_pairs_are_mirror_images(shapes: BodyShapes):
    for region_id, shape in shapes.regions.items():
        if not region_id.startswith("left_"):
            continue
        twin = shapes.regions["right_" + region_id.removeprefix("left_")]
        left, _, right, _ = shapes.bounds(shape.view)
        (x, y), (tx, ty) = shape.centroid(), twin.centroid()
        assert x + tx == pytest.approx(left + right, abs=0.05), region_id
        assert y == pytest.approx(ty, abs=0.05), region_id
        assert shape.area() == pytest.approx(twin.area(), rel=1e-3), region_id


def test_every_region_has_a_point_well_inside_and_thin_ones_are_still_clickable(
    shapes: BodyShapes,
):
    for shape in shapes.regions.values():
        point, width = shape.label_spot()
        assert shape.contains(point), shape.id
        assert width >= 8.0, f"{shape.id} is only {width:.1f} units wide at its label"
    for thin in ("neck_front", "sternum", "cervical_spine", "thoracic_spine", "lumbar_spine"):
        assert shapes.regions[thin].label_spot()[1] >= 8.0


def test_curves_are_flattened_finely_enough_to_tell_inside_from_outside():
    arch = Shape("x", "front", parse_path("M0 0 Q10 10 20 0 Z"))  # its top is at (10, 5)
    assert arch.contains((10, 4.8))
    assert not arch.contains((10, 5.2))
    bump = Shape("x", "front", parse_path("M0 0 C0 10 20 10 20 0 Z"))  # its top is at (10, 7.5)
    assert bump.contains((10, 7.3))
    assert not bump.contains((10, 7.7))
    assert not bump.contains((25, 1)), "outside the bounds: no winding needed"


def test_distance_to_edge_is_zero_on_the_edge_and_grows_away_from_it():
    square = Shape("x", "front", parse_path("M0 0 H10 V10 H0 Z"))
    assert distance_to_edge(square, (5, 0)) == 0
    assert distance_to_edge(square, (5, 3)) == 3
    assert distance_to_edge(square, (13, 14)) == 5  # from the corner (10, 10)


def svg(body: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{body}</svg>'


SQUARE = "M0 0 H10 V10 H0 Z"
OUTLINES = (
    f'<g id="outline"><path id="front_outline" d="{SQUARE}"/>'
    f'<path id="back_outline" d="{SQUARE}"/></g>'
)


def test_transforms_on_groups_and_paths_are_applied():
    shapes = parse_body_shapes(
        svg(
            '<g id="front" transform="translate(100 0)">'
            f'<path id="forehead" transform="scale(2)" d="{SQUARE}"/></g>'
            f'<g id="back" transform="matrix(1 0 0 1 0 50)"><path id="head_back" d="{SQUARE}"/></g>'
            + OUTLINES
        )
    )
    assert shapes.regions["forehead"].bounds() == (100, 0, 120, 20)
    assert shapes.regions["head_back"].bounds() == (0, 50, 10, 60)
    assert shapes.regions["forehead"].contains((110, 10))
    assert not shapes.regions["forehead"].contains((99, 10))


def test_mismatches_with_the_catalogue_are_all_listed(catalogue: RegionCatalogue):
    shapes = parse_body_shapes(
        svg(
            f'<g id="front"><path id="forehead" d="{SQUARE}"/><path id="elbow" d="{SQUARE}"/>'
            f'<path id="head_back" d="{SQUARE}"/></g><g id="back"/>' + OUTLINES
        )
    )
    problems = "\n".join(check_regions(shapes, catalogue))
    assert "'elbow' that is not a region" in problems
    assert "draws 'head_back' on the front view, not the back" in problems
    assert "no shape for 'left_calf'" in problems
    assert "no shape for 'forehead'" not in problems


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (OUTLINES, '<g id="front">'),
        (f'<g id="front"/><g id="back"/><g id="outline"><path id="front_outline" d="{SQUARE}"/></g>', "back_outline"),
        (f'<g id="front"><path d="{SQUARE}"/></g><g id="back"/>' + OUTLINES, "without an id"),
        (f'<g id="front"><path id="a" d="{SQUARE}"/><path id="a" d="{SQUARE}"/></g><g id="back"/>' + OUTLINES, "two shapes"),
        ('<g id="front"><path id="a" d="M0 0 A1 1 0 0 1 2 2"/></g><g id="back"/>' + OUTLINES, "bad path data in 'a'"),
        ('<g id="front" transform="rotate(4)"/><g id="back"/>' + OUTLINES, "cannot apply: rotate"),
    ],
)  # fmt: skip
def test_broken_artwork_is_refused_with_what_is_wrong(body: str, message: str):
    with pytest.raises(FileProblems, match=message):
        parse_body_shapes(svg(body))


def test_entities_and_bad_xml_are_refused(tmp_path: Path, catalogue: RegionCatalogue):
    with pytest.raises(FileProblems, match="DOCTYPE"):
        parse_body_shapes('<!DOCTYPE svg [<!ENTITY a "b">]><svg/>')
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg><g></svg>", encoding="utf-8")
    with pytest.raises(FileProblems, match="well-formed"):
        load_body_shapes(broken, catalogue)
    missing = tmp_path / "small.svg"
    missing.write_text(svg('<g id="front"/><g id="back"/>' + OUTLINES), encoding="utf-8")
    with pytest.raises(FileProblems, match="no shape for"):
        load_body_shapes(missing, catalogue)
