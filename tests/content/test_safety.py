"""The safety page: every red flag for back pain, said plainly, the same in the app and in the docs."""

from __future__ import annotations

import re

import pytest

from coach.core.body.safety import SAFETY, Urgency
from tests.conftest import REPO

SAFETY_DOC = REPO / "docs" / "safety.md"

# The red flags the app must name, each as words that must all appear in one of its lines, and how
# urgent it is, at the three levels of the NHS advice on back pain (999 or A&E; an urgent
# appointment or 111 the same day; an appointment within days) and the red flags of NICE NG59.
RED_FLAGS: dict[str, tuple[tuple[str, ...], Urgency]] = {
    "sudden severe back or belly pain (aorta)": (("sudden", "severe", "belly"), Urgency.EMERGENCY),
    "chest pain with back pain": (("chest pain",), Urgency.EMERGENCY),
    "loss of bladder or bowel control": (("bladder", "bowel"), Urgency.EMERGENCY),
    "numbness around the genitals or bottom": (("numb", "genitals", "bottom"), Urgency.EMERGENCY),
    "weakness or numbness in both legs": (("weak", "numb", "both legs"), Urgency.EMERGENCY),
    "a serious accident": (("serious accident",), Urgency.EMERGENCY),
    "fever": (("fever", "shivery"), Urgency.URGENT),
    "unexplained weight loss": (("weight loss", "explain"), Urgency.URGENT),
    "a lump or change in the shape of the back": (("lump", "shape"), Urgency.URGENT),
    "pain after a fall": (("after a fall",), Urgency.URGENT),
    "osteoporosis": (("osteoporosis",), Urgency.URGENT),
    "new weakness in one leg": (("weak", "one leg"), Urgency.URGENT),
    "worse at night or with coughing or sneezing": (("night", "cough", "sneeze"), Urgency.URGENT),
    "pain between the shoulder blades": (("between the shoulder blades",), Urgency.URGENT),
    "a history of cancer": (("history of cancer",), Urgency.URGENT),
    "steroids or a weakened immune system": (("steroids", "immune"), Urgency.URGENT),
    "changes in sexual function": (("sex", "erection"), Urgency.URGENT),
    "new pain under 20 or over 50": (("new", "under 20", "over 50"), Urgency.SOON),
    "pain not easing after weeks": (("not eased", "weeks"), Urgency.SOON),
    "pain stopping everyday life or getting worse": (("everyday", "worse"), Urgency.SOON),
    "worried or struggling to cope": (("worried", "cope"), Urgency.SOON),
}
HEADINGS = {
    Urgency.EMERGENCY: "Get help straight away",
    Urgency.URGENT: "See a doctor today",
    Urgency.SOON: "See your doctor soon",
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
    for other in set(Urgency) - {urgency}:
        assert not [flag for flag in SAFETY.flags(other) if matches(flag, words)], other


@pytest.mark.parametrize(("words", "urgency"), RED_FLAGS.values(), ids=list(RED_FLAGS))
def test_every_red_flag_is_in_the_doc_under_its_urgency(
    words: tuple[str, ...], urgency: Urgency
) -> None:
    assert [item for item in doc_items(doc_section(HEADINGS[urgency])) if matches(item, words)]


def test_the_app_and_the_doc_list_the_same_number_of_red_flags() -> None:
    in_doc = [item for heading in HEADINGS.values() for item in doc_items(doc_section(heading))]
    assert len(in_doc) == len(SAFETY.flags()) == len(RED_FLAGS)
    for urgency, heading in HEADINGS.items():
        assert len(doc_items(doc_section(heading))) == len(SAFETY.flags(urgency)), heading


def test_each_level_says_what_to_do_and_how_soon() -> None:
    assert [g.urgency for g in SAFETY.red_flags] == list(HEADINGS), "most urgent first"
    [emergency, urgent, soon] = SAFETY.red_flags
    for number in ("999", "112", "911"):
        assert number in emergency.action, "the emergency number, wherever the person lives"
    assert "now" in emergency.action.lower()
    assert "emergency" in doc_section("Get help straight away").lower()
    assert "today" in urgent.action
    assert "111" in urgent.action
    assert "days" in soon.action


def test_organs_behind_one_sided_pain_are_explained_in_the_doc() -> None:
    organs = doc_section("Pain on one side of the belly or the low back").lower()
    for word in ("kidney", "fever", "pee", "appendix", "bowel", "ovary", "floating"):
        assert word in organs, word


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
