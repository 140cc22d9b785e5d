"""Settings → Copy diagnostics: versions and the end of the diagnostics log, on the clipboard."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication

from coach.diagnostics import start_logging, stop_logging
from coach.ui.settings.settings_view import SettingsView


def test_copy_diagnostics_puts_versions_and_the_log_on_the_clipboard(qtbot, paths) -> None:
    start_logging(paths.data_dir)
    try:
        logging.getLogger("unknot").warning("sound output: silent")
    finally:
        stop_logging()
    view = SettingsView(paths)
    qtbot.addWidget(view)
    assert view.copy_diagnostics.accessibleName()
    view.copy_diagnostics.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Unknot ")
    assert "Python" in copied
    assert "sound output: silent" in copied
    assert "Copied" in view.diagnostics_status.text()
