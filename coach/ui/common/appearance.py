"""How the app looks and moves: colour scheme, text size and reduced motion, for the whole app.

"system" follows the desktop's light or dark scheme (and keeps following it while the app runs);
"light" and "dark" use Qt's Fusion style with a palette of their own, so they look the same on every
desktop, and also ask the platform for that scheme (Qt 6.8+), which recolours native window frames
where the platform supports it. Text size is a factor on the system's font size. Reduced motion
turns off Qt's own menu, combo box and tooltip animations; the player, told by the main window,
stills its breathing pacer and countdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QWidget,
)

from coach.services.settings import TEXT_SCALE_RANGE, THEMES

if TYPE_CHECKING:
    from coach.services.settings import Settings

# PySide6.QtCore.Qt is imported only where it is needed: making its enums costs about 15 ms, and
# this module runs before the window appears (a start with the default appearance never needs it).
_SIZE_RESOLVED = 0x0002  # QFont::SizeResolved: the font's size was set explicitly
_EFFECTS = (
    "UI_AnimateMenu",
    "UI_FadeMenu",
    "UI_AnimateCombo",
    "UI_AnimateTooltip",
    "UI_FadeTooltip",
    "UI_AnimateToolBox",
)

# Every text pair here reads at 4.5:1 or better (WCAG AA), the highlight 5:1 against the window
# (it is also the colour of the countdown ring and the breathing circle) and dark text on it 7.5:1.
DARK_COLOURS: dict[str, str] = {  # QPalette.ColorRole names (an enum made here costs time)
    "Window": "#2b2e33",
    "WindowText": "#eceff1",
    "Base": "#1f2226",
    "AlternateBase": "#272a2f",
    "Text": "#eceff1",
    "Button": "#363a40",
    "ButtonText": "#eceff1",
    "BrightText": "#ffffff",
    "Highlight": "#5fa8e8",
    "HighlightedText": "#0b1015",
    "Accent": "#5fa8e8",
    "Link": "#7cb8f2",
    "LinkVisited": "#c69cf5",
    "ToolTipBase": "#3a3e44",
    "ToolTipText": "#eceff1",
    "PlaceholderText": "#9aa0a7",
    "Light": "#4a4f56",
    "Midlight": "#3e4248",
    "Mid": "#7a8088",
    "Dark": "#1c1e21",
    "Shadow": "#0e0f11",
}
DARK_DISABLED: dict[str, str] = {
    "WindowText": "#8a9097",
    "Text": "#8a9097",
    "ButtonText": "#8a9097",
    "Highlight": "#4a4f56",
    "HighlightedText": "#c8ccd0",
    "Base": "#26292d",
    "Button": "#303338",
}


def dark_palette() -> QPalette:
    """Unknot's dark palette (for the Fusion style)."""
    palette = QPalette()
    for name, colour in DARK_COLOURS.items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    for name, colour in DARK_DISABLED.items():
        role = getattr(QPalette.ColorRole, name)
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    """Qt's own light Fusion palette, whatever the desktop's scheme."""
    return QPalette(QStyleFactory.create("Fusion").standardPalette())


def is_dark(palette: QPalette) -> bool:
    """Whether a palette is a dark one (light text on a dark window)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class Appearance(QObject):
    """The app's colour scheme, text size and motion; one per QApplication (see `for_app`).

    `changed` is emitted after the scheme or text size changed (also when the desktop switched
    scheme while following it); `reduced_motion_changed` when reduced motion was turned on or off.
    """

    changed = Signal()
    reduced_motion_changed = Signal(bool)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("coach-appearance")
        self.app = app
        self.theme = "system"
        self.text_scale = 1.0
        self.reduced_motion = False
        # what the desktop gave us, to come back to: the style, and Qt's animation effects
        self._system_style = app.style().name()
        self._system_effects: dict[Any, bool] | None = None  # read before first changing them
        self._font_set = False  # whether the app font was set here (Qt then stops following it)
        self._dark_style: QStyle | None = None
        self._restyle_pending = False
        app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    @classmethod
    def for_app(cls, app: QApplication | None = None) -> Appearance:
        """The appearance of `app` (the running QApplication when None), made on first use."""
        if app is None:
            instance = QApplication.instance()
            assert isinstance(instance, QApplication), "a QApplication must exist first"
            app = instance
        found = app.findChild(cls, "coach-appearance")
        return found if isinstance(found, cls) else cls(app)

    def apply_settings(self, settings: Settings) -> None:
        """Apply the saved theme, text size and reduced motion (once, at start)."""
        self.set_theme(settings.theme)
        self.set_text_scale(settings.text_scale)
        self.set_reduced_motion(settings.reduced_motion)

    # -- colour scheme -----------------------------------------------------------------------------

    def set_theme(self, theme: str) -> None:
        """Follow the system ("system"), or use the "light" or "dark" palette."""
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose one of {THEMES}")
        if theme == self.theme:
            return
        from PySide6.QtCore import Qt

        self.theme = theme
        hints = self.app.styleHints()
        if theme == "system":
            hints.unsetColorScheme()
            if self.app.style().name() != self._system_style or _is_ours(self.app.style()):
                self.app.setStyle(self._system_style)
            self.app.setPalette(QPalette())  # nothing set: Qt follows the platform's palette again
        else:
            scheme = Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light
            hints.setColorScheme(scheme)  # native frames follow, where the platform can
            # native styles may ignore a palette; Fusion uses it (and, on the dark palette, gets
            # check box and radio button outlines that show)
            style = self.app.style()
            if theme == "dark" and not _is_ours(style):
                self._dark_style = DarkFusion()  # its Python half must live as long as Qt uses it
                self.app.setStyle(self._dark_style)
            elif theme == "light" and (_is_ours(style) or style.name() != "fusion"):
                self.app.setStyle("Fusion")
            self.app.setPalette(dark_palette() if theme == "dark" else light_palette())
        self._palette_changed()

    def is_dark(self) -> bool:
        """Whether the app shows a dark palette now."""
        return is_dark(self.app.palette())

    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.theme == "system":
            QTimer.singleShot(0, self, self._palette_changed)  # once Qt has the new palette

    def _palette_changed(self) -> None:
        self._restyle_later()

    def _restyle_later(self) -> None:
        """Once every widget has its new palette and font, bring the rest up to date (then say
        `changed`)."""
        if not self._restyle_pending:
            self._restyle_pending = True
            QTimer.singleShot(0, self, self._restyle)

    def _restyle(self) -> None:
        self._restyle_pending = False
        # A widget with a style sheet, and everything inside it, keeps the palette and font it
        # had when the sheet was applied: applying the same sheet again brings them up to date.
        for widget in self.app.allWidgets():
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)
        # Labels quietened by `muted` hold a colour mixed from the old palette: mix it again.
        from coach.ui.common.text import muted

        app_palette = self.app.palette()
        for widget in self.app.allWidgets():
            if isinstance(widget, QLabel) and widget.property("muted"):
                palette = widget.palette()
                for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window):
                    palette.setColor(role, app_palette.color(role))
                widget.setPalette(palette)
                muted(widget)
        self.changed.emit()

    # -- text size ---------------------------------------------------------------------------------

    def set_text_scale(self, scale: float) -> None:
        """Text at `scale` times the system's size (0.8-1.6); applies to every open window."""
        low, high = TEXT_SCALE_RANGE
        scale = min(high, max(low, float(scale)))
        if abs(scale - self.text_scale) > 1e-6:
            self.text_scale = scale
            self._apply_text_scale()

    def _apply_text_scale(self) -> None:
        old = self.app.font()
        font = QFont(old)
        system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        if system.pointSizeF() > 0:
            font.setPointSizeF(system.pointSizeF() * self.text_scale)
        elif system.pixelSize() > 0:
            font.setPixelSize(max(1, round(system.pixelSize() * self.text_scale)))
        if font == old and not self._font_set:
            return  # the system's own size: leave it unset, so Qt keeps following the desktop
        ratio = _size(font) / _size(old) if _size(old) > 0 else 1.0
        self.app.setFont(font)
        self._font_set = True
        # Widgets that set a size of their own (headings, the player's big text) keep their
        # proportion to the text around them.
        if abs(ratio - 1.0) > 1e-6:
            for widget in self.app.allWidgets():
                _rescale(widget, ratio)
        self._restyle_later()

    def watch(self, window: QWidget) -> None:
        """Notice when the desktop's font changes while `window` is open (scaled text follows)."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A theme change on the desktop: derive the scaled text size from its new font."""
        if event.type() == QEvent.Type.ThemeChange and self._font_set:
            QTimer.singleShot(0, self, self._apply_text_scale)
        return False

    # -- motion ------------------------------------------------------------------------------------

    def set_reduced_motion(self, reduced: bool) -> None:
        """Turn Qt's animations off (or back to the desktop's choice); tell whoever listens."""
        reduced = bool(reduced)
        if reduced == self.reduced_motion:
            return
        from PySide6.QtCore import Qt

        if self._system_effects is None:
            effects = [getattr(Qt.UIEffect, name) for name in _EFFECTS]
            self._system_effects = {e: self.app.isEffectEnabled(e) for e in effects}
        for effect, enabled in self._system_effects.items():
            QApplication.setEffectEnabled(effect, enabled and not reduced)
        self.reduced_motion = reduced
        self.reduced_motion_changed.emit(reduced)


class DarkFusion(QProxyStyle):
    """Fusion, with outlines round check boxes and radio buttons that show on a dark window.

    (Fusion draws them in a shade darker than the window, which is invisible there.)
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("coach-dark-fusion")
        self._indicators: dict[object, bool] = {}

    def drawPrimitive(self, element: Any, option: Any, painter: Any, widget: Any = None) -> None:
        """Fusion's drawing, then a visible outline on the check and radio indicators."""
        super().drawPrimitive(element, option, painter, widget)
        if not self._indicators:  # (made on first use: making enums costs start-up time)
            self._indicators = {
                QStyle.PrimitiveElement.PE_IndicatorCheckBox: False,
                QStyle.PrimitiveElement.PE_IndicatorRadioButton: True,
            }
        round_ = self._indicators.get(element)
        if round_ is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        box = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if round_:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)
        painter.restore()


def _is_ours(style: QStyle) -> bool:
    return style.objectName() == "coach-dark-fusion"


def bold_when_checked(button: QAbstractButton) -> None:
    """A checked button also reads bold, so its state is not shown by a shade alone."""

    def show(checked: bool) -> None:
        font = button.font()
        font.setBold(checked)
        button.setFont(font)

    show(button.isChecked())
    button.toggled.connect(show)


def _size(font: QFont) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())


def _rescale(widget: QWidget, ratio: float) -> None:
    from PySide6.QtCore import Qt

    if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
        return
    font = widget.font()
    if not font.resolveMask() & _SIZE_RESOLVED:
        return
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * ratio)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * ratio)))
    widget.setFont(font)
