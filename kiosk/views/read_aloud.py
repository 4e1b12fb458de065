"""The "Read aloud" button of topic pages and the spine panel: it turns into "Stop reading"."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from kiosk.views.buttons import WrappingButton
from kiosk.views.icons import IconSet, icon_size
from kiosk.views.look import LookController


class ReadAloudButton(WrappingButton):
    """Says what a touch will do: read the page aloud, or stop reading it."""

    def __init__(self, look: LookController, icons: IconSet, parent: QWidget | None = None) -> None:
        super().__init__(role="more", parent=parent)
        self._look = look
        self._icons = icons
        self.reading = False
        look.changed.connect(self._refresh)
        self._refresh()
        self.hide()  # until the shell knows there is a voice for the page's language

    def set_reading(self, reading: bool) -> None:  # noqa: FBT001 -- a slot for a bool signal
        self.reading = reading
        self._refresh()

    def _refresh(self) -> None:
        self.set_text(self.tr("Stop reading") if self.reading else self.tr("Read aloud"))
        look = self._look.look
        side = icon_size(look.text_size).width() * 2 // 3
        name = "stop" if self.reading else "read-aloud"
        self.set_pixmap(
            self._icons.pixmap(name, look.palette.accent, side, self.devicePixelRatioF())
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)


def spoken_text(title: str, html: str) -> str:
    """What is read aloud for a page: its title, then its text without markup."""
    document = QTextDocument()
    document.setHtml(html)
    return f"{title}.\n{document.toPlainText()}"
