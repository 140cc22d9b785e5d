"""The player's screen as laid out, before anything plays: every part named, in its place, and
what eyes-closed mode hides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.ui.session.player_screen import PlayerScreen
from coach.ui.session.sound_controls import SoundControls


def test_every_part_is_named_for_screen_readers(qtbot: QtBot, catalogue: RegionCatalogue):
    screen = PlayerScreen(catalogue)
    qtbot.addWidget(screen)

    names = {
        screen.title: "Routine",
        screen.kind_label: "What to do",
        screen.paused_label: "Paused",
        screen.text: "Guidance",
        screen.regions_label: "Works on",
        screen.cue_label: "Last sound",
        screen.next_label: "Next step",
        screen.progress: "Progress through the routine",
        screen.time_left: "Time left in the routine",
    }
    assert {widget.accessibleName() for widget in names} == set(names.values())
    for widget, name in names.items():
        assert widget.accessibleName() == name


def test_each_button_says_its_key_and_is_easy_to_hit(qtbot: QtBot, catalogue) -> None:
    screen = PlayerScreen(catalogue)
    qtbot.addWidget(screen)

    texts = [button.text() for button in screen.buttons]

    assert texts == ["◀ Previous", "Pause", "Next ▶", "Restart step", "Eyes closed", "Stop"]
    for button in screen.buttons:
        assert button.toolTip() == button.accessibleDescription()
        assert "(" in button.toolTip(), "the tip names the key"
        assert button.minimumHeight() >= 36
    assert screen.play_button.isDefault()
    assert all(button.parent() is screen for button in screen.buttons)


def test_the_phase_word_is_large_and_the_guidance_scrolls_without_taking_keys(
    qtbot: QtBot, catalogue
) -> None:
    screen = PlayerScreen(catalogue)
    qtbot.addWidget(screen)

    assert screen.kind_label.font().pointSizeF() > 2.5 * screen.font().pointSizeF()
    assert screen.text.wordWrap()
    assert screen.text_scroll.widget() is screen.text
    assert screen.text_scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert screen.text_scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert screen.paused_label.isHidden()
    assert screen.cue_label.isHidden()


def test_the_small_figure_comes_with_the_artwork_and_leaves_the_keys_alone(
    qtbot: QtBot, catalogue, shapes
) -> None:
    without = PlayerScreen(catalogue)
    qtbot.addWidget(without)
    screen = PlayerScreen(catalogue, shapes)
    qtbot.addWidget(screen)

    assert without.figure is None
    figure = screen.figure
    assert figure is not None
    assert not figure.interactive
    assert figure.toggle.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert figure.sizePolicy().retainSizeWhenHidden(), "no jump between steps"
    assert figure.maximumSize().width() == 250
    assert figure.parent() is screen


def test_chrome_and_buttons_are_what_eyes_closed_mode_hides(qtbot: QtBot, catalogue) -> None:
    screen = PlayerScreen(catalogue)
    qtbot.addWidget(screen)

    assert screen.chrome == [
        screen.title,
        screen.position_label,
        screen.regions_label,
        screen.next_label,
        screen.progress,
        screen.time_left,
    ]
    assert screen.kind_label not in screen.chrome, "the phase word stays, dimmed"
    assert screen.text not in screen.chrome, "the guidance stays, dimmed"
    assert screen.sound_controls is None


def test_sound_controls_go_under_the_buttons_and_hide_with_the_chrome(
    qtbot: QtBot, catalogue, paths, audio_service, speech_service
) -> None:
    from coach.services.settings import Settings
    from coach.services.sound.sound_levels import SoundLevels

    screen = PlayerScreen(catalogue)
    qtbot.addWidget(screen)
    controls = SoundControls(
        SoundLevels(audio_service, speech_service, Settings.for_paths(paths)), speech_service
    )

    screen.set_sound_controls(controls)

    assert screen.sound_controls is controls
    assert screen.chrome[-1] is controls
    assert controls.parent() is screen
    assert screen.sound_row.indexOf(controls) == 0
    screen.resize(900, 600)
    screen.show()
    qtbot.waitExposed(screen)
    assert controls.geometry().top() > screen.stop_button.geometry().bottom()
