"""The repository API on a real SQLite file: days, merges, ranges, tags, sessions across time zones,
deleting everything."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.log.entries import DayEntry, InvalidEntry, MedicationTaken, Medicine
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository
from tests.store.log_samples import NOW, D, count, full_day, session, tz

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def log(tmp_path: Path) -> Iterator[LogRepository]:
    repo = LogRepository.open(
        tmp_path / "unknot.sqlite3", BackupKeeper(tmp_path / "backups"), now=lambda: NOW
    )
    yield repo
    repo.close()


# -- days ----------------------------------------------------------------------------------------


def test_an_empty_log(log: LogRepository):
    assert log.get_day(D) is None
    assert log.days(dt.date.min, dt.date.max) == []
    assert log.dates_with_entries(dt.date.min, dt.date.max) == set()
    assert log.date_range() is None
    assert log.tags_in_use() == []
    assert log.sessions(dt.date.min, dt.date.max) == []


def test_a_day_round_trips_with_every_field(log: LogRepository, tmp_path: Path):
    log.save_day(full_day())
    assert log.get_day(D) == full_day()
    assert log.get_day(D + dt.timedelta(days=1)) is None
    updated_at = log.conn.execute("SELECT updated_at FROM day").fetchone()[0]
    assert updated_at == "2024-06-01T21:15:30+02:00"  # from the injected clock
    log.close()
    reopened = LogRepository.open(tmp_path / "unknot.sqlite3", BackupKeeper(tmp_path / "backups"))
    try:
        assert reopened.get_day(D) == full_day()
    finally:
        reopened.close()


def test_saving_replaces_the_whole_day(log: LogRepository):
    log.save_day(full_day())
    log.save_day(DayEntry(D, pain=1, tags=("sun",)))
    assert log.get_day(D) == DayEntry(D, pain=1, tags=("sun",))
    assert count(log.conn, "day_area") == 0
    assert count(log.conn, "day_tag") == 1


def test_saving_an_empty_entry_deletes_the_day_and_its_rows(log: LogRepository):
    log.save_day(full_day())
    log.save_day(DayEntry(D))
    assert log.get_day(D) is None
    assert [count(log.conn, t) for t in ("day", "day_tag", "day_area")] == [0, 0, 0]
    log.save_day(DayEntry(D))  # nothing to delete: fine


def test_update_day_adds_tags_updates_areas_per_region_and_replaces_the_rest(log: LogRepository):
    log.save_day(full_day())
    returned = log.update_day(
        D, tags=["Physio", "walk"], areas={"neck": 5, "left_calf": 1}, pain=2, note="new note"
    )
    expected = dataclasses.replace(
        full_day(),
        pain=2,
        note="new note",
        tags=("physio", "rain", "walk"),
        areas={"left_calf": 1, "lower_back": 6, "neck": 5},
    )
    assert returned == expected
    assert log.get_day(D) == expected
    assert log.update_day(D, sleep_hours=None).sleep_hours is None  # a field can be cleared


def test_update_day_on_an_empty_date_creates_it_and_emptying_it_deletes_it(log: LogRepository):
    assert log.update_day(D, stress=3) == DayEntry(D, stress=3)
    assert log.get_day(D) == DayEntry(D, stress=3)
    assert log.update_day(D, stress=None) == DayEntry(D)
    assert log.get_day(D) is None
    assert count(log.conn, "day") == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"pain": 11}, "pain"),
        ({"tags": ["a;b"]}, "tags"),
        ({"areas": {"neck": -1}}, "areas.neck"),
        ({"sleep_hours": 25}, "sleep_hours"),
        ({"mood": 3}, "mood"),
    ],
)
def test_an_invalid_update_changes_nothing(log: LogRepository, changes: dict, field: str):
    log.save_day(full_day())
    with pytest.raises(InvalidEntry) as raised:
        log.update_day(D, **changes)
    assert raised.value.field == field
    assert log.get_day(D) == full_day()
    assert not log.conn.in_transaction
    log.update_day(D, pain=1)  # and the connection is still usable


def test_save_days_writes_all_or_nothing(log: LogRepository):
    def entries() -> Iterator[DayEntry]:
        yield full_day(D)
        yield full_day(D + dt.timedelta(days=1))
        raise RuntimeError("the import file ends half way")

    with pytest.raises(RuntimeError):
        log.save_days(entries())
    assert log.days(dt.date.min, dt.date.max) == []
    assert log.save_days(full_day(D + dt.timedelta(days=i)) for i in range(3)) == 3
    assert len(log.days(dt.date.min, dt.date.max)) == 3


def test_days_range_is_inclusive_and_ordered(log: LogRepository):
    dates = [D + dt.timedelta(days=i) for i in (5, -3, 0, 2, 9)]
    for i, date in enumerate(dates):
        log.save_day(DayEntry(date, pain=i, tags=(f"t{i}",), areas={"neck": i}))
    found = log.days(D, D + dt.timedelta(days=5))
    assert [d.date for d in found] == [D, D + dt.timedelta(days=2), D + dt.timedelta(days=5)]
    assert [d.tags for d in found] == [("t2",), ("t3",), ("t0",)]  # each day its own tags
    assert log.days(D + dt.timedelta(days=6), D + dt.timedelta(days=8)) == []
    assert log.days(D, D - dt.timedelta(days=1)) == []  # backwards: nothing
    assert log.dates_with_entries(D - dt.timedelta(days=3), D) == {D - dt.timedelta(days=3), D}
    assert log.date_range() == (D - dt.timedelta(days=3), D + dt.timedelta(days=9))


def test_date_range_counts_sessions_too(log: LogRepository):
    log.save_day(DayEntry(D, pain=3))
    log.record_session(session(dt.datetime(2024, 5, 20, 8, 0, tzinfo=tz(2))))
    log.record_session(session(dt.datetime(2024, 7, 2, 8, 0, tzinfo=tz(2))))
    assert log.date_range() == (dt.date(2024, 5, 20), dt.date(2024, 7, 2))
    assert log.dates_with_entries(dt.date.min, dt.date.max) == {D}  # days only


def test_tags_in_use_most_used_first_then_by_name(log: LogRepository):
    log.save_day(DayEntry(D, tags=("walk", "rain", "work")))
    log.save_day(DayEntry(D + dt.timedelta(days=1), tags=("walk", "rain")))
    log.save_day(DayEntry(D + dt.timedelta(days=2), tags=("walk", "heat", "physio")))
    assert log.tags_in_use() == [("walk", 3), ("rain", 2), ("heat", 1), ("physio", 1), ("work", 1)]


# -- sessions ------------------------------------------------------------------------------------


def test_sessions_keep_the_date_and_offset_of_the_zone_they_were_played_in(log: LogRepository):
    # 22:00 in UTC-5 is 03:00 UTC on the 11th; 07:00 in UTC+9 is 22:00 UTC on the 10th.
    new_york = log.record_session(session(dt.datetime(2024, 3, 10, 22, 0, tzinfo=tz(-5))))
    tokyo = log.record_session(session(dt.datetime(2024, 3, 11, 7, 0, tzinfo=tz(9))))
    assert log.sessions(dt.date(2024, 3, 10), dt.date(2024, 3, 10)) == [new_york]
    assert log.sessions(dt.date(2024, 3, 11), dt.date(2024, 3, 11)) == [tokyo]
    assert log.date_range() == (dt.date(2024, 3, 10), dt.date(2024, 3, 11))
    loaded = {s.id: s for s in log.sessions(dt.date.min, dt.date.max)}
    assert loaded[new_york.id].started_at.utcoffset() == dt.timedelta(hours=-5)
    assert loaded[tokyo.id].started_at.utcoffset() == dt.timedelta(hours=9)
    assert loaded[new_york.id].day == dt.date(2024, 3, 10)
    assert loaded[tokyo.id].day == dt.date(2024, 3, 11)


def test_sessions_range_is_inclusive_ordered_and_delete_removes_one(log: LogRepository):
    records = [
        log.record_session(session(dt.datetime(2024, 6, day, hour, 0, tzinfo=tz(2))))
        for day, hour in ((3, 9), (1, 20), (2, 8), (1, 7), (4, 10))
    ]
    found = log.sessions(dt.date(2024, 6, 1), dt.date(2024, 6, 3))
    assert [(s.started_at.day, s.started_at.hour) for s in found] == [
        (1, 7),
        (1, 20),
        (2, 8),
        (3, 9),
    ]
    log.delete_session(records[2].id)
    assert records[2] not in log.sessions(dt.date.min, dt.date.max)
    assert len(log.sessions(dt.date.min, dt.date.max)) == 4
    log.delete_session(records[2].id)  # already gone: fine
    log.delete_session(10_000)
    assert len(log.sessions(dt.date.min, dt.date.max)) == 4


# -- deleting everything -------------------------------------------------------------------------


def test_delete_everything_empties_the_log(log: LogRepository):
    log.save_days(full_day(D + dt.timedelta(days=i)) for i in range(30))
    log.record_session(session(dt.datetime(2024, 6, 1, 8, 0, tzinfo=tz(2))))
    log.delete_everything()
    assert log.days(dt.date.min, dt.date.max) == []
    assert log.sessions(dt.date.min, dt.date.max) == []
    assert log.tags_in_use() == []
    assert log.date_range() is None
    assert [count(log.conn, t) for t in ("day", "day_tag", "day_area", "session")] == [0, 0, 0, 0]
    assert log.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    log.save_day(DayEntry(D, pain=1))  # the log goes on
    assert log.get_day(D) == DayEntry(D, pain=1)


def test_delete_everything_leaves_no_trace_in_the_files_even_without_secure_delete(
    tmp_path: Path,
):
    database, keeper = tmp_path / "unknot.sqlite3", BackupKeeper(tmp_path / "backups")
    repo = LogRepository.open(database, keeper)
    repo.save_days(
        dataclasses.replace(full_day(D + dt.timedelta(days=i)), note=f"PRIVATE-NOTE-{i}")
        for i in range(300)
    )
    repo.close()  # the notes are now in the main file, as after any restart
    repo = LogRepository.open(database, keeper)
    try:
        repo.conn.execute("PRAGMA secure_delete = OFF")  # SQLite's default unless built otherwise
        repo.delete_everything()
        files = [p for p in tmp_path.iterdir() if p.name.startswith(database.name)]
        found = {p.name: p.read_bytes().count(b"PRIVATE-NOTE") for p in files}
    finally:
        repo.close()
    assert sum(found.values()) == 0, f"copies of the deleted notes still on disk: {found}"


# -- the benchmark -------------------------------------------------------------------------------


def test_log_store_benchmark_runs():
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "log_store.py"),
            *("--days", "50", "--repeat", "5", "--runs", "2", "--json"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=REPO,
    )
    report = json.loads(result.stdout)
    assert set(report) >= {"sqlite", "python", "save", "load", "file_bytes"}
    assert report["save"]["repeat"] == 5
    assert set(report["save"]) >= {"repository_ms", "raw_ms", "ratio"}
    assert (
        set(report["save"]["repository_ms"]) == set(report["save"]["raw_ms"]) == {"median", "p90"}
    )
    assert report["load"]["days"] == 50
    for key in ("days_ms", "sessions_ms", "total_ms"):
        assert set(report["load"][key]) == {"repository", "raw", "ratio"}
    assert report["file_bytes"] > 0


# -- set_areas (the body map's save) ---------------------------------------------------------------


def test_set_areas_replaces_the_areas_and_keeps_everything_else(log: LogRepository):
    log.save_day(full_day())

    returned = log.set_areas(D, {"left_calf": 3})

    expected = dataclasses.replace(full_day(), areas={"left_calf": 3})
    assert returned == expected, "not merged: lower_back and neck are gone"
    assert log.get_day(D) == expected
    assert count(log.conn, "day_area") == 1


def test_set_areas_creates_a_day_and_clearing_the_last_area_removes_it(log: LogRepository):
    assert log.set_areas(D, {"neck": 4}) == DayEntry(D, areas={"neck": 4})
    assert log.get_day(D) == DayEntry(D, areas={"neck": 4})

    assert log.set_areas(D, {}) == DayEntry(D)

    assert log.get_day(D) is None
    assert count(log.conn, "day") == 0


def test_set_areas_refuses_a_bad_intensity_and_changes_nothing(log: LogRepository):
    log.save_day(full_day())

    with pytest.raises(InvalidEntry) as raised:
        log.set_areas(D, {"neck": 11})

    assert raised.value.field == "areas.neck"
    assert log.get_day(D) == full_day()
    assert not log.conn.in_transaction


# -- medications ---------------------------------------------------------------------------------


def test_medications_are_kept_with_the_day_in_their_order(log: LogRepository) -> None:
    taken = (
        MedicationTaken("ibuprofen 400 mg", dt.time(8, 5), False, 7),
        MedicationTaken("paracetamol 1 g", None, True, None),
        MedicationTaken("ibuprofen 400 mg", dt.time(20, 0)),
    )
    log.save_day(DayEntry(D, medications=taken))
    assert log.get_day(D) == DayEntry(D, medications=taken)
    # a day with only medications is a day with something logged; merging adds to them
    more = log.update_day(D, medications=(MedicationTaken("codeine 30 mg", as_needed=True),))
    assert more.medications[:3] == taken
    assert len(more.medications) == 4
    assert log.get_day(D) == more
    log.save_day(DayEntry(D))  # an empty day removes its medications with it
    assert log.get_day(D) is None
    assert log.conn.execute("SELECT count(*) FROM day_medication").fetchone()[0] == 0


def test_a_medication_is_checked_before_it_is_stored() -> None:
    with pytest.raises(InvalidEntry, match="cannot contain"):
        MedicationTaken("ibuprofen; paracetamol")
    with pytest.raises(InvalidEntry, match="from 0 to 10"):
        MedicationTaken("ibuprofen", helped=12)
    with pytest.raises(InvalidEntry, match="at most 30"):
        DayEntry(D, medications=tuple(MedicationTaken(f"m{i}") for i in range(31)))
    assert MedicationTaken("  ibuprofen   400 mg ").name == "ibuprofen 400 mg"
    assert MedicationTaken("x", dt.time(8, 5, 33)).time == dt.time(8, 5)


def test_the_list_of_medicines_keeps_its_order_and_one_of_each_name(log: LogRepository) -> None:
    log.save_medicine(Medicine("Ibuprofen 400 mg"))
    log.save_medicine(Medicine("paracetamol 1 g", as_needed=True))
    log.save_medicine(Medicine("ibuprofen 400 mg", as_needed=True))  # same name, other case
    assert log.medicines() == [
        Medicine("ibuprofen 400 mg", as_needed=True),
        Medicine("paracetamol 1 g", as_needed=True),
    ]
    log.remove_medicine("paracetamol 1 g")
    assert log.medicines() == [Medicine("ibuprofen 400 mg", as_needed=True)]
    assert Medicine("ibuprofen 400 mg").taken(dt.time(9, 0)) == MedicationTaken(
        "ibuprofen 400 mg", dt.time(9, 0)
    )


def test_deleting_everything_deletes_the_medications_and_the_list(log: LogRepository) -> None:
    log.save_day(DayEntry(D, medications=(MedicationTaken("ibuprofen"),)))
    log.save_medicine(Medicine("ibuprofen"))
    log.delete_everything()
    assert log.days(dt.date.min, dt.date.max) == []
    assert log.medicines() == []


def test_a_session_recorded_at_its_start_is_brought_up_to_date(log: LogRepository):
    start = dt.datetime(2024, 6, 1, 7, 5, tzinfo=tz(1))
    begun = log.record_session(
        session(start, minutes=0, completed=False, stopped_at_step=1, actual_seconds=0.0)
    )
    assert begun.id is not None

    halfway = dataclasses.replace(
        begun, ended_at=start + dt.timedelta(minutes=4), actual_seconds=240.0, stopped_at_step=9
    )
    log.update_session_progress(halfway)
    assert log.sessions(D, D) == [halfway]

    done = dataclasses.replace(
        halfway, ended_at=start + dt.timedelta(minutes=8), completed=True, stopped_at_step=None
    )
    log.update_session_progress(done)
    [stored] = log.sessions(D, D)
    assert (stored.completed, stored.stopped_at_step, stored.ended_at) == (
        True,
        None,
        done.ended_at,
    )
    assert (stored.pain_before, stored.note) == (6, ""), "what was said is kept"
    with pytest.raises(ValueError, match="recorded"):
        log.update_session_progress(dataclasses.replace(done, id=None))
