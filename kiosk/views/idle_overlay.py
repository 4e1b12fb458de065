"""The "Are you still there?" card, over whatever screen the patient left."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.views.buttons import WrappingButton
from kiosk.views.labels import plain_label


class IdleOverlay(QWidget):
    """Covers its parent; reports `still_here()` when the big button is touched."""

    still_here = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("IdleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.question = plain_label()
        self.question.setProperty("role", "display")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = plain_label()
        self.countdown.setProperty("role", "heading")
        self.countdown.setWordWrap(True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = WrappingButton(role="action")
        self.button.clicked.connect(self.still_here)
        card = QFrame()
        card.setObjectName("IdleCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 48, 48, 48)
        inner.setSpacing(32)
        inner.addWidget(self.question)
        inner.addWidget(self.countdown)
        inner.addWidget(self.button)
        card.setMaximumWidth(900)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        self._seconds = 0
        self._retranslate()
        self.hide()

    def warn(self, seconds: int) -> None:
        self._seconds = seconds
        self.countdown.setText(
            self.tr("The screen will go back to the start in %n second(s).", "", seconds)
        )
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()

    def _retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.button.set_text(self.tr("I'm still here"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
