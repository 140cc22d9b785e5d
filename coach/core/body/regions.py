"""The region catalogue: every area of the body map, named groups of areas, and links between
areas whose muscles often affect each other. Session files and the log refer to regions by id."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from coach.core.log.fields import Field, check_table
from coach.core.routines.problems import FileProblems, Problem
from coach.core.routines.tomlfile import TomlDocument, read_toml

View = Literal["front", "back"]
Side = Literal["left", "right", "midline"]

ID_PATTERN = "^[a-z][a-z0-9_]*$"

REGION_FIELDS = (
    Field("id", "string", "Stable id used by session files and the log.", required=True),
    Field("name", "string", "Display name.", required=True, max_length=80),
    Field("view", "string", "The figure it is drawn on.", required=True, choices=("front", "back")),
    Field(
        "side",
        "string",
        "The person's own side.",
        required=True,
        choices=("left", "right", "midline"),
    ),
    Field("spine", "boolean", "On the spine itself: never pressed or tensed.", default=False),
    Field("muscles", "string", "The main muscles under the region, for authors.", default=""),
)
GROUP_FIELDS = (
    Field("id", "string", "Stable id, unique among regions and groups.", required=True),
    Field("name", "string", "Display name.", required=True, max_length=80),
    Field("members", "string_list", "Region or group ids.", required=True),
)
LINK_FIELDS = (
    Field("from", "string", "Where pain is felt (region or group id).", required=True),
    Field("to", "string", "Where muscles often contribute (region or group id).", required=True),
    Field(
        "reason", "string", "One plain sentence shown to the user.", required=True, max_length=200
    ),
)
NOTE_FIELDS = (
    Field("regions", "string_list", "Where the pain is felt (region or group ids).", required=True),
    Field(
        "text",
        "string",
        "What else this pain can be, and when to see a doctor; shown to the user.",
        required=True,
        max_length=400,
    ),
)
CATALOGUE_FIELDS = (
    Field("format", "integer", "Catalogue format version.", required=True, choices=(1,)),
    Field("regions", "table_list", "The regions.", required=True),
    Field("groups", "table_list", "Named groups of regions.", default=[]),
    Field("links", "table_list", "Links between related regions.", default=[]),
    Field("notes", "table_list", "Organs or nerves behind pain in a region.", default=[]),
)


@dataclass(frozen=True)
class Region:
    """One area of the body map, drawn on the front or the back figure."""

    id: str
    name: str
    view: View
    side: Side
    spine: bool = False
    muscles: str = ""


@dataclass(frozen=True)
class RegionGroup:
    """A named set of regions, such as ``lower_back`` (its left and right parts)."""

    id: str
    name: str
    regions: frozenset[str]


@dataclass(frozen=True)
class RegionLink:
    """Pain felt at `source` often involves the muscles at `target`, for `reason`."""

    source: str
    target: str
    reason: str


@dataclass(frozen=True)
class RegionNote:
    """Pain in `regions` is not always a muscle: `text` says what else it can be, kindly."""

    regions: frozenset[str]
    text: str


class RegionCatalogue:
    """Regions, groups and links, with lookups by id for regions and groups alike."""

    def __init__(
        self,
        regions: Iterable[Region],
        groups: Iterable[RegionGroup] = (),
        links: Iterable[RegionLink] = (),
        notes: Iterable[RegionNote] = (),
    ) -> None:
        self.regions: dict[str, Region] = {r.id: r for r in regions}
        self.groups: dict[str, RegionGroup] = {g.id: g for g in groups}
        self.links: tuple[RegionLink, ...] = tuple(links)
        self.notes: tuple[RegionNote, ...] = tuple(notes)

    def knows(self, id_: str) -> bool:
        """Whether `id_` names a region or a group."""
        return id_ in self.regions or id_ in self.groups

    def expand(self, id_: str) -> frozenset[str]:
        """The region ids that `id_` covers (itself, for a region)."""
        if id_ in self.regions:
            return frozenset((id_,))
        group = self.groups.get(id_)
        return group.regions if group else frozenset()

    def expand_all(self, ids: Iterable[str]) -> frozenset[str]:
        """The region ids covered by any of `ids`."""
        out: set[str] = set()
        for id_ in ids:
            out |= self.expand(id_)
        return frozenset(out)

    def name(self, id_: str) -> str:
        """The display name of a region or group, or the id itself if unknown."""
        if id_ in self.regions:
            return self.regions[id_].name
        if id_ in self.groups:
            return self.groups[id_].name
        return id_

    def suggest(self, id_: str) -> str | None:
        """The closest known id to a misspelled one."""
        close = difflib.get_close_matches(id_, [*self.regions, *self.groups], n=1, cutoff=0.6)
        return close[0] if close else None

    def links_for(self, region_ids: Iterable[str]) -> list[RegionLink]:
        """Links whose painful side covers any of `region_ids`."""
        wanted = set(region_ids)
        return [link for link in self.links if self.expand(link.source) & wanted]

    def notes_for(self, region_ids: Iterable[str]) -> list[RegionNote]:
        """The notes about organs or nerves behind pain in any of `region_ids`, in file order."""
        wanted = self.expand_all(region_ids)
        return [note for note in self.notes if note.regions & wanted]


def load_catalogue(path: Path) -> RegionCatalogue:
    """Load and check the catalogue file; raise FileProblems listing everything wrong with it."""
    doc = read_toml(path, max_bytes=1024 * 1024)
    problems = check_table(doc, doc.data, CATALOGUE_FIELDS, ())
    if problems:
        raise FileProblems(problems)
    regions: list[Region] = []
    raw_groups: dict[str, tuple[str, list[str]]] = {}
    seen: set[str] = set()
    for i, table in enumerate(doc.data["regions"]):
        found = check_table(doc, table, REGION_FIELDS, ("regions", i))
        found += _check_id(doc, table, ("regions", i), seen)
        problems += found
        if not found:
            regions.append(
                Region(
                    table["id"],
                    table["name"],
                    table["view"],
                    table["side"],
                    table.get("spine", False),
                    table.get("muscles", ""),
                )
            )
    for i, table in enumerate(doc.data.get("groups", [])):
        found = check_table(doc, table, GROUP_FIELDS, ("groups", i))
        found += _check_id(doc, table, ("groups", i), seen)
        problems += found
        if not found:
            raw_groups[table["id"]] = (table["name"], table["members"])
    problems += _check_members(doc, seen, raw_groups)
    groups = [] if problems else _resolve_groups(doc, {r.id for r in regions}, raw_groups, problems)
    links: list[RegionLink] = []
    for i, table in enumerate(doc.data.get("links", [])):
        found = check_table(doc, table, LINK_FIELDS, ("links", i))
        for key in ("from", "to"):
            if not found and table[key] not in seen:
                found.append(doc.problem(("links", i, key), f"names unknown region {table[key]!r}"))
        problems += found
        if not found:
            links.append(RegionLink(table["from"], table["to"], table["reason"]))
    notes: list[RegionNote] = []
    for i, table in enumerate(doc.data.get("notes", [])):
        found = check_table(doc, table, NOTE_FIELDS, ("notes", i))
        if not found:
            for j, member in enumerate(table["regions"]):
                if member not in seen:
                    found.append(
                        doc.problem(("notes", i, "regions", j), f"names unknown region {member!r}")
                    )
        problems += found
        if not found and not problems:
            covered = frozenset(r for m in table["regions"] for r in _members(m, regions, groups))
            notes.append(RegionNote(covered, table["text"]))
    if problems:
        raise FileProblems(problems)
    return RegionCatalogue(regions, groups, links, notes)


def _members(id_: str, regions: list[Region], groups: list[RegionGroup]) -> frozenset[str]:
    if any(r.id == id_ for r in regions):
        return frozenset((id_,))
    return next((g.regions for g in groups if g.id == id_), frozenset())


def _check_id(
    doc: TomlDocument, table: dict[str, Any], where: tuple[str | int, ...], seen: set[str]
) -> list[Problem]:
    id_ = table.get("id")
    if not isinstance(id_, str):
        return []
    if not re.fullmatch(ID_PATTERN, id_):
        return [
            doc.problem((*where, "id"), f"must be lower-case letters, digits and _, got {id_!r}")
        ]
    if id_ in seen:
        return [doc.problem((*where, "id"), f"{id_!r} is used twice")]
    seen.add(id_)
    return []


def _check_members(
    doc: TomlDocument, known: set[str], groups: dict[str, tuple[str, list[str]]]
) -> list[Problem]:
    problems = []
    for i, table in enumerate(doc.data.get("groups", [])):
        if not isinstance(table, dict) or not isinstance(table.get("id"), str):
            continue  # its shape was already reported
        if groups.get(table["id"], ("", None))[1] is not table.get("members"):
            continue  # a duplicate id, reported where it is
        for j, member in enumerate(table["members"]):
            if member not in known:
                problems.append(
                    doc.problem(("groups", i, "members", j), f"names unknown region {member!r}")
                )
    return problems


def _resolve_groups(
    doc: TomlDocument,
    region_ids: set[str],
    raw: dict[str, tuple[str, list[str]]],
    problems: list[Problem],
) -> list[RegionGroup]:
    resolved: dict[str, frozenset[str]] = {}

    def resolve(gid: str, trail: tuple[str, ...]) -> frozenset[str]:
        if gid in resolved:
            return resolved[gid]
        if gid in trail:
            index = next(i for i, g in enumerate(doc.data["groups"]) if g.get("id") == gid)
            cycle = " -> ".join((*trail[trail.index(gid) :], gid))
            problems.append(doc.problem(("groups", index, "members"), f"form a cycle: {cycle}"))
            return frozenset()
        out: set[str] = set()
        for member in raw[gid][1]:
            out |= {member} if member in region_ids else resolve(member, (*trail, gid))
        resolved[gid] = frozenset(out)
        return resolved[gid]

    return [RegionGroup(gid, name, resolve(gid, ())) for gid, (name, _) in raw.items()]
