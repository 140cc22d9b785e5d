"""The Trends view: lazy loading, each section's words for empty, too little and enough data, the
chart's range, hover, gaps, daylight saving, and export."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from coach.core.log.entries import DayEntry, SessionRecord
from coach.core.routines.library import RoutineLibrary
from coach.services.routine_catalog import RoutineCatalog
from coach.store.repository import LogRepository
from coach.ui.trends.trends_view import PRESETS, TrendsView

REPO = Path(__file__).resolve().parents[3]
TODAY = dt.date(2026, 3, 10)  # a Tuesday
LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def english_dates():
    """Day and month names as the expected texts spell them, whatever the machine's language."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def session(
    day: dt.date,
    before: int | None = 6,
    after: int | None = 4,
    *,
    routine: tuple[str, str] = ("pmr-4", "Progressive muscle relaxation: 4 groups (short)"),
    completed: bool = True,
    at: dt.time = dt.time(19, 0),
) -> SessionRecord:
    start = dt.datetime.combine(day, at, LONDON)
    return SessionRecord(
        routine[0],
        routine[1],
        start,
        start + dt.timedelta(minutes=8),
        480,
        480 if completed else 200,
        completed,
        21,
        None if completed else 9,
        before,
        after,
    )


def days_back(count: int, *, end: dt.date = TODAY, skip: frozenset[int] = frozenset()):
    """`count` days ending on `end` (minus those `skip`ped, counted back from `end`), varied."""
    entries = []
    for back in range(count):
        if back in skip:
            continue
        pain = 3 + back % 5
        entries.append(
            DayEntry(
                end - dt.timedelta(days=back),
                pain=pain,
                worst_pain=pain + 2,
                sleep_quality=8 - back % 5,
                sleep_hours=6.5 + (back % 3) * 0.5,
                tags=("walk",) if back % 2 else (),
            )
        )
    return entries


@pytest.fixture
def make_view(qtbot: QtBot, log: LogRepository, library: RoutineLibrary):
    def make() -> TrendsView:
        view = TrendsView(log, RoutineCatalog(library), today=lambda: TODAY)
        qtbot.addWidget(view)
        view.resize(1000, 700)
        return view

    return make


# -- lazy loading --------------------------------------------------------------------------------


def test_pyqtgraph_loads_only_when_trends_is_first_shown(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from coach.paths import Paths
        from coach.services.composition import build_services
        from coach.store.backup import BackupKeeper
        from coach.store.repository import LogRepository
        from coach.ui.shell.main_window import MainWindow

        paths = Paths.resolve(sys.argv[1]); paths.ensure()
        log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
        window = MainWindow(build_services(paths, log=log))
        window.show(); app.processEvents()
        before = "pyqtgraph" in sys.modules
        window.nav.setCurrentRow(3); app.processEvents()
        print(before, "pyqtgraph" in sys.modules, window.trends.view is not None)
        window.close(); log.close()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


# -- sections: empty, too little, enough -----------------------------------------------------------


def test_an_empty_log_says_what_the_view_will_show(make_view) -> None:
    view = make_view()

    assert view.body.currentWidget() is view.empty_label
    assert view.empty_label.text().startswith("Nothing to chart yet.")
    assert "Today (Ctrl+1)" in view.empty_label.text(), "it says what to do"
    assert view.summary.isHidden()


def test_a_log_with_only_sessions_says_what_to_do(make_view, log: LogRepository) -> None:
    log.record_session(session(TODAY))
    view = make_view()
    assert view.body.currentWidget() is view.empty_label


def test_a_few_days_say_how_many_more_are_needed(make_view, log: LogRepository) -> None:
    log.save_days(days_back(5))
    for back in (0, 1):
        log.record_session(session(TODAY - dt.timedelta(days=back)))
    view = make_view()
    assert view.body.currentWidget() is view.tabs

    view.tabs.setCurrentIndex(1)
    assert "Only 2 sessions with both ratings: too few to say anything yet." in (
        view.effect_text.text()
    )
    assert any("n = 2" in label and "too few" in label for label in view.effect_chart.labels)
    view.tabs.setCurrentIndex(2)
    assert view.sleep_text.text() == (
        "14 days with both sleep and pain are needed; you have 5 (9 more)."
    )
    assert view.sleep_chart.isHidden()
    view.tabs.setCurrentIndex(3)
    assert view.tags_table.isHidden()
    assert "No tag yet has at least 5 days" in view.tags_text.text()


def test_sessions_without_both_ratings_say_so(make_view, log: LogRepository) -> None:
    log.save_days(days_back(3))
    log.record_session(session(TODAY, before=5, after=None))
    view = make_view()

    view.tabs.setCurrentIndex(1)

    assert "None of the sessions in this period has pain rated both before and after" in (
        view.effect_text.text()
    )
    assert view.effect_chart.isHidden()


def test_enough_data_shows_every_section(make_view, log: LogRepository) -> None:
    log.save_days(days_back(30))
    for back in range(8):
        log.record_session(session(TODAY - dt.timedelta(days=back), before=6, after=4))
    view = make_view()
    view.set_preset(1)

    view.tabs.setCurrentIndex(1)
    effects = view.effect_text.text()
    assert "Relaxation (PMR): Over 8 sessions, pain 2.0 points lower after on average" in effects
    assert "cannot tell how the pain would have changed without one" in effects
    assert any(label.startswith("Relaxation (PMR): -2.0") for label in view.effect_chart.labels)
    assert any("n = 8" in label for label in view.effect_chart.labels)

    view.tabs.setCurrentIndex(2)
    assert not view.sleep_chart.isHidden()
    assert view.sleep_text.text().startswith("Over 30 days,")
    assert "does not show that one causes the other" in view.sleep_text.text()
    assert len(view.sleep_chart.points.data) == len({(8 - b % 5, 3 + b % 5) for b in range(30)})

    view.tabs.setCurrentIndex(3)
    assert view.tags_table.rowCount() == 1
    cells = [view.tags_table.item(0, c).text() for c in range(6)]
    # walk on odd days back: pain 4, 6, 3, 5, 7 ... (15 days) against 3, 5, 7, 4, 6 ... (15 days)
    with_walk = [3 + b % 5 for b in range(30) if b % 2]
    without = [3 + b % 5 for b in range(30) if not b % 2]
    difference = sum(with_walk) / 15 - sum(without) / 15
    assert cells == [
        "walk",
        "15",
        f"{sum(with_walk) / 15:.1f}",
        "15",
        f"{sum(without) / 15:.1f}",
        f"{difference:+.1f}",
    ]
    assert "association" in view.tags_text.text()

    view.tabs.setCurrentIndex(4)
    assert view.adherence_text.text().startswith("7 sessions in the last 7 days.")
    assert "Your streak: 8 days." in view.adherence_text.text()


def test_tag_sentence_words_an_association(make_view, log: LogRepository) -> None:
    entries = [
        DayEntry(
            TODAY - dt.timedelta(days=b), pain=3 if b % 2 else 4, tags=("walk",) if b % 2 else ()
        )
        for b in range(12)
    ]
    log.save_days(entries)
    view = make_view()

    view.tabs.setCurrentIndex(3)

    assert view.tags_text.text().splitlines()[0] == (
        "Days with “walk” had pain 1.0 lower on average (6 days)."
    )
    assert "not proof that one causes the other" in view.tags_text.text()


# -- the trends chart ----------------------------------------------------------------------------


def test_range_presets_set_the_charts_x_range(qtbot: QtBot, make_view, log: LogRepository) -> None:
    from coach.ui.trends.charts import day_number

    log.save_days(days_back(400))
    view = make_view()
    for number, (_label, length) in enumerate(PRESETS):
        view.preset_buttons.button(number).click()
        first = (
            TODAY - dt.timedelta(days=399) if length is None else TODAY - dt.timedelta(length - 1)
        )
        low, high = view.trends_chart.x_range()
        assert (low, high) == pytest.approx((day_number(first) - 0.5, day_number(TODAY) + 0.5))
        assert (view.start, view.end) == (first, TODAY)


def test_a_young_log_opens_on_all_of_it(make_view, log: LogRepository) -> None:
    log.save_days(days_back(20))

    view = make_view()

    assert view.preset_buttons.checkedId() == len(PRESETS) - 1
    assert view.start == TODAY - dt.timedelta(days=19)


def test_hover_shows_that_days_exact_values(qtbot: QtBot, make_view, log: LogRepository) -> None:
    from coach.ui.trends.charts import day_number

    day = dt.date(2026, 3, 3)
    log.save_days(days_back(20, skip=frozenset({1})))
    log.save_day(DayEntry(day, pain=5, worst_pain=7, sleep_quality=6, sleep_hours=7.5))
    log.record_session(session(day))
    log.record_session(session(day - dt.timedelta(days=1), completed=False))
    view = make_view()
    view.show()
    qtbot.waitExposed(view)
    chart = view.trends_chart

    assert chart.day_text(day) == "Tue 3 Mar 2026 — pain 5, worst 7, sleep 6 (7.5 h), 1 session"
    assert chart.day_text(TODAY - dt.timedelta(days=1)) == "Mon 9 Mar 2026 — nothing logged"
    assert chart.day_text(day - dt.timedelta(days=1)).endswith(", 1 session (stopped early)")
    # the mouse over that day, a little off its centre
    scene_point = chart.top.vb.mapViewToScene(QPointF(day_number(day) + 0.3, 5))
    chart.scene().sigMouseMoved.emit(scene_point)
    assert view.hover_label.text() == chart.day_text(day)
    # and by keyboard: one day on
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert view.hover_label.text().startswith("Wed 4 Mar 2026 — pain ")


# -- export --------------------------------------------------------------------------------------


def test_export_writes_a_sharp_png_and_a_valid_svg(
    qtbot: QtBot, make_view, log: LogRepository, tmp_path: Path
) -> None:
    from coach.ui.trends.charts import export_file

    log.save_days(days_back(30))
    log.record_session(session(TODAY))
    view = make_view()
    view.show()
    qtbot.waitExposed(view)
    chart = view.trends_chart
    width, height = chart.width(), chart.height()

    png = export_file(chart, tmp_path / "trends.png", ratio=2.0)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (2 * width, 2 * height)
    colours = {image.pixel(x, y) for x in range(0, 2 * width, 7) for y in range(0, 2 * height, 9)}
    assert len(colours) > 3, "not blank"
    default = export_file(chart, tmp_path / "screen.png")
    assert QImage(str(default)).width() == round(width * chart.devicePixelRatioF())

    svg = export_file(chart, tmp_path / "trends.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 50
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        export_file(chart, tmp_path / "trends.jpg")


def test_every_chart_exports(qtbot: QtBot, make_view, log: LogRepository, tmp_path: Path) -> None:
    from coach.ui.trends.charts import export_file

    log.save_days(days_back(30))
    for back in range(6):
        log.record_session(session(TODAY - dt.timedelta(days=back)))
    view = make_view()
    view.show()
    for index, chart in (
        (1, view.effect_chart),
        (2, view.sleep_chart),
        (4, view.adherence_chart),
    ):
        view.tabs.setCurrentIndex(index)
        qtbot.waitUntil(chart.isVisible)
        path = export_file(chart, tmp_path / f"{index}.png", ratio=1.0)
        assert QImage(str(path)).width() == chart.width()
        assert ET.parse(export_file(chart, tmp_path / f"{index}.svg")).getroot().tag.endswith("svg")


# -- benchmark smoke test ------------------------------------------------------------------------


@pytest.mark.slow
def test_trends_benchmark_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "trends.py"), "--years", "1", "--repeat", "1"]
        + ["--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=110,
        env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for name in ("open", "switch_range", "export_png"):
        assert report[name]["ratio"] > 0
    assert report["memory"]["view_mb"] > 0


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    import os

    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(runtime),
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_CONFIG_DIR": str(tmp_path / "config"),
    }
    env.update(extra)
    return env


# -- the window, keyboard, theme and HiDPI ---------------------------------------------------------


def test_the_window_status_bar_follows_the_period(
    qtbot: QtBot, log: LogRepository, make_services
) -> None:
    from coach.ui.shell.main_window import MainWindow

    log.save_days(days_back(200, end=dt.date.today()))
    window = MainWindow(make_services())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.trends.view is not None)
    view = window.trends.view
    assert window.statusBar().currentMessage() == "91 days logged in this period"
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # "&2 weeks"
    qtbot.waitUntil(lambda: view.preset == 0)  # a mnemonic animates the click
    assert window.statusBar().currentMessage() == "14 days logged in this period"
    for button in view.findChildren(QPushButton):
        assert button.accessibleName(), button.text()


def test_a_day_logged_while_hidden_shows_when_the_view_returns(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_days(days_back(10, skip=frozenset({0})))
    view = make_view()
    view.show()
    qtbot.waitExposed(view)
    assert view.trends_chart.day_text(TODAY).endswith("nothing logged")

    view.hide()
    log.save_day(DayEntry(TODAY, pain=2))
    view.show()

    assert view.trends_chart.day_text(TODAY) == "Tue 10 Mar 2026 — pain 2"


def test_colours_follow_a_dark_palette() -> None:
    from PySide6.QtGui import QColor, QPalette

    from coach.ui.trends.charts import BLUE, SKY, ChartTheme

    light, dark = QPalette(), QPalette()
    for palette, base, text in ((light, "#ffffff", "#000000"), (dark, "#1e1e1e", "#e6e6e6")):
        palette.setColor(QPalette.ColorRole.Base, QColor(base))
        palette.setColor(QPalette.ColorRole.Text, QColor(text))

    assert not ChartTheme.from_palette(light).dark
    assert ChartTheme.from_palette(light).colour("sleep") == QColor(BLUE)
    assert ChartTheme.from_palette(dark).dark
    assert ChartTheme.from_palette(dark).colour("sleep") == QColor(SKY)
    assert ChartTheme.from_palette(dark).text == QColor("#e6e6e6")


def test_the_date_axis_names_days_months_and_years() -> None:
    from coach.ui.trends.charts import DayAxis, day_number

    axis = DayAxis()
    start = day_number(dt.date(2026, 3, 2))

    days = axis.tickValues(start - 0.5, start + 13.5, 900)
    assert days[0][1][:2] == [start, start + 1]
    assert axis.tickStrings(days[0][1][:2], 1, days[0][0]) == ["Mon 2", "Tue 3"]
    months = axis.tickValues(start, start + 365, 900)
    labels = axis.tickStrings(months[0][1], 1, months[0][0])
    assert labels[:3] == ["Apr 2026", "May", "Jun"]
    assert "Jan 2027" in labels
    years = axis.tickValues(start - 3650, start, 900)
    assert axis.tickStrings(years[0][1], 1, years[0][0])[-1] == "2026"


def test_the_first_sentence_compares_this_week_with_four_weeks_ago(
    make_view, log: LogRepository
) -> None:
    log.save_days(
        [DayEntry(TODAY - dt.timedelta(days=b), pain=3) for b in range(6)]
        + [DayEntry(TODAY - dt.timedelta(days=28 + b), pain=5) for b in range(7)]
    )
    view = make_view()
    assert view.summary.text() == (
        "Pain this week 3.0, down from 5.0 four weeks ago; 6 of 7 days logged."
    )
    assert view.summary.isVisibleTo(view)


def test_a_long_range_shows_weekly_then_monthly_averages(
    qtbot: QtBot, make_view, log: LogRepository
) -> None:
    log.save_days(days_back(900))
    view = make_view()
    chart = view.trends_chart
    view.set_preset(0)  # 2 weeks: each day
    assert chart.averaged_by == "day"
    assert chart.curves["pain_dots"].isVisible()
    assert not chart.curves["pain_week"].isVisible()
    view.set_preset(2)  # a year: weeks
    assert chart.averaged_by == "week"
    assert "week's average" in view.trends_hint.text()
    x, _y = chart.curves["pain_week"].getData()
    assert set(np.diff(x)) == {7.0}, "one point a week"
    assert chart.curves["pain_week"].isVisible()
    assert not chart.curves["pain_dots"].isVisible(), "no thicket of daily dots"
    assert not chart.curves["pain_average"].isVisible()
    view.set_preset(3)  # all (over two years): months
    assert chart.averaged_by == "month"
    assert "month's average" in view.trends_hint.text()
    assert chart.curves["pain_month"].isVisible()
    assert not chart.curves["pain_week"].isVisible()


def test_a_saved_png_carries_a_title_with_the_dates(
    qtbot: QtBot, make_view, log: LogRepository, tmp_path
) -> None:
    from coach.ui.trends.chart_files import save_with_heading, saved_heading

    log.save_days(days_back(30))
    view = make_view()
    view.show()
    qtbot.waitExposed(view)
    chart = view.trends_chart
    heading = saved_heading(chart, view.start, view.end)
    assert heading.startswith("Pain and sleep by day, ")
    assert f"{view.end.day} {view.end:%b %Y}" in heading

    save_with_heading(chart, tmp_path / "trends.png", heading)

    assert (tmp_path / "trends.png").stat().st_size > 1000
    assert chart.heading is None, "the chart on screen has no title of its own"
