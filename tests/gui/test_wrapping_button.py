"""The wrapping button, one widget that measures and paints its words and icon itself: it wraps
its words instead of cutting them off, is never wider than its column, shows its icon only
where the longest word still fits beside it (together with its peers, or not at all), says its
words to a screen reader, and takes a new size with a new font."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter, QPalette, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.theme import Look
from kiosk.views.buttons import Columns, WrappingButton
from kiosk.views.look import LookController
from tests.gui.conftest import settle

SPANISH = "Pregúntenos cuál es el mejor momento para llamarle por teléfono"
ICON = QColor("#ff00ff")  # a colour nothing else on these buttons has


def _holder(qtbot: QtBot, width: int) -> QWidget:
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(width, 1600)
    return holder


def _in_columns(
    qtbot: QtBot, width: int, buttons: list[WrappingButton], most: int
) -> tuple[QWidget, Columns]:
    """The buttons in a Columns of at most `most` columns across a window `width` wide."""
    holder = _holder(qtbot, width)
    grid = Columns(most)
    grid.set_widgets(buttons)
    column = QVBoxLayout(holder)
    column.addWidget(grid)
    column.addStretch(1)
    holder.show()
    qtbot.waitExposed(holder)
    settle()
    return holder, grid


def _ink_bands(button: WrappingButton, colour: QColor) -> list[tuple[int, int]]:
    """The bands of rows in which the button paints `colour` (its lines of words), looked for
    within its 20/8 px padding, clear of a border that may share the colour."""
    picture = button.grab().toImage()
    bands: list[tuple[int, int]] = []
    for y in range(8, picture.height() - 8):
        if any(picture.pixelColor(x, y) == colour for x in range(20, picture.width() - 20)):
            if bands and bands[-1][1] == y - 1:
                bands[-1] = (bands[-1][0], y)
            else:
                bands.append((y, y))
    return bands


def _words_colour(button: WrappingButton) -> QColor:
    return button.palette().color(QPalette.ColorRole.ButtonText)


def _icon(side: int) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.fillRect(QRect(4, 4, side - 8, side - 8), ICON)
    painter.end()
    return pixmap


def _shows_icon(button: WrappingButton) -> bool:
    return bool(_ink_bands(button, ICON))


def test_long_spanish_words_at_200_percent_wrap_inside_the_button(
    qtbot: QtBot, look: LookController
) -> None:
    look.set_look(Look(text_size=200))
    buttons = [WrappingButton(SPANISH, role="link"), WrappingButton("Discos", role="link")]
    _holder, _grid = _in_columns(qtbot, 1080, buttons, most=2)
    long = buttons[0]
    assert long.fontMetrics().horizontalAdvance(SPANISH) > long.width()  # one line won't do
    lines = _ink_bands(long, _words_colour(long))
    assert len(lines) >= 3
    # Every line whole: none runs into the padding at the top or the bottom (cut off there).
    assert lines[0][0] > 8
    assert lines[-1][1] < long.height() - 9
    assert long.height() >= long.heightForWidth(long.width())
    # Its neighbour in the row is as tall, its one word centred.
    assert buttons[1].height() == long.height()
    assert len(_ink_bands(buttons[1], _words_colour(buttons[1]))) == 1


def test_never_wider_than_its_column(qtbot: QtBot, look: LookController) -> None:
    look.set_look(Look(text_size=200))
    buttons = [WrappingButton(SPANISH, role="link") for _ in range(4)]
    _holder, grid = _in_columns(qtbot, 1080, buttons, most=2)
    for button in buttons:
        assert button.sizeHint().width() > button.width()  # it would take more on one line
        assert button.width() * 2 + 14 <= grid.width() <= 1080
        assert button.minimumSizeHint().width() <= button.width()  # its longest word fits


def test_the_icon_shows_only_where_the_longest_word_fits_beside_it_and_with_its_peers(
    qtbot: QtBot, look: LookController
) -> None:
    holder = _holder(qtbot, 1080)
    short, other, longest = (
        WrappingButton(words, role="tool", parent=holder) for words in ("In", "Out", "Everything")
    )
    peers = [short, other, longest]
    short.share_icon_fit(peers)
    alone = WrappingButton("Out", role="tool", parent=holder)
    for button in [*peers, alone]:
        button.set_pixmap(_icon(40))
    holder.show()
    qtbot.waitExposed(holder)
    # Room for "Everything" and the icon beside it (40 px, 12 px apart, 20 px padding each
    # side), and 10 px less.
    room = longest.minimumSizeHint().width() + 40 + 12
    for x, button in enumerate([*peers, alone]):
        button.setGeometry(x * 260, 0, 250, 200)
    settle()
    assert all(_shows_icon(button) for button in [*peers, alone])

    longest.setGeometry(longest.x(), 0, room - 10, 200)
    alone.setGeometry(alone.x(), 0, room - 10, 200)
    settle()
    # "Everything" has no room for its icon: its peers drop theirs too; a button on its own
    # with short words keeps its icon at that width.
    assert not any(_shows_icon(button) for button in peers)
    assert _shows_icon(alone)
    assert all(_ink_bands(button, _words_colour(button)) for button in peers)  # words stay

    longest.setGeometry(longest.x(), 0, room, 200)
    settle()
    assert all(_shows_icon(button) for button in peers)


def test_its_words_are_what_a_screen_reader_says(qtbot: QtBot, look: LookController) -> None:
    button = WrappingButton("Ask us to call you")
    qtbot.addWidget(button)
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Ask us to call you"
    button.set_text("Pídanos que le llamemos")
    assert interface.text(QAccessible.Text.Name) == "Pídanos que le llamemos"
    assert button.label() == "Pídanos que le llamemos"


def test_a_touch_clicks_it_and_it_is_a_fingers_reach_tall(
    qtbot: QtBot, look: LookController
) -> None:
    button = WrappingButton("Home", role="more")
    holder, _grid = _in_columns(qtbot, 600, [button], most=1)
    assert button.height() >= 90  # the stylesheet's min-height, though one line is shorter
    # Pressed where its words are, through the window (as a finger's touch arrives).
    window = holder.windowHandle()
    assert window is not None
    where = button.mapTo(holder, button.rect().center())
    with qtbot.waitSignal(button.clicked, timeout=1000):
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def test_its_size_follows_a_new_font(qtbot: QtBot, look: LookController) -> None:
    button = WrappingButton("Many possible causes of back pain", role="link")
    _holder, _grid = _in_columns(qtbot, 500, [button], most=1)
    size = button.font().pixelSize()
    hint, wrapped = button.sizeHint(), button.heightForWidth(300)  # measured, and kept

    look.set_look(Look(text_size=200))
    settle()
    assert button.font().pixelSize() > size
    assert button.sizeHint().width() > hint.width()
    assert button.heightForWidth(300) > wrapped  # measured again, in the new font
    assert button.height() >= button.heightForWidth(button.width())
    lines = _ink_bands(button, _words_colour(button))
    assert lines[-1][1] < button.height() - 9


def test_the_height_it_asks_for_holds_every_line_beside_its_icon(
    qtbot: QtBot, look: LookController
) -> None:
    look.set_look(Look(text_size=200))
    holder = _holder(qtbot, 1080)
    button = WrappingButton("Ask us to call you about this", role="action", parent=holder)
    button.set_pixmap(_icon(60))
    holder.show()
    qtbot.waitExposed(holder)
    lines_seen = set()
    for width in range(button.sizeHint().width(), 300, -41):
        button.setGeometry(0, 0, width, button.heightForWidth(width))
        settle()
        lines = _ink_bands(button, _words_colour(button))
        assert lines[0][0] > 8, width
        assert lines[-1][1] < button.height() - 9, width
        lines_seen.add(len(lines))
        assert _shows_icon(button), width
    assert {1, 2} <= lines_seen  # from one line down to wrapped ones


def test_new_words_are_measured_anew(qtbot: QtBot, look: LookController) -> None:
    """A button reused for another page's words (ButtonGrid keeps its buttons)."""
    button = WrappingButton("Discs", role="link")
    _holder, _grid = _in_columns(qtbot, 500, [button], most=1)
    hint, height = button.sizeHint(), button.heightForWidth(300)
    button.set_text(SPANISH)
    settle()
    assert button.sizeHint().width() > hint.width()
    assert button.heightForWidth(300) > height
    assert button.height() >= button.heightForWidth(button.width())
    assert len(_ink_bands(button, _words_colour(button))) >= 2
