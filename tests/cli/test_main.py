"""The `coach` command line: regions, data folders, and what it must not need (a display)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coach import __version__
from coach.cli.main import run
from tests.conftest import MINIMAL, REPO, write_session


def coach_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A controlled environment for `python -m coach`: fresh folders, no display, no Qt platform."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "XDG_RUNTIME_DIR": str(runtime),
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_CONFIG_DIR": str(tmp_path / "config"),
        "COACH_CACHE_DIR": str(tmp_path / "cache"),
    }
    env.update(extra)
    return env


def coach(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m coach ARGS` in a fresh process and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        cwd=REPO,
        env=env if env is not None else coach_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    """Run an in-process command that prints JSON; it must succeed."""
    assert run(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


# -- no display needed ---------------------------------------------------------------------------


def test_version_works_without_a_display(tmp_path: Path) -> None:
    result = coach(tmp_path, "--version")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"coach (Unknot) {__version__}"


def test_help_works_without_a_display(tmp_path: Path) -> None:
    result = coach(tmp_path, "--help")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: coach")
    for command in ("sessions", "regions", "play", "--data-dir", "--self-test"):
        assert command in result.stdout


def test_cli_commands_never_import_qt(tmp_path: Path) -> None:
    """--help, --version and the text commands run on the Qt-free core: no PySide6 in the process."""
    script = textwrap.dedent(
        """
        import contextlib, io, sys
        from coach.cli.main import run

        for argv in (["--help"], ["--version"]):
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    run(argv)
                except SystemExit as exc:
                    assert exc.code == 0, (argv, exc.code)
        for argv in (["sessions", "list"], ["sessions", "show", "pmr-4", "--estimate"], ["regions", "list"],
                     ["safety"], ["suggest", "--area", "lower_back=8"]):
            with contextlib.redirect_stdout(io.StringIO()):
                assert run(argv) == 0, argv
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
        assert not loaded, loaded
        print("no qt")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=coach_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no qt"


# -- regions -------------------------------------------------------------------------------------


def test_regions_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["regions", "list"]) == 0
    out = capsys.readouterr().out

    count = int(re.match(r"(\d+) regions", out).group(1))
    assert count >= 60
    assert re.search(r"^\d+ groups \(usable wherever a region id is\):", out, re.M)
    assert re.search(r"^\d+ links \(pain here -> muscles there", out, re.M)
    assert re.search(r"^left_lower_back\s+.+\s+back\s+left$", out, re.M)
    assert re.search(r"^  \S+ -> \S+: .+$", out, re.M)


def test_regions_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "regions", "list", "--json")

    regions = {r["id"]: r for r in out["regions"]}
    assert len(regions) >= 60
    assert regions["left_lower_back"]["side"] == "left"
    assert {r["view"] for r in regions.values()} <= {"front", "back"}
    groups = {g["id"]: g for g in out["groups"]}
    assert groups, "groups are listed"
    for group in groups.values():
        assert group["regions"], group
        assert set(group["regions"]) <= set(regions), group["id"]
    assert "arms" in groups
    assert out["links"]
    known = set(regions) | set(groups)
    for link in out["links"]:
        assert link["from"] in known
        assert link["to"] in known
        assert link["reason"]


# -- where user data lives -----------------------------------------------------------------------


def own_ids(capsys: pytest.CaptureFixture[str], *argv: str) -> set[str]:
    out = run_json(capsys, *argv, "sessions", "list", "--json")
    return {r["id"] for r in out["routines"] if r["source"] == "yours"}


def test_data_dir_option_moves_user_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    write_session(elsewhere / "sessions", "moved.toml", MINIMAL)

    assert own_ids(capsys, "--data-dir", str(elsewhere)) == {"moved"}
    assert own_ids(capsys) == set(), "without the option, the default data folder is used"


def test_data_dir_environment_moves_user_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "from-env"
    write_session(elsewhere / "sessions", "from-env.toml", MINIMAL)
    monkeypatch.setenv("COACH_DATA_DIR", str(elsewhere))

    assert own_ids(capsys) == {"from-env"}


def test_data_dir_option_beats_the_environment(tmp_path: Path) -> None:
    from_env = tmp_path / "env-data"
    from_option = tmp_path / "option-data"
    write_session(from_env / "sessions", "env-one.toml", MINIMAL)
    write_session(from_option / "sessions", "option-one.toml", MINIMAL)
    env = coach_env(tmp_path, COACH_DATA_DIR=str(from_env))

    by_env = coach(tmp_path, "sessions", "list", "--json", env=env)
    by_option = coach(
        tmp_path, "--data-dir", str(from_option), "sessions", "list", "--json", env=env
    )

    assert by_env.returncode == 0, by_env.stderr
    assert by_option.returncode == 0, by_option.stderr
    env_ids = {r["id"] for r in json.loads(by_env.stdout)["routines"]}
    option_ids = {r["id"] for r in json.loads(by_option.stdout)["routines"]}
    assert "env-one" in env_ids
    assert "option-one" not in env_ids
    assert "option-one" in option_ids
    assert "env-one" not in option_ids
    assert (from_option / "sessions" / "README.txt").is_file()


def test_an_existing_data_dir_keeps_its_permissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)

    assert run(["--data-dir", str(shared), "sessions", "list"]) == 0

    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_an_unusable_data_dir_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("", encoding="utf-8")

    status = run(["--data-dir", str(not_a_folder), "sessions", "list"])

    assert status != 0
    err = capsys.readouterr().err
    assert err.startswith("coach: ")
    assert str(not_a_folder) in err


def test_show_json_writes_each_cue_as_its_name_or_its_full_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import wave

    folder = tmp_path / "mine"
    folder.mkdir()
    with wave.open(str(folder / "bell.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\0\0" * 100)
    path = write_session(
        folder,
        "bells.toml",
        'format = 1\ntitle = "Bells"\n'
        '[[steps]]\ntext = "Ring."\nduration = 5\ncue = "bell.wav"\n'
        '[[steps]]\ntext = "Quiet."\nduration = 5\ncue = "none"\n'
        '[[steps]]\ntext = "Let go."\nduration = 5\nkind = "release"\n',
    )

    out = run_json(capsys, "sessions", "show", str(path), "--json", "--estimate")

    assert [s["cue"] for s in out["steps"]] == [
        str((folder / "bell.wav").resolve()),
        "none",
        "release",
    ]
