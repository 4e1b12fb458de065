"""The patient's session: noticing when nobody has touched the kiosk for a while.

An application-wide event filter sees every touch, click and key, and what a screen reader or
switch software does for someone (text typed into a field, a button pressed, the focus moved:
none of these is an input event). After the idle time the
shell asks "Are you still there?"; if nobody answers within the countdown the session is wiped;
after a further idle period the attract loop starts. The timers are attributes so that tests
fire them at once instead of waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from kiosk.views import app_filters
from kiosk.views.deferred import after_first_paint

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
    """The one place that decides what counts as someone using the kiosk, reported as
    `touched(target)` with the object it went to. IdleWatch and staff mode each listen to one.

    Counted: every touch, click, key and wheel in the application; and what assistive
    technology does through the accessibility bus, which sends no input events: a text put into
    a field, a button pressed (its `clicked`), the focus moved to a control. Not counted: the
    kiosk's own doings while `quiet()` (the warning taking the focus, a reset moving it home and
    emptying the fields), and a field emptied, which only the kiosk does by itself.
    """

    touched = Signal(QObject)

    def __init__(
        self, app: QApplication, owner: QObject, *, from_first_paint_of: QWidget | None = None
    ) -> None:
        # Owned by `owner`: when it goes, so does this filter on the application.
        super().__init__(owner)
        self._quiet = 0
        self._app = app
        self._watching = False
        if from_first_paint_of is None:
            self._start()
        else:
            # Nobody can touch a screen not yet painted; and a filter on the application in
            # Python makes every object that gets an event before the first paint (the style,
            # the window) be wrapped for Python: ~10 ms of start-up (bench/startup.py).
            after_first_paint(from_first_paint_of, self._start)

    @property
    def watching(self) -> bool:
        """Whether it hears activity yet (from the first paint on, when asked to wait for it)."""
        return self._watching

    def _start(self) -> None:
        self._watching = True
        for widget in self._app.allWidgets():
            if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                self._follow(widget)  # no Polish event will come for it any more
        app_filters.install(self)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """While the kiosk itself moves the focus or empties fields: nobody is using it."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            self.touched.emit(watched)
        elif kind == QEvent.Type.Polish:
            self._follow(watched)  # once per widget, before it is first shown
        elif kind == QEvent.Type.FocusIn and not self._quiet and _moved_by_someone(event):
            self.touched.emit(watched)
        return False

    def _follow(self, widget: QObject) -> None:
        """Hear what an assistive technology does to `widget` without an input event."""
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._on_text_changed)
        elif isinstance(widget, QAbstractButton):
            widget.clicked.connect(self._on_clicked)

    def _on_text_changed(self, text: str) -> None:
        sender = self.sender()
        if text and not self._quiet and sender is not None:
            self.touched.emit(sender)

    def _on_clicked(self) -> None:
        sender = self.sender()
        if not self._quiet and sender is not None:
            self.touched.emit(sender)


def _moved_by_someone(event: QEvent) -> bool:
    """A focus move a screen reader makes (grabFocus, said "other" by Qt). Tab and a touch are
    input events, counted already; a window gaining the focus is nobody's doing."""
    return isinstance(event, QFocusEvent) and event.reason() == Qt.FocusReason.OtherFocusReason


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
        *,
        from_first_paint_of: QWidget | None = None,
    ) -> None:
        # Owned by the window: when the window goes, so does this filter on the application.
        super().__init__(owner)
        self._countdown = countdown_seconds
        self._left = 0
        self._asleep = False
        self.idle_timer = self._timer(idle_seconds * 1000, self._on_idle)
        self.tick_timer = self._timer(1000, self._on_tick, single=False)
        self.attract_timer = self._timer(attract_after_ms, self._on_attract)
        self.activity = ActivityWatch(app, self, from_first_paint_of=from_first_paint_of)
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

    # What the warning, the reset and the attract loop do (the focus moved to the warning or
    # home, the fields emptied) is the kiosk's own doing: quiet, or it would cancel itself.

    def _on_idle(self) -> None:
        self._left = self._countdown
        self.tick_timer.start()
        with self.activity.quiet():
            self.warned.emit(self._left)

    def _on_tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            with self.activity.quiet():
                self.warned.emit(self._left)
            return
        self.tick_timer.stop()
        self._asleep = True
        with self.activity.quiet():
            self.expired.emit()
        self.attract_timer.start()

    def _on_attract(self) -> None:
        with self.activity.quiet():
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

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        app_filters.install(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _BLOCKED
