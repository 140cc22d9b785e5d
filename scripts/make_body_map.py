"""Generate assets/body_map.svg: a front and a back figure cut into the catalogue's regions.

    .venv/bin/python scripts/make_body_map.py [--output assets/body_map.svg]

The figure is one smooth outline (Catmull-Rom splines through hand-placed points, the left half
mirrored) and a set of cut curves. The outline and the cuts form a planar arrangement; its faces
are the regions, each named by a seed point inside it. Neighbouring regions are built from the
very same curve pieces, so they share their edges exactly: no gaps, no overlaps. The script fails
if a face has no seed or two, so a cut that goes astray is caught here, not in the app.

Coordinates: each figure is drawn in its own frame (x = 0 on the midline, y = 0 at the top of the
head, about 600 units tall) and placed in the SVG by a translation applied when writing. On the
FRONT figure the viewer's left half is the person's right; on the BACK figure it is their left.
No Qt and nothing outside the standard library.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

Pt = tuple[float, float]
Cubic = tuple[Pt, Pt, Pt, Pt]

REPO = Path(__file__).resolve().parent.parent
FRONT_X, BACK_X, TOP_Y = 150.0, 460.0, 34.0  # where each figure's frame sits in the SVG
VIEW_BOX = (0.0, 0.0, 610.0, 650.0)


# -- vectors ---------------------------------------------------------------------------------------


def add(a: Pt, b: Pt) -> Pt:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Pt, b: Pt) -> Pt:
    return (a[0] - b[0], a[1] - b[1])


def mul(a: Pt, k: float) -> Pt:
    return (a[0] * k, a[1] * k)


def dot(a: Pt, b: Pt) -> float:
    return a[0] * b[0] + a[1] * b[1]


def cross(a: Pt, b: Pt) -> float:
    return a[0] * b[1] - a[1] * b[0]


def dist(a: Pt, b: Pt) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def unit(a: Pt) -> Pt:
    length = math.hypot(*a)
    return (a[0] / length, a[1] / length) if length else (0.0, 0.0)


def lerp(a: Pt, b: Pt, t: float) -> Pt:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def mirror(p: Pt) -> Pt:
    return (-p[0] + 0.0, p[1])


def lateral(d: Pt) -> Pt:
    """The normal of direction `d` that points to the viewer's left (away from the body)."""
    return (-d[1], d[0]) if d[1] >= 0 else (d[1], -d[0])


# -- splines ---------------------------------------------------------------------------------------


def reflect(d: Pt, u: Pt) -> Pt:
    k = 2 * dot(u, d)
    return unit((u[0] * k - d[0], u[1] * k - d[1]))


def spline(points: list[Pt], corners: Iterable[int] = (), closed: bool = False) -> list[Cubic]:
    """Cubic Béziers through `points`: smooth everywhere except at `corners` (and open ends)."""
    n = len(points)
    corner_set = set(corners)

    def at(i: int) -> Pt:
        return points[i % n]

    def is_end(i: int) -> bool:
        return (not closed and i in (0, n - 1)) or i in corner_set

    t_in: list[Pt] = [(0.0, 0.0)] * n
    t_out: list[Pt] = [(0.0, 0.0)] * n
    for i in range(n):
        if not is_end(i):
            t_in[i] = t_out[i] = unit(sub(at(i + 1), at(i - 1)))
    for i in range(n):
        if not is_end(i):
            continue
        if closed or i < n - 1:
            j = (i + 1) % n
            u = unit(sub(at(i + 1), at(i)))
            t_out[i] = u if is_end(j) else reflect(t_in[j], u)
        if closed or i > 0:
            j = (i - 1) % n
            u = unit(sub(at(i), at(i - 1)))
            t_in[i] = u if is_end(j) else reflect(t_out[j], u)
    segments = []
    for i in range(n if closed else n - 1):
        a, b = at(i), at(i + 1)
        third = dist(a, b) / 3
        c1 = add(a, mul(t_out[i], third))
        c2 = sub(b, mul(t_in[(i + 1) % n], third))
        segments.append((a, c1, c2, b))
    return segments


def bezier(c: Cubic, t: float) -> Pt:
    s = 1 - t
    return (
        s**3 * c[0][0] + 3 * s * s * t * c[1][0] + 3 * s * t * t * c[2][0] + t**3 * c[3][0],
        s**3 * c[0][1] + 3 * s * s * t * c[1][1] + 3 * s * t * t * c[2][1] + t**3 * c[3][1],
    )


def split(c: Cubic, t: float) -> tuple[Cubic, Cubic]:
    p01, p12, p23 = lerp(c[0], c[1], t), lerp(c[1], c[2], t), lerp(c[2], c[3], t)
    p012, p123 = lerp(p01, p12, t), lerp(p12, p23, t)
    mid = lerp(p012, p123, t)
    return (c[0], p01, p012, mid), (mid, p123, p23, c[3])


def piece(c: Cubic, ta: float, tb: float) -> Cubic:
    """The part of `c` between parameters ta < tb."""
    if tb < 1.0:
        c = split(c, tb)[0]
        ta = ta / tb
    if ta > 0.0:
        c = split(c, ta)[1]
    return c


def reverse(c: Cubic) -> Cubic:
    return (c[3], c[2], c[1], c[0])


# -- the silhouette --------------------------------------------------------------------------------

# The arm: shoulder joint, elbow and wrist centres (viewer's left arm), and the hand's direction.
SHOULDER, ELBOW, WRIST = (-61.0, 121.0), (-81.0, 222.0), (-100.5, 305.0)
HAND_DIR = unit((-0.16, 1.0))
ARMPIT = (-57.0, 151.0)


def on_limb(a: Pt, b: Pt, s: float, off: float) -> Pt:
    """The point `off` units lateral of the axis a->b at fraction s (negative: medial)."""
    d = unit(sub(b, a))
    return add(lerp(a, b, s), mul(lateral(d), off))


def hand(u: float, v: float) -> Pt:
    """A point of the hand in its own frame: u lateral (thumb side), v along the fingers."""
    return add(add(WRIST, mul(HAND_DIR, v)), mul(lateral(HAND_DIR), u))


def finger(base_u: float, base_v: float, angle: float, length: float, width: float) -> list[Pt]:
    """One finger's outline (hand frame), from its lateral edge round the tip to its medial edge."""
    f = (math.sin(angle), math.cos(angle))
    side = (math.cos(angle), -math.sin(angle))
    r = width / 2

    def at(t: float, s: float) -> tuple[float, float]:
        return (base_u + f[0] * t + side[0] * s, base_v + f[1] * t + side[1] * s)

    tip = length - r
    points = [at(3.0, r), at(tip * 0.55, r), at(tip, r)]
    points += [at(tip + r * math.sin(a), r * math.cos(a)) for a in (0.7, 1.5708, 2.44)]
    points += [at(tip, -r), at(tip * 0.55, -r), at(3.0, -r)]
    return points


def hand_outline() -> tuple[list[Pt], list[int]]:
    """The hand from the lateral side of the wrist round thumb and fingers to the medial side."""
    pts: list[tuple[float, float]] = [(10.4, 6.0), (13.0, 12.0), (15.6, 18.5), (17.8, 25.0)]
    pts += [(19.0, 31.0), (18.6, 35.2), (16.4, 37.0), (14.0, 35.6), (12.8, 31.5)]
    corners = []
    fingers = [  # base u, base v, angle (rad, + = lateral), length, width
        (8.6, 33.0, 0.07, 22.5, 5.4),
        (2.9, 34.0, 0.02, 25.0, 5.6),
        (-2.8, 33.5, -0.04, 23.5, 5.4),
        (-8.2, 31.0, -0.10, 19.0, 4.8),
    ]
    for k, spec in enumerate(fingers):
        if k == 0:
            pts.append((11.4, 27.5))  # the web between thumb and index finger
        else:
            prev = fingers[k - 1]
            pts.append(((prev[0] - prev[4] / 2 + spec[0] + spec[4] / 2) / 2, spec[1] - 2.0))
        corners.append(len(pts) - 1)
        pts += finger(*spec)
    pts += [(-11.6, 24.0), (-11.4, 15.0), (-9.8, 6.0)]
    return [hand(u, v) for u, v in pts], corners


def half_outline() -> tuple[list[Pt], list[int]]:
    """The viewer's left half of the outline, from the top of the head to the crotch."""
    pts: list[Pt] = []
    corners: list[int] = []

    def put(*points: Pt, corner_at: int | None = None) -> None:
        if corner_at is not None:
            corners.append(len(pts) + corner_at)
        pts.extend(points)

    # head, ear, jaw
    put((0.0, 0.0), (-13.6, 2.4), (-22.6, 9.4), (-27.2, 20.0), (-28.4, 31.0))
    put((-27.9, 38.6), corner_at=0)
    put((-30.3, 39.6), (-31.5, 45.0), (-30.9, 52.0), (-28.7, 56.6))
    put((-27.3, 58.0), corner_at=0)
    put((-25.0, 64.5), (-21.0, 70.6))
    put((-16.9, 75.6), corner_at=0)
    # neck, trapezius slope, shoulder cap
    put((-16.2, 82.0), (-17.0, 89.5), (-22.6, 95.0), (-35.0, 99.8), (-49.0, 103.2), (-60.5, 106.2))
    put((-69.5, 110.0), (-75.0, 116.5))
    # outer arm, down to the wrist
    put(on_limb(SHOULDER, ELBOW, 0.14, 14.8), on_limb(SHOULDER, ELBOW, 0.32, 14.6))
    put(on_limb(SHOULDER, ELBOW, 0.56, 12.8), on_limb(SHOULDER, ELBOW, 0.80, 11.8))
    put(on_limb(SHOULDER, ELBOW, 1.0, 11.2))
    put(on_limb(ELBOW, WRIST, 0.16, 12.8), on_limb(ELBOW, WRIST, 0.42, 11.6))
    put(on_limb(ELBOW, WRIST, 0.72, 9.8), on_limb(ELBOW, WRIST, 0.98, 9.0))
    hand_pts, hand_corners = hand_outline()
    corners.extend(len(pts) + c for c in hand_corners)
    pts.extend(hand_pts)
    # inner arm, up to the armpit
    put(on_limb(ELBOW, WRIST, 0.98, -8.6), on_limb(ELBOW, WRIST, 0.70, -9.4))
    put(on_limb(ELBOW, WRIST, 0.40, -11.0), on_limb(ELBOW, WRIST, 0.14, -11.6))
    put(on_limb(SHOULDER, ELBOW, 1.0, -10.4), on_limb(SHOULDER, ELBOW, 0.80, -10.6))
    put(on_limb(SHOULDER, ELBOW, 0.56, -11.4))
    put(ARMPIT, corner_at=0)
    # side of the trunk, hip, outer leg
    put((-56.6, 163.0), (-55.0, 181.0), (-52.0, 200.0), (-48.8, 218.0), (-47.4, 232.0))
    put((-49.4, 248.0), (-53.8, 264.0), (-57.6, 280.0), (-58.8, 296.0), (-58.0, 315.0))
    put((-55.6, 340.0), (-51.6, 370.0), (-47.0, 398.0), (-43.6, 420.0), (-42.6, 436.0))
    put((-43.4, 453.0), (-43.4, 468.0), (-41.4, 488.0), (-37.4, 512.0), (-33.4, 536.0))
    put((-30.8, 553.0), (-30.4, 562.0))
    # foot
    put((-32.0, 571.0), (-35.5, 582.0), (-39.4, 592.0), (-40.4, 598.0), (-37.4, 602.4))
    put((-28.0, 604.0), (-18.6, 603.4), (-12.9, 600.4), (-11.5, 594.0), (-12.4, 585.0))
    put((-14.4, 576.0))
    # inner leg, up to the crotch
    put((-15.6, 567.0), (-15.8, 556.0), (-14.4, 535.0), (-12.0, 505.0), (-10.2, 478.0))
    put((-11.0, 455.0), (-12.2, 438.0), (-11.6, 420.0), (-10.0, 395.0), (-7.6, 365.0))
    put((-4.8, 340.0), (-2.0, 325.5), (0.0, 318.0))
    return pts, corners


def outline() -> list[Cubic]:
    """The whole closed outline: the left half, then its mirror image back up to the head."""
    half, corners = half_outline()
    n = len(half)
    right = [mirror(p) for p in reversed(half[1:-1])]
    mirrored_corners = [n + (n - 2 - c) for c in corners if 0 < c < n - 1]
    return spline(half + right, [*corners, *mirrored_corners], closed=True)


# -- cuts and seeds --------------------------------------------------------------------------------


def sym(half: list[Pt]) -> list[Pt]:
    """A cut across the midline: `half` runs from the viewer's left to a point on x = 0."""
    return half + [mirror(p) for p in reversed(half[:-1])]


def pair(points: list[Pt]) -> list[list[Pt]]:
    """A cut on the viewer's left and its mirror image."""
    return [points, [mirror(p) for p in points]]


def across_arm(a: Pt, b: Pt, s: float, lat: float = 17.0, med: float = 15.0) -> list[Pt]:
    """A straight cut across a limb segment at fraction s, from outside one edge to the other."""
    return [on_limb(a, b, s, lat), on_limb(a, b, s, -med)]


def arm_cuts(view: str) -> list[list[Pt]]:
    cuts = [
        # shoulder | upper arm: lower on the outside, up to the armpit
        [on_limb(SHOULDER, ELBOW, 0.42, 19.0), on_limb(SHOULDER, ELBOW, 0.36, 4.0), ARMPIT],
        across_arm(SHOULDER, ELBOW, 0.87),  # upper arm | elbow
        across_arm(ELBOW, WRIST, 0.15),  # elbow | forearm
        across_arm(ELBOW, WRIST, 0.995, 14.0, 13.0),  # forearm | hand
    ]
    return cuts


def leg_cuts(knee_top: float, knee_bottom: float) -> list[list[Pt]]:
    return [
        [(-49.0, knee_top + 1.5), (-27.0, knee_top - 0.5), (-6.0, knee_top + 1.0)],
        [(-49.0, knee_bottom - 1.0), (-27.0, knee_bottom + 1.0), (-6.0, knee_bottom - 1.0)],
        [(-36.0, 563.0), (-23.0, 565.0), (-9.0, 563.5)],  # ankle
    ]


def front_cuts() -> list[list[Pt]]:
    half: list[list[Pt]] = [
        # forehead | temple
        [(-21.5, 2.0), (-20.6, 14.0), (-19.2, 26.0), (-18.6, 35.0), (-18.6, 40.0)],
        # shoulder (front) | chest: deltopectoral groove, down to the armpit
        [(-58.5, 99.0), (-56.5, 110.0), (-54.2, 124.0), (-54.0, 139.0), ARMPIT],
        # thigh (front) | inner thigh
        [(-27.0, 305.0), (-24.6, 330.0), (-21.0, 368.0), (-18.0, 406.0), (-17.0, 416.0)],
        *arm_cuts("front"),
        *leg_cuts(410.0, 452.0),
    ]
    across = [
        sym([(-33.0, 33.5), (-26.0, 36.0), (-18.0, 37.0), (-8.5, 35.6), (0.0, 35.6)]),  # brows
        sym([(-35.0, 54.0), (-28.0, 55.0), (-14.0, 56.0), (-4.0, 56.3), (0.0, 56.3)]),  # nose
        sym([(-21.0, 80.5), (-14.5, 79.2), (-7.5, 80.6), (0.0, 81.4)]),  # jaw
        sym(
            [(-46.0, 96.0), (-39.0, 102.0), (-25.0, 106.2), (-10.0, 105.6), (0.0, 105.2)]
        ),  # collar
        sym([(-62.0, 214.0), (-51.0, 210.5), (-31.0, 200.0), (-12.0, 189.5), (0.0, 186.5)]),  # ribs
        sym([(-56.0, 240.5), (-30.0, 241.0), (0.0, 240.0)]),  # navel
        sym(
            [(-56.0, 246.0), (-48.0, 256.0), (-32.0, 271.0), (-14.0, 287.0), (0.0, 295.0)]
        ),  # groin
        [(0.0, 33.0), (0.0, 84.0)],  # midline of the face
        [(0.0, 183.0), (0.0, 330.0)],  # midline of the belly, down through the crotch
    ]
    sternum = [(-7.0, 101.0), (-6.4, 130.0), (-5.6, 170.0), (-5.0, 193.0)]
    hip = [(-64.0, 290.0), (-44.0, 302.0), (-26.0, 313.0), (-13.0, 323.0), (-4.0, 334.0)]
    hip += [(-1.5, 337.0)]
    return [c for h in [*half, sternum, hip] for c in pair(h)] + across


def back_cuts() -> list[list[Pt]]:
    half: list[list[Pt]] = [
        # neck | top of shoulder
        [(-24.0, 86.0), (-19.0, 93.0), (-11.0, 98.5), (-3.0, 101.0)],
        # spine of the shoulder blade: top of shoulder | blade and upper back, up to the outline
        [(-2.0, 112.0), (-18.0, 114.6), (-38.0, 116.0), (-53.0, 113.5), (-61.0, 106.0)]
        + [(-63.0, 100.0)],
        # shoulder (back) | shoulder blade, down to the armpit
        [(-51.0, 108.0), (-51.5, 120.0), (-53.0, 136.0), ARMPIT],
        # medial border of the shoulder blade
        [(-18.0, 108.0), (-18.6, 130.0), (-21.4, 160.0), (-25.0, 184.0)],
        # lower edge of the blade (and of the upper back), out to the side below the armpit
        [(-2.0, 178.0), (-13.0, 181.0), (-24.0, 184.2), (-39.0, 176.0), (-52.0, 166.0)]
        + [(-60.0, 160.0)],
        # spine: the strip's edge from the skull down to the sacrum
        [(-4.4, 60.0), (-4.6, 100.0), (-5.0, 160.0), (-5.6, 215.0), (-6.0, 252.0)],
        # sacrum: from its top corner down to the tailbone
        [(-17.0, 243.0), (-15.0, 250.5), (-11.6, 268.0), (-6.0, 283.0), (-0.0, 292.0)]
        + [(2.0, 295.0)],
        # buttock | outer hip, continuing as back of thigh | outer thigh
        [(-42.0, 233.0), (-44.6, 250.0), (-46.6, 270.0), (-46.2, 292.0), (-44.6, 320.0)]
        + [(-40.6, 360.0), (-36.6, 398.0), (-35.2, 416.0)],
        # outer hip | outer thigh
        [(-65.0, 298.0), (-52.0, 300.0), (-42.0, 302.0)],
        # buttock | back of thigh: the fold under the buttock
        [(0.5, 324.0), (-4.0, 328.5), (-16.0, 332.0), (-31.0, 329.0), (-45.0, 318.0)]
        + [(-49.0, 314.0)],
        *arm_cuts("back"),
        *leg_cuts(410.0, 450.0),
    ]
    across = [
        sym([(-35.0, 57.5), (-27.0, 62.0), (-14.0, 67.0), (0.0, 68.6)]),  # base of the skull
        sym([(-9.0, 104.0), (0.0, 104.0)]),  # C7: neck spine | thoracic spine
        sym([(-62.0, 215.0), (-53.0, 212.5), (-28.0, 209.0), (0.0, 207.5)]),  # lowest ribs
        sym([(-60.0, 234.0), (-49.0, 237.5), (-30.0, 243.5), (-16.0, 247.5), (0.0, 248.0)]),
        [(0.0, 289.0), (0.0, 330.0)],  # between the buttocks, down through the crotch
    ]
    return [c for h in half for c in pair(h)] + across


def seeds(view: str) -> dict[str, Pt]:
    """A point inside each region of `view` (the viewer's left half, mirrored for the right)."""
    arm = {
        "upper_arm": on_limb(SHOULDER, ELBOW, 0.62, 0.0),
        "elbow": on_limb(SHOULDER, ELBOW, 1.0, 0.0),
        "forearm": on_limb(ELBOW, WRIST, 0.55, 0.0),
        "hand": hand(0.0, 18.0),
        "shoulder": on_limb(SHOULDER, ELBOW, 0.1, 2.0),
    }
    if view == "front":
        mid = {"forehead": (0.0, 18.0), "neck_front": (0.0, 92.0), "sternum": (0.0, 140.0)}
        sided = {
            "temple": (-23.5, 25.0),
            "cheek": (-16.0, 46.0),
            "jaw": (-13.0, 66.0),
            "shoulder_front": arm["shoulder"],
            "chest": (-30.0, 140.0),
            "upper_arm_front": arm["upper_arm"],
            "elbow_front": arm["elbow"],
            "forearm_front": arm["forearm"],
            "hand_palm": arm["hand"],
            "upper_abdomen": (-25.0, 222.0),
            "lower_abdomen": (-18.0, 258.0),
            "hip_front": (-40.0, 284.0),
            "thigh_front": (-40.0, 350.0),
            "inner_thigh": (-12.0, 345.0),
            "knee_front": (-27.0, 431.0),
            "shin": (-27.0, 500.0),
            "foot_top": (-25.0, 588.0),
        }
        viewer_left = "right_"
    else:
        mid = {
            "head_back": (0.0, 30.0),
            "cervical_spine": (0.0, 85.0),
            "thoracic_spine": (0.0, 150.0),
            "lumbar_spine": (0.0, 228.0),
            "sacrum": (0.0, 262.0),
        }
        sided = {
            "neck": (-11.0, 82.0),
            "shoulder_top": (-35.0, 107.0),
            "shoulder_back": arm["shoulder"],
            "shoulder_blade": (-36.0, 140.0),
            "upper_back": (-12.0, 145.0),
            "mid_back": (-35.0, 196.0),
            "lower_back": (-30.0, 224.0),
            "glute": (-25.0, 290.0),
            "hip_outer": (-53.0, 272.0),
            "upper_arm_back": arm["upper_arm"],
            "elbow_back": arm["elbow"],
            "forearm_back": arm["forearm"],
            "hand_back": arm["hand"],
            "thigh_outer": (-50.0, 350.0),
            "hamstring": (-26.0, 365.0),
            "knee_back": (-27.0, 430.0),
            "calf": (-27.0, 500.0),
            "sole": (-25.0, 588.0),
        }
        viewer_left = "left_"
    viewer_right = "left_" if viewer_left == "right_" else "right_"
    out = dict(mid)
    for name, p in sided.items():
        out[viewer_left + name] = p
        out[viewer_right + name] = mirror(p)
    return out


# -- the planar arrangement ------------------------------------------------------------------------

STEPS = 24  # straight pieces per cubic when looking for crossings
SNAP = 0.05  # crossings closer than this are one node


@dataclass
class Edge:
    a: int
    b: int
    pieces: list[Cubic]
    poly: list[Pt]
    outline: bool


@dataclass
class Arrangement:
    """The outline and the cuts split at every crossing, and the faces they enclose."""

    nodes: list[Pt] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def node(self, p: Pt) -> int:
        for i, q in enumerate(self.nodes):
            if dist(p, q) < SNAP:
                return i
        self.nodes.append(p)
        return len(self.nodes) - 1


def flatten(pieces: list[Cubic], steps: int = STEPS) -> list[Pt]:
    out = [pieces[0][0]]
    for c in pieces:
        out += [bezier(c, k / steps) for k in range(1, steps + 1)]
    return out


def inside(p: Pt, poly: list[Pt]) -> bool:
    """Even-odd test of `p` against a closed polygon."""
    hit = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def area(poly: list[Pt]) -> float:
    return sum(cross(a, b) for a, b in zip(poly, poly[1:] + poly[:1], strict=True)) / 2


def crossings(curves: list[list[Cubic]]) -> list[tuple[int, float, int, float, Pt]]:
    """Where two different curves cross: (curve, parameter, other curve, its parameter, point)."""
    cell = 8.0
    grid: dict[tuple[int, int], list[tuple[int, float, Pt, Pt]]] = defaultdict(list)
    for ci, curve in enumerate(curves):
        for si, c in enumerate(curve):
            pts = [bezier(c, k / STEPS) for k in range(STEPS + 1)]
            for k in range(STEPS):
                p, q = pts[k], pts[k + 1]
                x0, x1 = sorted((p[0], q[0]))
                y0, y1 = sorted((p[1], q[1]))
                for gx in range(int(math.floor(x0 / cell)), int(math.floor(x1 / cell)) + 1):
                    for gy in range(int(math.floor(y0 / cell)), int(math.floor(y1 / cell)) + 1):
                        grid[gx, gy].append((ci, si + k / STEPS, p, q))
    found: dict[tuple[int, float, int, float], Pt] = {}
    eps = 1e-9
    for bucket in grid.values():
        for i, (ca, pa, a0, a1) in enumerate(bucket):
            for cb, pb, b0, b1 in bucket[i + 1 :]:
                if ca == cb:
                    continue
                r, s = sub(a1, a0), sub(b1, b0)
                denom = cross(r, s)
                if abs(denom) < 1e-12:
                    continue
                w = sub(b0, a0)
                t, u = cross(w, s) / denom, cross(w, r) / denom
                if -eps <= t <= 1 + eps and -eps <= u <= 1 + eps:
                    t, u = min(max(t, 0.0), 1.0), min(max(u, 0.0), 1.0)
                    key = (ca, pa + t / STEPS, cb, pb + u / STEPS)
                    found[key] = add(a0, mul(r, t))
    return [(*k, p) for k, p in found.items()]


def sub_curve(curve: list[Cubic], pa: float, pb: float) -> list[Cubic]:
    out = []
    for i in range(int(math.floor(pa)), min(len(curve) - 1, int(math.ceil(pb) - 1)) + 1):
        ta, tb = max(pa - i, 0.0), min(pb - i, 1.0)
        if tb - ta > 1e-9:
            out.append(piece(curve[i], ta, tb))
    return out


def snapped(pieces: list[Cubic], a: Pt, b: Pt) -> list[Cubic]:
    first, last = pieces[0], pieces[-1]
    da, db = sub(a, first[0]), sub(b, last[3])
    pieces = list(pieces)
    pieces[0] = (a, add(first[1], da), first[2], first[3])
    last = pieces[-1]
    pieces[-1] = (last[0], last[1], add(last[2], db), b)
    return pieces


def build(outline_curve: list[Cubic], cuts: list[list[Cubic]]) -> Arrangement:
    curves = [outline_curve, *cuts]
    arr = Arrangement()
    splits: list[list[tuple[float, int]]] = [[] for _ in curves]
    for ca, pa, cb, pb, p in crossings(curves):
        n = arr.node(p)
        splits[ca].append((pa, n))
        splits[cb].append((pb, n))
    for ci, curve in enumerate(curves[1:], start=1):
        splits[ci].append((0.0, arr.node(curve[0][0])))
        splits[ci].append((float(len(curve)), arr.node(curve[-1][3])))
    for ci, curve in enumerate(curves):
        marks = sorted(splits[ci])
        closed = ci == 0
        spans = list(zip(marks, marks[1:], strict=False))
        if closed:
            spans.append((marks[-1], (marks[0][0] + len(curve), marks[0][1])))
        for (pa, na), (pb, nb) in spans:
            if closed and pb > len(curve):
                pieces = sub_curve(curve, pa, len(curve)) + sub_curve(curve, 0.0, pb - len(curve))
            else:
                pieces = sub_curve(curve, pa, pb)
            if not pieces or (na == nb and dist(pieces[0][0], pieces[-1][3]) < SNAP):
                continue
            pieces = snapped(pieces, arr.nodes[na], arr.nodes[nb])
            arr.edges.append(Edge(na, nb, pieces, flatten(pieces, 8), closed))
    silhouette = flatten(outline_curve, 8)
    arr.edges = [e for e in arr.edges if e.outline or inside(e.poly[len(e.poly) // 2], silhouette)]
    while True:  # drop cut ends that lead nowhere
        degree: dict[int, int] = defaultdict(int)
        for e in arr.edges:
            degree[e.a] += 1
            degree[e.b] += 1
        kept = [e for e in arr.edges if degree[e.a] > 1 and degree[e.b] > 1]
        if len(kept) == len(arr.edges):
            return arr
        arr.edges = kept


HalfEdge = tuple[int, bool]  # edge index, forwards


def faces(arr: Arrangement) -> list[list[HalfEdge]]:
    """Every face of the arrangement as a cycle of half-edges (the outer one included)."""

    def start(h: HalfEdge) -> int:
        e = arr.edges[h[0]]
        return e.a if h[1] else e.b

    def heading(h: HalfEdge) -> float:
        e = arr.edges[h[0]]
        poly = e.poly if h[1] else e.poly[::-1]
        origin = poly[0]
        target = next((p for p in poly[1:] if dist(p, origin) > 0.6), poly[-1])
        d = sub(target, origin)
        return math.atan2(-d[1], d[0])

    leaving: dict[int, list[HalfEdge]] = defaultdict(list)
    for i in range(len(arr.edges)):
        for forwards in (True, False):
            leaving[start((i, forwards))].append((i, forwards))
    for hs in leaving.values():
        hs.sort(key=heading)
    seen: set[HalfEdge] = set()
    out = []
    for i in range(len(arr.edges)):
        for forwards in (True, False):
            h: HalfEdge = (i, forwards)
            if h in seen:
                continue
            cycle = []
            while h not in seen:
                seen.add(h)
                cycle.append(h)
                twin = (h[0], not h[1])
                around = leaving[start(twin)]
                k = around.index(twin)
                h = around[k - 1]  # the next one clockwise from where we came in
            out.append(cycle)
    return out


def face_pieces(arr: Arrangement, cycle: list[HalfEdge]) -> list[Cubic]:
    out: list[Cubic] = []
    for index, forwards in cycle:
        pieces = arr.edges[index].pieces
        out += pieces if forwards else [reverse(c) for c in reversed(pieces)]
    return out


def regions(
    arr: Arrangement, named: dict[str, Pt]
) -> tuple[dict[str, list[Cubic]], list[Cubic], list[str]]:
    """Each seed's face, the outline face, and what went wrong."""
    problems = []
    polys = [(cycle, flatten(face_pieces(arr, cycle), 8)) for cycle in faces(arr)]
    outer = max(range(len(polys)), key=lambda i: abs(area(polys[i][1])))
    found: dict[str, list[Cubic]] = {}
    for i, (cycle, poly) in enumerate(polys):
        if i == outer:
            continue
        names = [name for name, p in named.items() if inside(p, poly)]
        if len(names) != 1:
            x = sum(p[0] for p in poly) / len(poly)
            y = sum(p[1] for p in poly) / len(poly)
            problems.append(f"face near ({x:.1f}, {y:.1f}) holds seeds {names or 'none'}")
            continue
        found[names[0]] = face_pieces(arr, cycle)
    problems += [f"seed {name} is in no face" for name in named if name not in found]
    return found, face_pieces(arr, polys[outer][0]), problems


# -- writing the SVG -------------------------------------------------------------------------------


def fmt(v: float) -> str:
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def path_data(pieces: list[Cubic], dx: float, dy: float) -> str:
    def p(q: Pt) -> str:
        return f"{fmt(q[0] + dx)} {fmt(q[1] + dy)}"

    parts = [f"M{p(pieces[0][0])}"]
    for c in pieces:
        straight = (
            abs(cross(sub(c[1], c[0]), sub(c[3], c[0]))) < 1e-6
            and abs(cross(sub(c[2], c[0]), sub(c[3], c[0]))) < 1e-6
        )
        parts.append(f"L{p(c[3])}" if straight else f"C{p(c[1])} {p(c[2])} {p(c[3])}")
    return " ".join(parts) + " Z"


HEADER = """\
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Unknot body map. Generated by scripts/make_body_map.py; a designer may redraw it by hand.

  Rules the app checks (coach/core/body/body_shapes.py, tests/core/body/test_body_shapes.py):
  * <g id="front"> and <g id="back"> hold one <path> per region of that view; its id is the
    region id from assets/regions.toml. Every catalogue region has exactly one shape, and every
    shape is a catalogue region of the right view.
  * The regions of a view tile its figure: no gaps, no overlaps. Neighbours share edges.
  * <g id="outline"> holds front_outline and back_outline, drawn on top and never clicked.
  * Left and right are the PERSON's: on the front figure their left is on the viewer's right;
    on the back figure their left is on the viewer's left.
  * Path data may use M L H V C S Q T Z (absolute or relative); no arcs. Transforms on groups
    and paths (translate, scale, matrix) are applied. Everything else here is decoration.
-->
"""


def write_svg(
    path: Path, views: dict[str, tuple[dict[str, list[Cubic]], list[Cubic], float]]
) -> None:
    x, y, w, h = VIEW_BOX
    lines = [
        HEADER
        + f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{fmt(x)} {fmt(y)} {fmt(w)} {fmt(h)}"'
        + f' width="{fmt(w)}" height="{fmt(h)}">',
        "  <title>Body map: front and back</title>",
        "  <style>",
        "    .region { fill: #ece6df; stroke: #b8aea3; stroke-width: 0.6;"
        " stroke-linejoin: round; }",
        "    .outline { fill: none; stroke: #5f574f; stroke-width: 1.4; stroke-linejoin: round; }",
        "    .label { font-family: sans-serif; font-size: 15px; fill: #5f574f;"
        " text-anchor: middle; }",
        "  </style>",
    ]
    for view, (shapes, _, dx) in views.items():
        lines.append(f'  <g id="{view}">')
        for region_id in sorted(shapes, key=lambda r: ORDER.get(r, 999)):
            d = path_data(shapes[region_id], dx, TOP_Y)
            lines.append(f'    <path id="{region_id}" class="region" d="{d}"/>')
        lines.append("  </g>")
    lines.append('  <g id="outline" pointer-events="none">')
    for view, (_, out, dx) in views.items():
        d = path_data(out, dx, TOP_Y)
        lines.append(f'    <path id="{view}_outline" class="outline" d="{d}"/>')
    lines.append("  </g>")
    lines.append('  <g id="labels" pointer-events="none">')
    for view, (_, _, dx) in views.items():
        left, right = ("R", "L") if view == "front" else ("L", "R")
        lines.append(f'    <text class="label" x="{fmt(dx)}" y="20">{view.title()}</text>')
        lines.append(
            f'    <text class="label" x="{fmt(dx - 120)}" y="{fmt(TOP_Y + 90)}">{left}</text>'
        )
        lines.append(
            f'    <text class="label" x="{fmt(dx + 120)}" y="{fmt(TOP_Y + 90)}">{right}</text>'
        )
    lines.append(
        f'    <text class="label" x="{fmt(w / 2)}" y="{fmt(h - 6)}">'
        "Left and right are your own</text>"
    )
    lines.append("  </g>")
    lines.append("</svg>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


ORDER: dict[str, int] = {}


def load_order() -> None:
    """Write regions in catalogue order, so the file reads like regions.toml."""
    import tomllib

    with open(REPO / "assets" / "regions.toml", "rb") as f:
        data = tomllib.load(f)
    ORDER.update({r["id"]: i for i, r in enumerate(data["regions"])})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=REPO / "assets" / "body_map.svg")
    args = parser.parse_args(argv)
    load_order()
    body = outline()
    views = {}
    failed = False
    for view, cuts, dx in (("front", front_cuts(), FRONT_X), ("back", back_cuts(), BACK_X)):
        arr = build(body, [spline(c) for c in cuts])
        shapes, out, problems = regions(arr, seeds(view))
        for problem in problems:
            print(f"{view}: {problem}", file=sys.stderr)
            failed = True
        views[view] = (shapes, out, dx)
    write_svg(args.output, views)
    print(f"wrote {args.output} ({sum(len(v[0]) for v in views.values())} regions)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
