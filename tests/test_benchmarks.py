"""The benchmarks still run (their figures are read by people, never asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_timer_drift_benchmark_runs_and_reports_both_designs():
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "timer_drift.py"), "--seconds", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["routine_seconds"] == 1
    for design in ("player", "chained_timers"):
        assert set(report[design]) >= {"boundaries", "p50_ms", "p99_ms", "max_ms"}
        assert report[design]["boundaries"] >= 2
