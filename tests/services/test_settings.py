"""Sound and voice settings: defaults, saved at once, bad stored values fall back to defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.paths import Paths
from coach.services.settings import FILE_NAME, Settings


def test_a_fresh_config_gives_the_defaults(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "config")

    assert settings.cue_volume == 0.8
    assert settings.voice_volume == 0.8
    assert settings.muted is False
    assert settings.voice == ""
    assert settings.speech_rate == -0.2
    assert settings.audio_backend == "auto"
    assert settings.problem == ""


def test_changes_are_saved_at_once_and_read_back(tmp_path: Path) -> None:
    first = Settings(tmp_path)
    first.cue_volume = 0.35
    first.voice_volume = 0.6
    first.muted = True
    first.voice = "Anne"
    first.speech_rate = 0.25
    first.audio_backend = "qt"

    again = Settings(tmp_path)  # a second reader sees the file, not the first one's memory

    assert (again.cue_volume, again.voice_volume, again.muted) == (0.35, 0.6, True)
    assert (again.voice, again.speech_rate, again.audio_backend) == ("Anne", 0.25, "qt")


def test_values_out_of_range_are_clamped_when_saved(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.cue_volume = 4
    settings.speech_rate = -9

    assert (settings.cue_volume, settings.speech_rate) == (1.0, -1.0)


def test_an_unknown_backend_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown sound output"):
        Settings(tmp_path).audio_backend = "pulse"


def test_bad_stored_values_fall_back_to_the_defaults(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text(
        "[sound]\ncue_volume=loud\nmuted=perhaps\nbackend=pulse\n"
        "[voice]\nvolume=nan\nrate=5\nname=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x1bQVariantList)\n",
        encoding="utf-8",
    )

    settings = Settings(tmp_path)

    assert settings.cue_volume == 0.8
    assert settings.muted is False
    assert settings.audio_backend == "auto"
    assert settings.voice_volume == 0.8
    assert settings.speech_rate == -0.2
    assert settings.voice == ""


def test_the_file_lives_in_the_config_folder(tmp_path: Path) -> None:
    paths = Paths.resolve()  # COACH_CONFIG_DIR is a fresh folder in every test

    settings = Settings.for_paths(paths)
    settings.muted = True

    assert settings.path == paths.config_dir / FILE_NAME
    assert settings.path.is_file()
    assert "muted=true" in settings.path.read_text(encoding="utf-8")


def test_a_file_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).mkdir()  # something in the way of the file

    settings = Settings(tmp_path)
    settings.muted = True

    assert settings.problem == f"cannot write {tmp_path / FILE_NAME}"
    assert settings.muted is True, "the change still holds for this run"
