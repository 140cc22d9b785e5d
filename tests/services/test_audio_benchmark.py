"""The cue-latency benchmark still runs (its figures are read by people, never asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services.test_audio_alsa import needs_alsa

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "cue_latency.py"
# ALSA's default device writes to /dev/null through the file plugin: real calls, no sound card
NULL_RC = 'pcm.!default {\n  type file\n  slave.pcm "null"\n  file "/dev/null"\n  format "raw"\n}\n'


@pytest.mark.slow
def test_cue_latency_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    needs_alsa()
    (tmp_path / ".asoundrc").write_text(NULL_RC, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, str(BENCHMARK), "--seconds", "2", "--json"],
        env={**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["routine_seconds"] == 2
    for figure in ("boundary_error", "cue_latency", "cue_call", "bare_play_buffer"):
        assert set(report[figure]) == {"count", "p50_ms", "p99_ms", "max_ms"}
        assert report[figure]["count"] >= 1
