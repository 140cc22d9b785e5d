"""The benchmarks still run (their figures are read by people, never asserted here)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_startup_benchmark_runs_and_reports_both_windows():
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "startup.py"), "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["repeat"] == 1
    assert report["bare_ms"] > 0
    assert report["app_shown_ms"] > 0
    assert report["app_ready_ms"] >= report["app_shown_ms"]
    assert report["ratio"] > 0


def test_report_benchmark_runs_and_times_each_part():
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "report.py"), "--years", "1", "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    (run,) = json.loads(result.stdout)["runs"]
    assert run["years"] == 1
    assert run["days"] > 300
    for period in ("whole", "3_months"):
        assert set(run[period]) == {"read", "figures", "pdf", "total", "pages"}
        assert run[period]["pages"] == 2
        assert run[period]["total"] > 0


def test_narration_benchmark_runs_and_reports_its_three_figures(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "narration.py"), "--steps", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["first_word"]["warm_cache_ms"] > 0
    assert report["first_word"]["warm_to_lead_ratio"] > 0
    assert report["ahead"]["steps"] == 2
    assert report["ahead"]["render_all_s"] > 0
    assert report["memory"]["with_voice_mb"] > report["memory"]["without_voice_mb"]


@pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xev") and shutil.which("stdbuf")),
    reason="needs Xvfb, xev and stdbuf",
)
def test_startup_from_outside_benchmark_runs_and_reports_both_windows():
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "startup_outside.py"), "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["repeat"] == 1
    assert report["bare_ms"] > 0
    assert report["app_ms"] > 0
