"""Start-up of the bundle against the development install: `--self-test`, offscreen.

    .venv/bin/python packaging/compare_startup.py [--runs 5]

Runs each once to warm up (and to create its log), then RUNS times, and prints the medians of
the whole process and of "window shown" and "window ready" as the self-test reports them from
the moment of launch (COACH_LAUNCHED_AT). Needs dist/unknot (packaging/build.sh).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CANDIDATES = {
    "bundle (dist/unknot/unknot)": [str(REPO / "dist" / "unknot" / "unknot"), "--self-test"],
    "development (.venv/bin/coach)": [str(REPO / ".venv" / "bin" / "coach"), "--self-test"],
}
REPORT = re.compile(r"from launch: shown ([\d.]+) ms, ready ([\d.]+) ms")


def measure(command: list[str], runs: int) -> tuple[float, float, float]:
    """Medians (ms) of the whole process, window shown and window ready."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            COACH_DATA_DIR=f"{scratch}/data",
            COACH_CONFIG_DIR=f"{scratch}/config",
        )
        subprocess.run(command, env=env, capture_output=True, check=True)
        whole, shown, ready = [], [], []
        for _ in range(runs):
            env["COACH_LAUNCHED_AT"] = str(time.monotonic_ns())
            started = time.perf_counter()
            out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            whole.append(1000 * (time.perf_counter() - started))
            found = REPORT.search(out.stdout)
            if found:
                shown.append(float(found.group(1)))
                ready.append(float(found.group(2)))
    middle = statistics.median
    return middle(whole), middle(shown) if shown else 0.0, middle(ready) if ready else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    for name, command in CANDIDATES.items():
        if not Path(command[0]).exists():
            sys.stderr.write(f"{command[0]} is missing\n")
            return 1
        whole, shown, ready = measure(command, runs)
        sys.stdout.write(
            f"{name:32s} whole process {whole:5.0f} ms   window shown {shown:5.0f} ms   "
            f"ready {ready:5.0f} ms   (medians of {runs})\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
