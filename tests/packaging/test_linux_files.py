"""The desktop entry, AppStream metainfo and icon are valid and agree with each other."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "io.github.unknot.Unknot"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = LINUX / f"{APP_ID}.svg"


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (./dev.sh test installs it)")
    return path


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", "no errors, warnings or hints"


def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # only what an older appstreamcli does not know yet (AppStream 1.0's <developer>) may be noted
    for line in result.stdout.splitlines():
        if line.startswith(("E:", "W:")):
            pytest.fail(line)


def test_desktop_entry_names_the_icon_and_the_command():
    entry = desktop_entry()
    assert entry["Icon"] == ICON.stem == APP_ID
    assert entry["Exec"].split()[0] == "unknot"
    assert entry["Type"] == "Application"
    assert "MedicalSoftware" in entry["Categories"].split(";")


def test_metainfo_describes_the_app_as_the_desktop_file_does():
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("launchable").get("type") == "desktop-id"
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert root.findtext("name") == desktop_entry()["Name"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert root.findtext("project_license") == pyproject["project"]["license"]["text"]
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findtext("developer/name")


def test_metainfo_is_honest_about_what_the_app_is():
    text = " ".join(ET.tostring(metainfo().find("description"), encoding="unicode").split())
    assert "not a treatment" in text
    assert "does not replace a doctor" in text
    assert "never opens a network connection" in text


def test_newest_release_is_the_packaged_version():
    from coach import __version__

    releases = metainfo().findall("releases/release")
    assert releases[0].get("version") == __version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", releases[0].get("date", ""))


def test_screenshots_are_files_of_the_repository():
    images = [image.text for image in metainfo().findall("screenshots/screenshot/image")]
    assert images
    for url in images:
        assert url.startswith("https://")
        assert "/docs/screenshots/" in url
        assert (REPO / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_icon_is_a_valid_128_px_svg_that_qt_draws():
    root = ET.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 128 128"
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == 128
