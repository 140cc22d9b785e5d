"""The gentle variant of a routine for a day when an area hurts a lot.

Careful therapists never ask someone to tense or press on a strongly painful area. If today's log
marks an area at 7 or more and a routine would tense or massage it, the app says so and offers this
variant: for relaxation, that group is only noticed and released, never tensed; for massage, that
spot is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coach.core.regions import RegionCatalogue
from coach.core.routine import Routine, Step, StepKind

STRONG_PAIN = 7
_WORKS_ON = (StepKind.TENSE, StepKind.HOLD, StepKind.MASSAGE)


@dataclass(frozen=True)
class GentleAdvice:
    """Which painful areas the routine would work, and how the gentle variant avoids them."""

    painful: dict[str, int]  # region id -> today's intensity, only those the routine works
    tensed_steps: int
    massaged_steps: int

    @property
    def needed(self) -> bool:
        """Whether the routine would tense or massage a strongly painful area."""
        return bool(self.tensed_steps or self.massaged_steps)


def strongly_painful(
    areas: dict[str, int], threshold: int = STRONG_PAIN, catalogue: RegionCatalogue | None = None
) -> dict[str, int]:
    """The areas marked at `threshold` or more.

    With the catalogue, strong pain on the spine itself also protects the muscles beside it (the
    catalogue's links from a spine region), since no routine works the spine directly.
    """
    painful = {region: level for region, level in areas.items() if level >= threshold}
    if catalogue is not None:
        for region, level in list(painful.items()):
            if region in catalogue.regions and catalogue.regions[region].spine:
                for link in catalogue.links_for([region]):
                    for beside in catalogue.expand(link.target):
                        painful.setdefault(beside, level)
    return painful


def advise(routine: Routine, areas: dict[str, int], catalogue: RegionCatalogue) -> GentleAdvice:
    """What the gentle variant would change for today's `areas`."""
    painful = strongly_painful(areas, catalogue=catalogue)
    touched: set[str] = set()
    tensed = massaged = 0
    for step in routine.steps:
        hit = catalogue.expand_all(step.regions) & painful.keys()
        if hit and step.kind in _WORKS_ON:
            touched |= hit
            if step.kind is StepKind.MASSAGE:
                massaged += 1
            else:
                tensed += 1
    return GentleAdvice({r: painful[r] for r in sorted(touched)}, tensed, massaged)


def gentle_variant(routine: Routine, areas: dict[str, int], catalogue: RegionCatalogue) -> Routine:
    """The routine without tensing or pressing today's strongly painful areas."""
    painful = strongly_painful(areas, catalogue=catalogue).keys()
    steps: list[Step] = []
    for step in routine.steps:
        hit = catalogue.expand_all(step.regions) & painful
        if not hit:
            steps.append(step)
        elif step.kind in (StepKind.TENSE, StepKind.HOLD):
            names = _names(step.regions, catalogue)
            steps.append(
                replace(
                    step,
                    kind=StepKind.NOTICE,
                    text=f"No tensing today. Just notice your {names}, and let the muscles soften.",
                    say=f"Just notice your {names} today. No tensing.",
                    cue="step",
                )
            )
        elif routine.kind == "massage" or step.kind is StepKind.MASSAGE:
            continue  # skip the whole spot: placing the ball, pressing, and its rest
        else:
            steps.append(step)
    if not steps:
        steps = [
            Step(
                "Today every spot of this routine is too painful to work on. Rest, breathe slowly, and try a gentle relaxation instead.",
                20.0,
                StepKind.REST,
            )
        ]
    return replace(routine, steps=tuple(steps), title=f"{routine.title} (gentle)")


def _names(regions: tuple[str, ...], catalogue: RegionCatalogue) -> str:
    return " and ".join(catalogue.name(r).lower() for r in regions) or "this area"
