"""Saving a chart on screen to a PNG or SVG file the person picks, and saying how that went."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from coach.ui.common.text import muted

if TYPE_CHECKING:  # the charts load pyqtgraph: they are imported when a chart is first shown
    from coach.ui.trends.charts import Chart


def save_buttons(
    chart: Chart, owner: QWidget, period: Callable[[], tuple[dt.date, dt.date]]
) -> QHBoxLayout:
    """A row for under `chart`: how the last save went, then "Save as PNG…" and "Save as SVG…".

    `owner` is the dialog's parent; `period` gives the first and last dates shown, for the
    file's name and the title written above the saved chart.
    """
    row = QHBoxLayout()
    status = muted(QLabel())
    status.setWordWrap(True)
    row.addWidget(status, 1)
    for suffix, label in (
        (".png", QCoreApplication.translate("TrendsView", "Save as PNG…")),
        (".svg", QCoreApplication.translate("TrendsView", "Save as SVG…")),
    ):
        button = QPushButton(label)
        button.setAccessibleName(
            QCoreApplication.translate("TrendsView", "Save the chart “{0}” as {1}").format(
                chart.accessibleName(), suffix[1:].upper()
            )
        )
        button.clicked.connect(
            lambda _=False, s=suffix: ask_and_save(chart, s, status, owner, period())
        )
        row.addWidget(button)
    return row


def saved_heading(chart: Chart, start: dt.date, end: dt.date) -> str:
    """The title a saved chart carries: what it shows and the dates it covers."""
    return QCoreApplication.translate("TrendsView", "{0}, {1} to {2}").format(
        chart.accessibleName(), f"{start.day} {start:%b %Y}", f"{end.day} {end:%b %Y}"
    )


def ask_and_save(
    chart: Chart, suffix: str, status: QLabel, owner: QWidget, period: tuple[dt.date, dt.date]
) -> None:
    """Ask where to save `chart` as `suffix` (".png" or ".svg"), save it with a title and its
    dates, and say so in `status`."""
    start, end = period
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    name = f"unknot-{chart.accessibleName().lower().replace(' ', '-')}-{end}{suffix}"
    path, _filter = QFileDialog.getSaveFileName(
        owner,
        QCoreApplication.translate("TrendsView", "Save the chart"),
        str(Path(folder or Path.home()) / name),
        QCoreApplication.translate("TrendsView", "PNG image (*.png)")
        if suffix == ".png"
        else QCoreApplication.translate("TrendsView", "SVG drawing (*.svg)"),
    )
    if not path:
        return
    if not path.lower().endswith(suffix):
        path += suffix
    try:
        save_with_heading(chart, path, saved_heading(chart, start, end))
    except (OSError, ValueError) as trouble:
        status.setText(
            QCoreApplication.translate("TrendsView", "Could not save the chart: {0}").format(
                trouble
            )
        )
    else:
        status.setText(QCoreApplication.translate("TrendsView", "Saved to {0}").format(path))


def save_with_heading(chart: Chart, path: Path | str, heading: str) -> Path:
    """Save `chart` with `heading` above it; on screen it stays as it was (no title)."""
    from coach.ui.trends.charts import export_file  # loaded already: the chart is on screen

    had_heading = chart.heading is not None
    chart.set_heading(heading)
    try:
        return export_file(chart, path)
    finally:
        if not had_heading:
            chart.clear_heading()
