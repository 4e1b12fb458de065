"""Touch tiles for the home screen: a card with an icon, a title and a summary, all of it one
button; a compact one (icon and title) for the topics after the main paths; and the "Start
here" card, the first topic with its picture."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.views.buttons import LayoutButton

# How many of the summary's letters wide the start card's words must be to sit beside its
# picture; narrower (large text, a narrow screen) and the picture goes above them.
_WORDS_BESIDE_EM = 14


class Tile(LayoutButton):
    """A push button laid out like a card; its size comes from its labels, so text wraps.

    A compact tile shows its icon and title only; its summary is still what a screen reader
    says of it.
    """

    def __init__(
        self,
        title: str,
        summary: str,
        variant: str = "plain",
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self._compact = compact
        self.setProperty("role", "tile")
        self.setProperty("variant", variant)
        self.setProperty("compact", compact)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)

        self.icon_label = self._label("tile-icon")
        self.title_label = self._label("tile-title", title)
        self.summary_label = self._label("tile-summary", summary)
        for label in (self.title_label, self.summary_label):
            label.setWordWrap(True)

        # Stretches above and below the words place them (an alignment would, too, but
        # would give the words one line's height: wrapped lines would be cut off).
        self._words = QVBoxLayout()
        self._words.setSpacing(6)
        self._words.addStretch(0)
        self._words.addWidget(self.title_label)
        self._words.addWidget(self.summary_label)
        self._words.addStretch(1)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(22, 14 if compact else 18, 22, 14 if compact else 18)
        self._row.setSpacing(20)
        self._row.addWidget(self.icon_label)
        self._row.addLayout(self._words, 1)
        self._align(compact=compact)
        self.set_texts(title, summary)

    def _align(self, *, compact: bool) -> None:
        """A compact tile's title sits in the middle of its height, beside its icon; a full
        tile's words start at its top."""
        place = Qt.AlignmentFlag.AlignVCenter if compact else Qt.AlignmentFlag.AlignTop
        self._row.setAlignment(self.icon_label, place)
        self._words.setStretch(0, 1 if compact else 0)

    def set_texts(self, title: str, summary: str) -> None:
        self.title_label.setText(title)
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary) and not self._compact)
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)

    def set_compact(self, compact: bool) -> None:  # noqa: FBT001 -- one flag, said by its name
        """Icon and title only (the summary stays what a screen reader says), or all three."""
        if compact == self._compact:
            return
        self._compact = compact
        self.setProperty("compact", compact)
        self.summary_label.setVisible(bool(self.summary_label.text()) and not compact)
        self._align(compact=compact)


class StartCard(Tile):
    """Where a newcomer starts: a "Start here" tag, the first topic's picture beside its title
    and summary (above them where the card is too narrow for both), all one button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", "start", parent)
        self.tag_label = self._label("start-tag")
        self._words.insertWidget(1, self.tag_label, 0, Qt.AlignmentFlag.AlignLeft)
        self._words.setSpacing(10)
        # The picture is in the icon's place; it is described, since it is not words.
        self.picture = self.icon_label
        self.picture.setProperty("role", "start-picture")
        self._row.setContentsMargins(24, 24, 28, 24)
        self._row.setSpacing(28)

    def _align(self, *, compact: bool) -> None:
        """Picture and words in the middle of the card, with or without the summary."""
        self._row.setAlignment(self.icon_label, Qt.AlignmentFlag.AlignCenter)
        self._words.setStretch(0, 1)

    def set_compact(self, compact: bool) -> None:  # noqa: FBT001 -- as Tile's
        """Without its summary, and its title the main tiles' size (the stylesheet says so)."""
        if compact == self._compact:
            return
        super().set_compact(compact)
        self.title_label.style().unpolish(self.title_label)
        self.title_label.style().polish(self.title_label)

    def set_tag(self, text: str) -> None:
        self.tag_label.setText(text)

    def set_picture(self, pixmap: QPixmap, description: str) -> None:
        """The topic's picture and, for those who cannot see it, what it shows."""
        self.picture.setPixmap(pixmap)
        self.picture.setVisible(not pixmap.isNull())
        self.picture.setAccessibleName(description)
        self.picture.setAccessibleDescription(description)
        self._arrange(self.width())

    def room_for_words(self) -> int:
        """How wide the card must be, without its picture, to have the words beside it."""
        margins = self._row.contentsMargins()
        return margins.left() + margins.right() + self._row.spacing() + self._words_min()

    def _words_min(self) -> int:
        em = self.summary_label.font().pixelSize()
        if em <= 0:
            em = self.summary_label.fontMetrics().height()
        return em * _WORDS_BESIDE_EM

    @property
    def picture_beside(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.LeftToRight

    def _arrange(self, width: int) -> None:
        """The picture beside the words where both fit, else above them."""
        margins = self._row.contentsMargins()
        room = width - margins.left() - margins.right()
        words = room - self.picture.sizeHint().width() - self._row.spacing()
        beside = self.picture.isHidden() or words >= self._words_min()
        wanted = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._row.direction() != wanted:
            self._row.setDirection(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())
