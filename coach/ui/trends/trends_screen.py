"""The Trends view's screen: the period's buttons, the week's sentence, and a tab per question.

`TrendsScreen` holds the widgets and where they go: the header with the range presets, the
summary sentence, five tabs (Trends, Session effect, Sleep and pain, Better days, Adherence) each
with its sentence, and the page for an empty log. It reads nothing and draws no chart: the view
(`coach.ui.trends.trends_view.TrendsView`) puts the charts in `page_layouts` and fills the words in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coach.ui.common.appearance import bold_when_checked
from coach.ui.common.marked import QT_TRANSLATE_NOOP
from coach.ui.common.text import heading, muted
from coach.ui.trends.better_days import TagTable
from coach.ui.trends.trend_words import averaging_hint, empty_text

# The range presets: label, days shown (None: the whole log)
PRESETS: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("TrendsView", "&2 weeks"), 14),
    (QT_TRANSLATE_NOOP("TrendsView", "&3 months"), 91),
    (QT_TRANSLATE_NOOP("TrendsView", "1 &year"), 365),
    (QT_TRANSLATE_NOOP("TrendsView", "&All"), None),
)
DEFAULT_PRESET = 1
CHART_STRETCH = 1000  # against a page's trailing stretch of 1


class TrendsScreen(QWidget):
    """The Trends view's widgets, laid out; `page_layouts[i]` is tab i's column, where a chart
    goes at position 1 (under its sentence) with `CHART_STRETCH`."""

    # subclassed: its words are translated in its own context, not with self.tr (which looks
    # them up under the subclass)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

    def _build(self) -> None:
        self.period_label = QLabel()
        self.period_label.setAccessibleName(
            QCoreApplication.translate("TrendsScreen", "Period shown")
        )
        self.preset_buttons = QButtonGroup(self)
        # the one sentence a person reads first, above every chart
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(QCoreApplication.translate("TrendsScreen", "This week"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_font = self.summary.font()
        summary_font.setPointSizeF(summary_font.pointSizeF() * 1.25)
        self.summary.setFont(summary_font)
        header = QHBoxLayout()
        header.addWidget(heading(QCoreApplication.translate("TrendsScreen", "Trends")))
        header.addWidget(self.period_label, 1)
        for number, (label, _days) in enumerate(PRESETS):
            button = QPushButton(QCoreApplication.translate("TrendsView", label))
            button.setCheckable(True)
            bold_when_checked(button)
            button.setAccessibleName(
                QCoreApplication.translate("TrendsScreen", "Show {0}").format(
                    button.text().replace("&", "")
                )
            )
            self.preset_buttons.addButton(button, number)
            header.addWidget(button)

        self.hover_label = QLabel(
            QCoreApplication.translate(
                "TrendsScreen",
                "Point at a day, or click the chart and press Left or Right, to see its values.",
            )
        )
        self.hover_label.setAccessibleName(
            QCoreApplication.translate("TrendsScreen", "Values of the day under the cursor")
        )
        self.hover_label.setWordWrap(True)  # large text: wrap rather than widen the window
        trends_hint = self.trends_hint = muted(QLabel())
        self._show_averaging("day")
        sleep_hint = muted(
            QLabel(
                QCoreApplication.translate(
                    "TrendsScreen",
                    "Each dot is a pair of ratings; a bigger dot stands for more days.",
                )
            )
        )
        for hint in (trends_hint, sleep_hint):
            hint.setWordWrap(True)
        self.effect_text = self._sentence(
            QCoreApplication.translate("TrendsScreen", "Pain before and after sessions")
        )
        self.sleep_text = self._sentence(
            QCoreApplication.translate("TrendsScreen", "Sleep and pain")
        )
        self.tags_text = self._sentence(
            QCoreApplication.translate("TrendsScreen", "What goes with better days")
        )
        self.adherence_text = self._sentence(
            QCoreApplication.translate("TrendsScreen", "Sessions per week")
        )
        self.tags_table = TagTable()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(QCoreApplication.translate("TrendsScreen", "Trends sections"))
        self.tabs.tabBar().setAccessibleName(
            QCoreApplication.translate("TrendsScreen", "Trends sections")
        )
        pages = (
            (QCoreApplication.translate("TrendsScreen", "Trends"), [self.hover_label, trends_hint]),
            (QCoreApplication.translate("TrendsScreen", "Session effect"), [self.effect_text]),
            (
                QCoreApplication.translate("TrendsScreen", "Sleep and pain"),
                [self.sleep_text, sleep_hint],
            ),
            (
                QCoreApplication.translate("TrendsScreen", "Better days"),
                [self.tags_text, self.tags_table],
            ),
            (QCoreApplication.translate("TrendsScreen", "Adherence"), [self.adherence_text]),
        )
        self.page_layouts: list[QVBoxLayout] = []
        for title, widgets in pages:
            self.tabs.addTab(self._page(widgets), title)

        self.empty_label = QLabel(empty_text())
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(
            QCoreApplication.translate("TrendsScreen", "Nothing logged yet")
        )
        self.body = QStackedWidget()
        self.body.addWidget(self.tabs)
        self.body.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 16, 8)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.body, 1)

    def _show_averaging(self, unit: str) -> None:
        self.trends_hint.setText(averaging_hint(unit))

    def _sentence(self, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _page(self, widgets: Sequence[QWidget]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 12, 8, 8)
        for widget in widgets:
            if isinstance(widget, QTableWidget):
                layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                layout.addWidget(widget)
        layout.addStretch(1)  # takes the room while a chart is hidden; a chart takes it back
        self.page_layouts.append(layout)
        return page
