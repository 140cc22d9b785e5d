"""Words marked for translation in a table are kept as they are, to be translated where shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coach.ui.common.marked import QT_TRANSLATE_NOOP


def test_a_marked_word_is_returned_unchanged_and_translates_in_its_context(qtbot) -> None:
    words = {
        "front": QT_TRANSLATE_NOOP("HeatPanel", "Front"),
        "back": QT_TRANSLATE_NOOP("HeatPanel", "Back"),
    }

    assert words == {"front": "Front", "back": "Back"}
    # without a translation loaded, the word shown is the English one, in the same context
    assert QCoreApplication.translate("HeatPanel", words["back"]) == "Back"
