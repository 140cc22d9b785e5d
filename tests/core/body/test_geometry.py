"""Plane geometry under the body map: transforms, curve weights, winding, runs, bounds, distance."""

from __future__ import annotations

import pytest

from coach.core.body.geometry import (
    IDENTITY,
    bezier_weights,
    bounds,
    compose,
    cubic_of_quad,
    distance_to_edges,
    inside_runs,
    longest_run,
    transform_point,
    winding,
)

SQUARE = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]


def test_transforms_compose_inner_first():
    scale = (2.0, 0.0, 0.0, 2.0, 0.0, 0.0)
    shift = (1.0, 0.0, 0.0, 1.0, 5.0, -1.0)
    assert transform_point(compose(shift, scale), (1, 1)) == (7, 1)  # scaled, then moved
    assert transform_point(compose(scale, shift), (1, 1)) == (12, 0)  # moved, then scaled
    assert compose(IDENTITY, shift) == compose(shift, IDENTITY) == shift
    assert transform_point(IDENTITY, (3.5, -2)) == (3.5, -2)


def test_bezier_weights_sum_to_one_and_end_at_the_last_point():
    weights = bezier_weights(4)
    assert len(weights) == 4
    assert all(sum(w) == pytest.approx(1) for w in weights)
    assert weights[-1] == (0, 0, 0, 1)
    assert weights[1] == pytest.approx((1 / 8, 3 / 8, 3 / 8, 1 / 8))  # t = 1/2


def test_a_quadratic_as_a_cubic_keeps_its_ends_and_its_shape():
    c1, c2, end = cubic_of_quad((0, 0), (10, 10), (20, 0))
    assert end == (20, 0)
    assert c1 == pytest.approx((20 / 3, 20 / 3))
    assert c2 == pytest.approx((40 / 3, 20 / 3))


def test_winding_counts_turns_around_a_point_either_way_round():
    assert winding((5, 5), SQUARE) != 0
    assert winding((15, 5), SQUARE) == 0
    assert winding((5, 5), SQUARE[::-1]) == -winding((5, 5), SQUARE)
    assert winding((5, -1), SQUARE) == 0


def test_longest_run_finds_the_middle_of_the_widest_stretch_inside():
    two = [SQUARE, [(20.0, 0.0), (50.0, 0.0), (50.0, 10.0), (20.0, 10.0)]]
    assert longest_run(two, 5, horizontal=True, fallback=0) == (35, 30)
    assert longest_run(two, 25, horizontal=False, fallback=0) == (5, 10)
    assert longest_run(two, 50, horizontal=True, fallback=-1) == (-1, 0)


def test_bounds_of_points_and_of_nothing():
    assert bounds(iter(SQUARE)) == (0, 0, 10, 10)
    assert bounds([(3, -2), (-1, 4)]) == (-1, -2, 3, 4)
    assert bounds([]) == (0, 0, 0, 0)


def test_distance_to_edges_takes_the_nearest_edge_of_any_polygon():
    assert distance_to_edges([SQUARE], (5, 2)) == 2
    assert distance_to_edges([SQUARE], (5, 0)) == 0
    assert distance_to_edges([SQUARE], (13, 14)) == 5
    far = [(100.0, 100.0), (101.0, 100.0), (101.0, 101.0)]
    assert distance_to_edges([far, SQUARE], (12, 5)) == 2


def test_inside_runs_are_the_stretches_of_a_line_inside_the_polygons_in_order():
    two = [[(20, 0), (50, 0), (50, 10), (20, 10)], [(0, 0), (10, 0), (10, 10), (0, 10)]]
    assert inside_runs(two, 5, horizontal=True) == [(0, 10), (20, 50)]
    assert inside_runs(two, 25, horizontal=False) == [(0, 10)]
    assert inside_runs(two, 50, horizontal=True) == []
