"""The built-in routines, loaded once, and what each one's protocol calls for."""

from __future__ import annotations

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.routine import Routine
from coach.core.routines.session_file import load_routine
from tests.conftest import REPO

SESSIONS = REPO / "sessions"
ROUTINES_DOC = REPO / "docs" / "routines.md"

# Every built-in routine and the length, in minutes, that its protocol calls for (docs/routines.md
# gives the source of each). A new file in sessions/ needs an entry here and a row in the doc.
EXPECTED_MINUTES: dict[str, tuple[float, float]] = {
    # progressive muscle relaxation (Bernstein & Borkovec)
    "pmr-16": (20, 26),  # 20-25, plus naming each group before its tension
    "pmr-7": (13, 17),  # "about 15 minutes"
    "pmr-4": (7, 9),  # "about 8 minutes"
    "relax-recall": (5, 8),
    "relax-counting": (5, 8),
    "desk-release": (4.5, 5.5),  # "a 5-minute desk release"
    # self-massage: 30-120 s per spot on both sides, with rests
    "massage-low-back": (9, 13),
    "massage-mid-back": (8, 12),
    "massage-glutes": (9, 13),
    "massage-hip-flexors": (6, 10),
    "massage-abdomen": (5, 8),
    "massage-hamstrings-calves": (8, 12),
    "massage-neck-shoulders": (9, 13),
    "massage-foot": (6, 10),
    # breathing, about 6 breaths a minute
    "breathing-diaphragm": (4, 7),
    "breathing-paced": (4, 7),
    # bedtime: a short PMR and slow breathing
    "sleep-wind-down": (10, 15),
}
SLEEP = "sleep-wind-down"
HIP_FLEXORS = "massage-hip-flexors"
ABDOMEN = "massage-abdomen"

IDS = sorted(EXPECTED_MINUTES)
MASSAGE_IDS = [id_ for id_ in IDS if id_.startswith("massage-")]


@pytest.fixture(scope="module")
def routines(catalogue: RegionCatalogue) -> dict[str, Routine]:
    """Every built-in routine, loaded as the app loads it, by id (once per module)."""
    return {path.stem: load_routine(path, catalogue) for path in sorted(SESSIONS.glob("*.toml"))}


@pytest.fixture(params=IDS)
def routine(request: pytest.FixtureRequest, routines: dict[str, Routine]) -> Routine:
    """Each built-in routine in turn."""
    return routines[request.param]


@pytest.fixture(params=MASSAGE_IDS)
def massage(request: pytest.FixtureRequest, routines: dict[str, Routine]) -> Routine:
    """Each self-massage routine in turn."""
    return routines[request.param]
