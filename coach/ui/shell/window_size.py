"""The main window's size: within the screen it opens on, and as it was last left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from coach.services.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

# what the window asks for on a screen with room to spare
PREFERRED = QSize(1100, 720)
# the smallest window every view still works in (a 1024x640 screen, less a panel)
SMALLEST = QSize(760, 480)


def available_size(window: QWidget) -> QSize:
    """The part of the window's screen that windows may use (without panels and docks)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return PREFERRED
    return screen.availableGeometry().size()


def fitted(wanted: QSize, available: QSize) -> QSize:
    """`wanted`, made small enough to fit `available` with its frame (title bar, borders)."""
    # room for the window manager's frame, which Qt does not know before the window is shown
    room = QSize(max(available.width() - 16, 1), max(available.height() - 48, 1))
    return wanted.boundedTo(room).expandedTo(SMALLEST.boundedTo(room))


def fit_to_screen(window: QWidget, settings: Settings | None = None) -> None:
    """Size the window as it was last left (or the preferred size), within its screen now."""
    remembered = settings.window_size if settings is not None else None
    wanted = QSize(*remembered) if remembered else PREFERRED
    window.setMinimumSize(SMALLEST.boundedTo(available_size(window)))
    window.resize(fitted(wanted, available_size(window)))
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:  # centred on the screen's free area
        frame = window.frameGeometry()
        frame.moveCenter(screen.availableGeometry().center())
        window.move(frame.topLeft())


class SizeKeeper(QObject):
    """Writes the window's size to the settings when it is closed or the app ends (not on every
    resize)."""

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The window closing (to the tray, or for good): keep its size now."""
        from PySide6.QtCore import QEvent  # not at import: its types cost the first frame ~5 ms

        if watched is self.window and event.type() == QEvent.Type.Close:
            self.remember()
        return False

    def remember(self) -> None:
        """Keep the window's normal size (not the full-screen or maximised one) and whether it was maximised."""
        if self.window.isFullScreen():
            return  # eyes-closed mode: its size says nothing about the window people chose
        size = (
            self.window.normalGeometry().size() if self.window.isMaximized() else self.window.size()
        )
        if size.isValid():
            self.settings.window_size = (size.width(), size.height())
        self.settings.window_maximized = self.window.isMaximized()
