"""Help › Keyboard shortcuts: every key the app answers to, by where it works."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

CONTEXT = "KeyboardShortcuts"
# the key that opens this page (shown in the Help menu)
HELP_KEYS = "Ctrl+/"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def shortcut_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """(where, [(keys, what they do)]) for every screen, in words a person reads."""
    return [
        (
            _t("Anywhere"),
            [
                (_t("Ctrl+1 … Ctrl+5"), _t("Today, Routines, Body map, Trends, Settings")),
                (
                    _t("Tab, Shift+Tab"),
                    _t("Move between the controls; the focused one is outlined"),
                ),
                (_t("Up, Down in the list of views"), _t("Choose a view")),
                (HELP_KEYS, _t("This list of shortcuts")),
                (_t("F1"), _t("When to see a doctor")),
                (_t("F5"), _t("Read the routines again")),
                (_t("Ctrl+Q"), _t("Quit")),
            ],
        ),
        (
            _t("Today and Body map"),
            [
                (_t("Alt+Left, Alt+Right"), _t("The day before, the day after")),
                (_t("Ctrl+T"), _t("Back to today")),
                (_t("0 … 9, then 0 for 10"), _t("A rating on the focused scale (1 then 0 is 10)")),
                (_t("Left, Right"), _t("One less, one more on a rating scale")),
                (_t("Delete"), _t("Clear a rating or a mark")),
            ],
        ),
        (
            _t("Body map figure"),
            [
                (_t("Arrow keys"), _t("Move to the neighbouring area")),
                (_t("Page Up, Page Down"), _t("The previous or next area in order")),
                (_t("0 … 9"), _t("How much the area hurts")),
                (_t("Enter or Space"), _t("Choose the intensity from a list")),
            ],
        ),
        (
            _t("Routines"),
            [
                (_t("Ctrl+F"), _t("Search the routines")),
                (_t("Enter"), _t("Open the chosen routine, ready to start")),
                (_t("Esc"), _t("Clear the filters")),
            ],
        ),
        (
            _t("Before a session"),
            [
                (_t("Enter"), _t("Start (Start has the focus)")),
                (_t("0 … 9"), _t("Pain right now")),
                (_t("Esc"), _t("Back to where you came from")),
            ],
        ),
        (
            _t("During a session"),
            [
                (_t("Space"), _t("Pause or continue")),
                (_t("Left, Right"), _t("The previous or next step")),
                (_t("R"), _t("Start this step again")),
                (_t("E"), _t("Eyes closed: a dark, full screen to follow by sound")),
                (_t("Esc"), _t("Leave eyes-closed mode; otherwise stop the session")),
                (_t("M"), _t("Mute or unmute cues and voice")),
            ],
        ),
        (
            _t("After a session"),
            [
                (_t("0 … 9"), _t("Pain now")),
                (_t("Ctrl+Enter"), _t("Save and go back")),
            ],
        ),
        (
            _t("Trends charts"),
            [
                (_t("Left, Right"), _t("The day before, the day after")),
                (_t("Page Up, Page Down"), _t("A week back, a week on")),
                (_t("Home, End"), _t("The first or last day shown")),
            ],
        ),
    ]


def shortcuts_html() -> str:
    """The shortcuts as one HTML page, every string escaped."""
    e = html.escape
    parts = [f"<h2>{e(_t('Keyboard shortcuts'))}</h2>"]
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
