"""Which voice narrates: the engine chosen in Settings, or the next best, and what the person reads."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from coach.services.sound.narration import NarrationVoice
from coach.services.sound.speech import SpeechService


class FakeVoice:
    """A voice that notes what it was asked to say (the built-in voice's interface)."""

    def __init__(self, available: bool = True) -> None:
        self.available = available
        self.said: list[str] = []
        self.stops = 0

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1


@pytest.fixture
def system(qtbot: QtBot):
    service = SpeechService()
    service.start("mock")
    qtbot.waitUntil(lambda: not service.opening, timeout=15000)
    yield service
    service.close()


def test_the_built_in_voice_speaks_by_default(qtbot: QtBot, system: SpeechService) -> None:
    builtin = FakeVoice()
    narration = NarrationVoice("builtin", system=system, builtin=builtin)

    narration.say("Let go.")

    assert builtin.said == ["Let go."]
    assert not system.is_speaking()
    assert narration.notice == ""
    assert not narration.needs_system_voice(), "speech-dispatcher is not even started"


def test_the_system_voice_when_chosen(qtbot: QtBot, system: SpeechService) -> None:
    builtin = FakeVoice()
    narration = NarrationVoice("system", system=system, builtin=builtin)

    with qtbot.waitSignal(system.finished, timeout=5000):
        narration.say("Let go.")

    assert builtin.said == []
    assert narration.notice == ""
    narration.stop()
    assert builtin.stops == 1, "a switch never leaves the other voice talking"


def test_without_the_built_in_voice_the_system_voice_stands_in(
    qtbot: QtBot, system: SpeechService
) -> None:
    narration = NarrationVoice("builtin", system=system, builtin=None)

    assert narration.needs_system_voice()
    assert narration.current() is system
    assert narration.notice == (
        "The built-in voice is not installed here. The system voice speaks instead."
    )


def test_with_no_voice_at_all_the_guidance_is_on_screen(qtbot: QtBot) -> None:
    silent = SpeechService()
    silent.notice = "The system voice is not answering; the guidance is shown on screen."
    narration = NarrationVoice("system", system=silent, builtin=FakeVoice(available=False))

    narration.say("Let go.")  # nothing, and nothing raised

    assert not narration.available
    assert narration.notice == silent.notice


def test_a_dead_system_voice_falls_back_to_the_built_in_one(qtbot: QtBot) -> None:
    silent = SpeechService()  # never started: not available
    builtin = FakeVoice()
    narration = NarrationVoice("system", system=silent, builtin=builtin)

    narration.say("Breathe in.")

    assert builtin.said == ["Breathe in."]
    assert narration.available


def test_choosing_the_system_voice_starts_it(qtbot: QtBot) -> None:
    system = SpeechService()
    narration = NarrationVoice("builtin", system=system, builtin=FakeVoice())
    assert not system.opening

    with qtbot.waitSignal(narration.status_changed):
        narration.set_engine("system")

    assert system.opening, "started in its own process, without waiting for it"
    system.close()
    with pytest.raises(ValueError, match="unknown voice engine"):
        narration.set_engine("espeak")


def test_before_either_voice_starts_one_notice_is_shown(qtbot: QtBot) -> None:
    builtin = FakeVoice(available=False)
    builtin.notice = "The voice has not started yet."  # type: ignore[attr-defined]
    system = SpeechService()  # never started: nothing to say about it yet

    narration = NarrationVoice("builtin", system=system, builtin=builtin)

    assert narration.notice == "The voice has not started yet."


class RenderingVoice(FakeVoice):
    """A built-in voice that notes what it was asked to render ahead."""

    def __init__(self) -> None:
        super().__init__()
        self.prepared: list[list[str]] = []

    def prepare(self, texts: list[str]) -> None:
        self.prepared.append(list(texts))


def test_when_the_system_voice_dies_the_built_in_one_renders_what_comes_next(
    qtbot: QtBot, system: SpeechService
) -> None:
    builtin = RenderingVoice()
    narration = NarrationVoice("system", system=system, builtin=builtin)
    narration.prepare(["Welcome.", "Tense your hands.", "Let go.", "Rest."])
    assert builtin.prepared == [], "the system voice speaks: nothing to render yet"
    narration.say("Tense your hands.")

    process = system._process  # the helper process dies, as a crashed speech daemon would
    assert process is not None
    with qtbot.waitSignal(narration.status_changed, timeout=5000):
        process.kill()
    qtbot.waitUntil(lambda: not system.available, timeout=5000)

    assert builtin.prepared == [["Let go.", "Rest.", "Welcome.", "Tense your hands."]]
    narration.say("Let go.")
    assert builtin.said == ["Let go."]
