"""The attract loop: what the kiosk shows when nobody is using it, built from the clinic's own
topics. It changes slowly (a new topic every few seconds, no animation), so it costs nearly no
CPU, and any touch goes home."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.views.labels import plain_label
from kiosk.views.svg import render_svg

STEP_MS = 8000


class AttractView(QWidget):
    """Cycles through (title, summary) pairs while shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its words grow less than elsewhere (style.qss): they are read from across the room
        # already, and the drawing needs the height.
        self.setObjectName("Attract")
        self._items: list[tuple[str, str]] = []
        self._also: list[str] = []
        self._index = 0
        self.headline = plain_label()
        self.headline.setProperty("role", "display")
        self.headline.setWordWrap(True)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = plain_label()
        self.title.setProperty("role", "reference")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = plain_label()
        self.summary.setProperty("role", "heading")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drawing = plain_label()
        self.drawing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The drawing takes whatever height the words leave, so it never forces the window
        # taller (at 200 % text on a small screen it just gets smaller).
        self.drawing.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        # Its height changes whenever the words below it change: fit the picture each time.
        self.drawing.installEventFilter(self)
        self._picture = QPixmap()
        self._scaled: dict[int, QPixmap] = {}
        self.prompt = plain_label()
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

    def set_drawing(self, svg: bytes) -> None:
        """The spine, as the explorer draws it: an invitation to touch. Drawn once, 720 pixels
        tall, then scaled to the space there is; no drawing leaves words only."""
        self._picture = _picture(svg, DRAWING_HEIGHT)
        self._scaled = {}
        self._fit_drawing()

    def _fit_drawing(self) -> None:
        if self._picture.isNull() or self.drawing.height() < 120:  # a sliver says nothing
            self.drawing.clear()
            return
        height = min(self.drawing.height(), self._picture.height())
        if height not in self._scaled:
            # A topic with a two-line summary leaves the drawing less room than one with a
            # single line: keep each size once scaled (smooth scaling costs ~10 ms a time).
            self._scaled[height] = self._picture.scaledToHeight(
                height, Qt.TransformationMode.SmoothTransformation
            )
        self.drawing.setPixmap(self._scaled[height])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.drawing and event.type() == QEvent.Type.Resize:
            self._fit_drawing()
        return False

    def _fit_words(self) -> None:
        """On a short screen at a large text size, leave out the summary, then the invitation's
        other languages, then the headline, rather than squeeze lines until they are cut."""
        own = self.tr("Touch the screen to start")
        self.summary.show()
        self.headline.show()
        self.prompt.setText("\n".join([own, *self._also]))
        if self._fits():
            return
        self.summary.hide()
        if self._fits():
            return
        self.prompt.setText(own)
        if not self._fits():
            self.headline.hide()

    def _fits(self) -> bool:
        layout = self.layout()
        return layout is None or layout.totalHeightForWidth(self.width()) <= self.height()

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        self._items = list(items)
        self._index = 0
        self._show_item()

    def _show_item(self) -> None:
        if self._items:
            title, summary = self._items[self._index % len(self._items)]
            self.title.setText(title)
            self.summary.setText(summary)
            self._fit_words()

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
        self._fit_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


DRAWING_HEIGHT = 720


def _picture(svg: bytes, height: int) -> QPixmap:
    if not svg:
        return QPixmap()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        return QPixmap()
    box = renderer.viewBoxF()
    width = round(height * box.width() / box.height())
    return QPixmap.fromImage(render_svg(renderer, width, height))
