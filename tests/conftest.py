"""Fixtures shared by every test: fresh data and config folders, the real catalogue and library."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tests.no_network"]  # the whole suite runs with the network blocked

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coach.core.body.regions import RegionCatalogue, load_catalogue  # noqa: E402
from coach.core.routines.library import RoutineLibrary  # noqa: E402
from coach.paths import Paths  # noqa: E402
from coach.services.composition import Services, build_library, build_services  # noqa: E402
from coach.services.idle_gc import collect_due  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Cycles are collected between tests, as the app collects them from its event loop: an
    automatic collection tripped inside a call into Qt can hang in ~QObject (seen in pytest-qt's
    waitSignal letting go of a signal; coach/services/idle_gc.py has the stack)."""
    gc.disable()


@pytest.fixture(autouse=True)
def collect_between_tests() -> Iterator[None]:
    """What the automatic collector would have collected during the test, once it is over."""
    yield
    collect_due()


@pytest.fixture(autouse=True)
def fresh_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own empty data and config folders; nothing touches the real ones."""
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COACH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def catalogue() -> RegionCatalogue:
    """The real region catalogue from assets/."""
    return load_catalogue(REPO / "assets" / "regions.toml")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    """Paths with a fresh data folder under tmp_path and the real built-in sessions and assets."""
    result = Paths.resolve(tmp_path / "data")
    result.ensure()
    return result


@pytest.fixture
def library(paths: Paths, catalogue: RegionCatalogue) -> RoutineLibrary:
    """The built-in sessions plus the (empty) user folder."""
    return build_library(paths, catalogue)


@pytest.fixture
def log(paths: Paths):
    """The real log repository on a fresh SQLite file in tmp_path."""
    from coach.store.backup import BackupKeeper
    from coach.store.repository import LogRepository

    repository = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    yield repository
    repository.close()


def write_session(folder: Path, name: str, body: str) -> Path:
    """Write a session file and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


BUILTIN_IDS = {p.stem for p in (REPO / "sessions").glob("*.toml")}  # the routines that ship

# A step whose duration is negative, on a known line (10), with a good step before it.
NEGATIVE = """\
format = 1
title = "Negative"

[[steps]]
text = "One."
duration = 4

[[steps]]
text = "Two."
duration = -5
"""

MINIMAL = """\
format = 1
title = "Two steps"

[[steps]]
text = "Breathe in slowly."
duration = 4
kind = "breathe-in"

[[steps]]
text = "And out."
duration = 6
kind = "breathe-out"
"""


@pytest.fixture(autouse=True)
def nothing_left_running(request: pytest.FixtureRequest):
    """Fail a test that leaves a thread, a pool task or an active Qt timer behind (napari does the same)."""
    import threading

    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    assert not leaked, f"test left threads running: {leaked}"
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    assert QThreadPool.globalInstance().waitForDone(5000), "test left thread-pool tasks running"
    app = QApplication.instance()
    owners = [app, *QApplication.topLevelWidgets()] if app else []
    active = [t for owner in owners for t in owner.findChildren(QTimer) if t.isActive()]
    assert not active, f"test left {len(active)} Qt timer(s) running"


@pytest.fixture(scope="session")
def shapes(catalogue: RegionCatalogue):
    """The body map's artwork from assets/, read once per test session (as the app reads it once)."""
    from coach.core.body.body_shapes import load_body_shapes

    return load_body_shapes(REPO / "assets" / "body_map.svg", catalogue)


@pytest.fixture
def make_services(paths: Paths, catalogue: RegionCatalogue, library: RoutineLibrary, log, shapes):
    """The app's composition root on the test's folders and log: `make_services(**overrides)`.

    The real catalogue, library, artwork and log by default; `settings=` and any override of
    `build_services` (audio, speech, clock, today, shapes=None...) as the test needs. What the
    services made themselves is closed when the test ends.
    """
    made: list[Services] = []

    def make(settings=None, **overrides) -> Services:
        parts = {"catalogue": catalogue, "library": library, "log": log, "shapes": shapes}
        services = build_services(paths, settings, **(parts | overrides))
        made.append(services)
        return services

    yield make
    for services in made:
        services.close()


@pytest.fixture
def audio_service():
    """The real audio service on a stand-in for simpleaudio (the test machines have no sound card)."""
    from coach.services.sound.audio import AudioService
    from coach.services.sound.audio_outputs import SilentBackend, SimpleAudioBackend
    from tests.services.sound.test_audio import SOUNDS, FakeSimpleaudio

    service = AudioService(
        {"simpleaudio": lambda: SimpleAudioBackend(FakeSimpleaudio()), "silent": SilentBackend}
    )
    service.start(SOUNDS, order=("simpleaudio", "silent"))
    yield service
    service.close()


@pytest.fixture
def speech_service(qtbot):
    """The real speech service on Qt's mock engine (there is no speech daemon in the tests)."""
    from coach.services.sound.speech import SpeechService

    service = SpeechService()
    service.start("mock")
    yield service
    service.close()
