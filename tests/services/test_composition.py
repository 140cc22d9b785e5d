"""The composition root: lazy, overridable, and closing what it made."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from coach.paths import Paths
from coach.services.composition import build_services
from coach.store.backup import BackupKeeper
from coach.store.repository import LogRepository


def test_nothing_is_built_until_asked_for(paths: Paths) -> None:
    services = build_services(paths)

    assert not {"catalogue", "library", "routines", "shapes", "audio", "speech"} & set(
        vars(services)
    )
    assert services.library.catalogue is services.catalogue
    assert services.routines.library is services.library
    assert services.routines.find("pmr-4") is not None
    assert services.shapes is not None


def test_the_log_must_be_given_or_set(paths: Paths) -> None:
    services = build_services(paths)
    with pytest.raises(RuntimeError, match="set_log"):
        services.log  # noqa: B018

    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    services.set_log(log)
    assert services.day_editor.log is log
    services.close()
    with pytest.raises(sqlite3.ProgrammingError):
        log.conn.execute("SELECT 1")  # handed over: closed with the rest


def test_given_parts_are_used_and_left_to_their_owner(paths: Paths, log, catalogue) -> None:
    services = build_services(paths, catalogue=catalogue, log=log, today=lambda: None)

    assert services.catalogue is catalogue
    assert services.today() is None
    services.close()
    assert log.conn.execute("SELECT 1").fetchone() == (1,), "the test's log stays open"


def test_an_unknown_override_is_refused(paths: Paths) -> None:
    with pytest.raises(TypeError, match="lgo"):
        build_services(paths, lgo=None)


def test_without_the_artwork_the_body_map_is_none_and_says_why(
    paths: Paths, catalogue, tmp_path, capsys
) -> None:
    services = build_services(replace(paths, assets=tmp_path / "no-assets"), catalogue=catalogue)

    assert services.shapes is None
    assert "body map is not available" in capsys.readouterr().err


def test_the_narration_voice_is_built_on_the_voices_and_follows_the_levels(
    qtbot, paths: Paths, tmp_path
) -> None:
    from coach.services.settings import Settings

    settings = Settings(tmp_path / "config")
    settings.voice_volume, settings.muted = 0.4, False
    services = build_services(paths, settings)

    narration = services.narration
    assert narration.builtin is services.neural
    assert narration.system is services.speech
    assert narration.engine == settings.voice_engine == "builtin"
    assert services.hearing.voice is narration
    assert services.sound.voice is narration
    assert services.neural.volume == pytest.approx(0.4), "the stored level applies"

    services.sound_levels.muted = True
    assert services.neural.muted
    assert services.speech.muted
    assert settings.muted
    services.close()


def test_a_session_s_words_follow_the_clock_the_services_were_given(qtbot, paths: Paths) -> None:
    from coach.core.playing.clock import ManualClock
    from coach.core.playing.conductor import PlayCue, Speak
    from coach.core.playing.timeline import SPEECH_LEAD
    from coach.core.routines.cues import BuiltinCue

    clock = ManualClock()
    services = build_services(paths, clock=clock)
    sound = services.sound
    said: list[str] = []
    sound.spoken.connect(said.append)

    sound.perform([PlayCue(BuiltinCue.TENSE), Speak("Make a fist.")])
    assert said == []
    clock.advance(SPEECH_LEAD)
    sound.catch_up()  # no real time passed: only the given clock moved

    assert said == ["Make a fist."]
    services.close()
