"""What a screen reader finds in a page of rich text (a `ReaderLabel`): its headings as
headings, its paragraphs and list items as text it can read, and its links as links it can
follow, instead of one label named after the page.

Qt's own interface for a QLabel offers the label's name and nothing of its text. These
interfaces stand in for it (through QAccessible's factory, installed by the first ReaderLabel):

    document "Symptoms"                      the label; its name is the page's title
      heading "Common signs"                 level 2; its text through the text interface
      list
        list item                            "A dull ache in your back that lingers. ..."
      paragraph                              "... See What causes it."
        link "What causes it"                action "Press" follows it, as a tap does

They are built from the label's own text laid out as the label lays it out
(`ReaderLabel.document()`), only when an assistive technology asks, and dropped when the text
changes. PySide cannot inherit two Qt interface classes at once, so each element's text and
actions are small objects of their own, handed to Qt by address (`interface_cast`).
"""

# Qt's interfaces are implemented under their own camelCase names.
# ruff: noqa: N802

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAttributesInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTextInterface,
    QTextBlock,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QScrollArea, QWidget

from kiosk.views.accessible import kept

if TYPE_CHECKING:
    from kiosk.views.reader_label import ReaderLabel

Role = QAccessible.Role


class Piece(NamedTuple):
    """One element of a page: where its words are in the label's document, and what it is."""

    role: QAccessible.Role
    start: int  # the document position of its first character
    text: str
    level: int = 0  # a heading's level
    href: str = ""  # a link's target
    children: tuple[Piece, ...] = ()


def pieces_of(label: ReaderLabel) -> tuple[Piece, ...]:
    """The label's headings, paragraphs and lists (their items inside), with their links."""
    document = label.document()
    found: list[Piece] = []
    items: list[Piece] = []
    current_list: object = None
    block = document.begin()
    while block.isValid():
        text = block.text().replace("\u2028", "\n")
        in_list = block.textList()
        if items and (in_list is None or in_list != current_list):
            found.append(Piece(Role.List, items[0].start, "", children=tuple(items)))
            items = []
        current_list = in_list
        if text.strip():
            level = block.blockFormat().headingLevel()
            role = Role.Heading if level else Role.ListItem if in_list else Role.Paragraph
            piece = Piece(role, block.position(), text, level, children=_links(block))
            (items if in_list is not None else found).append(piece)
        block = block.next()
    if items:
        found.append(Piece(Role.List, items[0].start, "", children=tuple(items)))
    return tuple(found)


def _links(block: QTextBlock) -> tuple[Piece, ...]:
    """The links in a block, each once (a link in two formats is two fragments)."""
    links: list[Piece] = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fmt = fragment.charFormat()
        if fmt.isAnchor() and fmt.anchorHref():
            last = links[-1] if links else None
            if (
                last
                and last.href == fmt.anchorHref()
                and last.start + len(last.text) == (fragment.position())
            ):
                links[-1] = last._replace(text=last.text + fragment.text())
            else:
                links.append(
                    Piece(Role.Link, fragment.position(), fragment.text(), 0, fmt.anchorHref())
                )
        fragments += 1
    return tuple(links)


class _Text(QAccessibleTextInterface):
    """An element's words, read-only, with where each character is on the screen."""

    def __init__(self, element: _Element) -> None:
        super().__init__()
        self._element = element

    def text(self, start: int, end: int) -> str:
        return self._element.piece.text[start:end]

    def characterCount(self) -> int:
        return len(self._element.piece.text)

    def characterRect(self, offset: int) -> QRect:
        return self._element.character_rect(offset)

    def offsetAtPoint(self, point: QPoint) -> int:
        return self._element.offset_at(point)

    def scrollToSubstring(self, start: int, end: int) -> None:
        self._element.scroll_into_view()

    # Nothing can be selected, and there is no caret.
    def selectionCount(self) -> int:
        return 0

    def addSelection(self, start: int, end: int) -> None:
        pass

    def removeSelection(self, index: int) -> None:
        pass

    def setSelection(self, index: int, start: int, end: int) -> None:
        pass

    def cursorPosition(self) -> int:
        return 0

    def setCursorPosition(self, position: int) -> None:
        pass


class _Press(QAccessibleActionInterface):
    """A link's one action: follow it."""

    def __init__(self, follow: Callable[[], None]) -> None:
        super().__init__()
        self._follow = follow

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self._follow()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


class _Level(QAccessibleAttributesInterface):
    """A heading's level, as the attribute screen readers ask for."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self._level = level

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key: QAccessible.Attribute) -> object:
        return self._level if key == QAccessible.Attribute.Level else None


class _Element(QAccessibleInterface):
    """A heading, paragraph, list, list item or link of the label's text."""

    def __init__(self, owner: ReaderAccessible, piece: Piece, parent: QAccessibleInterface) -> None:
        super().__init__()
        self.owner = owner
        self.piece = piece
        self._parent = parent
        self.children = [_Element(owner, child, self) for child in piece.children]
        self._text = _Text(self) if piece.role != Role.List else None
        self._press = _Press(self.follow) if piece.role == Role.Link else None
        self._level = _Level(piece.level) if piece.role == Role.Heading else None

    def all(self) -> list[_Element]:
        """This element and everything inside it."""
        return [self, *(e for child in self.children for e in child.all())]

    def follow(self) -> None:
        self.owner.label.linkActivated.emit(self.piece.href)

    # -- where it is
    def _range(self) -> tuple[int, int]:
        piece = self.piece
        if piece.role == Role.List and self.children:
            last = self.children[-1].piece
            return piece.start, last.start + len(last.text)
        return piece.start, piece.start + len(piece.text)

    def _local_rect(self, start: int, end: int) -> QRectF:
        """The box around document positions `start` to `end`, in the label's coordinates."""
        document = self.owner.label.document()
        layout = document.documentLayout()
        box = QRectF()
        block = document.findBlock(start)
        while block.isValid() and block.position() <= max(start, end - 1):
            origin = layout.blockBoundingRect(block).topLeft()
            lines = block.layout()
            for index in range(lines.lineCount()):
                line = lines.lineAt(index)
                first = block.position() + line.textStart()
                last = first + line.textLength()
                if last <= start or first >= end:
                    continue
                left = _x(line.cursorToX(max(start, first) - block.position()))
                right = _x(line.cursorToX(min(end, last) - block.position()))
                part = QRectF(min(left, right), line.y(), abs(right - left) or 1, line.height())
                box = box.united(part.translated(origin))
            block = block.next()
        return box.translated(self.owner.label.contentsRect().topLeft())

    def rect(self) -> QRect:
        label = self.owner.label
        local = self._local_rect(*self._range()).toAlignedRect()
        return QRect(label.mapToGlobal(local.topLeft()), local.size())

    def character_rect(self, offset: int) -> QRect:
        start = self.piece.start + offset
        local = self._local_rect(start, start + 1).toAlignedRect()
        return QRect(self.owner.label.mapToGlobal(local.topLeft()), local.size())

    def offset_at(self, point: QPoint) -> int:
        label = self.owner.label
        document = label.document()
        local = label.mapFromGlobal(point) - label.contentsRect().topLeft()
        position = document.documentLayout().hitTest(local.toPointF(), _FUZZY)
        offset = position - self.piece.start
        return offset if 0 <= offset < len(self.piece.text) else -1

    def scroll_into_view(self) -> None:
        """Bring the element into view in the scrolling page around it."""
        label = self.owner.label
        area = _scroll_area_of(label)
        page = area.widget() if area is not None else None
        if area is None or page is None:
            return
        local = self._local_rect(*self._range()).toAlignedRect()
        centre = label.mapTo(page, local.center())
        area.ensureVisible(centre.x(), centre.y(), 0, local.height() // 2 + 40)

    # -- QAccessibleInterface
    def isValid(self) -> bool:
        return self.owner.alive

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self.owner.label.window().windowHandle()

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.children[index] if 0 <= index < len(self.children) else None

    def childCount(self) -> int:
        return len(self.children)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, c in enumerate(self.children) if c is child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return next((c for c in self.children if c.rect().contains(x, y)), None)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name and self.piece.role in (Role.Heading, Role.Link):
            return self.piece.text
        if kind == QAccessible.Text.Value and self.piece.role == Role.Link:
            return self.piece.href
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass

    def role(self) -> QAccessible.Role:
        return self.piece.role

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.invisible = not self.owner.label.isVisible()
        state.readOnly = True
        if self.piece.role == Role.Link:
            state.linked = True
            state.focusable = True
        return state

    def interface_cast(self, kind: QAccessible.InterfaceType) -> shiboken6.VoidPtr:  # type: ignore[override]
        for wanted, interface in (
            (QAccessible.InterfaceType.TextInterface, self._text),
            (QAccessible.InterfaceType.ActionInterface, self._press),
            (QAccessible.InterfaceType.AttributesInterface, self._level),
        ):
            if kind == wanted and interface is not None:
                return _address(interface)
        return _address(None)


class ReaderAccessible(QAccessibleWidget):
    """The label itself: a document named after the page, its elements inside."""

    def __init__(self, label: ReaderLabel) -> None:
        super().__init__(label, Role.Document, "")
        self.label = label
        self.alive = True
        self._elements: list[_Element] | None = None

    @property
    def elements(self) -> list[_Element]:
        if self._elements is None:
            self._elements = [_Element(self, piece, self) for piece in pieces_of(self.label)]
        return self._elements

    def forget(self, *, gone: bool = False) -> None:
        """The text changed (or the label is `gone`): the old elements go, from Qt's registry
        too, which would otherwise keep them for as long as the kiosk runs."""
        elements, self._elements = self._elements, None
        for element in (e for top in elements or () for e in top.all()):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(element))
        if gone:
            # PySide keeps what a Python factory returned until the application ends, long
            # after Qt deleted it with its label: what it holds goes now (the label's Python
            # side, ~2 KB a page's label, for as long as the kiosk runs).
            vars(self).clear()
            self.alive = False
            self._elements = None
        elif elements is not None:
            event = QAccessibleEvent(self.label, QAccessible.Event.ObjectReorder)
            QAccessible.updateAccessibility(event)

    def role(self) -> QAccessible.Role:
        return Role.Document

    def state(self) -> QAccessible.State:
        state = super().state()
        state.readOnly = True
        return state

    def childCount(self) -> int:
        return len(self.elements)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        elements = self.elements
        return elements[index] if 0 <= index < len(elements) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, c in enumerate(self.elements) if c is child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return next((c for c in self.elements if c.rect().contains(x, y)), None)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


# A point between lines still finds the nearest character.
_FUZZY = Qt.HitTestAccuracy.FuzzyHit


def _x(cursor: object) -> float:
    """The x of QTextLine.cursorToX's answer, (x, position) in PySide."""
    return float(cursor[0] if isinstance(cursor, tuple) else cursor)  # type: ignore[arg-type]


def _address(interface: shiboken6.Object | None) -> shiboken6.VoidPtr:
    """What Qt takes from interface_cast: the address of the C++ interface, or null."""
    if interface is None:
        return shiboken6.VoidPtr(0)
    return shiboken6.VoidPtr(shiboken6.getCppPointer(interface)[0])


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def interface_for(key: str, obj: QObject) -> QAccessibleInterface | None:
    """QAccessible's factory: our interface for a ReaderLabel, Qt's own for anything else."""
    from kiosk.views.reader_label import ReaderLabel  # noqa: PLC0415 -- it imports this module

    if not isinstance(obj, ReaderLabel):
        return None
    interface = ReaderAccessible(obj)
    obj.accessible_interface = interface  # told when the text changes
    obj.destroyed.connect(lambda: interface.forget(gone=True))
    return kept(interface)  # Qt deletes it with the label


_installed: list[bool] = []


def install() -> None:
    """Hand QAccessible the factory, once for the whole application."""
    if not _installed:
        QAccessible.installFactory(interface_for)
        _installed.append(True)
