"""Problems in a file a person edits: each says where (file, line, field) and what is wrong."""

from __future__ import annotations

from pathlib import Path

from coach.core.routines.problems import FileProblems, Problem, Severity, errors

FILE = Path("sessions/calm.toml")


def test_a_problem_reads_file_line_field_then_what_is_wrong() -> None:
    assert str(Problem(FILE, "must be positive", 7, "steps[2].duration")) == (
        "sessions/calm.toml:7: steps[2].duration must be positive"
    )
    assert str(Problem(FILE, "file is empty")) == "sessions/calm.toml: file is empty"
    assert str(Problem(FILE, "is unusual", 0, "kind", Severity.WARNING)) == (
        "sessions/calm.toml: warning: kind is unusual"
    )


def test_a_rejected_file_carries_every_problem_and_only_errors_reject_it() -> None:
    warning = Problem(FILE, "is long", 3, "title", Severity.WARNING)
    first = Problem(FILE, "is required", None, "title")
    second = Problem(FILE, "must be text", 9, "steps[0].text")

    rejected = FileProblems([first, warning, second])

    assert rejected.problems == [first, warning, second]
    assert str(rejected).splitlines() == [str(first), str(warning), str(second)]
    assert errors([first, warning, second]) == [first, second]
    assert errors([warning]) == []
