"""The tags editor on its own: chips shown and removed, typed tags added once, the tags used
before offered as buttons, and what it says when a tag cannot be added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coach.core.log.entries import MAX_TAGS_PER_DAY
from coach.ui.today.tags_editor import OFFERED_TAGS, EarlierTags, TagsEditor


def make_editor(qtbot: QtBot) -> TagsEditor:
    editor = TagsEditor()
    qtbot.addWidget(editor)
    editor.resize(500, 300)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def chip_texts(editor: TagsEditor) -> list[str]:
    return [chip.text() for chip in editor.chip_buttons()]


def test_set_tags_shows_sorted_chips_quietly_and_forgets_typed_text(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    changes: list[tuple[str, ...]] = []
    editor.tags_changed.connect(changes.append)
    assert editor.empty.isVisible()
    editor.line.setText("half typed")

    editor.set_tags(["rain", "desk day"])

    assert editor.tags() == ("desk day", "rain")
    assert chip_texts(editor) == ["desk day  ×", "rain  ×"]
    assert editor.chip_buttons()[0].accessibleName() == "Remove tag desk day"
    assert editor.line.text() == ""
    assert editor.empty.isHidden()
    assert changes == [], "showing a saved day is not an edit"


def test_a_typed_tag_is_added_once_and_said_when_empty(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    changes: list[tuple[str, ...]] = []
    editor.tags_changed.connect(changes.append)

    editor.add_typed()
    assert editor.message.isVisible()
    assert editor.message.text() == "Type a tag first."

    editor.line.setText("  Walked  ")
    editor.add_button.click()
    editor.line.setText("walked")
    editor.add_typed()

    assert editor.tags() == ("walked",)
    assert changes == [("walked",)], "the second time, nothing changed"
    assert editor.message.isHidden()
    assert editor.line.text() == ""


def test_removing_the_last_chip_gives_the_keyboard_back_to_the_line(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.set_tags(["rain"])
    chip = editor.chip_buttons()[0]
    chip.setFocus()
    qtbot.waitUntil(chip.hasFocus)

    qtbot.keyClick(chip, Qt.Key.Key_Space)

    assert editor.tags() == ()
    qtbot.waitUntil(editor.line.hasFocus)
    assert editor.empty.isVisible()
    editor.remove("not there")  # nothing to remove: nothing happens
    assert editor.tags() == ()


def test_a_day_with_too_many_tags_shows_what_can_be_read_and_keeps_the_rest(qtbot) -> None:
    editor = make_editor(qtbot)
    tags = [f"tag {n:03}" for n in range(MAX_TAGS_PER_DAY + 3)]

    editor.set_tags(tags)

    assert len(editor.chip_buttons()) == MAX_TAGS_PER_DAY
    assert len(editor.tags()) == MAX_TAGS_PER_DAY + 3, "all are kept"
    assert editor.message.text() == "And 3 more tags, too many to show here; they are kept."


def test_tags_used_before_are_offered_unless_on_the_day(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    known = [f"tag {n}" for n in range(OFFERED_TAGS + 4)]
    editor.set_tags(["tag 0"])

    editor.set_known(known)

    texts = [button.text() for button in editor.earlier.buttons]
    assert texts == [f"+ tag {n}" for n in range(1, OFFERED_TAGS + 1)], "the most used first"
    assert editor.known.stringList() == known, "typing completes every one"
    editor.set_known([])
    assert editor.earlier.isHidden()


def test_earlier_tags_say_which_tag_a_button_adds(qtbot: QtBot) -> None:
    earlier = EarlierTags()
    qtbot.addWidget(earlier)
    earlier.offer(["walk", "rain"])
    assert earlier.buttons[1].accessibleName() == "Add tag rain"
    assert earlier.buttons[1].toolTip() == "Add the tag “rain”"

    with qtbot.waitSignal(earlier.chosen) as chosen:
        earlier.buttons[1].click()

    assert chosen.args == ["rain"]
    earlier.offer(["walk"])
    assert [b.text() for b in earlier.buttons] == ["+ walk"], "the old buttons go"
    assert earlier.flow.count() == 1
