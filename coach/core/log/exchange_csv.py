"""The log as CSV: one row a day, for spreadsheets and people.

CSV cells a spreadsheet would run as a formula get a leading single quote, which decoding removes
again, so what goes out comes back exactly (see `neutralise`).
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any, TextIO

from coach.core.log.entries import RATING_FIELDS, DayEntry, clean_tag
from coach.core.log.exchange import (
    CSV_COLUMNS,
    ISO_DATE,
    OPTIONAL_COLUMNS,
    Catalogue,
    Decoded,
    ParsedRow,
    RowProblem,
    UnreadableFile,
    file_text,
    medication_text,
    parse_areas,
    parse_hours,
    parse_log_date,
    parse_medications,
    parse_rating,
)

LIST_SEPARATOR = "; "

# What makes a spreadsheet treat a cell as a formula (OWASP's list, plus the full-width forms some
# locales accept too). The quote goes before any run of quotes in front of one, so it can be undone.
_STARTS = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20"
_FORMULA = re.compile(f"^'*[{_STARTS}]")
_QUOTED_FORMULA = re.compile(f"^'+[{_STARTS}]")


def neutralise(text: str) -> str:
    """`text` made safe for a spreadsheet cell: a quote in front of a would-be formula."""
    return "'" + text if _FORMULA.match(text) else text


def restore(cell: str) -> str:
    """The text `neutralise` was given; exact for every string."""
    return cell[1:] if _QUOTED_FORMULA.match(cell) else cell


def encode_csv(days: Iterable[DayEntry]) -> bytes:
    """Days as CSV: UTF-8 with a byte-order mark, a header row, one row per day."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for day in days:
        numbers = [getattr(day, name) for name in CSV_COLUMNS[1:8]]
        writer.writerow(
            [
                day.date.isoformat(),
                *("" if n is None else _number_text(n) for n in numbers),
                neutralise(LIST_SEPARATOR.join(day.tags)),
                neutralise(LIST_SEPARATOR.join(f"{r}={v}" for r, v in day.areas.items())),
                neutralise(LIST_SEPARATOR.join(medication_text(m) for m in day.medications)),
                neutralise(day.note),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(number)


def decode_csv(data: bytes, source: str, catalogue: Catalogue = None) -> Decoded:
    """Days from CSV. Raises UnreadableFile when the file or its header is unusable."""
    text = file_text(data, source)
    reader = CsvDays(io.StringIO(text, newline=""), source, catalogue, max_problems=None)
    days = tuple(reader)
    return Decoded(days=days, problems=tuple(reader.problems), rows=reader.rows)


class CsvDays:
    """The days of a CSV file, read one row at a time: memory stays flat however long it is.

    Iterate for the accepted days, in file order; `problems` holds each refused value as it is
    found (up to `max_problems`; `more_problems` counts the rest), `rows` the data rows read and
    `rejected` the rows refused. A date given twice refuses the later row. Raises UnreadableFile
    for a file or header that cannot be used (also part-way, for an unclosed quote).
    """

    def __init__(
        self,
        stream: TextIO,
        source: str,
        catalogue: Catalogue = None,
        *,
        max_problems: int | None = 1000,
    ) -> None:
        self.source, self.catalogue, self.max_problems = source, catalogue, max_problems
        self.problems: list[RowProblem] = []
        self.more_problems = 0
        self.rows = self.rejected = 0
        lines = _bounded_lines(stream, source)
        consumed: list[str] = []
        header_line = ""
        for line in lines:  # the first line with something on it says the delimiter
            consumed.append(line)
            if line.strip("\r\n"):
                header_line = line
                break
        delimiter = max((",", ";", "\t"), key=header_line.count)  # some locales use ;
        reader = csv.reader(itertools.chain(consumed, lines), delimiter=delimiter, strict=True)
        self._records = _records(reader, source)
        found = next(((n, r) for n, r in self._records if any(c.strip() for c in r)), None)
        if found is None:
            raise UnreadableFile(source, "the file is empty")
        header_row, header = found
        self.columns = _check_header(header, source, header_row)

    def __iter__(self) -> Iterator[DayEntry]:
        seen: dict[object, str] = {}
        for number, record in self._records:
            if not any(cell.strip() for cell in record):
                continue  # a blank line: the spreadsheet shows an empty row
            self.rows += 1
            where = str(number)
            row = self._parse(record)
            day: DayEntry | None = row.build(DayEntry)
            if day is not None and day.date in seen:
                row.problems.append(("date", f"{day.date} is already in row {seen[day.date]}"))
            elif day is not None:
                seen[day.date] = where
                yield day
            if row.problems:
                self.rejected += 1
                for name, message in row.problems:
                    self._problem(RowProblem(self.source, where, name, message))

    def _problem(self, problem: RowProblem) -> None:
        if self.max_problems is None or len(self.problems) < self.max_problems:
            self.problems.append(problem)
        else:
            self.more_problems += 1

    def _parse(self, record: list[str]) -> ParsedRow:
        row = ParsedRow()
        if len(record) > len(self.columns):
            row.problems.append(("row", f"has {len(record)} cells, the header {len(self.columns)}"))
            return row
        given = dict(zip(self.columns, record, strict=False))
        cells = {c: given.get(c, "") for c in CSV_COLUMNS}  # missing trailing cells are empty
        row.take("date", parse_log_date, cells["date"])
        for name in RATING_FIELDS:
            row.take(name, partial(parse_rating, name), cells[name])
        row.take("sleep_hours", partial(parse_hours, "sleep_hours"), cells["sleep_hours"])
        row.take("tags", _parse_tags, restore(cells["tags"]))
        row.take("areas", partial(parse_areas, catalogue=self.catalogue), restore(cells["areas"]))
        row.take("medications", parse_medications, restore(cells["medications"]))
        row.values["note"] = restore(cells["note"])
        return row


MAX_LINE = 1024 * 1024  # a day's row is a few hundred characters; a note at most 10,000


def _bounded_lines(stream: TextIO, source: str) -> Iterator[str]:
    """The stream's lines, refusing one longer than MAX_LINE (memory stays bounded)."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE)
        if not line:
            return
        number += 1
        if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
            raise UnreadableFile(
                source, "a line is longer than 1 MiB: this is not an export", f"line {number}"
            )
        yield line


def _records(reader: Any, source: str) -> Iterator[tuple[int, list[str]]]:
    """Records numbered as a spreadsheet numbers rows (a quoted line break stays in its row).

    A quote left open swallows every later line into one cell: refused, naming the line it
    opened on, rather than silently taking the following rows for a note.
    """
    number = 0
    while True:
        started_on = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise UnreadableFile(
                    source,
                    'a quote (") opened on this line is never closed, so every line after it '
                    "would be read into one cell",
                    f"line {started_on}",
                ) from None
            raise UnreadableFile(
                source, f"the file is not valid CSV ({exc})", f"line {reader.line_num}"
            ) from None
        number += 1
        yield number, record


def _check_header(header: list[str], source: str, row: int) -> list[str]:
    names = [cell.strip().lower() for cell in header]
    expected = ",".join(CSV_COLUMNS)
    if names and ISO_DATE.match(names[0]):
        raise UnreadableFile(source, f"the first row must be the header: {expected}", row)
    for name in names:
        if name not in CSV_COLUMNS:
            close = difflib.get_close_matches(name, CSV_COLUMNS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UnreadableFile(
                source, f"unknown column {name!r}{hint}; the columns are {expected}", row
            )
        if names.count(name) > 1:
            raise UnreadableFile(source, f"column {name!r} appears twice", row)
    missing = [c for c in CSV_COLUMNS if c not in names and c not in OPTIONAL_COLUMNS]
    if missing:
        raise UnreadableFile(
            source,
            f"missing column(s) {', '.join(missing)}; the header needs all of {expected}",
            row,
        )
    return names


def _parse_tags(text: str) -> tuple[str, ...]:
    return tuple(clean_tag(t) for t in text.split(";") if t.strip())
