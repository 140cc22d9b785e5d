"""The main window's menus: what File and Help offer, their keys, and what each opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coach.paths import Paths
from coach.ui.library.routine_model import RoutineTableModel
from coach.ui.shell.main_window import MainWindow
from coach.ui.shell.menus import WindowMenus
from tests.conftest import MINIMAL, write_session
from tests.ui.shell.test_main_window import BUILTIN_IDS, make_window, model_ids

__all__ = ["make_window"]  # the fixture: the main window on the test's folders


def menu(window: MainWindow, title: str) -> QMenu:
    [found] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == title]
    return found


def test_file_and_help_offer_their_actions_in_order(make_window) -> None:
    window = make_window()

    assert isinstance(window.menus, WindowMenus)
    assert [a.text() for a in menu(window, "&File").actions() if not a.isSeparator()] == [
        "&Reload routines",
        "Re&port for your doctor…",
        "&Quit",
    ]
    assert [a.text() for a in menu(window, "&Help").actions()] == [
        "&When to see a doctor",
        "&Keyboard shortcuts",
        "&About Unknot",
    ]
    menus = window.menus
    keys = {  # the platform's own keys for these
        menus.reload_action: QKeySequence.StandardKey.Refresh,
        menus.report_action: QKeySequence.StandardKey.Print,
        menus.quit_action: QKeySequence.StandardKey.Quit,
        menus.doctor_action: QKeySequence.StandardKey.HelpContents,
    }
    for action, key in keys.items():
        assert action.shortcut() == QKeySequence(key), action.text()
    assert menus.reload_action.shortcut().toString() == "F5"
    assert menus.report_action.shortcut().toString() == "Ctrl+P"


def test_f5_reloads_new_user_files(qtbot: QtBot, make_window, paths: Paths) -> None:
    window = make_window(shown=True)
    assert "Two steps" not in {e.routine.title for e in window.routines.scan.entries}
    write_session(paths.user_sessions, "new-one.toml", MINIMAL)

    qtbot.keyClick(window, Qt.Key.Key_F5)

    qtbot.waitUntil(lambda: "new-one" in model_ids(window))
    row = window.routines.model.row_of("new-one")
    assert window.routines.model.index(row, RoutineTableModel.SOURCE).data() == "yours"
    assert window.routines.status_text == f"{len(BUILTIN_IDS) + 1} routines"


def test_file_report_opens_the_report_with_the_body_figures(
    make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.ui.report.report_dialog import ReportDialog

    window = make_window()
    [file_menu] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File"]
    action = next(a for a in file_menu.actions() if a.text() == "Re&port for your doctor…")
    assert action.shortcut().toString() == "Ctrl+P"
    opened: list[ReportDialog] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: opened.append(self) or 0)
    action.trigger()
    (dialog,) = opened
    assert dialog.look.figures is not None
    assert dialog.look.name("left_lower_back") == "Left lower back"
    dialog.timer.stop()
    dialog.deleteLater()


def test_help_menu_offers_the_keyboard_shortcuts(make_window) -> None:
    window = make_window()
    shortcuts = window.menus.shortcuts_action
    assert shortcuts.shortcut().toString() == "Ctrl+/"
    menus = window.menuBar().findChildren(QMenu)
    assert any(shortcuts in menu.actions() for menu in menus)


def test_help_opens_the_doctor_page_and_the_shortcuts(
    make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.ui.shell.safety_dialog import SafetyDialog
    from coach.ui.shell.shortcuts_help import ShortcutsDialog

    window = make_window()
    opened: list[QWidget] = []
    monkeypatch.setattr(SafetyDialog, "exec", lambda self: opened.append(self) or 0)
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: opened.append(self) or 0)

    window.menus.doctor_action.trigger()
    window.menus.shortcuts_action.trigger()

    safety, shortcuts = opened
    assert isinstance(safety, SafetyDialog)
    assert isinstance(shortcuts, ShortcutsDialog)
    assert safety.parent() is window
    assert shortcuts.parent() is window
    for dialog in opened:
        dialog.deleteLater()


def test_about_names_the_version_and_the_voice(make_window, monkeypatch) -> None:
    from coach import __version__

    window = make_window()
    shown: list[tuple[QWidget, str, str]] = []
    monkeypatch.setattr(QMessageBox, "about", lambda *args: shown.append(args))

    window.menus.about_action.trigger()

    [(parent, title, text)] = shown
    assert parent is window
    assert title == "About Unknot"
    assert f"Unknot {__version__}" in text
    assert "en_US-joe-medium" in text
    assert "does not replace a doctor" in text
