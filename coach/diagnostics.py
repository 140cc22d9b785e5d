"""The diagnostics log: what a person can send us when something went wrong.

A rotating file in DATA/logs/ (0600, in a 0700 folder) with versions, the platform, the engine
and device choices, warnings and errors. Never health data: no ratings, notes, tags, areas or
routine titles are ever passed to it (callers log kinds and counts, not contents).
An unhandled exception is logged and shown in a kind dialog naming the log, instead of the app
dying silently.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from coach import __version__

LOGGER = "unknot"
FILE_NAME = "unknot.log"
MAX_BYTES = 512 * 1024
KEEP = 3  # unknot.log.1 .. .3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is created 0600, whatever the umask."""

    def _open(self) -> Any:
        stream = open(  # noqa: SIM115 - the handler keeps it open and closes it
            self.baseFilename, self.mode, encoding=self.encoding, opener=_private_opener
        )
        os.chmod(self.baseFilename, 0o600)  # a file made by an older version, or rotated in
        return stream

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A full or read-only disk: the diagnostics log is best effort, never an error itself."""

    def close(self) -> None:
        # the last lines may not be writable (a full disk): nothing more to do then
        with contextlib.suppress(OSError):
            super().close()


def log_file(data_dir: Path) -> Path:
    """Where the diagnostics log of this data folder is."""
    return data_dir / "logs" / FILE_NAME


def start_logging(data_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to DATA/logs/unknot.log from now on; returns its path (None if it cannot be written:
    the app works without it, and says so on stderr)."""
    path = log_file(data_dir)
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    for handler in list(logger.handlers):
        if isinstance(handler, _PrivateRotatingHandler):
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _PrivateRotatingHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8"
        )
    except OSError as exc:
        sys.stderr.write(f"Unknot cannot keep its diagnostics log in {path}: {exc}\n")
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.info("Unknot %s started; %s", __version__, about_this_machine())
    return path


def stop_logging() -> None:
    """Close the log's file (on quit, and between tests)."""
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _PrivateRotatingHandler):
            logger.removeHandler(handler)
            handler.close()


def about_this_machine() -> str:
    """Versions and the platform, on one line (nothing about the person)."""
    parts = [
        f"Python {platform.python_version()}",
        f"{platform.system()} {platform.release()} ({platform.machine()})",
    ]
    try:
        import PySide6
        from PySide6 import QtCore

        parts.append(f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}")
    except ImportError:
        parts.append("no PySide6")
    if sys.platform.startswith("linux"):
        parts.append(f"session {os.environ.get('XDG_SESSION_TYPE', '?')}")
        parts.append(f"desktop {os.environ.get('XDG_CURRENT_DESKTOP', '?')}")
    return "; ".join(parts)


def diagnostics_text(data_dir: Path, lines: int = 300) -> str:
    """What "Copy diagnostics" copies: versions, the platform and the end of the log."""
    path = log_file(data_dir)
    head = f"Unknot {__version__}\n{about_this_machine()}\nLog: {path}\n"
    try:
        tail = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    except OSError as exc:
        tail = [f"(the log cannot be read: {exc.strerror or exc})"]
    return head + "\n" + "\n".join(tail) + "\n"


Shower = Callable[[str], None]


def install_crash_handler(log_path: Path | None, show: Shower) -> None:
    """Log every unhandled exception (main thread and others) and tell the person with `show`.

    `show` gets the text of a kind message that names the log; the app goes on where it can.
    """

    def told(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        logging.getLogger(LOGGER).error("unhandled %s", kind.__name__, exc_info=(kind, value, tb))
        where = (
            f"The details are in Unknot's diagnostics log:\n{log_path}\n\n"
            "You can copy it with Settings → Your data → Copy diagnostics and send it to us; it "
            "holds no ratings, notes or tags."
            if log_path is not None
            else "".join(traceback.format_exception(kind, value, tb))[-2000:]
        )
        try:
            show(
                "Something went wrong inside Unknot, and what you were doing may not have "
                f"finished ({kind.__name__}). Your saved log is safe.\n\n{where}"
            )
        except Exception:  # noqa: BLE001 - the last resort must never raise itself
            sys.__excepthook__(kind, value, tb)

    def thread_told(args: threading.ExceptHookArgs) -> None:
        told(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    sys.excepthook = told
    threading.excepthook = thread_told


def uninstall_crash_handler() -> None:
    """Python's own handlers again (on quit)."""
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
