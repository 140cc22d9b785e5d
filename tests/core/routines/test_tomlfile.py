"""Reading a TOML file a person edits: only a regular file, never more than a limit, strict UTF-8,
and every refusal one problem that names the file and, where there is one, the line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coach.core.routines.problems import FileProblems, Problem
from coach.core.routines.tomlfile import field_name, parse_toml, read_toml

LIMIT = 4096


def refusal(path: Path, max_bytes: int = LIMIT) -> Problem:
    with pytest.raises(FileProblems) as refused:
        read_toml(path, max_bytes=max_bytes)
    [problem] = refused.value.problems
    assert problem.file == path
    return problem


def write(tmp_path: Path, body: bytes | str, name: str = "bad.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return path


def test_a_good_file_is_read_with_the_line_of_each_key(tmp_path: Path) -> None:
    path = write(tmp_path, '\ufeff# a routine\ntitle = "x"\n\n[[steps]]\nduration = 4\n', "ok.toml")

    doc = read_toml(path, max_bytes=LIMIT)

    assert doc.data == {"title": "x", "steps": [{"duration": 4}]}
    problem = doc.problem(("steps", 0, "duration"), "must be positive")
    assert str(problem) == f"{path}:5: steps[0].duration must be positive"


def test_field_names_read_as_people_write_them() -> None:
    assert field_name(("steps", 3, "duration")) == "steps[3].duration"
    assert field_name(("steps", 0, "steps", 1)) == "steps[0].steps[1]"
    assert field_name(()) == ""


def test_not_utf8_names_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    path = write(tmp_path, b'title = "x"\n\n# caf\xe9\n')

    problem = refusal(path)

    assert str(problem) == f"{path}:3: is not UTF-8 text (byte 18 cannot be decoded)"


def test_not_toml_names_the_line_and_shows_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, 'title = "x"\nduration = = 6\n')

    problem = refusal(path)

    assert problem.line == 2
    assert problem.message.startswith("is not valid TOML: ")
    assert "(at line" not in problem.message
    assert "Traceback" not in str(problem)


@pytest.mark.parametrize("body", ["", "   \n\n", "# only a comment\n", "\ufeff\n  # two\n"])
def test_an_empty_file_says_so(tmp_path: Path, body: str) -> None:
    assert refusal(write(tmp_path, body)).message == "file is empty"


def test_hostile_toml_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    deep = refusal(write(tmp_path, "x = " + "[" * 50_000 + "]" * 50_000 + "\n"), 200_000)
    digits = refusal(write(tmp_path, "x = " + "1" * 5000 + "\n", "digits.toml"), 200_000)

    assert deep.message.startswith("is not valid TOML")
    assert digits.message.startswith("is not usable TOML")


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "sparse.toml"
    with path.open("wb") as out:
        out.truncate(LIMIT + 1)

    assert refusal(path).message == "file is too large (4 KiB); the limit is 4 KiB"
    with pytest.raises(FileProblems, match="file is too large; the limit is 4 KiB"):
        parse_toml(path, b"#" * (LIMIT + 1), max_bytes=LIMIT)


def test_a_fifo_a_folder_a_device_or_nothing_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)  # nobody writes to it: reading it would wait forever
    folder = tmp_path / "folder.toml"
    folder.mkdir()

    assert refusal(fifo).message.startswith("is not a regular file")
    assert refusal(folder).message.startswith("is not a regular file")
    assert refusal(Path("/dev/zero")).message.startswith("is not a regular file")
    assert refusal(tmp_path / "gone.toml").message == "cannot be read: No such file or directory"
