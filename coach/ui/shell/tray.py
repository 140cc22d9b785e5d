"""The tray icon: quick actions, and the daily reminder as a notification with a snooze.

Only where the desktop has a system tray (`tray_available()`); without one the app works as usual
and Settings says that reminders need one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from coach.core.log.reminders import SNOOZE_MINUTES, Reminder
from coach.services.reminders import ReminderService
from coach.ui.settings.reminder_settings import describe_moment

if TYPE_CHECKING:
    from coach.ui.shell.main_window import MainWindow

MESSAGE_MS = 30_000  # how long the desktop is asked to show a reminder


def tray_available() -> bool:
    """Whether the desktop has a system tray to put the icon in."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def app_icon() -> QIcon:
    """The application's icon if one is set, otherwise a simple drawn one."""
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
    if not icon.isNull():
        return icon
    drawn = QIcon()
    for size in (16, 22, 24, 32, 48, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#3f7f73"))  # a calm teal, readable on light and dark panels
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, round(size * 0.62)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "U")
        painter.end()
        drawn.addPixmap(pixmap)
    return drawn


class Tray(QObject):
    """Unknot's tray icon and its menu. The app connects the request signals to the window."""

    log_today_requested = Signal()
    start_last_routine_requested = Signal()
    open_requested = Signal()
    snooze_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon if icon is not None else app_icon(), self)
        self.pending: Reminder | None = None
        self._next = ""
        # a menu has no parent widget here: the tray keeps it, and deletes it with itself
        self.menu = QMenu()
        self.menu.setAccessibleName(self.tr("Unknot"))
        self.log_today = self._action(self.tr("&Log today"), self.log_today_requested)
        self.start_last = self._action(
            self.tr("&Start the last routine"), self.start_last_routine_requested
        )
        self.open = self._action(self.tr("&Open Unknot"), self.open_requested)
        self.menu.addSeparator()
        self.snooze = self._action(
            self.tr("S&nooze {0} min").format(SNOOZE_MINUTES), self.snooze_requested
        )
        self.snooze.setVisible(False)  # only while a reminder is showing
        self.menu.addSeparator()
        self.quit = self._action(self.tr("&Quit"), self.quit_requested)
        self.menu.setDefaultAction(self.open)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        self.destroyed.connect(self.menu.deleteLater)
        self.set_last_routine(None)

    def _action(self, text: str, signal: SignalInstance) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(signal.emit)
        action.triggered.connect(self._acted)
        self.menu.addAction(action)
        return action

    # -- what the app tells it --------------------------------------------------------------------

    def show(self) -> None:
        """Put the icon in the tray."""
        self.icon.show()

    def hide(self) -> None:
        """Take the icon out of the tray."""
        self.icon.hide()

    def set_last_routine(self, title: str | None) -> None:
        """Name the routine "Start the last routine" starts (None: none was started yet)."""
        if title:
            self.start_last.setText(self.tr("&Start the last routine: {0}").format(title))
        else:
            self.start_last.setText(self.tr("&Start a routine…"))

    def set_next_reminder(self, when: str) -> None:
        """Say in the tooltip when the next reminder comes ("" when none is planned)."""
        self._next = when
        self._show_tooltip()

    def show_reminder(self, reminder: Reminder) -> None:
        """Show the reminder as a notification; Snooze appears in the menu until it is handled."""
        self.pending = reminder
        self.snooze.setVisible(True)
        title, text = reminder_text(reminder)
        self.icon.showMessage(title, text, self.icon.icon(), MESSAGE_MS)
        self._show_tooltip()

    def clear_reminder(self) -> None:
        """The reminder was handled (snoozed, acted on, or its day is done)."""
        self.pending = None
        self.snooze.setVisible(False)
        self._show_tooltip()

    # -- what the person does -------------------------------------------------------------------

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            if self.pending is not None:
                self._message_clicked()
            else:
                self.open_requested.emit()

    def _message_clicked(self) -> None:
        """Clicking the reminder opens what it is about."""
        reminder = self.pending
        if reminder is None:
            self.open_requested.emit()
        elif reminder.log:
            self.log_today_requested.emit()
        else:
            self.start_last_routine_requested.emit()
        self._acted()

    def _acted(self) -> None:
        if self.pending is not None:
            self.clear_reminder()

    def _show_tooltip(self) -> None:
        lines = [self.tr("Unknot")]
        if self.pending is not None:
            lines.append(reminder_text(self.pending)[0])
        elif self._next:
            lines.append(self.tr("Next reminder: {0}").format(self._next))
        self.icon.setToolTip("\n".join(lines))


def reminder_text(reminder: Reminder) -> tuple[str, str]:
    """The notification's title and text for a reminder."""
    if reminder.log and reminder.session:
        title = QCoreApplication.translate(
            "Tray", "Time to log your day and take a few minutes for yourself"
        )
        text = QCoreApplication.translate(
            "Tray",
            "How was today? Rate your pain and sleep in a minute, then try a short routine. "
            "Click here to open today's log.",
        )
    elif reminder.log:
        title = QCoreApplication.translate("Tray", "Time to log your day")
        text = QCoreApplication.translate(
            "Tray",
            "How was today? Rate your pain and sleep in a minute; everything is optional. "
            "Click here to open today's log.",
        )
    else:
        title = QCoreApplication.translate("Tray", "Time for a short routine")
        text = QCoreApplication.translate(
            "Tray", "A few minutes to let your muscles soften. Click here to start."
        )
    hint = QCoreApplication.translate(
        "Tray", "Not now? Choose Snooze {0} min in the tray menu."
    ).format(SNOOZE_MINUTES)
    return title, f"{text}\n{hint}"


class _StillRunning(QObject):
    """Says once, when the window is closed, that Unknot stays in the tray to remind."""

    def __init__(self, tray: Tray, app: QApplication, window: QWidget) -> None:
        super().__init__(window)
        self.tray, self.app = tray, app
        self.told = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A window hidden by closing it (not minimised: that hide is spontaneous)."""
        if (
            event.type() == QEvent.Type.Hide
            and not event.spontaneous()
            and not self.app.quitOnLastWindowClosed()
            and not self.told
        ):
            self.told = True
            self.tray.icon.showMessage(
                self.tr("Unknot is still running"),
                self.tr(
                    "It stays here to remind you. Open it or quit from this icon's menu; "
                    "turn reminders off in Settings to have it close with its window."
                ),
                self.tray.icon.icon(),
                MESSAGE_MS,
            )
        return False


def connect_tray(
    tray: Tray, reminders: ReminderService, window: MainWindow, app: QApplication
) -> None:
    """Wire the tray, the reminder service and the window together (the app calls this).

    While reminders are on, closing the window leaves Unknot running in the tray.
    """
    tray.log_today_requested.connect(window.log_today)
    tray.start_last_routine_requested.connect(window.start_last_routine)
    tray.open_requested.connect(window.bring_to_front)
    tray.quit_requested.connect(window.quit)
    tray.snooze_requested.connect(reminders.snooze)
    for acted in (tray.log_today_requested, tray.start_last_routine_requested):
        acted.connect(reminders.dismiss)
    reminders.reminder_due.connect(tray.show_reminder)
    reminders.reminder_gone.connect(tray.clear_reminder)

    def rescheduled() -> None:
        moment = reminders.next_moment()
        tray.set_next_reminder(describe_moment(moment, reminders.today()) if moment else "")
        app.setQuitOnLastWindowClosed(not reminders.plan.enabled)

    def last_routine_changed() -> None:
        routine = window.last_routine()
        tray.set_last_routine(routine.title if routine is not None else None)

    reminders.rescheduled.connect(rescheduled)
    window.session.started.connect(lambda _routine_id: last_routine_changed())
    window.set_reminders(reminders)
    _StillRunning(tray, app, window)
    app.aboutToQuit.connect(reminders.stop)
    app.aboutToQuit.connect(tray.hide)
    last_routine_changed()
    rescheduled()
