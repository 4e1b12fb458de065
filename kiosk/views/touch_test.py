"""A touch test: a dot where each finger lands, so a rotated or miscalibrated touchscreen shows
at once (the dot appears somewhere else than the finger)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QTouchEvent
from PySide6.QtWidgets import QWidget

KEEP = 12


class TouchTest(QWidget):
    """Draws the last few touches (or clicks) with crosshairs through them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setMinimumHeight(160)
        self.setAccessibleName("Touch test")
        self.points: list[QPointF] = []

    def clear(self) -> None:
        self.points = []
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate) and isinstance(
            event, QTouchEvent
        ):
            self._add(*(p.position() for p in event.points()))
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._add(event.position())

    def _add(self, *points: QPointF) -> None:
        self.points = [*self.points, *points][-KEEP:]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        painter.setPen(QPen(QColor("#888888"), 2))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for point in self.points:
            painter.setPen(QPen(QColor("#C0143C"), 3))
            painter.drawLine(QPointF(point.x(), 0), QPointF(point.x(), self.height()))
            painter.drawLine(QPointF(0, point.y()), QPointF(self.width(), point.y()))
            painter.setBrush(QColor("#C0143C"))
            painter.drawEllipse(point, 18, 18)
        painter.end()
