"""The details pane's HTML: a routine's facts and steps, a broken file's problems, all escaped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QColor, QPalette

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.library import BrokenFile, LibraryEntry
from coach.core.routines.problems import Problem, Severity
from coach.ui.library.routine_detail import broken_html, muted_colour, problem_line, routine_html
from tests.ui.library.entries import YOURS, entry


def test_a_routine_s_details_say_what_it_is_and_what_it_needs(
    qapp, catalogue: RegionCatalogue
) -> None:
    shown = routine_html(
        entry(
            "back",
            "Back <b>care</b>",
            3,
            summary="For a stiff back.",
            equipment=("Mat",),
            targets=("lower_back",),
            cautions=("Stop if it hurts.",),
        ),
        catalogue,
        "#888888",
    )
    assert "<h2>Back &lt;b&gt;care&lt;/b&gt;</h2>" in shown, "what a file says is escaped"
    assert "Relaxation (PMR) · 3:00 · 1 step" in shown
    assert "For a stiff back." in shown
    assert "<b>You need:</b> Mat" in shown
    assert f"<b>Works on:</b> {catalogue.name('lower_back')}" in shown
    assert "<h3>Before you start</h3><ul><li>Stop if it hurts.</li>" in shown
    assert "Settle in." in shown
    assert "Built-in: /sessions/back.toml" in shown


def test_your_routine_that_replaces_a_built_in_says_so_with_its_notes(
    qapp, catalogue: RegionCatalogue
) -> None:
    mine = entry("back", "Back", 3, source=YOURS)
    warning = Problem(Path("/home/me/routines/back.toml"), "is not used", 4, "steps[0].colour")
    routine = replace(mine.routine, warnings=(warning,))
    replaced = LibraryEntry(routine, YOURS, overrides=Path("/sessions/back.toml"))

    shown = routine_html(replaced, catalogue, "#888888")

    assert "Your routine: /home/me/routines/back.toml" in shown
    assert "Replaces a built-in routine with the same id: /sessions/back.toml" in shown
    assert "Notes on this file:<br>line 4: steps[0].colour is not used" in shown
    assert "color:#888888" in shown


def test_a_broken_file_lists_its_problems_and_how_to_get_it_loaded() -> None:
    path = Path("/home/me/routines/bad.toml")
    broken = BrokenFile(path, YOURS, (Problem(path, "duration must be <b>positive</b>", 3),))

    watched = broken_html(broken, watching=True)
    assert "<h2>bad.toml</h2>" in watched
    assert "This session file (yours) could not be loaded." in watched
    assert "this list updates by itself" in watched
    assert "&lt;b&gt;positive" in watched
    assert "Fix it and press F5." in broken_html(broken, watching=False)


def test_the_muted_colour_is_between_text_and_background() -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    assert muted_colour(palette) == "#555555"


def test_a_problem_line_names_its_place_and_field() -> None:
    problem = Problem(Path("x.toml"), "is missing", field="title", severity=Severity.ERROR)
    assert problem_line("line 2", problem) == "line 2: title is missing"
    assert problem_line("", Problem(Path("x.toml"), "is empty")) == "is empty"
