"""The label that shows a page of rich text: large, wrapped, with links a finger can use."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFocusEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from kiosk.views import reader_access

# Tab and Shift+Tab, or a screen reader moving the focus: the link focus is QLabel's to show.
_BY_KEYBOARD = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.OtherFocusReason,
)


class ReaderLabel(QLabel):
    """A word-wrapped rich-text label that lays its text out once per width.

    QLabel lays its rich text out some six times after each change of text: filling its
    document, setting its options, measuring it at the width a layout asks about and back,
    then again when painting. A page of text takes a millisecond or more each time, and a new
    page or a new language changes every word on the screen. So this label keeps one document
    of its own, fills it once at the width it is shown at, and measures (`heightForWidth`,
    remembered per width), paints, finds headings and follows a touched link from it.

    QLabel still gets the text, and lays it out only when someone moves through the links with
    the keyboard (or a screen reader moves the focus): then it marks the link in focus, and
    Enter follows it. A screen reader finds the text's headings, paragraphs, list items and
    links as such (kiosk/views/reader_access.py), from the same document.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        reader_access.install()
        self.accessible_interface: reader_access.ReaderAccessible | None = None
        self._heights: dict[int, int] = {}
        self._document: QTextDocument | None = None
        # A text laid out ahead in a font it is about to get (`prepare`), with its document.
        self._ahead: tuple[str, QFont, QTextDocument] | None = None
        self._stale = True  # the document no longer holds the label's text
        self._pressed = ""  # the link a finger went down on
        self._by_keyboard = False  # the focus came by Tab (or a screen reader): QLabel's links
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
        super().setText(text)  # QLabel lays it out only if asked (keyboard focus)
        self.updateGeometry()
        self.update()

    def minimumSizeHint(self) -> QSize:
        """About a word wide and a line tall: a page's height comes from `heightForWidth`."""
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
            margins = self.contentsMargins()
            inner = max(0, width - margins.left() - margins.right())
            text = self._laid_out(inner).size().height()
            height = self._heights[width] = math.ceil(text) + margins.top() + margins.bottom()
        return height

    def document(self) -> QTextDocument:
        """The label's text laid out as it is drawn, at the label's present width (block
        positions from the top of the label's contents)."""
        return self._laid_out(self.contentsRect().width())

    def prepare(self, text: str, font: QFont) -> None:
        """Lay `text` out ahead, hidden, in `font` at the label's width: if the label then gets
        that text and font (a new look: a finger is still on its button), it shows this
        document instead of laying the text out again between the finger lifting and the
        paint."""
        document = self._new_document()
        document.setDefaultFont(font)
        document.setTextWidth(self.contentsRect().width())
        document.setHtml(text)
        document.size()  # laid out now
        self._ahead = (text, font, document)

    def _new_document(self) -> QTextDocument:
        document = QTextDocument(self)
        document.setDocumentMargin(0)
        option = QTextOption(self.alignment())
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)
        return document

    def _laid_out(self, width: int) -> QTextDocument:
        document = self._document
        if document is None:
            document = self._document = self._new_document()  # kept, and refilled when stale
        if self._stale:
            self._stale = False
            ahead, self._ahead = self._ahead, None
            if ahead is not None and ahead[0] == self.text() and ahead[1] == self.font():
                document.deleteLater()
                document = self._document = ahead[2]
                if document.textWidth() != width:
                    document.setTextWidth(width)
                return document
            if ahead is not None:
                ahead[2].deleteLater()
            document.clear()  # else the new font lays the old text out again, for nothing
            document.setDefaultFont(self.font())
            document.setTextWidth(width)  # first, so that the text is laid out once
            document.setHtml(self.text())
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

    def anchor_at(self, position: QPoint) -> str:
        """The link at `position` (in the label's coordinates), or ""."""
        local = position - self.contentsRect().topLeft()
        return self.document().documentLayout().anchorAt(local.toPointF())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.hasFocus() and self.selectedText():
            super().paintEvent(event)  # QLabel marks the link in focus
            return
        painter = QPainter(self)
        self.drawFrame(painter)
        rect = self.contentsRect()
        document = self.document()
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(self.palette())
        if self.foregroundRole() != QPalette.ColorRole.Text and self.isEnabled():
            palette.setColor(QPalette.ColorRole.Text, palette.color(self.foregroundRole()))
        context.palette = palette
        context.clip = event.rect().translated(-rect.topLeft()).toRectF()
        painter.translate(rect.topLeft())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = self.anchor_at(event.position().toPoint())
        event.ignore()  # as QLabel: a finger on the text may be the start of a flick

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed = self._pressed, ""
        left = event.button() == Qt.MouseButton.LeftButton
        if left and pressed and self.anchor_at(event.position().toPoint()) == pressed:
            self.linkActivated.emit(pressed)
        event.ignore()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._by_keyboard = event.reason() in _BY_KEYBOARD
        if self._by_keyboard:
            super().focusInEvent(event)  # QLabel lays its text out and moves through the links
        else:
            QFrame.focusInEvent(self, event)  # a touch: nothing to lay out again

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._by_keyboard:
            super().focusOutEvent(event)
        else:
            QFrame.focusOutEvent(self, event)
        self._by_keyboard = False

    def _forget(self) -> None:
        self._heights.clear()
        self._stale = True
        if self.accessible_interface is not None:
            self.accessible_interface.forget()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
        super().changeEvent(event)
