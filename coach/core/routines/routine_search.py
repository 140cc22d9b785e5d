"""Finding routines: text search, and filters by kind, length and body region (no Qt here)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.routine import Routine


class LengthBand(Enum):
    """How long a routine takes, in the bands the library offers (bounds in seconds)."""

    ANY = "any"
    UNDER_10 = "under-10"
    FROM_10_TO_20 = "10-20"
    OVER_20 = "over-20"

    def contains(self, seconds: float) -> bool:
        """Whether a routine of `seconds` falls in this band (10 and 20 minutes belong to 10-20)."""
        if self is LengthBand.UNDER_10:
            return seconds < 600
        if self is LengthBand.FROM_10_TO_20:
            return 600 <= seconds <= 1200
        if self is LengthBand.OVER_20:
            return seconds > 1200
        return True


def fold(text: str) -> str:
    """Text as search compares it: accents dropped, case folded (``"Épaule"`` -> ``"epaule"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold()


def search_terms(query: str) -> tuple[str, ...]:
    """The words of a query, folded; a routine must contain every one of them."""
    return tuple(fold(query).split())


@dataclass(frozen=True)
class RoutineFacts:
    """What the filters look at for one routine, worked out once per library scan."""

    kind: str
    seconds: float
    regions: frozenset[str]
    text: str  # folded: title, summary, step texts, equipment and region names

    @classmethod
    def of(cls, routine: Routine, catalogue: RegionCatalogue) -> RoutineFacts:
        """The facts of `routine`; regions named by groups are expanded to the regions they cover."""
        named = list(dict.fromkeys([*routine.targets, *step_regions(routine)]))
        regions = catalogue.expand_all(named)
        names = [catalogue.name(id_) for id_ in named]
        names += sorted(catalogue.name(id_) for id_ in regions.difference(named))
        parts = [
            routine.title,
            routine.summary,
            *(step.text for step in routine.steps),
            *routine.equipment,
            *names,
        ]
        return cls(routine.kind, routine.duration, regions, fold("\n".join(parts)))


def step_regions(routine: Routine) -> list[str]:
    """The region and group ids the steps name, in order of first mention."""
    return list(dict.fromkeys(id_ for step in routine.steps for id_ in step.regions))


@dataclass(frozen=True)
class RoutineFilter:
    """What the person asked for; the default lets every routine through."""

    text: str = ""
    kind: str | None = None
    length: LengthBand = LengthBand.ANY
    region: str | None = None  # a region or group id

    @property
    def is_empty(self) -> bool:
        """Whether nothing is being filtered."""
        return (
            not search_terms(self.text)
            and self.kind is None
            and self.length is LengthBand.ANY
            and self.region is None
        )

    def matcher(self, catalogue: RegionCatalogue) -> RoutineMatcher:
        """A matcher for this filter, with the query folded and the region expanded once."""
        region = catalogue.expand(self.region) if self.region is not None else None
        return RoutineMatcher(search_terms(self.text), self.kind, self.length, region)


@dataclass(frozen=True)
class RoutineMatcher:
    """A filter made ready to test many routines quickly."""

    terms: tuple[str, ...]
    kind: str | None
    length: LengthBand
    regions: frozenset[str] | None  # None: any region

    def accepts(self, facts: RoutineFacts) -> bool:
        """Whether a routine with `facts` passes every filter."""
        if self.kind is not None and facts.kind != self.kind:
            return False
        if not self.length.contains(facts.seconds):
            return False
        # a group matches a routine on any of its regions, and a region one that names its group
        if self.regions is not None and not (self.regions & facts.regions):
            return False
        return all(term in facts.text for term in self.terms)


def matching(
    routines: Iterable[Routine], wanted: RoutineFilter, catalogue: RegionCatalogue
) -> list[Routine]:
    """The routines that pass `wanted`, in their given order."""
    matcher = wanted.matcher(catalogue)
    return [r for r in routines if matcher.accepts(RoutineFacts.of(r, catalogue))]
