"""`coach log show`: days, medications and sessions of a range, as tables and as JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coach.cli.log_show import NOTE_WIDTH, SHOW_DAYS
from coach.cli.main import run
from coach.core.log.entries import DayEntry, MedicationTaken
from coach.paths import Paths
from tests.cli.test_log import PARIS, seed, session


def test_log_show_lists_days_and_sessions(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    today = dt.date.today()
    late = dt.datetime.combine(today - dt.timedelta(days=2), dt.time(23, 50), PARIS)
    seed(
        paths,
        [
            DayEntry(today - dt.timedelta(days=2), pain=5, sleep_hours=6.5, tags=("rain",),
                     areas={"left_neck": 4}, note="A long note that goes on and on, past the edge"),
            DayEntry(today, pain=3, stress=7),
            DayEntry(today - dt.timedelta(days=20), pain=9),  # outside the last 14 days
        ],
        [session(late), session(late + dt.timedelta(hours=9), "pmr-16", completed=False,
                                stopped_at_step=3, pain_after=None)],
    )  # fmt: skip

    assert run(["log", "show"]) == 0

    out = capsys.readouterr().out
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("DATE  "))
    assert header.split() == [
        "DATE",
        "PAIN",
        "WORST",
        "SLEEP",
        "HOURS",
        "STRESS",
        "TAGS",
        "AREAS",
        "NOTE",
    ]
    assert f"{today - dt.timedelta(days=2)}  5" in out
    assert "A long note that goes on an..." in out
    assert "left_neck 4" in out
    assert "6.5" in out
    assert str(today - dt.timedelta(days=20)) not in out
    assert "23:50  Four groups  15:00   yes" in out
    assert "6->4" in out
    assert "stopped at step 3 of 20  6->-" in out


def test_log_show_json_is_complete(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    start = dt.datetime(2026, 1, 14, 23, 50, tzinfo=PARIS)
    seed(paths, [DayEntry(dt.date(2026, 1, 14), pain=5, note="x\ny")], [session(start)])

    assert run(["log", "show", "--from", "2026-01-01", "--to", "2026-01-31", "--json"]) == 0

    out = json.loads(capsys.readouterr().out)
    assert out["from"] == "2026-01-01"
    assert out["days"] == [
        {"date": "2026-01-14", "pain": 5, "worst_pain": None, "sleep_quality": None,
         "sleep_hours": None, "enjoyment": None, "activity": None, "stress": None,
         "tags": [], "areas": {}, "medications": [], "note": "x\ny"}
    ]  # fmt: skip
    assert out["sessions"][0]["day"] == "2026-01-14"  # the local date it started: before midnight
    assert out["sessions"][0]["started_at"] == "2026-01-14T23:50:00+01:00"
    assert out["sessions"][0]["id"] == 1


def test_log_show_of_an_empty_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["log", "show", "--from", "2026-01-01", "--to", "2026-01-02"]) == 0
    assert capsys.readouterr().out == "Nothing logged from 2026-01-01 to 2026-01-02.\n"
    assert run(["log", "show", "--from", "2026-01-03", "--to", "2026-01-02"]) == 1
    assert "--from 2026-01-03 is after --to 2026-01-02" in capsys.readouterr().err


def test_log_show_defaults_to_the_last_fortnight_ending_today(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    first = today - dt.timedelta(days=SHOW_DAYS - 1)
    seed(paths, [DayEntry(first, pain=2), DayEntry(first - dt.timedelta(days=1), pain=8)])

    assert run(["log", "show"]) == 0

    out = capsys.readouterr().out
    assert out.startswith(f"The log from {first} to {today}:")
    assert f"{first}  2" in out
    assert str(first - dt.timedelta(days=1)) not in out


def test_log_show_lists_medications_in_a_table_of_their_own(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = (
        MedicationTaken("ibuprofen 400 mg", dt.time(8, 0), helped=6),
        MedicationTaken("paracetamol 1 g", as_needed=True),
    )
    seed(paths, [DayEntry(dt.date(2026, 1, 14), medications=taken, note="n" * 80)])

    assert run(["log", "show", "--from", "2026-01-14", "--to", "2026-01-14"]) == 0

    out = capsys.readouterr().out
    medications = out[out.index("Medications:") :]
    assert "08:00  ibuprofen 400 mg  regular    6/10" in medications
    assert "-      paracetamol 1 g   as needed  -" in medications
    assert "n" * (NOTE_WIDTH - 3) + "..." in out
    assert "Sessions:" not in out
