"""Problems found in a file the user can edit, worded so they can find and fix them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(Enum):
    """How bad a problem is: an error rejects the file, a warning only informs."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem in a file: where it is (file, line, field) and what is wrong."""

    file: Path
    message: str
    line: int | None = None
    field: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        what = f"{self.field} {self.message}" if self.field else self.message
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}: {prefix}{what}"


class FileProblems(Exception):
    """Raised when a file is rejected; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that reject a file."""
    return [p for p in problems if p.severity is Severity.ERROR]
