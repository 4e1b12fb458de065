"""The "Are you still there?" warning, over whatever screen the patient left.

It dims the whole window and takes every touch: nothing under it reacts while it shows, nor to
the touch that dismisses it (it stays until that touch ends). A ring shrinks a step with each
second of the countdown (kiosk.controllers.session.IdleWatch's ticks; no timer here) around
the seconds left; a huge "I'm still here" keeps the visit, a smaller "Start over" ends it.

For a screen reader it is a modal dialog: announced with its countdown as it appears (and again
near the end), and while it shows the window exposes nothing else, as nothing else reacts.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.views import accessible, app_filters
from kiosk.views.buttons import WrappingButton
from kiosk.views.labels import plain_label
from kiosk.views.rings import CountdownRing

# Seconds left at which a screen reader hears the countdown again (and at the start).
SAY_AGAIN_AT = 5
# A touch, click or key that answers the warning, from its start to its end.
_PRESSES = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
    }
)
_RELEASES = frozenset(
    {
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.KeyRelease,
    }
)


class IdleOverlay(QWidget):
    """Covers its parent; reports `still_here()` or `start_over()`."""

    still_here = Signal()
    start_over = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("IdleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        accessible.give_role(self, "dialog")
        self.setProperty(accessible.MODAL, True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.ring = CountdownRing()
        self.ring.setObjectName("IdleRing")
        self.question = self._label("display")
        self.countdown = self._label("lead")
        self.button = WrappingButton(role="action")
        self.button.setProperty("variant", "huge")
        self.button.clicked.connect(self.still_here)
        self.start_over_button = WrappingButton(role="link")
        self.start_over_button.clicked.connect(self.start_over)
        self._card = QFrame()
        self._card.setObjectName("IdleCard")
        self._words = QVBoxLayout()
        self._words.setSpacing(24)
        for widget in (self.question, self.countdown, self.button, self.start_over_button):
            self._words.addWidget(widget)
        self._inner = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._card)
        self._inner.setContentsMargins(48, 40, 48, 40)
        self._inner.setSpacing(32)
        self._inner.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignCenter)
        self._inner.addLayout(self._words, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(self._card, 0, Qt.AlignmentFlag.AlignCenter)
        self._total = 0
        self._before: QWidget | None = None  # what had the focus, given back when it hides
        # A finger is down, and the warning goes once it is lifted (see dismiss()).
        self._touching = self._leaving = False
        self._retranslate()
        self.hide()
        parent.installEventFilter(self)  # to keep covering it when it changes size

    def _label(self, role: str) -> QLabel:
        label = plain_label()
        label.setProperty("role", role)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    @property
    def seconds_left(self) -> int:
        return self.ring.seconds_left

    def warn(self, seconds: int) -> None:
        """Show, or count down one more second: `seconds` left before the wipe."""
        first = not self.isVisible()
        if first:
            self._total = seconds
            self._fit(self._host.width(), self._host.height())
            self.setGeometry(self._host.rect())
            self._before = QApplication.focusWidget()
            app = QApplication.instance()
            if app is not None:
                # While it shows only, and so seeing each touch before the kiosk's idle watch.
                app_filters.install(self)
            self.show()
            self.raise_()
            # Nothing underneath keeps the focus (a key would reach it); the card itself takes
            # it, showing no ring until Tab is used, as the window does at rest.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._total = max(self._total, seconds)
        self.ring.set_seconds(seconds, self._total)
        self._say_seconds()
        if first:
            said = f"{self.question.text()} {self.countdown.text()}"
            accessible.announce(self, said, assertive=True)
        elif seconds == SAY_AGAIN_AT:
            accessible.announce(self, self.countdown.text(), assertive=True)

    def dismiss(self) -> None:
        """The patient is back: go, but not under a finger that is still down. The idle watch
        hears a touch before Qt decides which widget gets it; gone at once, the warning would
        hand that touch to the button underneath."""
        if self._touching:
            self._leaving = True
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._host and kind == QEvent.Type.Resize and self.isVisible():
            self._fit(self._host.width(), self._host.height())
            self.setGeometry(self._host.rect())
        elif kind in _PRESSES:
            self._touching = True
        elif kind in _RELEASES and self._touching:
            self._touching = False
            if self._leaving:  # after the release has reached the button it was meant for
                QTimer.singleShot(0, self, self._leave)
        return False

    def _leave(self) -> None:
        if self._leaving:
            self.hide()

    def _fit(self, width: int, height: int) -> None:
        """Ring above the words on a tall screen, beside them on a wide one."""
        wide = width > height
        self._inner.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.ring.set_side(max(160, min(340, height // (4 if wide else 6))))
        widest = min(width - 48, 1400 if wide else 960)
        self._card.setMaximumWidth(widest)
        self._card.setMinimumWidth(min(widest, width * 2 // 3) if wide else widest)

    def _say_seconds(self) -> None:
        seconds = self.ring.seconds_left
        text = self.tr("The screen will go back to the start in %n second(s).", "", seconds)
        self.countdown.setText(text)
        self.ring.setAccessibleName(text)
        self.setAccessibleDescription(text)

    # -- nothing under the dim reacts ------------------------------------------------------------
    # A touch on the dim lands here and stops here (Qt would pass it on to the window, never to
    # the screen underneath, but the window has nothing to do with it either).

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.still_here.emit()
        event.accept()  # no key goes on to the screen underneath

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002, FBT001 -- Qt's
        """Tab goes between the two buttons only, while the warning shows."""
        if not self.isVisible():
            return super().focusNextPrevChild(next)
        if next:
            target = self.start_over_button if self.button.hasFocus() else self.button
        else:
            target = self.button if self.start_over_button.hasFocus() else self.start_over_button
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Hidden, it holds no count: however the last warning ended, the next starts alike.
        self._total = 0
        self.ring.set_seconds(0, 1)
        self._say_seconds()
        self._touching = self._leaving = False
        app = QApplication.instance()
        if app is not None:
            app_filters.remove(self)
        before, self._before = self._before, None
        # Back to the field the patient was typing in, if it is still there to type in.
        if before is not None and shiboken6.isValid(before) and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.setAccessibleName(self.question.text())
        self.button.set_text(self.tr("I'm still here"))
        self.start_over_button.set_text(self.tr("Start over"))
        self._say_seconds()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
