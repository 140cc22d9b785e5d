"""`coach log show`: the days and sessions of a range of dates, as tables or as JSON."""

from __future__ import annotations

import argparse
import json

from coach.cli.common import table
from coach.cli.log_common import date_range, open_log, shorten
from coach.core.log import exchange_json
from coach.core.log.entries import SessionRecord
from coach.core.routines.routine import format_duration
from coach.paths import Paths

SHOW_DAYS = 14
NOTE_WIDTH = 30


def cmd_log_show(args: argparse.Namespace, paths: Paths) -> int:
    """`coach log show`: days and sessions of a range, as a table or JSON."""
    start, end = date_range(args, SHOW_DAYS)
    with open_log(paths, write=False) as repo:
        days, sessions = repo.days(start, end), repo.sessions(start, end)
    if args.json:
        out = {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "days": [exchange_json.day_to_dict(d) for d in days],
            "sessions": [
                {"id": s.id, "day": s.day.isoformat(), **exchange_json.session_to_dict(s)}
                for s in sessions
            ],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not days and not sessions:
        print(f"Nothing logged from {start} to {end}.")
        return 0
    print(f"The log from {start} to {end}:\n")
    if days:
        rows = [["DATE", "PAIN", "WORST", "SLEEP", "HOURS", "STRESS", "TAGS", "AREAS", "NOTE"]]
        for d in days:
            numbers = (d.pain, d.worst_pain, d.sleep_quality, d.sleep_hours, d.stress)
            rows.append(
                [
                    d.date.isoformat(),
                    *("-" if n is None else f"{n:g}" for n in numbers),
                    ", ".join(d.tags),
                    ", ".join(f"{r} {v}" for r, v in d.areas.items()),
                    shorten(d.note, NOTE_WIDTH),
                ]
            )
        print(table(rows))
    taken = [(d.date, m) for d in days for m in d.medications]
    if taken:
        print("\nMedications:\n")
        print(
            table(
                [
                    ["DATE", "TIME", "MEDICATION", "HOW", "HELPED"],
                    *(
                        [
                            date.isoformat(),
                            "-" if m.time is None else f"{m.time:%H:%M}",
                            m.name,
                            "as needed" if m.as_needed else "regular",
                            "-" if m.helped is None else f"{m.helped}/10",
                        ]
                        for date, m in taken
                    ),
                ]
            )
        )
    if sessions:
        print("\nSessions:\n" if days else "Sessions:\n")
        print(
            table(
                [
                    ["DATE", "TIME", "ROUTINE", "LENGTH", "DONE", "PAIN"],
                    *map(_session_row, sessions),
                ]
            )
        )
    return 0


def _session_row(s: SessionRecord) -> list[str]:
    def rated(value: int | None) -> str:
        return "-" if value is None else str(value)

    pain = (
        ""
        if s.pain_before is None and s.pain_after is None
        else f"{rated(s.pain_before)}->{rated(s.pain_after)}"
    )
    done = "yes" if s.completed else f"stopped at step {s.stopped_at_step or '?'} of {s.step_count}"
    return [
        s.day.isoformat(),
        f"{s.started_at:%H:%M}",
        shorten(s.routine_title, 40),
        format_duration(s.actual_seconds),
        done,
        pain,
    ]
