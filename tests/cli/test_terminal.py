"""Control sequences in notes, tags, titles and file names reach the terminal escaped (issue 13, 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cli.main import run
from coach.cli.terminal import escape
from coach.paths import Paths
from tests.conftest import MINIMAL, write_session

ESC = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"


def test_escape_shows_every_control_but_newline_and_tab() -> None:
    assert escape("a\x1b[31mb\tc\nd\x9b\x7f\u202e") == "a\\u001b[31mb\tc\nd\\u009b\\u007f\\u202e"
    assert json.loads(f'"{escape(chr(0x9B))}"') == "\x9b", "still valid inside a JSON string"


def test_log_show_escapes_notes_and_tags(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["log", "add", "--date", "2026-01-02", "--pain", "3", "--note", f"n{ESC}"]) == 0
    capsys.readouterr()
    assert run(["log", "show", "--from", "2026-01-01", "--to", "2026-01-03"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "\x07" not in out
    assert "\\u001b" in out
    assert run(["log", "show", "--from", "2026-01-01", "--to", "2026-01-03", "--json"]) == 0
    shown = capsys.readouterr().out
    assert "\x9b" not in shown
    assert json.loads(shown)["days"][0]["note"] == f"n{ESC}"


def test_sessions_list_show_and_play_escape_titles(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = MINIMAL.replace('title = "Two steps"', 'title = "Evil \\u001b[2J\\u009b31m title"')
    path = write_session(paths.user_sessions, "evil.toml", body)
    assert run(["sessions", "list"]) == 0
    assert run(["sessions", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Evil \\u001b[2J\\u009b31m title" in out
    assert "\x1b" not in out
    assert "\x9b" not in out
