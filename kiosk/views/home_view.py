"""The home screen: what to touch first, then the main paths, then every other topic.

A "Start here" card with the first topic's picture leads; beside it (below it on a portrait
screen) the main paths are big tiles: where it hurts (the spine explorer), ask us to call you,
and the red warning signs. The other topics follow as compact tiles, and the page about the
information itself is a link at the foot of the page. When the page is taller than the screen,
a "More topics below" button under it says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.views.buttons import Columns, WrappingButton
from kiosk.views.deferred import LookWhenShown, after_first_paint
from kiosk.views.icons import IconSet, icon_size
from kiosk.views.illustrations import Illustrations
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController
from kiosk.views.scrolling import (
    draw_scroll_cue_icon,
    make_flickable,
    say_scroll_cue,
    vertical_scroll,
)
from kiosk.views.tile import StartCard, Tile

# Widths at 100 % text, grown with the text size: a compact tile's column, a main tile, and
# the least room for the start card beside the main tiles.
COMPACT_MIN_WIDTH = 320
MAIN_MIN_WIDTH = 400
SIDE_BY_SIDE_MIN_WIDTH = 1000
# Shorter than this (home at 1280x800; taller past 133 % text, home at 1920x1080 and 200 %),
# the main tiles show their titles only.
SHORT_HEIGHT = 700
# The start card's picture: a quarter of the screen's height, within these.
PICTURE_MIN, PICTURE_MAX = 150, 300
# The page about the information itself: a link at the foot of the page, not a tile.
ABOUT_ICON = "about"
_PAGE_MARGINS = (32, 24, 32, 32)
_SCROLL_BAR = 24


class _HeroMode(NamedTuple):
    """How the start card and the main tiles are placed (see HomeView._place_hero)."""

    side: bool = False  # the card beside the tiles
    cramped: bool = False  # two by two
    in_a_row: bool = False  # the tiles side by side under the card
    share: tuple[int, int] = (1, 1)  # the card's and the tiles' part of the width, beside


class TopicTile(NamedTuple):
    """What the home screen shows of a topic."""

    slug: str
    title: str
    summary: str
    icon: str
    urgent: bool = False
    picture: str = ""  # what the topic's picture shows, in words


class HomeView(LookWhenShown, QWidget):
    """Tiles generated from the content; reports which one was touched.

    The first topic that is not the warning signs is the start card; the warning signs join
    the main paths; a topic with the "about" icon is the link at the foot of the page.
    """

    topic_chosen = Signal(str)
    spine_chosen = Signal()
    callback_chosen = Signal()

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
        self._topics: tuple[TopicTile, ...] = ()
        self._arranged: tuple[object, ...] = ()
        # No tile is arranged before the first resize: the size a widget has before it is
        # placed (640x480) is never the one it is shown in.
        self._sized = False
        self._picture_room = (0, False, False)  # the card's width, beside, two by two
        self._hero_places: tuple[tuple[int, ...], ...] = ()
        self._hero_mode = _HeroMode()

        self._heading = plain_label()
        self._heading.setProperty("role", "display")
        self._heading.setWordWrap(True)
        self._hint = plain_label()
        self._hint.setProperty("role", "lead")
        self._hint.setWordWrap(True)

        self.start_card = StartCard()
        self.start_card.clicked.connect(self._on_start_card_clicked)
        self.spine_tile = Tile("", "", "main")
        self.spine_tile.clicked.connect(self.spine_chosen)
        self.callback_tile = Tile("", "", "accent")
        self.callback_tile.clicked.connect(self.callback_chosen)
        # Every topic's button, by slug: the start card, the tiles and the foot's link.
        self.topic_tiles: dict[str, Tile] = {}
        self.about_link: Tile | None = None
        self._urgent_tiles: list[Tile] = []
        self._other_tiles: list[Tile] = []

        self.more_heading = plain_label()
        self.more_heading.setProperty("role", "heading")
        self.more_heading.setWordWrap(True)
        self.other_topics = Columns(5, spacing=16)
        self.more_button = WrappingButton(role="more")
        self.more_button.clicked.connect(self._on_more_clicked)

        self._page = self._build_page()
        self._scroll = vertical_scroll(self._page)
        after_first_paint(self, lambda: make_flickable(self._scroll))
        bar = self._scroll.verticalScrollBar()
        bar.valueChanged.connect(self._update_more_cue)
        bar.rangeChanged.connect(self._update_more_cue)
        self._more_bar = self._build_more_bar()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._scroll, 1)
        outer.addWidget(self._more_bar)

        look.changed.connect(self.look_changed)
        self._retranslate()

    def _build_page(self) -> QWidget:
        """Heading and hint; the start card and the main tiles (`_hero`, arranged by
        `_arrange`); the other topics; the link at the foot."""
        self._hero = QGridLayout()
        self._hero.setSpacing(16)
        self._foot = QHBoxLayout()
        self._foot.setContentsMargins(0, 0, 0, 0)
        page = QWidget()
        page.setProperty("role", "page")
        column = QVBoxLayout(page)
        column.setContentsMargins(*_PAGE_MARGINS)
        column.setSpacing(16)
        column.addWidget(self._heading)
        column.addWidget(self._hint)
        column.addSpacing(4)
        column.addLayout(self._hero)
        column.addSpacing(16)
        column.addWidget(self.more_heading)
        column.addWidget(self.other_topics)
        column.addSpacing(8)
        column.addLayout(self._foot)
        column.addStretch(1)
        return page

    def _build_more_bar(self) -> QFrame:
        """Under the page, while it is taller than the screen: "More topics below"."""
        bar = QFrame()
        bar.setProperty("role", "action-bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(32, 8, 32, 8)
        row.addStretch(1)
        row.addWidget(self.more_button, 4)
        row.addStretch(1)
        bar.hide()
        return bar

    def set_topics(self, topics: Sequence[TopicTile]) -> None:
        """Show these topics, in this order, replacing what was there."""
        same = [(t.slug, t.icon, t.urgent) for t in topics] == [
            (t.slug, t.icon, t.urgent) for t in self._topics
        ]
        self._topics = tuple(topics)
        if same:
            # The same pages in another language: new words on the tiles already there
            # (making and styling a dozen new tiles took most of a language switch).
            for topic in self._topics:
                self.topic_tiles[topic.slug].set_texts(topic.title, topic.summary)
            self._set_start_picture()
            return
        for tile in self.topic_tiles.values():
            if tile is not self.start_card:
                # Hidden now, deleted once control returns to the event loop.
                tile.hide()
                tile.deleteLater()
        self.topic_tiles = {}
        self.about_link = None
        self._urgent_tiles = []
        self._other_tiles = []
        start = self._start_topic()
        for topic in self._topics:
            if topic is start:
                self.start_card.set_texts(topic.title, topic.summary)
                self.topic_tiles[topic.slug] = self.start_card
                continue
            if topic.icon == ABOUT_ICON and self.about_link is None:
                tile = self.about_link = Tile(topic.title, topic.summary, "link", compact=True)
            elif topic.urgent:
                tile = Tile(topic.title, topic.summary, "urgent")
                self._urgent_tiles.append(tile)
            else:
                tile = Tile(topic.title, topic.summary, compact=True)
                self._other_tiles.append(tile)
            tile.clicked.connect(lambda _=False, slug=topic.slug: self.topic_chosen.emit(slug))
            self.topic_tiles[topic.slug] = tile
        self.start_card.setVisible(start is not None)
        self._place_tiles()
        self._arranged = ()
        if self._sized:  # else the first resize arranges them, at the size they are shown in
            self._arrange()
        self._apply_icons()

    def _start_topic(self) -> TopicTile | None:
        return next(
            (t for t in self._topics if not t.urgent and t.icon != ABOUT_ICON),
            None,
        )

    def _main_tiles(self) -> list[Tile]:
        return [self.spine_tile, self.callback_tile, *self._urgent_tiles]

    def _place_tiles(self) -> None:
        self._hero_places = ()
        self._place_hero(self._hero_mode)  # as last arranged (the tiles may be new ones)
        compact = self._other_tiles
        self.other_topics.set_widgets(compact)
        self.more_heading.setVisible(bool(compact))
        while self._foot.count():
            self._foot.takeAt(0)
        if self.about_link is not None:
            self._foot.addWidget(self.about_link, 0)
            self._foot.addStretch(1)
        # Tab follows the reading order, not the order the tiles happened to be made in.
        order = [self.start_card, *self._main_tiles(), *compact]
        if self.about_link is not None:
            order.append(self.about_link)
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def _arrange(self) -> None:
        """Start card beside the main tiles on a wide screen, above them otherwise; the main
        tiles side by side where three fit, else one above the other; the other topics in as
        many columns as fit. On a short screen (1280x800) the hint goes and the main tiles
        keep their titles only, so all of them are in view at once; where even so the start
        card would not be (large text on a short screen) the heading and its summary go too,
        and the card and the main tiles go two by two: all of them on the first screen, the
        red warning signs included."""
        scale = self._look.look.text_size / 100
        left, _top, right, _bottom = _PAGE_MARGINS
        inner = self.width() - left - right - _SCROLL_BAR
        side = self.width() > self.height() and inner >= SIDE_BY_SIDE_MIN_WIDTH * scale
        short = self.height() < SHORT_HEIGHT * max(1.0, 0.75 * scale)
        cramped = short and not side
        mains_in_a_row = not side and inner >= 3 * MAIN_MIN_WIDTH * scale + 2 * 16
        columns = max(1, min(5, int(inner // (COMPACT_MIN_WIDTH * scale))))
        # The card's share of a side-by-side row: half, or 3 of 5 where the main tiles show
        # their titles only; else the whole width.
        share = (3, 2) if short else (1, 1)
        halves = (1, 1) if cramped else (1, 0)  # two by two, or the whole width
        card = (
            (inner - self._hero.spacing())
            * (share if side else halves)[0]
            // sum(share if side else halves)
        )
        arranged = (side, short, mains_in_a_row, columns, card, self.height(), scale)
        if arranged == self._arranged:
            return
        self._arranged = arranged
        self._place_hero(_HeroMode(side, cramped, mains_in_a_row, share))
        self._heading.setVisible(not cramped)
        self._hint.setVisible(not short)
        for tile in self._main_tiles():
            tile.set_compact(short)
        self.start_card.set_compact(cramped)
        self.other_topics.set_most(columns)
        self._picture_room = (card, side, cramped)
        self._set_start_picture()

    def _place_hero(self, mode: _HeroMode) -> None:
        """The start card and the main tiles: the card beside the tiles on a wide screen; on a
        short one with large text two by two, the red warning signs beside the card, so they
        stay on the first screen; else the card above the tiles, side by side where three
        fit, else stacked."""
        self._hero_mode = mode
        side, cramped, mains_in_a_row, share = mode
        mains = self._main_tiles()
        places: list[tuple[Tile, int, int, int, int]] = []  # tile, row, column, rows, columns
        stretches: tuple[int, ...]  # each column's share of the width
        if side:
            places.append((self.start_card, 0, 0, len(mains), 1))
            places += [(tile, row, 1, 1, 1) for row, tile in enumerate(mains)]
            stretches = share
        elif cramped:
            # The warning signs first after the card: at the largest text only one row is on
            # the first screen, and it must hold them.
            urgent = [tile for tile in mains if tile in self._urgent_tiles]
            both = [self.start_card, *urgent, *(tile for tile in mains if tile not in urgent)]
            places += [(tile, i // 2, i % 2, 1, 1) for i, tile in enumerate(both)]
            stretches = (1, 1)
        elif mains_in_a_row:
            places.append((self.start_card, 0, 0, 1, len(mains)))
            places += [(tile, 1, column, 1, 1) for column, tile in enumerate(mains)]
            stretches = (1,) * len(mains)
        else:
            places.append((self.start_card, 0, 0, 1, 1))
            places += [(tile, row + 1, 0, 1, 1) for row, tile in enumerate(mains)]
            stretches = (1,)
        key = tuple((id(tile), *where) for tile, *where in places)
        if key == self._hero_places:
            return
        self._hero_places = key
        while self._hero.count():
            self._hero.takeAt(0)
        for column in range(self._hero.columnCount()):
            self._hero.setColumnStretch(column, 0)
        for tile, row, column, rows, columns in places:
            self._hero.addWidget(tile, row, column, rows, columns)
        for column, stretch in enumerate(stretches):
            self._hero.setColumnStretch(column, stretch)

    def _set_start_picture(self) -> None:
        """The first topic's picture: a third of the screen's height beside the main tiles
        (no wider than leaves the words their room), a quarter above them; none two by two,
        where the card's title needs all of its half of the screen."""
        start = self._start_topic()
        if start is None or self._illustrations is None:
            return
        card, side, cramped = self._picture_room
        if cramped:
            self.start_card.set_picture(QPixmap(), start.picture)
            return
        height = max(PICTURE_MIN, min(PICTURE_MAX, self.height() // (3 if side else 4)))
        palette, ratio = self._look.look.palette, self.devicePixelRatioF()
        pixmap = self._illustrations.pixmap(start.slug, palette, height, ratio)
        if side and not pixmap.isNull():
            room = card - self.start_card.room_for_words()
            width = pixmap.width() / ratio
            if width > room > 0:
                height = max(PICTURE_MIN * 2 // 3, int(height * room / width))
                pixmap = self._illustrations.pixmap(start.slug, palette, height, ratio)
        self.start_card.set_picture(pixmap, start.picture)

    def _apply_icons(self) -> None:
        palette = self._look.look.palette
        side = icon_size(self._look.look.text_size).width()
        small = side * 3 // 4
        ratio = self.devicePixelRatioF()
        self.callback_tile.icon_label.setPixmap(
            self._icons.pixmap("callback", palette.accent_text, side, ratio)
        )
        self.spine_tile.icon_label.setPixmap(
            self._icons.pixmap("spine", palette.accent, side, ratio)
        )
        for topic in self._topics:
            tile = self.topic_tiles[topic.slug]
            if tile is self.start_card:
                continue
            colour = palette.urgent_text if topic.urgent else palette.accent
            size = side if topic.urgent else small
            tile.icon_label.setPixmap(self._icons.pixmap(topic.icon, colour, size, ratio))
        self._set_more_icon()

    def _retranslate(self) -> None:
        self._heading.setText(self.tr("Learn about back pain"))
        self._hint.setText(self.tr("Touch a button to read, or to ask us to call you."))
        self.start_card.set_tag(self.tr("Start here"))
        self.callback_tile.set_texts(
            self.tr("Ask us to call you"),
            self.tr("Leave your name and number. We will call you back."),
        )
        self.spine_tile.set_texts(
            self.tr("Where does it hurt?"),
            self.tr("Touch the spine to find the place and learn about it."),
        )
        self.more_heading.setText(self.tr("More topics"))
        self.more_button.set_text("")
        self._update_more_cue()

    @property
    def at_end(self) -> bool:
        bar = self._scroll.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _update_more_cue(self) -> None:
        """Under a page taller than the screen: "More topics below", at its end "Back to top"."""
        # Whether the page fits the whole screen, not what is left beside this button: the
        # button must not stay only because it takes room itself. (The page is as tall as the
        # scroll range plus what is in view; asking the page its height for its width would
        # lay every tile out again, on each step of a scroll.)
        if not self.isVisible():
            return  # asked again when shown: the scroll range changes then (and it costs a
            # layout of every tile, which start-up, painting home first, should not pay twice)
        bar = self._scroll.verticalScrollBar()
        view = self._scroll.height() - 2 * self._scroll.frameWidth()  # the viewport's height
        needed = bar.maximum() + view
        self._more_bar.setVisible(needed > self.height())
        say_scroll_cue(
            self.more_button,
            at_end=self.at_end,
            more=self.tr("More topics below"),
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
            return
        # First to the other topics, if their heading is still below; then a page at a time.
        heading = self.more_heading.mapTo(self._page, self.more_heading.rect().topLeft())
        target = heading.y() - 16
        if not (self.more_heading.isVisible() and target > bar.value()):
            target = bar.value() + bar.pageStep() * 3 // 4
        bar.setValue(target)

    def _on_start_card_clicked(self) -> None:
        start = self._start_topic()
        if start is not None:
            self.topic_chosen.emit(start.slug)

    def take_look(self) -> None:
        """Hidden (a patient on another screen), it takes a new look when shown."""
        self._arranged = ()
        self._arrange()
        self._apply_icons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sized = True
        self._arrange()
        self._update_more_cue()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
