"""A calm stand-in for a screen that is not built yet, so no tile ever leads nowhere."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.views.labels import plain_label


class PlaceholderView(QWidget):
    """Says the screen is coming; Home and Back in the top bar lead on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = plain_label()
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        layout.addWidget(self.message)
        self._retranslate()

    def _retranslate(self) -> None:
        self.message.setText(
            self.tr(
                "This part of the kiosk is not ready yet.\n"
                "Please ask the front desk, or touch Home."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
