"""Home on a short landscape screen (1280x800) with large text: the red "When to get help now"
stays on the first screen at every text size, in every language (issue 16). At 100 % the start
card sits beside the main paths; from 125 % the card and the main paths go two by two, the
warning signs beside the card, and "More topics below" says what is under them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import TEXT_SIZES, Config
from tests.conftest import shown_kiosk


@pytest.fixture
def make_kiosk(
    qapp: QApplication, qtbot: QtBot, config: Config
) -> Iterator[Callable[[int, str], Kiosk]]:
    def make(text_size: int, language: str) -> Kiosk:
        kiosk_config = config.kiosk._replace(text_size=text_size, languages=(language, "en"))
        built = shown_kiosk(qapp, qtbot, config._replace(kiosk=kiosk_config))
        built.window.resize(1280, 800)
        return built

    yield make
    qapp.setStyleSheet("")


def _in_view(kiosk: Kiosk, widget: QWidget) -> bool:
    area = kiosk.home.findChild(QScrollArea)
    assert area is not None
    viewport = area.viewport()
    box = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return QRect(QPoint(0, 0), viewport.size()).contains(box)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_warning_signs_are_on_the_first_screen(
    make_kiosk: Callable[[int, str], Kiosk], qtbot: QtBot, text_size: int, language: str
) -> None:
    kiosk = make_kiosk(text_size, language)
    urgent = [
        tile for tile in kiosk.home.topic_tiles.values() if tile.property("variant") == "urgent"
    ]
    assert urgent, "the shipped content has a warning-signs page"
    # As it is once laid out for the new size (a moment after the resize, before a patient
    # could look): the warning signs' title whole in view, and the start card's tag.
    words = [tile.title_label for tile in urgent] + [kiosk.home.start_card.tag_label]
    qtbot.waitUntil(lambda: all(_in_view(kiosk, label) for label in words), timeout=2000)
