"""The "Reminders" part of Settings: a daily reminder at chosen times, to log the day or do a session.

Every change is saved and applied at once. Reminders are shown from the tray icon, so without a
system tray (`reminders` None) the section says so and its controls are greyed out.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coach.core.log.reminders import MAX_TIMES, PURPOSES, SNOOZE_MINUTES, format_time, parse_time
from coach.services.reminders import ReminderService
from coach.services.settings import Settings
from coach.ui.common.text import heading, muted


class ReminderSettings(QWidget):
    """Reminder on/off, its times, what it is for, and when the next one comes."""

    def __init__(
        self,
        settings: Settings | None,
        reminders: ReminderService | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.reminders: ReminderService | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(heading(self.tr("Reminders")))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Reminders notice"))
        outer.addWidget(self.notice)

        self.enabled = QCheckBox(self.tr("&Remind me every day"))
        self.enabled.setAccessibleName(self.tr("Remind me every day"))
        outer.addWidget(self.enabled)

        self.controls = QWidget()
        form = QFormLayout(self.controls)
        form.setContentsMargins(0, 0, 0, 0)
        self.times_row = QHBoxLayout()
        self.times_row.setContentsMargins(0, 0, 0, 0)
        self.time_edits: list[QTimeEdit] = []
        self.add_time = QPushButton(self.tr("&Add a time"))
        self.add_time.setAccessibleName(self.tr("Add a reminder time"))
        self.add_time.clicked.connect(self._add_clicked)
        self.remove_time = QPushButton(self.tr("Re&move the last time"))
        self.remove_time.setAccessibleName(self.tr("Remove the last reminder time"))
        self.remove_time.clicked.connect(self._remove_clicked)
        self.times_row.addWidget(self.add_time)
        self.times_row.addWidget(self.remove_time)
        self.times_row.addStretch(1)
        times = QWidget()
        times.setLayout(self.times_row)
        form.addRow(self.tr("At:"), times)

        purposes = QWidget()
        purpose_box = QHBoxLayout(purposes)
        purpose_box.setContentsMargins(0, 0, 0, 0)
        self.purpose_group = QButtonGroup(self)
        self.purposes: dict[str, QRadioButton] = {}
        labels = {
            "log": self.tr("&Log the day"),
            "session": self.tr("Do a &session"),
            "both": self.tr("&Both"),
        }
        names = {
            "log": self.tr("Remind me to log the day"),
            "session": self.tr("Remind me to do a session"),
            "both": self.tr("Remind me to log the day and do a session"),
        }
        for key in PURPOSES:
            button = QRadioButton(labels[key])
            button.setAccessibleName(names[key])
            self.purpose_group.addButton(button)
            self.purposes[key] = button
            purpose_box.addWidget(button)
        purpose_box.addStretch(1)
        form.addRow(self.tr("To:"), purposes)
        outer.addWidget(self.controls)

        self.explain = muted(
            QLabel(
                self.tr(
                    "Nothing is shown on a day that is already done: logged, or with a session "
                    "for session reminders. A reminder can be snoozed for {0} minutes from the "
                    "tray menu."
                ).format(SNOOZE_MINUTES)
            )
        )
        self.explain.setWordWrap(True)
        outer.addWidget(self.explain)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Next reminder"))
        outer.addWidget(self.status)

        self._load()
        self.enabled.toggled.connect(self._enabled_toggled)
        self.purpose_group.buttonToggled.connect(self._purpose_toggled)
        self.set_service(reminders)

    def set_service(self, reminders: ReminderService | None) -> None:
        """Control this reminder service (None: there is no tray to show reminders)."""
        if self.reminders is not None:
            self.reminders.rescheduled.disconnect(self._show_status)
        self.reminders = reminders
        if reminders is not None:
            reminders.rescheduled.connect(self._show_status)
        self._show_state()

    # -- showing -------------------------------------------------------------------------------

    def _load(self) -> None:
        settings = self.settings
        self.enabled.setChecked(settings.reminder_enabled if settings else False)
        for text in settings.reminder_times if settings else ["20:00"]:
            self._add_edit(parse_time(text))
        self.purposes[settings.reminder_for if settings else "log"].setChecked(True)

    def _add_edit(self, time: dt.time) -> QTimeEdit:
        edit = QTimeEdit(QTime(time.hour, time.minute))
        edit.setDisplayFormat("HH:mm")
        number = len(self.time_edits) + 1
        edit.setAccessibleName(self.tr("Reminder time {0}").format(number))
        edit.setToolTip(self.tr("Reminder time {0} (24-hour clock)").format(number))
        edit.timeChanged.connect(lambda _time: self._save_times())
        self.times_row.insertWidget(len(self.time_edits), edit)
        self.time_edits.append(edit)
        return edit

    def _show_state(self) -> None:
        available = self.reminders is not None and self.settings is not None
        if self.reminders is None:
            self.notice.setText(
                self.tr(
                    "⚠ Reminders need a system tray; your desktop has none. Everything else "
                    "works as usual."
                )
            )
        elif self.settings is None:
            self.notice.setText(self.tr("Reminders are not set up in this window."))
        self.notice.setVisible(not available)
        self.enabled.setEnabled(available)
        on = available and self.enabled.isChecked()
        self.controls.setEnabled(on)
        self.add_time.setEnabled(on and len(self.time_edits) < MAX_TIMES)
        self.remove_time.setEnabled(on and len(self.time_edits) > 1)
        self._show_status()

    def _show_status(self) -> None:
        problem = self.settings.problem if self.settings is not None else ""
        if problem:
            self.status.setText(self.tr("Not saved: {0}").format(problem))
        elif self.reminders is None or not self.enabled.isChecked():
            self.status.setText("")
        else:
            moment = self.reminders.next_moment()
            self.status.setText(
                self.tr("Next reminder: {0}.").format(
                    describe_moment(moment, self.reminders.today())
                )
                if moment is not None
                else ""
            )
        self.status.setVisible(bool(self.status.text()))

    # -- applying changes ----------------------------------------------------------------------

    def times(self) -> list[str]:
        """The times shown, as HH:MM."""
        return [
            format_time(dt.time(edit.time().hour(), edit.time().minute()))
            for edit in self.time_edits
        ]

    def _apply(self) -> None:
        if self.reminders is not None:
            self.reminders.apply()
        self._show_state()

    def _enabled_toggled(self, on: bool) -> None:
        if self.settings is not None:
            self.settings.reminder_enabled = on
        self._apply()

    def _purpose_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked or self.settings is None:
            return
        self.settings.reminder_for = next(k for k, b in self.purposes.items() if b is button)
        self._apply()

    def _save_times(self) -> None:
        if self.settings is not None:
            self.settings.reminder_times = self.times()
        self._apply()

    def _add_clicked(self) -> None:
        last = self.time_edits[-1].time() if self.time_edits else QTime(20, 0)
        later = last.addSecs(60 * 60)
        edit = self._add_edit(dt.time(later.hour(), later.minute()))
        self._save_times()
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_clicked(self) -> None:
        if len(self.time_edits) <= 1:
            return
        edit = self.time_edits.pop()
        self.times_row.removeWidget(edit)
        edit.deleteLater()
        self._save_times()
        self.time_edits[-1].setFocus(Qt.FocusReason.OtherFocusReason)


def describe_moment(moment: dt.datetime, today: dt.date | None = None) -> str:
    """ "today at 20:00", "tomorrow at 08:30" or "Monday 4 May at 20:00", in local time."""
    local = moment.astimezone()
    today = today or dt.datetime.now().astimezone().date()
    locale = QLocale()
    clock = f"{local:%H:%M}"  # as the time fields show it

    if local.date() == today:
        return QCoreApplication.translate("ReminderSettings", "today at {0}").format(clock)
    if local.date() == today + dt.timedelta(days=1):
        return QCoreApplication.translate("ReminderSettings", "tomorrow at {0}").format(clock)
    day = locale.toString(QDate(local.year, local.month, local.day), "dddd d MMMM")
    return QCoreApplication.translate("ReminderSettings", "{0} at {1}").format(day, clock)
