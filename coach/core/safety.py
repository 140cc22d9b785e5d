"""When to see a doctor: the safety text shown on first run and from the Help menu.

Plain data, no Qt. The UI lays it out in this order (title, intro, each group of red flags with its
heading and what to do, when to stop a routine, the app's limits) and translates each string with
`QCoreApplication.translate(CONTEXT, text)`; every string is marked with `QT_TRANSLATE_NOOP` so Qt's
lupdate finds it. docs/safety.md says the same at more length; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

CONTEXT = "Safety"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` and return it unchanged (the name lupdate knows)."""
    return text


class Urgency(Enum):
    """How soon a warning sign needs a doctor."""

    EMERGENCY = "emergency"  # signs of pressure on the nerves at the base of the spine
    SOON = "soon"


@dataclass(frozen=True)
class RedFlagGroup:
    """Warning signs that need a doctor equally urgently, and what to do about them."""

    urgency: Urgency
    heading: str
    flags: tuple[str, ...]
    action: str


@dataclass(frozen=True)
class SafetyPage:
    """Everything the safety screen says."""

    title: str
    intro: str
    red_flags: tuple[RedFlagGroup, ...]
    stop_heading: str
    stop_when: tuple[str, ...]  # when to stop a routine
    limits_heading: str
    limits: tuple[str, ...]  # what the app is and is not

    def flags(self, urgency: Urgency | None = None) -> tuple[str, ...]:
        """Every red flag, or those of one urgency, in order."""
        return tuple(
            flag
            for group in self.red_flags
            if urgency is None or group.urgency is urgency
            for flag in group.flags
        )


SAFETY = SafetyPage(
    title=QT_TRANSLATE_NOOP("Safety", "When to see a doctor"),
    intro=QT_TRANSLATE_NOOP(
        "Safety",
        "Most back pain is not caused by anything serious. But some signs mean you need a doctor, whatever this app suggests.",
    ),
    red_flags=(
        RedFlagGroup(
            Urgency.EMERGENCY,
            QT_TRANSLATE_NOOP("Safety", "Get help straight away if back pain comes with:"),
            (
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "New problems with your bladder or bowels: you cannot pass urine, or you leak.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "Numbness in the saddle area: around your genitals, your bottom or inner thighs.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "Weakness in one or both legs, or legs that give way, that is new or getting worse.",
                ),
            ),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Call your local emergency number or go to an emergency department now. Do not wait to see if it passes.",
            ),
        ),
        RedFlagGroup(
            Urgency.SOON,
            QT_TRANSLATE_NOOP("Safety", "See your doctor soon if back pain comes with:"),
            (
                QT_TRANSLATE_NOOP("Safety", "A fever, or feeling hot and shivery."),
                QT_TRANSLATE_NOOP("Safety", "Weight loss you cannot explain."),
                QT_TRANSLATE_NOOP(
                    "Safety", "A history of cancer, even if it was treated years ago."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "Pain that started after a fall, an accident or another injury."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "Pain that wakes you at night, or is there even when you lie still."
                ),
                QT_TRANSLATE_NOOP("Safety", "Pain that keeps getting worse, week after week."),
            ),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Make an appointment within a few days. After a bad fall or an accident, get checked the same day.",
            ),
        ),
    ),
    stop_heading=QT_TRANSLATE_NOOP("Safety", "Stop a routine if:"),
    stop_when=(
        QT_TRANSLATE_NOOP("Safety", "Your pain gets sharper or starts to spread."),
        QT_TRANSLATE_NOOP(
            "Safety", "You feel numbness, tingling, or a shooting feeling down an arm or a leg."
        ),
        QT_TRANSLATE_NOOP("Safety", "You feel dizzy, faint or unwell."),
    ),
    limits_heading=QT_TRANSLATE_NOOP("Safety", "What Unknot is, and what it is not"),
    limits=(
        QT_TRANSLATE_NOOP(
            "Safety", "Unknot is a relaxation and self-care coach. It is not a treatment."
        ),
        QT_TRANSLATE_NOOP("Safety", "It cannot examine you or tell you what is causing your pain."),
        QT_TRANSLATE_NOOP(
            "Safety",
            "It does not replace your doctor or physiotherapist. Their advice comes first.",
        ),
        QT_TRANSLATE_NOOP(
            "Safety",
            "No one reads your log; it stays on this computer. Tell your doctor what worries you.",
        ),
        QT_TRANSLATE_NOOP(
            "Safety",
            "Relaxation and self-massage can help you cope with pain; they do not cure it.",
        ),
    ),
)
