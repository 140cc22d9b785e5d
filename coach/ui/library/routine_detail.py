"""The Routines view's details pane: a routine's details, or why a session file failed, as HTML."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette

from coach.core.body.regions import RegionCatalogue
from coach.core.playing.timeline import Timeline
from coach.core.routines.library import BrokenFile, LibraryEntry
from coach.core.routines.problems import Problem
from coach.core.routines.routine import format_duration
from coach.ui.common.step_words import routine_kind_name, step_kind_name


def routine_html(entry: LibraryEntry, catalogue: RegionCatalogue, muted: str) -> str:
    """A routine's details: facts, targets, cautions, steps, where its file is, and notes on it."""
    e = html.escape
    routine = entry.routine
    parts = [f"<h2>{e(routine.title)}</h2>"]
    facts = [
        routine_kind_name(routine.kind),
        format_duration(routine.duration),
        QCoreApplication.translate("RoutinesView", "1 step")
        if len(routine.steps) == 1
        else QCoreApplication.translate("RoutinesView", "{0} steps").format(len(routine.steps)),
    ]
    parts.append(f"<p><i>{e(' · '.join(facts))}</i></p>")
    if routine.summary:
        parts.append(f"<p>{e(routine.summary)}</p>")
    if routine.equipment:
        need = QCoreApplication.translate("RoutinesView", "You need:")
        parts.append(f"<p><b>{e(need)}</b> {e(', '.join(routine.equipment))}</p>")
    if routine.targets:
        names = ", ".join(catalogue.name(t) for t in routine.targets)
        works_on = QCoreApplication.translate("RoutinesView", "Works on:")
        parts.append(f"<p><b>{e(works_on)}</b> {e(names)}</p>")
    if routine.cautions:
        before = QCoreApplication.translate("RoutinesView", "Before you start")
        parts.append(f"<h3>{e(before)}</h3><ul>")
        parts += [f"<li>{e(c)}</li>" for c in routine.cautions]
        parts.append("</ul>")
    steps = QCoreApplication.translate("RoutinesView", "Steps")
    parts.append(f"<h3>{e(steps)}</h3><table cellspacing='4'>")
    for placed in Timeline.from_routine(routine).steps:
        step = placed.step
        parts.append(
            f"<tr><td align='right'>{e(format_duration(placed.offset))}</td>"
            f"<td><b>{e(step_kind_name(step.kind))}</b></td><td>{e(f'{step.duration:g}')}s</td>"
            f"<td>{e(step.text)}</td></tr>"
        )
    parts.append("</table>")
    where = (
        QCoreApplication.translate("RoutinesView", "Your routine")
        if entry.source.label == "yours"
        else QCoreApplication.translate("RoutinesView", "Built-in")
    )
    parts.append(f"<p style='color:{muted}'><small>{e(where)}: {e(str(routine.path))}")
    if entry.overrides is not None:
        replaces = QCoreApplication.translate(
            "RoutinesView", "Replaces a built-in routine with the same id: {0}"
        )
        parts.append(f"<br>{e(replaces.format(entry.overrides))}")
    parts.append("</small></p>")
    if routine.warnings:
        notes = [e(QCoreApplication.translate("RoutinesView", "Notes on this file:"))]
        for warning in routine.warnings:
            line = (
                QCoreApplication.translate("RoutinesView", "line {0}").format(warning.line)
                if warning.line
                else ""
            )
            notes.append(e(problem_line(line, warning)))
        parts.append(f"<p style='color:{muted}'><small>{'<br>'.join(notes)}</small></p>")
    return "".join(parts)


def broken_html(broken: BrokenFile, *, watching: bool) -> str:
    """Why a session file could not be loaded, and how to get it loaded."""
    e = html.escape
    items = "".join(f"<li><code>{e(str(p))}</code></li>" for p in broken.problems)
    source = (
        QCoreApplication.translate("RoutinesView", "yours")
        if broken.source.label == "yours"
        else QCoreApplication.translate("RoutinesView", "built-in")
    )
    if watching:
        advice = QCoreApplication.translate(
            "RoutinesView", "Fix it and save it: this list updates by itself."
        )
    else:
        advice = QCoreApplication.translate("RoutinesView", "Fix it and press F5.")
    intro = QCoreApplication.translate(
        "RoutinesView", "This session file ({0}) could not be loaded. {1}"
    ).format(source, advice)
    return (
        f"<h2>{e(broken.path.name)}</h2><p>{e(intro)}</p><ul>{items}</ul>"
        f"<p><small>{e(str(broken.path))}</small></p>"
    )


def muted_colour(palette: QPalette) -> str:
    """A colour between the text's and the background's, for the least important lines."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    mix = [
        (2 * t + b) // 3
        for t, b in (
            (text.red(), base.red()),
            (text.green(), base.green()),
            (text.blue(), base.blue()),
        )
    ]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def problem_line(place: str, problem: Problem) -> str:
    """``place: field message`` (either part may be missing)."""
    what = f"{problem.field} {problem.message}" if problem.field else problem.message
    return f"{place}: {what}" if place else what
