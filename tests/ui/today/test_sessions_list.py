"""The day's sessions: a line each saying when, how far and the pain before and after."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.core.log.entries import SessionRecord
from coach.ui.today.sessions_list import SessionsList, session_text

MORNING = dt.datetime(2026, 11, 21, 7, 42, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def record(**changes: object) -> SessionRecord:
    values: dict[str, object] = {
        "routine_id": "pmr-4",
        "routine_title": "Progressive muscle relaxation: 4 groups (short)",
        "started_at": MORNING,
        "ended_at": MORNING + dt.timedelta(minutes=9),
        "planned_seconds": 540.0,
        "actual_seconds": 540.0,
        "completed": True,
        "step_count": 20,
    }
    values.update(changes)
    return SessionRecord(**values)  # type: ignore[arg-type]


def test_a_session_says_when_what_how_far_and_the_pain() -> None:
    text = session_text(record(pain_before=6, pain_after=4))
    assert (
        text
        == "07:42  Progressive muscle relaxation: 4 groups (short)\ncompleted, 9 min · pain 6 → 4"
    )


def test_a_short_stopped_session_counts_seconds_and_names_what_was_rated() -> None:
    stopped = record(completed=False, stopped_at_step=None, actual_seconds=42.0, pain_after=3)
    assert session_text(stopped).endswith("\nstopped early, 42 s · pain after 3")
    at_step = record(completed=False, stopped_at_step=2, actual_seconds=95.0, pain_before=5)
    assert session_text(at_step).endswith("\nstopped at step 2 of 20, 2 min · pain before 5")
    unrated = record()
    assert session_text(unrated).endswith("\ncompleted, 9 min"), "no pain rated: nothing said"


def test_the_list_shows_each_session_and_says_when_there_are_none(qtbot: QtBot) -> None:
    sessions = SessionsList()
    qtbot.addWidget(sessions)
    sessions.show()
    assert sessions.texts() == []
    assert sessions.empty.isVisible()
    assert sessions.empty.text() == "No sessions on this day."

    sessions.set_sessions([record(routine_title="<b>Not bold</b>"), record()])

    assert len(sessions.texts()) == 2
    assert sessions.texts()[0].startswith("07:42  <b>Not bold</b>")
    assert sessions.lines[0].textFormat() == Qt.TextFormat.PlainText, "a title is not markup"
    assert sessions.empty.isHidden()
    sessions.set_sessions([])
    assert sessions.texts() == []
    assert sessions.empty.isVisible()
