"""The safety page is reachable from Help and says every red flag."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu

from coach.core.body.safety import SAFETY
from coach.ui.shell.safety_dialog import SafetyDialog, safety_html


def test_the_page_lists_every_red_flag_escaped(qtbot):
    assert "<script" not in safety_html()
    dialog = SafetyDialog(first_run=True)
    qtbot.addWidget(dialog)
    plain = dialog.text.toPlainText()
    for flag in SAFETY.flags():
        assert flag in plain


def test_help_menu_opens_it(qtbot, make_services):
    from coach.ui.shell.main_window import MainWindow

    window = MainWindow(make_services())
    qtbot.addWidget(window)
    [help_menu] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help"]
    action = next(a for a in help_menu.actions() if a.text() == "&When to see a doctor")
    seen = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle() if dialog else None)
        if dialog:
            dialog.accept()

    QTimer.singleShot(0, close_it)
    action.trigger()
    assert seen == ["When to see a doctor"]
