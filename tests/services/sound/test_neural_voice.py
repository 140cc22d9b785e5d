"""The neural voice: rendering ahead in a worker, the disk cache, playing as clips, cutting off."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from coach.core.playing.narration import NarrationCache
from coach.services.sound.neural_voice import NeuralVoice
from coach.services.sound.piper_engine import speed_for_rate
from tests.services.fake_voice import SECONDS_PER_WORD, FakeEngine


class Clip:
    def __init__(self) -> None:
        self.playing = True
        self.problem = ""

    def is_playing(self) -> bool:
        return self.playing

    def stop(self) -> None:
        self.playing = False


class Audio:
    """Notes the clips it is asked to play (the real output is tested through ALSA)."""

    def __init__(self) -> None:
        self.played: list[tuple[Path, float]] = []
        self.clips: list[Clip] = []

    def play_clip(self, path: Path, volume: float | None = None) -> Clip:
        self.played.append((Path(path), volume or 0.0))
        self.clips.append(Clip())
        return self.clips[-1]


@pytest.fixture
def cache(tmp_path: Path) -> NarrationCache:
    return NarrationCache(tmp_path / "narration")


@pytest.fixture
def make_voice(qtbot, cache):
    made: list[NeuralVoice] = []

    def make(engine: FakeEngine | None = None, audio: Audio | None = None) -> NeuralVoice:
        voice = NeuralVoice(audio or Audio(), cache, engine or FakeEngine())
        voice.start()
        made.append(voice)
        return voice

    yield make
    for voice in made:
        voice.close()
    assert not [t for t in threading.enumerate() if t.name == "unknot-narration"]


def test_prepare_renders_in_a_worker_in_order_and_says_when_all_are_ready(qtbot, make_voice):
    engine = FakeEngine()
    voice = make_voice(engine)
    texts = ["Make a fist.", "Hold it, and notice the tension.", "And let go."]

    with qtbot.waitSignal(voice.prepared, timeout=5000):
        voice.prepare(texts)

    assert [text for text, _ in engine.rendered] == texts
    assert engine.threads == {"unknot-narration"}, "never on the UI thread"
    assert all(voice.is_ready(text) for text in texts)
    assert voice.seconds("Make a fist.") == pytest.approx(
        3 * SECONDS_PER_WORD / voice.speed, abs=0.01
    )
    assert voice.pending() == 0


def test_a_routine_played_twice_is_read_from_the_disk_cache(qtbot, make_voice, cache):
    first = FakeEngine()
    voice = make_voice(first)
    with qtbot.waitSignal(voice.prepared, timeout=5000):
        voice.prepare(["Settle in.", "Breathe out."])
    assert len(first.rendered) == 2
    assert len(list(cache.folder.glob("*.wav"))) == 2

    second = FakeEngine()  # a new run of the app: nothing in memory
    again = make_voice(second)
    with qtbot.waitSignal(again.prepared, timeout=5000):
        again.prepare(["Settle in.", "Breathe out."])

    assert second.rendered == [], "cache hits: nothing rendered again"
    assert again.seconds("Settle in.") == voice.seconds("Settle in.")


def test_the_cache_is_keyed_by_rate_so_a_slower_voice_is_rendered_and_longer(qtbot, make_voice):
    engine = FakeEngine()
    voice = make_voice(engine)
    with qtbot.waitSignal(voice.prepared, timeout=5000):
        voice.prepare(["Let your shoulders drop."])
    normal = voice.seconds("Let your shoulders drop.")

    voice.rate = -1.0
    assert not voice.is_ready("Let your shoulders drop.")
    with qtbot.waitSignal(voice.prepared, timeout=5000):
        voice.prepare(["Let your shoulders drop."])

    slow = voice.seconds("Let your shoulders drop.")
    assert slow is not None
    assert normal is not None
    assert slow > normal * 1.3
    assert [speed for _, speed in engine.rendered] == [speed_for_rate(0.0), speed_for_rate(-1.0)]


def test_say_plays_the_rendered_clip_through_the_audio_path_at_the_voice_volume(qtbot, make_voice):
    audio = Audio()
    voice = make_voice(audio=audio)
    voice.volume = 0.6
    with qtbot.waitSignal(voice.prepared, timeout=5000):
        voice.prepare(["Notice the difference."])

    voice.say("Notice the difference.")

    assert len(audio.played) == 1
    path, volume = audio.played[0]
    assert path.is_file()
    assert volume == pytest.approx(0.6)
    assert voice.is_speaking()
    with qtbot.waitSignal(voice.finished, timeout=2000):
        audio.clips[0].playing = False  # the clip ends
    assert not voice.is_speaking()


def test_words_said_before_they_are_rendered_play_as_soon_as_they_are(qtbot, make_voice):
    engine, audio = FakeEngine(), Audio()
    engine.gate.clear()
    voice = make_voice(engine, audio)

    voice.say("Breathe in slowly.")
    assert voice.is_speaking()
    assert audio.played == []
    with qtbot.waitSignal(voice.ready, timeout=5000):
        engine.gate.set()

    assert len(audio.played) == 1


def test_a_new_step_cuts_the_old_words_and_stop_forgets_waiting_ones(qtbot, make_voice):
    engine, audio = FakeEngine(), Audio()
    voice = make_voice(engine, audio)
    with qtbot.waitSignal(voice.prepared, timeout=5000):
        voice.prepare(["One.", "Two."])

    voice.say("One.")
    voice.say("Two.")
    assert [clip.playing for clip in audio.clips] == [False, True]

    engine.gate.clear()
    voice.say("Three, not rendered yet.")
    assert not audio.clips[1].playing
    voice.stop()
    with qtbot.waitSignal(voice.ready, timeout=5000):
        engine.gate.set()
    assert len(audio.played) == 2, "cut off before it was ready: never played late"


def test_muted_or_blank_says_nothing(qtbot, make_voice):
    audio = Audio()
    voice = make_voice(audio=audio)
    voice.muted = True
    voice.say("Hello.")
    voice.muted = False
    voice.say("   ")
    assert audio.played == []
    assert not voice.is_speaking()


def test_a_failed_rendering_is_reported_and_the_rest_go_on(qtbot, make_voice):
    voice = make_voice(FakeEngine(fail_on="broken"))
    with qtbot.waitSignal(voice.prepared, timeout=5000):
        voice.prepare(["A broken sentence.", "A good one."])

    assert voice.is_ready("A broken sentence."), "never waited for: it is shown, not said"
    assert voice.is_ready("A good one.")
    assert "could not say" in voice.notice
    # the timeline still has a length for it: the estimate
    assert voice.narration_seconds("A broken sentence.") > 0


def test_opening_another_routine_renders_its_words_first(qtbot, make_voice):
    engine = FakeEngine()
    engine.gate.clear()
    voice = make_voice(engine)
    voice.prepare(["First routine, one.", "First routine, two.", "First routine, three."])
    voice.say("Said now.")  # urgent: kept whatever is opened next

    voice.prepare(["Second routine."])
    with qtbot.waitSignal(voice.prepared, timeout=5000):
        engine.gate.set()

    rendered = [text for text, _ in engine.rendered]
    # the one already rendering when the second routine opened may finish; the rest are dropped
    assert rendered[-2:] == ["Said now.", "Second routine."]
    assert "First routine, three." not in rendered
    assert voice.pending() == 0


def test_nothing_is_waited_for_when_the_voice_cannot_speak(qtbot, cache):
    voice = NeuralVoice(Audio(), cache, FakeEngine())
    voice.start(language="de")  # the built-in voice speaks English only

    assert not voice.available
    assert "English only" in voice.notice
    assert voice.is_ready("Atme ruhig ein.")
    voice.close()
