"""Every topic shows its own picture beside its title, in the current colours; the page of
warning signs shows none, so its first lines stay in view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import Route, Screen
from kiosk.views.picture_cards import CardRow, CardView
from tests.conftest import shown_kiosk


@pytest.fixture
def bilingual_kiosk(qapp: QApplication, qtbot: QtBot, bilingual_config: Config) -> Iterator[Kiosk]:
    yield shown_kiosk(qapp, qtbot, bilingual_config)
    qapp.setStyleSheet("")


def picture(kiosk: Kiosk) -> QImage:
    return kiosk.topic.picture.pixmap().toImage()


def _sample(image: QImage) -> tuple[str, ...]:
    """Colours on a 12 x 9 grid: enough to tell one drawing from another."""
    return tuple(
        image.pixelColor(image.width() * x // 12, image.height() * y // 9).name()
        for x in range(12)
        for y in range(9)
    )


def test_each_topic_has_its_picture_and_the_urgent_page_none(kiosk: Kiosk) -> None:
    seen = {}
    for topic in kiosk.shell.library.topics:
        kiosk.shell.go(Route(Screen.TOPIC, topic.slug))
        if topic.urgent:
            assert not kiosk.topic.picture.isVisible(), topic.slug
            continue
        assert kiosk.topic.picture.isVisible(), topic.slug
        assert len(kiosk.topic.picture.accessibleName()) > 20, f"{topic.slug}: say what it shows"
        image = picture(kiosk)
        assert 140 <= image.height() / kiosk.topic.devicePixelRatioF() <= 240
        seen[topic.slug] = _sample(image)
    assert len(set(seen.values())) == len(seen)  # each page its own picture


def test_the_first_page_opened_has_its_picture_as_large_as_later_ones(kiosk: Kiosk) -> None:
    # The first page goes into a reader never yet on screen, its size not known.
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    QApplication.processEvents()
    first = picture(kiosk).height()
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    assert first == picture(kiosk).height()
    # A fifth of the screen's height, at most 240 px: the largest at 1080x1920.
    assert first == round(240 * kiosk.topic.devicePixelRatioF())


def test_in_spanish_each_picture_is_described_in_spanish(bilingual_kiosk: Kiosk) -> None:
    kiosk = bilingual_kiosk
    english = {}
    for topic in kiosk.shell.library.topics:
        kiosk.shell.go(Route(Screen.TOPIC, topic.slug))
        english[topic.slug] = kiosk.topic.picture.accessibleName()
    kiosk.shell.set_language("es")
    for topic in kiosk.shell.library.topics:
        kiosk.shell.go(Route(Screen.TOPIC, topic.slug))
        if not topic.urgent:
            said = kiosk.topic.picture.accessibleName()
            assert said, topic.slug
            assert said != english[topic.slug], topic.slug


def test_the_picture_takes_the_high_contrast_colours(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    before = picture(kiosk)
    kiosk.window.contrast_button.click()
    after = picture(kiosk)
    corner = (before.width() // 2, before.height() - 2)  # the card's paper, not a line
    assert before.pixelColor(*corner) != after.pixelColor(*corner)
    assert after.pixelColor(*corner).lightness() < 60  # high contrast's paper is black


def _cards(kiosk: Kiosk) -> list[CardView]:
    return [
        card for row in kiosk.topic.findChildren(CardRow) if row.isVisible() for card in row.cards
    ]


def test_prevention_shows_gentle_movements_as_picture_cards(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))
    cards = _cards(kiosk)
    moves = [c for c in cards if "Ask your care team first" in c.caption.text()]
    assert 4 <= len(moves) <= 6
    for card in cards:
        assert card.isVisible()
        image = card.picture.pixmap().toImage()
        assert image.height() / kiosk.topic.devicePixelRatioF() >= 150, "big enough to see"
        assert len(card.picture.accessibleName()) > 15, card.caption.text()
    assert len({_sample(c.picture.pixmap().toImage()) for c in cards}) == len(cards)


def test_treatments_show_a_pictogram_for_each_kind_of_care(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "treatments"))
    said = " ".join(card.caption.text() for card in _cards(kiosk))
    for kind in ("Medicines", "Shots", "Surgery", "physical therapy"):
        assert kind in said


def test_card_pictures_are_described_in_spanish_too(bilingual_kiosk: Kiosk) -> None:
    kiosk = bilingual_kiosk
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))
    english = [card.picture.accessibleName() for card in _cards(kiosk)]
    asks = sum("Ask your care team first" in card.caption.text() for card in _cards(kiosk))
    kiosk.shell.set_language("es")
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))
    spanish = [card.picture.accessibleName() for card in _cards(kiosk)]
    assert len(spanish) == len(english)
    assert all(s and s != e for s, e in zip(spanish, english, strict=True))
    said = [card.caption.text() for card in _cards(kiosk)]
    assert sum("Pregunte primero a su equipo de salud" in words for words in said) == asks


def test_card_pictures_take_the_high_contrast_colours(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))
    (first, *_) = _cards(kiosk)
    before = first.picture.pixmap().toImage()
    kiosk.window.contrast_button.click()
    (first, *_) = _cards(kiosk)
    after = first.picture.pixmap().toImage()
    corner = (before.width() // 2, 3)  # the drawing's paper, not a line
    assert before.pixelColor(*corner) != after.pixelColor(*corner)
    assert after.pixelColor(*corner).lightness() < 60  # high contrast's paper is black
