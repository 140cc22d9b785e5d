"""Opening the log's SQLite file: private, durable, and never overwritten when it is damaged."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


class DatabaseTrouble(Exception):
    """The log file cannot be used as it is; `reason` says why in plain words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class CorruptDatabase(DatabaseTrouble):
    """The file is damaged or is not an SQLite database at all."""


class NewerDatabase(DatabaseTrouble):
    """The file was written by a newer version of Unknot, which this one must not touch."""


class UnavailableDatabase(DatabaseTrouble):
    """The file may well be sound, but the disk or the folder stops Unknot using it.

    `kind` is "full", "read-only", "io", "cannot-open" or "busy". Never a reason to move the file
    aside or to restore a backup over it: free some space, or make the folder writable, and it works.
    """

    def __init__(self, path: Path, reason: str, kind: str) -> None:
        super().__init__(path, reason)
        self.kind = kind


class EmptiedDatabase(DatabaseTrouble):
    """The log file is empty (0 bytes) while backups still hold days: it was emptied, not new."""


class WriteRefused(sqlite3.OperationalError):
    """A write that did not happen, with the reason in plain words (disk full, read-only, ...).

    An sqlite3.OperationalError, so every caller that already reports a failed write reports this.
    """

    def __init__(self, trouble: DatabaseTrouble) -> None:
        super().__init__(trouble.reason)
        self.trouble = trouble


# SQLite's primary result codes (the low byte of an extended code)
_READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 8, 10, 11, 13, 14, 26
_BUSY, _LOCKED, _PERM = 5, 6, 3


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _writable(path: Path) -> bool:
    """Whether `path` can be written: by its mode bits too, since root ignores them but the owner
    (the same person, without root) will not."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True  # not there: nothing to blame
    return os.access(path, os.W_OK) and bool(mode & 0o222)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a folder on the way cannot be entered: not this file's fault
        return False


def read_only_culprit(path: Path) -> str:
    """Which file or folder stops writing to the log at `path`, in plain words."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"the disk holding {folder} is mounted read-only"
    except OSError:
        pass
    if not _writable(path):
        return f"the log file {path} is read-only"
    for suffix, what in (
        ("-wal", "its write-ahead log"),
        ("-shm", "its shared-memory index, probably left read-only from a time the log was"),
    ):
        extra = path.with_name(path.name + suffix)
        if _exists(extra) and not _writable(extra):
            return (
                f"{extra} ({what}) is read-only; make it writable (chmod u+w), or delete it "
                "while Unknot is closed"
            )
    if not _writable(folder):
        return f"the folder {folder} is read-only"
    if not os.access(folder, os.X_OK):
        return f"the folder {folder} cannot be entered (its permissions, or a folder above it)"
    return f"{path} cannot be written"


def explain(exc: BaseException, path: Path) -> DatabaseTrouble:
    """The trouble an SQLite or OS error means, told apart: a full disk, a read-only file or
    folder, an I/O error or a file that cannot be opened are not damage (UnavailableDatabase);
    only SQLite's CORRUPT and NOTADB are (CorruptDatabase)."""
    code = _primary_code(exc)
    errno_ = getattr(exc, "errno", None)
    detail = str(exc) or type(exc).__name__
    if code in (_CORRUPT, _NOTADB):
        return CorruptDatabase(path, f"the file is not a readable log ({detail})")
    if code == _FULL or errno_ in (errno.ENOSPC, errno.EDQUOT):
        return UnavailableDatabase(
            path, f"the disk is full ({detail}); free some space and try again", "full"
        )
    if code in (_READONLY, _PERM) or errno_ in (errno.EROFS, errno.EACCES, errno.EPERM):
        return UnavailableDatabase(path, read_only_culprit(path), "read-only")
    if code == _IOERR or errno_ == errno.EIO:
        full = _disk_full(path.parent)
        if full:
            return UnavailableDatabase(
                path, f"the disk is full ({detail}); free some space and try again", "full"
            )
        return UnavailableDatabase(path, f"the disk could not be read or written ({detail})", "io")
    if code == _CANTOPEN or isinstance(exc, OSError):
        if not _writable(path.parent) or not _writable(path):
            return UnavailableDatabase(path, read_only_culprit(path), "read-only")
        return UnavailableDatabase(path, f"the file cannot be opened ({detail})", "cannot-open")
    if code in (_BUSY, _LOCKED):
        return UnavailableDatabase(
            path, f"another program holds the log ({detail}); try again", "busy"
        )
    return DatabaseTrouble(path, detail)


def _disk_full(folder: Path) -> bool:
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


def create_private_file(path: Path) -> None:
    """Create `path` readable and writable by its owner only (0600), if it does not exist."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _check_sound(path: Path) -> None:
    """Raise CorruptDatabase unless the file reads as a sound SQLite database.

    The check runs on a read-only connection: a read-write one would, on closing, fold a
    leftover -wal file into the damaged database and delete it, changing what we promised to keep.
    A full disk, a read-only folder or an I/O error raises UnavailableDatabase: not damage.
    """
    extras = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {extra: extra.exists() for extra in extras}
    problem: DatabaseTrouble | None = None
    try:
        probe = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    try:
        result = probe.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            problem = CorruptDatabase(path, f"the file is damaged ({result})")
    except sqlite3.DatabaseError as exc:
        problem = explain(exc, path)
    finally:
        probe.close()
    if problem is not None:
        # leave the folder as we found it: the check may have made a shared-memory index (-shm,
        # derived data) and an empty -wal; neither holds anything of the person's
        for extra in extras:
            try:
                if (
                    not existed[extra]
                    and extra.exists()
                    and (extra.name.endswith("-shm") or extra.stat().st_size == 0)
                ):
                    extra.unlink()
            except OSError:
                pass  # a read-only folder: nothing could have been made there either
        raise problem


def connect(path: Path) -> sqlite3.Connection:
    """Open the log with WAL, synchronous=FULL and foreign keys; check it is sound first.

    Raises CorruptDatabase for a damaged file, UnavailableDatabase when the disk or folder is
    the trouble (full, read-only, I/O error); the file itself is left exactly as it was.
    """
    try:
        create_private_file(path)
    except OSError as exc:
        raise explain(exc, path) from None
    _check_sound(path)
    extras = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {extra: _exists(extra) for extra in extras}
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # deleted rows are overwritten on disk, not just unlinked: "delete my data" means it
        conn.execute("PRAGMA secure_delete = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseTrouble(
                path, f"cannot use write-ahead logging here (journal mode {mode})"
            )
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        _remove_made(existed)
        raise explain(exc, path) from None
    except DatabaseTrouble:
        conn.close()
        _remove_made(existed)
        raise
    return conn


def _remove_made(existed: dict[Path, bool]) -> None:
    """Remove the empty -wal and the -shm a failed open made (a full disk): the folder is left
    as it was found."""
    for extra, was_there in existed.items():
        try:
            if not was_there and (extra.name.endswith("-shm") or extra.stat().st_size == 0):
                extra.unlink()
        except OSError:
            pass


def connect_read_only(path: Path, *, no_trace: bool = False) -> sqlite3.Connection:
    """Open the log for reading only, when a full disk or a read-only folder allows no more.

    Nothing is created or changed. Where SQLite cannot even make its shared-memory index (a
    read-only folder), the file is read as immutable: what was written before is all there is.
    `no_trace`: not even a -shm file is left beside it (a dry run).
    """
    if not path.is_file():
        raise UnavailableDatabase(path, "there is no log file to read", "cannot-open")
    last: DatabaseTrouble | None = None
    tries = ["mode=ro", "mode=ro&immutable=1"]
    if no_trace and not path.with_name(path.name + "-wal").exists():
        # everything is in the main file, and reading it as immutable makes no -shm or -wal
        tries.reverse()
    for options in tries:
        try:
            conn = sqlite3.connect(
                f"{path.absolute().as_uri()}?{options}", uri=True, isolation_level=None
            )
        except sqlite3.Error as exc:
            last = explain(exc, path)
            continue
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.Error as exc:
            conn.close()
            last = explain(exc, path)
            if isinstance(last, CorruptDatabase):
                raise last from None
            continue
        if result != "ok":
            conn.close()
            raise CorruptDatabase(path, f"the file is damaged ({result})")
        conn.execute("PRAGMA query_only = ON")
        return conn
    assert last is not None
    raise last


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all of it is written, or none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
