"""Picture cards in a page's text: a drawing with a few words under it (a gentle movement, a
way to sit or sleep, a kind of treatment), in as many columns as fit.

The drawings are the kiosk's illustrations, coloured by the current look like the page's own
picture; each says what it shows to a screen reader (the card's description in the content).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.core.markup import Card
from kiosk.core.theme import BASE_FONT_PX
from kiosk.views.buttons import Columns
from kiosk.views.illustrations import Illustrations
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController
from kiosk.views.reader_label import ReaderLabel

# A card's drawing, in pixels square at 100 % text: big enough to see the pose from a step
# back. It grows with the text, to 150 %, so at large text it is not a stamp beside the words.
CARD_PICTURE_PX = 180
# A card is never narrower than this many body-text letters' widths: at 100 % two cards side
# by side in portrait, three in landscape; one at a time at the largest text.
CARD_MIN_EM = 12


class CardView(QFrame):
    """One card: the drawing on top, its words under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.picture = plain_label()  # a picture only; its name says what it shows
        self.picture.setProperty("role", "picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption = ReaderLabel()
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 18, 18, 6)
        column.setSpacing(12)
        column.addWidget(self.picture)
        column.addWidget(self.caption)
        column.addStretch(1)  # in a row of taller cards, the words stay under the picture
        self.min_width = 0

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.min_width), hint.height())


class CardRow(Columns):
    """A page's row of cards, made once and reused from page to page (as ButtonGrid does)."""

    link_activated = Signal(str)  # a link in a card's words

    def __init__(
        self,
        look: LookController,
        illustrations: Illustrations | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(3, spacing=20, parent=parent)
        self._look = look
        self._illustrations = illustrations
        self._pool: list[CardView] = []
        self.cards: list[CardView] = []
        self._shown: tuple[Card, ...] = ()
        self._styled: tuple[object, ...] = ()  # what the cards were last drawn for

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            return True  # its words are the page's, given with the page in each language
        return super().event(event)

    def show_cards(self, cards: Sequence[Card]) -> None:
        """Show `cards`, in the current look (nothing is redone when they already are)."""
        styled = (tuple(cards), self._look.look, self._look.reader_css, self.devicePixelRatioF())
        if styled == self._styled:
            return
        self._styled = styled
        self._shown = tuple(cards)
        while len(self._pool) < len(cards):
            view = CardView(self)
            view.caption.linkActivated.connect(self.link_activated)
            self._pool.append(view)
        for index, view in enumerate(self._pool):
            view.setVisible(index < len(cards))
        self.cards = self._pool[: len(cards)]
        self.restyle()
        self.set_widgets(self.cards)

    def restyle(self) -> None:
        """Draw the pictures in the look's colours and the words at its size (again after
        the look changed)."""
        look = self._look.look
        ratio = self.devicePixelRatioF()
        side = CARD_PICTURE_PX * min(look.text_size, 150) // 100
        for card, view in zip(self._shown, self.cards, strict=False):
            view.min_width = look.px(BASE_FONT_PX) * CARD_MIN_EM
            if self._illustrations is not None:
                view.picture.setPixmap(
                    self._illustrations.pixmap(card.picture, look.palette, side, ratio)
                )
            view.picture.setAccessibleName(card.description)
            view.caption.setText(self._look.reader_html(card.html))
        self.updateGeometry()
