"""Start-up: how long until Unknot's main window is on screen, against a bare PySide6 window.

All in one run, alternating one launch of each, medians reported, ratio = app / bare (the aim is
at most 1.2):

(a) bare: a new Python process that imports PySide6, makes a QApplication and an empty
    QMainWindow of the app's size, shows it and waits until it is exposed;
(b) app: `python -m coach --self-test` on a log that already exists (a warm-up launch makes it),
    which reports when its main window was exposed ("shown") and when its views were built on
    the open log ("ready").

Both are timed from the moment the parent spawns the process to the moment the window is
exposed: the parent passes `time.monotonic_ns()` in COACH_LAUNCHED_AT and the child subtracts it
from its own monotonic clock (one clock for the whole machine on Linux, macOS and Windows).

    .venv/bin/python benchmarks/startup.py [--repeat 7] [--platform offscreen|xvfb] [--json]
        [--source DIR]   # another checkout of Unknot, e.g. the last commit, for before/after
        [--compare DIR]  # another checkout launched in the same rounds (before/after on a busy
                         # machine: both see the same load)

Each figure is given as min / median / max over the launches.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The bare window, polled for exposure every 5 ms like the app's self-test.
BARE = """
import os, sys, time
launched = int(os.environ["COACH_LAUNCHED_AT"])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
def check():
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        print(f"shown {(time.monotonic_ns() - launched) / 1e6:.1f} ms", flush=True)
        app.exit(0)
poll = QTimer()
poll.setInterval(5)
poll.timeout.connect(check)
poll.start()
sys.exit(app.exec())
"""
APP_REPORT = re.compile(r"from launch: shown ([\d.]+) ms, ready ([\d.]+) ms")
OLD_APP_REPORT = re.compile(r"main window shown after (\d+) ms")  # before the launch time


def launch(command: list[str], env: dict[str, str], cwd: Path) -> str:
    """Run one child with the launch time in its environment; its standard output."""
    env = {**env, "COACH_LAUNCHED_AT": str(time.monotonic_ns())}
    result = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{command} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def bare_once(env: dict[str, str]) -> float:
    """Milliseconds from spawning to the bare window being exposed."""
    out = launch([sys.executable, "-c", BARE], env, REPO)
    return float(re.search(r"shown ([\d.]+) ms", out).group(1))  # type: ignore[union-attr]


def app_once(env: dict[str, str], source: Path) -> tuple[float, float | None]:
    """Milliseconds from spawning to the app's window being exposed, and to it being ready."""
    start = time.monotonic()
    out = launch([sys.executable, "-m", "coach", "--self-test"], env, source)
    found = APP_REPORT.search(out)
    if found:
        return float(found.group(1)), float(found.group(2))
    # an older self-test only reports from its own start: time the whole process instead
    if OLD_APP_REPORT.search(out):
        return 1000 * (time.monotonic() - start), None
    raise RuntimeError(f"no timing in the self-test's output:\n{out}")


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb server; yields its DISPLAY."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        received = b""
        deadline = time.monotonic() + 15
        while not received.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise SystemExit("Xvfb did not start within 15 s")
            chunk = os.read(read_end, 64)
            if not chunk:
                raise SystemExit("Xvfb exited before it was ready")
            received += chunk
        yield ":" + received.decode().strip()
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def spread(samples: list[float]) -> list[float]:
    """[min, median, max] of `samples`, rounded to 0.1 ms."""
    return [round(min(samples), 1), round(statistics.median(samples), 1), round(max(samples), 1)]


def measure(
    repeat: int, env: dict[str, str], source: Path, compare: Path | None = None
) -> dict[str, object]:
    """Alternate bare and app launches `repeat` times (after one warm-up of each); with
    `compare`, that checkout is launched in each round too (its own PYTHONPATH)."""
    other_env = {**env, "PYTHONPATH": str(compare)} if compare is not None else env
    bare_once(env)
    app_once(env, source)  # also makes the log, as a person's second start finds it
    if compare is not None:
        app_once(other_env, compare)
    bare: list[float] = []
    shown: list[float] = []
    ready: list[float] = []
    compared: list[float] = []
    for _ in range(repeat):
        bare.append(bare_once(env))
        app_shown, app_ready = app_once(env, source)
        shown.append(app_shown)
        if app_ready is not None:
            ready.append(app_ready)
        if compare is not None:
            compared.append(app_once(other_env, compare)[0])
    bare_ms = statistics.median(bare)
    shown_ms = statistics.median(shown)
    report: dict[str, object] = {
        "bare_ms": round(bare_ms, 1),
        "app_shown_ms": round(shown_ms, 1),
        "app_ready_ms": round(statistics.median(ready), 1) if ready else None,
        "ratio": round(shown_ms / bare_ms, 2),
        "aim": 1.2,
        "bare_spread": spread(bare),
        "app_shown_spread": spread(shown),
        "bare_samples": [round(x, 1) for x in bare],
        "app_shown_samples": [round(x, 1) for x in shown],
    }
    if compare is not None:
        report |= {
            "compare": str(compare),
            "compare_shown_ms": round(statistics.median(compared), 1),
            "compare_ratio": round(statistics.median(compared) / bare_ms, 2),
            "compare_spread": spread(compared),
        }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="launches of each (default 7)")
    parser.add_argument(
        "--platform",
        choices=("offscreen", "xvfb"),
        default="offscreen",
        help="Qt's offscreen platform (default), or a private Xvfb server with the xcb platform",
    )
    parser.add_argument("--source", type=Path, default=REPO, help="the checkout to start")
    parser.add_argument("--compare", type=Path, help="another checkout, timed in the same rounds")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    compare = args.compare.resolve() if args.compare else None
    with tempfile.TemporaryDirectory(prefix="unknot-startup-") as folder:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": folder,
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": folder,
            "COACH_DATA_DIR": str(Path(folder) / "data"),
            "COACH_CONFIG_DIR": str(Path(folder) / "config"),
            "PYTHONPATH": str(args.source.resolve()),
        }
        if args.platform == "xvfb":
            with xvfb() as display:
                report = measure(
                    args.repeat,
                    {**env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display},
                    args.source,
                    compare,
                )
        else:
            report = measure(
                args.repeat, {**env, "QT_QPA_PLATFORM": "offscreen"}, args.source, compare
            )
    report |= {
        "platform": args.platform,
        "repeat": args.repeat,
        "source": str(args.source),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"Start-up to the main window on screen, {args.platform}, {args.repeat} launches each")
    print("                         min / median / max ms")
    print(f"  bare PySide6 window    {'/'.join(f'{x:.0f}' for x in report['bare_spread'])}")
    print(
        f"  Unknot, window shown   {'/'.join(f'{x:.0f}' for x in report['app_shown_spread'])}"
        f"   ratio of medians {report['ratio']:.2f} (aim <= 1.2)"
    )
    if compare is not None:
        print(
            f"  {compare}   {'/'.join(f'{x:.0f}' for x in report['compare_spread'])}"
            f"   ratio {report['compare_ratio']:.2f}"
        )
    if report["app_ready_ms"] is not None:
        print(
            f"  Unknot, views ready   {report['app_ready_ms']:7.1f} ms   (log open, routines read)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
