"""The safety page: every red flag for back pain, said plainly, the same in the app and in the docs."""

from __future__ import annotations

import re

import pytest

from coach.core.safety import SAFETY, Urgency
from tests.conftest import REPO

SAFETY_DOC = REPO / "docs" / "safety.md"

# The red flags the app must name, each as words that must all appear in one of its lines, and how
# urgent it is: the first three are signs of cauda equina syndrome and need emergency care.
RED_FLAGS: dict[str, tuple[tuple[str, ...], Urgency]] = {
    "new bladder or bowel problems": (("bladder", "bowel"), Urgency.EMERGENCY),
    "numbness in the saddle area": (("numb", "saddle"), Urgency.EMERGENCY),
    "weakness in the legs": (("weak", "leg"), Urgency.EMERGENCY),
    "fever": (("fever",), Urgency.SOON),
    "unexplained weight loss": (("weight loss", "explain"), Urgency.SOON),
    "a history of cancer": (("history of cancer",), Urgency.SOON),
    "pain after a fall or injury": (("fall", "injury"), Urgency.SOON),
    "pain that wakes you at night": (("wakes you", "night"), Urgency.SOON),
    "pain that keeps getting worse": (("keeps getting worse",), Urgency.SOON),
}


def matches(line: str, words: tuple[str, ...]) -> bool:
    return all(word in line.lower() for word in words)


def doc_section(heading: str) -> str:
    """The text of docs/safety.md under `## heading`, up to the next heading of that level."""
    doc = SAFETY_DOC.read_text(encoding="utf-8")
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    assert found, f"docs/safety.md has a section '## {heading}'"
    return found.group(1)


def doc_items(section: str) -> list[str]:
    """The bullet points of a section, each joined onto one line (a blank line ends the list)."""
    items = re.split(r"^- ", section, flags=re.M)[1:]
    return [" ".join(item.split("\n\n")[0].split()) for item in items]


@pytest.mark.parametrize(("words", "urgency"), RED_FLAGS.values(), ids=list(RED_FLAGS))
def test_every_red_flag_is_in_the_app_with_its_urgency(
    words: tuple[str, ...], urgency: Urgency
) -> None:
    assert [flag for flag in SAFETY.flags(urgency) if matches(flag, words)], words
    other = Urgency.SOON if urgency is Urgency.EMERGENCY else Urgency.EMERGENCY
    assert not [flag for flag in SAFETY.flags(other) if matches(flag, words)]


@pytest.mark.parametrize(("words", "urgency"), RED_FLAGS.values(), ids=list(RED_FLAGS))
def test_every_red_flag_is_in_the_doc_under_its_urgency(
    words: tuple[str, ...], urgency: Urgency
) -> None:
    heading = "Get help straight away" if urgency is Urgency.EMERGENCY else "See your doctor soon"
    assert [item for item in doc_items(doc_section(heading)) if matches(item, words)], words


def test_the_app_and_the_doc_list_the_same_number_of_red_flags() -> None:
    in_doc = doc_items(doc_section("Get help straight away")) + doc_items(
        doc_section("See your doctor soon")
    )
    assert len(in_doc) == len(SAFETY.flags()) == len(RED_FLAGS)


def test_emergency_signs_say_to_call_emergency_services_now() -> None:
    [emergency] = [g for g in SAFETY.red_flags if g.urgency is Urgency.EMERGENCY]
    assert "emergency" in emergency.action.lower()
    assert "now" in emergency.action.lower()
    assert "emergency" in doc_section("Get help straight away").lower()
    [soon] = [g for g in SAFETY.red_flags if g.urgency is Urgency.SOON]
    assert "days" in soon.action


def test_the_app_says_what_it_is_not() -> None:
    limits = " ".join(SAFETY.limits).lower()
    assert "relaxation and self-care coach" in limits
    assert "not a treatment" in limits
    assert "doctor" in limits
    doc = doc_section("What Unknot is, and what it is not").lower()
    assert "relaxation and self-care coach" in doc
    assert "not a treatment" in doc


def test_when_to_stop_a_routine_is_said() -> None:
    stop = " ".join(SAFETY.stop_when).lower()
    for words in (("sharper", "spread"), ("numbness", "tingling")):
        assert matches(stop, words)
        assert matches(doc_section("Stop a routine if"), words)


def test_every_string_is_short_plain_text() -> None:
    texts = [
        SAFETY.title,
        SAFETY.intro,
        SAFETY.stop_heading,
        SAFETY.limits_heading,
        *SAFETY.stop_when,
        *SAFETY.limits,
        *(text for g in SAFETY.red_flags for text in (g.heading, g.action, *g.flags)),
    ]
    for text in texts:
        assert text == text.strip()
        assert text
        assert len(text) <= 160, text
        assert not re.search(r"[\n<>*_`]", text), "plain text, no markup"


def test_the_doc_tells_where_the_app_shows_it() -> None:
    doc = SAFETY_DOC.read_text(encoding="utf-8")
    assert "first time" in doc
    assert "Help" in doc
    assert doc.startswith(f"# {SAFETY.title}\n")


def test_readme_links_the_safety_page() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](docs/safety.md)" in readme, "README.md links the safety page (the lead's file)"


def test_routines_doc_links_the_safety_page() -> None:
    doc = (REPO / "docs" / "routines.md").read_text(encoding="utf-8")
    assert "](safety.md)" in doc
