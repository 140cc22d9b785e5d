"""The diagnostics log: private, rotating, with versions and never health data; the crash hook."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from pathlib import Path

from coach.diagnostics import (
    diagnostics_text,
    install_crash_handler,
    log_file,
    start_logging,
    stop_logging,
    uninstall_crash_handler,
)


def test_the_log_is_private_and_says_versions_and_platform(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    try:
        assert path == log_file(tmp_path)
        logging.getLogger("unknot").warning("sound output: silent")
    finally:
        stop_logging()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text()
    assert "Python" in text
    assert "PySide6" in text
    assert "WARNING unknot: sound output: silent" in text


def test_the_log_rotates_and_every_file_stays_private(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    try:
        for i in range(10_000):
            logging.getLogger("unknot.test").warning("line %d %s", i, "x" * 200)
    finally:
        stop_logging()
    files = sorted(path.parent.iterdir())
    assert len(files) == 4  # the log and three older ones
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert all(f.stat().st_size <= 600 * 1024 for f in files)


def test_an_unhandled_error_is_logged_and_told_with_the_logs_path(tmp_path: Path) -> None:
    path = start_logging(tmp_path)
    shown: list[str] = []
    install_crash_handler(path, shown.append)
    try:
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
    finally:
        uninstall_crash_handler()
        stop_logging()
    assert len(shown) == 2
    assert str(path) in shown[0]
    assert "Your saved log is safe" in shown[0]
    logged = path.read_text()
    assert logged.count("unhandled ZeroDivisionError") == 2
    assert "Traceback" in logged


def test_copy_diagnostics_has_versions_and_the_end_of_the_log(tmp_path: Path) -> None:
    start_logging(tmp_path)
    try:
        logging.getLogger("unknot").error("the log cannot be written (full)")
    finally:
        stop_logging()
    text = diagnostics_text(tmp_path)
    assert text.startswith("Unknot ")
    assert "Python" in text
    assert "the log cannot be written (full)" in text
