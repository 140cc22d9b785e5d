"""Which format a file of the log is in: the extension first, then what it starts with."""

from __future__ import annotations

import datetime as dt

from coach.core.log.exchange import Decoded
from coach.core.log.exchange_formats import decode, detect_format
from coach.core.log.exchange_json import encode_json

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_format_comes_from_the_extension_then_the_content() -> None:
    assert detect_format("LOG.JSON", b"date,pain") == "json"
    assert detect_format("log.csv", b"{") == "csv"
    assert detect_format("log", b'\xef\xbb\xbf  {"format": 1}') == "json"
    assert detect_format("log", b"date,pain") == "csv"
    assert isinstance(decode(encode_json([], [], NOW), "export"), Decoded)


def test_decode_reads_each_format_by_what_it_is() -> None:
    as_csv = decode(b"date,pain,worst_pain,sleep_quality,sleep_hours,enjoyment,activity,stress,"
                    b"tags,areas,note\n2026-01-01,3,,,,,,,,,\n", "days.txt")  # fmt: skip
    as_json = decode(
        b'\n {"format": "unknot-log", "version": 2, "days": [{"date": "2026-01-02"}]}', "export"
    )

    assert [(d.date.day, d.pain) for d in as_csv.days] == [(1, 3)]
    assert [d.date.day for d in as_json.days] == [2]
