"""The patient's session: noticing when nobody has touched the kiosk for a while.

An application-wide event filter sees every touch, click and key. After the idle time the
shell asks "Are you still there?"; if nobody answers within the countdown the session is wiped;
after a further idle period the attract loop starts. The timers are attributes so that tests
fire them at once instead of waiting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

COUNTDOWN_SECONDS = 15
ATTRACT_AFTER_MS = 60_000

_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class ActivityWatch(QObject):
    """The one place that decides what counts as someone using the kiosk: every touch, click,
    key and wheel in the application, reported as `touched(target)` with the object it went to.
    IdleWatch and staff mode each listen to one."""

    touched = Signal(QObject)

    def __init__(self, app: QApplication, owner: QObject) -> None:
        # Owned by `owner`: when it goes, so does this filter on the application.
        super().__init__(owner)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.touched.emit(watched)
        return False


class IdleWatch(QObject):
    """Reports `warned(seconds)` each second of the countdown, `expired()` when the session
    should be wiped, `attract()` when the attract loop should start, and `woke()` at the first
    touch after the session was wiped."""

    warned = Signal(int)
    expired = Signal()
    attract = Signal()
    woke = Signal()
    active = Signal()

    def __init__(
        self,
        app: QApplication,
        owner: QObject,
        idle_seconds: int,
        countdown_seconds: int = COUNTDOWN_SECONDS,
        attract_after_ms: int = ATTRACT_AFTER_MS,
    ) -> None:
        # Owned by the window: when the window goes, so does this filter on the application.
        super().__init__(owner)
        self._countdown = countdown_seconds
        self._left = 0
        self._asleep = False
        self.idle_timer = self._timer(idle_seconds * 1000, self._on_idle)
        self.tick_timer = self._timer(1000, self._on_tick, single=False)
        self.attract_timer = self._timer(attract_after_ms, self._on_attract)
        self.activity = ActivityWatch(app, self)
        self.activity.touched.connect(self._on_touched)
        self.idle_timer.start()

    def _timer(self, ms: int, slot: object, *, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    @property
    def warning(self) -> bool:
        return self.tick_timer.isActive()

    def still_here(self) -> None:
        """The patient answered: back to normal, the idle time starts again."""
        self.tick_timer.stop()
        self.attract_timer.stop()
        self.idle_timer.start()
        self.active.emit()

    def _on_touched(self, _target: QObject) -> None:
        if self._asleep:
            self._asleep = False
            self.woke.emit()
        if self.warning or not self.idle_timer.isActive():
            self.still_here()
        else:
            self.idle_timer.start()

    def _on_idle(self) -> None:
        self._left = self._countdown
        self.tick_timer.start()
        self.warned.emit(self._left)

    def _on_tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.warned.emit(self._left)
            return
        self.tick_timer.stop()
        self._asleep = True
        self.expired.emit()
        self.attract_timer.start()

    def _on_attract(self) -> None:
        self.attract.emit()


_BLOCKED = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.ToolTip,
        QEvent.Type.WhatsThis,
        QEvent.Type.QueryWhatsThis,
        QEvent.Type.StatusTip,
    }
)


class LockDown(QObject):
    """No context menus, tooltips or "what's this" anywhere in a kiosk-mode app.

    They would show desktop-looking popups a patient cannot make sense of (and a context menu
    can offer to paste, or worse). Owned by the window, like IdleWatch.
    """

    def __init__(self, app: QApplication, owner: QObject) -> None:
        super().__init__(owner)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _BLOCKED
