"""The safety page's data and its plain-text form for the terminal (`coach safety`).

What the page says is checked against docs/safety.md in tests/content/test_safety.py; these tests are
about the module itself: the order of urgency, filtering by urgency, and the text a terminal shows.
"""

from __future__ import annotations

import pytest

from coach.core.body.safety import SAFETY, RedFlagGroup, SafetyPage, Urgency, plain_text


def test_red_flags_come_most_urgent_first() -> None:
    order = [group.urgency for group in SAFETY.red_flags]
    assert order == [Urgency.EMERGENCY, Urgency.URGENT, Urgency.SOON]


def test_flags_of_one_urgency_are_those_of_its_group_and_all_flags_are_every_group() -> None:
    for group in SAFETY.red_flags:
        assert SAFETY.flags(group.urgency) == group.flags
    every = SAFETY.flags()
    assert every == tuple(flag for group in SAFETY.red_flags for flag in group.flags)
    assert len(every) == len(set(every)), "a red flag is listed twice"


@pytest.mark.parametrize("width", [40, 60, 88])
def test_plain_text_fits_the_width_and_keeps_every_word(width: int) -> None:
    text = plain_text(width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    words = " ".join(text.split())
    for group in SAFETY.red_flags:
        assert " ".join(group.heading.split()) in words
        assert " ".join(group.action.split()) in words
        for flag in group.flags:
            assert " ".join(flag.split()) in words
    for item in (*SAFETY.stop_when, *SAFETY.limits):
        assert " ".join(item.split()) in words


def test_plain_text_lays_out_title_groups_and_bullets_in_order() -> None:
    page = SafetyPage(
        title="When to see a doctor",
        intro="Most back pain gets better.",
        red_flags=(
            RedFlagGroup(Urgency.EMERGENCY, "Call now if", ("numb saddle",), "Call 999."),
            RedFlagGroup(Urgency.SOON, "See a GP if", ("pain for weeks",), "Book an appointment."),
        ),
        stop_heading="Stop a routine if",
        stop_when=("it hurts more",),
        limits_heading="This app",
        limits=("is not a doctor",),
    )
    assert plain_text(page).splitlines() == [
        "WHEN TO SEE A DOCTOR",
        "",
        "Most back pain gets better.",
        "",
        "Call now if",
        "  - numb saddle",
        "Call 999.",
        "",
        "See a GP if",
        "  - pain for weeks",
        "Book an appointment.",
        "",
        "Stop a routine if",
        "  - it hurts more",
        "",
        "This app",
        "  - is not a doctor",
    ]


def test_a_long_heading_is_wrapped_too() -> None:
    heading = "Get an urgent appointment the same day if any of these happen to you " * 2
    page = SafetyPage(
        "T", "I", (RedFlagGroup(Urgency.URGENT, heading, ("x",), "Act."),), "S", (), "L", ()
    )
    assert all(len(line) <= 30 for line in plain_text(page, width=30).splitlines())


def test_a_long_bullet_continues_under_its_text() -> None:
    flag = "a loss of feeling or pins and needles between your upper thighs or buttocks"
    page = SafetyPage(
        "T", "I", (RedFlagGroup(Urgency.EMERGENCY, "H", (flag,), "A."),), "S", (), "L", ()
    )
    lines = plain_text(page, width=40).splitlines()
    first = lines.index(next(line for line in lines if line.startswith("  - ")))
    assert lines[first + 1].startswith("    ")
    assert not lines[first + 1].startswith("    -")
