"""The player's drawn widgets: the countdown ring and the breathing pacer."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.routines.routine import StepKind


class CountdownRing(QWidget):
    """A ring that empties as the step runs out, with the seconds left in its middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction_left = 1.0
        self._seconds_left = 0
        self.reduced_motion = False  # the arc moves in whole seconds, with the number
        self.colour: QColor | None = None  # the arc's colour (the step's phase); None: highlight
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Time left in this step"))

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def set_colour(self, colour: QColor | None) -> None:
        """Draw the arc in `colour` (None: the highlight colour)."""
        if colour != self.colour:
            self.colour = colour
            self.update()

    def set_time(self, seconds_left: float, duration: float) -> None:
        """Show `seconds_left` of a step lasting `duration` seconds."""
        whole = math.ceil(seconds_left - 1e-6) if seconds_left > 0 else 0
        shown = whole if self.reduced_motion else seconds_left
        fraction = 0.0 if duration <= 0 else max(0.0, min(1.0, shown / duration))
        if whole != self._seconds_left or abs(fraction - self._fraction_left) > 0.002:
            self._fraction_left, self._seconds_left = fraction, whole
            self.setAccessibleDescription(self.tr("{0} seconds left").format(whole))
            self.update()

    @property
    def seconds_left(self) -> int:
        """The whole seconds shown."""
        return self._seconds_left

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 12
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        track = QPen(palette.color(QPalette.ColorRole.Mid), 8)
        painter.setPen(track)
        painter.drawEllipse(rect)
        arc = QPen(
            self.colour or palette.color(QPalette.ColorRole.Highlight),
            10,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
        )
        painter.setPen(arc)
        painter.drawArc(rect, 90 * 16, int(-360 * 16 * self._fraction_left))
        font = QFont(self.font())
        font.setPixelSize(max(14, int(side / 3.6)))  # large and light: calm, readable from afar
        font.setWeight(QFont.Weight.Light)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        minutes, seconds = divmod(self._seconds_left, 60)
        label = f"{minutes}:{seconds:02d}" if minutes else str(seconds)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


class BreathPacer(QWidget):
    """A circle that grows while breathing in and shrinks while breathing out.

    With reduced motion the circle stays still: the phase is in words, with the second of the
    breath counted below it ("2 of 4"), changing once a second.
    """

    STILL_SIZE = 0.7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = 0.35  # 0..1 of the largest circle
        self._phase = ""
        self._count = ""  # reduced motion: which second of the breath, "2 of 4"
        self.reduced_motion = False
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Breathing pacer"))

    def sizeHint(self) -> QSize:
        return QSize(300, 300)

    @staticmethod
    def applies_to(kind: StepKind) -> bool:
        """Whether the pacer is shown for a step of this kind."""
        return kind in (StepKind.BREATHE_IN, StepKind.BREATHE_OUT, StepKind.HOLD)

    def set_reduced_motion(self, reduced: bool) -> None:
        """Still (True) or moving with the breath (False); applies from the next `set_phase`."""
        self.reduced_motion = reduced
        if reduced:
            self._size = self.STILL_SIZE
        self._count = ""
        self.update()

    def set_phase(self, kind: StepKind, fraction_done: float, duration: float = 0.0) -> None:
        """Follow the breath: `fraction_done` of a breathe-in or breathe-out step (lasting
        `duration` seconds) has passed."""
        done = max(0.0, min(1.0, fraction_done))
        eased = 0.5 - 0.5 * math.cos(math.pi * done)  # gentle at both ends
        if kind is StepKind.BREATHE_IN:
            size, phase = 0.35 + 0.65 * eased, self.tr("Breathe in")
        elif kind is StepKind.BREATHE_OUT:
            size, phase = 1.0 - 0.65 * eased, self.tr("Breathe out")
        else:
            size, phase = self._size, self.tr("Hold")
        count = ""
        if self.reduced_motion:
            size = self.STILL_SIZE
            seconds = max(1, math.ceil(duration - 1e-6))
            second = min(seconds, math.floor(done * duration + 1e-6) + 1)
            count = self.tr("{0} of {1}").format(second, seconds) if duration > 0 else ""
        if abs(size - self._size) > 0.002 or phase != self._phase or count != self._count:
            self._size, self._phase, self._count = size, phase, count
            self.setAccessibleDescription(f"{phase}, {count}" if count else phase)
            self.update()

    @property
    def size_fraction(self) -> float:
        """How big the circle is now, 0..1."""
        return self._size

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 8
        radius = side / 2 * self._size
        center_x, center_y = self.width() / 2, self.height() / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        outline = QPen(self.palette().color(QPalette.ColorRole.Mid), 2, Qt.PenStyle.DashLine)
        painter.setPen(outline)
        painter.drawEllipse(QRectF(center_x - side / 2, center_y - side / 2, side, side))
        color.setAlpha(110)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QRectF(center_x - radius, center_y - radius, 2 * radius, 2 * radius))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        painter.setFont(font)
        text = f"{self._phase}\n{self._count}" if self._count else self._phase
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)


# The phase word's colour: warm while tensing, cool while letting go (Okabe & Ito's vermillion
# and blue, readable with every common colour blindness, the word itself says the rest).
_PHASE_COLOURS = {
    StepKind.TENSE: ("#b34700", "#ff9a5c"),
    StepKind.HOLD: ("#b34700", "#ff9a5c"),
    StepKind.RELEASE: ("#00659e", "#7cc4f0"),
    StepKind.REST: ("#00659e", "#7cc4f0"),
    StepKind.BREATHE_OUT: ("#00659e", "#7cc4f0"),
}


def phase_colour(kind: StepKind, palette: QPalette) -> QColor:
    """The colour of a step's phase word on `palette` (the text colour for the calm kinds)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    pair = _PHASE_COLOURS.get(kind)
    if pair is None:
        return palette.color(QPalette.ColorRole.WindowText)
    return QColor(pair[1] if dark else pair[0])


class CueBanner(QWidget):
    """What a cue sounds like, written big across the screen for a moment.

    With sound it is a quiet line; without (no output, muted) it is a wide band in the highlight
    colour with the cue's word in large letters, so a cue cannot be missed by someone looking.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = ""
        self.loud = False
        self.setAccessibleName(self.tr("Cue"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # appearing and fading never moves the step
        self.setSizePolicy(policy)
        self._fit()

    def _fit(self) -> None:
        self.setFixedHeight(int(self.fontMetrics().height() * 2.2))

    def show_cue(self, word: str, loud: bool) -> None:
        """Show `word` (loud: the big band, for when nothing is heard)."""
        self.word, self.loud = word, loud
        self.setAccessibleDescription(word)
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.word:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        font = QFont(self.font())
        if self.loud:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 10, 10)
            font.setPointSizeF(font.pointSizeF() * 1.7)
            font.setBold(True)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.setFont(font)
        text = self.word.upper() if self.loud else f"♪ {self.word}"
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)


def cue_word(cue: str) -> str:
    """A cue's name as a word on screen ("step" -> "Next step"); a routine's own cue as named."""
    words = {
        "tense": QCoreApplication.translate("Cue", "Tense"),
        "release": QCoreApplication.translate("Cue", "Release"),
        "step": QCoreApplication.translate("Cue", "Next step"),
        "halfway": QCoreApplication.translate("Cue", "Halfway"),
        "end": QCoreApplication.translate("Cue", "The end"),
        "breath-in": QCoreApplication.translate("Cue", "Breathe in"),
        "breath-out": QCoreApplication.translate("Cue", "Breathe out"),
    }
    return words.get(cue, cue)


def eyes_closed_palette() -> QPalette:
    """Black everywhere, the words a dim grey: nothing bright on a dark room's screen."""
    palette = QPalette()
    black, dim, faint = QColor("#000000"), QColor("#5a5a5a"), QColor("#262626")
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.AlternateBase,
    ):
        palette.setColor(role, black)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(role, dim)
    palette.setColor(QPalette.ColorRole.Mid, faint)  # the countdown's track
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3a3a3a"))  # and its arc
    palette.setColor(QPalette.ColorRole.HighlightedText, dim)
    return palette
