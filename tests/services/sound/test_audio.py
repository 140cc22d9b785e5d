"""The audio service: choosing an output, loading cues once, volume, mute, clips, failures in words.

simpleaudio is replaced by a fake module here, so these tests never depend on the machine's sound
card; tests/services/test_audio_alsa.py plays through the real simpleaudio and ALSA.
"""

from __future__ import annotations

import shutil
import sys
import wave
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from coach.core.routines.cues import BuiltinCue, Cue
from coach.services.sound.audio import BUILT_IN_CUES, AudioService, backend_order, cue_gain
from coach.services.sound.audio_outputs import (
    QtSoundEffectBackend,
    SilentBackend,
    SimpleAudioBackend,
)

REPO = Path(__file__).resolve().parents[3]
SOUNDS = REPO / "assets" / "sounds"
OPEN_FAILS = "Error opening PCM device. -- CODE: -2 -- MSG: No such file or directory"


class FakePlay:
    def __init__(self, playing: bool) -> None:
        self.playing = playing

    def is_playing(self) -> bool:
        return self.playing

    def stop(self) -> None:
        self.playing = False


class FakeSimpleaudio:
    """Records play_buffer calls; `fail` makes the next calls raise like simpleaudio does."""

    class SimpleaudioError(Exception):
        pass

    def __init__(self, *, fail: str = "", keep_playing: bool = False) -> None:
        self._simpleaudio = SimpleNamespace(SimpleaudioError=self.SimpleaudioError)
        self.fail = fail
        self.keep_playing = keep_playing
        self.calls: list[tuple[bytes, int, int, int]] = []
        self.plays: list[FakePlay] = []

    def play_buffer(self, data: bytes, channels: int, width: int, rate: int) -> FakePlay:
        if self.fail:
            raise self.SimpleaudioError(self.fail)
        self.calls.append((bytes(data), channels, width, rate))
        self.plays.append(FakePlay(self.keep_playing))
        return self.plays[-1]

    def stop_all(self) -> None:
        for play in self.plays:
            play.playing = False


def heard(audio: AudioService, cue: Cue) -> bool:
    """Play `cue` and tell whether it went to a speaker (its `cue_played` report)."""
    reports: list[bool] = []

    def record(_cue: Cue, was_heard: bool) -> None:
        reports.append(was_heard)

    audio.cue_played.connect(record)
    audio.play_cue(cue)
    audio.cue_played.disconnect(record)
    return reports == [True]


def service_on(fake: FakeSimpleaudio) -> AudioService:
    return AudioService({"simpleaudio": lambda: SimpleAudioBackend(fake), "silent": SilentBackend})


def expected_pcm(path: Path, volume: float) -> bytes:
    """The documented scaling, computed here on its own: amplitude x volume squared, rounded."""
    with wave.open(str(path), "rb") as source:
        raw = np.frombuffer(source.readframes(source.getnframes()), "<i2")
    return np.round(raw * volume**2).astype("<i2").tobytes()


@pytest.fixture
def sounds(tmp_path: Path) -> Path:
    """A copy of the built-in sounds that a test may delete."""
    return Path(shutil.copytree(SOUNDS, tmp_path / "sounds"))


def write_wav(path: Path, data: bytes, *, channels: int = 1, width: int = 2) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(44_100)
        out.writeframes(data)
    return path


def test_starts_on_simpleaudio_after_proving_the_device_with_silence(sounds: Path) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)

    status = audio.start(sounds)

    assert (status.backend, status.problems) == ("simpleaudio", ())
    assert audio.backend_name == "simpleaudio"
    assert not status.silent
    assert fake.calls == [(bytes(882), 1, 2, 44_100)], "10 ms of silence, nothing else"


def test_cues_are_read_once_at_start_at_the_current_volume(sounds: Path) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.cue_volume = 0.6
    audio.start(sounds)
    expected = {cue: expected_pcm(sounds / f"{cue}.wav", 0.6) for cue in BUILT_IN_CUES}
    shutil.rmtree(sounds)  # playing must not touch the files again

    for cue in BUILT_IN_CUES:
        assert heard(audio, cue)

    assert [call[0] for call in fake.calls[1:]] == [expected[cue] for cue in BUILT_IN_CUES]
    assert all(call[1:] == (1, 2, 44_100) for call in fake.calls)
    assert audio.status.problems == ()


def test_a_volume_change_rescales_the_loaded_cues(sounds: Path) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.start(sounds)
    quieter = expected_pcm(sounds / "step.wav", 0.3)

    audio.cue_volume = 0.3
    audio.play_cue(BuiltinCue.STEP)
    audio.cue_volume = 7  # clamped to full volume
    audio.play_cue(BuiltinCue.STEP)

    assert fake.calls[1][0] == quieter
    assert fake.calls[2][0] == (sounds / "step.wav").read_bytes()[44:]
    assert audio.cue_volume == 1.0


def test_no_sound_device_falls_back_and_says_why_in_words(sounds: Path, qtbot) -> None:
    audio = service_on(FakeSimpleaudio(fail=OPEN_FAILS))

    status = audio.start(sounds, order=("simpleaudio", "silent"))

    assert status.backend == "silent"
    assert status.silent
    assert status.problems == (
        "simpleaudio: cannot open ALSA device 'default': No such file or directory (error -2)",
    )
    assert "cues are shown on screen" in status.label
    with qtbot.waitSignal(audio.cue_played) as played:
        audio.play_cue(BuiltinCue.TENSE)
    assert played.args == [BuiltinCue.TENSE, False], "the screen still shows the cue"


def test_simpleaudio_missing_is_reported(sounds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "simpleaudio", None)  # import fails, as when not installed
    audio = AudioService({"simpleaudio": SimpleAudioBackend, "silent": SilentBackend})

    status = audio.start(sounds)

    assert status.backend == "silent"
    assert status.problems[0].startswith("simpleaudio: not installed")


def test_an_unknown_output_name_is_reported(sounds: Path) -> None:
    status = AudioService().start(sounds, order=("pulse", "silent"))

    assert status.problems == ("pulse: no such sound output",)
    assert status.backend == "silent"


def test_a_session_wav_cue_is_loaded_on_first_use_then_kept(sounds: Path, tmp_path: Path) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.cue_volume = 1.0
    audio.start(sounds)
    bowl = write_wav(tmp_path / "bowl.wav", np.arange(-400, 400, dtype="<i2").tobytes())

    assert heard(audio, bowl)
    bowl.unlink()
    assert heard(audio, bowl)

    assert fake.calls[1][0] == fake.calls[2][0] == np.arange(-400, 400, dtype="<i2").tobytes()
    assert audio.status.problems == ()


def test_preload_reads_a_session_cue_before_it_is_needed(sounds: Path, tmp_path: Path) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.start(sounds)
    bowl = write_wav(tmp_path / "bowl.wav", bytes(200))

    audio.preload([bowl])
    bowl.unlink()

    assert heard(audio, bowl)
    assert audio.status.problems == ()


def test_bad_cues_are_reported_once_and_never_raise(sounds: Path, tmp_path: Path, qtbot) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.start(sounds)
    (tmp_path / "noise.wav").write_text("not a wav", encoding="utf-8")
    changes: list[None] = []
    audio.status_changed.connect(lambda: changes.append(None))

    for _ in range(2):
        assert not heard(audio, Path("bell"))
        assert not heard(audio, tmp_path / "gone.wav")
        assert not heard(audio, tmp_path / "noise.wav")
        assert not heard(audio, Path("relative.wav"))

    assert len(audio.status.problems) == 4 == len(changes)
    assert audio.status.problems[0] == "unknown cue “bell”"
    assert "gone.wav does not exist" in audio.status.problems[1]
    assert "noise.wav is not a PCM WAV file" in audio.status.problems[2]
    assert len(fake.calls) == 1, "only the start-up silence was played"


def test_none_plays_and_shows_nothing(sounds: Path, qtbot) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.start(sounds)

    with qtbot.assertNotEmitted(audio.cue_played):
        audio.play_cue(BuiltinCue.NONE)
    assert len(fake.calls) == 1


def test_a_missing_built_in_sound_is_reported_and_the_rest_play(sounds: Path) -> None:
    (sounds / "halfway.wav").unlink()
    fake = FakeSimpleaudio()
    audio = service_on(fake)

    status = audio.start(sounds)

    assert status.backend == "simpleaudio"
    assert len(status.problems) == 1
    assert status.problems[0].startswith("sound halfway:")
    assert not heard(audio, BuiltinCue.HALFWAY)
    assert heard(audio, BuiltinCue.STEP)


def test_muted_plays_nothing_but_still_reports_the_cue(sounds: Path, qtbot) -> None:
    fake = FakeSimpleaudio(keep_playing=True)
    audio = service_on(fake)
    audio.start(sounds)
    audio.play_cue(BuiltinCue.END)

    audio.muted = True

    assert not audio.is_playing(), "muting silences what is sounding"
    assert not audio.audible
    with qtbot.waitSignal(audio.cue_played) as played:
        audio.play_cue(BuiltinCue.STEP)
    assert played.args == [BuiltinCue.STEP, False]
    assert len(fake.calls) == 2
    assert audio.play_clip(sounds / "step.wav").problem == "sound is muted"


def test_a_device_that_fails_mid_session_is_reported_not_raised(sounds: Path, qtbot) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.start(sounds)
    fake.fail = "Error opening PCM device. -- CODE: -16 -- MSG: Device or resource busy"

    with qtbot.waitSignal(audio.status_changed):
        audio.play_cue(BuiltinCue.STEP)

    assert audio.status.problems == (
        "simpleaudio: cannot open ALSA device 'default': Device or resource busy (error -16)",
    )


def test_clips_play_at_the_voice_volume_and_stop_all_stops_them(sounds: Path) -> None:
    fake = FakeSimpleaudio(keep_playing=True)
    audio = service_on(fake)
    audio.start(sounds)
    audio.voice_volume = 0.5

    clip = audio.play_clip(sounds / "release.wav")

    assert clip.problem == ""
    assert clip.is_playing()
    assert audio.is_playing()
    assert fake.calls[-1][0] == expected_pcm(sounds / "release.wav", 0.5)
    audio.stop_all()
    assert not clip.is_playing()
    assert not audio.is_playing()


def test_a_clip_that_cannot_play_says_why(sounds: Path, tmp_path: Path) -> None:
    audio = service_on(FakeSimpleaudio())
    audio.start(sounds)

    missing = audio.play_clip(tmp_path / "welcome.wav")

    assert not missing.is_playing()
    assert "cannot play the recording welcome.wav" in missing.problem
    assert missing.problem in audio.status.problems
    missing.stop()  # harmless


def test_silent_output_cannot_play_clips(sounds: Path) -> None:
    audio = AudioService({"silent": SilentBackend})
    audio.start(sounds, order=("silent",))

    clip = audio.play_clip(sounds / "step.wav")

    assert clip.problem == "cannot play the recording step.wav: there is no sound output"


def test_test_chime_plays_the_step_sound(sounds: Path) -> None:
    fake = FakeSimpleaudio()
    audio = service_on(fake)
    audio.cue_volume = 1.0
    audio.start(sounds)

    audio.test_chime()

    assert fake.calls[-1][0] == expected_pcm(sounds / "step.wav", 1.0)


def test_qt_multimedia_output_loads_every_cue_or_says_why(sounds: Path, qtbot) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    audio = AudioService({"qt": QtSoundEffectBackend, "silent": SilentBackend})
    status = audio.start(sounds, order=("qt", "silent"))

    if QMediaDevices.audioOutputs():
        assert (status.backend, status.problems) == ("qt", ())
        assert heard(audio, BuiltinCue.STEP)
        audio.stop_all()
    else:  # machines without a sound server, like CI
        assert status.backend == "silent"
        assert status.problems == ("Qt Multimedia: no audio output device",)


def test_backend_order_puts_the_preferred_output_first() -> None:
    assert backend_order("auto") == ("simpleaudio", "qt", "silent")
    assert backend_order("qt") == ("qt", "simpleaudio", "silent")
    assert backend_order("silent") == ("silent",)
    assert backend_order("nonsense") == ("simpleaudio", "qt", "silent")


def test_volume_is_squared_so_the_slider_feels_even() -> None:
    assert cue_gain(0.5) == 0.25
    assert cue_gain(-1) == 0.0
    assert cue_gain(2) == 1.0


def test_before_start_cues_are_shown_and_nothing_is_reported(qtbot) -> None:
    audio = AudioService()

    with qtbot.waitSignal(audio.cue_played) as played:
        audio.play_cue(BuiltinCue.STEP)

    assert played.args == [BuiltinCue.STEP, False]
    assert audio.status.problems == ()
    assert audio.status.label == "not started"
