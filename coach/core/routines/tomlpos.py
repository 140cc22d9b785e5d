"""Line numbers for the keys and array items of a TOML document.

`tomllib` gives values but not where they were written, and a useful message names the line
("sessions/neck.toml:12: steps[3].duration ..."). This scanner reads a document that tomllib has
already accepted and maps each key path, such as ``("steps", 3, "duration")``, to its line.
It is lenient on purpose: it never rejects anything, it only finds positions.
"""

from __future__ import annotations

from bisect import bisect_right

KeyPath = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        self.lines: dict[KeyPath, int] = {}
        self.table_arrays: dict[KeyPath, int] = {}

    def line(self) -> int:
        return bisect_right(self.newlines, self.pos - 1) + 1

    def peek(self, k: int = 1) -> str:
        return self.text[self.pos : self.pos + k]

    def skip_blank(self, newlines: bool) -> None:
        text, n = self.text, len(self.text)
        while self.pos < n:
            ch = text[self.pos]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.pos += 1
            elif ch == "#":
                end = text.find("\n", self.pos)
                self.pos = n if end < 0 else end
            else:
                return

    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            ch = self.peek()
            if ch in ('"', "'"):
                parts.append(self.string())
            else:
                start = self.pos
                while self.pos < len(self.text) and self.text[self.pos] in _BARE:
                    self.pos += 1
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.pos += 1

    def string(self) -> str:
        quote = self.peek()
        triple = self.peek(3) == quote * 3
        delim = quote * 3 if triple else quote
        self.pos += len(delim)
        start = self.pos
        while self.pos < len(self.text):
            if quote == '"' and self.text[self.pos] == "\\":
                self.pos += 2
                continue
            if self.text.startswith(delim, self.pos):
                value = self.text[start : self.pos]
                self.pos += len(delim)
                # a triple-quoted string may end with up to two extra quote characters
                while triple and self.peek() == quote:
                    self.pos += 1
                return value
            if not triple and self.text[self.pos] == "\n":
                break
            self.pos += 1
        return self.text[start : self.pos]

    def value(self, path: KeyPath) -> None:
        ch = self.peek()
        if ch in ('"', "'"):
            self.string()
        elif ch == "[":
            self.pos += 1
            index = 0
            while self.pos < len(self.text):
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.pos += 1
                    continue
                if self.peek() in ("]", ""):
                    self.pos += 1
                    return
                self.lines[(*path, index)] = self.line()
                self.value((*path, index))
                index += 1
        elif ch == "{":
            self.pos += 1
            while self.pos < len(self.text):
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.pos += 1
                    continue
                if self.peek() in ("}", ""):
                    self.pos += 1
                    return
                line = self.line()
                keys = self.key()
                self.lines[(*path, *keys)] = line
                self.skip_blank(newlines=False)
                if self.peek() == "=":
                    self.pos += 1
                self.skip_blank(newlines=False)
                self.value((*path, *keys))
        else:
            while self.pos < len(self.text) and self.text[self.pos] not in ",]}\n#":
                self.pos += 1

    def resolve(self, keys: list[str]) -> KeyPath:
        """The path of a header's prefix, stepping into the latest item of each table array."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            if path in self.table_arrays:
                path = (*path, self.table_arrays[path] - 1)
        return path

    def header(self) -> KeyPath:
        line = self.line()
        array = self.peek(2) == "[["
        self.pos += 2 if array else 1
        keys = self.key()
        self.pos += 2 if array else 1
        if array:
            parent = self.resolve(keys[:-1])
            base = (*parent, keys[-1])
            index = self.table_arrays.get(base, 0)
            self.table_arrays[base] = index + 1
            self.lines.setdefault(base, line)
            table = (*base, index)
        else:
            table = self.resolve(keys)
        self.lines[table] = line
        for end in range(1, len(table)):  # `[a.b.c]` also names a and a.b, if nothing did before
            self.lines.setdefault(table[:end], line)
        return table

    def document(self) -> dict[KeyPath, int]:
        table: KeyPath = ()
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.lines
            if self.peek() == "[":
                table = self.header()
                continue
            line = self.line()
            start = self.pos
            keys = self.key()
            if self.pos == start:
                self.pos += 1  # not TOML we understand; move on rather than loop
                continue
            path = (*table, *keys)
            self.lines[path] = line
            for end in range(len(table) + 1, len(path)):  # `a.b.c = 1` also writes a and a.b
                self.lines.setdefault(path[:end], line)
            self.skip_blank(newlines=False)
            if self.peek() == "=":
                self.pos += 1
            self.skip_blank(newlines=False)
            self.value(path)


class KeyLines:
    """Finds the line of a key path, falling back to its nearest written ancestor."""

    def __init__(self, text: str) -> None:
        self._lines = _Scanner(text).document()

    def line(self, path: KeyPath) -> int | None:
        """The line where `path` (or, failing that, its closest ancestor) was written."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(path[:end])
            if found is not None:
                return found
        return None
