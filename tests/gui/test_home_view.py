"""The home screen, built from data: what a patient sees first (the start card with its
picture), the main paths, the other topics, the page about the information at the foot, the
"More topics below" cue, and how the patient's look changes them."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.theme import HIGH_CONTRAST, STANDARD, TOUCH_TARGET_PX, Look
from kiosk.views.home_view import HomeView, TopicTile
from kiosk.views.icons import IconSet
from kiosk.views.illustrations import Illustrations
from kiosk.views.look import LookController
from kiosk.views.tile import Tile
from tests.gui.conftest import settle

START_PICTURE = "A person seen from behind, a soft glow low in the back."
TOPICS = [
    TopicTile(
        "what-is-axial-back-pain", "First topic", "Where to start.", "info", picture=START_PICTURE
    ),
    TopicTile("help", "Get help now", "Warning signs.", "urgent", urgent=True),
    TopicTile("second", "Second topic", "About the second thing.", "causes"),
    TopicTile("third", "Third topic", "About the third thing.", "symptoms"),
    TopicTile("fourth", "Fourth topic", "About the fourth thing.", "surgery"),
    TopicTile("about", "About this", "For learning only.", "about"),
]


class MakeHome(Protocol):
    def __call__(self, width: int = ..., height: int = ...) -> HomeView: ...


@pytest.fixture
def make_home(qtbot: QtBot, look: LookController, assets_dir: Path) -> MakeHome:
    def make(width: int = 1080, height: int = 1600) -> HomeView:
        view = HomeView(
            look,
            IconSet(assets_dir / "icons"),
            illustrations=Illustrations(assets_dir / "illustrations"),
        )
        qtbot.addWidget(view)
        view.set_topics(TOPICS)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        settle()
        return view

    return make


@pytest.fixture
def home(make_home: MakeHome) -> HomeView:
    return make_home()


def _scroll_area(home: HomeView) -> QScrollArea:
    area = home.findChild(QScrollArea)
    assert area is not None, "home scrolls in a scroll area"
    return area


def _on_home(home: HomeView, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(home, QPoint(0, 0)), widget.size())


def _compact(home: HomeView) -> list[Tile]:
    return [home.topic_tiles[slug] for slug in ("second", "third", "fourth")]


def test_every_topic_has_a_button_with_its_title_and_summary(home: HomeView) -> None:
    assert list(home.topic_tiles) == [t.slug for t in TOPICS]
    for topic in TOPICS:
        tile = home.topic_tiles[topic.slug]
        assert tile.title_label.text() == topic.title
        assert tile.accessibleName() == topic.title
        assert tile.accessibleDescription() == topic.summary
        assert tile.isVisible()


def test_touching_a_tile_reports_its_topic(qtbot: QtBot, home: HomeView) -> None:
    for slug in ("what-is-axial-back-pain", "second", "help", "about"):
        with qtbot.waitSignal(home.topic_chosen) as chosen:
            QTest.mouseClick(home.topic_tiles[slug], Qt.MouseButton.LeftButton)
        assert chosen.args == [slug]


def test_callback_and_spine_tiles_report_their_screens(qtbot: QtBot, home: HomeView) -> None:
    with qtbot.waitSignal(home.callback_chosen):
        home.callback_tile.click()
    with qtbot.waitSignal(home.spine_chosen):
        home.spine_tile.click()


def test_the_first_topic_is_a_start_here_card_with_its_picture_described(
    home: HomeView,
) -> None:
    card = home.start_card
    assert home.topic_tiles["what-is-axial-back-pain"] is card
    assert card.isVisible()
    assert card.tag_label.isVisible()
    assert card.tag_label.text() == "Start here"
    assert card.title_label.text() == "First topic"
    assert card.summary_label.isVisible()
    assert card.picture.isVisible()
    assert not card.picture.pixmap().isNull()
    assert card.picture.accessibleName() == START_PICTURE


@pytest.mark.parametrize("size", [(1080, 1600), (1920, 900), (1280, 614)])
def test_the_start_card_comes_first_and_is_the_biggest_thing_to_touch(
    make_home: MakeHome, size: tuple[int, int]
) -> None:
    home = make_home(*size)
    card = _on_home(home, home.start_card)
    others = [home.spine_tile, home.callback_tile, *home.topic_tiles.values()]
    for tile in others:
        if tile is home.start_card:
            continue
        place = _on_home(home, tile)
        assert (card.top(), card.left()) <= (place.top(), place.left()), tile.accessibleName()
        area = place.width() * place.height()
        assert card.width() * card.height() > area, tile.accessibleName()


def test_the_main_paths_follow_the_start_card_as_big_tiles(home: HomeView) -> None:
    """Where it hurts, ask us to call you and the warning signs: above every other topic,
    each larger than any of them, with its summary showing."""
    mains = [home.spine_tile, home.callback_tile, home.topic_tiles["help"]]
    assert home.spine_tile.title_label.text() == "Where does it hurt?"
    first_other = min(_on_home(home, t).top() for t in _compact(home))
    biggest_other = max(t.width() * t.height() for t in _compact(home))
    for tile in mains:
        assert _on_home(home, tile).bottom() < first_other, tile.accessibleName()
        assert tile.width() * tile.height() > biggest_other, tile.accessibleName()
        assert tile.summary_label.isVisible()


def test_the_warning_signs_stay_red(qtbot: QtBot, home: HomeView, look: LookController) -> None:
    tile = home.topic_tiles["help"]

    def colour() -> str:
        return tile.grab().toImage().pixelColor(tile.width() - 12, tile.height() // 2).name()

    assert colour().upper() == STANDARD.urgent
    look.toggle_contrast()
    qtbot.waitUntil(lambda: colour().upper() == HIGH_CONTRAST.urgent)


def test_the_other_topics_are_compact_tiles_after_the_main_paths(home: HomeView) -> None:
    """Icon and title only (the summary is still said by a screen reader), under the heading
    "More topics", side by side."""
    assert home.more_heading.isVisible()
    assert home.more_heading.text() == "More topics"
    heading = _on_home(home, home.more_heading)
    tiles = _compact(home)
    for tile in tiles:
        assert not tile.summary_label.isVisible()
        assert tile.accessibleDescription()
        assert tile.icon_label.pixmap().height() > 0
        assert _on_home(home, tile).top() > heading.bottom()
        assert tile.height() >= TOUCH_TARGET_PX
    assert len({_on_home(home, t).top() for t in tiles}) < len(tiles)  # some share a row


def test_the_page_about_the_information_is_a_link_at_the_foot(home: HomeView) -> None:
    """Not a tile in the grid of topics: below all of them, on its own."""
    about = home.topic_tiles["about"]
    assert about is home.about_link
    assert about.parentWidget() is not home.other_topics
    lowest = max(_on_home(home, t).bottom() for t in [*_compact(home), home.topic_tiles["help"]])
    assert _on_home(home, about).top() > lowest
    assert about.height() >= TOUCH_TARGET_PX


def test_every_tile_is_at_least_a_touch_target(home: HomeView, look: LookController) -> None:
    for size in (100, 200):
        look.set_look(Look(STANDARD, size))
        settle()
        for tile in [home.callback_tile, home.spine_tile, *home.topic_tiles.values()]:
            assert tile.height() >= TOUCH_TARGET_PX
            assert tile.width() >= TOUCH_TARGET_PX


def test_on_a_short_screen_every_main_path_is_in_view_and_more_below_is_said(
    qtbot: QtBot,
    make_home: MakeHome,
) -> None:
    """1280x800 leaves home 1280x614: the start card and the three main paths are whole on
    the first screen, and a button says there are more topics below; it scrolls to them."""
    home = make_home(1280, 614)
    area = _scroll_area(home)
    viewport = QRect(area.viewport().mapTo(home, QPoint(0, 0)), area.viewport().size())
    for tile in (home.start_card, home.spine_tile, home.callback_tile, home.topic_tiles["help"]):
        assert viewport.contains(_on_home(home, tile)), tile.accessibleName()
    assert home.more_button.isVisible()
    assert home.more_button.label() == "More topics below"
    home.more_button.click()
    heading = _on_home(home, home.more_heading)
    assert viewport.contains(heading)
    qtbot.waitUntil(lambda: home.more_button.label() in ("More topics below", "Back to top"))


def test_no_more_below_button_when_the_page_fits(make_home: MakeHome) -> None:
    home = make_home(1080, 1800)
    assert _scroll_area(home).verticalScrollBar().maximum() == 0
    assert not home.more_button.isVisible()


def test_at_the_end_the_button_offers_the_top_again(make_home: MakeHome) -> None:
    home = make_home(1280, 614)
    bar = _scroll_area(home).verticalScrollBar()
    bar.setValue(bar.maximum())
    assert home.more_button.label() == "Back to top"
    home.more_button.click()
    assert bar.value() == 0
    assert home.more_button.label() == "More topics below"


def test_replacing_topics_leaves_no_old_tiles_showing(home: HomeView) -> None:
    old = home.topic_tiles["second"]
    home.set_topics(TOPICS[:3])
    assert not old.isVisible()
    assert list(home.topic_tiles) == [t.slug for t in TOPICS[:3]]
    assert home.about_link is None


def test_text_size_step_enlarges_tile_text(
    qtbot: QtBot,
    home: HomeView,
    look: LookController,
) -> None:
    title = home.topic_tiles["second"].title_label
    before = title.fontMetrics().height()
    look.next_text_size()
    qtbot.waitUntil(lambda: title.fontMetrics().height() > before)
    assert look.look.text_size == 125


def test_large_text_uses_fewer_columns(
    qtbot: QtBot,
    home: HomeView,
    look: LookController,
) -> None:
    second, third = home.topic_tiles["second"], home.topic_tiles["third"]
    look.set_look(Look(STANDARD, 100))
    qtbot.waitUntil(lambda: second.y() == third.y())
    look.set_look(Look(STANDARD, 200))
    qtbot.waitUntil(lambda: third.y() > second.y() and third.x() == second.x())


def test_high_contrast_switches_the_colours_a_patient_sees(
    qtbot: QtBot,
    home: HomeView,
    look: LookController,
) -> None:
    def background() -> str:
        return home.grab().toImage().pixelColor(8, 8).name().upper()

    assert background() == STANDARD.background
    look.toggle_contrast()
    qtbot.waitUntil(lambda: background() == HIGH_CONTRAST.background)
    look.toggle_contrast()
    qtbot.waitUntil(lambda: background() == STANDARD.background)


def test_home_scrolls_by_flicking_once_shown(qtbot: QtBot, home: HomeView) -> None:
    from PySide6.QtWidgets import QScroller

    viewport = _scroll_area(home).viewport()
    qtbot.waitUntil(lambda: QScroller.hasScroller(viewport))


def test_a_tile_shows_its_title_and_summary_as_written_never_as_markup(home: HomeView) -> None:
    evil = '<img src="/etc/hosts">Evil <a href="http://example.com">x</a>'
    home.set_topics([TopicTile("evil", evil, f"<b>{evil}</b>", "info")])
    tile = home.topic_tiles["evil"]
    for label, text in ((tile.title_label, evil), (tile.summary_label, f"<b>{evil}</b>")):
        assert label.text() == text
        assert label.textFormat() == Qt.TextFormat.PlainText
