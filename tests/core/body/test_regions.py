"""The region catalogue: the real one is complete and consistent, lookups answer by region or
group id, and a broken catalogue file is rejected with located problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.body.regions import RegionCatalogue, load_catalogue
from coach.core.routines.problems import FileProblems, Problem

SPINE = {"cervical_spine", "thoracic_spine", "lumbar_spine", "sacrum"}


# -- the real catalogue ----------------------------------------------------------------------------


def test_catalogue_has_enough_regions_on_both_views(catalogue: RegionCatalogue):
    assert len(catalogue.regions) >= 60
    views = {r.view for r in catalogue.regions.values()}
    assert views == {"front", "back"}
    for view in views:
        assert sum(r.view == view for r in catalogue.regions.values()) >= 20, view


def test_ids_are_unique_across_regions_and_groups(catalogue):
    assert not set(catalogue.regions) & set(catalogue.groups)
    assert all(r.id == key for key, r in catalogue.regions.items())
    assert all(g.id == key for key, g in catalogue.groups.items())


def test_sided_regions_come_in_mirror_pairs(catalogue):
    for id_, region in catalogue.regions.items():
        for side, other in (("left", "right"), ("right", "left")):
            if id_.startswith(f"{side}_"):
                twin = catalogue.regions.get(f"{other}_{id_.removeprefix(f'{side}_')}")
                assert twin is not None, f"{id_} has no {other} mirror"
                assert twin.view == region.view, id_
                assert region.side == side, id_
                assert twin.side == other, id_
                assert twin.name == region.name.replace(side.title(), other.title()), id_
        if not id_.startswith(("left_", "right_")):
            assert region.side == "midline", id_


def test_sided_groups_come_in_mirror_pairs_too(catalogue):
    for id_, group in catalogue.groups.items():
        if id_.startswith("left_"):
            twin = catalogue.groups[id_.replace("left_", "right_", 1)]
            assert {r.replace("left_", "right_", 1) for r in group.regions} == twin.regions


def test_exactly_the_spine_regions_are_flagged(catalogue):
    assert {r.id for r in catalogue.regions.values() if r.spine} == SPINE
    assert catalogue.expand("spine") == SPINE
    assert all(catalogue.regions[r].side == "midline" for r in SPINE)


def test_muscle_groups_beside_the_spine_leave_it_out(catalogue):
    for group in ("lower_back", "mid_back", "upper_back", "neck_sides", "glutes"):
        assert not catalogue.expand(group) & SPINE, group
    for group in ("neck", "whole_back", "trunk"):
        assert catalogue.expand(group) & SPINE, group


def test_every_group_resolves_to_known_regions(catalogue):
    for id_, group in catalogue.groups.items():
        assert group.regions, f"{id_} is empty"
        assert group.regions <= set(catalogue.regions), id_
        assert catalogue.expand(id_) == group.regions


def test_link_endpoints_are_known_and_never_send_work_to_the_spine(catalogue):
    assert len(catalogue.links) >= 20
    for link in catalogue.links:
        assert catalogue.knows(link.source), link
        assert catalogue.knows(link.target), link
        assert link.reason.strip(), link
        # routines work the `to` side, so it must never cover the spine itself
        assert not catalogue.expand(link.target) & SPINE, link


# -- lookups ---------------------------------------------------------------------------------------


def test_knows_regions_and_groups(catalogue):
    assert catalogue.knows("left_calf")
    assert catalogue.knows("lower_back")
    assert catalogue.knows("lumbar_spine")
    assert not catalogue.knows("elbow")
    assert not catalogue.knows("")
    assert not catalogue.knows("Left_Calf")


def test_expand(catalogue):
    assert catalogue.expand("left_calf") == {"left_calf"}
    assert catalogue.expand("lower_back") == {"left_lower_back", "right_lower_back"}
    assert catalogue.expand("elbow") == frozenset()
    # groups of groups resolve all the way down to regions
    left_leg = catalogue.expand("left_leg")
    assert {"left_calf", "left_sole", "left_hamstring", "left_knee_front"} <= left_leg
    assert left_leg <= set(catalogue.regions)
    assert not any(r.startswith("right_") for r in left_leg)


def test_expand_all(catalogue):
    assert catalogue.expand_all([]) == frozenset()
    assert catalogue.expand_all(["lower_back", "left_glute", "nonsense"]) == {
        "left_lower_back",
        "right_lower_back",
        "left_glute",
    }
    assert catalogue.expand_all(["glutes", "left_glute"]) == {"left_glute", "right_glute"}


def test_name(catalogue):
    assert catalogue.name("left_calf") == catalogue.regions["left_calf"].name
    assert catalogue.name("lower_back") == "Lower back"
    assert catalogue.name("lumbar_spine") == "Lower spine (lumbar)"
    assert catalogue.name("no_such_place") == "no_such_place"


def test_suggest(catalogue):
    assert catalogue.suggest("lowerback") == "lower_back"
    assert catalogue.suggest("left_clf") == "left_calf"
    assert catalogue.suggest("glute") in {"glutes", "left_glute", "right_glute"}
    assert catalogue.suggest("qqqqqqqq") is None


def test_links_for_a_lower_back_region(catalogue):
    links = catalogue.links_for(["left_lower_back"])
    targets = {link.target for link in links}
    assert {"glutes", "hip_flexors", "abdomen"} <= targets
    assert all("left_lower_back" in catalogue.expand(link.source) for link in links)


def test_links_for_other_regions(catalogue):
    assert catalogue.links_for([]) == []
    sacrum = {link.target for link in catalogue.links_for(["sacrum"])}
    assert sacrum == {"glutes", "lower_back"}
    assert catalogue.links_for(["no_such_place"]) == []


def test_a_hand_built_catalogue_answers_the_same_way():
    from coach.core.body.regions import Region, RegionGroup, RegionLink

    catalogue = RegionCatalogue(
        [Region("left_calf", "Left calf", "back", "left")],
        [RegionGroup("calves", "Calves", frozenset({"left_calf"}))],
        [RegionLink("calves", "left_calf", "because")],
    )
    assert catalogue.knows("calves")
    assert catalogue.expand_all(["calves"]) == {"left_calf"}
    assert catalogue.name("calves") == "Calves"
    assert [link.reason for link in catalogue.links_for(["left_calf"])] == ["because"]


# -- broken catalogue files ------------------------------------------------------------------------

BASE = """\
format = 1

[[regions]]
id = "left_calf"
name = "Left calf"
view = "back"
side = "left"

[[regions]]
id = "right_calf"
name = "Right calf"
view = "back"
side = "right"

[[groups]]
id = "calves"
name = "Calves"
members = ["left_calf", "right_calf"]

[[links]]
from = "calves"
to = "left_calf"
reason = "Because."
"""


def problems_in(tmp_path: Path, body: str) -> list[Problem]:
    path = tmp_path / "regions.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(FileProblems) as info:
        load_catalogue(path)
    return info.value.problems


def test_the_base_catalogue_loads(tmp_path):
    path = tmp_path / "regions.toml"
    path.write_text(BASE, encoding="utf-8")
    catalogue = load_catalogue(path)
    assert set(catalogue.regions) == {"left_calf", "right_calf"}
    assert catalogue.expand("calves") == {"left_calf", "right_calf"}
    assert catalogue.regions["left_calf"].spine is False


def test_groups_may_name_groups_defined_later(tmp_path):
    body = BASE.replace('members = ["left_calf", "right_calf"]', 'members = ["lower_legs"]')
    body += '\n[[groups]]\nid = "lower_legs"\nname = "x"\nmembers = ["left_calf", "right_calf"]\n'
    path = tmp_path / "regions.toml"
    path.write_text(body, encoding="utf-8")
    assert load_catalogue(path).expand("calves") == {"left_calf", "right_calf"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            BASE
            + '\n[[regions]]\nid = "left_calf"\nname = "Again"\nview = "back"\nside = "left"\n',
            "regions.toml:26: regions[2].id 'left_calf' is used twice",
        ),
        (
            BASE.replace('id = "calves"', 'id = "left_calf"'),
            "regions.toml:16: groups[0].id 'left_calf' is used twice",
        ),
        (
            BASE.replace('["left_calf", "right_calf"]', '["left_calf", "left_shin"]'),
            "regions.toml:18: groups[0].members[1] names unknown region 'left_shin'",
        ),
        (
            BASE.replace('to = "left_calf"', 'to = "elbow"'),
            "regions.toml:22: links[0].to names unknown region 'elbow'",
        ),
        (
            BASE.replace('from = "calves"', 'from = "shins"'),
            "regions.toml:21: links[0].from names unknown region 'shins'",
        ),
        (
            BASE.replace('view = "back"\nside = "left"', 'view = "side"\nside = "left"'),
            "regions.toml:6: regions[0].view must be one of 'front', 'back', got 'side'",
        ),
        (
            BASE.replace('side = "right"', 'side = "middle"'),
            "regions.toml:13: regions[1].side must be one of 'left', 'right', 'midline'",
        ),
        (
            BASE.replace('id = "left_calf"', 'id = "Left-Calf"'),
            "regions.toml:4: regions[0].id must be lower-case letters, digits and _, got 'Left-Calf'",
        ),
        (
            BASE.replace('id = "calves"', 'id = "2calves"'),
            "regions.toml:16: groups[0].id must be lower-case letters, digits and _",
        ),
        (
            BASE.replace('name = "Left calf"\n', ""),
            "regions.toml:3: regions[0].name is required",
        ),
        (
            BASE.replace('side = "right"', 'side = "right"\nspine = "yes"'),
            "regions.toml:14: regions[1].spine must be true or false, got 'yes'",
        ),
        (
            BASE.replace('side = "right"', 'side = "right"\nmuscle = "soleus"'),
            'regions.toml:14: regions[1].muscle is not a known key (did you mean "muscles"?)',
        ),
        (
            BASE.replace('reason = "Because."', "reason = 3"),
            "regions.toml:23: links[0].reason must be text in quotes, got 3",
        ),
        (BASE.replace("format = 1", "format = 2"), "regions.toml:1: format must be one of 1"),
        ("format = 1\nregions = []\n", "regions.toml:2: regions must not be empty"),
        (BASE.replace('name = "Calves"', 'name = "Calves'), "regions.toml:17: is not valid TOML"),
    ],
    ids=[
        "duplicate region id",
        "group id clashes with a region",
        "unknown group member",
        "unknown link target",
        "unknown link source",
        "bad view",
        "bad side",
        "bad region id",
        "bad group id",
        "missing name",
        "spine not a boolean",
        "unknown key",
        "reason not text",
        "format 2",
        "no regions",
        "not toml",
    ],
)
def test_broken_catalogue_gives_located_problems(tmp_path, body, expected):
    messages = [str(p) for p in problems_in(tmp_path, body)]
    assert any(m.startswith(str(tmp_path / expected)) for m in messages), messages


def test_every_problem_of_a_catalogue_is_reported_at_once(tmp_path):
    body = BASE.replace('view = "back"\nside = "left"', 'view = "side"\nside = "left"').replace(
        'to = "left_calf"', 'to = "elbow"'
    )
    fields = {p.field for p in problems_in(tmp_path, body)}
    assert {"regions[0].view", "links[0].to"} <= fields


@pytest.mark.parametrize(
    ("groups", "cycle"),
    [
        ('[[groups]]\nid = "a"\nname = "A"\nmembers = ["a"]\n', "a -> a"),
        (
            '[[groups]]\nid = "a"\nname = "A"\nmembers = ["b"]\n\n'
            '[[groups]]\nid = "b"\nname = "B"\nmembers = ["left_calf", "a"]\n',
            "a -> b -> a",
        ),
    ],
    ids=["self", "two groups"],
)
def test_group_cycle_is_named(tmp_path, groups, cycle):
    body = BASE.split("[[groups]]")[0] + groups
    [problem] = problems_in(tmp_path, body)
    assert problem.file == tmp_path / "regions.toml"
    assert problem.message == f"form a cycle: {cycle}"


def test_group_cycle_names_a_line(tmp_path):
    body = BASE.split("[[groups]]")[0] + '[[groups]]\nid = "a"\nname = "A"\nmembers = ["a"]\n'
    [problem] = problems_in(tmp_path, body)
    assert problem.line in (15, 16, 18)  # the group's header, id or members


@pytest.mark.parametrize("id_line", ["", 'id = ["x"]\n'], ids=["missing id", "list id"])
def test_group_without_a_usable_id_is_a_problem_not_a_crash(tmp_path, id_line):
    body = BASE + f'\n[[groups]]\n{id_line}name = "X"\nmembers = ["left_calf"]\n'
    messages = [str(p) for p in problems_in(tmp_path, body)]
    assert any("groups[1].id" in m for m in messages), messages


def test_unknown_member_is_located_in_its_own_group_when_ids_clash(tmp_path):
    body = BASE.replace('["left_calf", "right_calf"]', '["zzz"]')
    body += '\n[[groups]]\nid = "calves"\nname = "Again"\nmembers = ["left_calf"]\n'
    fields = {p.field for p in problems_in(tmp_path, body)}
    assert "groups[0].members[0]" in fields, fields


# -- notes: what else pain in an area can be ---------------------------------------------------


def test_notes_name_regions_or_groups_and_are_found_for_marked_areas(tmp_path):
    body = BASE + '\n[[notes]]\nregions = ["calves"]\ntext = "Could be a clot."\n'
    path = tmp_path / "regions.toml"
    path.write_text(body, encoding="utf-8")

    catalogue = load_catalogue(path)

    [note] = catalogue.notes
    assert note.regions == {"left_calf", "right_calf"}
    assert catalogue.notes_for(["left_calf"]) == [note]
    assert catalogue.notes_for(["calves"]) == [note], "a group finds the notes of its regions"
    assert catalogue.notes_for([]) == []


def test_a_note_about_an_unknown_region_is_located(tmp_path):
    body = BASE + '\n[[notes]]\nregions = ["left_calf", "left_claf"]\ntext = "x"\n'

    [problem] = problems_in(tmp_path, body)

    assert problem.field == "notes[0].regions[1]"
    assert "left_claf" in problem.message


def test_a_note_without_text_is_a_problem(tmp_path):
    body = BASE + '\n[[notes]]\nregions = ["left_calf"]\n'

    [problem] = problems_in(tmp_path, body)

    assert problem.field == "notes[0].text"


def test_the_real_catalogue_explains_the_organs_behind_one_sided_pain(catalogue):
    def notes(region: str) -> str:
        return " ".join(n.text for n in catalogue.notes_for([region])).lower()

    for side in ("left", "right"):
        kidney = notes(f"{side}_lower_back")
        assert "kidney" in kidney
        assert "fever" in kidney
        assert "pee" in kidney
        belly = notes(f"{side}_lower_abdomen")
        for organ in ("appendix", "bowel", "ovary"):
            assert organ in belly
        assert "doctor" in belly
        assert "nerve" in notes(f"{side}_hamstring")
        assert "clot" in notes(f"{side}_calf")
    assert notes("left_upper_arm_front") == "", "no note where there is nothing to say"


def test_teres_major_is_not_called_a_rotator_cuff_muscle(catalogue):
    for region in catalogue.regions.values():
        cuff = region.muscles.split("(rotator cuff)")[0].rsplit(";", 1)[-1]
        assert "teres major" not in cuff, region.id
