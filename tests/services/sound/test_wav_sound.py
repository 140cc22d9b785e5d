"""Sounds read from PCM WAV files as 16-bit samples, scaled by the volume for the device, and what
cannot be read said in words, naming the file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach.services.sound.wav_sound import Sound, SoundFileError, read_wav
from tests.services.sound.test_audio import write_wav


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
