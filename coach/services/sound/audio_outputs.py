"""The sound outputs the audio service plays through, and the sounds they play.

simpleaudio (ALSA on Linux, which reaches PipeWire and PulseAudio through their ALSA plugins),
Qt Multimedia, or silent, where the screen shows each cue instead. Each output follows `Backend`:
`coach.services.sound.audio.AudioService` tries them in order and keeps what failed, in words.
Sounds are read from PCM WAV files (`wav_sound.read_wav`); recorded clips of other formats play
through Qt Multimedia.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl

from coach.services.sound.wav_sound import Sound, SoundFileError, read_wav

PROBE_FRAMES = 441  # 10 ms of silence at 44.1 kHz: enough to prove the device opens
STOP_WAIT_SECONDS = 1.0  # simpleaudio drains its buffer (about 0.1 s) after a stop
LOAD_WAIT_MS = 3000


class BackendUnavailable(Exception):
    """A sound output that cannot be used here; the message says why, in words."""


class PlaybackFailed(Exception):
    """A sound that could not be played; the message says why, in words."""


def describe_simpleaudio_error(exc: Exception) -> str:
    """simpleaudio's ALSA message ("Error opening PCM device. -- CODE: -2 -- MSG: ...") in words."""
    found = re.match(r"(?P<what>.*?)\.? -- CODE: (?P<code>-?\d+) -- MSG: (?P<msg>.*)", str(exc))
    if not found:
        return str(exc)
    what, code, message = (
        found["what"],
        found["code"],
        found["msg"] or QCoreApplication.translate("AudioService", "unknown error"),
    )
    if what.startswith("Error opening PCM device"):
        what = QCoreApplication.translate("AudioService", "cannot open ALSA device 'default'")
    elif what.startswith("Error setting parameters"):
        what = QCoreApplication.translate(
            "AudioService", "the ALSA device 'default' refused the sound's format"
        )
    return QCoreApplication.translate("AudioService", "{0}: {1} (error {2})").format(
        what, message, code
    )


class Clip(Protocol):
    """A recorded clip that is playing (or could not be played: then `problem` says why)."""

    problem: str

    def is_playing(self) -> bool: ...
    def stop(self) -> None: ...


class NoClip:
    """A clip that could not be played."""

    def __init__(self, problem: str) -> None:
        self.problem = problem

    def is_playing(self) -> bool:
        """Never playing."""
        return False

    def stop(self) -> None:
        """Nothing to stop."""


class Backend(Protocol):
    """A sound output. `open` checks it works here (or raises BackendUnavailable saying why);
    `load` reads a cue once (SoundFileError) so `play` only starts it and returns at once
    (PlaybackFailed); `set_gain` scales the cues; `stop_all` returns once all is quiet.
    """

    name: str

    def open(self) -> None: ...
    def load(self, key: str, path: Path) -> None: ...
    def set_gain(self, gain: float) -> None: ...
    def play(self, key: str) -> None: ...
    def play_clip(self, path: Path, gain: float) -> Clip: ...
    def is_playing(self) -> bool: ...
    def stop_all(self) -> None: ...


class SilentBackend:
    """No sound: cues still check their files and are reported, so the screen can show them."""

    name = "silent"

    def open(self) -> None:
        """Always works."""

    def load(self, key: str, path: Path) -> None:
        """Check the file, so a broken one is reported even without sound."""
        read_wav(path)

    def set_gain(self, gain: float) -> None:
        """Nothing to scale."""

    def play(self, key: str) -> None:
        """Plays nothing."""

    def play_clip(self, path: Path, gain: float) -> Clip:
        """Cannot play clips."""
        raise PlaybackFailed(QCoreApplication.translate("AudioService", "there is no sound output"))

    def is_playing(self) -> bool:
        """Never playing."""
        return False

    def stop_all(self) -> None:
        """Nothing to stop."""


class SimpleAudioBackend:
    """simpleaudio: each cue is kept as PCM bytes at the current volume; play starts a C thread.

    `module` replaces the simpleaudio module (tests); by default it is imported on `open`.
    """

    name = "simpleaudio"

    def __init__(self, module: Any = None) -> None:
        self._module = module
        self._error: type[Exception] = Exception
        self._sounds: dict[str, Sound] = {}
        self._pcm: dict[str, bytes] = {}
        self._gain = 1.0
        self._playing: list[Clip] = []  # cues and clips that may still be sounding

    def open(self) -> None:
        """Import simpleaudio and play 10 ms of silence to prove the default device opens."""
        if self._module is None:
            try:
                import simpleaudio
            except ImportError as exc:
                raise BackendUnavailable(
                    QCoreApplication.translate("AudioService", "not installed ({0})").format(exc)
                ) from exc
            self._module = simpleaudio
        self._error = self._module._simpleaudio.SimpleaudioError
        try:
            self._play(bytes(2 * PROBE_FRAMES), 1, 44100)
        except PlaybackFailed as exc:
            raise BackendUnavailable(str(exc)) from exc

    def load(self, key: str, path: Path) -> None:
        """Read the WAV once and keep it scaled to the current gain."""
        sound = read_wav(path)
        self._sounds[key] = sound
        self._pcm[key] = sound.pcm(self._gain)

    def set_gain(self, gain: float) -> None:
        """Rescale every loaded cue once, so playing stays a single call."""
        self._gain = gain
        self._pcm = {key: sound.pcm(gain) for key, sound in self._sounds.items()}

    def buffer(self, key: str) -> bytes:
        """The PCM bytes a cue is played from (the cue-latency benchmark plays them bare)."""
        return self._pcm[key]

    def play(self, key: str) -> None:
        """Hand the cue's bytes to simpleaudio, which plays them on its own thread."""
        sound = self._sounds[key]
        self._play(self._pcm[key], sound.channels, sound.rate)

    def play_clip(self, path: Path, gain: float) -> Clip:
        """A WAV recording through simpleaudio; other formats through Qt Multimedia."""
        if path.suffix.lower() == ".wav":
            sound = read_wav(path)
            return self._play(sound.pcm(gain), sound.channels, sound.rate)
        clip = qt_media_clip(path, gain)
        self._playing.append(clip)
        return clip

    def _play(self, pcm: bytes, channels: int, rate: int) -> Clip:
        self._playing = [clip for clip in self._playing if clip.is_playing()]
        try:
            clip = SimpleClip(self._module.play_buffer(pcm, channels, 2, rate))
        except self._error as exc:
            raise PlaybackFailed(describe_simpleaudio_error(exc)) from exc
        self._playing.append(clip)
        return clip

    def is_playing(self) -> bool:
        """Whether any cue or clip is still sounding."""
        return any(clip.is_playing() for clip in self._playing)

    def stop_all(self) -> None:
        """Stop every sound and wait (briefly) until simpleaudio's threads have let go of them."""
        if self._module is None:
            return
        self._module.stop_all()
        for clip in self._playing:
            clip.stop()
        deadline = time.monotonic() + STOP_WAIT_SECONDS
        while self.is_playing() and time.monotonic() < deadline:
            time.sleep(0.002)
        self._playing = [clip for clip in self._playing if clip.is_playing()]


class SimpleClip:
    """A sound playing through simpleaudio."""

    problem = ""

    def __init__(self, play: Any) -> None:
        self._play = play

    def is_playing(self) -> bool:
        """Whether it is still sounding."""
        return bool(self._play.is_playing())

    def stop(self) -> None:
        """Cut it off."""
        self._play.stop()


def _qt_outputs() -> Any:
    """Qt Multimedia's module if it has a sound output here; raise BackendUnavailable if not."""
    try:
        from PySide6 import QtMultimedia
    except ImportError as exc:
        raise BackendUnavailable(
            QCoreApplication.translate("AudioService", "not installed ({0})").format(exc)
        ) from exc
    if not QtMultimedia.QMediaDevices.audioOutputs():
        raise BackendUnavailable(
            QCoreApplication.translate("AudioService", "no audio output device")
        )
    return QtMultimedia


class QtClip:
    """A clip playing through Qt Multimedia's media player (any format FFmpeg reads)."""

    problem = ""

    def __init__(self, player: Any, output: Any) -> None:
        self._player, self._output = player, output

    def is_playing(self) -> bool:
        """Whether it is still playing (or loading to play)."""
        return bool(self._player.playbackState() == self._player.PlaybackState.PlayingState)

    def stop(self) -> None:
        """Cut it off."""
        self._player.stop()


def qt_media_clip(path: Path, gain: float) -> Clip:
    """Play a recording of any format through Qt Multimedia."""
    try:
        multimedia = _qt_outputs()
    except BackendUnavailable as exc:
        raise PlaybackFailed(
            QCoreApplication.translate(
                "AudioService", "{0} is not a WAV file, and Qt Multimedia cannot play it: {1}"
            ).format(path.name, exc)
        ) from exc
    output = multimedia.QAudioOutput()
    output.setVolume(gain)
    player = multimedia.QMediaPlayer()
    player.setAudioOutput(output)
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    return QtClip(player, output)


class QtSoundEffectBackend:
    """Qt Multimedia: one QSoundEffect per cue, loaded once."""

    name = "qt"

    def __init__(self) -> None:
        self._effects: dict[str, Any] = {}
        self._clips: list[Clip] = []
        self._gain = 1.0
        self._multimedia: Any = None

    def open(self) -> None:
        """Import Qt Multimedia and check there is a sound output."""
        self._multimedia = _qt_outputs()

    def load(self, key: str, path: Path) -> None:
        """Create the cue's sound effect and wait until Qt has loaded it (or failed)."""
        read_wav(path)  # the same checks, and the same messages, as the other outputs
        effect = self._multimedia.QSoundEffect()
        effect.setVolume(self._gain)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        status = effect.Status
        done = (status.Ready, status.Error)
        if effect.status() not in done:
            loop, deadline = QEventLoop(), QTimer()
            deadline.setSingleShot(True)
            deadline.timeout.connect(loop.quit)
            effect.statusChanged.connect(loop.quit)
            deadline.start(LOAD_WAIT_MS)
            while effect.status() not in done and deadline.isActive():
                loop.exec()
            deadline.stop()
        if effect.status() is not status.Ready:
            raise SoundFileError(
                QCoreApplication.translate(
                    "AudioService", "Qt Multimedia could not load {0}"
                ).format(path.name)
            )
        self._effects[key] = effect

    def set_gain(self, gain: float) -> None:
        """Set every effect's volume."""
        self._gain = gain
        for effect in self._effects.values():
            effect.setVolume(gain)

    def play(self, key: str) -> None:
        """Start the cue; Qt plays it without blocking."""
        self._effects[key].play()

    def play_clip(self, path: Path, gain: float) -> Clip:
        """Any recording through Qt's media player."""
        self._clips = [clip for clip in self._clips if clip.is_playing()]
        clip = qt_media_clip(path, gain)
        self._clips.append(clip)
        return clip

    def is_playing(self) -> bool:
        """Whether any cue or clip is still sounding."""
        return any(e.isPlaying() for e in self._effects.values()) or any(
            clip.is_playing() for clip in self._clips
        )

    def stop_all(self) -> None:
        """Stop every cue and clip."""
        for effect in self._effects.values():
            effect.stop()
        for clip in self._clips:
            clip.stop()
        self._clips = []
