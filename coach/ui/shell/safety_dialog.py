"""The "When to see a doctor" page: shown on first run and from Help."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from coach.core.body.safety import SAFETY, Urgency


def safety_html() -> str:
    """The safety page as HTML, translated, every string escaped."""

    def t(text: str) -> str:
        return html.escape(QCoreApplication.translate("Safety", text))

    parts = [f"<h2>{t(SAFETY.title)}</h2>", f"<p>{t(SAFETY.intro)}</p>"]
    for group in SAFETY.red_flags:
        style = " style='color: palette(highlight)'" if group.urgency is Urgency.EMERGENCY else ""
        parts.append(f"<h3{style}>{t(group.heading)}</h3><ul>")
        parts += [f"<li>{t(flag)}</li>" for flag in group.flags]
        parts.append(f"</ul><p><b>{t(group.action)}</b></p>")
    parts.append(f"<h3>{t(SAFETY.stop_heading)}</h3><ul>")
    parts += [f"<li>{t(item)}</li>" for item in SAFETY.stop_when]
    parts.append(f"</ul><h3>{t(SAFETY.limits_heading)}</h3><ul>")
    parts += [f"<li>{t(item)}</li>" for item in SAFETY.limits]
    parts.append("</ul>")
    return "".join(parts)


class SafetyDialog(QDialog):
    """Shows the safety page; one button to close it."""

    def __init__(self, parent: QWidget | None = None, *, first_run: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("When to see a doctor"))
        self.resize(640, 620)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("When to see a doctor"))
        self.text.setHtml(safety_html())
        self.text.setOpenExternalLinks(False)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(
            self.tr("I understand") if first_run else self.tr("Close"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        ok.setFocus(Qt.FocusReason.OtherFocusReason)
