"""Plane geometry for the body map's artwork: points, affine transforms, curves cut into straight
pieces, and polygons (containment, bounds, the longest stretch inside, distance to an edge)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in SVG
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The transform that applies `inner`, then `outer`."""
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


def transform_point(m: Matrix, p: Point) -> Point:
    """`p` moved by the transform `m`."""
    return (m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5])


@cache
def bezier_weights(steps: int) -> tuple[tuple[float, float, float, float], ...]:
    """The cubic Bernstein weights at t = 1/steps ... 1."""
    out = []
    for k in range(1, steps + 1):
        t = k / steps
        s = 1 - t
        out.append((s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t))
    return tuple(out)


def cubic_of_quad(p0: Point, c: Point, p1: Point) -> tuple[Point, Point, Point]:
    """The quadratic curve from `p0` through control `c` to `p1`, written as a cubic's last
    three points (two controls and the end)."""
    return (
        (p0[0] + 2 / 3 * (c[0] - p0[0]), p0[1] + 2 / 3 * (c[1] - p0[1])),
        (p1[0] + 2 / 3 * (c[0] - p1[0]), p1[1] + 2 / 3 * (c[1] - p1[1])),
        p1,
    )


def winding(point: Point, poly: list[Point]) -> int:
    """How many times the closed polygon `poly` winds around `point` (0: outside)."""
    x, y = point
    wn = 0
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
        side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1)
        if y1 <= y < y2 and side > 0:
            wn += 1
        elif y2 <= y < y1 and side < 0:
            wn -= 1
    return wn


def inside_runs(
    polygons: list[list[Point]], at: float, horizontal: bool
) -> list[tuple[float, float]]:
    """The stretches of the line y = at (x = at when not `horizontal`) inside the polygons, as
    (begin, end), in order."""
    cuts = []
    for poly in polygons:
        for p, q in zip(poly, poly[1:] + poly[:1], strict=True):
            (a0, b0), (a1, b1) = (p, q) if horizontal else ((p[1], p[0]), (q[1], q[0]))
            if (b0 > at) != (b1 > at):
                cuts.append(a0 + (at - b0) * (a1 - a0) / (b1 - b0))
    cuts.sort()
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]


def longest_run(
    polygons: list[list[Point]], at: float, horizontal: bool, fallback: float
) -> tuple[float, float]:
    """The middle and length of the longest inside stretch of the line y = at (or x = at);
    (`fallback`, 0) when the line misses the polygons."""
    runs = [(end - begin, begin) for begin, end in inside_runs(polygons, at, horizontal)]
    if not runs:
        return fallback, 0.0
    length, begin = max(runs)
    return begin + length / 2, length


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of `points` (all zero when there are none)."""
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))


def distance_to_edges(polygons: list[list[Point]], point: Point) -> float:
    """How far `point` is from the nearest edge of the closed polygons."""
    best = math.inf
    px, py = point
    for poly in polygons:
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
