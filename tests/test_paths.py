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


def test_platformdirs_is_only_imported_for_a_folder_not_given(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    script = (
        "import sys; from coach.paths import Paths; "
        "p = Paths.resolve(env=dict(COACH_DATA_DIR='d', COACH_CONFIG_DIR='c', COACH_CACHE_DIR='k')); "
        "print('platformdirs' in sys.modules, p.cache_dir.name); "
        "p = Paths.resolve(env=dict(COACH_DATA_DIR='d', COACH_CONFIG_DIR='c')); "
        "print('platformdirs' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.split()
    assert out == ["False", "k", "True"]


def test_the_platforms_folders_are_used_when_none_is_given(tmp_path: Path) -> None:
    import platformdirs

    paths = Paths.resolve(env={})
    assert paths.data_dir == Path(platformdirs.user_data_dir("unknot", appauthor=False))
    assert paths.config_dir == Path(platformdirs.user_config_dir("unknot", appauthor=False))
    assert paths.cache_dir == Path(platformdirs.user_cache_dir("unknot", appauthor=False))
