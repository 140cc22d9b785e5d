"""The body map's artwork as plain geometry: each region's shape and each figure's outline.

The artwork is assets/body_map.svg. `<g id="front">` and `<g id="back">` hold one `<path>` per
region, whose id is the region id; `<g id="outline">` holds `front_outline` and `back_outline`.
Everything else in the file (labels, styles) is decoration. Only what the art needs is read:
path data (see svg_path) and translate/scale/matrix transforms; the plane geometry is geometry's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from coach.core.body.geometry import (
    IDENTITY,
    Matrix,
    Point,
    bounds,
    compose,
    distance_to_edges,
    longest_run,
    transform_point,
    winding,
)
from coach.core.body.regions import RegionCatalogue, View
from coach.core.body.svg_path import NUMBER, Segment, Subpath, parse_path
from coach.core.routines.problems import FileProblems, Problem

VIEWS: tuple[View, ...] = ("front", "back")


@dataclass(frozen=True)
class Shape:
    """A region's shape on one view of the figure."""

    id: str
    view: View
    subpaths: tuple[Subpath, ...]

    @cached_property
    def _polygons(self) -> list[list[Point]]:
        return [s.flattened() for s in self.subpaths]

    @cached_property
    def _bounds(self) -> tuple[float, float, float, float]:
        return bounds(p for poly in self._polygons for p in poly)

    def polygons(self) -> list[list[Point]]:
        """The shape's subpaths as closed polylines."""
        return self._polygons

    def bounds(self) -> tuple[float, float, float, float]:
        """Left, top, right, bottom of the shape (of its polylines)."""
        return self._bounds

    def contains(self, point: Point) -> bool:
        """Whether `point` is inside, by the non-zero winding rule (SVG's default fill rule)."""
        x0, y0, x1, y1 = self._bounds
        if not (x0 <= point[0] <= x1 and y0 <= point[1] <= y1):
            return False
        return sum(winding(point, poly) for poly in self.polygons()) != 0

    def centroid(self) -> Point:
        """The centre of the shape's area."""
        total = cx = cy = 0.0
        for poly in self.polygons():
            for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
                k = x1 * y2 - x2 * y1
                total += k
                cx += (x1 + x2) * k
                cy += (y1 + y2) * k
        if abs(total) < 1e-12:
            x0, y0, x1, y1 = self.bounds()
            return ((x0 + x1) / 2, (y0 + y1) / 2)
        return (cx / (3 * total), cy / (3 * total))

    def label_spot(self) -> tuple[Point, float]:
        """A point well inside the shape, and how wide the shape is there (for a label).

        The middle of the longest horizontal run through the centroid, then the middle of the
        longest vertical run through that: inside even for curved or branching shapes.
        """
        cx, cy = self.centroid()
        x, width = longest_run(self.polygons(), cy, horizontal=True, fallback=cx)
        y, height = longest_run(self.polygons(), x, horizontal=False, fallback=cy)
        return (x, y), min(width, height)

    def area(self) -> float:
        """The shape's area in drawing units."""
        return abs(
            sum(
                x1 * y2 - x2 * y1
                for poly in self.polygons()
                for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True)
            )
            / 2
        )


@dataclass(frozen=True)
class BodyShapes:
    """Every region's shape and each view's outline, in the artwork's coordinates."""

    regions: dict[str, Shape]
    outlines: dict[View, tuple[Subpath, ...]]
    view_box: tuple[float, float, float, float]

    def in_view(self, view: View) -> list[Shape]:
        """The shapes drawn on `view`, in the artwork's order."""
        return [s for s in self.regions.values() if s.view == view]

    def bounds(self, view: View) -> tuple[float, float, float, float]:
        """Left, top, right, bottom of a view's figure (its outline)."""
        return bounds(p for sub in self.outlines[view] for p in sub.flattened())

    def outline_contains(self, view: View, point: Point) -> bool:
        """Whether `point` is inside the figure of `view`."""
        return sum(winding(point, sub.flattened()) for sub in self.outlines[view]) != 0


def load_body_shapes(path: Path, catalogue: RegionCatalogue | None = None) -> BodyShapes:
    """Read the artwork; with a catalogue, also check it has one shape per region and no other.

    Raises FileProblems listing everything wrong with the file.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FileProblems([Problem(path, f"cannot be read: {exc}")]) from exc
    shapes = parse_body_shapes(text, path)
    if catalogue is not None:
        problems = [Problem(path, message) for message in check_regions(shapes, catalogue)]
        if problems:
            raise FileProblems(problems)
    return shapes


def parse_body_shapes(text: str, path: Path = Path("body_map.svg")) -> BodyShapes:
    """Parse the artwork's SVG text (`path` is only named in problems)."""
    if "<!ENTITY" in text or "<!DOCTYPE" in text:
        raise FileProblems([Problem(path, "must not declare a DOCTYPE or entities")])
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise FileProblems([Problem(path, f"is not well-formed XML: {exc}")]) from exc
    problems: list[str] = []
    view_box = _view_box(root.get("viewBox"), problems)
    groups = {el.get("id"): (el, m) for el, m in _walk(root, IDENTITY, problems) if _tag(el) == "g"}
    regions: dict[str, Shape] = {}
    outlines: dict[View, tuple[Subpath, ...]] = {}
    for view in VIEWS:
        if view not in groups:
            problems.append(f'has no <g id="{view}"> holding the {view} regions')
            continue
        group, matrix = groups[view]
        for el, m in _walk(group, matrix, problems):
            if _tag(el) != "path":
                continue
            region_id = el.get("id")
            if not region_id:
                problems.append(f"has a shape without an id in the {view} view")
                continue
            if region_id in regions:
                problems.append(f"has two shapes for {region_id!r}")
                continue
            subpaths = _path(el, m, region_id, problems)
            if subpaths:
                regions[region_id] = Shape(region_id, view, subpaths)
    if "outline" not in groups:
        problems.append('has no <g id="outline"> with the figures\' outlines')
    else:
        group, matrix = groups["outline"]
        found = {el.get("id"): (el, m) for el, m in _walk(group, matrix, problems)}
        for view in VIEWS:
            if f"{view}_outline" not in found:
                problems.append(f'has no <path id="{view}_outline">')
                continue
            el, m = found[f"{view}_outline"]
            outlines[view] = _path(el, m, f"{view}_outline", problems)
    if problems:
        raise FileProblems([Problem(path, message) for message in problems])
    return BodyShapes(regions, outlines, view_box)


def check_regions(shapes: BodyShapes, catalogue: RegionCatalogue) -> list[str]:
    """What keeps the artwork from matching the catalogue: one shape per region, on its view."""
    problems = []
    for region_id, shape in shapes.regions.items():
        region = catalogue.regions.get(region_id)
        if region is None:
            problems.append(f"has a shape {region_id!r} that is not a region of the catalogue")
        elif region.view != shape.view:
            problems.append(f"draws {region_id!r} on the {shape.view} view, not the {region.view}")
    for region_id, region in catalogue.regions.items():
        if region_id not in shapes.regions:
            problems.append(f"has no shape for {region_id!r} ({region.name}, {region.view})")
    return problems


# -- SVG details -----------------------------------------------------------------------------------


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _walk(
    el: ET.Element, matrix: Matrix, problems: list[str]
) -> Iterator[tuple[ET.Element, Matrix]]:
    """Every element below `el`, each with the transform that applies to it."""
    for child in el:
        m = compose(matrix, _transform(child.get("transform", ""), problems))
        yield child, m
        yield from _walk(child, m, problems)


def _view_box(text: str | None, problems: list[str]) -> tuple[float, float, float, float]:
    numbers = [float(v) for v in re.findall(NUMBER, text or "")]
    if len(numbers) != 4 or numbers[2] <= 0 or numbers[3] <= 0:
        problems.append("needs a viewBox of four numbers on <svg>")
        return (0.0, 0.0, 1.0, 1.0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def _transform(text: str, problems: list[str]) -> Matrix:
    result = IDENTITY
    for name, args in re.findall(r"([a-zA-Z]+)\s*\(([^)]*)\)", text):
        v = [float(x) for x in re.findall(NUMBER, args)]
        if name == "translate" and len(v) in (1, 2):
            m: Matrix = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) == 2 else 0.0)
        elif name == "scale" and len(v) in (1, 2):
            m = (v[0], 0.0, 0.0, v[1] if len(v) == 2 else v[0], 0.0, 0.0)
        elif name == "matrix" and len(v) == 6:
            m = (v[0], v[1], v[2], v[3], v[4], v[5])
        else:
            problems.append(f"has a transform it cannot apply: {name}({args})")
            continue
        result = compose(result, m)
    return result


def _path(el: ET.Element, m: Matrix, name: str, problems: list[str]) -> tuple[Subpath, ...]:
    try:
        subpaths = parse_path(el.get("d", ""))
    except ValueError as exc:
        problems.append(f"has bad path data in {name!r}: {exc}")
        return ()
    if not subpaths:
        problems.append(f"has an empty shape {name!r}")
    if m != IDENTITY:
        subpaths = tuple(
            Subpath(
                transform_point(m, s.start),
                tuple(
                    Segment(tuple(transform_point(m, p) for p in seg.points)) for seg in s.segments
                ),
                s.closed,
            )
            for s in subpaths
        )
    return subpaths


def distance_to_edge(shape: Shape, point: Point) -> float:
    """How far `point` is from the shape's edge (for tests that allow a band around edges)."""
    return distance_to_edges(shape.polygons(), point)
