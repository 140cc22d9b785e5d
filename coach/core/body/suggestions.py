"""Which routines to suggest for the areas marked on the body map, best first, each with a reason.

A routine is suggested for two reasons:

* **direct**: it works a marked area (its `targets`, or the regions its steps name, cover it).
  Ranked by how much of the marked pain it reaches (each area weighs 1 + its intensity; this
  counts most, REACH_WEIGHT) and how much of the routine works there (the share of its time
  spent on steps naming those areas; for a routine whose steps name no areas, the share of its
  targets that are marked).
* **linked**: it works muscles that often cause or carry pain in a marked area (the catalogue's
  links, such as low back -> buttocks), with the link's own reason. Ranked the same way, then
  weighed down (LINK_WEIGHT), so a routine working the sore area itself usually comes first.

A suggestion holds facts, not sentences: the areas it works in plain names (`areas`), or the link
it was found by (`link`); the body map words them with `tr()` (ui/body_map/suggestion_words.py)
and `coach suggest` in English (cli/guidance.py).

Whatever is suggested, `area_notes` gives the catalogue's notes for the marked areas: pain there
can come from an organ or a nerve (a kidney, the appendix, sciatica), and when that needs a doctor.

Safety: a routine that would tense or massage an area marked 7 or more is only suggested when its
gentle variant (coach.core.playing.gentle) still has something to do, and says "(gentle version
offered)"; it is judged by what the gentle variant works, so a massage that would have to skip
the sore spot is no longer "direct" for it. Spine regions are never matched directly: no routine
works the spine, and the catalogue links them to the muscles beside it. Each routine is
suggested once, for its best reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from coach.core.body.regions import RegionCatalogue
from coach.core.playing.gentle import advise, gentle_variant
from coach.core.routines.routine import Routine

LINK_WEIGHT = 0.6  # a linked match counts for this much of an equally good direct one
REACH_WEIGHT = 0.6  # how much of the marked pain it reaches counts more than how focused it is
MAX_NAMES = 3  # areas named in a reason; more: the first two and "N more areas"


@dataclass(frozen=True)
class LinkedPain:
    """Why a routine that does not work a marked area is suggested all the same: it works
    `muscles`, which often carry the pain felt in `pain_in`, for the catalogue's `reason`
    ("Tight hip flexors ... can pull on the low back.")."""

    muscles: str  # the catalogue's name for the worked muscles ("Buttocks")
    pain_in: str  # the catalogue's name for the marked area ("Lower back")
    reason: str


@dataclass(frozen=True)
class Suggestion:
    """A routine suggested for the marked areas.

    `score` is 0-10 (higher first). A direct one works `areas`: the marked areas by the
    catalogue's names, the most painful first, whole groups by their name ("Lower back"); at most
    MAX_NAMES are named, and `more_areas` counts the rest. A linked one has its `link`. `gentle`: the gentle version is offered. `regions` are the areas it was
    matched on (marked ones, or the linked muscles), for highlighting on the map.
    """

    routine: Routine
    score: float
    direct: bool
    gentle: bool = False
    areas: tuple[str, ...] = ()
    more_areas: int = 0
    link: LinkedPain | None = None
    regions: frozenset[str] = frozenset()


def suggest(
    marks: Mapping[str, int],
    catalogue: RegionCatalogue,
    routines: Sequence[Routine],
    limit: int = 8,
) -> list[Suggestion]:
    """Routines for the marked areas ({region id: 0-10}), best first, at most `limit`."""
    marked = {r: int(v) for r, v in marks.items() if r in catalogue.regions}
    if not marked or limit <= 0:
        return []
    weights = {r: 1 + v for r, v in marked.items()}
    total_weight = sum(weights.values())
    links = [link for link in catalogue.links_for(marked) if catalogue.expand(link.target)]
    found: list[Suggestion] = []
    for routine in routines:
        offered, gentle = _as_offered(routine, marked, catalogue)
        if offered is None:
            continue
        coverage = _coverage(routine, offered, marked, catalogue)
        best: Suggestion | None = None
        hit = coverage & marked.keys()
        if hit:
            reach = sum(weights[r] for r in hit) / total_weight
            score = _score(reach, _focus(offered, hit, coverage, catalogue))
            areas = _names(hit, catalogue, marked)
            named = areas if len(areas) <= MAX_NAMES else areas[: MAX_NAMES - 1]
            more = len(areas) - len(named)
            best = Suggestion(routine, score, True, gentle, named, more, None, frozenset(hit))
        else:
            for link in links:
                worked = coverage & catalogue.expand(link.target)
                if not worked:
                    continue
                source = catalogue.expand(link.source) & marked.keys()
                reach = sum(weights[r] for r in source) / total_weight
                score = LINK_WEIGHT * _score(reach, _focus(offered, worked, coverage, catalogue))
                if best is None or score > best.score:
                    linked = LinkedPain(
                        catalogue.name(link.target), catalogue.name(link.source), link.reason
                    )
                    best = Suggestion(
                        routine, score, False, gentle, (), 0, linked, frozenset(worked)
                    )
        if best is not None:
            found.append(best)
    found.sort(key=lambda s: (-s.score, not s.direct, s.routine.title.casefold(), s.routine.id))
    return found[:limit]


def area_notes(marks: Mapping[str, int], catalogue: RegionCatalogue) -> list[str]:
    """The catalogue's notes for the areas marked (at 1 or more): what else that pain can be."""
    marked = [r for r, v in marks.items() if r in catalogue.regions and v > 0]
    return [note.text for note in catalogue.notes_for(marked)]


def _score(reach: float, focus: float) -> float:
    """0-10 from how much of the marked pain a routine reaches and how much of it works there."""
    return 10 * (REACH_WEIGHT * reach + (1 - REACH_WEIGHT) * focus)


def _as_offered(
    routine: Routine, marked: dict[str, int], catalogue: RegionCatalogue
) -> tuple[Routine | None, bool]:
    """The routine as the person would be offered it: itself, its gentle variant, or None when
    it would work a strongly painful area and the gentle variant has nothing left to do."""
    if not advise(routine, marked, catalogue).needed:
        return routine, False
    variant = gentle_variant(routine, marked, catalogue)
    if len(variant.steps) == 1 and variant.steps[0] not in routine.steps:
        return None, True  # every spot too painful: the variant is only a rest
    return variant, True


def _step_regions(routine: Routine, catalogue: RegionCatalogue) -> frozenset[str]:
    return catalogue.expand_all(r for step in routine.steps for r in step.regions)


def _coverage(
    routine: Routine, offered: Routine, marked: dict[str, int], catalogue: RegionCatalogue
) -> frozenset[str]:
    """The regions the offered routine works: its targets and its steps' regions, without the
    spine (never worked) and without strongly painful areas its gentle variant had to drop."""
    steps = _step_regions(offered, catalogue)
    covered = catalogue.expand_all(routine.targets) | steps
    if offered is not routine:
        dropped = advise(routine, marked, catalogue).painful.keys() - steps
        covered -= dropped
    return frozenset(r for r in covered if not catalogue.regions[r].spine)


def _focus(
    routine: Routine, wanted: frozenset[str], coverage: frozenset[str], catalogue: RegionCatalogue
) -> float:
    """How much of the routine works `wanted`, 0-1: its share of the time, or of the targets."""
    timed = [(catalogue.expand_all(s.regions), s.duration) for s in routine.steps if s.regions]
    if not timed:
        return len(wanted & coverage) / len(coverage) if coverage else 0.0
    total = routine.duration
    there = sum(duration for regions, duration in timed if regions & wanted)
    return there / total if total > 0 else 0.0


def _names(
    regions: Iterable[str], catalogue: RegionCatalogue, marks: Mapping[str, int]
) -> tuple[str, ...]:
    """The areas by the catalogue's names, the most painful first: whole groups by their name
    ("Lower back"), then single regions; ties in head-to-toe order."""
    left = set(regions)
    order = {r: i for i, r in enumerate(catalogue.regions)}
    parts: list[tuple[int, int, str]] = []  # (-intensity, catalogue order, name)
    for group in sorted(catalogue.groups.values(), key=lambda g: (-len(g.regions), g.id)):
        if len(group.regions) > 1 and group.regions <= left:
            worst = max(marks[r] for r in group.regions)
            parts.append((-worst, min(order[r] for r in group.regions), group.name))
            left -= group.regions
    parts += [(-marks[r], order[r], catalogue.name(r)) for r in left]
    return tuple(name for *_, name in sorted(parts))
