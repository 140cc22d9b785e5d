"""A day with 100,000 tags (stored by an import before the limits) no longer hangs the app
(issue 13, case 5): the Today view shows what a person can read, the analytics stay linear."""

from __future__ import annotations

import datetime as dt
import time

from coach.core.analytics import trends as analytics
from coach.core.log.entries import MAX_TAGS_PER_DAY, DayEntry
from coach.ui.today.today_view import TodayView

TAGS = 100_000


def store_huge_day(log, date: dt.date) -> None:
    """Written behind the repository's back, as an import before the limits could."""
    log.conn.execute("BEGIN")
    log.conn.execute(
        "INSERT INTO day (date, pain, updated_at) VALUES (?, 5, 'x')", (date.isoformat(),)
    )
    log.conn.executemany(
        "INSERT INTO day_tag VALUES (?, ?)", [(date.isoformat(), f"t{i}") for i in range(TAGS)]
    )
    log.conn.execute("COMMIT")


def test_the_today_view_opens_a_day_of_100000_tags(qtbot, log, catalogue) -> None:
    today = dt.date.today()
    store_huge_day(log, today)
    started = time.monotonic()
    view = TodayView(log, catalogue)
    qtbot.addWidget(view)
    view.show()
    elapsed = time.monotonic() - started
    assert elapsed < 20, f"took {elapsed:.1f} s"
    assert len(view.form.tags.chip_buttons()) == MAX_TAGS_PER_DAY
    assert f"{TAGS - MAX_TAGS_PER_DAY} more tags" in view.form.tags.message.text()
    assert len(view.form.tags.tags()) == TAGS, "every tag is kept, only not all shown"
    view.close()


def test_tag_associations_stay_fast_with_a_huge_day() -> None:
    start = dt.date(2026, 1, 1)
    days = [
        DayEntry(start + dt.timedelta(days=i), pain=i % 11, tags=("walk",) if i % 2 else ())
        for i in range(60)
    ]
    days.append(DayEntry(start - dt.timedelta(days=1), pain=5, tags=[f"t{i}" for i in range(TAGS)]))
    started = time.monotonic()
    links = analytics.tag_associations(days)
    assert time.monotonic() - started < 10
    assert [link.tag for link in links] == ["walk"]
    [walk] = links
    with_walk = [d.pain for d in days if "walk" in d.tags]
    assert walk.with_mean == sum(with_walk) / len(with_walk)
    assert walk.without_days == len(days) - len(with_walk)
