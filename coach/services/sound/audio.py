"""Cue sounds and recorded clips, through the first sound output that works.

Outputs are tried in order: simpleaudio (ALSA on Linux, which reaches PipeWire and PulseAudio
through their ALSA plugins), Qt Multimedia, then silent, where the screen shows each cue instead;
they live in `coach.services.sound.audio_outputs`.
Every cue is read from disk once, when the service starts (or, for a session's own .wav, the first
time it is played), and kept in memory at the current volume, so playing one is a single call.
Whatever failed on the way is kept, in words, in `AudioService.status` for Settings to show.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from coach.core.routines.cues import SOUNDED_CUES, BuiltinCue, Cue, cue_name
from coach.services.sound.audio_outputs import (
    Backend,
    BackendUnavailable,
    Clip,
    NoClip,
    PlaybackFailed,
    QtSoundEffectBackend,
    SilentBackend,
    SimpleAudioBackend,
)
from coach.services.sound.wav_sound import SoundFileError

BUILT_IN_CUES = SOUNDED_CUES
DEFAULT_ORDER = ("simpleaudio", "qt", "silent")


def backend_label(name: str) -> str:
    """How a sound output is named to the person."""
    system = {"win32": "Windows", "darwin": "Core Audio"}.get(sys.platform, "ALSA")
    labels = {
        "simpleaudio": QCoreApplication.translate("AudioService", "simpleaudio ({0})").format(
            system
        ),
        "qt": QCoreApplication.translate("AudioService", "Qt Multimedia"),
        "silent": QCoreApplication.translate("AudioService", "no sound (cues are shown on screen)"),
    }
    return labels.get(name, name)


_PROBLEM_PREFIX = {"qt": "Qt Multimedia"}  # how a problem names its output


def backend_order(preferred: str) -> tuple[str, ...]:
    """The outputs to try, the preferred one first ("auto": the default order; "silent": only that)."""
    if preferred == "silent":
        return ("silent",)
    if preferred in DEFAULT_ORDER:
        return (preferred, *(name for name in DEFAULT_ORDER if name != preferred))
    return DEFAULT_ORDER


def cue_gain(volume: float) -> float:
    """The amplitude factor for a 0-1 volume: squared, so equal slider steps sound about even."""
    volume = min(1.0, max(0.0, volume))
    return volume * volume


BACKENDS: dict[str, Callable[[], Backend]] = {
    "simpleaudio": SimpleAudioBackend,
    "qt": QtSoundEffectBackend,
    "silent": SilentBackend,
}


@dataclass(frozen=True)
class AudioStatus:
    """Which output is in use and, in words, everything that went wrong on the way."""

    backend: str = ""
    problems: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The output in use, as the person sees it."""
        return (
            backend_label(self.backend)
            if self.backend
            else QCoreApplication.translate("AudioService", "not started")
        )

    @property
    def silent(self) -> bool:
        """True when nothing can be heard and cues are only shown."""
        return self.backend in ("", "silent")


class AudioService(QObject):
    """Plays cues and clips through the first working output; `cue_played` tells the screen.

    `backends` maps output names to factories (tests pass fakes); `start` picks the output.
    """

    cue_played = Signal(object, bool)  # the Cue, and whether it was sent to a speaker
    status_changed = Signal()

    def __init__(
        self,
        backends: Mapping[str, Callable[[], Backend]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factories = dict(BACKENDS if backends is None else backends)
        self._backend: Backend = SilentBackend()
        self.status = AudioStatus()
        self._cue_volume = 0.8
        self.voice_volume = 0.8  # for recorded clips, which stand in for the voice
        self._muted = False
        self._loaded: set[Cue] = set()
        self._broken: set[Cue] = set()
        self.sounds_dir: Path | None = None  # where the built-in cues were loaded from

    def start(self, sounds_dir: Path, order: tuple[str, ...] = DEFAULT_ORDER) -> AudioStatus:
        """Use the first output in `order` that works, load the built-in cues, report the rest."""
        self.close()
        self.sounds_dir = sounds_dir
        problems: list[str] = []
        chosen: Backend = SilentBackend()
        for name in order:
            factory = self._factories.get(name)
            if factory is None:
                problems.append(
                    QCoreApplication.translate("AudioService", "{0}: no such sound output").format(
                        name
                    )
                )
                continue
            backend = factory()
            try:
                backend.open()
            except BackendUnavailable as exc:
                problems.append(f"{_PROBLEM_PREFIX.get(name, name)}: {exc}")
                continue
            chosen = backend
            break
        self._backend = chosen
        chosen.set_gain(cue_gain(self._cue_volume))
        self.status = AudioStatus(chosen.name, tuple(problems))
        for cue in BUILT_IN_CUES:
            self._load(cue, sounds_dir / f"{cue.value}.wav", announce=False)
        self.status_changed.emit()
        return self.status

    @property
    def backend_name(self) -> str:
        """The output in use: "simpleaudio", "qt" or "silent"."""
        return self._backend.name

    @property
    def cue_volume(self) -> float:
        """Cue loudness, 0-1."""
        return self._cue_volume

    @cue_volume.setter
    def cue_volume(self, volume: float) -> None:
        self._cue_volume = min(1.0, max(0.0, float(volume)))
        self._backend.set_gain(cue_gain(self._cue_volume))

    @property
    def muted(self) -> bool:
        """When muted, nothing is played; cues are still reported for the screen."""
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._muted:
            self.stop_all()

    @property
    def audible(self) -> bool:
        """Whether a cue played now would be heard (an output, not muted, volume above zero)."""
        return self._backend.name != "silent" and not self._muted and self._cue_volume > 0

    def preload(self, cues: list[Path]) -> None:
        """Load a session's own .wav cues before it starts, so none is read mid-session."""
        for cue in cues:
            if cue not in self._loaded and cue not in self._broken:
                self._load(cue, cue)

    def play_cue(self, cue: Cue) -> None:
        """Play a built-in cue, or a session's .wav by absolute path, and return at once.

        Never raises: a missing or broken sound is reported in `status`; `cue_played` says
        whether it was heard, so the screen can show it.
        """
        if cue is BuiltinCue.NONE:
            return
        if isinstance(cue, Path) and cue not in self._loaded and cue not in self._broken:
            if cue.is_absolute() and cue.suffix.lower() == ".wav":
                self._load(cue, cue)
            else:
                self._add_problem(
                    QCoreApplication.translate("AudioService", "unknown cue “{0}”").format(cue)
                )
                self._broken.add(cue)
        heard = False
        if cue in self._loaded and self.audible:
            try:
                self._backend.play(cue_name(cue))
                heard = True
            except PlaybackFailed as exc:
                name = self._backend.name
                self._add_problem(f"{_PROBLEM_PREFIX.get(name, name)}: {exc}")
        self.cue_played.emit(cue, heard)

    def test_chime(self) -> None:
        """Play the step cue, so the person can hear the volume."""
        self.play_cue(BuiltinCue.STEP)

    def play_clip(self, path: Path, volume: float | None = None) -> Clip:
        """Start a recorded narration clip at `volume` (default: `voice_volume`).

        The handle's `problem` says why when it could not play; it is also added to `status`.
        """
        if self._muted:
            return NoClip(QCoreApplication.translate("AudioService", "sound is muted"))
        gain = cue_gain(self.voice_volume if volume is None else volume)
        try:
            return self._backend.play_clip(Path(path), gain)
        except (PlaybackFailed, SoundFileError) as exc:
            problem = QCoreApplication.translate(
                "AudioService", "cannot play the recording {0}: {1}"
            ).format(Path(path).name, exc)
            self._add_problem(problem)
            return NoClip(problem)

    def is_playing(self) -> bool:
        """Whether any cue or clip is still sounding."""
        return self._backend.is_playing()

    def stop_all(self) -> None:
        """Silence every cue and clip now (and wait until the output has let go of them)."""
        self._backend.stop_all()

    def close(self) -> None:
        """Stop everything and let go of the output (at exit, or before `start` again)."""
        self._backend.stop_all()
        self._backend = SilentBackend()
        self.status = AudioStatus()
        self._loaded.clear()
        self._broken.clear()

    def _load(self, cue: Cue, path: Path, *, announce: bool = True) -> None:
        try:
            self._backend.load(cue_name(cue), path)
        except SoundFileError as exc:
            self._broken.add(cue)
            name = cue.value if isinstance(cue, BuiltinCue) else path.name
            self._add_problem(
                QCoreApplication.translate("AudioService", "sound {0}: {1}").format(name, exc),
                announce=announce,
            )
        else:
            self._loaded.add(cue)

    def _add_problem(self, problem: str, *, announce: bool = True) -> None:
        if problem in self.status.problems:
            return
        self.status = AudioStatus(self.status.backend, (*self.status.problems, problem))
        if announce:
            self.status_changed.emit()
