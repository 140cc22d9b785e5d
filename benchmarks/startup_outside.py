"""Start-up measured from outside: spawn a real process under Xvfb, wait for its window to be mapped.

benchmarks/startup.py asks the process itself when its window was exposed. This one trusts nothing
inside the process: `xev` listens on the X server's root window for MapNotify events, and the
time from spawning the process to the first MapNotify is the time a person waits for a window.
Each run alternates a bare PySide6 window (a QMainWindow of the app's size) and `python -m coach`
on a log that already exists (a warm-up launch makes it); the process is ended once mapped.
Min / median / max are reported; ratio = median app / median bare (the aim is at most 1.2).

    .venv/bin/python benchmarks/startup_outside.py [--repeat 9] [--source DIR] [--json]
        [--compare DIR]   # another checkout (e.g. the last commit), launched in the same rounds
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import REPO, spread, xvfb  # noqa: E402

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
sys.exit(app.exec())
"""


class MapWatch:
    """`xev` on the root window, reporting MapNotify lines as they come."""

    def __init__(self, display: str) -> None:
        self.process = subprocess.Popen(
            ["stdbuf", "-oL", "xev", "-root", "-event", "substructure"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdout is not None
        self.out = self.process.stdout.fileno()
        os.set_blocking(self.out, False)
        self.pending = b""

    def drain(self) -> None:
        """Forget what was reported so far."""
        while select.select([self.out], [], [], 0.05)[0]:
            if not os.read(self.out, 65536):
                break
        self.pending = b""

    def wait_mapped(self, timeout: float) -> float | None:
        """The monotonic time a MapNotify line was read, or None after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready = select.select([self.out], [], [], max(0.0, deadline - time.monotonic()))[0]
            if not ready:
                continue
            self.pending += os.read(self.out, 65536)
            if b"MapNotify" in self.pending:
                return time.monotonic()
        return None

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def once(command: list[str], env: dict[str, str], cwd: Path, watch: MapWatch) -> float:
    """Milliseconds from spawning `command` to its first window being mapped."""
    watch.drain()
    start = time.monotonic()
    child = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        mapped = watch.wait_mapped(60)
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    if mapped is None:
        raise RuntimeError(f"{command} mapped no window within 60 s")
    return 1000 * (mapped - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9, help="launches of each (default 9)")
    parser.add_argument("--source", type=Path, default=REPO, help="the checkout to start")
    parser.add_argument("--compare", type=Path, help="another checkout, timed in the same rounds")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    source = args.source.resolve()
    other = args.compare.resolve() if args.compare else None
    with tempfile.TemporaryDirectory(prefix="unknot-startup-outside-") as folder, xvfb() as display:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": folder,
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": folder,
            "COACH_DATA_DIR": str(Path(folder) / "data"),
            "COACH_CONFIG_DIR": str(Path(folder) / "config"),
            "PYTHONPATH": str(source),
            "QT_QPA_PLATFORM": "xcb",
            "DISPLAY": display,
        }
        bare_command = [sys.executable, "-c", BARE]
        app_command = [sys.executable, "-m", "coach"]
        watch = MapWatch(display)
        try:
            time.sleep(0.2)  # xev is listening
            once(bare_command, env, REPO, watch)
            once(app_command, env, source, watch)  # makes the log, as a second start finds it
            bare: list[float] = []
            app: list[float] = []
            compared: list[float] = []
            for _ in range(args.repeat):
                bare.append(once(bare_command, env, REPO, watch))
                app.append(once(app_command, env, source, watch))
                if other is not None:
                    compared.append(
                        once(app_command, {**env, "PYTHONPATH": str(other)}, other, watch)
                    )
        finally:
            watch.close()
    report = {
        "bare_ms": round(statistics.median(bare), 1),
        "app_ms": round(statistics.median(app), 1),
        "ratio": round(statistics.median(app) / statistics.median(bare), 2),
        "aim": 1.2,
        "repeat": args.repeat,
        "source": str(source),
        "bare_spread": spread(bare),
        "app_spread": spread(app),
        "bare_samples": [round(x, 1) for x in bare],
        "app_samples": [round(x, 1) for x in app],
    }
    if compared:
        report["compare"] = str(other)
        report["compare_ms"] = round(statistics.median(compared), 1)
        report["compare_ratio"] = round(statistics.median(compared) / statistics.median(bare), 2)
        report["compare_spread"] = spread(compared)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"Start-up from outside (spawn to MapNotify under Xvfb), {args.repeat} launches each")
    print("                         min / median / max ms")
    print(f"  bare PySide6 window    {'/'.join(f'{x:.0f}' for x in report['bare_spread'])}")
    print(
        f"  Unknot                 {'/'.join(f'{x:.0f}' for x in report['app_spread'])}"
        f"   ratio of medians {report['ratio']:.2f} (aim <= 1.2)"
    )
    if compared:
        print(
            f"  {other}   {'/'.join(f'{x:.0f}' for x in report['compare_spread'])}"
            f"   ratio {report['compare_ratio']:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
