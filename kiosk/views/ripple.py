"""A ring that swells out from the edge of a card and fades, over and over: the attract loop's
pulsing "Touch the screen to start".

The card and its words never change, so they stay at full contrast; only the ring moves. It is
cheap by design, as it runs for hours: a frame every FRAME_MS (a slow swell needs no more),
each repainting only the thin band the ring was and is drawn in, and nothing between swells.
The ring's ink is the stylesheet's `color`, so it follows the palette, high contrast included.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QVBoxLayout, QWidget

REACH_PX = 28  # how far the ring swells past the card
RING_PX = 8  # how thick it is
SWELL_MS = 2000  # one swell: slow, a breath
REST_MS = 1800  # then a pause, so it reads as a pulse and not as a spinner
FRAME_MS = 66  # 15 frames a second: the ring moves about a pixel a frame
RADIUS_PX = 18  # the card's corners (style.qss $radius)


class Ripple(QWidget):
    """`card`, with room around it for the ring; `start()` and `stop()` the motion."""

    def __init__(self, card: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttractRipple")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.card = card
        layout = QVBoxLayout(self)
        layout.setContentsMargins(REACH_PX, REACH_PX, REACH_PX, REACH_PX)
        layout.addWidget(card)
        self._clock = QElapsedTimer()
        self._phase: float | None = None  # 0: the ring at the card's edge, 1: at its reach
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._move_to(None)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def _on_timer_timeout(self) -> None:
        elapsed = self._clock.elapsed() % (SWELL_MS + REST_MS)
        self._move_to(elapsed / SWELL_MS if elapsed < SWELL_MS else None)

    def _move_to(self, phase: float | None) -> None:
        if phase == self._phase:
            return
        band = self._band(self._phase) + self._band(phase)
        self._phase = phase
        if not band.isEmpty():
            self.update(band)

    def _ring(self, phase: float | None) -> QRectF | None:
        """Where the ring's line runs at `phase`: from the card's edge (its inner half under
        the card, so no seam shows) out to its reach, slowing as it goes."""
        if phase is None:
            return None
        reach = math.sin(phase * math.pi / 2) * (REACH_PX - RING_PX / 2)
        return QRectF(self.card.geometry()).adjusted(-reach, -reach, reach, reach)

    def _band(self, phase: float | None) -> QRegion:
        """What to paint again for the ring at `phase`: its line (its rounded corners curve in
        from the rectangle's), not the gap inside it nor the card and its words (only the
        card's rounded corners, where the ring shows)."""
        ring = self._ring(phase)
        if ring is None:
            return QRegion()
        pad = RING_PX / 2 + 2
        outer = ring.adjusted(-pad, -pad, pad, pad).toAlignedRect()
        inner = ring.adjusted(pad, pad, -pad, -pad).toAlignedRect()
        side = math.ceil(self._radius(ring) + 2 * pad)
        corners = QRegion()
        for x in (outer.left(), outer.right() + 1 - side):
            for y in (outer.top(), outer.bottom() + 1 - side):
                corners += QRegion(x, y, side, side)
        card = self.card.geometry()
        covered = QRegion(card.adjusted(RADIUS_PX, 0, -RADIUS_PX, 0)) + QRegion(
            card.adjusted(0, RADIUS_PX, 0, -RADIUS_PX)
        )
        return (QRegion(outer) - QRegion(inner) + corners) - covered

    def _radius(self, ring: QRectF) -> float:
        """The ring's corners: the card's, grown as the ring swells."""
        return RADIUS_PX + (ring.width() - self.card.width()) / 2

    def paintEvent(self, event: QPaintEvent) -> None:
        ring = self._ring(self._phase)
        if ring is None or self._phase is None:
            return
        ink = QColor(self.palette().color(self.foregroundRole()))
        ink.setAlphaF(1.0 - self._phase)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRegion(event.region())
        painter.setPen(QPen(ink, RING_PX))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = self._radius(ring)
        painter.drawRoundedRect(ring, radius, radius)
        painter.end()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()  # nothing ticks off screen
        super().hideEvent(event)
