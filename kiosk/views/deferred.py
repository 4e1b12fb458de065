"""Work that can wait until the patient already sees the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatch(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, so it runs once this frame is on screen, not in the middle of it; and
            # tied to this watch, so it never runs once the widget (and the watch) is gone.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self._callback()
        self.deleteLater()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` once, right after `widget` is first painted.

    Used for set-up a patient cannot notice in the first frame (kinetic scrolling costs ~11 ms
    the first time), so the home screen appears sooner.
    """
    _FirstPaintWatch(widget, callback)
