"""The Trends screen as laid out, before any log is read: the presets, the tabs and their
sentences, and the page for an empty log; no pyqtgraph needed for any of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.ui.trends.trends_screen import CHART_STRETCH, DEFAULT_PRESET, PRESETS, TrendsScreen


def test_the_presets_are_checkable_named_buttons_in_one_group(qtbot: QtBot) -> None:
    screen = TrendsScreen()
    qtbot.addWidget(screen)

    buttons = screen.preset_buttons.buttons()

    assert [b.text() for b in buttons] == ["&2 weeks", "&3 months", "1 &year", "&All"]
    assert [b.accessibleName() for b in buttons] == [
        "Show 2 weeks",
        "Show 3 months",
        "Show 1 year",
        "Show All",
    ]
    assert all(b.isCheckable() for b in buttons)
    assert screen.preset_buttons.exclusive()
    assert len(PRESETS) == len(buttons)
    assert PRESETS[DEFAULT_PRESET][1] == 91


def test_a_tab_per_question_each_with_its_sentence(qtbot: QtBot) -> None:
    screen = TrendsScreen()
    qtbot.addWidget(screen)

    titles = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]

    assert titles == ["Trends", "Session effect", "Sleep and pain", "Better days", "Adherence"]
    assert len(screen.page_layouts) == len(titles)
    assert screen.page_layouts[1].itemAt(0).widget() is screen.effect_text
    assert screen.page_layouts[3].itemAt(1).widget() is screen.tags_table
    assert screen.page_layouts[3].itemAt(1).alignment() == Qt.AlignmentFlag.AlignLeft
    for layout in screen.page_layouts:  # the room a chart takes back when it comes
        assert layout.itemAt(layout.count() - 1).spacerItem() is not None
    assert CHART_STRETCH > 1
    names = {screen.effect_text, screen.sleep_text, screen.tags_text, screen.adherence_text}
    assert {label.accessibleName() for label in names} == {
        "Pain before and after sessions",
        "Sleep and pain",
        "What goes with better days",
        "Sessions per week",
    }
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in names)


def test_the_first_sentence_is_larger_and_an_empty_log_has_its_page(qtbot: QtBot) -> None:
    screen = TrendsScreen()
    qtbot.addWidget(screen)

    assert screen.summary.font().pointSizeF() > screen.font().pointSizeF()
    assert screen.body.indexOf(screen.tabs) == 0
    assert screen.body.indexOf(screen.empty_label) == 1
    assert screen.empty_label.accessibleName() == "Nothing logged yet"
    assert screen.empty_label.text(), "it says what the view will show"
    assert "day" in screen.trends_hint.text(), "each point a day until the chart says otherwise"
