"""Help › Keyboard shortcuts: every key the app answers to, by where it works."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

CONTEXT = "KeyboardShortcuts"
# the key that opens this page (shown in the Help menu)
HELP_KEYS = "Ctrl+/"


def shortcut_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """(where, [(keys, what they do)]) for every screen, in words a person reads."""
    return [
        (
            QCoreApplication.translate("KeyboardShortcuts", "Anywhere"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Ctrl+1 … Ctrl+5"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Today, Routines, Body map, Trends, Settings"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Tab, Shift+Tab"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts",
                        "Move between the controls; the focused one is outlined",
                    ),
                ),
                (
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Up, Down in the list of views"
                    ),
                    QCoreApplication.translate("KeyboardShortcuts", "Choose a view"),
                ),
                (
                    HELP_KEYS,
                    QCoreApplication.translate("KeyboardShortcuts", "This list of shortcuts"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "F1"),
                    QCoreApplication.translate("KeyboardShortcuts", "When to see a doctor"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "F5"),
                    QCoreApplication.translate("KeyboardShortcuts", "Read the routines again"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Ctrl+Q"),
                    QCoreApplication.translate("KeyboardShortcuts", "Quit"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("KeyboardShortcuts", "Today and Body map"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Alt+Left, Alt+Right"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "The day before, the day after"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Ctrl+T"),
                    QCoreApplication.translate("KeyboardShortcuts", "Back to today"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "0 … 9, then 0 for 10"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "A rating on the focused scale (1 then 0 is 10)"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Left, Right"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "One less, one more on a rating scale"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Delete"),
                    QCoreApplication.translate("KeyboardShortcuts", "Clear a rating or a mark"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("KeyboardShortcuts", "Body map figure"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Arrow keys"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Move to the neighbouring area"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Page Up, Page Down"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "The previous or next area in order"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "0 … 9"),
                    QCoreApplication.translate("KeyboardShortcuts", "How much the area hurts"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Enter or Space"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Choose the intensity from a list"
                    ),
                ),
            ],
        ),
        (
            QCoreApplication.translate("KeyboardShortcuts", "Routines"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Ctrl+F"),
                    QCoreApplication.translate("KeyboardShortcuts", "Search the routines"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Enter"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Open the chosen routine, ready to start"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Esc"),
                    QCoreApplication.translate("KeyboardShortcuts", "Clear the filters"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("KeyboardShortcuts", "Before a session"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Enter"),
                    QCoreApplication.translate("KeyboardShortcuts", "Start (Start has the focus)"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "0 … 9"),
                    QCoreApplication.translate("KeyboardShortcuts", "Pain right now"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Esc"),
                    QCoreApplication.translate("KeyboardShortcuts", "Back to where you came from"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("KeyboardShortcuts", "During a session"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Space"),
                    QCoreApplication.translate("KeyboardShortcuts", "Pause or continue"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Left, Right"),
                    QCoreApplication.translate("KeyboardShortcuts", "The previous or next step"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "R"),
                    QCoreApplication.translate("KeyboardShortcuts", "Start this step again"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "E"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Eyes closed: a dark, full screen to follow by sound"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Esc"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Leave eyes-closed mode; otherwise stop the session"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "M"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "Mute or unmute cues and voice"
                    ),
                ),
            ],
        ),
        (
            QCoreApplication.translate("KeyboardShortcuts", "After a session"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "0 … 9"),
                    QCoreApplication.translate("KeyboardShortcuts", "Pain now"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Ctrl+Enter"),
                    QCoreApplication.translate("KeyboardShortcuts", "Save and go back"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("KeyboardShortcuts", "Trends charts"),
            [
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Left, Right"),
                    QCoreApplication.translate(
                        "KeyboardShortcuts", "The day before, the day after"
                    ),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Page Up, Page Down"),
                    QCoreApplication.translate("KeyboardShortcuts", "A week back, a week on"),
                ),
                (
                    QCoreApplication.translate("KeyboardShortcuts", "Home, End"),
                    QCoreApplication.translate("KeyboardShortcuts", "The first or last day shown"),
                ),
            ],
        ),
    ]


def shortcuts_html() -> str:
    """The shortcuts as one HTML page, every string escaped."""
    e = html.escape
    title = QCoreApplication.translate("KeyboardShortcuts", "Keyboard shortcuts")
    parts = [f"<h2>{e(title)}</h2>"]
    for where, rows in shortcut_groups():
        parts.append(f"<h3>{e(where)}</h3><table cellspacing='0' cellpadding='3'>")
        parts += [
            f"<tr><td width='38%'><b>{e(keys)}</b></td><td>{e(what)}</td></tr>"
            for keys, what in rows
        ]
        parts.append("</table>")
    return "".join(parts)


class ShortcutsDialog(QDialog):
    """The shortcuts page; Esc or Close leaves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.text.setHtml(shortcuts_html())
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        # as big as it reads well, never bigger than the window it belongs to
        width, height = 620, 640
        if parent is not None:
            width = min(width, max(360, parent.width() - 40))
            height = min(height, max(300, parent.height() - 40))
        self.resize(width, height)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
