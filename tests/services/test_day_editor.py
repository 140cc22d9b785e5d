"""The day editor: the day open in Today and the body map, saved after a pause, on a real log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from coach.core.log.entries import DayEntry
from coach.services.day_editor import DayEditor, SaveStatus
from coach.store.repository import LogRepository

TODAY = dt.date(2025, 3, 12)
YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.fixture
def editor(log: LogRepository) -> Iterator[DayEditor]:
    made = DayEditor(log, today=lambda: TODAY)
    yield made
    made.save_timer.stop()


def with_pain(pain: int):
    return lambda saved: replace(saved, pain=pain)


def test_it_opens_today_as_logged(log: LogRepository) -> None:
    log.save_day(DayEntry(TODAY, pain=4, tags=("walk",)))
    editor = DayEditor(log, today=lambda: TODAY)

    assert editor.date == TODAY
    assert editor.entry == DayEntry(TODAY, pain=4, tags=("walk",))
    assert editor.status is SaveStatus.ALL_SAVED
    assert not editor.dirty


def test_an_edit_is_saved_after_its_pause_and_announced(
    qtbot: QtBot, editor: DayEditor, log: LogRepository
) -> None:
    saved: list[dt.date] = []
    editor.day_saved.connect(saved.append)
    assert editor.status is SaveStatus.EMPTY

    editor.edit("today", with_pain(6), 50)

    assert editor.dirty
    assert editor.status is SaveStatus.SAVING
    assert log.get_day(TODAY) is None, "not before the pause"
    qtbot.waitUntil(lambda: not editor.dirty)
    assert log.get_day(TODAY) == DayEntry(TODAY, pain=6)
    assert editor.entry == DayEntry(TODAY, pain=6)
    assert editor.status is SaveStatus.SAVED
    assert saved == [TODAY]


def test_edits_from_two_views_combine_and_a_later_one_replaces_its_own(
    editor: DayEditor, log: LogRepository
) -> None:
    editor.edit("today", with_pain(2), 10_000)
    editor.edit("body map", lambda saved: replace(saved, areas={"neck_front": 3}), 10_000)
    editor.edit("today", with_pain(5), 10_000)

    assert editor.wanted() == DayEntry(TODAY, pain=5, areas={"neck_front": 3})
    assert editor.flush()
    assert log.get_day(TODAY) == DayEntry(TODAY, pain=5, areas={"neck_front": 3})
    assert not editor.save_timer.isActive()


def test_a_pending_save_is_brought_forward_but_put_off_only_while_typing(
    editor: DayEditor,
) -> None:
    # (coarse timers may run a few per cent long: the bounds leave room for that)
    editor.edit("today", with_pain(1), 5000)
    editor.edit("today", with_pain(2), 100)
    assert editor.save_timer.remainingTime() < 1000
    editor.edit("today", with_pain(3), 5000)
    assert editor.save_timer.remainingTime() < 1000, "a slower edit does not put it off"
    editor.edit("today", with_pain(4), 5000, restart=True)
    assert editor.save_timer.remainingTime() > 2000, "still typing: wait for the pause"
    assert editor.flush()


def test_nothing_changed_is_not_written(editor: DayEditor, log: LogRepository) -> None:
    saved: list[dt.date] = []
    editor.day_saved.connect(saved.append)
    editor.edit("today", lambda entry: entry, 0)

    assert editor.flush()

    assert saved == []
    assert log.get_day(TODAY) is None


def test_opening_another_day_saves_first_and_refuses_the_future(
    qtbot: QtBot, editor: DayEditor, log: LogRepository
) -> None:
    log.save_day(DayEntry(YESTERDAY, sleep_hours=6))
    editor.edit("today", with_pain(3), 10_000)

    with qtbot.waitSignal(editor.opened, timeout=1000) as opened:
        assert editor.open(YESTERDAY)

    assert opened.args == [YESTERDAY]
    assert log.get_day(TODAY) == DayEntry(TODAY, pain=3)
    assert editor.entry == DayEntry(YESTERDAY, sleep_hours=6)
    assert not editor.open(TODAY + dt.timedelta(days=1))
    assert editor.date == YESTERDAY
    assert editor.open_today()
    assert editor.date == TODAY


def test_a_failed_save_keeps_the_edits_and_says_why(editor: DayEditor, log: LogRepository) -> None:
    editor.edit("today", with_pain(7), 10_000)
    log.conn.close()

    assert not editor.flush()

    assert editor.status is SaveStatus.FAILED
    assert editor.problem
    assert editor.dirty, "kept for the next try"
    assert not editor.open(YESTERDAY), "and the day stays open"
    assert editor.date == TODAY


def test_an_invalid_edit_is_not_saved(editor: DayEditor, log: LogRepository) -> None:
    editor.edit("today", lambda saved: DayEntry(TODAY, pain=11), 10_000)

    assert not editor.flush()

    assert editor.status is SaveStatus.FAILED
    assert "pain" in editor.problem
    assert log.get_day(TODAY) is None


def test_a_day_that_cannot_be_read_is_not_edited(log: LogRepository) -> None:
    log.conn.close()
    editor = DayEditor(log, today=lambda: TODAY)

    editor.edit("today", with_pain(2), 0)

    assert editor.status is SaveStatus.UNREADABLE
    assert not editor.readable
    assert not editor.dirty


def test_after_midnight_the_open_day_stays_and_today_moves_on(
    qtbot: QtBot, log: LogRepository
) -> None:
    now = {"today": YESTERDAY}
    editor = DayEditor(log, today=lambda: now["today"])
    now["today"] = TODAY

    with qtbot.waitSignal(editor.today_changed, timeout=1000) as changed:
        assert editor.check_new_day()
    assert changed.args == [TODAY]
    assert not editor.check_new_day()
    assert editor.date == YESTERDAY
    assert editor.known_today == TODAY


def test_reload_reads_a_replaced_log_and_sessions_are_announced(
    qtbot: QtBot, editor: DayEditor, log: LogRepository
) -> None:
    log.save_day(DayEntry(TODAY, pain=1))  # as a restore would
    editor.reload()
    assert editor.entry == DayEntry(TODAY, pain=1)

    with qtbot.waitSignal(editor.sessions_changed, timeout=1000) as logged:
        editor.session_logged(TODAY)
    assert logged.args == [TODAY]


def test_a_read_only_log_shows_the_day_and_refuses_edits(log: LogRepository, paths) -> None:
    log.save_day(DayEntry(TODAY, pain=4))
    viewer = LogRepository.open_read_only(paths.database, "the disk is full")
    try:
        editor = DayEditor(viewer, today=lambda: TODAY)

        assert editor.entry == DayEntry(TODAY, pain=4)
        assert editor.status is SaveStatus.READ_ONLY
        assert editor.problem == "the disk is full"
        assert editor.readable
        assert not editor.editable

        editor.edit("form", with_pain(7), 0)
        assert not editor.dirty, "nothing waits to be saved where it cannot be"
        assert editor.flush()
        assert log.get_day(TODAY) == DayEntry(TODAY, pain=4)

        assert editor.open(YESTERDAY)
        assert editor.status is SaveStatus.READ_ONLY, "every day of the log"
    finally:
        viewer.close()
