"""The Routines view: columns, filters, search, sorting, details, broken files, watching, Start."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.library import RoutineLibrary, RoutineSource
from coach.paths import Paths
from coach.services.routine_catalog import RoutineCatalog
from coach.ui.library.routine_model import RoutineTableModel
from coach.ui.library.routines_view import RoutinesView
from tests.conftest import write_session

TIMEOUT = 5000

BREATH = """\
format = 1
id = "calm-breath"
title = "Calm breathing"
kind = "breathing"
targets = ["chest"]

[[steps]]
text = "Count to four as you breathe in."
duration = 240
"""

CALF = """\
format = 1
id = "calf-roll"
title = "Calf roll"
kind = "massage"
equipment = ["foam roller"]

[[steps]]
text = "Roll slowly from ankle to knee."
duration = 1500
regions = ["left_calf"]
"""

BACK = """\
format = 1
id = "back-stretch"
title = "Étirement du dos"
kind = "stretch"
summary = "Doux et lent."

[[steps]]
text = "Lean forward."
duration = 900
regions = ["left_lower_back"]
"""


def single_step(id_: str, title: str, kind: str, seconds: int, extra: str = "") -> str:
    """A one-step routine file (short text: no speech warning)."""
    return (
        f'format = 1\nid = "{id_}"\ntitle = "{title}"\nkind = "{kind}"\n{extra}\n'
        f'[[steps]]\ntext = "Rest here."\nduration = {seconds}\n'
    )


RELAXATION = """\
equipment = ["a quiet place to sit or lie down"]
targets = ["arms", "face_and_neck", "chest_shoulders_back_abdomen", "legs"]
cautions = ["Tense at about half your strength."]
"""

# the built-in folder of these tests: the real one changes as routines are added
BUILT_IN = {
    "low-back.toml": single_step(
        "low-back-ball",
        "Low back with a ball",
        "massage",
        891,
        'summary = "Gentle pressure beside the spine."\n'
        'equipment = ["tennis ball", "a clear stretch of wall"]\n'
        'targets = ["lower_back", "glutes"]\ncautions = ["Never press on the spine."]',
    ),
    "pmr-long.toml": single_step(
        "pmr-long", "Progressive muscle relaxation: long", "pmr", 1386, RELAXATION
    ),
    "pmr-short.toml": single_step(
        "pmr-short", "Progressive muscle relaxation: short", "pmr", 481, RELAXATION
    ),
}

TWO_PROBLEMS = """\
format = 1
title = "Two problems"

[[steps]]
text = "One."
duration = -4

[[steps]]
text = "Two."
duration = -5
"""

ALL_IDS = {"calm-breath", "calf-roll", "back-stretch", "low-back-ball", "pmr-short", "pmr-long"}

MakeView = Callable[..., RoutinesView]


@pytest.fixture
def builtin_folder(tmp_path: Path) -> Path:
    """Three built-in routines: a massage and two relaxations, short and long."""
    folder = tmp_path / "built-in"
    for name, body in BUILT_IN.items():
        write_session(folder, name, body)
    return folder


@pytest.fixture
def library(paths: Paths, catalogue: RegionCatalogue, builtin_folder: Path) -> RoutineLibrary:
    """The test's built-in routines, then the user's (as the app builds it)."""
    return RoutineLibrary(
        [RoutineSource("built-in", builtin_folder), RoutineSource("yours", paths.user_sessions)],
        catalogue,
    )


@pytest.fixture
def user_folder(paths: Paths) -> Path:
    """The user's sessions folder, with three routines of their own."""
    write_session(paths.user_sessions, "breath.toml", BREATH)
    write_session(paths.user_sessions, "calf.toml", CALF)
    write_session(paths.user_sessions, "back.toml", BACK)
    return paths.user_sessions


@pytest.fixture
def make_view(
    qtbot: QtBot, library: RoutineLibrary, catalogue: RegionCatalogue
) -> Iterator[MakeView]:
    """A Routines view on the test's folders, its catalogue watching them (quickly)."""

    def make(*, shown: bool = True, watch: bool = True) -> RoutinesView:
        routines = RoutineCatalog(library, settle_ms=50)
        view = RoutinesView(routines, catalogue)
        qtbot.addWidget(view)
        made.append(routines)  # it outlives the view, as the app's does
        if watch:
            routines.start_watching()
        view.resize(1000, 700)
        if shown:
            view.show()
            view.activateWindow()
            qtbot.waitExposed(view)
            qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
        return view

    made: list[RoutineCatalog] = []
    yield make
    for routines in made:
        routines.stop_watching()


def visible_ids(view: RoutinesView) -> list[str]:
    proxy = view.proxy
    return [
        proxy.index(row, 0).data(RoutineTableModel.ROUTINE_ROLE) for row in range(proxy.rowCount())
    ]


def row_texts(view: RoutinesView, routine_id: str) -> list[str]:
    row = view.model.row_of(routine_id)
    assert row is not None
    return [view.model.index(row, column).data() for column in range(view.model.columnCount())]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def detail_html(view: RoutinesView) -> str:
    return view.detail.toHtml()


# -- the table --------------------------------------------------------------------------------


@pytest.mark.usefixtures("user_folder")
def test_columns_show_each_routine_in_words(make_view: MakeView) -> None:
    view = make_view(shown=False)
    model = view.model

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Title", "Kind", "Length", "Equipment", "Works on", "Source"]
    assert row_texts(view, "calf-roll") == [
        "Calf roll",
        "Self-massage",
        "25:00",
        "foam roller",
        "Left calf",
        "yours",
    ]
    assert row_texts(view, "low-back-ball")[1:] == [
        "Self-massage",
        "14:51",
        "tennis ball, a clear stretch of wall",
        "Lower back, Buttocks",
        "built-in",
    ]
    pmr = row_texts(view, "pmr-long")
    assert pmr[1] == "Relaxation (PMR)"
    assert pmr[4] == "Arms and hands, Face and neck +2", "long region lists are shortened"
    row = model.row_of("pmr-long")
    tooltip = model.index(row, RoutineTableModel.WORKS_ON).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[-1] == "Legs and feet", "the tooltip has them all"
    assert set(visible_ids(view)) == ALL_IDS
    assert view.filters.count.text() == "Showing 6 of 6"


@pytest.mark.usefixtures("user_folder")
def test_sorting_by_length_is_by_time_not_text(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    header = view.table.horizontalHeader()
    by_length = [
        "calm-breath",
        "pmr-short",
        "low-back-ball",
        "back-stretch",
        "pmr-long",
        "calf-roll",
    ]
    assert visible_ids(view) == [
        "calf-roll",
        "calm-breath",
        "back-stretch",  # Étirement: accents do not send it to the end
        "low-back-ball",
        "pmr-long",
        "pmr-short",
    ], "sorted by title at first"

    length = QPoint(header.sectionViewportPosition(RoutineTableModel.LENGTH) + 10, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=length)
    qtbot.waitUntil(lambda: visible_ids(view) == by_length)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=length)
    qtbot.waitUntil(lambda: visible_ids(view) == by_length[::-1])

    view.table.sortByColumn(RoutineTableModel.KIND, Qt.SortOrder.AscendingOrder)
    kinds = [view.proxy.index(r, RoutineTableModel.KIND).data() for r in range(6)]
    assert kinds == sorted(kinds, key=str.casefold)


# -- filters ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("user_folder")
def test_kind_filter_offers_the_kinds_present(make_view: MakeView) -> None:
    view = make_view(shown=False)
    kind = view.filters.kind

    offered = [kind.itemText(i) for i in range(kind.count())]
    assert offered == ["All kinds", "Breathing", "Relaxation (PMR)", "Self-massage", "Stretching"]
    choose(kind, "Self-massage")

    assert set(visible_ids(view)) == {"calf-roll", "low-back-ball"}
    assert view.filters.count.text() == "Showing 2 of 6"


@pytest.mark.usefixtures("user_folder")
@pytest.mark.parametrize(
    ("band", "expected"),
    [
        ("Under 10 min", {"calm-breath", "pmr-short"}),
        ("10–20 min", {"back-stretch", "low-back-ball"}),
        ("Over 20 min", {"calf-roll", "pmr-long"}),
        ("Any length", ALL_IDS),
    ],
)
def test_length_filter(make_view: MakeView, band: str, expected: set[str]) -> None:
    view = make_view(shown=False)

    choose(view.filters.length, band)

    assert set(visible_ids(view)) == expected


@pytest.mark.usefixtures("user_folder")
def test_region_filter_matches_groups_and_the_regions_in_them(make_view: MakeView) -> None:
    view = make_view(shown=False)
    region = view.filters.region

    assert view.filters.set_region("lower_back")  # the group, as the body map will ask
    assert region.currentText() == "Lower back"
    # back-stretch only names left_lower_back, in a step; the relaxations' trunk group (chest,
    # shoulders, back and abdomen) reaches the lower back too
    assert set(visible_ids(view)) == {"back-stretch", "low-back-ball", "pmr-short", "pmr-long"}
    assert not view.filters.set_region("no_such_region")

    choose(region, "Left buttock")  # a region: low-back-ball targets its group, glutes
    assert set(visible_ids(view)) == {"low-back-ball"}

    choose(region, "Left calf")  # the relaxations target "legs", which covers it
    assert set(visible_ids(view)) == {"calf-roll", "pmr-short", "pmr-long"}


@pytest.mark.usefixtures("user_folder")
def test_the_region_box_is_searchable_by_typing(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    region = view.filters.region
    region.setFocus()
    qtbot.waitUntil(region.hasFocus)
    line = region.lineEdit()
    line.selectAll()

    qtbot.keyClicks(line, "lower back")
    qtbot.keyClick(line, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: region.currentData() == "lower_back")
    assert set(visible_ids(view)) == {"back-stretch", "low-back-ball", "pmr-short", "pmr-long"}
    # text naming no area goes back to the chosen one; erasing it means any area
    line.setText("no such place")
    line.editingFinished.emit()
    assert region.currentText() == "Lower back"
    line.clear()
    line.editingFinished.emit()
    assert region.currentData() is None
    assert set(visible_ids(view)) == ALL_IDS


@pytest.mark.usefixtures("user_folder")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ANKLE to knee", {"calf-roll"}),  # step text, any case
        ("foam", {"calf-roll"}),  # equipment
        ("doux", {"back-stretch"}),  # summary
        ("etirement", {"back-stretch"}),  # accents do not matter
        ("buttock", {"low-back-ball"}),  # a region name
        ("left calf", {"calf-roll", "pmr-short", "pmr-long"}),  # a region covered by a group
        ("DOS étirement", {"back-stretch"}),  # title, every word in any order
    ],
)
def test_search(make_view: MakeView, query: str, expected: set[str]) -> None:
    view = make_view(shown=False)

    view.filters.search.setText(query)

    assert set(visible_ids(view)) == expected


@pytest.mark.usefixtures("user_folder")
def test_filters_combine_and_clear(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    filters = view.filters
    assert not filters.clear_button.isEnabled(), "nothing to clear yet"

    choose(filters.kind, "Relaxation (PMR)")
    assert set(visible_ids(view)) == {"pmr-short", "pmr-long"}
    choose(filters.length, "Over 20 min")
    assert visible_ids(view) == ["pmr-long"]
    choose(filters.region, "Left calf")
    filters.search.setText("relaxation")
    assert visible_ids(view) == ["pmr-long"]
    assert filters.count.text() == "Showing 1 of 6"

    qtbot.mouseClick(filters.clear_button, Qt.MouseButton.LeftButton)

    assert set(visible_ids(view)) == ALL_IDS
    assert filters.current().is_empty
    assert filters.search.text() == ""
    assert filters.region.currentText() == "Any body area"
    assert not filters.clear_button.isEnabled()


@pytest.mark.usefixtures("user_folder")
def test_no_match_says_so_plainly(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()

    view.filters.search.setText("no routine says this")

    assert visible_ids(view) == []
    assert view.results.currentWidget() is view.empty
    assert view.empty.isVisible()
    assert view.empty.text().startswith("No routine matches; clear the filters")
    assert view.filters.count.text() == "Showing 0 of 6"
    assert view.detail.toPlainText() == ""
    assert not view.start_button.isEnabled()

    qtbot.keyClick(view.filters.search, Qt.Key.Key_Escape)

    assert set(visible_ids(view)) == ALL_IDS
    assert view.results.currentWidget() is view.table
    assert view.selected_id() is not None, "a routine is shown again"
    assert view.start_button.isEnabled()


@pytest.mark.usefixtures("user_folder")
def test_filtering_out_the_selected_routine_selects_the_first_left(make_view: MakeView) -> None:
    view = make_view(shown=False)
    assert view.select("calm-breath")

    choose(view.filters.kind, "Self-massage")

    assert view.selected_id() == visible_ids(view)[0]
    assert view.detail.toPlainText().startswith(view.scan.find(view.selected_id()).routine.title)


@pytest.mark.usefixtures("user_folder")
def test_select_clears_filters_that_hide_the_routine(make_view: MakeView) -> None:
    view = make_view(shown=False)
    choose(view.filters.kind, "Breathing")

    assert view.select("pmr-short")

    assert view.selected_id() == "pmr-short"
    assert view.filters.current().is_empty
    assert not view.select("no-such-routine")


@pytest.mark.usefixtures("user_folder")
def test_ctrl_f_focuses_the_search_field(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)

    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(view.filters.search.hasFocus)


# -- details ----------------------------------------------------------------------------------


def test_the_detail_pane_escapes_what_files_say(make_view: MakeView, paths: Paths) -> None:
    body = BREATH.replace("Calm breathing", "Calm <b>breathing</b> & <i>rest</i>").replace(
        'targets = ["chest"]',
        'targets = ["chest"]\nsummary = "<script>x</script>"\n'
        'equipment = ["<u>mat</u>"]\ncautions = ["Stop if <em>dizzy</em>."]',
    )
    write_session(paths.user_sessions, "breath.toml", body)
    view = make_view(shown=False)

    assert view.select("calm-breath")

    text = view.detail.toPlainText()
    assert text.startswith("Calm <b>breathing</b> & <i>rest</i>")
    for shown in ("<script>x</script>", "<u>mat</u>", "Stop if <em>dizzy</em>."):
        assert shown in text
    assert "&lt;b&gt;breathing&lt;/b&gt;" in detail_html(view)
    assert "Breathing · 4:00 · 1 step" in text
    assert "Works on: Chest" in text
    assert "Count to four as you breathe in." in text, "the steps"
    assert f"Your routine: {paths.user_sessions / 'breath.toml'}" in text
    assert "Replaces" not in text


def test_the_detail_pane_says_when_a_routine_replaces_a_built_in(
    make_view: MakeView, paths: Paths, builtin_folder: Path
) -> None:
    builtin = builtin_folder / "pmr-short.toml"
    mine = write_session(paths.user_sessions, "my-pmr.toml", builtin.read_text(encoding="utf-8"))
    view = make_view(shown=False)

    assert view.select("pmr-short")

    text = view.detail.toPlainText()
    assert "Before you start" in text
    assert "Tense at about half your strength." in text
    assert f"Your routine: {mine}" in text
    assert f"Replaces a built-in routine with the same id: {builtin}" in text
    assert row_texts(view, "pmr-short")[RoutineTableModel.SOURCE] == "yours"


def test_load_warnings_are_a_muted_note(make_view: MakeView, paths: Paths) -> None:
    long_text = (
        "Breathe in slowly and notice your ribs widen, your belly soften and your shoulders drop."
    )
    write_session(
        paths.user_sessions,
        "wordy.toml",
        f'format = 1\nid = "wordy"\ntitle = "Wordy"\n\n[[steps]]\ntext = "{long_text}"\nduration = 2\n',
    )
    view = make_view(shown=False)

    assert view.select("wordy")

    text = view.detail.toPlainText()
    assert "Notes on this file:" in text
    assert "line 6: steps[0].text takes about" in text
    assert "shorten the text or lengthen the step" in text
    assert view.scan.find("wordy").routine.warnings


# -- broken files -----------------------------------------------------------------------------


def test_broken_files_are_listed_with_their_error(make_view: MakeView, paths: Paths) -> None:
    bad = write_session(paths.user_sessions / "mine", "two.toml", TWO_PROBLEMS)
    view = make_view()

    assert view.broken.isVisible()
    assert view.broken.count() == 1
    item = view.broken.item(0).text()
    assert item == (
        "mine/two.toml:6: steps[0].duration must be a positive number of seconds, got -4"
        " (and 1 more)"
    )
    assert view.status_text == "3 routines, 1 file with problems"
    assert view.start_button.isEnabled()

    view.broken.setCurrentRow(0)

    text = view.detail.toPlainText()
    assert f"{bad}:6: steps[0].duration" in text
    assert f"{bad}:10: steps[1].duration" in text, "every problem, not only the first"
    assert "updates by itself" in text
    assert view.selected_id() is None
    assert not view.start_button.isEnabled(), "a broken file cannot be started"


# -- watching the folders ---------------------------------------------------------------------


def titles(view: RoutinesView) -> set[str]:
    return {entry.routine.title for entry in view.scan.entries}


def test_a_file_added_on_disk_appears(qtbot: QtBot, make_view: MakeView, paths: Paths) -> None:
    view = make_view()
    assert "calm-breath" not in visible_ids(view)

    write_session(paths.user_sessions, "breath.toml", BREATH)

    qtbot.waitUntil(lambda: "calm-breath" in visible_ids(view), timeout=TIMEOUT)
    assert view.status_text == "4 routines"


def test_a_file_in_a_folder_made_later_appears(
    qtbot: QtBot, make_view: MakeView, paths: Paths
) -> None:
    view = make_view()
    sub = paths.user_sessions / "breathing"

    sub.mkdir()
    qtbot.waitUntil(lambda: sub in view.routine_catalog.watcher.watched_paths(), timeout=TIMEOUT)
    write_session(sub, "breath.toml", BREATH)

    qtbot.waitUntil(lambda: "calm-breath" in visible_ids(view), timeout=TIMEOUT)


@pytest.mark.usefixtures("user_folder")
def test_an_edit_on_disk_changes_the_title_and_keeps_selection_and_filters(
    qtbot: QtBot, make_view: MakeView, paths: Paths
) -> None:
    view = make_view()
    choose(view.filters.length, "Under 10 min")
    assert view.select("calm-breath")

    write_session(
        paths.user_sessions, "breath.toml", BREATH.replace("Calm breathing", "Slow breath")
    )

    qtbot.waitUntil(lambda: "Slow breath" in titles(view), timeout=TIMEOUT)
    assert view.selected_id() == "calm-breath"
    assert view.detail.toPlainText().startswith("Slow breath")
    assert view.filters.length.currentText() == "Under 10 min"
    assert set(visible_ids(view)) == {"calm-breath", "pmr-short"}


@pytest.mark.usefixtures("user_folder")
def test_a_file_saved_by_atomic_rename_is_noticed(
    qtbot: QtBot, make_view: MakeView, paths: Paths
) -> None:
    view = make_view()
    target = paths.user_sessions / "breath.toml"

    for title in ("Renamed once", "Renamed twice"):
        temporary = write_session(
            paths.user_sessions, ".breath.toml.swp", BREATH.replace("Calm breathing", title)
        )
        os.replace(temporary, target)
        qtbot.waitUntil(lambda t=title: t in titles(view), timeout=TIMEOUT)


@pytest.mark.usefixtures("user_folder")
def test_a_file_broken_on_disk_moves_to_the_broken_list_and_back(
    qtbot: QtBot, make_view: MakeView, paths: Paths
) -> None:
    view = make_view()
    assert view.select("calm-breath")
    path = paths.user_sessions / "breath.toml"

    path.write_text(BREATH.replace("duration = 240", "duration = -1"), encoding="utf-8")

    qtbot.waitUntil(lambda: view.broken.count() == 1, timeout=TIMEOUT)
    assert "calm-breath" not in visible_ids(view)
    assert view.broken.item(0).text().startswith("breath.toml:9: steps[0].duration")
    assert view.broken.isVisible()
    assert view.broken.currentRow() == 0, "the routine you were looking at: now why it broke"
    assert "could not be loaded" in view.detail.toPlainText()

    path.write_text(BREATH, encoding="utf-8")

    qtbot.waitUntil(lambda: "calm-breath" in visible_ids(view), timeout=TIMEOUT)
    assert view.broken.count() == 0
    assert view.broken.isHidden()
    assert view.selected_id() == "calm-breath", "fixed, it is shown again"


@pytest.mark.usefixtures("user_folder")
def test_a_file_deleted_on_disk_disappears(qtbot: QtBot, make_view: MakeView, paths: Paths) -> None:
    view = make_view()
    assert view.select("calf-roll")

    (paths.user_sessions / "calf.toml").unlink()

    qtbot.waitUntil(lambda: "calf-roll" not in visible_ids(view), timeout=TIMEOUT)
    assert view.selected_id() == visible_ids(view)[0]
    assert view.filters.count.text() == "Showing 5 of 5"


@pytest.mark.usefixtures("user_folder")
def test_hidden_it_keeps_following_the_files(
    qtbot: QtBot, make_view: MakeView, paths: Paths
) -> None:
    view = make_view()
    view.hide()
    assert view.routine_catalog.watching, "the catalogue watches whatever view is on screen"

    write_session(paths.user_sessions, "breath.toml", BREATH.replace("Calm breathing", "Meanwhile"))

    qtbot.waitUntil(lambda: "Meanwhile" in titles(view), timeout=TIMEOUT)
    view.show()
    assert "Meanwhile" in titles(view)


# -- starting ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("user_folder")
def test_start_button_emits_the_selected_routine(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    assert view.select("calf-roll")
    assert view.start_button.isEnabled()
    assert view.start_button.text() == "Start…"

    with qtbot.waitSignal(view.start_requested, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)

    assert blocker.args == ["calf-roll"]


@pytest.mark.usefixtures("user_folder")
def test_enter_on_the_table_starts_the_selected_routine(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    assert view.select("pmr-short")
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(view.start_requested, timeout=TIMEOUT) as blocker:
            qtbot.keyClick(view.table, key)
        assert blocker.args == ["pmr-short"]


@pytest.mark.usefixtures("user_folder")
def test_double_click_on_a_row_starts_that_routine(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    assert view.select("pmr-short")
    row = visible_ids(view).index("back-stretch")
    rect = view.table.visualRect(view.proxy.index(row, 1))

    with qtbot.assertNotEmitted(view.start_requested):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_id() == "back-stretch", "one click only selects"
    with qtbot.waitSignal(view.start_requested, timeout=TIMEOUT) as blocker:
        # QTest's double-click is only the second press: the first click came before
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert blocker.args == ["back-stretch"]
    assert view.selected_id() == "back-stretch"


@pytest.mark.usefixtures("user_folder")
def test_nothing_selected_nothing_to_start(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    view.table.clearSelection()
    assert not view.start_button.isEnabled()

    with qtbot.assertNotEmitted(view.start_requested):
        view.start_selected()
        qtbot.keyClick(view.table, Qt.Key.Key_Return)


# -- keyboard and accessibility ---------------------------------------------------------------


@pytest.mark.usefixtures("user_folder")
def test_tab_goes_from_the_filters_to_the_table_to_the_details(
    qtbot: QtBot, make_view: MakeView, paths: Paths
) -> None:
    write_session(paths.user_sessions, "two.toml", TWO_PROBLEMS)
    view = make_view()
    view.filters.search.setText("a")  # so that Clear filters is enabled and takes part
    view.filters.focus_search()
    qtbot.waitUntil(view.filters.search.hasFocus)
    expected = [
        view.filters.kind,
        view.filters.length,
        view.filters.region,
        view.filters.clear_button,
        view.table,
        view.broken,
        view.detail,
        view.start_button,
    ]

    reached: list[QWidget] = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        # an editable combo box's line edit speaks for it
        reached.append(
            focused.parentWidget() if isinstance(focused.parentWidget(), QComboBox) else focused
        )

    assert reached == expected


def test_every_control_has_an_accessible_name(make_view: MakeView, paths: Paths) -> None:
    write_session(paths.user_sessions, "two.toml", TWO_PROBLEMS)
    view = make_view()

    controls = [
        w
        for w in view.findChildren(QAbstractItemView)
        + view.findChildren(QAbstractButton)
        + view.findChildren(QTextBrowser)
        + view.findChildren(QComboBox)
        + view.findChildren(QLineEdit)
        if not isinstance(w, QHeaderView) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert len(controls) >= 10
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == []


def test_the_title_keeps_room_in_a_narrow_table_with_large_text(qtbot, library, catalogue) -> None:
    from coach.ui.library.routine_model import RoutineTableModel
    from coach.ui.library.routines_view import TITLE_SHARE, RoutinesView

    view = RoutinesView(RoutineCatalog(library), catalogue)
    qtbot.addWidget(view)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    view.resize(820, 500)
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    header = view.table.horizontalHeader()
    width = view.table.viewport().width()
    # the title keeps its share, or all it needs when that is less (the view is filled from the
    # routine catalogue when made, so its large-text minimum may be wider than asked for)
    needed = min(TITLE_SHARE * width, view.table.sizeHintForColumn(RoutineTableModel.TITLE))
    qtbot.waitUntil(lambda: header.sectionSize(RoutineTableModel.TITLE) >= needed - 2)
    length = view.model.index(0, RoutineTableModel.LENGTH).data()
    needed = view.table.fontMetrics().horizontalAdvance(length)
    assert header.sectionSize(RoutineTableModel.LENGTH) >= needed, "the length is never cut"
