"""Better days: pain with and without each tag, in a table and in plain, careful sentences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.core.analytics.trends import TagLink
from coach.ui.trends.better_days import MIN_TAG_DAYS, TagTable, better_days_text, tag_sentence

WALK = TagLink("walk", 3.1, 12, 4.6, 20, -1.5)
DRIVE = TagLink("long drive", 5.9, 6, 4.0, 26, 1.9)
SAME = TagLink("tea", 4.0, 9, 4.04, 23, -0.04)


def test_the_table_has_a_row_per_tag_with_signed_differences(qtbot: QtBot) -> None:
    table = TagTable()
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)

    table.show_links([WALK, DRIVE])

    rows = [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]
    assert rows == [
        ["walk", "12", "3.1", "20", "4.6", "-1.5"],
        ["long drive", "6", "5.9", "26", "4.0", "+1.9"],
    ]
    assert table.item(0, 5).textAlignment() & Qt.AlignmentFlag.AlignRight
    assert table.horizontalHeaderItem(2).text() == "Average pain with"
    assert not table.tabKeyNavigation(), "Tab leaves the table"


def test_a_tag_is_worded_lower_higher_or_about_the_same() -> None:
    assert tag_sentence(WALK) == "Days with “walk” had pain 1.5 lower on average (12 days)."
    assert tag_sentence(DRIVE) == "Days with “long drive” had pain 1.9 higher on average (6 days)."
    assert tag_sentence(SAME) == "Days with “tea” had about the same pain as days without."


def test_the_words_name_the_best_and_worst_tags_and_warn_it_is_no_proof() -> None:
    links = [TagLink(f"t{i}", 3.0, 6, 4.0, 20, -2.0 + i * 0.5) for i in range(8)]
    text = better_days_text(links).splitlines()
    assert [line.split("”")[0].split("“")[1] for line in text[:-1]] == [
        "t0",
        "t1",
        "t2",
        "t5",
        "t6",
        "t7",
    ], "three lowest then three highest"
    assert text[-1].startswith("These are associations, not proof")


def test_without_tags_to_compare_it_says_how_to_get_some() -> None:
    text = better_days_text([])
    assert f"at least {MIN_TAG_DAYS} days" in text
    assert "Keep tagging your days" in text
