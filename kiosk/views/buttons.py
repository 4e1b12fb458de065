"""Push buttons whose text wraps, so no label is ever cut off at large text sizes.

A plain QPushButton sizes itself from one line of text. A WrappingButton measures its words
at the width it is given and paints them on as many lines as they need; a LayoutButton (the
home tiles) and a WrappingCheckBox take their size from QLabels laid out inside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPaintEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStyleOption,
    QToolButton,
    QWidget,
)

from kiosk.views.labels import plain_label

# A wrapping button's words and icon: 20 px from its sides, 8 px from its top and bottom, the
# icon 12 px before the words; the words centred, wrapped at spaces, drawn as plain text.
_PADDING = QMargins(20, 8, 20, 8)
_PADDING_X = _PADDING.left() + _PADDING.right()
_PADDING_Y = _PADDING.top() + _PADDING.bottom()
_ICON_GAP = 12
_WRAP = Qt.TextFlag.TextWordWrap.value
_CENTRED = Qt.AlignmentFlag.AlignCenter.value | _WRAP
_ICON_ALIGN = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
_NO_LIMIT = QRect(0, 0, 16_777_215, 2000)  # QWIDGETSIZE_MAX wide, as QLabel measures


class _SizedByLayout:
    """Takes its size from its layout, height-for-width included, so wrapped labels inside
    get the lines they need. A plain mixin (two QWidget bases crash PySide): list it first."""

    def _own_layout(self) -> QLayout:
        layout = cast("QWidget", self).layout()
        if layout is None:
            raise TypeError(f"{type(self).__name__} is sized by its layout and has none")
        return layout

    def sizeHint(self) -> QSize:
        return self._own_layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._own_layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._own_layout().totalHeightForWidth(width)


class LayoutButton(_SizedByLayout, QPushButton):
    """A push button whose size is its layout's; the layout's labels ignore the mouse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab reaches it, a touch does not leave a focus ring behind on it.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _label(self, role: str, text: str = "") -> QLabel:
        label = plain_label(text)
        label.setProperty("role", role)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label


class WrappingButton(QPushButton):
    """An icon and words that wrap onto more lines when the button is narrow.

    One widget: it measures and paints its words and icon itself. (It was a push button
    holding two labels in a layout: four widgets for the stylesheet to restyle at each new
    text size, a third of a topic page's.) Its font and colour are the push button's own, set
    by style.qss's QPushButton rules. The words are plain text, never markup.
    """

    def __init__(self, text: str = "", role: str = "action", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab reaches it, a touch does not leave a focus ring behind on it.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._words = ""
        self._pixmap = QPixmap()
        self._icon_shown = False
        self._peers: list[WrappingButton] = [self]
        # Measured in _measured_in: the words' height at a width; on one line (with a pixel
        # either side), the longest word and a line's height.
        self._measured_in: QFont | None = None
        self._heights: dict[int, int] = {}
        self._widths: tuple[int, int, int] | None = None
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.setAccessibleName(text)
        if text == self._words:
            return
        self._words = text
        self._measured_again()
        if self._has_icons():
            self._fit_icon(self.width())

    def label(self) -> str:
        return self._words

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._measured_again()
        self._fit_icon(self.width())

    def share_icon_fit(self, peers: Sequence[WrappingButton]) -> None:
        """Buttons side by side show their icons together or not at all."""
        for button in peers:
            button._peers = list(peers)

    def icon_shown(self) -> bool:
        """Whether the icon is drawn beside the words (it has one, and the words leave room)."""
        return self._icon_shown

    # -- measuring: what the two labels' layout used to answer, from one text measurement

    def _measured_again(self) -> None:
        """New words or icon: measure anew, and have the layouts ask again."""
        self._heights.clear()
        self._widths = None
        self.updateGeometry()
        self.update()

    def _has_icons(self) -> bool:
        return any(not button._pixmap.isNull() for button in self._peers)

    def _check_font(self) -> None:
        """Measurements hold for the font they were made in. (A new font, from a new text size
        or a restyle, also makes Qt's own changeEvent ask the layouts again; a changeEvent of
        ours would be called half a dozen times a restyle, for every button on view.)"""
        self.ensurePolished()  # the stylesheet's font, as QLabel would have measured in
        font = self.font()
        if font != self._measured_in:
            self._measured_in = font
            self._heights.clear()
            self._widths = None

    def _measure(self) -> tuple[int, int, int]:
        """The words on one line (with a pixel either side), the longest word, a line's height."""
        self._check_font()
        if self._widths is None:
            metrics = self.fontMetrics()
            one_line = metrics.boundingRect(_NO_LIMIT, _WRAP, self._words)
            longest = metrics.boundingRect(QRect(0, 0, 0, _NO_LIMIT.height()), _WRAP, self._words)
            line = metrics.horizontalAdvance(self._words) + 2
            self._widths = (line, longest.width(), one_line.height())
        return self._widths

    def _words_height(self, width: int) -> int:
        self._check_font()
        height = self._heights.get(width)
        if height is None:
            room = QRect(0, 0, max(0, width), _NO_LIMIT.height())
            height = self._heights[width] = (
                self.fontMetrics().boundingRect(room, _WRAP, self._words).height()
            )
        return height

    def _icon_room(self) -> QSize:
        """The icon's size where it is shown (else none), and the gap after it."""
        if not self._icon_shown:
            return QSize(0, 0)
        size = self._pixmap.deviceIndependentSize().toSize()
        return QSize(size.width() + _ICON_GAP, size.height())

    def sizeHint(self) -> QSize:
        line = self._measure()[0]
        icon = self._icon_room()
        height = max(icon.height(), self._words_height(line))
        return QSize(_PADDING_X + icon.width() + line, _PADDING_Y + height)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the longest word (with the icon, where shown): Columns asks this."""
        _line, longest, line_height = self._measure()
        icon = self._icon_room()
        return QSize(
            _PADDING_X + icon.width() + longest, _PADDING_Y + max(icon.height(), line_height)
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        icon = self._icon_room()
        words = self._words_height(width - _PADDING_X - icon.width())
        return _PADDING_Y + max(icon.height(), words)

    # -- the icon: shown only where the longest word still fits beside it

    def _fits_icon(self, width: int) -> bool:
        room = width - _PADDING_X
        icon = self._pixmap.deviceIndependentSize().toSize().width() + _ICON_GAP
        return self._measure()[1] + icon <= room

    def _fit_icon(self, width: int) -> None:
        """Show the icon only where the longest word still fits beside it: on a narrow button
        the words matter more."""
        fits = all(b._fits_icon(width if b is self else b.width()) for b in self._peers)
        for button in self._peers:
            shown = fits and not button._pixmap.isNull()
            if shown != button._icon_shown:
                button._icon_shown = shown
                button._measured_again()

    # -- painting: the button's frame as Qt draws it, then the icon and words, centred

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the frame and background (the button has no text of its own)
        inside = self.rect().marginsRemoved(_PADDING)
        line = self._measure()[0]
        icon = self._icon_room()
        width = min(inside.width(), icon.width() + line)
        height = min(inside.height(), max(icon.height(), self._words_height(width - icon.width())))
        left = inside.x() + (inside.width() - width) // 2
        top = inside.y() + (inside.height() - height) // 2
        painter = QPainter(self)  # in the button's font
        option = QStyleOption()
        option.initFrom(self)  # the palette in the button's state (greyed when disabled)
        style = self.style()
        enabled = self.isEnabled()
        if self._icon_shown:
            pixmap = self._pixmap
            if not enabled:  # greyed as a disabled QLabel greys it
                size = pixmap.deviceIndependentSize().toSize()
                pixmap = QIcon(pixmap).pixmap(size, self.devicePixelRatioF(), QIcon.Mode.Disabled)
            place = QRect(left, top, icon.width() - _ICON_GAP, height)
            style.drawItemPixmap(painter, place, _ICON_ALIGN, pixmap)
        # The style's drawItemText, as QLabel's: words taller than the button (it is squeezed)
        # are placed as QLabel placed them, not as QPainter.drawText centres them.
        words = QRect(left + icon.width(), top, width - icon.width(), height)
        role = QPalette.ColorRole.ButtonText
        style.drawItemText(painter, words, _CENTRED, option.palette, enabled, self._words, role)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_icon(event.size().width())


class WrappingCheckBox(_SizedByLayout, QCheckBox):
    """A check box whose wording wraps beside its box instead of widening the page.

    QCheckBox draws its text on one line, so a long sentence (a consent, in Spanish) would make
    the whole form wider than the screen. Touching the wording ticks the box too.
    """

    def __init__(self, indent: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_label = plain_label()
        self.text_label.setProperty("role", "check-text")
        self.text_label.setWordWrap(True)
        self.text_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # QCheckBox will not shrink below its one-line width; this one wraps instead.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        row = QHBoxLayout(self)
        # `indent`: room for the box itself, which QCheckBox paints at the left.
        row.setContentsMargins(indent, 4, 0, 4)
        row.addWidget(self.text_label)

    def set_wording(self, text: str) -> None:
        self.text_label.setText(text)
        self.setAccessibleName(text)

    def wording(self) -> str:
        return self.text_label.text()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class Columns(QWidget):
    """Widgets in up to `most` equal columns: as many as fit side by side, so a row of big
    buttons becomes two rows (not a page wider than the screen) at large text, in Spanish or on
    a narrow panel. Each row is as tall as its tallest widget needs at the column's width.

    It places its widgets itself: QGridLayout's height-for-width rows came out shorter than
    a wrapped button needed, cutting off its last line. The rows are kept per width until a
    widget asks for a new layout (its words, font or size changed): layouts ask the same
    height dozens of times while the look changes, and each answer lays out every widget.
    """

    def __init__(self, most: int, spacing: int = 14, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._most = most
        self._spacing = spacing
        self._widgets: list[QWidget] = []
        self._known_rows: dict[int, tuple[int, list[tuple[list[QWidget], int]]]] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_widgets(self, widgets: Sequence[QWidget]) -> None:
        self._known_rows.clear()
        self._widgets = list(widgets)
        for widget in self._widgets:
            if widget.parentWidget() is not self:
                widget.setParent(self)  # (a new parent hides a widget; the same one need not)
        self._place()
        self.updateGeometry()

    def set_most(self, most: int) -> None:
        """At most this many columns from now on."""
        if most != self._most:
            self._most = most
            self._known_rows.clear()
            self._place()
            self.updateGeometry()

    def columns_for(self, width: int) -> int:
        widest = max(map(_narrowest, self._widgets), default=0)
        fit = (width + self._spacing) // max(1, widest + self._spacing)
        return max(1, min(self._most, len(self._widgets) or 1, fit))

    def _rows(self, width: int) -> tuple[int, list[tuple[list[QWidget], int]]]:
        """The column width, and each row's widgets with the row's height."""
        known = self._known_rows.get(width)
        if known is None:
            known = self._known_rows[width] = self._measure_rows(width)
        return known

    def _measure_rows(self, width: int) -> tuple[int, list[tuple[list[QWidget], int]]]:
        columns = self.columns_for(width)
        cell = max(0, (width - (columns - 1) * self._spacing) // columns)
        rows = []
        for start in range(0, len(self._widgets), columns):
            row = self._widgets[start : start + columns]
            height = max(
                max(
                    w.heightForWidth(cell) if w.hasHeightForWidth() else w.sizeHint().height(),
                    w.minimumSizeHint().height(),
                    w.minimumHeight(),  # the stylesheet's min-height (a finger's reach)
                )
                for w in row
            )
            rows.append((row, height))
        return cell, rows

    def _place(self) -> None:
        cell, rows = self._rows(self.width())
        y = 0
        for row, height in rows:
            for column, widget in enumerate(row):
                widget.setGeometry(column * (cell + self._spacing), y, cell, height)
            y += height + self._spacing

    def minimumSizeHint(self) -> QSize:
        widest = max(map(_narrowest, self._widgets), default=0)
        return QSize(widest, self.heightForWidth(widest))

    def sizeHint(self) -> QSize:
        count = min(self._most, len(self._widgets))
        widest = max((w.sizeHint().width() for w in self._widgets), default=0)
        width = count * widest + max(0, count - 1) * self._spacing
        # Once placed, its height at the width it has: layouts ask for a size hint at each
        # new look, and measuring every button again at a width nobody sees cost more than the
        # rest of the answer (the height of a height-for-width widget comes from
        # heightForWidth anyway).
        placed = self.testAttribute(Qt.WidgetAttribute.WA_Resized)
        return QSize(width, self.heightForWidth(self.width() if placed else width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _cell, rows = self._rows(width)
        return sum(height for _row, height in rows) + max(0, len(rows) - 1) * self._spacing

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def event(self, event: QEvent) -> bool:
        if event.type() in _REMEASURE:
            self._known_rows.clear()
        if event.type() == QEvent.Type.LayoutRequest:
            # A widget's text or size changed: place them again, and tell our own parent.
            self._place()
            self.updateGeometry()
        return super().event(event)


# What may change the widgets' heights: one asked for a new layout (its words, its font),
# the look changed, or the widgets were hidden (a hidden parent hears of no layout request).
_REMEASURE = (
    QEvent.Type.LayoutRequest,
    QEvent.Type.StyleChange,
    QEvent.Type.FontChange,
    QEvent.Type.Show,
    QEvent.Type.ChildAdded,
    QEvent.Type.ChildRemoved,
)


def _narrowest(widget: QWidget) -> int:
    """How narrow a widget can be: a wrapping button down to its longest word; a plain button
    (its text on one line) no narrower than that line."""
    hint = widget.minimumSizeHint() if widget.hasHeightForWidth() else widget.sizeHint()
    return hint.width()


class ButtonGrid(Columns):
    """Big buttons in columns, one per (key, label), reporting the key of the one touched.

    The buttons are made once and reused as the items change: a new styled button costs about
    a millisecond to create and polish, and a screen should change within one frame.
    """

    chosen = Signal(str)

    def __init__(self, role: str = "link", columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(columns, parent=parent)
        self._role = role
        self._pool: list[WrappingButton] = []
        self.buttons: list[WrappingButton] = []

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        while len(self._pool) < len(items):
            button = WrappingButton(role=self._role)
            button.setParent(self)
            button.clicked.connect(lambda _=False, b=button: self.chosen.emit(b.property("key")))
            self._pool.append(button)
        for button, (key, label) in zip(self._pool, items, strict=False):
            button.setProperty("key", key)
            button.set_text(label)
        for index, button in enumerate(self._pool):
            button.setVisible(index < len(items))
        self.buttons = self._pool[: len(items)]
        self.set_widgets(self.buttons)
        self._filled(bool(items))

    def _filled(self, filled: bool) -> None:  # noqa: FBT001 -- one flag, said by its name
        """Shown when it has buttons, hidden when it has none."""
        self.setVisible(filled)

    def button(self, key: str) -> WrappingButton | None:
        return next((b for b in self.buttons if b.property("key") == key), None)


def icon_button(icon: str, role: str, style: Qt.ToolButtonStyle) -> QToolButton:
    """A tool button with an icon (named, drawn later by the view) and a text label."""
    button = QToolButton()
    button.setProperty("role", role)
    button.setProperty("icon_name", icon)
    button.setToolButtonStyle(style)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button
