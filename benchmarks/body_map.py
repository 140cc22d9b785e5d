"""Drawing the body map and following the pointer over it, against a 16 ms frame.

(1) Render: the whole widget at 1100x720 with every region marked (each its colour and number),
into a QImage at device pixel ratio 1 and 2, drawn from scratch as after a change of marks
("render"), and again from the widget's cached scene as after a hover or an expose
("repaint_cached"); against a baseline of drawing only the two bare figure outlines (filled
and outlined the way the widget does it, same transform) into the same image.
(2) Hover: the pointer moves across both figures; each step is the hit test plus the repaint it
causes (only the two regions' rectangles), and, for the worst case, a full repaint.

Medians and 99th percentiles in milliseconds; a frame at 60 Hz is 16.7 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/body_map.py [--repeat 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QRegion  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from coach.core.body.body_shapes import load_body_shapes  # noqa: E402
from coach.core.body.regions import load_catalogue  # noqa: E402
from coach.ui.body_map.body_map_widget import BodyMapWidget  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FRAME_MS = 1000 / 60


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(p99 * 1000, 3),
        "min_ms": round(ordered[0] * 1000, 3),
    }


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    action()  # warm up caches (fonts, glyphs)
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    catalogue = load_catalogue(REPO / "assets" / "regions.toml")
    shapes = load_body_shapes(REPO / "assets" / "body_map.svg", catalogue)
    widget = BodyMapWidget(catalogue, shapes)
    widget.resize(1100, 720)
    widget.show()
    app.processEvents()
    widget.set_marks({r: i % 11 for i, r in enumerate(catalogue.regions)})
    report: dict[str, object] = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "size": "1100x720",
        "regions": len(catalogue.regions),
        "repeat": args.repeat,
        "frame_ms": round(FRAME_MS, 2),
    }
    for ratio in (1, 2):
        image = QImage(1100 * ratio, 720 * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)

        def cold(image: QImage = image) -> None:
            image.fill(QColor("white"))
            widget._changed()  # as after a change of marks: the scene is drawn anew
            widget.render(image)

        def warm(image: QImage = image) -> None:
            image.fill(QColor("white"))
            widget.render(image)

        def bare(image: QImage = image) -> None:
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(QColor("#5f574f"), 1)
            pen.setCosmetic(True)
            for view in widget.views():
                painter.setTransform(widget.view_transform(view))
                painter.fillPath(widget.figures.outlines[view], QColor("#ece6df"))
                painter.strokePath(widget.figures.outlines[view], pen)
            painter.end()

        report[f"render_dpr{ratio}"] = stats(timed(cold, args.repeat))
        report[f"repaint_cached_dpr{ratio}"] = stats(timed(warm, args.repeat))
        report[f"bare_outline_dpr{ratio}"] = stats(timed(bare, args.repeat))

    # the pointer sweeps down both figures in a zig-zag
    points = [
        QPointF(40 + (i * 37) % 1020, 30 + (i * 7) % 640) for i in range(max(args.repeat, 200))
    ]
    image = QImage(1100, 720, QImage.Format.Format_ARGB32_Premultiplied)
    steps = iter(range(10**9))

    def hover_step(full_repaint: bool) -> None:
        pos = points[next(steps) % len(points)]
        before = widget._hover
        event = QMouseEvent(
            QEvent.Type.MouseMove,
            pos,
            widget.mapToGlobal(pos),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)
        if full_repaint:
            widget.render(image)
            return
        dirty = QRegion()
        for r in (before, widget._hover):
            if r is not None:
                dirty += widget.region_rect(r).toAlignedRect().adjusted(-4, -4, 4, 4)
        if not dirty.isEmpty():
            widget.render(image, dirty.boundingRect().topLeft(), QRegion(dirty))

    def hit_only() -> None:
        widget.region_at(points[next(steps) % len(points)])

    report["hover_hit_test"] = stats(timed(hit_only, args.repeat))
    report["hover_hit_and_partial_repaint"] = stats(timed(lambda: hover_step(False), args.repeat))
    report["hover_hit_and_full_repaint"] = stats(timed(lambda: hover_step(True), args.repeat))
    for key in ("render_dpr1", "render_dpr2"):
        entry = report[key]
        assert isinstance(entry, dict)
        base = report[key.replace("render", "bare_outline")]
        assert isinstance(base, dict)
        entry["vs_bare_outline"] = round(entry["median_ms"] / base["median_ms"], 2)
        entry["share_of_frame"] = round(entry["p99_ms"] / FRAME_MS, 3)
    widget.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"body map at {report['size']}, {report['regions']} regions all marked; {args.repeat} runs"
    )
    for key, value in report.items():
        if isinstance(value, dict):
            extra = ", ".join(
                f"{k} {v}" for k, v in value.items() if k not in ("median_ms", "p99_ms")
            )
            print(
                f"  {key:32} median {value['median_ms']:7.3f} ms   p99 {value['p99_ms']:7.3f} ms   {extra}"
            )
    print(f"  (a frame at 60 Hz is {FRAME_MS:.1f} ms)")


if __name__ == "__main__":
    main()
