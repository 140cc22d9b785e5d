"""`coach voice say|list`, and `coach sessions show` timed with the real voice."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from coach.cli.main import run
from coach.cli.voice import DEFAULT_RATE, saved_rate
from coach.core.playing.narration import loudest_dbfs, peak_dbfs, read_wav_mono
from coach.core.playing.timeline import TENSE_HOLD
from coach.paths import Paths
from coach.services.settings import Settings
from tests.cli.test_main import coach_env
from tests.conftest import REPO, write_session

pytestmark = pytest.mark.slow  # each renders with the real voice (a second or two)


def test_voice_say_renders_the_session_voice_into_a_wav(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drop.wav"

    assert run(["voice", "say", "Let", "your", "shoulders", "drop.", "--output", str(out)]) == 0

    samples, rate = read_wav_mono(out)
    assert rate == 22_050
    assert 0.8 < len(samples) / rate < 4
    # the session's loudness at the default voice volume (0.8, played at 0.8 squared)
    assert peak_dbfs(samples) == pytest.approx(-1 + 20 * np.log10(0.64), abs=0.2)
    assert loudest_dbfs(samples, rate) > -35
    said = capsys.readouterr().out
    assert "Joe (US English, built in)" in said
    assert f"rate {DEFAULT_RATE:+.1f}" in said
    # a second time it comes from the cache, the same sound
    again = tmp_path / "again.wav"
    assert run(["voice", "say", "Let your shoulders drop.", "-o", str(again), "--full-scale"]) == 0
    louder, _ = read_wav_mono(again)
    assert peak_dbfs(louder) == pytest.approx(-1, abs=0.1)
    assert len(louder) == len(samples)


def test_voice_list_names_the_built_in_voice_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["voice", "list"]) == 0
    out = capsys.readouterr().out

    assert "* built-in (piper): Joe (US English, built in)" in out
    assert "CC0" in out
    assert "system text-to-speech" in out


def test_the_rate_is_read_from_the_settings_without_qt(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "data")
    assert saved_rate(paths) == DEFAULT_RATE == Settings.DEFAULTS["voice/rate"]
    Settings.for_paths(paths).speech_rate = -0.7
    assert saved_rate(paths) == pytest.approx(-0.7)


def test_sessions_show_times_a_written_routine_with_the_real_voice_and_no_qt(
    tmp_path: Path,
) -> None:
    path = write_session(
        tmp_path / "mine",
        "mine.toml",
        """\
format = 1
title = "Mine"

[[steps]]
text = "Squeeze your shoulders up toward your ears, and notice the tension there."
kind = "tense"
duration = 4

[[steps]]
text = "And drop them."
kind = "release"
duration = 10
""",
    )
    script = textwrap.dedent(
        f"""
        import json, sys
        from coach.cli.main import run
        assert run(["sessions", "show", {str(path)!r}, "--json"]) == 0
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        assert not loaded, loaded
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=coach_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    import json

    out = json.loads(result.stdout)
    tense, release = out["steps"]
    assert tense["written_duration"] == 4
    assert tense["speech"] > 2.0, "the real length of the words"
    assert tense["duration"] >= 0.35 + tense["speech"] + TENSE_HOLD - 0.01
    assert release["duration"] == 10
    assert release["start"] == tense["duration"]
    assert out["duration"] == pytest.approx(tense["duration"] + 10)
    assert list((tmp_path / "cache" / "narration").glob("*.wav")), "kept in the cache"
