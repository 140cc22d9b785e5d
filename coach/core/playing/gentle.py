"""The gentle variant of a routine for a day when an area hurts a lot.

Careful therapists never ask someone to tense or press on a strongly painful area. If today's log
marks an area at 7 or more and a routine would tense or massage it, the app says so and offers this
variant: for relaxation, that group is only noticed and released, never tensed; for massage, that
spot is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.cues import BuiltinCue
from coach.core.routines.routine import Routine, Step, StepKind

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
    """The routine without tensing or pressing today's strongly painful areas.

    Relaxation: each tension of a painful group (with the step that announces it, if any) becomes
    a moment to let that area rest, and its release becomes relaxation by recall (remembering how
    letting go feels, as in Bernstein & Borkovec's later stages), said once for the group rather
    than once per round. Massage: every step of a painful spot is skipped, and so is the line
    that would have introduced a side with nothing left to do on it.
    """
    painful = strongly_painful(areas, catalogue=catalogue).keys()
    massage = routine.kind == "massage"
    steps = routine.steps
    kept = [True] * len(steps)
    out: list[tuple[int, Step]] = []  # (index of the original step, the step played)
    rested: tuple[str, ...] | None = None  # the group just rested instead of tensed
    i = 0
    while i < len(steps):
        step = steps[i]
        hit = catalogue.expand_all(step.regions) & painful
        if not hit:
            out.append((i, step))
            rested = None
            i += 1
            continue
        if massage or step.kind is StepKind.MASSAGE:
            kept[i] = False  # skip the whole spot: placing the ball, pressing, and its rest
            i += 1
            continue
        cycle = _cycle_at(steps, i)
        if cycle is None:  # noticing or resting on a painful area is fine
            out.append((i, step))
            rested = None
            i += 1
            continue
        announce, work, release, after = cycle
        if work.regions != rested:  # the next round of a group already rested: once is enough
            out += [(i, s) for s in _rest_instead(announce, work, release, hit, catalogue)]
            rested = work.regions
        i = after
    played = [s for j, s in out if not massage or not _introduces_nothing(steps, kept, j)]
    if not played:
        played = [
            Step(
                "Today every spot of this routine is too painful to work on. Rest, breathe slowly, and try a gentle relaxation instead.",
                20.0,
                StepKind.REST,
            )
        ]
    return replace(routine, steps=tuple(played), title=f"{routine.title} (gentle)")


def _cycle_at(steps: tuple[Step, ...], i: int) -> tuple[Step | None, Step, Step | None, int] | None:
    """The tension cycle starting at `i`: (its announcement, the tension, its release, the index
    after it), or None if no tension starts there."""
    announce: Step | None = None
    if steps[i].kind is StepKind.INSTRUCTION:
        following = steps[i + 1] if i + 1 < len(steps) else None
        if following is None or following.kind not in _TENSING:
            return None
        if following.regions != steps[i].regions:
            return None
        announce, i = steps[i], i + 1
    work = steps[i]
    if work.kind not in _TENSING:
        return None
    i += 1
    release = None
    if i < len(steps) and steps[i].kind is StepKind.RELEASE and steps[i].regions == work.regions:
        release, i = steps[i], i + 1
    return announce, work, release, i


def _rest_instead(
    announce: Step | None,
    work: Step,
    release: Step | None,
    hit: frozenset[str],
    catalogue: RegionCatalogue,
) -> list[Step]:
    """What a kind teacher would say instead of tensing a painful group, in the same time."""
    area = spoken_area(work.regions, catalogue)
    verb = "tense" if work.kind is StepKind.TENSE else "stretch"  # a hold is a stretch
    whole = catalogue.expand_all(work.regions) <= hit
    where = "there" if whole else f"in {spoken_area(_fewest_names(hit, catalogue), catalogue)}"
    rest = replace(
        work,
        kind=StepKind.NOTICE,
        duration=work.duration + (announce.duration if announce else 0.0),
        text=f"Today, don't {verb} {area}, because of the pain {where}. Just let it rest, and breathe gently.",
        say=f"Today, don't {verb} {area}. Just let it rest.",
        cue=BuiltinCue.STEP,
        audio=None,
    )
    if release is None:
        return [rest]
    recall = replace(
        release,
        kind=StepKind.NOTICE,
        text=f"Remember how it feels to let go, and let {area} soften a little more with each breath out.",
        say=f"Remember how letting go feels, and let {area} soften a little more with each breath out.",
        cue=BuiltinCue.NONE,
        audio=None,
    )
    return [rest, recall]


def _introduces_nothing(steps: tuple[Step, ...], kept: list[bool], j: int) -> bool:
    """Whether step `j` is a line like "Now your left side." whose whole side was skipped."""
    step = steps[j]
    if step.kind is not StepKind.INSTRUCTION or step.regions or j + 1 >= len(steps):
        return False
    if kept[j + 1]:
        return False
    later = next((steps[k] for k in range(j + 1, len(steps)) if kept[k]), None)
    return later is None or not later.regions


_TENSING = (StepKind.TENSE, StepKind.HOLD)
_OF = re.compile(
    r"^(left |right )?(tops|top|sides and back|side and back|sides|side|front|back) of (the )?(.+)$"
)


def spoken_area(regions: Iterable[str], catalogue: RegionCatalogue) -> str:
    """Regions as a person says them: "your right hand and forearm", "the tops of your shoulders"."""
    phrases = []
    for id_ in regions:
        name = re.sub(r"\s*\(.*?\)", "", catalogue.name(id_)).strip()
        name = name[:1].lower() + name[1:]
        of = _OF.match(name)
        phrases.append(f"the {of[2]} of your {of[1] or ''}{of[4]}" if of else f"your {name}")
    if not phrases:
        return "this area"
    if len(phrases) > 1 and all(p.startswith("your ") for p in phrases):
        phrases = [phrases[0], *(p.removeprefix("your ") for p in phrases[1:])]
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}"


def _fewest_names(regions: frozenset[str], catalogue: RegionCatalogue) -> list[str]:
    """`regions` as few catalogue names as possible: whole groups first ("lower back")."""
    left = set(regions)
    names: list[str] = []
    for group in sorted(catalogue.groups.values(), key=lambda g: (-len(g.regions), g.id)):
        if len(group.regions) > 1 and group.regions <= left:
            names.append(group.id)
            left -= group.regions
    order = list(catalogue.regions)
    return names + sorted(left, key=order.index)
