"""The spine explorer: the drawing with zoom buttons, and a panel that lists the parts of the
spine or tells about the one the patient chose.

In landscape the panel sits beside the drawing, in portrait below it. The drawing is tall, so
it is mostly short of height: its zoom buttons then stand in a column beside it, leaving it the
whole height of its share, and lie in a row under it only where its labels make it short of
width. The list of parts is the way in for anyone who cannot tap precisely (and for screen
readers): it selects exactly what a tap on the drawing selects.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.anatomy import DRAWN_GROUPS, SpineDrawing, SpineMap
from kiosk.core.navigation import Route
from kiosk.core.pages import RegionText
from kiosk.core.theme import Palette
from kiosk.views.buttons import ButtonGrid, WrappingButton
from kiosk.views.deferred import WordsWhenShown
from kiosk.views.icons import IconSet
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController
from kiosk.views.page_notes import Disclaimer, ReviewNote
from kiosk.views.read_aloud import ReadAloudButton, spoken_text
from kiosk.views.reader_label import ReaderLabel
from kiosk.views.scrolling import scrolling_page
from kiosk.views.spine_canvas import SpineCanvas

QWIDGETSIZE_MAX = 16777215
LABEL_PX = 30  # the drawing's labels at 100 %: read from a step back, without glasses
TOOL_SPACING = 12
ROW_MARGINS = (16, 8, 16, 8)  # the zoom buttons in a row under the drawing
COLUMN_MARGINS = (8, 16, 16, 16)  # ... and in a column beside it


class _Panel(QStackedWidget):
    """The panel beside or below the drawing: its share of the screen is fixed.

    Its wrapping buttons and text make it "height for width", and a vertical box layout
    would then give it the height its content wants instead of its stretch share.
    """

    def hasHeightForWidth(self) -> bool:
        return False


class _DrawingColumn(QWidget):
    """The drawing and its zoom buttons: its share of the screen is fixed too, for the same
    reason (the zoom buttons wrap their words). It says when its size changes, so the buttons
    can go where they leave the drawing most room."""

    def __init__(self, on_resized: Callable[[QSize], None]) -> None:
        super().__init__()
        self._on_resized = on_resized

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_resized(event.size())


class SpineView(WordsWhenShown, QWidget):
    """Reports a region chosen (by tap or list), a related topic, or "this is where it hurts"."""

    region_selected = Signal(str)
    topic_chosen = Signal(str)
    callback_chosen = Signal(str)
    read_requested = Signal(str)  # the region's text, to read aloud (or stop reading)

    def __init__(
        self,
        look: LookController,
        icons: IconSet,
        drawing_for: Callable[[Palette], SpineDrawing],
        spine_map: SpineMap,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._look = look
        self._icons = icons
        self._drawing_for = drawing_for
        self._map = spine_map
        self._texts: dict[str, RegionText] = {}
        self.selected_region = ""
        self.selected_part = ""

        self.canvas = SpineCanvas(drawing_for(look.look.palette))
        self.canvas.part_tapped.connect(self._on_canvas_part_tapped)
        self.zoom_in_button = self._tool_button("zoom-in", lambda: self.canvas.zoom_by(1.5))
        self.zoom_out_button = self._tool_button("zoom-out", lambda: self.canvas.zoom_by(1 / 1.5))
        self.reset_button = self._tool_button("reset", self._on_reset_clicked)
        self.reset_button.share_icon_fit(
            [self.zoom_in_button, self.zoom_out_button, self.reset_button]
        )

        self._make_panel_widgets()
        self.panel = _Panel()
        self.panel.setProperty("role", "panel")
        self.panel.addWidget(self._build_list_page())
        self.panel.addWidget(self._build_detail_page())

        self._box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(0)
        drawing = self._build_drawing_column()
        # Sizes follow the stretch factors alone, so the drawing never jumps when the panel's
        # content changes under a patient's finger.
        for part in (drawing, self.panel):
            part.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._box.addWidget(drawing, 11)
        self._box.addWidget(self.panel, 9)

        self._palette = look.look.palette  # the drawing's colours
        look.changed.connect(self.look_changed)
        self._retranslate()
        self.take_look()

    # -- building ----------------------------------------------------------------------------

    def _make_panel_widgets(self) -> None:
        self.list_heading = plain_label()
        self.list_heading.setProperty("role", "panel-heading")
        self.list_heading.setWordWrap(True)
        self.list_hint = plain_label()
        self.list_hint.setProperty("role", "lead")
        self.list_hint.setWordWrap(True)
        self.region_list = ButtonGrid(role="link")
        self.region_list.chosen.connect(self._choose_region)

        self.title_label = plain_label()
        self.title_label.setProperty("role", "panel-heading")
        self.title_label.setWordWrap(True)
        self.body_label = ReaderLabel()
        self.body_label.linkActivated.connect(self._on_body_link_activated)
        self.review_note = ReviewNote()
        self.disclaimer = Disclaimer()
        self.related = ButtonGrid(role="link")
        self.related.chosen.connect(self._follow)
        self.hurts_button = WrappingButton(role="action")
        self.hurts_button.clicked.connect(self._on_hurts_clicked)
        self.all_parts_button = WrappingButton(role="more")
        self.all_parts_button.clicked.connect(self.clear)
        self.read_button = ReadAloudButton(self._look, self._icons)
        self.read_button.clicked.connect(self._on_read_clicked)

    def _tool_button(self, icon: str, action: Callable[[], None]) -> WrappingButton:
        # Its words wrap rather than run out of the button on a narrow drawing column.
        button = WrappingButton(role="tool")
        button.setProperty("icon_name", icon)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        button.clicked.connect(action)
        return button

    def _tool_buttons(self) -> tuple[WrappingButton, ...]:
        return (self.zoom_in_button, self.zoom_out_button, self.reset_button)

    def _build_drawing_column(self) -> QWidget:
        self._tools = QWidget()
        self._tools.setProperty("role", "toolbar")
        self._tool_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self._tools)
        self._tool_box.setSpacing(TOOL_SPACING)
        self._tool_box.setContentsMargins(*ROW_MARGINS)
        for button in self._tool_buttons():
            self._tool_box.addWidget(button, 1)
        self._tools_beside = False
        column_widget = _DrawingColumn(self._arrange_tools)
        self._column_widget = column_widget
        self._column = QBoxLayout(QBoxLayout.Direction.TopToBottom, column_widget)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.canvas, 1)
        self._column.addWidget(self._tools)
        return column_widget

    def _arrange_tools(self, size: QSize) -> None:
        """The zoom buttons under the drawing or beside it, whichever leaves the drawing
        larger in a column of `size`: the tall drawing is short of height, unless its labels
        make it short of width (a narrow column, large text)."""
        across = self._tools_width_beside(size)
        beside = self.canvas.fit_scale_for(size.width() - across, size.height())
        below = self.canvas.fit_scale_for(
            size.width(), size.height() - self._tools_height_below(size.width())
        )
        self._place_tools(beside=beside > below, width=across)

    def _tools_width_beside(self, column: QSize) -> int:
        """As wide as the widest button's words need, if the drawing keeps its size; else up
        to a quarter of the column (longer words wrap); never narrower than the longest word or
        160 pixels."""
        buttons = self._tool_buttons()
        sides = COLUMN_MARGINS[0] + COLUMN_MARGINS[2]
        wanted = max(button.sizeHint().width() for button in buttons) + sides
        least = max(max(button.minimumSizeHint().width() for button in buttons) + sides, 160)
        spare = column.width() - math.ceil(self.canvas.width_needed(column.height()))
        return max(min(wanted, max(spare, column.width() // 4)), least)

    def _tools_height_below(self, width: int) -> int:
        """The row's height when the three buttons share `width`."""
        buttons = self._tool_buttons()
        room = width - ROW_MARGINS[0] - ROW_MARGINS[2] - TOOL_SPACING * (len(buttons) - 1)
        each = max(room // len(buttons), 1)
        tallest = max(max(b.minimumHeight(), b.heightForWidth(each)) for b in buttons)
        return tallest + ROW_MARGINS[1] + ROW_MARGINS[3]

    def _place_tools(self, *, beside: bool, width: int) -> None:
        """The zoom buttons in a row under the drawing, or in a column `width` wide beside it,
        at the bottom, nearest the hands."""
        if beside == self._tools_beside and (not beside or self._tools.minimumWidth() == width):
            return
        self._tools_beside = beside
        self._column.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        self._tool_box.setDirection(
            QBoxLayout.Direction.TopToBottom if beside else QBoxLayout.Direction.LeftToRight
        )
        first = self._tool_box.itemAt(0)
        stretched = first is not None and first.widget() is None
        if beside:
            self._tool_box.setContentsMargins(*COLUMN_MARGINS)
            if not stretched:
                self._tool_box.insertStretch(0, 1)
            for button in self._tool_buttons():
                self._tool_box.setStretchFactor(button, 0)
            self._tools.setFixedWidth(width)
        else:
            self._tool_box.setContentsMargins(*ROW_MARGINS)
            if stretched:
                self._tool_box.takeAt(0)
            for button in self._tool_buttons():
                self._tool_box.setStretchFactor(button, 1)
            self._tools.setMinimumWidth(0)
            self._tools.setMaximumWidth(QWIDGETSIZE_MAX)

    def _build_list_page(self) -> QWidget:
        return scrolling_page(self.list_heading, self.list_hint, self.region_list)

    def _build_detail_page(self) -> QWidget:
        # Read aloud sits under the title, where a patient looking for it first looks.
        read_row = QHBoxLayout()
        read_row.addWidget(self.read_button)
        read_row.addStretch(1)
        self._read_row = QWidget()
        self._read_row.setLayout(read_row)
        read_row.setContentsMargins(0, 0, 0, 0)
        scroll = scrolling_page(
            self.title_label, self._read_row, self.body_label, self.review_note, self.related
        )
        self._detail_scroll = scroll
        # The disclaimer and the two things to do next stay in reach below the text, however
        # long it is.
        actions = QWidget()
        actions.setProperty("role", "action-bar")
        bar = QVBoxLayout(actions)
        bar.setContentsMargins(24, 8, 24, 12)
        bar.setSpacing(8)
        bar.addWidget(self.disclaimer)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.all_parts_button, 2)
        row.addWidget(self.hurts_button, 3)
        bar.addLayout(row)
        detail = QWidget()
        stack = QVBoxLayout(detail)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(scroll, 1)
        stack.addWidget(actions)
        return detail

    # -- what is shown -----------------------------------------------------------------------

    def set_regions(self, texts: Sequence[RegionText]) -> None:
        """The regions in list order, with their texts in the current language."""
        self._texts = {text.slug: text for text in texts}
        self.region_list.set_items([(text.slug, text.title) for text in texts])
        if self.selected_region:
            self._show_detail(self.selected_region)

    def show_region(self, slug: str) -> None:
        """Select `slug` as if its list button was touched ("" clears the choice)."""
        if slug in self._map.parts:
            self._select(slug, "")
        else:
            self.clear()

    def clear(self) -> None:
        """Nothing chosen: the whole drawing plain, the panel listing the parts."""
        self.selected_region = self.selected_part = ""
        self.canvas.highlight(())
        self.panel.setCurrentIndex(0)
        self.region_selected.emit("")

    def _select(self, region: str, part: str) -> None:
        self.selected_region, self.selected_part = region, part
        self.canvas.highlight(self._map.parts.get(region, ()), part)
        self._show_detail(region)
        self.region_selected.emit(region)

    def _show_detail(self, region: str) -> None:
        text = self._texts.get(region)
        if text is None:
            return
        self.title_label.setText(text.title)
        html = text.html
        if text.broken:
            html = "<p>{}</p>".format(
                self.tr(
                    "This page is being updated. Please choose another part, or ask the front desk."
                )
            )
        self.body_label.setText(self._look.reader_html(html))
        self.body_label.setAccessibleName(text.title)
        self.review_note.set_review("" if text.broken else text.reviewed_by, text.reviewed_on)
        self.related.set_items(text.related)
        self.panel.setCurrentIndex(1)
        self._detail_scroll.verticalScrollBar().setValue(0)

    # -- reactions ---------------------------------------------------------------------------

    def _choose_region(self, slug: str) -> None:
        self._select(slug, "")

    def _on_canvas_part_tapped(self, part: str) -> None:
        region = self._map.region_of.get(part, "")
        if region:
            self._select(region, part)
        else:
            self.clear()

    def _on_hurts_clicked(self) -> None:
        if not self.selected_region:
            return
        parts = self._map.parts.get(self.selected_region, ())
        if self.selected_part or parts:
            self.canvas.mark(self.selected_part or parts[len(parts) // 2])
        self.callback_chosen.emit(self.selected_region)

    def _on_read_clicked(self) -> None:
        text = self._texts.get(self.selected_region)
        if text is not None and not text.broken:
            self.read_requested.emit(spoken_text(text.title, text.html))

    def _on_reset_clicked(self) -> None:
        self.canvas.reset_zoom()

    def _on_body_link_activated(self, href: str) -> None:
        self._follow(href)

    def _follow(self, href: str) -> None:
        """A link in a part's text: the same routes as the buttons, read by Route.parse."""
        route = Route.of_link(href)
        if route is None:
            return
        if route.screen == "topic":
            self.topic_chosen.emit(route.arg)
        elif route.screen == "spine":
            self.show_region(route.arg)
        elif route.screen == "callback":
            self.callback_chosen.emit(self.selected_region)

    def take_look(self) -> None:
        """Hidden, it takes a new look when shown or caught up (WordsWhenShown)."""
        look = self._look.look
        if look.palette != self._palette:  # a new text size leaves the drawing as it is
            self._palette = look.palette
            self.canvas.set_drawing(self._drawing_for(look.palette))
        side = 40
        ratio = self.devicePixelRatioF()
        for button in (self.zoom_in_button, self.zoom_out_button, self.reset_button):
            name = str(button.property("icon_name"))
            button.set_pixmap(self._icons.pixmap(name, look.palette.accent, side, ratio))
        self.hurts_button.set_pixmap(
            self._icons.pixmap("callback", look.palette.accent_text, side, ratio)
        )
        self._style_labels()
        if self.selected_region:
            self._show_detail(self.selected_region)
        self._arrange_tools(self._column_widget.size())  # their words changed size

    def _retranslate(self) -> None:
        self.list_heading.setText(self.tr("Parts of the spine"))
        self.list_hint.setText(self.tr("Touch the drawing, or choose a part here."))
        self.zoom_in_button.set_text(self.tr("Zoom in"))
        self.zoom_out_button.set_text(self.tr("Zoom out"))
        self.reset_button.set_text(self.tr("Whole spine"))
        self.hurts_button.set_text(self.tr("This is where it hurts"))
        self.all_parts_button.set_text(self.tr("Show all parts"))
        # The drawing is for eyes; the list of parts beside it is the way without them.
        self.canvas.setAccessibleName(self.tr("Drawing of the spine"))
        self.canvas.setAccessibleDescription(
            self.tr("Touch a part to read about it. The list of parts does the same.")
        )
        names = {
            "neck": self.tr("Neck"),
            "upper-back": self.tr("Upper back"),
            "lower-back": self.tr("Lower back"),
            "pelvis": self.tr("Pelvis"),
        }
        bounds = self.canvas.group_bounds
        self.canvas.set_labels(
            [
                (names[key], bounds(group))
                for key, group in DRAWN_GROUPS.items()
                if not bounds(group).isEmpty()
            ]
        )
        self._style_labels()
        self._arrange_tools(self._column_widget.size())  # their words changed

    def _style_labels(self) -> None:
        look = self._look.look
        font = QFont(self.font())
        font.setPixelSize(look.px(LABEL_PX, cap=150))
        font.setBold(True)
        palette = look.palette
        self.canvas.restyle_labels(QColor(palette.text), font, QColor(palette.surface))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() > self.height()
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        if self._box.direction() != direction:
            self._box.setDirection(direction)
        # A tall drawing needs the larger share in portrait; beside the text, about half.
        stretch = (11, 9) if landscape else (3, 2)
        if (self._box.stretch(0), self._box.stretch(1)) != stretch:
            self._box.setStretch(0, stretch[0])
            self._box.setStretch(1, stretch[1])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
