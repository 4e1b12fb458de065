"""Kinetic (flick) scrolling for anything that scrolls, the way a phone does it, the button
under a long page that says there is more below (or takes you back to the top), and the cue
that says which part of a long page is in view."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QLayout,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.theme import BASE_FONT_PX, Look
from kiosk.views.buttons import WrappingButton
from kiosk.views.icons import IconSet, icon_size


class ScrollPage(QWidget):
    """A container of word-wrapped widgets that, once placed, tells its preferred size at the
    width it has: for the page inside a vertical scroll area (`vertical_scroll`), which makes
    it as wide as the area and as tall as its words need at that width, and for the columns
    inside such a page.

    A plain widget answers from its layout at the layout's own preferred width (a reading width
    of 75 characters, wider than most screens): each new text size or page then laid out the
    page's text and buttons at a width nobody sees, once more at each level."""

    def sizeHint(self) -> QSize:
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return super().sizeHint()
        width = self.width()
        return QSize(width, self.heightForWidth(width))


def vertical_scroll(page: QWidget) -> QScrollArea:
    """A frameless area that scrolls `page` up and down only (it never scrolls sideways).

    The page is exactly as tall as its words need at the width it has. By default Qt keeps a
    page at least as tall as it would be at its narrowest (every label wrapped the most),
    which left an empty screen below a form's last button at 200 % text in landscape.
    """
    layout = page.layout()
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    policy = page.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)  # QScrollArea asks heightForWidth
    policy.setHeightForWidth(True)
    page.setSizePolicy(policy)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    # Tab goes to what is inside, and the area scrolls it into view; the area itself is not a
    # stop (a screen reader would meet a nameless box). "More below" scrolls from the keyboard.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def make_flickable(area: QAbstractScrollArea) -> None:
    """Let a finger (or a held mouse button) drag and flick `area`'s contents."""
    viewport = area.viewport()
    # A touch is turned into mouse events by Qt when no widget takes it, so the left-button
    # gesture serves fingers and mice alike.
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    # No rubber-band overshoot: it reads as "broken" to people new to touchscreens.
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    scroller.setScrollerProperties(props)


def scrolling_page(
    *widgets: QWidget, margins: tuple[int, int, int, int] = (32, 24, 32, 24), spacing: int = 14
) -> QScrollArea:
    """A flickable page showing `widgets` in one column, top-aligned."""
    page = ScrollPage()
    page.setProperty("role", "page")
    column = QVBoxLayout(page)
    column.setContentsMargins(*margins)
    column.setSpacing(spacing)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    area = vertical_scroll(page)
    make_flickable(area)
    return area


def say_scroll_cue(
    button: WrappingButton, *, at_end: bool, more: str, back: str, icons: IconSet, look: Look
) -> None:
    """A long page's scroll button: `more` with a down arrow, or at the page's end `back` (to
    the top) with an up arrow. Nothing is redone while it already says the right one."""
    if button.property("at_end") == at_end and button.label():
        return
    button.setProperty("at_end", at_end)
    button.set_text(back if at_end else more)
    draw_scroll_cue_icon(button, icons, look)


def draw_scroll_cue_icon(button: WrappingButton, icons: IconSet, look: Look) -> None:
    """The scroll button's arrow, in the look's colour and size (again after a look change)."""
    side = icon_size(look.text_size).width() * 2 // 3
    name = "top" if button.property("at_end") else "more"
    ratio = button.devicePixelRatioF()
    button.set_pixmap(icons.pixmap(name, look.palette.accent, side, ratio))


class PositionCue(QWidget):
    """Where the reader is on a long page: "Part 2 of 7: Mind your posture" over a thin bar
    filled as far as the page has been read. Words and bar only: nothing to touch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "position")
        self._words = ""
        self._done = 0.0
        self._look: Look | None = None
        self._font = QFont()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_look(self, look: Look) -> None:
        self._look = look
        # Its own font, not the widget's: the application's stylesheet sets every widget's.
        self._font = QFont(self.font())
        self._font.setPixelSize(look.px(BASE_FONT_PX * 0.85, cap=125))  # as the disclaimer
        self._font.setBold(True)
        self.setFixedHeight(QFontMetrics(self._font).height() + _CUE_PADDING * 2 + _CUE_BAR)
        self.update()

    def set_position(self, words: str, done: float) -> None:
        """Say `words`, the bar `done` (0 to 1) of the way along."""
        if words == self._words and abs(done - self._done) < _CUE_STEP:
            return
        self._words, self._done = words, max(0.0, min(1.0, done))
        self.setAccessibleName(words)
        self.update()

    @property
    def words(self) -> str:
        return self._words

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._look is None:
            return
        palette = self._look.palette
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(palette.surface))
        bar = QRect(0, self.height() - _CUE_BAR, self.width(), _CUE_BAR)
        painter.fillRect(bar, QColor(palette.border))
        painter.fillRect(
            QRect(0, bar.top(), round(self.width() * self._done), _CUE_BAR), QColor(palette.accent)
        )
        painter.setPen(QColor(palette.text))
        text = self.rect().adjusted(_CUE_MARGIN, 0, -_CUE_MARGIN, -_CUE_BAR)
        painter.setFont(self._font)
        shown = painter.fontMetrics().elidedText(
            self._words, Qt.TextElideMode.ElideRight, text.width()
        )
        painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
        painter.end()


# The cue's bar height, the space above and below its words, and its side margins.
_CUE_BAR = 8
_CUE_PADDING = 5
_CUE_MARGIN = 48
# Scrolling less than this share of the page does not redraw the bar.
_CUE_STEP = 0.002
