"""Accessibility across the whole window: every control has a name, Tab reaches the main controls
of every view (and the session screens keep it), and keyboard focus is visible on drawn widgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from coach.core.log.demo import generate_demo
from coach.core.playing.player import PlayerState
from coach.paths import Paths
from coach.services.settings import Settings
from coach.services.sound.audio import AudioService
from coach.services.sound.audio_outputs import SilentBackend
from coach.services.sound.speech import SpeechService
from coach.ui.shell.main_window import MainWindow

MAX_TABS = 60


@pytest.fixture
def window(qtbot: QtBot, paths: Paths, log, shapes, make_services) -> Iterator[MainWindow]:
    """The whole window with four months of demo data, silent sound and Qt's mock voice."""
    end = dt.date.today()
    log.import_log(*generate_demo(end - dt.timedelta(days=120), end, seed=3))
    audio = AudioService({"silent": SilentBackend})
    audio.start(paths.assets / "sounds", order=("silent",))
    speech = SpeechService()
    speech.start("mock")
    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)
    main = MainWindow(
        make_services(Settings(paths.config_dir), audio=audio, speech=speech, shapes=shapes)
    )
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    yield main
    main.session.release()
    speech.close()
    audio.close()


def is_named(widget: QWidget, root: QWidget) -> bool:
    """Whether a screen reader has a name for `widget`: its own, its text, or its label's."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton | QLabel) and widget.text().replace("&", "").strip():
        return True
    if any(label.buddy() is widget and label.text().strip() for label in root.findChildren(QLabel)):
        return True
    # a part that hands its focus on, or takes it for its parent (a spin box's line edit, a
    # scroll area's viewport), is named by the widget it stands for
    proxy = widget.focusProxy()
    if proxy is not None and proxy is not widget:
        return is_named(proxy, root)
    parent = widget.parentWidget()
    return parent is not None and parent.focusProxy() is widget and is_named(parent, root)


def unnamed(view: QWidget, root: QWidget) -> list[str]:
    """Focusable widgets in `view` (shown or not) that have no name."""
    return [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in view.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not is_named(w, root)
    ]


def tab_chain(qtbot: QtBot, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `start` until it comes back round."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited: list[QWidget] = []
    for _ in range(MAX_TABS):
        focused = QApplication.focusWidget()
        assert focused is not None
        if visited and focused is visited[0]:
            break
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return visited


def test_every_focusable_control_in_every_view_has_a_name(qtbot: QtBot, window: MainWindow):
    problems: dict[str, list[str]] = {}
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        view = window.stack.currentWidget()
        problems[window.nav.item(row).text()] = unnamed(view, window)
    trends = window.trends.view
    assert trends is not None
    for index in range(trends.tabs.count()):  # each tab builds its chart when first shown
        trends.tabs.setCurrentIndex(index)
    problems["Trends, every tab"] = unnamed(trends, window)
    window.nav.setCurrentRow(2)
    assert window.body_map is not None
    window.body_map.body_map.set_mark("left_lower_back", 6)
    window.body_map.set_mode("heat")
    problems["Body map, heat"] = unnamed(window.body_map, window)
    window.start_routine("pmr-4")
    problems["Before a session"] = unnamed(window.session.before, window)
    window.session.before.start_button.click()
    problems["Player"] = unnamed(window.session.player, window)
    window.session.player.stop()
    problems["After a session"] = unnamed(window.session.after, window)
    problems["Menus and navigation"] = [
        type(w).__name__
        for w in (window.nav, window.menuBar())
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not is_named(w, window)
    ]

    assert {view: names for view, names in problems.items() if names} == {}


def _today(w: MainWindow) -> list[QWidget]:
    form = w.today.form
    return [
        w.today.previous_button,
        form.scales["pain"],
        form.hours,
        form.areas.picker,
        form.tags.line,
        form.note,
        w.today.calendar.findChild(QWidget, "qt_calendar_calendarview"),
    ]


def _routines(w: MainWindow) -> list[QWidget]:
    bar = w.routines.filters
    return [bar.search, bar.kind, bar.length, bar.region, w.routines.table, w.routines.detail]


def _body_map(w: MainWindow) -> list[QWidget]:
    assert w.body_map is not None
    view = w.body_map
    return [view.mark_button, view.heat_button, view.body_map, view.marked_list]


def _trends(w: MainWindow) -> list[QWidget]:
    assert w.trends.view is not None
    view = w.trends.view
    return [view.preset_buttons.buttons()[0], view.tabs.tabBar(), view.trends_chart]


def _settings(w: MainWindow) -> list[QWidget]:
    appearance = w.settings.appearance
    return [appearance.theme, appearance.text_size, appearance.reduced_motion]


@pytest.mark.parametrize(
    ("row", "main_controls"),
    [(0, _today), (1, _routines), (2, _body_map), (3, _trends), (4, _settings)],
    ids=["today", "routines", "body-map", "trends", "settings"],
)
def test_tab_reaches_the_main_controls_of_each_view(
    qtbot: QtBot, window: MainWindow, row: int, main_controls
) -> None:
    window.nav.setCurrentRow(row)
    expected = main_controls(window)

    visited = tab_chain(qtbot, window.nav)

    missing = [w.accessibleName() or type(w).__name__ for w in expected if w not in visited]
    assert missing == []
    assert window.stack.currentIndex() == row, "tabbing never switches the view"


def test_tab_goes_round_the_player_without_ending_the_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.nav.setCurrentRow(1)
    window.start_routine("pmr-4")
    before = tab_chain(qtbot, window.session.before.start_button)
    assert window.session.before.back_button in before
    assert window.session.before.pain in before
    window.session.before.start_button.click()
    player = window.session.player

    visited = tab_chain(qtbot, player.play_button)

    assert set(player.buttons) <= set(visited)
    assert window.stack.currentWidget() is window.session, "Tab into the list picks no view"
    assert player.player is not None
    assert player.player.state is PlayerState.PLAYING


def test_keyboard_focus_is_drawn_on_the_drawn_widgets(qtbot: QtBot, window: MainWindow) -> None:
    window.nav.setCurrentRow(3)
    assert window.trends.view is not None
    drawn: list[QWidget] = [window.trends.view.trends_chart]
    window.nav.setCurrentRow(2)
    assert window.body_map is not None
    drawn.append(window.body_map.body_map)
    window.nav.setCurrentRow(0)
    drawn.append(window.today.form.scales["pain"])
    for widget in drawn:
        window.nav.setFocus()
        qtbot.waitUntil(window.nav.hasFocus)
        unfocused = widget.grab().toImage()

        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)

        assert widget.grab().toImage() != unfocused, f"{type(widget).__name__} shows its focus"
