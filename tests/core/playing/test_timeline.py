"""The timeline as played: steps fitted to their real narration, for any routine."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.playing.conductor import Conductor, PlayCue
from coach.core.playing.player import EventKind, PlayerEvent
from coach.core.playing.timeline import AFTER_WORDS, SPEECH_LEAD, TENSE_HOLD, Timeline
from coach.core.routines.cues import BuiltinCue
from coach.core.routines.routine import Step, StepKind
from coach.core.routines.session_file import load_routine
from tests.conftest import write_session


def words(seconds: dict[str, float]):
    return lambda text: seconds[text]


def test_a_tense_step_holds_5_s_after_its_words_end() -> None:
    steps = [
        Step("Make a fist. Notice the tension.", 7, StepKind.TENSE, cue=BuiltinCue.TENSE),
        Step("Let go.", 30, StepKind.RELEASE, cue=BuiltinCue.RELEASE),
    ]
    timeline = Timeline(steps, narration=words({steps[0].text: 4.0, "Let go.": 1.0}))

    tense, release = timeline.steps
    assert tense.step.duration == pytest.approx(SPEECH_LEAD + 4.0 + TENSE_HOLD, abs=0.1)
    assert tense.end - tense.speech_end >= TENSE_HOLD
    assert tense.written == 7
    assert release.step.duration == 30
    assert not release.stretched, "long enough already: never shortened or changed"
    assert release.offset == tense.end


def test_words_never_run_past_a_step_and_a_step_is_never_shortened() -> None:
    steps = [
        Step("A long instruction.", 3, cue=BuiltinCue.STEP),
        Step("Quiet.", 20, cue=BuiltinCue.NONE),
        Step("", 5, say=""),
    ]
    timeline = Timeline(steps, narration=words({"A long instruction.": 6.2, "Quiet.": 1.0}))

    for placed in timeline.steps:
        assert placed.step.duration >= steps[placed.index].duration
        assert placed.speech_end + AFTER_WORDS <= placed.end + 1e-9
    assert timeline.steps[1].speech_start == timeline.steps[1].offset, "no cue: words at once"
    assert timeline.written_total == 28
    assert timeline.total == pytest.approx(28 + (SPEECH_LEAD + 6.2 + AFTER_WORDS - 3), abs=0.1)


def test_a_slower_voice_makes_the_routine_longer_never_cuts_words() -> None:
    step = Step("Tighten your thighs, about half your strength.", 7, StepKind.TENSE)
    normal = Timeline([step], narration=lambda text: 3.0)
    slow = Timeline([step], narration=lambda text: 3.0 / 0.7)

    assert slow.total > normal.total
    for timeline in (normal, slow):
        placed = timeline.steps[0]
        assert placed.end - placed.speech_end >= TENSE_HOLD


def test_a_routine_someone_wrote_is_fitted_by_the_same_rule(tmp_path: Path, catalogue) -> None:
    path = write_session(
        tmp_path,
        "mine.toml",
        """\
format = 1
title = "Mine"

[[steps]]
text = "Squeeze your shoulders up toward your ears, slowly, and keep breathing."
kind = "tense"
duration = 3

[[steps]]
text = "And drop them."
kind = "release"
duration = 10
""",
    )
    routine = load_routine(path, catalogue)

    timeline = Timeline.from_routine(routine)  # the estimate when no voice says otherwise

    tense = timeline.steps[0]
    assert tense.stretched
    assert tense.end - tense.speech_end >= TENSE_HOLD - 1e-9
    assert timeline.total > routine.duration


def test_a_recorded_clip_is_timed_by_its_own_length(tmp_path: Path) -> None:
    import numpy as np

    from coach.core.playing.narration import write_wav

    clip = tmp_path / "me.wav"
    write_wav(clip, np.zeros(22_050 * 6, np.int16), 22_050)
    timeline = Timeline([Step("Listen.", 4, audio=clip)], narration=lambda text: 0.5)

    assert timeline.steps[0].speech == pytest.approx(6.0)
    assert timeline.steps[0].step.duration >= 6.0 + SPEECH_LEAD


def test_the_halfway_cue_never_plays_over_words() -> None:
    steps = [Step("One.", 10), Step("A long talk in the middle.", 10), Step("Three.", 10)]
    speaking = Timeline(
        steps, narration=words({"One.": 1, "A long talk in the middle.": 8, "Three.": 1})
    )
    quiet = Timeline(
        steps, narration=words({"One.": 1, "A long talk in the middle.": 2, "Three.": 1})
    )

    def halfway(timeline: Timeline) -> PlayerEvent:
        return PlayerEvent(EventKind.SESSION_HALFWAY, 1, timeline.total / 2)

    assert speaking.speaking_at(15)
    assert Conductor(speaking).actions(halfway(speaking)) == []
    assert Conductor(quiet).actions(halfway(quiet)) == [PlayCue(BuiltinCue.HALFWAY)]


def test_a_routine_that_ends_softly_has_no_halfway_chime() -> None:
    steps = [Step("One.", 10), Step("Two.", 10), Step("Three.", 10)]
    timeline = Timeline(steps, end_cue=BuiltinCue.END_SOFT, narration=lambda text: 1.0)

    assert not timeline.speaking_at(15)
    event = PlayerEvent(EventKind.SESSION_HALFWAY, 1, 15.0)
    assert Conductor(timeline).actions(event) == []
