"""The Flatpak manifest (which cannot be built here) agrees with pyproject.toml and stays private."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "packaging" / "flatpak" / "io.github.unknot.Unknot.yml"
APP_ID = "io.github.unknot.Unknot"
# These come from io.qt.PySide.BaseApp, not from the manifest's own modules.
FROM_BASE_APP = {"pyside6-essentials", "pyside6-addons", "numpy"}


def manifest_text() -> str:
    return MANIFEST.read_text(encoding="utf-8")


def top_level(key: str) -> str:
    """A top-level scalar of the manifest (there is no YAML parser among the test tools)."""
    match = re.search(rf"^{re.escape(key)}:\s*'?([^'\s#]+)'?\s*$", manifest_text(), re.MULTILINE)
    assert match, key
    return match.group(1)


def finish_args() -> list[str]:
    block = re.search(r"^finish-args:\n((?:[ \t]+.*\n|\n)+)", manifest_text(), re.MULTILINE)
    assert block
    return re.findall(r"^\s+- (\S+)", block.group(1), re.MULTILINE)


def manifest_pins() -> dict[str, str]:
    """name -> version of every `pip3 install ... name==version` in the manifest."""
    commands = re.findall(r"pip3 install[^\n]*(?:\n\s{8,}[^\n-][^\n]*)*", manifest_text())
    pins: dict[str, str] = {}
    for command in commands:
        for name, version in re.findall(r"([A-Za-z0-9_.-]+)==([0-9][A-Za-z0-9.]*)", command):
            pins[name.lower().replace("_", "-")] = version
    return pins


def project_requirements() -> list[Requirement]:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return [Requirement(line) for line in pyproject["project"]["dependencies"]]


def test_every_dependency_is_pinned_as_in_pyproject_or_comes_from_the_base_app():
    pins = manifest_pins()
    for requirement in project_requirements():
        name = requirement.name.lower()
        if name in FROM_BASE_APP:
            assert name not in pins, f"{name} comes from the base app"
            continue
        assert name in pins, f"{name} is not installed by the manifest"
        assert requirement.specifier.contains(pins[name]), (name, pins[name])
        exact = [spec.version for spec in requirement.specifier if spec.operator == "=="]
        if exact:
            assert pins[name] == exact[0], f"{name}: manifest {pins[name]}, pyproject {exact[0]}"


def test_each_pinned_package_is_built_from_the_file_of_that_version():
    urls = re.findall(r"url: (\S+)\n\s+sha256: ([0-9a-f]{64})\n", manifest_text())
    files = {url.rsplit("/", 1)[1].lower() for url, _sha in urls}
    assert len(urls) == manifest_text().count("url: ")
    for name, version in manifest_pins().items():
        stem = f"{name.replace('-', '_')}-{version}"
        assert any(f.startswith(stem + "-") or f == stem + ".tar.gz" for f in files), stem
    for url, _sha in urls:
        assert url.startswith("https://files.pythonhosted.org/")


def test_runtime_and_base_app_match_the_pinned_qt():
    pyside = next(r for r in project_requirements() if r.name == "PySide6-Essentials")
    exact = next(spec.version for spec in pyside.specifier if spec.operator == "==")
    qt_minor = ".".join(exact.split(".")[:2])
    assert top_level("runtime") == "org.kde.Platform"
    assert top_level("sdk") == "org.kde.Sdk"
    assert top_level("base") == "io.qt.PySide.BaseApp"
    assert top_level("runtime-version") == qt_minor
    assert top_level("base-version") == qt_minor
    assert "BASEAPP_DISABLE_NUMPY" not in manifest_text()  # pyqtgraph needs the base app's numpy


def test_the_sandbox_has_sound_speech_and_a_display_but_no_network_or_home():
    args = finish_args()
    for needed in (
        "--socket=wayland",
        "--socket=fallback-x11",
        "--socket=pulseaudio",
        "--device=dri",
        "--filesystem=xdg-run/speech-dispatcher:ro",
    ):
        assert needed in args
    assert not [a for a in args if a.startswith("--share=network")]
    assert not [a for a in args if re.match(r"--filesystem=(home|host)", a)]


def test_the_manifest_installs_the_linux_files_under_the_app_id():
    assert top_level("id") == APP_ID
    assert top_level("command") == "unknot"
    install = (REPO / "packaging" / "flatpak" / "install-unknot.sh").read_text(encoding="utf-8")
    assert "sh packaging/flatpak/install-unknot.sh" in manifest_text()
    for path in ("packaging/flatpak/unknot.sh", "sessions", "assets", "coach/_data"):
        assert path in install
    for suffix in (".desktop", ".metainfo.xml", ".svg"):
        assert (REPO / "packaging" / "linux" / f"{APP_ID}{suffix}").is_file()
        assert f"$FLATPAK_ID{suffix}" in install
