"""Reading a user-editable TOML file safely: size cap, strict UTF-8, and errors that name the line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.core.reading import NotReadable, human_size, read_limited
from coach.core.routines.problems import FileProblems, Problem
from coach.core.routines.tomlpos import KeyLines, KeyPath

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")


@dataclass(frozen=True)
class TomlDocument:
    """A parsed TOML file with the means to say where each key was written."""

    path: Path
    data: dict[str, Any]
    lines: KeyLines

    def problem(self, path: KeyPath, message: str, **kwargs: Any) -> Problem:
        """A problem at `path` (``("steps", 3, "duration")``), named and located for the user."""
        return Problem(self.path, message, self.lines.line(path), field=field_name(path), **kwargs)


def field_name(path: KeyPath) -> str:
    """``("steps", 3, "duration")`` -> ``"steps[3].duration"``, the way people read it."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def read_toml(path: Path, *, max_bytes: int) -> TomlDocument:
    """Read and parse `path`, or raise FileProblems with one clear, located message.

    Only a regular file is read, and never more than `max_bytes` (see `read_limited`).
    """
    try:
        raw = read_limited(path, max_bytes)
    except NotReadable as exc:
        message = str(exc).removeprefix(f"{path} ")
        if message.startswith("is too large"):
            message = "file " + message
        raise FileProblems([Problem(path, message)]) from None
    except OSError as exc:
        raise FileProblems([Problem(path, f"cannot be read: {exc.strerror or exc}")]) from exc
    return parse_toml(path, raw, max_bytes=max_bytes)


def parse_toml(path: Path, raw: bytes, *, max_bytes: int) -> TomlDocument:
    """Parse bytes that claim to be the TOML file `path`."""
    if len(raw) > max_bytes:
        raise FileProblems(
            [Problem(path, f"file is too large; the limit is {human_size(max_bytes)}")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise FileProblems(
            [Problem(path, f"is not UTF-8 text (byte {exc.start} cannot be decoded)", bad_line)]
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise FileProblems([Problem(path, "file is empty")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        message = _TOML_POSITION.sub("", message).rstrip(".")
        raise FileProblems([Problem(path, f"is not valid TOML: {message}", line)]) from None
    except RecursionError:
        raise FileProblems([Problem(path, "is not valid TOML: nested too deeply")]) from None
    except ValueError as exc:  # e.g. an integer too long for Python to convert
        raise FileProblems([Problem(path, f"is not usable TOML: {exc}")]) from None
    return TomlDocument(path, data, KeyLines(text))
