"""When to see a doctor: the safety text shown on first run and from the Help menu.

Plain data, no Qt. The UI lays it out in this order (title, intro, each group of red flags with its
heading and what to do, when to stop a routine, the app's limits) and translates each string with
`QCoreApplication.translate(CONTEXT, text)`; every string is marked with `QT_TRANSLATE_NOOP` so Qt's
lupdate finds it. docs/safety.md says the same at more length; a test keeps the two in step.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import Enum

CONTEXT = "Safety"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` and return it unchanged (the name lupdate knows)."""
    return text


class Urgency(Enum):
    """How soon a warning sign needs a doctor: the three levels of the NHS back pain advice."""

    EMERGENCY = "emergency"  # call the emergency number or go to an emergency department now
    URGENT = "urgent"  # an urgent appointment or the urgent advice line, the same day
    SOON = "soon"  # an appointment within a few days


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


# The levels and signs follow the NHS pages on back pain (call 999 or go to A&E; ask for an urgent
# GP appointment or call 111; see a GP) and the red flags of NICE NG59 (cauda equina syndrome,
# spinal fracture, infection and cancer), with the abdominal aortic aneurysm and the heart, whose
# pain can be felt in the back, among the emergencies.
SAFETY = SafetyPage(
    title=QT_TRANSLATE_NOOP("Safety", "When to see a doctor"),
    intro=QT_TRANSLATE_NOOP(
        "Safety",
        "Most back pain is not caused by anything serious. But some signs mean you need a doctor, whatever this app suggests.",
    ),
    red_flags=(
        RedFlagGroup(
            Urgency.EMERGENCY,
            QT_TRANSLATE_NOOP(
                "Safety",
                "Call an ambulance or go to an emergency department now if back pain comes with:",
            ),
            (
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "Sudden, severe pain in your back or belly, unlike any you have had before.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "Chest pain, or pain spreading to your arm, jaw or neck, with your back pain.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "Loss of control of your bladder or bowels, or you cannot pee."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "Numbness or tingling around your genitals or bottom (the saddle area).",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "Weakness, numbness or tingling in both legs, or legs that give way."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "Pain that started after a serious accident, such as a car crash."
                ),
            ),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Call your emergency number (999 in the UK, 112 in Europe, 911 in North America) now. Do not wait to see if it passes.",
            ),
        ),
        RedFlagGroup(
            Urgency.URGENT,
            QT_TRANSLATE_NOOP("Safety", "See a doctor today if back pain comes with:"),
            (
                QT_TRANSLATE_NOOP("Safety", "A fever, or feeling hot and shivery."),
                QT_TRANSLATE_NOOP("Safety", "Weight loss you cannot explain."),
                QT_TRANSLATE_NOOP(
                    "Safety", "A lump or swelling on your back, or a change in its shape."
                ),
                QT_TRANSLATE_NOOP("Safety", "Pain after a fall or a knock, even a small one."),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "Thin bones (osteoporosis), and the pain came on suddenly or after a fall.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "New weakness or numbness in one leg, or a foot that drags or slaps."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "Pain that is worse at night, or worse when you cough, sneeze or poo."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "Pain high in your back, between the shoulder blades, rather than low down.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "A history of cancer, even if it was treated years ago."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "Taking steroids for a long time, or a weakened immune system."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "New changes in your sex life, such as numbness or problems getting an erection.",
                ),
            ),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Ask for an urgent appointment with your doctor today, or call your urgent advice line (111 in the UK).",
            ),
        ),
        RedFlagGroup(
            Urgency.SOON,
            QT_TRANSLATE_NOOP("Safety", "Make an appointment within a few days if:"),
            (
                QT_TRANSLATE_NOOP(
                    "Safety", "Your back pain is new and you are under 20 or over 50."
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "The pain has not eased after a few weeks of looking after it at home.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety",
                    "The pain stops you doing your everyday things, or keeps getting worse.",
                ),
                QT_TRANSLATE_NOOP(
                    "Safety", "You are worried about the pain, or struggling to cope with it."
                ),
            ),
            QT_TRANSLATE_NOOP(
                "Safety",
                "Book an appointment with your doctor or physiotherapist within a few days.",
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


def plain_text(page: SafetyPage = SAFETY, width: int = 88) -> str:
    """The safety page as plain text for a terminal (`coach safety`), wrapped at `width`."""

    def bullets(items: tuple[str, ...]) -> list[str]:
        return [
            textwrap.fill(item, width, initial_indent="  - ", subsequent_indent="    ")
            for item in items
        ]

    lines = [page.title.upper(), "", textwrap.fill(page.intro, width)]
    for group in page.red_flags:
        lines += ["", textwrap.fill(group.heading, width), *bullets(group.flags)]
        lines.append(textwrap.fill(group.action, width))
    lines += ["", textwrap.fill(page.stop_heading, width), *bullets(page.stop_when)]
    lines += ["", textwrap.fill(page.limits_heading, width), *bullets(page.limits)]
    return "\n".join(lines)
