"""The built-in routines in sessions/: valid, documented, playable, well timed and safe.

The content is the product as much as the code, so these tests read the files the way a careful
physiotherapist would: the lengths the protocols call for, words that fit their steps, no tensing or
pressing of the spine, and cautions written for each routine rather than pasted from another.
"""

from __future__ import annotations

import itertools
import json
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.cli.main import run
from coach.core.body.regions import RegionCatalogue
from coach.core.playing.clock import ManualClock
from coach.core.playing.conductor import Conductor
from coach.core.playing.gentle import gentle_variant
from coach.core.playing.player import EventKind, Player, PlayerEvent, PlayerState
from coach.core.playing.speech_estimate import speaking_seconds
from coach.core.playing.timeline import Timeline
from coach.core.routines.routine import ROUTINE_KINDS, Routine, StepKind, format_duration
from tests.content.conftest import (
    ABDOMEN,
    EXPECTED_MINUTES,
    HIP_FLEXORS,
    IDS,
    MASSAGE_IDS,
    ROUTINES_DOC,
    SESSIONS,
    SLEEP,
)


def spine_ids(catalogue: RegionCatalogue) -> set[str]:
    return {id_ for id_, region in catalogue.regions.items() if region.spine}


def sentences(text: str) -> list[str]:
    """`text` cut into sentences, lower-cased with the final punctuation dropped."""
    parts = re.split(r"(?<=[.!?;:])\s+", text.strip())
    return [re.sub(r"[.!?;:]+$", "", part).strip().lower() for part in parts if part.strip()]


def shared_caution_sentences(one: Routine, other: Routine) -> set[str]:
    """The caution sentences two routines have word for word in common."""
    mine = {s for caution in one.cautions for s in sentences(caution)}
    theirs = {s for caution in other.cautions for s in sentences(caution)}
    return mine & theirs


def massage_runs(routine: Routine) -> list[tuple[int, int]]:
    """(first, last) step indices of each run of consecutive massage steps: one spot each."""
    runs: list[tuple[int, int]] = []
    for key, group in itertools.groupby(
        enumerate(routine.steps), key=lambda pair: pair[1].kind is StepKind.MASSAGE
    ):
        if key:
            indices = [i for i, _ in group]
            runs.append((indices[0], indices[-1]))
    return runs


def mentions(routine: Routine, *patterns: str) -> bool:
    """Whether one caution matches every regular expression in `patterns`."""
    return any(
        all(re.search(p, caution, re.IGNORECASE) for p in patterns) for caution in routine.cautions
    )


def play(routine: Routine, clock: ManualClock) -> list[PlayerEvent]:
    """Play `routine` from start to finish, waking exactly when the player asks to."""
    player = Player(Timeline.from_routine(routine), clock)
    events: list[PlayerEvent] = []
    player.subscribe(events.append)
    player.start()
    wakes = 0
    while player.state is PlayerState.PLAYING:
        wait = player.seconds_to_next_wake()
        assert wait is not None
        clock.advance(wait)
        player.tick()
        wakes += 1
        assert wakes < 100_000, "the player never finished"
    assert player.state is PlayerState.FINISHED
    return events


# -- the set of files ----------------------------------------------------------------------------


def test_sessions_folder_holds_exactly_the_expected_routines(routines: dict[str, Routine]) -> None:
    assert sorted(routines) == IDS
    for stem, routine in routines.items():
        assert routine.id == stem, "the id is the file name"


def test_the_validator_prints_no_errors_and_no_warnings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["sessions", "validate", str(SESSIONS)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == len(IDS)
    assert all(re.fullmatch(r".*\.toml: ok \(\d+ steps, [\d:]+\)", line) for line in lines), lines
    assert "warning" not in captured.out + captured.err


def test_loads_with_no_warnings(routine: Routine) -> None:
    assert routine.warnings == ()


def test_is_described_completely(routine: Routine, catalogue: RegionCatalogue) -> None:
    assert routine.kind in ROUTINE_KINDS
    assert routine.kind != "other"
    assert len(routine.summary) >= 60, "a sentence or two on what it is for"
    assert routine.targets, "targets name the areas it works on"
    assert all(catalogue.knows(t) for t in routine.targets)
    assert (routine.language, routine.author, routine.licence) == ("en", "Unknot", "CC-BY-4.0")
    if routine.kind == "massage":
        assert routine.equipment, "a massage routine says what it needs"
    assert routine.path is not None
    header = routine.path.read_text(encoding="utf-8").splitlines()[:3]
    assert all(line.startswith("#") for line in header), "a header comment names the source"


def test_is_listed_in_the_routines_doc_with_its_length(routine: Routine) -> None:
    doc = ROUTINES_DOC.read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith(f"| `{routine.id}` |")]
    assert len(rows) == 1, f"docs/routines.md has one table row for {routine.id}"
    assert format_duration(routine.duration) in rows[0]


# -- playing -------------------------------------------------------------------------------------


def test_plays_every_step_once_from_start_to_finish(routine: Routine) -> None:
    clock = ManualClock()
    begin = clock.monotonic()

    events = play(routine, clock)

    started = [e.index for e in events if e.kind is EventKind.STEP]
    assert started == list(range(len(routine.steps)))
    assert events[-1].kind is EventKind.FINISHED
    assert [e.kind for e in events].count(EventKind.FINISHED) == 1
    # steps too short for their words are played longer (the timeline's rule), never shorter
    played = Timeline.from_routine(routine).total
    assert played >= routine.duration
    assert clock.monotonic() - begin == pytest.approx(played)
    assert all(e.late == pytest.approx(0, abs=1e-6) for e in events), "no event fires late"


# -- timing --------------------------------------------------------------------------------------


def test_lasts_as_long_as_its_protocol_says(routine: Routine) -> None:
    low, high = EXPECTED_MINUTES[routine.id]
    minutes = routine.duration / 60
    assert low <= minutes <= high, f"{routine.id} lasts {format_duration(routine.duration)}"


def test_summary_gives_the_length(routine: Routine) -> None:
    stated = re.search(r"about (\d+) minutes", routine.summary, re.IGNORECASE)
    assert stated, "the summary says how long it takes"
    assert abs(int(stated.group(1)) - routine.duration / 60) <= 1


def test_every_step_can_be_said_within_its_time(routine: Routine) -> None:
    for step in routine.steps:
        if step.audio is None:
            assert speaking_seconds(step.spoken) <= step.duration, step.spoken


def test_massage_spots_last_30_to_120_s_with_placing_and_rest(routine: Routine) -> None:
    steps = routine.steps
    runs = massage_runs(routine)
    assert bool(runs) == (routine.kind == "massage")
    for n, (first, last) in enumerate(runs):
        spot = steps[first : last + 1]
        assert all(30 <= s.duration <= 120 for s in spot)
        assert 30 <= sum(s.duration for s in spot) <= 120, spot[0].text
        assert len({s.regions for s in spot}) == 1, "one spot, one set of regions"
        placing = steps[first - 1]
        assert placing.kind is StepKind.INSTRUCTION, f"spot {n + 1} starts by placing the ball"
        assert placing.regions == spot[0].regions, "skipped together with its spot"
        if n < len(runs) - 1:
            rest = steps[last + 1]
            assert rest.kind is StepKind.REST
            assert 10 <= rest.duration <= 20
            assert rest.regions == spot[0].regions, "skipped together with its spot"


def test_massage_routines_are_named_as_such(routine: Routine) -> None:
    assert (routine.kind == "massage") == (routine.id in MASSAGE_IDS)


def test_massage_routines_work_both_sides(massage: Routine, catalogue: RegionCatalogue) -> None:
    pressed = catalogue.expand_all(
        r for s in massage.steps if s.kind is StepKind.MASSAGE for r in s.regions
    )
    sides = {catalogue.regions[r].side for r in pressed}
    assert {"left", "right"} <= sides


def test_breathing_is_paced_in_and_out(routine: Routine) -> None:
    kinds = [s.kind for s in routine.steps]
    if routine.kind == "breathing":
        assert kinds.count(StepKind.BREATHE_IN) >= 20, "several minutes of paced breaths"
    for i, kind in enumerate(kinds):
        if kind is StepKind.BREATHE_IN:
            assert kinds[i + 1] is StepKind.BREATHE_OUT, "the pacer needs in, then out"
            breath_in, breath_out = routine.steps[i], routine.steps[i + 1]
            assert breath_out.duration > breath_in.duration, "a longer breath out calms"
        if kind is StepKind.BREATHE_OUT:
            assert kinds[i - 1] is StepKind.BREATHE_IN


def test_paced_breathing_is_4_in_6_out(routines: dict[str, Routine]) -> None:
    paced = routines["breathing-paced"]
    breaths = [s.duration for s in paced.steps if s.kind is StepKind.BREATHE_IN]
    outs = [s.duration for s in paced.steps if s.kind is StepKind.BREATHE_OUT]
    assert set(breaths) == {4}
    assert set(outs) == {6}


def test_sleep_wind_down_ends_quietly(routines: dict[str, Routine]) -> None:
    sleep = routines[SLEEP]
    assert sleep.end_cue in ("end-soft", "none")
    assert sleep.steps[-1].cue == "none"
    assert sleep.steps[-1].spoken == ""
    assert {StepKind.TENSE, StepKind.BREATHE_IN} <= {s.kind for s in sleep.steps}
    # no "halfway" sound either: a routine that ends softly stays soft
    timeline = Timeline.from_routine(sleep)
    half = timeline.total / 2
    midpoint = PlayerEvent(EventKind.SESSION_HALFWAY, timeline.index_at(half), half)
    assert Conductor(timeline).actions(midpoint) == []


# -- safety --------------------------------------------------------------------------------------


def test_never_presses_or_tenses_the_spine(routine: Routine, catalogue: RegionCatalogue) -> None:
    spine = spine_ids(catalogue)
    for step in routine.steps:
        if step.kind is StepKind.MASSAGE:
            assert not catalogue.expand_all(step.regions) & spine, step.text
        if step.kind in (StepKind.TENSE, StepKind.HOLD):
            assert not set(step.regions) & spine, step.text


def test_every_tensed_or_pressed_step_names_its_regions(routine: Routine) -> None:
    # without regions the gentle variant could not leave out a painful area
    for step in routine.steps:
        if step.kind in (StepKind.TENSE, StepKind.HOLD, StepKind.MASSAGE):
            assert step.regions, step.text


def test_gentle_variant_with_everything_painful_neither_tenses_nor_presses(
    routine: Routine, catalogue: RegionCatalogue
) -> None:
    everything = {id_: 10 for id_ in catalogue.regions}

    gentle = gentle_variant(routine, everything, catalogue)

    kinds = {s.kind for s in gentle.steps}
    assert not kinds & {StepKind.TENSE, StepKind.HOLD, StepKind.MASSAGE}
    assert gentle.steps


def test_has_four_to_eight_cautions(routine: Routine) -> None:
    assert 4 <= len(routine.cautions) <= 8
    assert len(set(routine.cautions)) == len(routine.cautions)
    assert all(20 <= len(c) <= 200 for c in routine.cautions), "one short, plain point each"


def too_similar(routines: dict[str, Routine]) -> list[tuple[str, str, set[str]]]:
    """Pairs of routines sharing more than two caution sentences word for word."""
    return [
        (a, b, shared)
        for a, b in itertools.combinations(sorted(routines), 2)
        if len(shared := shared_caution_sentences(routines[a], routines[b])) > 2
    ]


def test_cautions_are_written_for_each_routine(routines: dict[str, Routine]) -> None:
    assert too_similar(routines) == []


def test_the_similarity_check_catches_a_copied_block(routines: dict[str, Routine]) -> None:
    first, second = routines["pmr-16"], routines["massage-low-back"]
    copied = dict(routines)
    copied["massage-low-back"] = Routine(
        second.id, second.title, second.steps, kind=second.kind, cautions=first.cautions
    )
    assert [(a, b) for a, b, _ in too_similar(copied)] == [("massage-low-back", "pmr-16")]


CAUTION_CHECKS: list[tuple[str, Callable[[Routine], bool], tuple[str, ...]]] = [
    (
        "every routine says when to stop or get help",
        lambda r: True,
        (r"\b(stop|doctor|medical|urgent)",),
    ),
    (
        "routines that tense say not to tense an injured area",
        lambda r: any(s.kind is StepKind.TENSE for s in r.steps),
        (r"injur", r"tens"),
    ),
    (
        "massage routines mention blood thinners and bruising",
        lambda r: r.kind == "massage",
        (r"blood[- ]thinn", r"bruis"),
    ),
    (
        "ball routines that can be done lying on the ball warn about osteoporosis",
        lambda r: r.id in ("massage-low-back", "massage-mid-back"),
        (r"osteoporosis", r"blood[- ]thinn"),
    ),
    (
        "the low back massage keeps the pressure light over the kidneys",
        lambda r: r.id == "massage-low-back",
        (r"light", r"kidney"),
    ),
    (
        "the hip-flexor routine has the belly's cautions: an empty bladder first",
        lambda r: r.id == HIP_FLEXORS,
        (r"bladder",),
    ),
    (
        "the hip-flexor routine: new or severe belly pain, the appendix on the right",
        lambda r: r.id == HIP_FLEXORS,
        (r"new or severe", r"appendix", r"right", r"doctor"),
    ),
    (
        "the mid back routine names chest pain as an emergency",
        lambda r: r.id == "massage-mid-back",
        (r"chest pain", r"emergency"),
    ),
    ("the hip-flexor routine warns about the pulse", lambda r: r.id == HIP_FLEXORS, (r"pulse",)),
    ("the abdominal routine mentions pregnancy", lambda r: r.id == ABDOMEN, (r"pregnan",)),
    (
        "the abdominal routine names its own contraindications",
        lambda r: r.id == ABDOMEN,
        (r"hernia", r"surgery", r"aneurysm"),
    ),
    (
        "every routine says which sensations mean stop",
        lambda r: True,
        (r"sharp|spread|numb|tingl|nerve|dizz|light-headed",),
    ),
    (
        "massage routines on the back and limbs say what numbness or tingling means",
        lambda r: r.kind == "massage" and r.id != ABDOMEN,
        (r"numb|tingl",),
    ),
]


@pytest.mark.parametrize(
    ("applies", "patterns"),
    [(applies, patterns) for _, applies, patterns in CAUTION_CHECKS],
    ids=[name for name, _, _ in CAUTION_CHECKS],
)
def test_cautions_are_specific(
    routines: dict[str, Routine], applies: Callable[[Routine], bool], patterns: tuple[str, ...]
) -> None:
    concerned = [r for r in routines.values() if applies(r)]
    assert concerned
    assert [r.id for r in concerned if not mentions(r, *patterns)] == []


def test_nothing_promises_a_cure(routine: Routine) -> None:
    words = [routine.summary, *routine.cautions, *(s.text for s in routine.steps)]
    for text in words:
        for sentence in sentences(text):
            if re.search(r"\b(cures?|heals?|fix(es)?)\b", sentence):
                assert re.search(r"\b(not|no)\b", sentence), f"{routine.id}: {sentence}"


def test_massage_texts_set_the_pressure(massage: Routine) -> None:
    text = " ".join(s.text for s in massage.steps)
    if massage.id == ABDOMEN:
        # the belly gets a soft touch, never pressure to discomfort
        assert re.search(r"gentle|soft", text)
        assert "discomfort" not in text
    else:
        assert re.search(r"discomfort,? not pain", text, re.IGNORECASE)


def test_hip_flexor_and_abdomen_texts_warn_about_the_pulse_where_it_matters(
    routines: dict[str, Routine],
) -> None:
    for routine_id in (HIP_FLEXORS, ABDOMEN):
        text = " ".join(s.text for s in routines[routine_id].steps)
        assert "pulse" in text, f"{routine_id} says it in the steps, not only in the cautions"


def leaf_steps(entries: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The step tables of a session file as written, blocks opened up."""
    for entry in entries:
        if "steps" in entry:
            yield from leaf_steps(entry["steps"])
        else:
            yield entry


@pytest.mark.parametrize("path", sorted(SESSIONS.glob("*.toml")), ids=lambda p: p.stem)
def test_file_uses_repetition_not_copies(path: Path) -> None:
    # for_each, sides and repeat express the pattern; the same step written twice is a copy
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    written = [json.dumps(step, sort_keys=True) for step in leaf_steps(data["steps"])]
    assert len(written) == len(set(written)), f"{path.name} writes a step out twice"
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 160
