"""SVG path data read into subpaths of straight and curved segments, in absolute coordinates.

Only what the body map's artwork needs is read: M L H V C S Q T Z, absolute and relative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.core.body.geometry import Point, bezier_weights, cubic_of_quad

FLAT_STEPS = 12  # straight pieces per curve when testing containment
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"  # a number as SVG writes it
TOKEN = re.compile(rf"([A-Za-z])|({NUMBER})")
ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}


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
        weights = bezier_weights(steps)
        for seg in self.segments:
            pts = seg.points if len(seg.points) != 2 else cubic_of_quad(here, *seg.points)
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


def parse_path(d: str) -> tuple[Subpath, ...]:
    """SVG path data as subpaths of absolute points; raises ValueError on what it cannot read."""
    tokens: list[str | float] = []
    pos = 0
    for match in TOKEN.finditer(d):
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
            if command.upper() not in ARITY:
                raise ValueError(f"the command {command!r} is not supported")
            if command.upper() == "Z":
                finish(True)
                here, last_kind = start, "Z"
                continue
        elif not command or command.upper() == "Z":
            raise ValueError("a number without a command")
        arity = ARITY[command.upper()]
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
