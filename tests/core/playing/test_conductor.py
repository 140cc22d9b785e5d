"""What the person hears on each event of a routine played on a manual clock."""

from __future__ import annotations

from pathlib import Path

from coach.core.playing.clock import ManualClock
from coach.core.playing.conductor import Conductor, PlayClip, PlayCue, Speak, StopVoice
from coach.core.playing.player import Player, PlayerState
from coach.core.playing.timeline import Timeline
from coach.core.routines.cues import BuiltinCue
from coach.core.routines.routine import Step, StepKind


def timeline(end_cue: BuiltinCue = BuiltinCue.END) -> Timeline:
    return Timeline(
        [
            Step("Settle in.", 10, StepKind.INSTRUCTION, cue=BuiltinCue.STEP),
            Step("Make a fist.", 7, StepKind.TENSE, cue=BuiltinCue.TENSE),
            Step("And let go.", 30, StepKind.RELEASE, cue=BuiltinCue.RELEASE),
            Step("Quiet.", 5, StepKind.REST, say="", cue=BuiltinCue.NONE),
            Step(
                "Recorded.",
                8,
                StepKind.INSTRUCTION,
                cue=BuiltinCue.STEP,
                audio=Path("/clips/x.wav"),
            ),
        ],
        end_cue,
    )


def heard(end_cue: BuiltinCue = BuiltinCue.END):
    clock = ManualClock()
    line = timeline(end_cue)
    conductor = Conductor(line)
    player = Player(line, clock)
    sounds = []
    player.subscribe(lambda e: sounds.extend(conductor.actions(e)))
    player.start()
    while player.state is PlayerState.PLAYING:
        clock.advance(player.seconds_to_next_wake())
        player.tick()
    return sounds


def test_each_step_cuts_the_voice_then_cues_then_speaks():
    assert heard() == [
        StopVoice(), PlayCue(BuiltinCue.STEP), Speak("Settle in."),
        StopVoice(), PlayCue(BuiltinCue.TENSE), Speak("Make a fist."),
        StopVoice(), PlayCue(BuiltinCue.RELEASE), Speak("And let go."),
        PlayCue(BuiltinCue.HALFWAY),  # the session's middle falls inside the release
        StopVoice(),  # a silent step with no cue: only the voice is cut
        StopVoice(), PlayCue(BuiltinCue.STEP), PlayClip(Path("/clips/x.wav")),
        StopVoice(), PlayCue(BuiltinCue.END),
    ]  # fmt: skip


def test_a_bedtime_routine_ends_without_a_chime():
    assert heard(BuiltinCue.NONE)[-1] == StopVoice()
    assert heard(BuiltinCue.END_SOFT)[-1] == PlayCue(BuiltinCue.END_SOFT)


def test_pause_cuts_the_voice_and_resume_repeats_the_step_if_it_fits():
    clock = ManualClock()
    line = timeline()
    conductor = Conductor(line)
    player = Player(line, clock)
    player.start()
    player.next()
    player.next()  # the 30 s release
    clock.advance(5)
    player.tick()
    assert [conductor.actions(e) for e in player.pause()] == [[StopVoice()]]
    resumed = player.resume()
    assert conductor.actions(resumed[0]) == [Speak("And let go.")]
    for _ in range(24):  # until one second is left: too short to say it again
        clock.advance(1)
        player.tick()
    player.pause()
    assert conductor.actions(player.resume()[0]) == []


def test_the_halfway_chime_is_skipped_when_it_falls_on_a_step_start():
    line = Timeline([Step("a", 10), Step("b", 10)])
    clock = ManualClock()
    conductor = Conductor(line)
    player = Player(line, clock)
    sounds = [a for e in player.start() for a in conductor.actions(e)]
    clock.advance(10)
    sounds += [a for e in player.tick() for a in conductor.actions(e)]
    assert PlayCue(BuiltinCue.HALFWAY) not in sounds
