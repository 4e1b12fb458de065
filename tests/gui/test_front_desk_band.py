"""The urgent page's "Tell the front desk now": an instruction a patient reads, never something
that looks as if a touch would alert anyone (the kiosk cannot)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.pages import TopicPage
from kiosk.core.theme import STANDARD, Look
from kiosk.views.icons import IconSet
from kiosk.views.look import LookController
from kiosk.views.topic_view import TopicView
from tests.gui.conftest import settle

LONG = "".join(f"<p>Paragraph {n} with a few plain words in it.</p>" for n in range(80))
PAGE = TopicPage("causes", "Causes", LONG)
URGENT = TopicPage("get-help-now", "When to get help now", "<h2>Call 911</h2>" + LONG, urgent=True)


@pytest.fixture
def reader(qapp: QApplication, qtbot: QtBot, assets_dir: Path) -> Iterator[TopicView]:
    look = LookController(qapp, assets_dir, Look())
    view = TopicView(look, IconSet(assets_dir / "icons"))
    qtbot.addWidget(view)
    view.resize(1280, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view
    qapp.setStyleSheet("")


def _top(widget: QWidget, view: QWidget) -> int:
    return widget.mapTo(view, QPoint(0, 0)).y()


def _bottom(widget: QWidget, view: QWidget) -> int:
    return _top(widget, view) + widget.height()


def test_it_is_a_band_across_the_whole_screen_above_the_buttons_not_one_of_them(
    reader: TopicView,
) -> None:
    reader.show_page(URGENT)
    settle()
    band = reader.front_desk
    assert band.isVisible()
    # As wide as the screen: no button in the bar is, so it is not one more in their row.
    assert band.mapTo(reader, QPoint(0, 0)).x() == 0
    assert band.width() == reader.width()
    assert _bottom(band, reader) <= _top(reader.more_button, reader)
    # Nothing in it takes a touch or a focus ring.
    assert band.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert reader.front_desk_label.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_it_is_flat_with_the_sign_and_words_at_its_left(reader: TopicView) -> None:
    reader.show_page(URGENT)
    settle()
    band = reader.front_desk
    # Square corners of the urgent colour, as the screen shows them: no rounded box like the
    # buttons' (the band's own grab would fill its corners with its background).
    screen = reader.grab().toImage()
    left, top = band.mapTo(reader, QPoint(0, 0)).x(), _top(band, reader)
    right, bottom = left + band.width() - 1, top + band.height() - 1
    for x, y in ((left, top), (right, top), (left, bottom), (right, bottom)):
        assert screen.pixelColor(x, y) == QColor(STANDARD.urgent), (x, y)
    words = reader.front_desk_label
    (sign,) = [label for label in band.findChildren(QLabel) if label is not words]
    assert not sign.pixmap().isNull()
    assert sign.x() < words.x() < band.width() // 4
    # The words start at the left of their room, not centred in it as a button's are.
    drawn = words.grab().toImage()
    ink = QColor(STANDARD.urgent_text)
    first = min(
        x
        for x in range(drawn.width())
        for y in range(0, drawn.height(), 2)
        if drawn.pixelColor(x, y) == ink
    )
    assert first < drawn.width() // 10
    # Big: larger than the words on the buttons under it.
    assert words.font().pixelSize() > reader.more_button.font().pixelSize()


def test_the_disclaimer_takes_the_call_buttons_place_there_and_goes_back_after(
    reader: TopicView,
) -> None:
    reader.show_page(PAGE)
    settle()
    assert _bottom(reader.disclaimer, reader) <= _top(reader.callback_button, reader)
    reader.show_page(URGENT)
    settle()
    # Beside "More below", in the row the missing call-back button leaves free.
    disclaimer, more = reader.disclaimer, reader.more_button
    assert disclaimer.isVisible()
    assert _top(more, reader) <= _top(disclaimer, reader) < _bottom(more, reader)
    assert disclaimer.mapTo(reader, QPoint(0, 0)).x() > more.mapTo(reader, QPoint(0, 0)).x()
    reader.show_page(PAGE)
    settle()
    assert reader.callback_button.isVisible()
    assert _bottom(reader.disclaimer, reader) <= _top(reader.callback_button, reader)
