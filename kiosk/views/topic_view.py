"""The topic reader: a page of large, plain text with its related topics and a call-back button.

The page of warning signs looks and acts urgent: a red band with the warning sign holds its
title, and where other pages offer a call later it tells the patient to go to the front desk
now. Every page keeps the disclaimer in view under the text.

A page's text may hold rows of picture cards (kiosk/views/picture_cards.py). A long page opens
with "On this page", a button for each of its parts, and says above the text which part is in
view while it scrolls.
"""

from __future__ import annotations

from bisect import bisect_right

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.markup import Part
from kiosk.core.navigation import Route
from kiosk.core.pages import TopicPage
from kiosk.core.theme import BASE_FONT_PX, Look
from kiosk.views.buttons import ButtonGrid, WrappingButton
from kiosk.views.icons import IconSet, icon_size
from kiosk.views.illustrations import Illustrations
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController
from kiosk.views.page_notes import Disclaimer, ReviewNote
from kiosk.views.picture_cards import CardRow
from kiosk.views.read_aloud import ReadAloudButton, spoken_text
from kiosk.views.reader_label import ReaderLabel
from kiosk.views.scrolling import (
    PositionCue,
    ScrollPage,
    draw_scroll_cue_icon,
    make_flickable,
    say_scroll_cue,
    vertical_scroll,
)

# About 75 characters of body text per line, the comfortable upper end for reading.
READING_WIDTH_EM = 38
# The action bar's side margins, which the front desk's band lines its sign up with.
_BAR_MARGIN = 32


# The picture beside a topic's title, in pixels tall.
PICTURE_MIN, PICTURE_MAX = 140, 240
# A page with this many main parts or more is long: it opens with "On this page".
LONG_PAGE_SECTIONS = 4
# A heading this far below the top of the view still counts as the part being read.
_READING_LINE = 0.3


class _KeptButtons(ButtonGrid):
    """A page's "On this page" buttons, kept from visit to visit: their words never change,
    so being shown again is no reason to measure them again (a new look still is)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            return QWidget.event(self, event)
        if event.type() == QEvent.Type.LanguageChange:
            return True  # its words are the page's, given with the page in each language
        return super().event(event)

    def _filled(self, filled: bool) -> None:  # noqa: FBT001 -- as ButtonGrid's
        """Never shown by being filled: the reader shows the page's own buttons and keeps the
        others hidden (made ready ahead, filling one must not move the page on screen)."""


class TopicView(QWidget):
    """Shows one topic; reports a link or related page touched, or a call-back asked for."""

    topic_chosen = Signal(str)
    region_chosen = Signal(str)
    callback_chosen = Signal(str)
    read_requested = Signal(str)  # the page's text, to read aloud (or stop reading)

    def __init__(
        self,
        look: LookController,
        icons: IconSet,
        parent: QWidget | None = None,
        *,
        illustrations: Illustrations | None = None,
    ) -> None:
        super().__init__(parent)
        self._look = look
        self._icons = icons
        self._illustrations = illustrations
        self._page: TopicPage | None = None
        self._section_tops: list[int] | None = None
        self._tops_key: tuple[tuple[int, int], ...] = ()

        self.title_label = plain_label()
        self.title_label.setProperty("role", "display")
        self.title_label.setWordWrap(True)
        self.title_band = self._build_title_band()
        self.body_label = ReaderLabel()  # the page's text (up to its first row of cards)
        self.body_label.linkActivated.connect(self._on_body_link_activated)
        self._extras: dict[tuple[Part, ...], list[tuple[QWidget, Part]]] = {}
        self._shown_extras: list[tuple[QWidget, Part]] = []
        self._body, self._body_column = self._build_body()
        self.contents = self._build_contents()
        self.position = PositionCue()
        self.position.hide()
        self.review_note = ReviewNote()
        self._related_heading = plain_label()
        self._related_heading.setProperty("role", "heading")
        self.related = ButtonGrid(role="link")
        self.related.chosen.connect(self._follow)

        self._scroll = self._build_scroll()
        self.more_button = self._build_more_button()
        self.callback_button = WrappingButton(role="action")
        self.callback_button.clicked.connect(self._on_callback_clicked)
        self.read_button = ReadAloudButton(look, icons)
        self.read_button.clicked.connect(self._on_read_clicked)
        self.front_desk = self._build_front_desk()
        self.disclaimer = Disclaimer()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.position)
        outer.addWidget(self._scroll, 1)
        outer.addWidget(self._build_action_bar())

        look.changing.connect(self._let_go_of_other_pages)
        look.coming.connect(self._get_ready_for)
        look.changed.connect(self._on_look_changed)
        self._retranslate()
        self._on_look_changed()

    def _build_scroll(self) -> QScrollArea:
        self._column = ScrollPage()
        column = QVBoxLayout(self._column)
        column.setContentsMargins(48, 32, 48, 40)
        column.setSpacing(20)
        column.addWidget(self.title_band)
        column.addWidget(self.contents)
        column.addWidget(self._body)
        column.addWidget(self.review_note)
        column.addSpacing(12)
        column.addWidget(self._related_heading)
        column.addWidget(self.related)
        column.addStretch(1)
        # Long lines are hard to follow: the text keeps a reading width, centred.
        page = ScrollPage()
        page.setProperty("role", "page")
        centre = QHBoxLayout(page)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addStretch(1)
        centre.addWidget(self._column, 1000)
        centre.addStretch(1)
        scroll = vertical_scroll(page)
        make_flickable(scroll)
        bar = scroll.verticalScrollBar()
        bar.valueChanged.connect(self._update_more_cue)
        bar.rangeChanged.connect(self._update_more_cue)
        bar.valueChanged.connect(self._update_position)
        bar.rangeChanged.connect(self._on_range_changed)
        return scroll

    def _build_body(self) -> tuple[QWidget, QVBoxLayout]:
        """The page's text and its rows of picture cards, one under the other."""
        body = ScrollPage()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(24)
        column.addWidget(self.body_label)
        return body, column

    def _build_contents(self) -> QWidget:
        """ "On this page": a button for each main part of a long page, to jump to it."""
        contents = QWidget()
        column = QVBoxLayout(contents)
        column.setContentsMargins(0, 0, 0, 8)
        column.setSpacing(12)
        self.contents_heading = plain_label()
        self.contents_heading.setProperty("role", "heading")
        # One set of buttons per page, made on its first visit and kept: a page's buttons
        # come back as they were, with no words to set and lay out again (a dozen pages in
        # two languages, a few buttons each).
        column.addWidget(self.contents_heading)
        self._contents_column = column
        # A page's own buttons, kept: by the page, not its words, so that in another language
        # the same buttons take the new words (showing another set instead lays the whole
        # page out at once, a second time, when its text changes too).
        self._chip_grids: dict[str, ButtonGrid] = {}
        self.chips = self._chip_grid("", ())
        contents.hide()
        return contents

    def _chip_grid(self, slug: str, sections: tuple[str, ...]) -> ButtonGrid:
        items = [(str(i), title) for i, title in enumerate(sections)]
        grid = self._chip_grids.get(slug)
        if grid is None:
            grid = self._chip_grids[slug] = _KeptButtons(role="link", columns=4)
            # In its place, hidden, before it is filled (never a window of its own, which
            # would take the focus from the kiosk); shown with its page.
            self._contents_column.addWidget(grid)
            grid.hide()
            grid.chosen.connect(self._on_chips_chosen)
            grid.set_items(items)
        elif [button.label() for button in grid.buttons] != list(sections):
            grid.set_items(items)  # the same page in another language
        return grid

    def _build_title_band(self) -> QFrame:
        """The title; on the page of warning signs, in a red band after the warning sign."""
        band = QFrame()
        band.setProperty("role", "title-band")
        self._urgent_icon = plain_label()  # a picture only
        self._urgent_icon.setProperty("role", "urgent-icon")
        self._urgent_icon.hide()
        self._band_row = QHBoxLayout(band)
        self._band_row.setContentsMargins(0, 0, 0, 0)
        self._band_row.setSpacing(24)
        self._band_row.addWidget(self._urgent_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self._band_row.addWidget(self.title_label, 1)
        # The page's picture, beside its title: what the page is about at a glance; its
        # description (the page's `picture:` line) is what a screen reader says of it.
        self.picture = plain_label()
        self.picture.setProperty("role", "picture")
        self.picture.hide()
        self._band_row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignVCenter)
        return band

    def _build_front_desk(self) -> QFrame:
        """Where other pages offer a call later: go to the front desk now. Words to act on,
        not a button: the kiosk cannot alert anyone, so nothing here pretends to. A flat band
        across the whole screen, the warning sign and the words at its left like the red title
        band, and never in the row of buttons, where it would look like one more."""
        band = QFrame()
        band.setProperty("role", "front-desk")
        self._front_desk_icon = plain_label()  # a picture only
        self._front_desk_icon.setProperty("role", "urgent-icon")
        self.front_desk_label = plain_label()
        self.front_desk_label.setProperty("role", "front-desk-text")
        self.front_desk_label.setWordWrap(True)
        self.front_desk_label.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        row = QHBoxLayout(band)
        # The sign lines up with the buttons' left edge below it.
        row.setContentsMargins(_BAR_MARGIN, 8, _BAR_MARGIN, 8)
        row.setSpacing(20)
        row.addWidget(self._front_desk_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.front_desk_label, 1)
        band.hide()
        return band

    def _build_action_bar(self) -> QFrame:
        actions = QFrame()
        actions.setProperty("role", "action-bar")
        column = QVBoxLayout(actions)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.front_desk)
        self._bar = QVBoxLayout()
        self._bar.setContentsMargins(_BAR_MARGIN, 10, _BAR_MARGIN, 16)
        self._bar.setSpacing(10)
        self._bar.addWidget(self.disclaimer)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(20)
        self._buttons.addWidget(self.more_button, 2)
        self._buttons.addWidget(self.read_button, 2)
        self._buttons.addWidget(self.callback_button, 3)
        self._bar.addLayout(self._buttons)
        column.addLayout(self._bar)
        return actions

    def _place_disclaimer(self, *, beside_buttons: bool) -> None:
        """Above the buttons, or (on the urgent page, where the front desk's band takes a line
        and there is no call-back button) in the call-back button's place, so the warning signs
        keep their room on a short screen."""
        if (self._buttons.indexOf(self.disclaimer) >= 0) == beside_buttons:
            return
        # Joining one layout takes it out of the other.
        if beside_buttons:
            self._buttons.addWidget(self.disclaimer, 3)
        else:
            self._bar.insertWidget(0, self.disclaimer)

    def _build_more_button(self) -> WrappingButton:
        """Says there is more below (a tap scrolls on); at the end it offers the top again."""
        button = WrappingButton(role="more")
        button.clicked.connect(self._on_more_clicked)
        button.hide()
        return button

    @property
    def page(self) -> TopicPage | None:
        return self._page

    def show_page(self, page: TopicPage) -> None:
        """Show `page` from its top."""
        self._page = page
        self.title_label.setText(page.title)
        self._set_urgent(page.urgent and not page.broken)
        self._set_picture()
        self._set_body()
        self._set_contents()
        self.review_note.set_review("" if page.broken else page.reviewed_by, page.reviewed_on)
        self.related.set_items(page.related)
        self._related_heading.setVisible(bool(page.related))
        self._scroll.verticalScrollBar().setValue(0)
        self._update_more_cue()
        self._update_position()

    def prepare(self, page: TopicPage) -> None:
        """Make, hidden, what showing `page` takes beyond laying it out: its "On this page"
        buttons, its rows of cards with their drawings, its texts after the first and its
        picture. Done while nobody waits (Shell.warm_up), a page's first visit then costs what
        a later one does."""
        if page.broken:
            return
        if _is_long(page):
            self._chip_grid(page.slug, page.sections)
        self._fill(self._extras_for(_split(_parts_of(page))[1]))
        if self._illustrations is not None and self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self._illustrations.pixmap(
                page.slug, self._look.look.palette, self._picture_height(), self.devicePixelRatioF()
            )

    @property
    def long_page(self) -> bool:
        """Long enough for "On this page" (never the warning signs, read first to last)."""
        return self._page is not None and _is_long(self._page)

    def _set_contents(self) -> None:
        page = self._page
        shown = self.long_page and page is not None
        self.contents.setVisible(shown)
        self.position.setVisible(shown)
        if page is not None and shown:
            grid = self._chip_grid(page.slug, page.sections)
            if grid is not self.chips:
                self.chips.hide()
                self.chips = grid
                self._fit_chips()
            grid.show()
        self._section_tops = None

    def _texts(self) -> list[ReaderLabel]:
        """The page's texts: the first, and those after its rows of cards."""
        more = [w for w, _part in self._shown_extras if isinstance(w, ReaderLabel)]
        return [self.body_label, *more]

    def section_tops(self) -> list[int]:
        """Where each main part starts, in the scrolled page's coordinates (worked out when
        first asked after the page or its width changed)."""
        if not self.isVisible():
            return []  # not laid out yet: nothing is anywhere
        page = self._scroll.widget() or self._column
        shown = [label for label in self._texts() if not label.isHidden()]
        # Where the texts are: the answer holds until one moves or changes its size.
        key = tuple((label.mapTo(page, QPoint(0, 0)).y(), label.height()) for label in shown)
        if self._section_tops is None or self._tops_key != key:
            self._tops_key = key
            self._section_tops = [
                label.mapTo(page, QPoint(0, top)).y()
                for label in shown
                for top in label.heading_tops()
            ]
        return self._section_tops

    def _on_chips_chosen(self, key: str) -> None:
        tops = self.section_tops()
        index = int(key)
        if index < len(tops):
            self._scroll.verticalScrollBar().setValue(max(0, tops[index] - 12))

    def _update_position(self) -> None:
        if self.position.isHidden() or self._page is None:
            return
        bar = self._scroll.verticalScrollBar()
        sections = self._page.sections
        index = 0  # at the top: the first part (where the parts are is not worked out yet)
        if bar.value() > 0:
            # At the end of the page the last parts can come no higher: one in view is read.
            share = 1.0 if self.at_end else _READING_LINE
            reading_line = bar.value() + round(self._scroll.viewport().height() * share)
            tops = self.section_tops()
            index = max(0, min(len(sections) - 1, bisect_right(tops, reading_line) - 1))
        words = self.tr("Part {number} of {count}: {title}").format(
            number=index + 1, count=len(sections), title=sections[index] if sections else ""
        )
        self.position.set_position(words, bar.value() / bar.maximum() if bar.maximum() else 0.0)

    def _set_picture(self) -> None:
        """The page's picture beside its title, if it has one; none on the page of warning
        signs, whose first lines must stay in view."""
        page = self._page
        shown = (
            page is not None
            and not page.broken
            and not page.urgent
            and self._illustrations is not None
            and self._illustrations.exists(page.slug)
        )
        if not shown or page is None or self._illustrations is None:
            self.picture.hide()
            self.picture.clear()
            return
        pixmap = self._illustrations.pixmap(
            page.slug, self._look.look.palette, self._picture_height(), self.devicePixelRatioF()
        )
        self.picture.setPixmap(pixmap)
        self.picture.setAccessibleName(page.picture)  # what it shows, in words
        self.picture.setVisible(not pixmap.isNull())
        self._place_picture()

    def _place_picture(self) -> None:
        """Beside the title where both fit on a line; under it where they do not (a title of
        one long word in large text on a portrait screen: "Tratamientos" at 200 %)."""
        room = self._text_width(self.width() - self._scroll.verticalScrollBar().width())
        picture = self.picture.pixmap().width() / max(1.0, self.picture.pixmap().devicePixelRatio())
        needed = self.title_label.minimumSizeHint().width() + self._band_row.spacing() + picture
        beside = self.picture.isHidden() or needed <= room
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._band_row.direction() != direction:
            self._band_row.setDirection(direction)

    def _picture_height(self) -> int:
        """A fifth of the screen's height, between 140 and 240 pixels: beside a title, never
        pushing the page's words out of view at 1280x800."""
        return max(PICTURE_MIN, min(PICTURE_MAX, self.height() // 5))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._section_tops = None
        self._fit_chips()
        # Not hidden, rather than visible: a reader's first page is set before the reader is
        # ever on screen or its size known, and it is resized as it comes on.
        if not self.picture.isHidden() and self.picture.pixmap().height() != round(
            self._picture_height() * self.devicePixelRatioF()
        ):
            self._set_picture()
        self._place_picture()

    def _fit_chips(self) -> None:
        """As many "On this page" buttons side by side as fit at a comfortable width for their
        words (which grow with the text size, to 150 %): three at normal text, two at the
        largest in portrait, four there in landscape."""
        look = self._look.look
        width = self._text_width(self.width())
        self.chips.set_most(max(1, min(4, width // (look.px(BASE_FONT_PX, cap=150) * 9))))

    def _text_width(self, width: int) -> int:
        """How wide the page's words are in a reader `width` pixels wide: the reading width
        at most, less the column's margins."""
        column = self._column.layout()
        margins = column.contentsMargins() if column is not None else self._column.contentsMargins()
        return min(self._column.maximumWidth(), width) - margins.left() - margins.right()

    def _set_urgent(self, urgent: bool) -> None:  # noqa: FBT001 -- one flag, said by its name
        self.callback_button.setVisible(not urgent)
        self.front_desk.setVisible(urgent)
        self._place_disclaimer(beside_buttons=urgent)
        self._urgent_icon.setVisible(urgent)
        if self.title_band.property("urgent") == urgent:
            return
        self.title_band.setProperty("urgent", urgent)
        margin = 24 if urgent else 0
        self._band_row.setContentsMargins(margin, margin // 2, margin, margin // 2)
        # A property the stylesheet matches on takes effect only once re-polished.
        for widget in (self.title_band, *self.title_band.findChildren(QWidget)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _body_parts(self, page: TopicPage) -> tuple[str, tuple[Part, ...]]:
        """The page's first text, and the parts after it."""
        if page.broken:
            updating = self.tr(
                "This page is being updated. Please choose another topic, or ask the front desk."
            )
            return _split((Part(f"<p>{updating}</p>"),))
        return _split(_parts_of(page))

    def _get_ready_for(self, look: Look) -> None:
        """A finger is down on a look button: the page's text laid out ahead in that look."""
        if self._page is None or not self.body_label.isVisible():
            return
        first, _rest = self._body_parts(self._page)
        font = QFont(self.body_label.font())
        font.setPixelSize(look.px(BASE_FONT_PX))  # the stylesheet's $font_body
        self.body_label.prepare(self._look.reader_html(first, look), font)

    def _set_body(self) -> None:
        if self._page is None:
            return
        first, rest = self._body_parts(self._page)
        self.body_label.setText(self._look.reader_html(first))
        self.body_label.setAccessibleName(self._page.title)
        self.body_label.setVisible(bool(first))
        extras = self._extras_for(rest)
        if extras is not self._shown_extras:
            for widget, _part in self._shown_extras:
                widget.hide()
                self._body_column.removeWidget(widget)
            for widget, _part in extras:
                self._body_column.addWidget(widget)
                widget.show()
            self._shown_extras = extras
        self._fill(extras)
        for widget, _part in extras:
            if isinstance(widget, ReaderLabel):
                widget.setAccessibleName(self._page.title)
        self._section_tops = None

    def _fill(self, extras: list[tuple[QWidget, Part]]) -> None:
        """Put their cards and words into a page's widgets, in the current look (nothing is
        done again for widgets that already show them)."""
        for widget, part in extras:
            if isinstance(widget, CardRow):
                widget.show_cards(part.cards)
            elif isinstance(widget, ReaderLabel):
                widget.setText(self._look.reader_html(part.html))

    def _extras_for(self, parts: tuple[Part, ...]) -> list[tuple[QWidget, Part]]:
        """The rows of cards and the texts after the first, for `parts`: made on the page's
        first visit and kept, so a page with pictures comes back with no words or pictures
        to set again (two pages, two languages)."""
        extras = self._extras.get(parts)
        if extras is None:
            extras = self._extras[parts] = []
            for part in parts:
                widget: QWidget
                # In the page from the start, hidden: never a window of their own.
                if part.cards:
                    widget = CardRow(self._look, self._illustrations, self._body)
                    widget.link_activated.connect(self._on_body_link_activated)
                else:
                    widget = ReaderLabel(self._body)
                    widget.linkActivated.connect(self._on_body_link_activated)
                widget.hide()
                extras.append((widget, part))
        return extras

    def _follow(self, href: str) -> None:
        """A link in the page's text: the same routes as the buttons, read by Route.parse."""
        route = Route.of_link(href)
        if route is None:
            return
        if route.screen == "topic":
            self.topic_chosen.emit(route.arg)
        elif route.screen == "spine":
            self.region_chosen.emit(route.arg)
        elif route.screen == "callback":
            self._on_callback_clicked()  # "ask us to call you", about this page

    @property
    def at_end(self) -> bool:
        bar = self._scroll.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _update_more_cue(self) -> None:
        bar = self._scroll.verticalScrollBar()
        self.more_button.setVisible(bar.maximum() > 0)
        say_scroll_cue(
            self.more_button,
            at_end=self.at_end,
            more=self.tr("More below"),
            back=self.tr("Back to top"),
            icons=self._icons,
            look=self._look.look,
        )

    def _set_more_icon(self) -> None:
        draw_scroll_cue_icon(self.more_button, self._icons, self._look.look)

    def _on_more_clicked(self) -> None:
        bar = self._scroll.verticalScrollBar()
        if self.at_end:
            bar.setValue(0)
        else:
            bar.setValue(bar.value() + bar.pageStep() * 3 // 4)

    def _on_range_changed(self) -> None:
        self._section_tops = None  # the page's width or words changed
        self._update_position()

    def _retranslate(self) -> None:
        self.contents_heading.setText(self.tr("On this page"))
        self.callback_button.set_text(self.tr("Ask us to call you about this"))
        self.front_desk_label.setText(self.tr("Tell the front desk now"))
        self._related_heading.setText(self.tr("Read next"))
        self.more_button.set_text("")
        self._update_more_cue()
        self._set_body()

    def _let_go_of_other_pages(self) -> None:
        """Before a new look: the buttons, cards and texts kept for pages not on screen go.
        Restyling costs about a millisecond a widget, and they are half the kiosk's widgets:
        they are made again, in the new look, while nobody waits (Shell.warm_up)."""
        for slug, grid in list(self._chip_grids.items()):
            if grid is not self.chips:
                del self._chip_grids[slug]
                shiboken6.delete(grid)
        for parts, extras in list(self._extras.items()):
            if extras is not self._shown_extras:
                del self._extras[parts]
                for widget, _part in extras:
                    shiboken6.delete(widget)

    def _on_look_changed(self) -> None:
        self._set_picture()
        look = self._look.look
        self._column.setMaximumWidth(look.px(BASE_FONT_PX) * READING_WIDTH_EM)
        self._set_body()
        self.position.set_look(look)
        self._fit_chips()
        side = icon_size(look.text_size).width()
        ratio = self.devicePixelRatioF()
        self.callback_button.set_pixmap(
            self._icons.pixmap("callback", look.palette.accent_text, side, ratio)
        )
        warning = self._icons.pixmap("urgent", look.palette.urgent_text, side, ratio)
        self._urgent_icon.setPixmap(warning)
        # The band's sign is as tall as its line of words, so the band takes no more of the
        # page than it needs.
        small = side * 3 // 4
        self._front_desk_icon.setPixmap(
            self._icons.pixmap("urgent", look.palette.urgent_text, small, ratio)
        )
        self._set_more_icon()

    def _on_body_link_activated(self, href: str) -> None:
        self._follow(href)

    def _on_read_clicked(self) -> None:
        if self._page is not None and not self._page.broken:
            self.read_requested.emit(spoken_text(self._page.title, self._page.html))

    def _on_callback_clicked(self) -> None:
        self.callback_chosen.emit(self._page.slug if self._page else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _is_long(page: TopicPage) -> bool:
    """Long enough for "On this page" (never the warning signs, read first to last)."""
    return not page.broken and not page.urgent and len(page.sections) >= LONG_PAGE_SECTIONS


def _parts_of(page: TopicPage) -> tuple[Part, ...]:
    """A page's text and rows of cards (a page without cards: its text, whole)."""
    return page.parts or (Part(page.html),)


def _split(parts: tuple[Part, ...]) -> tuple[str, tuple[Part, ...]]:
    """A page's first text (for the reader's own label; "" when the page opens with cards)
    and the parts after it."""
    return ("", parts) if parts[0].cards else (parts[0].html, parts[1:])
