"""The body map's suggestions in words: why each routine is offered, and for a linked one which
muscles it works for which pain. Only Qt Core: translated with literal strings lupdate extracts.
(`coach suggest` words the same facts in English without loading Qt: cli/guidance.py.)"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from coach.core.body.suggestions import Suggestion


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def area_list(names: Sequence[str], more: int = 0) -> str:
    """Areas in a sentence: "lower back", "lower back and left buttock", "neck, chest and 3 more
    areas"."""
    names = [_lower_first(name) for name in names]
    if more:  # two or more: the core never leaves one area unnamed
        names.append(QCoreApplication.translate("Suggestions", "{0} more areas").format(more))
    if len(names) <= 1:
        return "".join(names)
    return QCoreApplication.translate("Suggestions", "{0} and {1}").format(
        ", ".join(names[:-1]), names[-1]
    )


def reason(suggestion: Suggestion) -> str:
    """One short sentence for the list: the areas it works, or the link's own reason; and
    whether the gentle version is offered."""
    if suggestion.link is not None:
        said = suggestion.link.reason
    else:
        said = QCoreApplication.translate("Suggestions", "Works your {0}.").format(
            area_list(suggestion.areas, suggestion.more_areas)
        )
    if suggestion.gentle:
        said = QCoreApplication.translate("Suggestions", "{0} (gentle version offered).").format(
            said.removesuffix(".")
        )
    return said


def detail(suggestion: Suggestion) -> str:
    """For a linked suggestion, which muscles it works for which pain ("" for a direct one)."""
    link = suggestion.link
    if link is None:
        return ""
    return QCoreApplication.translate(
        "Suggestions", "Works your {0}, often linked to pain in the {1}."
    ).format(_lower_first(link.muscles), _lower_first(link.pain_in))
