"""The Body map view: mark where it hurts on a day, get routines for it, or see the heat map.

The marks are the day entry's areas, the same ones the Today view lists: the day open and its
saving belong to the day editor both views share (a change is saved after a short pause, at
once when the day changes or the view is hidden). Suggestions come from
coach.core.body.suggestions (listed by `coach.ui.body_map.suggestion_list`) and the heat map's numbers from
coach.core.body.heat (shown beside it by `coach.ui.body_map.heat_panel`); this module only asks the log, calls
those and shows the result.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.core.body.body_shapes import BodyShapes
from coach.core.body.heat import HeatCell, area_heat
from coach.core.body.regions import RegionCatalogue
from coach.core.body.suggestions import Suggestion, area_notes, suggest
from coach.core.log.entries import DayEntry
from coach.services.day_editor import DayEditor
from coach.services.routine_catalog import RoutineCatalog
from coach.store.repository import LogRepository
from coach.ui.body_map.body_map_widget import BodyMapWidget
from coach.ui.body_map.heat_panel import HEAT_PRESETS, HeatPanel, heat_text
from coach.ui.body_map.intensity_scale import HeatLegend
from coach.ui.body_map.marked_list import MarkedList
from coach.ui.body_map.suggestion_list import SuggestionList
from coach.ui.common.appearance import bold_when_checked
from coach.ui.common.edited_day import ShowsEditedDay
from coach.ui.common.steady_label import SteadyLabel
from coach.ui.common.text import heading, muted
from coach.ui.today.day_header import SaveState, add_day_header, qdate

SAVE_DELAY_MS = 300

Today = Callable[[], dt.date]


class BodyMapView(ShowsEditedDay, QWidget):
    """Mark the areas that hurt on a day and start a suggested routine; or see the heat map."""

    start_requested = Signal(str)  # a routine id

    def __init__(
        self,
        log: LogRepository,
        catalogue: RegionCatalogue,
        shapes: BodyShapes,
        routines: RoutineCatalog,
        today: Today = dt.date.today,
        parent: QWidget | None = None,
        *,
        editor: DayEditor | None = None,
    ) -> None:
        super().__init__(parent)
        self.log = log  # the heat map's days
        self.catalogue = catalogue
        self.routines = routines
        self.editor = editor if editor is not None else DayEditor(log, today, self)
        self.suggestions: list[Suggestion] = []
        self.heat: dict[str, HeatCell] = {}
        self.heat_start = self.heat_end = self.date
        self.preset = 0
        self.setAccessibleName(self.tr("Body map"))
        self.body_map = BodyMapWidget(catalogue, shapes)
        self.marked_list = MarkedList(self.body_map)
        self.heat_map = BodyMapWidget(catalogue, shapes, interactive=False)
        self.heat_map.setAccessibleName(self.tr("Heat map"))
        for figure in (self.body_map, self.heat_map):
            # named while hidden too (the figure names it "Show back/front" once it shows)
            figure.toggle.setAccessibleName(self.tr("Turn the figure round"))
        self._build()
        routines.changed.connect(self._refresh_suggestions)  # a session file changed on disk
        self.editor.opened.connect(self._show_day)
        self.editor.status_changed.connect(self._show_status)
        self.editor.day_saved.connect(self._day_saved)
        self.editor.today_changed.connect(lambda _today: self._show_header())
        self._show_day()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = add_day_header(self)

        self.mark_button = QPushButton(self.tr("&Mark areas"))
        self.heat_button = QPushButton(self.tr("H&eat map"))
        self.heat_button.setToolTip(self.tr("How often and how strongly each area was marked"))
        # checkable, but not an exclusive group: Tab reaches each (a group's only the checked one)
        for button in (self.mark_button, self.heat_button):
            button.setCheckable(True)
            bold_when_checked(button)
        self.mark_button.setChecked(True)
        self.mark_button.clicked.connect(lambda: self.set_mode("marks"))
        self.heat_button.clicked.connect(lambda: self.set_mode("heat"))
        self.status_label = SaveState()
        self.period_label = QLabel()
        self.period_label.setAccessibleName(self.tr("Period shown"))
        self.period_label.hide()  # heat map only
        modes = QHBoxLayout()
        modes.setSpacing(6)
        modes.addWidget(self.mark_button)
        modes.addWidget(self.heat_button)
        modes.addSpacing(12)
        modes.addWidget(self.status_label, 1)
        modes.addWidget(self.period_label, 1)

        # as tall as the longest hint at every width: the figures above it never jump
        self.hover_label = SteadyLabel()
        muted(self.hover_label)
        self._described: str | None = None  # the area the line describes, if any
        self.hover_label.setAccessibleName(self.tr("Area under the pointer"))
        for figure in (self.body_map, self.heat_map):
            figure.hovered.connect(self._hovered)
        self.body_map.current_changed.connect(self._hovered)
        self.body_map.marks_changed.connect(self._marks_edited)
        self.body_map.marks_shown.connect(self._describe_again)
        heat_page = QWidget()
        heat_layout = QVBoxLayout(heat_page)
        heat_layout.setContentsMargins(0, 0, 0, 0)
        heat_layout.addWidget(self.heat_map, 1)
        heat_layout.addWidget(HeatLegend())
        self.maps = QStackedWidget()
        self.maps.addWidget(self.body_map)
        self.maps.addWidget(heat_page)
        left = QVBoxLayout()
        left.addWidget(self.maps, 1)
        left.addWidget(self.hover_label)

        self.side = QStackedWidget()
        self.side.setFixedWidth(330)
        self.side.addWidget(self._marks_side())
        self.side.addWidget(self._heat_side())
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left, 1)
        body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 16, 8)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(modes)
        layout.addLayout(body, 1)
        self._set_hover_hint()

    def _marks_side(self) -> QWidget:
        self.marked_list.setMaximumHeight(130)
        self.suggestion_list = SuggestionList()
        self.suggestion_list.start_requested.connect(self.start_requested)
        self.suggestion_list.currentItemChanged.connect(lambda *_: self._suggestion_selected())
        self.area_notes = QLabel()  # a kidney, the appendix, a nerve: what else the pain can be
        self.area_notes.setWordWrap(True)
        self.area_notes.setAccessibleName(self.tr("About the areas you marked"))
        self.area_notes.hide()
        self.suggestions_empty = muted(QLabel())
        self.suggestions_empty.setWordWrap(True)
        self.suggestions_empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.suggestions_empty.setAccessibleName(self.tr("Suggestions"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading(self.tr("Marked areas")))
        layout.addWidget(self.marked_list)
        layout.addSpacing(8)
        layout.addWidget(heading(self.tr("Suggestions")))
        layout.addWidget(self.area_notes)
        layout.addWidget(self.suggestion_list, 1)
        layout.addWidget(self.suggestions_empty, 1)
        return page

    def _heat_side(self) -> QWidget:
        self.heat_panel = HeatPanel(self.catalogue, self.preset)
        self.heat_panel.preset_chosen.connect(self.set_preset)
        self.heat_panel.region_chosen.connect(self._hovered)
        # the panel's parts, by the names the view has always given them
        self.preset_buttons = self.heat_panel.preset_buttons
        self.heat_table = self.heat_panel.table
        self.heat_summary = self.heat_panel.summary
        return self.heat_panel

    # -- days ----------------------------------------------------------------------------------

    def open_day(self, date: dt.date) -> bool:
        """Show `date`, saving the marks of the day shown first; False (and stay) if that failed."""
        if not self.editor.open(date):
            self._show_header()
            return False
        return True

    def open_previous(self) -> None:
        """The day before."""
        self.open_day(self.date - dt.timedelta(days=1))

    def open_next(self) -> None:
        """The day after (not past today)."""
        self.open_day(self.date + dt.timedelta(days=1))

    def open_today(self) -> bool:
        """Show today's date."""
        return self.editor.open_today()

    def _show_day(self, _date: object = None) -> None:
        """Show the marks of the day the editor opened."""
        readable = self.editor.readable
        for widget in (self.body_map, self.marked_list):
            # marking over a day that could not be read loses it; a read-only log cannot keep it
            widget.setEnabled(self.editor.editable)
        self._set_hover_hint()
        self.body_map.set_marks(dict(self.editor.entry.areas) if readable else {})
        self._show_status()
        self._show_header()
        if not readable:
            return
        self._refresh_suggestions()
        if self.mode() == "heat":
            self._refresh_heat()

    def _show_header(self) -> None:
        self.setAccessibleDescription(self.header.show_day(self.date, self.known_today))

    def _show_status(self) -> None:
        self.status_label.show_status(self.editor, marks=True)

    def _day_saved(self, date: dt.date) -> None:
        if self.mode() == "heat":
            self._refresh_heat()
        if date != self.date or self.editor.dirty:
            return
        if self.body_map.marks() != self._shown_areas(self.editor.entry.areas):
            self.body_map.set_marks(dict(self.editor.entry.areas))  # saved from Today
            self._refresh_suggestions()

    # -- marks and saving ----------------------------------------------------------------------

    def marks(self) -> dict[str, int]:
        """The areas marked on the day shown, as on screen."""
        return self.body_map.marks()

    def has_pending_edits(self) -> bool:
        """Whether a mark on screen is not saved yet."""
        return self.editor.dirty

    def flush(self) -> bool:
        """Save pending marks now; False if they could not be saved (they stay on screen)."""
        return self.editor.flush()

    def _shown_areas(self, areas: dict[str, int]) -> dict[str, int]:
        shown = self.body_map.region_names()
        return {r: v for r, v in areas.items() if r in shown}

    def _marks_edited(self, marks: dict[str, int]) -> None:
        def with_marks(saved: DayEntry) -> DayEntry:
            # an area the figure cannot show (an id no longer in the catalogue) is kept
            shown = self.body_map.region_names()
            unseen = {r: v for r, v in saved.areas.items() if r not in shown}
            return replace(saved, areas=unseen | marks)

        self.editor.edit("body map", with_marks, SAVE_DELAY_MS)
        self._refresh_suggestions()

    # -- suggestions ---------------------------------------------------------------------------

    def _refresh_suggestions(self) -> None:
        marks = self.body_map.marks()
        self.suggestions = suggest(marks, self.catalogue, self.routines.routines())
        self.suggestion_list.set_suggestions(self.suggestions)
        notes = area_notes(marks, self.catalogue)
        self.area_notes.setText("\n\n".join(notes))
        self.area_notes.setVisible(bool(notes))
        if not marks:
            empty = self.tr(
                "Mark where it hurts on the figure, and routines for those areas, and for the "
                "muscles that often cause or carry that pain, appear here."
            )
        else:
            empty = self.tr(
                "No routine in your library works these areas or the muscles linked to them yet."
            )
        self.suggestions_empty.setText(empty)
        self.suggestion_list.setVisible(bool(self.suggestions))
        self.suggestions_empty.setVisible(not self.suggestions)
        self._suggestion_selected()

    def _suggestion_selected(self) -> None:
        """Show on the figure the linked muscles the selected suggestion works (marked areas keep
        their colour: a tint over them would change what their intensity looks like)."""
        row = self.suggestion_list.currentRow()
        chosen = self.suggestions[row] if 0 <= row < len(self.suggestions) else None
        regions = chosen.regions - self.body_map.marks().keys() if chosen is not None else set()
        self.body_map.highlight(regions)

    # -- heat map ------------------------------------------------------------------------------

    def mode(self) -> str:
        """Which is shown: "marks" or "heat"."""
        return "heat" if self.heat_button.isChecked() else "marks"

    def set_mode(self, mode: str) -> None:
        """Mark areas ("marks") or see how often and how strongly they were marked ("heat")."""
        heat = mode == "heat"
        self.mark_button.setChecked(not heat)
        self.heat_button.setChecked(heat)
        self.maps.setCurrentIndex(int(heat))
        self.side.setCurrentIndex(int(heat))
        self.status_label.setVisible(not heat)
        self.period_label.setVisible(heat)
        if heat:
            self.flush()
            self._refresh_heat()
        self._set_hover_hint()

    def set_preset(self, number: int) -> None:
        """Show one of HEAT_PRESETS: that many days up to the date shown."""
        self.preset = number
        self.heat_panel.check_preset(number)
        self._refresh_heat()

    def _refresh_heat(self) -> None:
        days_back = HEAT_PRESETS[self.preset][1]
        end = self.date
        try:
            if days_back is None:
                span = self.log.date_range()
                start = min(span[0], end) if span else end
            else:
                start = end - dt.timedelta(days=days_back - 1)
            days = self.log.days(start, end)
        except sqlite3.Error as trouble:
            self.heat_summary.setText(self.tr("Could not read the log: {0}").format(trouble))
            return
        self.heat_start, self.heat_end = start, end
        self.heat = area_heat(days, start, end)
        self.heat_map.set_heat({r: (c.score, heat_text(c)) for r, c in self.heat.items()})
        locale = QLocale()
        self.period_label.setText(
            self.tr("{0} to {1}").format(
                locale.toString(qdate(start), "d MMM yyyy"),
                locale.toString(qdate(end), "d MMM yyyy"),
            )
        )
        self.heat_panel.show_heat(self.heat, len(days))

    # -- the rest ------------------------------------------------------------------------------

    def _hovered(self, region_id: str | None) -> None:
        self._described = region_id
        if region_id is None:
            self._set_hover_hint()
            return
        figure = self.heat_map if self.mode() == "heat" else self.body_map
        self.hover_label.setText(figure.describe(region_id))

    def _describe_again(self) -> None:
        """A mark changed: the line under the figures says the area's new mark at once."""
        if self._described is not None:
            self._hovered(self._described)

    def _hints(self) -> dict[str, str]:
        return {
            "heat": self.tr("Point at an area to see how often and how strongly it was marked."),
            "marks": self.tr(
                "Point at an area to see its name; click to mark it, click again to change how "
                "much. The arrow keys and digits work too."
            ),
            "look": self.tr("Point at an area to see its name."),
        }

    def _set_hover_hint(self) -> None:
        hints = self._hints()
        self.hover_label.reserve(list(hints.values()))
        if self.mode() == "heat":
            self.hover_label.setText(hints["heat"])
        else:  # marking is off where the day cannot be saved
            self.hover_label.setText(hints["marks" if self.editor.editable else "look"])

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back: pick up a new date (what Today logged came with `day_saved`)."""
        super().showEvent(event)
        self.editor.check_new_day()  # the header follows `today_changed`

    def hideEvent(self, event: QHideEvent) -> None:
        """Going away (another view, or the window closing): save first."""
        self.flush()
        super().hideEvent(event)
