"""The home screen: one big tile per topic, the spine explorer and "Ask us to call you"."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.views.deferred import after_first_paint
from kiosk.views.icons import IconSet, icon_size
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController
from kiosk.views.scrolling import make_flickable, vertical_scroll
from kiosk.views.tile import Tile

TILE_MIN_WIDTH = 420


class TopicTile(NamedTuple):
    """What the home screen shows of a topic."""

    slug: str
    title: str
    summary: str
    icon: str
    urgent: bool = False


class HomeView(QWidget):
    """Tiles generated from the content; reports which one was touched."""

    topic_chosen = Signal(str)
    spine_chosen = Signal()
    callback_chosen = Signal()

    def __init__(self, look: LookController, icons: IconSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._look = look
        self._icons = icons
        self._topics: tuple[TopicTile, ...] = ()
        self._columns = 0

        self._heading = plain_label()
        self._heading.setProperty("role", "display")
        self._heading.setWordWrap(True)
        self._hint = plain_label()
        self._hint.setProperty("role", "lead")
        self._hint.setWordWrap(True)

        self.callback_tile = Tile("", "", "accent")
        self.callback_tile.clicked.connect(self.callback_chosen)
        self.spine_tile = Tile("", "")
        self.spine_tile.clicked.connect(self.spine_chosen)
        self.topic_tiles: dict[str, Tile] = {}

        self._grid = QGridLayout()
        self._grid.setSpacing(20)
        page = QWidget()
        page.setProperty("role", "page")
        column = QVBoxLayout(page)
        column.setContentsMargins(32, 28, 32, 32)
        column.setSpacing(16)
        column.addWidget(self._heading)
        column.addWidget(self._hint)
        column.addSpacing(8)
        # The grid takes the rest of the screen, so tiles grow rather than leave a gap.
        column.addLayout(self._grid, 1)

        self._page = page
        self._page_margins = column.contentsMargins()
        # QGridLayout gives wrapped tiles rows shorter than their words need (more so once the
        # scroll bar takes its width): each row is given its tallest tile's height instead.
        page.installEventFilter(self)
        self._scroll = vertical_scroll(page)
        after_first_paint(self, lambda: make_flickable(self._scroll))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)

        look.changed.connect(self._on_look_changed)
        self._retranslate()

    def set_topics(self, topics: Sequence[TopicTile]) -> None:
        """Show these topics, in this order, replacing what was there."""
        same = [(t.slug, t.icon, t.urgent) for t in topics] == [
            (t.slug, t.icon, t.urgent) for t in self._topics
        ]
        self._topics = tuple(topics)
        if same:
            # The same pages in another language: new words on the tiles already there
            # (making and styling nine new tiles took most of a language switch).
            for topic in self._topics:
                self.topic_tiles[topic.slug].set_texts(topic.title, topic.summary)
            self._fit_rows()
            return
        for tile in self.topic_tiles.values():
            # Hidden now, deleted once control returns to the event loop.
            tile.hide()
            tile.deleteLater()
        self.topic_tiles = {}
        for topic in self._topics:
            tile = Tile(topic.title, topic.summary, "urgent" if topic.urgent else "plain")
            tile.clicked.connect(lambda _=False, slug=topic.slug: self.topic_chosen.emit(slug))
            self.topic_tiles[topic.slug] = tile
        self._columns = 0
        self._relayout()
        self._apply_icons()

    def _tiles_in_order(self) -> list[Tile]:
        urgent = [self.topic_tiles[t.slug] for t in self._topics if t.urgent]
        others = [self.topic_tiles[t.slug] for t in self._topics if not t.urgent]
        return [self.callback_tile, *urgent, self.spine_tile, *others]

    def _relayout(self) -> None:
        text_size = self._look.look.text_size
        # The page's margins and room for the scroll bar; the viewport may not be sized yet.
        width = self.width() - 64 - 24
        columns = max(1, min(4, width // round(TILE_MIN_WIDTH * text_size / 100)))
        if columns == self._columns:
            return
        self._columns = columns
        while self._grid.count():
            self._grid.takeAt(0)
        tiles = self._tiles_in_order()
        for index, tile in enumerate(tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
        # Tab follows the reading order, not the order the tiles happened to be made in.
        for before, after in pairwise(tiles):
            QWidget.setTabOrder(before, after)
        for col in range(4):
            self._grid.setColumnStretch(col, 1 if col < columns else 0)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row at least as tall as its tallest tile needs at the column's width."""
        columns = max(1, self._columns)
        margins = self._page_margins
        inner = self._page.width() - margins.left() - margins.right()
        cell = (inner - (columns - 1) * self._grid.horizontalSpacing()) // columns
        if cell <= 0:
            return
        tiles = self._tiles_in_order()
        for row in range(self._grid.rowCount()):
            needed = max(
                (t.heightForWidth(cell) for t in tiles[row * columns : (row + 1) * columns]),
                default=0,
            )
            if self._grid.rowMinimumHeight(row) != needed:  # (setting it asks for a layout)
                self._grid.setRowMinimumHeight(row, needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,  # a tile's words changed size
        ):
            self._fit_rows()
        return super().eventFilter(watched, event)

    def _apply_icons(self) -> None:
        palette = self._look.look.palette
        side = icon_size(self._look.look.text_size).width()
        ratio = self.devicePixelRatioF()
        self.callback_tile.icon_label.setPixmap(
            self._icons.pixmap("callback", palette.accent_text, side, ratio)
        )
        self.spine_tile.icon_label.setPixmap(
            self._icons.pixmap("spine", palette.accent, side, ratio)
        )
        for topic in self._topics:
            colour = palette.urgent_text if topic.urgent else palette.accent
            self.topic_tiles[topic.slug].icon_label.setPixmap(
                self._icons.pixmap(topic.icon, colour, side, ratio)
            )

    def _retranslate(self) -> None:
        self._heading.setText(self.tr("Learn about back pain"))
        self._hint.setText(self.tr("Touch a button to read, or to ask us to call you."))
        self.callback_tile.set_texts(
            self.tr("Ask us to call you"),
            self.tr("Leave your name and number. We will call you back."),
        )
        self.spine_tile.set_texts(
            self.tr("Explore the spine"), self.tr("Touch a part of the spine to learn about it.")
        )
        self._fit_rows()

    def _on_look_changed(self) -> None:
        self._columns = 0
        self._relayout()
        self._apply_icons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
