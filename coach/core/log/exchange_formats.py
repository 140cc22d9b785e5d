"""Which format a file of the log is in, and reading it in that format (CSV or JSON)."""

from __future__ import annotations

from typing import Literal

from coach.core.log.exchange import Catalogue, Decoded
from coach.core.log.exchange_csv import decode_csv
from coach.core.log.exchange_json import decode_json

Format = Literal["csv", "json"]


def detect_format(name: str, data: bytes) -> Format:
    """The format from the file name's extension, else from the content."""
    lowered = name.lower()
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    return "json" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" else "csv"


def decode(data: bytes, source: str, catalogue: Catalogue = None) -> Decoded:
    """Read an export in either format (chosen by `detect_format(source, data)`)."""
    if detect_format(source, data) == "json":
        return decode_json(data, source, catalogue)
    return decode_csv(data, source, catalogue)
