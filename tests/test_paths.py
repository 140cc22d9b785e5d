"""Where things live; a data folder given explicitly carries its own settings (issue 13, 16)."""

from __future__ import annotations

from pathlib import Path

from coach.paths import Paths
from coach.services.settings import Settings


def test_an_explicit_data_folder_keeps_its_own_settings(tmp_path: Path, qapp) -> None:
    home = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config")}
    everyday = Paths.resolve(env=home)
    demo = Paths.resolve(tmp_path / "demo", env=home)
    other = Paths.resolve(env={**home, "COACH_DATA_DIR": str(tmp_path / "other")})
    assert demo.config_dir == tmp_path / "demo" / "settings"
    assert other.config_dir == tmp_path / "other" / "settings"
    assert everyday.config_dir != demo.config_dir

    Settings(demo.config_dir).first_run_done = True
    Settings(demo.config_dir).cue_volume = 0.2
    assert not Settings(other.config_dir).first_run_done, "the welcome is per data folder"
    assert Settings(other.config_dir).cue_volume == 0.8


def test_coach_config_dir_still_wins(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "d", env={"COACH_CONFIG_DIR": str(tmp_path / "c")})
    assert paths.config_dir == tmp_path / "c"
