"""What the command line writes to a terminal: never a raw control sequence from the person's data.

A note, a tag, a session title or a file name may hold ESC sequences or other control characters
(from an import, a session file, a file name). Written raw they could recolour, retitle or clear
the terminal, or hide text. Every command's text output goes through `escape`, which shows them
as visible escapes (`\\u001b`): readable, and still valid inside JSON strings.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

# C0 controls but newline and tab, DEL, C1 controls, and the bidirectional overrides that can make
# text display in another order than it is
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """`text` with every control character shown as `\\uXXXX`."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class EscapingStream:
    """A text stream that escapes control characters on their way to `inner`."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(escape(text))
        return len(text)

    def write_raw(self, text: str) -> int:
        """Write the command's own control characters (a progress line's carriage return)."""
        return self._inner.write(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, buffer, isatty, fileno, encoding...
        return getattr(self._inner, name)


@contextmanager
def escaped_output() -> Iterator[None]:
    """Escape control characters in everything printed to stdout and stderr meanwhile.

    Bytes written to `sys.stdout.buffer` (an export to standard output) are data and pass as
    they are.
    """
    out, err = sys.stdout, sys.stderr
    sys.stdout = EscapingStream(out)
    sys.stderr = EscapingStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
