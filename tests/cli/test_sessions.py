"""`coach sessions list|validate|show|schema` on the built-in routines and on real files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coach.cli.main import run
from coach.paths import Paths
from tests.cli.test_main import coach, run_json
from tests.conftest import BUILTIN_IDS, MINIMAL, NEGATIVE, REPO, write_session

# Loads, but its text needs far longer to say than the step lasts.
TOO_WORDY = """\
format = 1
title = "Wordy"

[[steps]]
text = "This sentence has a great many words in it, far too many to be said calmly in a single second."
duration = 1
"""


# -- sessions list -------------------------------------------------------------------------------


def test_sessions_list_text_shows_the_built_ins(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    assert run(["sessions", "list"]) == 0
    out = capsys.readouterr().out

    header = out.splitlines()[0].split()
    assert header == ["ID", "TITLE", "KIND", "DURATION", "SOURCE"]
    rows = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    for routine_id in BUILTIN_IDS:
        assert routine_id in rows
        assert rows[routine_id].rstrip().endswith("built-in")
    assert re.search(
        r"Progressive muscle relaxation: 4 groups \(short\)\s+pmr\s+8:28", rows["pmr-4"]
    )
    assert f"Built-in: {paths.builtin_sessions}" in out
    assert f"Yours:    {paths.user_sessions}" in out
    assert "could not be loaded" not in out


def test_sessions_list_json_describes_each_routine(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "sessions", "list", "--json")

    by_id = {r["id"]: r for r in out["routines"]}
    assert set(by_id) == BUILTIN_IDS
    assert out["broken"] == []
    pmr4 = by_id["pmr-4"]
    assert pmr4["title"] == "Progressive muscle relaxation: 4 groups (short)"
    assert pmr4["kind"] == "pmr"
    assert pmr4["duration"] == pytest.approx(508)
    assert pmr4["steps"] == 33
    assert pmr4["source"] == "built-in"
    assert pmr4["overrides"] is None
    assert Path(pmr4["path"]) == REPO / "sessions" / "pmr-4.toml"
    assert by_id["massage-low-back"]["kind"] == "massage"


def test_a_broken_user_file_is_listed_with_file_and_line(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    bad = write_session(paths.user_sessions, "negative.toml", NEGATIVE)
    write_session(paths.user_sessions, "mine.toml", MINIMAL)

    assert run(["sessions", "list"]) == 0
    text = capsys.readouterr().out
    out = run_json(capsys, "sessions", "list", "--json")

    assert "1 file(s) could not be loaded:" in text
    assert (
        f"  {bad}:10: steps[1].duration must be a positive number of seconds, got -5"
        in text.splitlines()
    )
    # the good files still load
    assert {r["id"] for r in out["routines"]} == BUILTIN_IDS | {"mine"}
    [broken] = out["broken"]
    assert broken["path"] == str(bad)
    assert broken["source"] == "yours"
    [problem] = broken["problems"]
    assert problem == {
        "file": str(bad),
        "line": 10,
        "field": "steps[1].duration",
        "message": "must be a positive number of seconds, got -5",
        "severity": "error",
    }


def test_a_toml_syntax_error_is_listed_with_its_line(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    bad = write_session(paths.user_sessions, "unclosed.toml", 'format = 1\ntitle = "x\n')

    out = run_json(capsys, "sessions", "list", "--json")

    [broken] = out["broken"]
    [problem] = broken["problems"]
    assert problem["file"] == str(bad)
    assert problem["line"] == 2
    assert problem["message"].startswith("is not valid TOML")


def test_a_user_file_with_a_built_in_id_wins(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    mine = write_session(
        paths.user_sessions,
        "my-pmr.toml",
        MINIMAL.replace('title = "Two steps"', 'id = "pmr-4"\ntitle = "My short PMR"'),
    )

    assert run(["sessions", "list"]) == 0
    text = capsys.readouterr().out
    out = run_json(capsys, "sessions", "list", "--json")

    pmr4 = [r for r in out["routines"] if r["id"] == "pmr-4"]
    assert len(pmr4) == 1, "one routine per id"
    assert pmr4[0]["title"] == "My short PMR"
    assert pmr4[0]["source"] == "yours"
    assert pmr4[0]["path"] == str(mine)
    assert pmr4[0]["overrides"] == str(REPO / "sessions" / "pmr-4.toml")
    row = next(line for line in text.splitlines() if line.startswith("pmr-4 "))
    assert "My short PMR" in row
    assert row.rstrip().endswith("yours (replaces built-in)")


# -- sessions validate ---------------------------------------------------------------------------


def test_validate_a_good_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = write_session(tmp_path / "in", "good.toml", MINIMAL)

    assert run(["sessions", "validate", str(good)]) == 0

    assert capsys.readouterr().out.splitlines() == [f"{good}: ok (2 steps, 0:10)"]


def test_validate_a_folder_of_good_files(capsys: pytest.CaptureFixture[str]) -> None:
    folder = REPO / "sessions"

    assert run(["sessions", "validate", str(folder)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(BUILTIN_IDS)
    for name in BUILTIN_IDS:
        assert any(line.startswith(f"{folder / name}.toml: ok (") for line in lines), lines


def test_validate_a_negative_duration(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = write_session(tmp_path / "in", "negative.toml", NEGATIVE)

    assert run(["sessions", "validate", str(bad)]) == 1

    assert capsys.readouterr().out.splitlines() == [
        f"{bad}:10: steps[1].duration must be a positive number of seconds, got -5"
    ]


def test_validate_prints_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = write_session(
        tmp_path / "in",
        "many.toml",
        """\
format = 1
title = "Many problems"
kind = "yoga"

[[steps]]
text = "One."
duration = 0
regions = ["left_elbw"]

[[steps]]
duration = 3
""",
    )
    good = write_session(tmp_path / "in", "good.toml", MINIMAL)

    assert run(["sessions", "validate", str(tmp_path / "in")]) == 1

    lines = capsys.readouterr().out.splitlines()
    assert f"{good}: ok (2 steps, 0:10)" in lines, "a bad file does not stop the others"
    problems = [line for line in lines if ": ok (" not in line]
    located = re.compile(rf"^{re.escape(str(bad))}:(\d+): (\S+) (.+)$")
    found = {}
    for line in problems:
        match = located.match(line)
        assert match, f"not FILE:LINE: field message: {line!r}"
        found[match.group(2)] = (int(match.group(1)), match.group(3))
    assert found["kind"][0] == 3
    assert "yoga" in found["kind"][1]
    assert found["steps[0].duration"][0] == 7
    assert "positive" in found["steps[0].duration"][1]
    assert found["steps[1].text"] == (10, "is required (text in quotes)")
    assert len(problems) == len(found), "each problem once"


def test_validate_a_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"

    assert run(["sessions", "validate", str(missing)]) == 1

    assert capsys.readouterr().out.splitlines() == [f"{missing}: no such file or folder"]


def test_validate_an_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    assert run(["sessions", "validate", str(empty)]) == 1

    assert capsys.readouterr().out.splitlines() == [f"{empty}: no session files (*.toml) here"]


def test_validate_warnings_print_but_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wordy = write_session(tmp_path / "in", "wordy.toml", TOO_WORDY)

    assert run(["sessions", "validate", str(wordy)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert re.fullmatch(
        rf"{re.escape(str(wordy))}:\d+: warning: steps\[0\]\.text takes about [\d.]+ s to say "
        r"but the step lasts 1 s; shorten the text or lengthen the step",
        lines[0],
    ), lines[0]
    assert lines[1] == f"{wordy}: ok (1 steps, 0:01)"


def test_validate_warning_points_at_the_text_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wordy = write_session(tmp_path / "in", "wordy.toml", TOO_WORDY)

    assert run(["sessions", "validate", str(wordy)]) == 0

    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{wordy}:5: warning: steps[0].text takes about "), first


def test_validate_warning_names_say_when_say_is_too_long(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_session(
        tmp_path / "in",
        "say.toml",
        """\
format = 1
title = "Say"

[[steps]]
text = "Short."
say = "This sentence has a great many words in it, far too many to be said calmly in one second."
duration = 1
""",
    )

    assert run(["sessions", "validate", str(path)]) == 0

    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{path}:6: warning: steps[0].say takes about "), first


def test_validate_in_a_real_process_exits_1_on_problems(tmp_path: Path) -> None:
    bad = write_session(tmp_path / "in", "negative.toml", NEGATIVE)

    result = coach(tmp_path, "sessions", "validate", str(bad))

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}:10: steps[1].duration must be a positive number of seconds, got -5"
    ]


# -- sessions show -------------------------------------------------------------------------------


def assert_offsets_add_up(steps: list[dict], total: float) -> None:
    assert steps[0]["start"] == 0
    for before, after in zip(steps, steps[1:], strict=False):
        assert after["start"] == pytest.approx(before["start"] + before["duration"])
    assert steps[-1]["start"] + steps[-1]["duration"] == pytest.approx(total)
    assert [s["index"] for s in steps] == list(range(len(steps)))


def test_show_an_id_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["sessions", "show", "pmr-4", "--estimate"]) == 0
    lines = capsys.readouterr().out.splitlines()

    # timed by the estimate here (tests/cli/test_voice.py times with the real voice)
    assert lines[0].startswith("Progressive muscle relaxation: 4 groups (short)  [pmr-4, pmr, ")
    assert "8:28 as written" in lines[0]
    assert lines[0].endswith("lengthened to fit their words, 33 steps]")
    assert lines[1] == f"from {REPO / 'sessions' / 'pmr-4.toml'}"
    assert "Before you start:" in lines
    header = next(i for i, line in enumerate(lines) if line.startswith("START"))
    assert lines[header].split() == ["START", "LENGTH", "WORDS", "KIND", "TEXT", "REGIONS"]
    rows = lines[header + 1 :]
    assert len(rows) == 33
    starts = [row.split()[0] for row in rows]
    assert starts[:5] == ["0:00", "0:20", "0:55", "1:20", "1:25"]
    assert rows[3].split()[1] == "5s", "the group is named first"
    assert "instruction" in rows[3]
    # the tense step is lengthened to hold 5 s after its words
    assert rows[4].split()[2:4] == ["(was", "7s)"]
    assert rows[4].split()[5] == "tense"
    assert rows[4].rstrip().endswith("arms")


def test_show_a_path_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = REPO / "sessions" / "massage-low-back.toml"

    out = run_json(capsys, "sessions", "show", str(path), "--json", "--estimate")

    assert out["id"] == "massage-low-back"
    assert out["path"] == str(path)
    assert out["cautions"], "a massage routine comes with cautions"
    steps = out["steps"]
    assert len(steps) == 31
    assert_offsets_add_up(steps, out["duration"])
    regions = {r for s in steps for r in s["regions"]}
    assert {"left_lower_back", "right_lower_back"} <= regions
    assert out["warnings"] == []


def test_show_expands_blocks_with_regions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_session(
        tmp_path / "in",
        "sides.toml",
        """\
format = 1
title = "Both sides"

[[steps]]
text = "Begin."
duration = 2.5

[[steps]]
sides = ["left", "right"]
repeat = 2
  [[steps.steps]]
  text = "{Side} lower back, round {round}."
  duration = 4
  regions = ["{side}_lower_back"]
""",
    )

    out = run_json(capsys, "sessions", "show", str(path), "--json", "--estimate")

    steps = out["steps"]
    assert [s["text"] for s in steps] == [
        "Begin.",
        "Left lower back, round 1.",
        "Left lower back, round 2.",
        "Right lower back, round 1.",
        "Right lower back, round 2.",
    ]
    assert [s["start"] for s in steps] == [0, 2.5, 6.5, 10.5, 14.5]
    assert [s["regions"] for s in steps][1:] == [["left_lower_back"]] * 2 + [
        ["right_lower_back"]
    ] * 2
    assert out["targets"] == ["left_lower_back", "right_lower_back"]
    assert out["duration"] == pytest.approx(18.5)
    assert_offsets_add_up(steps, out["duration"])


def test_show_an_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["sessions", "show", "no-such-routine"]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "coach: no routine with id 'no-such-routine'; `coach sessions list` shows them"
    )


def test_show_a_broken_user_routine_by_id_says_why(
    capsys: pytest.CaptureFixture[str], paths: Paths
) -> None:
    bad = write_session(paths.user_sessions, "negative.toml", NEGATIVE)

    assert run(["sessions", "show", "negative"]) == 1

    err = capsys.readouterr().err
    assert "routine 'negative' could not be loaded" in err
    assert f"{bad}:10: steps[1].duration" in err


def test_show_a_bad_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = write_session(tmp_path / "in", "negative.toml", NEGATIVE)

    assert run(["sessions", "show", str(bad)]) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"coach: cannot use {bad}:")
    assert f"{bad}:10: steps[1].duration" in err


# -- sessions schema -----------------------------------------------------------------------------


def test_schema_is_json_with_the_session_fields(capsys: pytest.CaptureFixture[str]) -> None:
    schema = run_json(capsys, "sessions", "schema")

    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"format", "title", "steps"} <= set(schema["required"])
    assert "duration" in schema["$defs"]["step"]["properties"]


def test_schema_matches_the_committed_copy(capsys: pytest.CaptureFixture[str]) -> None:
    committed = REPO / "docs" / "session.schema.json"
    if not committed.is_file():
        pytest.skip("docs/session.schema.json is not generated yet")

    schema = run_json(capsys, "sessions", "schema")

    assert schema == json.loads(committed.read_text(encoding="utf-8")), (
        "docs/session.schema.json is stale; regenerate it with `coach sessions schema`"
    )


def test_the_sessions_command_has_its_four_actions() -> None:
    from coach.cli.main import build_parser

    parser = build_parser()
    for action in ("list", "validate", "show", "schema"):
        args = parser.parse_args(
            ["sessions", action, *(["x"] if action in ("validate", "show") else [])]
        )
        assert args.func.__module__ == "coach.cli.sessions"
        assert args.func.__name__ == f"cmd_sessions_{action}"
