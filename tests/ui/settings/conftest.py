"""Fixtures the settings sections share: a fresh settings file and the app's appearance."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coach.services.settings import Settings
from coach.ui.common.appearance import Appearance


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in the test's own config folder."""
    return Settings(tmp_path / "config")


@pytest.fixture
def appearance(qtbot: QtBot) -> Iterator[Appearance]:
    """The app's appearance, put back to the system's after the test."""
    found = Appearance.for_app()
    yield found
    found.set_theme("system")
    found.set_text_scale(1.0)
    found.set_reduced_motion(False)
