"""SVG path data: every command the artwork uses, absolute and relative, and curves flattened."""

from __future__ import annotations

import pytest

from coach.core.body.svg_path import FLAT_STEPS, Segment, Subpath, parse_path


def test_path_data_absolute_relative_and_shorthand():
    (sub,) = parse_path("M10 10 L20 10 h5 v5 H10 V12 z")
    assert sub.closed
    assert [s.end for s in sub.segments] == [(20, 10), (25, 10), (25, 15), (10, 15), (10, 12)]
    (curvy,) = parse_path("m0,0 c1,1 2,1 3,0 s2,-1 3,0 Q 8 2 9 0 t2 0 l-1-1Z")
    ends = [s.end for s in curvy.segments]
    assert ends == [(3, 0), (6, 0), (9, 0), (11, 0), (10, -1)]
    assert curvy.segments[1].points[0] == (4, -1)  # S mirrors the last control point
    assert curvy.segments[3].points[0] == (10, -2)  # T mirrors the last quadratic control
    two = parse_path("M0 0 10 0 10 10Z M20 20 l5 0 0 5z")
    assert len(two) == 2
    assert two[1].segments[0].end == (25, 20)
    assert two[0].segments[0].end == (10, 0)  # pairs after M are lines
    assert [round(p, 3) for p in parse_path("M1e1-2.5.5.5Z")[0].start] == [10, -2.5]


@pytest.mark.parametrize(
    ("data", "message"),
    [("M0 0 A5 5 0 0 1 10 10", "not supported"), ("10 10", "without a command"), ("M0", "needs")],
)
def test_path_data_it_cannot_read_is_refused(data: str, message: str):
    with pytest.raises(ValueError, match=message):
        parse_path(data)


def test_a_subpath_flattens_lines_as_they_are_and_curves_into_straight_pieces():
    (square,) = parse_path("M0 0 H10 V10 H0 Z")
    assert square.flattened() == [(0, 0), (10, 0), (10, 10), (0, 10)]
    (bump,) = parse_path("M0 0 C0 10 20 10 20 0")
    assert not bump.closed
    points = bump.flattened()
    assert len(points) == 1 + FLAT_STEPS
    assert points[-1] == pytest.approx((20, 0))
    assert max(y for _, y in points) == pytest.approx(7.5)  # the curve's top, at t = 1/2
    assert len(bump.flattened(steps=4)) == 5


def test_a_quadratic_flattens_onto_the_same_curve_as_its_cubic():
    quad = Subpath((0.0, 0.0), (Segment(((10.0, 10.0), (20.0, 0.0))),))
    (cubic,) = parse_path("M0 0 Q10 10 20 0")
    assert cubic.segments == quad.segments
    midpoint = quad.flattened(steps=2)[1]
    assert midpoint == pytest.approx((10, 5))
    assert quad.segments[0].end == (20, 0)
