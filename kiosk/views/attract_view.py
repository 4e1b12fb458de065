"""The attract loop: what the kiosk shows when nobody is using it, built from the clinic's own
topics. It changes slowly (a new topic every few seconds, no animation), so it costs nearly no
CPU, and any touch goes home."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

STEP_MS = 8000


class AttractView(QWidget):
    """Cycles through (title, summary) pairs while shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []
        self._also: list[str] = []
        self._index = 0
        self.headline = QLabel()
        self.headline.setProperty("role", "display")
        self.headline.setWordWrap(True)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setProperty("role", "reference")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel()
        self.summary.setProperty("role", "heading")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drawing = QLabel()
        self.drawing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The drawing takes whatever height the words leave, so it never forces the window
        # taller (at 200 % text on a small screen it just gets smaller).
        self.drawing.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._picture = QPixmap()
        self.prompt = QLabel()
        self.prompt.setProperty("role", "display")
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 32, 48, 32)
        column.addWidget(self.headline)
        column.addWidget(self.drawing, 1)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addSpacing(24)
        column.addWidget(self.prompt)
        self._retranslate()

    def set_drawing(self, picture: QPixmap) -> None:
        """The spine, as the explorer draws it: an invitation to touch."""
        self._picture = picture
        self._fit_drawing()

    def _fit_drawing(self) -> None:
        if self._picture.isNull() or self.drawing.height() < 40:
            self.drawing.clear()
            return
        self.drawing.setPixmap(
            self._picture.scaledToHeight(
                min(self.drawing.height(), self._picture.height()),
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_drawing()

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        self._items = list(items)
        self._index = 0
        self._show_item()

    def _show_item(self) -> None:
        if self._items:
            title, summary = self._items[self._index % len(self._items)]
            self.title.setText(title)
            self.summary.setText(summary)

    def _on_timer_timeout(self) -> None:
        self._index += 1
        self._show_item()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Nothing ticks while the kiosk is in use.
        self.timer.stop()
        super().hideEvent(event)

    def set_also_in(self, invitations: Sequence[str]) -> None:
        """The invitation in the kiosk's other languages, under its own: a Spanish reader
        walking past learns the kiosk speaks Spanish before touching it."""
        self._also = list(invitations)
        self._retranslate()

    def _retranslate(self) -> None:
        self.headline.setText(self.tr("Learn about back pain"))
        self.prompt.setText("\n".join([self.tr("Touch the screen to start"), *self._also]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
