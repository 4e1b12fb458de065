"""The label that shows a page of rich text: large, wrapped, with links a finger can use."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.views import reader_access


class ReaderLabel(QLabel):
    """A word-wrapped rich-text label that lays its text out once per width.

    Layouts ask a word-wrapped label for its height at a width many times while a screen is
    shown; QLabel lays the whole rich text out again for every question (about 0.4 ms for a
    topic page). Remembering the answers until the text or style changes keeps opening a page
    well within one frame.

    QLabel keeps its text's layout to itself; `document()` lays the same text out the same way
    when someone needs to know where a heading or a paragraph is (the "On this page" buttons, a
    screen reader), and only then. A screen reader finds the text's headings, paragraphs, list
    items and links as such (kiosk/views/reader_access.py).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        reader_access.install()
        self.accessible_interface: reader_access.ReaderAccessible | None = None
        self._heights: dict[int, int] = {}
        self._document: QTextDocument | None = None
        self._stale = True  # the document no longer holds the label's text
        self.setProperty("role", "reader")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        self._forget()
        super().setText(text)

    def minimumSizeHint(self) -> QSize:
        """About a word wide and a line tall. QLabel works its own out by laying the whole
        text out three times (at no width, its widest and a golden-ratio guess) after every
        change of text; a page's height comes from `heightForWidth` anyway."""
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(
            metrics.averageCharWidth() * 12 + margins.left() + margins.right(),
            metrics.lineSpacing() + margins.top() + margins.bottom(),
        )

    def sizeHint(self) -> QSize:
        """A comfortable line of about 75 characters, and the text's height at the label's
        present width (the layout asks for that height anyway): never a layout of the whole
        text at a width nobody will see."""
        width = self.fontMetrics().averageCharWidth() * 75
        margins = self.contentsMargins()
        width += margins.left() + margins.right()
        laid_out = self.testAttribute(Qt.WidgetAttribute.WA_Resized)
        return QSize(width, self.heightForWidth(self.width() if laid_out else width))

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def document(self) -> QTextDocument:
        """The label's text laid out as the label lays it out, at its present width (block
        positions from the top of the label's contents)."""
        width = self.contentsRect().width()
        document = self._document
        if document is None:
            document = self._document = QTextDocument(self)  # kept, and refilled when stale
            document.setDocumentMargin(0)
        if self._stale:
            self._stale = False
            document.setDefaultFont(self.font())
            document.setHtml(self.text())
            document.setTextWidth(width)
        elif document.textWidth() != width:
            document.setTextWidth(width)
        return document

    def heading_tops(self, level: int = 2) -> list[int]:
        """The top of each heading of `level`, in the label's coordinates."""
        document = self.document()
        layout = document.documentLayout()
        top = self.contentsRect().top()
        tops = []
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == level:
                tops.append(top + round(layout.blockBoundingRect(block).top()))
            block = block.next()
        return tops

    def _forget(self) -> None:
        self._heights.clear()
        self._stale = True
        if self.accessible_interface is not None:
            self.accessible_interface.forget()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
        super().changeEvent(event)
