"""Every topic shows its own picture beside its title, in the current colours; the page of
warning signs shows none, so its first lines stay in view."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kiosk.app import Kiosk
from kiosk.navigation import Route, Screen


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
        image = picture(kiosk)
        assert 140 <= image.height() / kiosk.topic.devicePixelRatioF() <= 240
        seen[topic.slug] = _sample(image)
    assert len(set(seen.values())) == len(seen)  # each page its own picture


def test_the_picture_takes_the_high_contrast_colours(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    before = picture(kiosk)
    kiosk.window.contrast_button.click()
    after = picture(kiosk)
    corner = (before.width() // 2, before.height() - 2)  # the card's paper, not a line
    assert before.pixelColor(*corner) != after.pixelColor(*corner)
    assert after.pixelColor(*corner).lightness() < 60  # high contrast's paper is black
