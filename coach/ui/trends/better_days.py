"""The Trends view's "Better days" tab: pain on days with and without each tag, in a table and words.

The associations come from `coach.core.analytics.trends.tag_associations`; this module only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from coach.core.analytics.trends import TagLink

MIN_TAG_DAYS = 5


class TagTable(QTableWidget):
    """One row per tag: days and average pain with it and without it, and the difference."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setAccessibleName(
            QCoreApplication.translate("TrendsView", "Pain on days with and without each tag")
        )
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TrendsView", "Tag"),
                QCoreApplication.translate("TrendsView", "Days with"),
                QCoreApplication.translate("TrendsView", "Average pain with"),
                QCoreApplication.translate("TrendsView", "Days without"),
                QCoreApplication.translate("TrendsView", "Average pain without"),
                QCoreApplication.translate("TrendsView", "Difference"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)

    def show_links(self, links: Sequence[TagLink]) -> None:
        """One row per association, in the order given."""
        self.setRowCount(len(links))
        for row, link in enumerate(links):
            cells = (
                link.tag,
                str(link.with_days),
                f"{link.with_mean:.1f}",
                str(link.without_days),
                f"{link.without_mean:.1f}",
                f"{link.difference:+.1f}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)


def better_days_text(links: Sequence[TagLink]) -> str:
    """The tags that go with the lowest and the highest pain, in sentences (or why there are none)."""
    if not links:
        return QCoreApplication.translate(
            "TrendsView",
            "No tag yet has at least {0} days with a pain rating both with it and "
            "without it in this period. Keep tagging your days (a walk, a long drive, "
            "physio) and this shows which go with lower or higher pain.",
        ).format(MIN_TAG_DAYS)
    lines = [tag_sentence(link) for link in links[:3]]
    if len(links) > 3:
        lines += [tag_sentence(link) for link in links[-3:] if link not in links[:3]]
    lines.append(
        QCoreApplication.translate(
            "TrendsView",
            "These are associations, not proof that one causes the other: the days may differ "
            "in other ways too.",
        )
    )
    return "\n".join(lines)


def tag_sentence(link: TagLink) -> str:
    """How pain on days with one tag compared with days without it."""
    size = round(abs(link.difference), 1)
    if size == 0:
        return QCoreApplication.translate(
            "TrendsView", "Days with “{0}” had about the same pain as days without."
        ).format(link.tag)
    if link.difference < 0:
        text = QCoreApplication.translate(
            "TrendsView", "Days with “{0}” had pain {1:.1f} lower on average ({2} days)."
        )
    else:
        text = QCoreApplication.translate(
            "TrendsView", "Days with “{0}” had pain {1:.1f} higher on average ({2} days)."
        )
    return text.format(link.tag, size, link.with_days)
