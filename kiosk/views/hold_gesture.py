"""The hidden way into staff mode: press and hold a widget (the clinic's name) for a while.

Nothing on screen hints at it. A touch or a mouse press starts a timer; lifting the finger,
or moving it away, before the time is up cancels it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

HOLD_MS = 3000

_PRESS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_RELEASE = (
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
    QEvent.Type.Leave,
    QEvent.Type.Hide,
)


class HoldGesture(QObject):
    """Emits `held` when `widget` has been pressed for `hold_ms` without letting go."""

    held = Signal()

    def __init__(self, widget: QWidget, hold_ms: int = HOLD_MS) -> None:
        super().__init__(widget)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(hold_ms)
        self.timer.timeout.connect(self.held)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESS:
            self.timer.start()
            event.accept()
            return True
        if kind in _RELEASE:
            self.timer.stop()
        return False
