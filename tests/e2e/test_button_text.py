"""A button's words are never smaller than the words around it (issue 16): a patient of 70
reads "Send my request" as easily as the sentence above it. Measured from the fonts Qt chose,
at 100 % and 200 %, on every patient screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import Route
from kiosk.core.theme import sizes
from tests.conftest import shown_kiosk

SCREENS = ("home", "topic:symptoms", "spine", "callback")


@pytest.fixture(params=[100, 200], ids=["100%", "200%"])
def sized_kiosk(
    request: pytest.FixtureRequest, qapp: QApplication, qtbot: QtBot, config: Config
) -> Iterator[Kiosk]:
    built = shown_kiosk(
        qapp, qtbot, config._replace(kiosk=config.kiosk._replace(text_size=request.param))
    )
    yield built
    qapp.setStyleSheet("")


def _words(button: QAbstractButton) -> list[QWidget]:
    """What carries a button's words: itself, or the labels laid out inside it."""
    labels: list[QWidget] = [
        label
        for label in button.findChildren(QLabel)
        if label.isVisibleTo(button) and label.text() and not label.pixmap()
    ]
    return labels if labels else ([button] if button.text() else [])


def _screen_buttons(kiosk: Kiosk) -> Iterator[tuple[QAbstractButton, int]]:
    screen = kiosk.window.stack.currentWidget()
    assert screen is not None
    for button in screen.findChildren(QAbstractButton):
        if not button.isVisibleTo(screen):
            continue
        for words in _words(button):
            yield button, words.fontInfo().pixelSize()


def _least(kiosk: Kiosk, button: QAbstractButton) -> int:
    """The body text's size; for the spine's zoom tools (three share a third of the drawing's
    width, each with an icon) the body text's size up to 150 %: larger, "Acercar" is cut in
    two at 1280x800."""
    look = kiosk.look.look
    if button.property("role") == "tool":
        look = look._replace(text_size=min(look.text_size, 150))
    return int(sizes(look)["font_body"].removesuffix("px"))


@pytest.mark.parametrize("where", SCREENS)
def test_no_button_has_smaller_words_than_the_body_text(sized_kiosk: Kiosk, where: str) -> None:
    kiosk = sized_kiosk
    kiosk.shell.go(Route.parse(where))
    body = int(sizes(kiosk.look.look)["font_body"].removesuffix("px"))
    small = [
        (button.accessibleName() or button.text(), px)
        for button, px in _screen_buttons(kiosk)
        if px < _least(kiosk, button)
    ]
    assert small == [], f"body text is {body} px"
