"""One day's form: shows an entry and reads it back; edits say how soon to save, loading does not."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import MAX_NOTE, DayEntry
from coach.ui.today.day_form import CLICK_DELAY_MS, TYPING_DELAY_MS, DayForm

DAY = dt.date(2026, 11, 21)


@pytest.fixture
def form(qtbot: QtBot, catalogue: RegionCatalogue) -> DayForm:
    widget = DayForm(catalogue)
    qtbot.addWidget(widget)
    widget.resize(700, 1400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_an_entry_shown_is_read_back_unchanged_without_counting_as_an_edit(
    qtbot: QtBot, form: DayForm
) -> None:
    entry = DayEntry(
        DAY,
        pain=4,
        worst_pain=7,
        sleep_quality=6,
        sleep_hours=6.5,
        stress=3,
        enjoyment=5,
        tags=("desk", "walk"),
        note="Long day.",
        areas={"left_lower_back": 6},
    )
    with qtbot.assertNotEmitted(form.edited):
        form.show_entry(entry)

    assert form.entry(DAY) == entry
    assert form.more.isVisible(), "a day with PEG answers shows them"
    assert form.more_button.arrowType() is Qt.ArrowType.DownArrow


def test_a_click_on_a_scale_saves_promptly_and_typing_after_a_pause(
    qtbot: QtBot, form: DayForm
) -> None:
    with qtbot.waitSignal(form.edited) as clicked:
        qtbot.mouseClick(form.scales["pain"].buttons[5], Qt.MouseButton.LeftButton)
    assert clicked.args == [CLICK_DELAY_MS]

    with qtbot.waitSignal(form.edited) as typed:
        qtbot.keyClicks(form.note, "W")
    assert typed.args == [TYPING_DELAY_MS]
    assert form.entry(DAY).pain == 5
    assert form.entry(DAY).note == "W"


def test_a_note_of_only_spaces_is_no_note(qtbot: QtBot, form: DayForm) -> None:
    qtbot.keyClicks(form.note, "   ")
    assert form.entry(DAY).note == ""
    assert form.entry(DAY).is_empty()


def test_a_note_longer_than_the_log_keeps_is_cut_and_said_so(qtbot: QtBot, form: DayForm) -> None:
    form.note.setPlainText("x" * MAX_NOTE)
    with qtbot.waitSignal(form.notice) as notice:
        form.note.textCursor().insertText("more")
    assert len(form.note.toPlainText()) == MAX_NOTE
    assert f"at most {MAX_NOTE} characters" in notice.args[0]


def test_more_shows_how_much_pain_got_in_the_way(qtbot: QtBot, form: DayForm) -> None:
    assert form.more.isHidden()
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    assert form.more.isVisible()
    assert form.scales["enjoyment"].isVisible()
    assert form.scales["activity"].isVisible()
