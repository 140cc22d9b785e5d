"""The sound outputs: sounds played through simpleaudio (a stand-in module here: the test machines
have no sound card) or nowhere, and each failure said in words. Reading WAV files is in
test_wav_sound.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.services.sound.audio_outputs import (
    BackendUnavailable,
    NoClip,
    PlaybackFailed,
    SilentBackend,
    SimpleAudioBackend,
    describe_simpleaudio_error,
)
from coach.services.sound.wav_sound import SoundFileError, read_wav
from tests.services.sound.test_audio import OPEN_FAILS, SOUNDS, FakeSimpleaudio, write_wav


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (OPEN_FAILS, "cannot open ALSA device 'default': No such file or directory (error -2)"),
        (
            "Error setting parameters. -- CODE: -22 -- MSG: Invalid argument",
            "the ALSA device 'default' refused the sound's format: Invalid argument (error -22)",
        ),
        ("Something else -- CODE: 5 -- MSG: ", "Something else: unknown error (error 5)"),
        ("no code at all", "no code at all"),
    ],
)
def test_simpleaudio_errors_are_said_in_words(message: str, said: str) -> None:
    assert describe_simpleaudio_error(Exception(message)) == said


def test_simpleaudio_is_proved_with_10_ms_of_silence_or_said_unavailable() -> None:
    working, broken = FakeSimpleaudio(), FakeSimpleaudio(fail=OPEN_FAILS)

    SimpleAudioBackend(working).open()
    with pytest.raises(BackendUnavailable) as unavailable:
        SimpleAudioBackend(broken).open()

    assert working.calls == [(bytes(882), 1, 2, 44_100)]
    assert str(unavailable.value).startswith("cannot open ALSA device 'default'")


def test_simpleaudio_plays_a_cue_from_bytes_scaled_once_per_volume_change() -> None:
    fake = FakeSimpleaudio()
    output = SimpleAudioBackend(fake)
    output.open()
    output.load("step", SOUNDS / "step.wav")
    sound = read_wav(SOUNDS / "step.wav")

    output.play("step")
    output.set_gain(0.25)
    output.play("step")

    assert [call[0] for call in fake.calls[1:]] == [sound.pcm(1.0), sound.pcm(0.25)]
    assert output.buffer("step") == sound.pcm(0.25)
    with pytest.raises(SoundFileError):
        output.load("bad", SOUNDS / "missing.wav")


def test_simpleaudio_stops_every_sound_it_started(tmp_path: Path) -> None:
    fake = FakeSimpleaudio(keep_playing=True)
    output = SimpleAudioBackend(fake)
    output.open()
    clip = output.play_clip(write_wav(tmp_path / "clip.wav", bytes(400)), 0.5)

    assert clip.is_playing()
    assert output.is_playing()
    output.stop_all()
    assert not clip.is_playing()
    assert not output.is_playing()


def test_a_failing_device_mid_session_is_a_playback_failure_in_words() -> None:
    fake = FakeSimpleaudio()
    output = SimpleAudioBackend(fake)
    output.open()
    output.load("step", SOUNDS / "step.wav")
    fake.fail = "Error opening PCM device. -- CODE: -16 -- MSG: Device or resource busy"

    with pytest.raises(PlaybackFailed, match="Device or resource busy \\(error -16\\)"):
        output.play("step")


def test_the_silent_output_checks_files_and_plays_nothing() -> None:
    output = SilentBackend()
    output.open()
    output.load("step", SOUNDS / "step.wav")
    output.play("step")

    assert not output.is_playing()
    with pytest.raises(SoundFileError, match="does not exist"):
        output.load("gone", SOUNDS / "gone.wav")
    with pytest.raises(PlaybackFailed, match="there is no sound output"):
        output.play_clip(SOUNDS / "step.wav", 1.0)


def test_a_clip_that_could_not_play_says_why_and_is_never_playing() -> None:
    clip = NoClip("the file is gone")

    clip.stop()

    assert (clip.problem, clip.is_playing()) == ("the file is gone", False)
