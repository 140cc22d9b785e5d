"""The notices about the system voice: why it cannot speak, how to fix it on this system, and what
happens until then."""

from __future__ import annotations

import pytest

from coach.services.sound.voice_notices import no_engine_notice, not_answering_notice


def test_on_linux_the_notice_names_the_packages_to_install(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    notice = no_engine_notice("speech-dispatcher is not installed")

    assert notice.startswith("No speech engine found: speech-dispatcher is not installed.")
    assert "sudo apt install speech-dispatcher speech-dispatcher-espeak-ng" in notice
    assert notice.endswith("until then the guidance is shown on screen.")


def test_elsewhere_it_points_to_the_system_s_settings(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "darwin")
    notice = no_engine_notice("no voices")

    assert "check the system's text-to-speech settings" in notice
    assert "apt" not in notice


def test_what_happens_instead_can_be_the_built_in_voice(qapp) -> None:
    instead = "the built-in voice speaks instead"
    assert no_engine_notice("no voices", instead).endswith(f"until then {instead}.")
    assert not_answering_notice(instead) == f"The system voice is not answering; {instead}."
