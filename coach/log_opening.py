"""Opening the log at start-up, and what to tell the person when that is not simple.

A damaged or emptied log: keep it, offer the newest backup holding days. A full disk or a
read-only folder: not damage, so nothing is moved; the log opens read-only and says so.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from coach.paths import Paths

if TYPE_CHECKING:
    from coach.store.repository import LogRepository
    from coach.ui.common.prompt import Prompt

logger = logging.getLogger("unknot")


def open_log(paths: Paths, prompt: Prompt) -> LogRepository | None:
    """Open the log; if it is damaged (or emptied), keep it aside and offer the newest backup.

    A full disk or a read-only folder is not damage: the log opens read-only, and says so, when
    that is all that works; nothing is moved aside. None: quit.
    """
    from PySide6.QtCore import QCoreApplication

    from coach.store.backup import BackupKeeper
    from coach.store.connection import (
        CorruptDatabase,
        DatabaseTrouble,
        EmptiedDatabase,
        UnavailableDatabase,
    )
    from coach.store.repository import LogRepository

    keeper = BackupKeeper(paths.backups)
    try:
        log = LogRepository.open(paths.database, keeper)
    except UnavailableDatabase as trouble:
        return _open_read_only(paths, trouble, prompt)
    except (CorruptDatabase, EmptiedDatabase) as trouble:
        return _recover(paths, keeper, trouble, prompt)
    except DatabaseTrouble as trouble:
        prompt.inform(
            QCoreApplication.translate("Unknot", "Unknot cannot open your log"),
            f"{trouble.path}\n\n{trouble.reason}.",
        )
        return None
    if log.backup_problem:
        logger.warning("today's backup could not be taken: %s", log.backup_problem)
        prompt.inform(
            QCoreApplication.translate("Unknot", "Today's backup was not taken"),
            QCoreApplication.translate(
                "Unknot",
                "Unknot opened your log, but could not take today's backup:\n{0}.\n\n"
                "Your log itself is fine. It tries again the next time it starts.",
            ).format(log.backup_problem),
        )
    return log


def _open_read_only(paths: Paths, trouble: Any, prompt: Prompt) -> LogRepository | None:
    from PySide6.QtCore import QCoreApplication

    from coach.store.connection import DatabaseTrouble
    from coach.store.repository import LogRepository

    logger.warning("the log cannot be written (%s): %s", trouble.kind, trouble.reason)
    try:
        log = LogRepository.open_read_only(paths.database, trouble.reason)
    except DatabaseTrouble as worse:
        prompt.inform(
            QCoreApplication.translate("Unknot", "Unknot cannot open your log"),
            QCoreApplication.translate(
                "Unknot",
                "Unknot cannot use your log:\n{0}\n\n{1}.\n\nYour log is not damaged and "
                "nothing was changed. Once this is fixed, start Unknot again.",
            ).format(worse.path, worse.reason),
        )
        return None
    prompt.inform(
        QCoreApplication.translate("Unknot", "Your log is open read-only"),
        QCoreApplication.translate(
            "Unknot",
            "Unknot can read your log but cannot save to it:\n{0}.\n\n"
            "Your log is not damaged and nothing was moved or changed. You can look at your "
            "days, see the charts and export; new entries cannot be saved until this is fixed "
            "and Unknot is started again.",
        ).format(trouble.reason),
    )
    return log


def _recover(paths: Paths, keeper: Any, trouble: Any, prompt: Prompt) -> LogRepository | None:
    """A damaged or emptied log: offer the newest backup holding data, or a new log, or quit."""
    from PySide6.QtCore import QCoreApplication

    from coach.store.connection import DatabaseTrouble, EmptiedDatabase
    from coach.store.recovery import restore_newest, start_new
    from coach.store.repository import LogRepository

    logger.warning("the log could not be read: %s", type(trouble).__name__)
    backups = keeper.list()
    newest_with_days = keeper.newest_with_data()
    restore, fresh, quit_ = (
        QCoreApplication.translate("Unknot", "Restore the backup"),
        QCoreApplication.translate("Unknot", "Start a new, empty log"),
        QCoreApplication.translate("Unknot", "Quit"),
    )
    offered = newest_with_days or (backups[0] if backups else None)
    newest = (
        QCoreApplication.translate("Unknot", "The newest backup was taken on {0}.").format(
            f"{offered.taken_at:%A %d %B %Y at %H:%M}"
        )
        if offered
        else ""
    )
    what = (
        QCoreApplication.translate(
            "Unknot", "Your log file is empty, but your backups still hold your days"
        )
        if isinstance(trouble, EmptiedDatabase)
        else QCoreApplication.translate("Unknot", "Unknot could not read your log")
    )
    text = QCoreApplication.translate(
        "Unknot",
        "{0}:\n{1}\n\n{2}.\n\nNothing has been changed or deleted. Whatever you choose, the "
        "damaged file is kept beside it under a new name, so it can still be rescued.\n\n{3}",
    ).format(what, trouble.path, trouble.reason, newest)
    options = [restore, fresh, quit_] if backups else [fresh, quit_]
    choice = prompt.choose(
        QCoreApplication.translate("Unknot", "Your log could not be read"), text, options
    )
    if choice not in (restore, fresh):
        return None
    try:
        recovery = (
            restore_newest(paths.database, keeper)
            if choice == restore
            else start_new(paths.database)
        )
        log = LogRepository.open(paths.database, keeper)
    except (DatabaseTrouble, OSError) as failed:
        reason = getattr(failed, "reason", None) or str(failed)
        logger.error("recovering the log failed: %s", reason)
        prompt.inform(
            QCoreApplication.translate("Unknot", "Your log"),
            QCoreApplication.translate(
                "Unknot", "Unknot could not recover your log:\n{0}.\n\nNothing more was changed."
            ).format(reason),
        )
        return None
    if recovery.restored is not None:
        outcome = QCoreApplication.translate("Unknot", "Restored the backup of {0}.").format(
            f"{recovery.restored.taken_at:%d %B %Y, %H:%M}"
        )
    elif choice == restore:
        outcome = QCoreApplication.translate(
            "Unknot", "No backup could be read either, so Unknot starts a new, empty log."
        )
    else:
        outcome = QCoreApplication.translate("Unknot", "Unknot starts a new, empty log.")
    prompt.inform(
        QCoreApplication.translate("Unknot", "Your log"),
        QCoreApplication.translate("Unknot", "{0}\n\nThe damaged file was kept as:\n{1}").format(
            outcome, recovery.kept_as
        ),
    )
    return log
