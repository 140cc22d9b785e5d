"""The speech service on Qt's own "mock" text-to-speech engine, without any engine, and with a
speech daemon that is wedged.

The engine runs in the service's helper process (coach.services.sound.speech_host), as in the app.
The test machines have no working speech daemon (and no sound card), so most tests use the mock
engine that ships in the PySide6 wheel (plugins/texttospeech/libqtexttospeech_mock.so): a real Qt
engine that simulates speaking word by word, with real state changes and timing, but makes no
sound.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from pytestqt.qtbot import QtBot

from coach.services.sound.speech import SpeechService
from tests.fake_speechd import wedged_speechd

SHORT = "Let go."
LONG = (
    "Now let your shoulders drop, and feel the weight of your arms, heavy and warm, sinking down."
)


@pytest.fixture
def speech(qtbot: QtBot):
    service = SpeechService()
    service.start("mock")
    qtbot.waitUntil(lambda: not service.opening, timeout=15000)
    assert service.available, service.notice
    yield service
    service.close()


def engine_settings(qtbot: QtBot, speech: SpeechService) -> tuple[str, float, float]:
    """The voice, rate and volume the engine in the helper process really uses."""
    speech.query()
    qtbot.waitUntil(lambda: speech.settings_reply is not None, timeout=3000)
    reply = speech.settings_reply
    assert reply is not None
    return reply["voice"], reply["rate"], reply["volume"]


def test_the_mock_engine_is_available_with_its_voices(speech: SpeechService) -> None:
    assert speech.available
    assert speech.engine == "mock"
    assert speech.notice == ""
    assert speech.voices() == ["Bob", "Anne"]
    assert speech.voice == "Bob"


def test_say_speaks_then_finishes(qtbot: QtBot, speech: SpeechService) -> None:
    with qtbot.waitSignal(speech.finished, timeout=5000):
        speech.say(SHORT)
        assert speech.is_speaking()

    assert not speech.is_speaking()


def test_a_new_sentence_cuts_the_old_one_and_only_the_new_one_finishes(
    qtbot: QtBot, speech: SpeechService
) -> None:
    finished: list[None] = []
    speech.finished.connect(lambda: finished.append(None))
    speech.say(LONG)

    with qtbot.waitSignal(speech.finished, timeout=5000):
        speech.say(SHORT)

    assert len(finished) == 1, "the cut sentence is not reported as finished"
    assert not speech.is_speaking()


def test_stop_cuts_off_and_reports_finished(qtbot: QtBot, speech: SpeechService) -> None:
    speech.say(LONG)

    with qtbot.waitSignal(speech.finished, timeout=1000):
        speech.stop()

    assert not speech.is_speaking()
    with qtbot.assertNotEmitted(speech.finished):
        speech.stop()  # nothing to stop: no second report


def test_voice_rate_and_volume_reach_the_engine(qtbot: QtBot, speech: SpeechService) -> None:
    assert speech.set_voice("Anne") is True
    assert speech.set_voice("Nobody") is False
    speech.rate = -0.4
    speech.volume = 0.3

    voice, rate, volume = engine_settings(qtbot, speech)
    assert (speech.voice, voice) == ("Anne", "Anne")
    assert rate == pytest.approx(-0.4)
    assert volume == pytest.approx(0.3)


def test_rate_and_volume_are_kept_in_range(speech: SpeechService) -> None:
    speech.rate = 3
    speech.volume = -2

    assert (speech.rate, speech.volume) == (1.0, 0.0)


def test_settings_made_before_start_apply_when_it_starts(qtbot: QtBot) -> None:
    speech = SpeechService()
    speech.set_voice("Anne")
    speech.rate = 0.5
    speech.volume = 0.25

    speech.start("mock")

    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)

    assert engine_settings(qtbot, speech) == ("Anne", 0.5, 0.25)
    assert speech.voice == "Anne"
    speech.close()


def test_muted_says_nothing_and_stops_what_is_said(qtbot: QtBot, speech: SpeechService) -> None:
    speech.say(LONG)

    with qtbot.waitSignal(speech.finished, timeout=1000):
        speech.muted = True

    speech.say(SHORT)
    assert not speech.is_speaking()


def test_empty_text_is_not_spoken(speech: SpeechService) -> None:
    speech.say("   ")
    assert not speech.is_speaking()


def test_an_engine_that_stops_answering_mid_sentence_is_let_go_with_a_notice(
    qtbot: QtBot, speech: SpeechService
) -> None:
    speech.MIN_STALL_SECONDS = 0.05  # as if the engine took far too long
    speech.STALL_FACTOR = 0.0

    with qtbot.waitSignal(speech.finished, timeout=2000):
        speech.say(LONG)

    assert not speech.is_speaking()
    assert speech.notice == "The system voice is not answering; the guidance is shown on screen."
    assert not speech.available, "the next sentences do not wait on it"


def test_an_engine_that_does_not_exist_leaves_a_silent_service_with_a_notice(
    qtbot: QtBot,
) -> None:
    speech = SpeechService()

    speech.start("no-such-engine")

    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)

    assert not speech.available
    assert speech.notice.startswith("No speech engine found: the engine “no-such-engine”")
    assert "is shown on screen" in speech.notice
    speech.say(SHORT)
    assert not speech.is_speaking()
    assert speech.voices() == []
    assert speech.voice == ""
    assert speech.set_voice("Bob") is False
    speech.rate = 0.5  # remembered, harmless
    speech.stop()


# -- a speech daemon that never answers, and none at all ------------------------------------------


class Heartbeat:
    """A 20 ms timer on the test's event loop: the longest gap between beats is how long the
    loop (the window, the player) was blocked."""

    def __init__(self, qtbot: QtBot) -> None:
        from PySide6.QtCore import QTimer

        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(lambda: self.beats.append(time.monotonic()))
        self.timer.start()

    def longest_gap(self) -> float:
        self.timer.stop()
        return max(b - a for a, b in zip(self.beats, self.beats[1:], strict=False))


def test_a_wedged_speech_daemon_is_reported_and_never_blocks(
    qtbot: QtBot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with wedged_speechd(tmp_path / "speechd") as address:
        monkeypatch.setenv("SPEECHD_ADDRESS", address)
        speech = SpeechService()
        heartbeat = Heartbeat(qtbot)
        began = time.monotonic()
        speech.start("speechd")
        assert time.monotonic() - began < 0.2, "start returns at once"
        assert speech.opening
        qtbot.waitUntil(lambda: not speech.opening, timeout=15000)
        reported_after = time.monotonic() - began
        speech.say("Let go.")  # nothing to say it with: a no-op, at once
        speech.stop()
        speech.close()
        gap = heartbeat.longest_gap()

    assert not speech.available
    assert speech.notice == ("The system voice is not answering; the guidance is shown on screen.")
    assert gap < 0.25, f"the event loop was blocked for {gap:.3f} s"
    # the helper's start (Python and Qt: about 0.5 s here, more on a busy machine) plus 1 s
    assert reported_after < 6.0, reported_after


def test_the_fallback_is_named_in_the_notice(
    qtbot: QtBot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with wedged_speechd(tmp_path / "speechd") as address:
        monkeypatch.setenv("SPEECHD_ADDRESS", address)
        speech = SpeechService(fallback="the built-in voice speaks instead")
        speech.start("speechd")
        qtbot.waitUntil(lambda: not speech.opening, timeout=15000)
        speech.close()

    assert speech.notice == "The system voice is not answering; the built-in voice speaks instead."


def test_no_speech_daemon_leaves_a_silent_service_with_a_notice(
    qtbot: QtBot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'none' / 'speechd.sock'}")
    speech = SpeechService()

    speech.start("speechd")

    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)

    assert not speech.available
    assert speech.notice.startswith("No speech engine found: ")
    speech.close()


def test_an_engine_that_hangs_mid_session_is_let_go_within_a_second(
    qtbot: QtBot, speech: SpeechService
) -> None:
    """The helper freezes (as libspeechd does inside a call): it is killed, the loop runs on."""
    process = speech._process
    assert process is not None
    os.kill(process.processId(), signal.SIGSTOP)
    heartbeat = Heartbeat(qtbot)
    began = time.monotonic()

    with qtbot.waitSignal(speech.finished, timeout=3000):
        speech.say(LONG)

    waited = time.monotonic() - began
    assert heartbeat.longest_gap() < 0.25
    assert 0.9 < waited < 2.0
    assert not speech.available
    assert speech.notice == "The system voice is not answering; the guidance is shown on screen."
    assert speech._process is None, "the frozen helper was killed"


def test_a_daemon_that_answers_once_then_hangs_is_let_go_within_seconds(
    qtbot: QtBot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with wedged_speechd(tmp_path / "speechd", answers_first=True) as address:
        monkeypatch.setenv("SPEECHD_ADDRESS", address)
        speech = SpeechService()
        began = time.monotonic()
        speech.start("speechd")
        qtbot.waitUntil(lambda: not speech.opening, timeout=15000)
        waited = time.monotonic() - began
        speech.close()

    assert not speech.available
    assert speech.notice.startswith("The system voice is not answering;")
    assert waited < speech.OPEN_SECONDS - 3, "not the long wait for a daemon to start"


def test_closing_a_working_engine_is_quiet(qtbot: QtBot, speech: SpeechService) -> None:
    with qtbot.assertNotEmitted(speech.finished):
        speech.close()
    assert speech.notice == ""


RAW_QT = """
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from PySide6.QtTextToSpeech import QTextToSpeech
print("constructing", flush=True)
QTextToSpeech("speechd")
print("constructed", flush=True)
"""


def test_the_freeze_this_guards_against_is_real(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QTextToSpeech itself, called directly, hangs for good on a daemon that never answers:
    why every call into it happens in a process that can be killed."""
    import subprocess
    import sys

    with wedged_speechd(tmp_path / "speechd") as address:
        env = {**os.environ, "SPEECHD_ADDRESS": address}
        process = subprocess.Popen(
            [sys.executable, "-c", RAW_QT],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "constructing"
            with pytest.raises(subprocess.TimeoutExpired):
                process.wait(timeout=3)
        finally:
            process.kill()
            output, _ = process.communicate(timeout=10)
    assert "constructed" not in output


def test_the_fallback_is_asked_when_the_voice_is_let_go(qtbot: QtBot) -> None:
    """The built-in voice is named as the stand-in only if it can speak when the system one fails."""
    builtin_speaks = [False]
    speech = SpeechService(
        fallback=lambda: "the built-in voice speaks instead" if builtin_speaks[0] else ""
    )
    assert not speech.started

    speech.start("no-such-engine")
    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)
    assert speech.started
    assert speech.notice.endswith("until then the guidance is shown on screen.")

    builtin_speaks[0] = True
    speech.start("no-such-engine")
    qtbot.waitUntil(lambda: not speech.opening, timeout=15000)
    speech.close()
    assert speech.notice.endswith("until then the built-in voice speaks instead.")
