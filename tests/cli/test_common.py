"""What the command-line commands share: one-line errors, the catalogue and library of a data
folder, finding a routine by id or by file, and plain-text tables."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from coach.cli.common import (
    CommandError,
    catalogue_for,
    find_routine,
    library_for,
    problem_json,
    table,
)
from coach.core.routines.problems import Problem, Severity
from coach.paths import Paths
from tests.conftest import MINIMAL, write_session


def refusal(spec: str, paths: Paths) -> CommandError:
    with pytest.raises(CommandError) as refused:
        find_routine(spec, paths)
    return refused.value


def test_a_routine_is_found_by_id_and_the_persons_own_file_wins(paths: Paths) -> None:
    assert find_routine("massage-foot", paths).title == "Sole of the foot self-massage"
    write_session(paths.user_sessions, "massage-foot.toml", MINIMAL)

    assert find_routine("massage-foot", paths).title == "Two steps"


def test_a_routine_is_found_by_its_file_anywhere(paths: Paths, tmp_path: Path) -> None:
    path = write_session(tmp_path / "elsewhere", "calm.toml", MINIMAL)

    routine = find_routine(str(path), paths)

    assert (routine.id, routine.path) == ("calm", path)


def test_an_unknown_id_points_at_the_list(paths: Paths) -> None:
    refused = refusal("no-such-routine", paths)

    assert str(refused) == "no routine with id 'no-such-routine'; `coach sessions list` shows them"
    assert refused.status == 1


def test_a_broken_file_is_named_with_its_problems(paths: Paths, tmp_path: Path) -> None:
    broken = write_session(
        paths.user_sessions, "mine.toml", MINIMAL.replace("duration = 4", "duration = -4")
    )
    elsewhere = write_session(tmp_path, "bad.toml", "title = \n")

    by_id = str(refusal("mine", paths))
    by_path = str(refusal(str(elsewhere), paths))
    missing = str(refusal(str(tmp_path / "gone.toml"), paths))

    assert by_id.startswith("routine 'mine' could not be loaded:\n")
    assert f"{broken}:6: steps[0].duration must be a positive number of seconds, got -4" in by_id
    assert by_path.startswith(f"cannot use {elsewhere}:\n{elsewhere}:1: is not valid TOML")
    assert missing.endswith("gone.toml: cannot be read: No such file or directory")


def test_a_damaged_catalogue_is_an_error_with_status_2(paths: Paths, tmp_path: Path) -> None:
    assets = Path(
        shutil.copytree(
            paths.assets, tmp_path / "assets", ignore=shutil.ignore_patterns("*.wav", "*.svg")
        )
    )
    (assets / "regions.toml").write_text("format = 1\n[[regions]]\nid = 3\n", encoding="utf-8")
    damaged = dataclasses.replace(paths, assets=assets)

    with pytest.raises(CommandError) as refused:
        catalogue_for(damaged)

    assert refused.value.status == 2
    assert str(refused.value).startswith("the region catalogue is damaged:\n")
    assert "regions.toml" in str(refused.value)


def test_the_library_makes_the_persons_folder_and_holds_the_built_ins(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "new")

    library = library_for(paths, catalogue_for(paths))

    assert paths.user_sessions.is_dir()
    assert library.scan().find("massage-foot") is not None


def test_a_problem_in_json_has_every_part() -> None:
    problem = Problem(Path("a.toml"), "is long", 3, "title", Severity.WARNING)

    assert problem_json(problem) == {
        "file": "a.toml",
        "line": 3,
        "field": "title",
        "message": "is long",
        "severity": "warning",
    }


def test_a_table_lines_up_its_columns_without_trailing_spaces() -> None:
    assert table([["id", "title", "min"], ["pmr-16", "Sixteen", "25"], ["x", "", ""]]) == (
        "id      title    min\npmr-16  Sixteen  25\nx"
    )
