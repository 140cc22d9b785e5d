"""The body map's artwork as plain geometry: each region's shape and each figure's outline.

The artwork is assets/body_map.svg. `<g id="front">` and `<g id="back">` hold one `<path>` per
region, whose id is the region id; `<g id="outline">` holds `front_outline` and `back_outline`.
Everything else in the file (labels, styles) is decoration. Only what the art needs is read:
path data with M L H V C S Q T Z (absolute and relative) and translate/scale/matrix transforms.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from coach.core.body.regions import RegionCatalogue, View
from coach.core.routines.problems import FileProblems, Problem

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in SVG
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
VIEWS: tuple[View, ...] = ("front", "back")
FLAT_STEPS = 12  # straight pieces per curve when testing containment


@dataclass(frozen=True)
class Segment:
    """One piece of a subpath from the point before it: a line (its end point), a quadratic
    curve (control point, end) or a cubic curve (two control points, end)."""

    points: tuple[Point, ...]

    @property
    def end(self) -> Point:
        """Where the segment ends."""
        return self.points[-1]


@dataclass(frozen=True)
class Subpath:
    """A run of connected segments from `start`, closed back to it when `closed`."""

    start: Point
    segments: tuple[Segment, ...]
    closed: bool = True

    def flattened(self, steps: int = FLAT_STEPS) -> list[Point]:
        """The subpath as a polyline: curves cut into `steps` straight pieces each."""
        out = [self.start]
        here = self.start
        weights = _weights(steps)
        for seg in self.segments:
            pts = seg.points if len(seg.points) != 2 else _cubic_of_quad(here, *seg.points)
            if len(pts) == 1:
                out.append(pts[0])
            else:
                (x0, y0), (x1, y1), (x2, y2), (x3, y3) = here, *pts
                out.extend(
                    (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)
                    for a, b, c, d in weights
                )
            here = seg.end
        return out


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
        return _bounds(p for poly in self._polygons for p in poly)

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
        return sum(_winding(point, poly) for poly in self.polygons()) != 0

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
        x, width = _longest_run(self.polygons(), cy, horizontal=True, fallback=cx)
        y, height = _longest_run(self.polygons(), x, horizontal=False, fallback=cy)
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
        return _bounds(p for sub in self.outlines[view] for p in sub.flattened())

    def outline_contains(self, view: View, point: Point) -> bool:
        """Whether `point` is inside the figure of `view`."""
        return sum(_winding(point, sub.flattened()) for sub in self.outlines[view]) != 0


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
        m = _compose(matrix, _transform(child.get("transform", ""), problems))
        yield child, m
        yield from _walk(child, m, problems)


def _view_box(text: str | None, problems: list[str]) -> tuple[float, float, float, float]:
    numbers = [float(v) for v in re.findall(_NUMBER, text or "")]
    if len(numbers) != 4 or numbers[2] <= 0 or numbers[3] <= 0:
        problems.append("needs a viewBox of four numbers on <svg>")
        return (0.0, 0.0, 1.0, 1.0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def _transform(text: str, problems: list[str]) -> Matrix:
    result = IDENTITY
    for name, args in re.findall(r"([a-zA-Z]+)\s*\(([^)]*)\)", text):
        v = [float(x) for x in re.findall(_NUMBER, args)]
        if name == "translate" and len(v) in (1, 2):
            m: Matrix = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) == 2 else 0.0)
        elif name == "scale" and len(v) in (1, 2):
            m = (v[0], 0.0, 0.0, v[1] if len(v) == 2 else v[0], 0.0, 0.0)
        elif name == "matrix" and len(v) == 6:
            m = (v[0], v[1], v[2], v[3], v[4], v[5])
        else:
            problems.append(f"has a transform it cannot apply: {name}({args})")
            continue
        result = _compose(result, m)
    return result


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _apply(m: Matrix, p: Point) -> Point:
    return (m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5])


_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TOKEN = re.compile(rf"([A-Za-z])|({_NUMBER})")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}


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
                _apply(m, s.start),
                tuple(Segment(tuple(_apply(m, p) for p in seg.points)) for seg in s.segments),
                s.closed,
            )
            for s in subpaths
        )
    return subpaths


def parse_path(d: str) -> tuple[Subpath, ...]:
    """SVG path data as subpaths of absolute points; raises ValueError on what it cannot read."""
    tokens: list[str | float] = []
    pos = 0
    for match in _TOKEN.finditer(d):
        if d[pos : match.start()].strip(" \t\r\n,"):
            raise ValueError(f"unexpected {d[pos : match.start()].strip()!r}")
        pos = match.end()
        tokens.append(match.group(1) or float(match.group(2)))
    if d[pos:].strip(" \t\r\n,"):
        raise ValueError(f"unexpected {d[pos:].strip()!r}")
    out: list[Subpath] = []
    segments: list[Segment] = []
    start = here = (0.0, 0.0)
    last_control: Point | None = None  # for S and T
    last_kind = ""
    command = ""
    i = 0

    def finish(closed: bool) -> None:
        nonlocal segments
        if segments:
            out.append(Subpath(start, tuple(segments), closed))
        segments = []

    while i < len(tokens):
        token = tokens[i]
        if isinstance(token, str):
            command = token
            i += 1
            if command.upper() not in _ARITY:
                raise ValueError(f"the command {command!r} is not supported")
            if command.upper() == "Z":
                finish(True)
                here, last_kind = start, "Z"
                continue
        elif not command or command.upper() == "Z":
            raise ValueError("a number without a command")
        arity = _ARITY[command.upper()]
        args = tokens[i : i + arity]
        if len(args) < arity or not all(isinstance(a, float) for a in args):
            raise ValueError(f"{command} needs {arity} numbers")
        i += arity
        v = [float(a) for a in args]
        rel = command.islower()
        ox, oy = here if rel else (0.0, 0.0)
        pts = [(v[k] + ox, v[k + 1] + oy) for k in range(0, len(v) - 1, 2)]
        kind = command.upper()
        if kind == "M":
            finish(False)
            start = here = pts[0]
            command = "l" if rel else "L"  # further pairs are lines
            last_kind = "M"
            continue
        if kind == "H":
            pts = [(v[0] + ox, here[1])]
        elif kind == "V":
            pts = [(here[0], v[0] + (here[1] if rel else 0.0))]
        elif kind in ("S", "T"):
            smooth_after = ("C", "S") if kind == "S" else ("Q", "T")
            mirrored = here
            if last_kind in smooth_after and last_control is not None:
                mirrored = (2 * here[0] - last_control[0], 2 * here[1] - last_control[1])
            pts = [mirrored, *pts]
        if last_kind == "Z" and not segments:
            start = here
        segments.append(Segment(tuple(pts)))
        last_control = pts[-2] if len(pts) > 1 else None
        last_kind, here = kind, pts[-1]
    finish(False)
    return tuple(out)


@cache
def _weights(steps: int) -> tuple[tuple[float, float, float, float], ...]:
    """The cubic Bernstein weights at t = 1/steps ... 1."""
    out = []
    for k in range(1, steps + 1):
        t = k / steps
        s = 1 - t
        out.append((s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t))
    return tuple(out)


def _cubic_of_quad(p0: Point, c: Point, p1: Point) -> tuple[Point, Point, Point]:
    """The same curve as a quadratic, written as a cubic."""
    return (
        (p0[0] + 2 / 3 * (c[0] - p0[0]), p0[1] + 2 / 3 * (c[1] - p0[1])),
        (p1[0] + 2 / 3 * (c[0] - p1[0]), p1[1] + 2 / 3 * (c[1] - p1[1])),
        p1,
    )


def _winding(point: Point, poly: list[Point]) -> int:
    x, y = point
    wn = 0
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
        side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1)
        if y1 <= y < y2 and side > 0:
            wn += 1
        elif y2 <= y < y1 and side < 0:
            wn -= 1
    return wn


def _longest_run(
    polygons: list[list[Point]], at: float, horizontal: bool, fallback: float
) -> tuple[float, float]:
    """The middle and length of the longest inside stretch of the line y = at (or x = at)."""
    cuts = []
    for poly in polygons:
        for p, q in zip(poly, poly[1:] + poly[:1], strict=True):
            (a0, b0), (a1, b1) = (p, q) if horizontal else ((p[1], p[0]), (q[1], q[0]))
            if (b0 > at) != (b1 > at):
                cuts.append(a0 + (at - b0) * (a1 - a0) / (b1 - b0))
    cuts.sort()
    runs = [(cuts[i + 1] - cuts[i], cuts[i]) for i in range(0, len(cuts) - 1, 2)]
    if not runs:
        return fallback, 0.0
    length, begin = max(runs)
    return begin + length / 2, length


def _bounds(points: Iterator[Point]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))


def distance_to_edge(shape: Shape, point: Point) -> float:
    """How far `point` is from the shape's edge (for tests that allow a band around edges)."""
    best = math.inf
    px, py = point
    for poly in shape.polygons():
        for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
            dx, dy = x2 - x1, y2 - y1
            length = dx * dx + dy * dy
            t = (
                0.0
                if length == 0
                else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length))
            )
            best = min(best, math.hypot(px - (x1 + t * dx), py - (y1 + t * dy)))
    return best
