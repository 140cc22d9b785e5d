"""The sound outputs and the sounds they play: WAV files read as 16-bit samples, scaled by the
volume, played through simpleaudio (a stand-in module here: the test machines have no sound card)
or nowhere, and each failure said in words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach.services.sound.audio_outputs import (
    BackendUnavailable,
    NoClip,
    PlaybackFailed,
    SilentBackend,
    SimpleAudioBackend,
    Sound,
    SoundFileError,
    describe_simpleaudio_error,
    read_wav,
)
from tests.services.sound.test_audio import OPEN_FAILS, SOUNDS, FakeSimpleaudio, write_wav


def test_read_wav_takes_8_16_24_bit_and_stereo(tmp_path: Path) -> None:
    eight = read_wav(write_wav(tmp_path / "8.wav", bytes([128, 255, 0]), width=1))
    twenty_four = read_wav(write_wav(tmp_path / "24.wav", b"\x00\x34\x12\xff\xff\xff", width=3))
    thirty_two = read_wav(write_wav(tmp_path / "32.wav", b"\x00\x00\x34\x12", width=4))
    stereo = read_wav(write_wav(tmp_path / "st.wav", bytes(8), channels=2))

    assert eight.samples.tolist() == [0, 127 * 256, -128 * 256]
    assert twenty_four.samples.tolist() == [0x1234, -1]
    assert thirty_two.samples.tolist() == [0x1234]
    assert (stereo.channels, len(stereo.samples), stereo.seconds) == (2, 4, 2 / 44_100)


def test_read_wav_refuses_what_it_cannot_play(tmp_path: Path) -> None:
    (tmp_path / "text.wav").write_text("RIFF nonsense", encoding="utf-8")
    (tmp_path / "empty.wav").write_bytes(b"")
    (tmp_path / "folder.wav").mkdir()
    surround = write_wav(tmp_path / "six.wav", bytes(12), channels=6)

    with pytest.raises(SoundFileError, match="text.wav is not a PCM WAV file"):
        read_wav(tmp_path / "text.wav")
    with pytest.raises(SoundFileError, match="empty.wav is not a PCM WAV file"):
        read_wav(tmp_path / "empty.wav")
    with pytest.raises(SoundFileError, match="folder.wav is not a PCM WAV file"):
        read_wav(tmp_path / "folder.wav")
    with pytest.raises(SoundFileError, match="nothing.wav does not exist"):
        read_wav(tmp_path / "nothing.wav")
    with pytest.raises(SoundFileError, match="has 6 channels of 16-bit sound; use mono or stereo"):
        read_wav(surround)


def test_a_sound_is_scaled_rounded_and_clipped_for_the_device() -> None:
    sound = Sound(np.array([1000, -1000, 30000, -30000, 3], np.int16), 1, 8000)

    assert np.frombuffer(sound.pcm(0.5), "<i2").tolist() == [500, -500, 15000, -15000, 2]
    assert np.frombuffer(sound.pcm(2.0), "<i2").tolist() == [2000, -2000, 32767, -32768, 6]
    assert sound.pcm(0.0) == bytes(10)
    assert sound.seconds == 5 / 8000


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
