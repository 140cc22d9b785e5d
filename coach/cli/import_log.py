"""`coach import FILE`: days (and sessions) from a CSV or JSON export, into the log.

CSV is read as a stream, one row at a time, inside one transaction: a file of hundreds of
megabytes imports in flat memory, with its progress shown; JSON (sessions too) is read whole,
up to MAX_IMPORT_BYTES. Whatever a hostile file holds, the person gets a line naming the file
(and the row), never a traceback; `--dry-run` writes nothing, not even a new log.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from typing import BinaryIO

from coach.cli.common import CommandError, catalogue_for
from coach.cli.log import MAX_IMPORT_BYTES
from coach.cli.log_common import open_log, peek_log
from coach.core.log import exchange_formats
from coach.core.log.entries import shown
from coach.core.log.exchange import UnreadableFile
from coach.core.log.exchange_csv import CsvDays
from coach.core.reading import NotReadable, human_size, open_regular, read_limited
from coach.paths import Paths

MAX_CSV_IMPORT_BYTES = 1024**3  # streamed: the limit is only against a runaway file
SHOW_PROGRESS_FROM = 4 * 1024 * 1024  # smaller files import before anyone could read it


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    """`coach import FILE`: every good row in one go; 1 if some rows were rejected, 2 if unreadable."""
    source = str(args.file)
    try:
        stream = open_regular(args.file, MAX_CSV_IMPORT_BYTES)
    except NotReadable as exc:
        raise CommandError(f"coach import: {exc}", status=2) from None
    except OSError as exc:
        raise CommandError(f"{source}: cannot read it ({exc.strerror or exc})", status=2) from None
    with stream:
        start = stream.read(64)
        stream.seek(0)
        if exchange_formats.detect_format(source, start) == "csv":
            return _import_csv(args, paths, stream)
    return _import_whole(args, paths)


def _last_fence(source: str, exc: BaseException) -> CommandError:
    # whatever a hostile file finds, the person gets a line, not a traceback
    return CommandError(
        f"{source}: the file cannot be imported ({type(exc).__name__}: {shown(str(exc), 80)})",
        status=2,
    )


def _import_csv(args: argparse.Namespace, paths: Paths, raw: BinaryIO) -> int:
    source = str(args.file)
    size = raw.seek(0, io.SEEK_END)
    raw.seek(0)
    utf16 = raw.read(2) in (b"\xff\xfe", b"\xfe\xff")
    raw.seek(0)
    text = io.TextIOWrapper(raw, encoding="utf-16" if utf16 else "utf-8-sig", newline="")
    progress = _Progress(raw, size) if size >= SHOW_PROGRESS_FROM else None
    reader: CsvDays | None = None
    try:
        reader = CsvDays(text, source, catalogue_for(paths))
        with peek_log(paths) if args.dry_run else open_log(paths) as repo:
            written, replaced = repo.import_days(
                reader, write=not args.dry_run, progress=progress.show if progress else None
            )
    except UnreadableFile as exc:
        raise CommandError(f"{exc}; nothing was imported", status=2) from None
    except UnicodeDecodeError:
        raise CommandError(
            f"{source}: the file is not UTF-8 text (after row {reader.rows if reader else 0}); "
            "save it as "
            "UTF-8 (in a spreadsheet: 'CSV UTF-8'); nothing was imported",
            status=2,
        ) from None
    except (ValueError, OverflowError, RecursionError, MemoryError) as exc:
        raise _last_fence(source, exc) from None
    finally:
        if progress is not None:
            progress.done()
    for problem in reader.problems:
        print(problem, file=sys.stderr)
    if reader.more_problems:
        print(f"coach: and {reader.more_problems} more problem(s) not listed", file=sys.stderr)
    verb = "Would import" if args.dry_run else "Imported"
    summary = f"{verb} {written} day(s)"
    if replaced:
        summary += f" ({replaced} replacing what was logged)"
    print(f"{summary} from {source}.")
    if reader.rejected:
        print(
            f"coach: {reader.rejected} row(s) were rejected (listed above) and not imported; "
            f"the other rows {'would be' if args.dry_run else 'were'} imported",
            file=sys.stderr,
        )
        return 1
    return 0


class _Progress:
    """ "Importing… 120000 rows (45%)" on stderr: one line rewritten on a terminal, a line every
    ten seconds otherwise."""

    def __init__(self, raw: BinaryIO, size: int) -> None:
        self.raw, self.size = raw, max(1, size)
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        # the escaping stream shows control characters; this line's own carriage return is ours
        self.write = getattr(sys.stderr, "write_raw", sys.stderr.write)

    def show(self, rows: int) -> None:
        now = time.monotonic()
        if not self.tty and now - self.last < 10:
            return
        self.last = now
        done = min(100, 100 * self.raw.tell() // self.size)
        line = f"Importing... {rows} rows ({done}% of {human_size(self.size)})"
        self.write(f"\r{line}" if self.tty else f"{line}\n")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty and self.last:
            self.write("\r\x1b[K")
            sys.stderr.flush()


def _import_whole(args: argparse.Namespace, paths: Paths) -> int:
    source = str(args.file)
    try:
        data = read_limited(args.file, MAX_IMPORT_BYTES)
    except NotReadable as exc:
        raise CommandError(f"coach import: {exc}", status=2) from None
    except OSError as exc:
        raise CommandError(f"{source}: cannot read it ({exc.strerror or exc})", status=2) from None
    try:
        decoded = exchange_formats.decode(data, source, catalogue_for(paths))
    except UnreadableFile as exc:
        raise CommandError(str(exc), status=2) from None
    except (ValueError, OverflowError, RecursionError, MemoryError) as exc:
        raise _last_fence(source, exc) from None
    for problem in decoded.problems:
        print(problem, file=sys.stderr)

    replaced, new_sessions = 0, []
    if decoded.days or decoded.sessions:
        with peek_log(paths) if args.dry_run else open_log(paths) as repo:
            dates = {d.date for d in decoded.days}
            if dates:
                replaced = len(repo.dates_with_entries(min(dates), max(dates)) & dates)
            new_sessions = repo.new_sessions(decoded.sessions)
            if not args.dry_run:
                repo.import_log(decoded.days, new_sessions, decoded.medicines)

    verb = "Would import" if args.dry_run else "Imported"
    summary = f"{verb} {len(decoded.days)} day(s)"
    if replaced:
        summary += f" ({replaced} replacing what was logged)"
    if decoded.sessions:
        already = len(decoded.sessions) - len(new_sessions)
        summary += f" and {len(new_sessions)} session(s)" + (
            f" ({already} already there)" if already else ""
        )
    print(f"{summary} from {source}.")
    if decoded.problems:
        rows = decoded.rejected_rows
        print(
            f"coach: {rows} row(s) were rejected (listed above) and not imported; "
            f"the other rows {'would be' if args.dry_run else 'were'} imported",
            file=sys.stderr,
        )
        return 1
    return 0
