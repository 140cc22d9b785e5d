"""When a played session counts as completed: it reached its end and most of it was played.

Skipping through a nine-minute routine in a minute reaches the end too; counted as completed it
would flatter adherence and "do sessions help". The log keeps the seconds planned and played, so
the rule can be read back from any record.
"""

from __future__ import annotations

# "most of it": at least this share of the planned time was actually played
MOSTLY = 2 / 3


def played_share(played_seconds: float, planned_seconds: float) -> float:
    """How much of the routine was played, 0..1 (a routine of no length counts as fully played)."""
    if planned_seconds <= 0:
        return 1.0
    return max(0.0, min(1.0, played_seconds / planned_seconds))


def counts_as_completed(reached_end: bool, played_seconds: float, planned_seconds: float) -> bool:
    """Completed only when the end was reached and at least MOSTLY of it was played."""
    return reached_end and played_share(played_seconds, planned_seconds) >= MOSTLY - 1e-9
