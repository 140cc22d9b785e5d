"""Finding routines: text search, kind, length and region filters."""

from __future__ import annotations

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.routine import Routine, Step
from coach.core.routines.routine_search import (
    LengthBand,
    RoutineFacts,
    RoutineFilter,
    fold,
    matching,
    search_terms,
)


def routine(
    id_: str,
    *,
    title: str = "",
    kind: str = "other",
    minutes: float = 5,
    targets: tuple[str, ...] = (),
    step_regions: tuple[str, ...] = (),
    text: str = "Breathe.",
    summary: str = "",
    equipment: tuple[str, ...] = (),
) -> Routine:
    return Routine(
        id=id_,
        title=title or id_,
        kind=kind,
        summary=summary,
        equipment=equipment,
        targets=targets,
        steps=(Step(text, minutes * 60, regions=step_regions),),
    )


BREATH = routine("breath", title="Calm breathing", kind="breathing", minutes=4, targets=("chest",))
CALF = routine(
    "calf",
    title="Calf roll",
    kind="massage",
    minutes=25,
    step_regions=("left_calf",),
    equipment=("foam roller",),
    text="Roll slowly from ankle to knee.",
)
BACK = routine(
    "back",
    title="Étirement du dos",
    kind="stretch",
    minutes=15,
    step_regions=("left_lower_back",),
    summary="Doux et lent.",
)
LOW_BACK = routine("low-back", kind="massage", minutes=10, targets=("lower_back", "glutes"))
ALL = (BREATH, CALF, BACK, LOW_BACK)


def ids(catalogue: RegionCatalogue, **wanted: object) -> set[str]:
    return {r.id for r in matching(ALL, RoutineFilter(**wanted), catalogue)}  # type: ignore[arg-type]


def test_fold_drops_accents_and_case() -> None:
    assert fold("Étirement ÉPAULE Straße") == "etirement epaule strasse"
    assert search_terms("  Lower   BACK ") == ("lower", "back")


@pytest.mark.parametrize(
    ("band", "inside", "outside"),
    [
        (LengthBand.UNDER_10, [0, 599.9], [600, 1200]),
        (LengthBand.FROM_10_TO_20, [600, 900, 1200], [599, 1201]),
        (LengthBand.OVER_20, [1200.5, 5000], [1200, 60]),
        (LengthBand.ANY, [0, 600, 99999], []),
    ],
)
def test_length_bands(band: LengthBand, inside: list[float], outside: list[float]) -> None:
    assert all(band.contains(s) for s in inside)
    assert not any(band.contains(s) for s in outside)


def test_no_filter_lets_everything_through(catalogue: RegionCatalogue) -> None:
    assert RoutineFilter().is_empty
    assert RoutineFilter(text="   ").is_empty
    assert not RoutineFilter(kind="pmr").is_empty
    assert ids(catalogue) == {"breath", "calf", "back", "low-back"}


def test_kind_and_length(catalogue: RegionCatalogue) -> None:
    assert ids(catalogue, kind="massage") == {"calf", "low-back"}
    assert ids(catalogue, length=LengthBand.UNDER_10) == {"breath"}
    assert ids(catalogue, length=LengthBand.FROM_10_TO_20) == {"back", "low-back"}
    assert ids(catalogue, length=LengthBand.OVER_20) == {"calf"}
    assert ids(catalogue, kind="massage", length=LengthBand.FROM_10_TO_20) == {"low-back"}


def test_search_looks_at_title_summary_steps_and_equipment(catalogue: RegionCatalogue) -> None:
    assert ids(catalogue, text="calm") == {"breath"}
    assert ids(catalogue, text="ANKLE to knee") == {"calf"}, "step text, any case"
    assert ids(catalogue, text="foam") == {"calf"}, "equipment"
    assert ids(catalogue, text="doux") == {"back"}, "summary"
    assert ids(catalogue, text="etirement") == {"back"}, "accents do not matter"
    assert ids(catalogue, text="roll knee") == {"calf"}, "every word, anywhere"
    assert ids(catalogue, text="roll nothing") == set()


def test_search_finds_region_names_including_what_groups_cover(
    catalogue: RegionCatalogue,
) -> None:
    assert catalogue.name("glutes") == "Buttocks"
    assert ids(catalogue, text="buttocks") == {"low-back"}, "a target's name"
    assert ids(catalogue, text="left calf") == {"calf"}, "a step's region name"
    assert ids(catalogue, text="right lower back") == {"low-back"}, "a region its group covers"


def test_a_group_matches_routines_on_any_of_its_regions(catalogue: RegionCatalogue) -> None:
    assert "left_lower_back" in catalogue.expand("lower_back")

    assert ids(catalogue, region="lower_back") == {"back", "low-back"}, "group -> step region"
    assert ids(catalogue, region="left_lower_back") == {"back", "low-back"}, "region -> group"
    assert ids(catalogue, region="right_glute") == {"low-back"}
    assert ids(catalogue, region="left_calf") == {"calf"}
    assert ids(catalogue, region="forehead") == set()


def test_filters_combine(catalogue: RegionCatalogue) -> None:
    assert ids(catalogue, region="lower_back", kind="stretch") == {"back"}
    assert ids(catalogue, region="lower_back", text="buttocks") == {"low-back"}
    assert ids(catalogue, region="lower_back", length=LengthBand.OVER_20) == set()


def test_facts_are_worked_out_once(catalogue: RegionCatalogue) -> None:
    facts = RoutineFacts.of(LOW_BACK, catalogue)

    assert facts.kind == "massage"
    assert facts.seconds == 600
    assert facts.regions == catalogue.expand_all(["lower_back", "glutes"])
    assert "lower back" in facts.text
    matcher = RoutineFilter(text="Lower BACK", region="right_glute").matcher(catalogue)
    assert matcher.accepts(facts)
