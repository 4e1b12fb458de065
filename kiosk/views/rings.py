"""Round signs the views paint themselves: a countdown ring that shrinks a step each second, and
the big tick of a request sent.

Both take their colours from the stylesheet (`color` and `qproperty-track_color`), so they
follow the palette, high contrast included, and hold no colour of their own. Neither animates:
the ring changes only when told the seconds left, so it costs nothing between ticks and moves
no more for a patient who is bothered by motion.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

FULL_CIRCLE = 360 * 16  # Qt's arcs count sixteenths of a degree
TOP = 90 * 16


class _Round(QWidget):
    """A square sign `side` pixels wide; its ink is the stylesheet's `color`."""

    def __init__(self, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._side = side
        self._track = QColor(Qt.GlobalColor.lightGray)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_side(self, side: int) -> None:
        if side != self._side:
            self._side = side
            self.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _get_track(self) -> QColor:
        return self._track

    def _set_track(self, colour: QColor) -> None:
        self._track = QColor(colour)
        self.update()

    # What is not yet used up, or the disc behind the tick: set as qproperty-track_color.
    track_color = Property(QColor, _get_track, _set_track)

    def _ink(self) -> QColor:
        return self.palette().color(self.foregroundRole())

    def _square(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)


class CountdownRing(_Round):
    """The seconds left, in figures, inside a ring that shrinks from full to nothing."""

    def __init__(self, side: int = 240, parent: QWidget | None = None) -> None:
        super().__init__(side, parent)
        self._left = 0
        self._total = 1
        self._number = QColor(Qt.GlobalColor.black)

    @property
    def seconds_left(self) -> int:
        return self._left

    @property
    def fraction(self) -> float:
        """How much of the ring is still drawn: 1.0 full, 0.0 none."""
        return self._left / self._total

    def set_seconds(self, left: int, total: int) -> None:
        self._left = max(0, min(left, total))
        self._total = max(1, total)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        square = self._square()
        width = max(6.0, square.width() / 12)
        ring = square.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._track, width))
        painter.drawEllipse(ring)
        pen = QPen(self._ink(), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        # Clockwise from the top, as a clock's hand sweeps.
        painter.drawArc(ring, TOP, -round(FULL_CIRCLE * self.fraction))
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(12, round(square.height() * 0.38)))
        painter.setFont(font)
        painter.setPen(self._number)
        painter.drawText(square, Qt.AlignmentFlag.AlignCenter, str(self._left))
        painter.end()

    def _get_number(self) -> QColor:
        return self._number

    def _set_number(self, colour: QColor) -> None:
        self._number = QColor(colour)
        self.update()

    # The figures in the middle: set as qproperty-number_color (the text colour).
    number_color = Property(QColor, _get_number, _set_number)


class DoneBadge(_Round):
    """A tick in a filled disc: the disc is the track colour, the tick the ink."""

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        square = self._square()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._track)
        painter.drawEllipse(square)
        side = square.width()
        tick = QPainterPath(QPointF(square.left() + side * 0.28, square.top() + side * 0.53))
        tick.lineTo(square.left() + side * 0.44, square.top() + side * 0.68)
        tick.lineTo(square.left() + side * 0.73, square.top() + side * 0.35)
        pen = QPen(self._ink(), max(4.0, side * 0.09))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
        painter.end()
