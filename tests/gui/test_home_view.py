"""The home screen's tiles, built from data, and how the patient's look changes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from kiosk.theme import HIGH_CONTRAST, STANDARD, Look
from kiosk.views.home_view import HomeView, TopicTile
from kiosk.views.icons import IconSet
from kiosk.views.look import LookController

TOPICS = [
    TopicTile("first", "First topic", "About the first thing.", "info"),
    TopicTile("help", "Get help now", "Warning signs.", "urgent", urgent=True),
    TopicTile("second", "Second topic", "About the second thing.", "causes"),
]


@pytest.fixture
def look(qapp: QApplication, assets_dir: Path):  # type: ignore[no-untyped-def]
    controller = LookController(qapp, assets_dir, Look())
    yield controller
    qapp.setStyleSheet("")


@pytest.fixture
def home(qtbot, look: LookController, assets_dir: Path) -> HomeView:  # type: ignore[no-untyped-def]
    view = HomeView(look, IconSet(assets_dir / "icons"))
    qtbot.addWidget(view)
    view.set_topics(TOPICS)
    view.resize(1080, 1600)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_one_tile_per_topic_with_its_title_and_summary(home: HomeView) -> None:
    assert list(home.topic_tiles) == ["first", "help", "second"]
    tile = home.topic_tiles["second"]
    assert tile.title_label.text() == "Second topic"
    assert tile.summary_label.text() == "About the second thing."
    assert tile.accessibleName() == "Second topic"
    assert tile.isVisible()


def test_touching_a_tile_reports_its_topic(qtbot, home: HomeView) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(home.topic_chosen) as chosen:
        qtbot.mouseClick(home.topic_tiles["first"], Qt.MouseButton.LeftButton)
    assert chosen.args == ["first"]


def test_callback_and_spine_tiles_report_their_screens(qtbot, home: HomeView) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(home.callback_chosen):
        home.callback_tile.click()
    with qtbot.waitSignal(home.spine_chosen):
        home.spine_tile.click()


def test_callback_and_urgent_tiles_come_first(home: HomeView) -> None:
    def position(tile) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        return tile.y(), tile.x()

    ordered = sorted(
        [home.callback_tile, home.spine_tile, *home.topic_tiles.values()], key=position
    )
    assert ordered[0] is home.callback_tile
    assert ordered[1] is home.topic_tiles["help"]


def test_replacing_topics_leaves_no_old_tiles_showing(qtbot, home: HomeView) -> None:  # type: ignore[no-untyped-def]
    old = home.topic_tiles["first"]
    home.set_topics(TOPICS[:1])
    assert not old.isVisible()
    assert list(home.topic_tiles) == ["first"]


def test_every_tile_is_at_least_a_touch_target(home: HomeView) -> None:
    for tile in [home.callback_tile, home.spine_tile, *home.topic_tiles.values()]:
        assert tile.height() >= 96
        assert tile.width() >= 96


def test_text_size_step_enlarges_tile_text(
    qtbot,
    home: HomeView,  # type: ignore[no-untyped-def]
    look: LookController,
) -> None:
    title = home.topic_tiles["first"].title_label
    before = title.fontMetrics().height()
    look.next_text_size()
    qtbot.waitUntil(lambda: title.fontMetrics().height() > before)
    assert look.look.text_size == 125


def test_large_text_uses_fewer_columns(
    qtbot,
    home: HomeView,  # type: ignore[no-untyped-def]
    look: LookController,
) -> None:
    first, second = home.topic_tiles["first"], home.topic_tiles["second"]
    look.set_look(Look(STANDARD, 100))
    qtbot.waitUntil(lambda: first.y() == home.spine_tile.y())
    look.set_look(Look(STANDARD, 200))
    qtbot.waitUntil(lambda: second.y() > first.y() and second.x() == first.x())


def test_high_contrast_switches_the_colours_a_patient_sees(
    qtbot,
    home: HomeView,
    look: LookController,  # type: ignore[no-untyped-def]
) -> None:
    def background() -> str:
        return home.grab().toImage().pixelColor(8, 8).name().upper()

    assert background() == STANDARD.background
    look.toggle_contrast()
    qtbot.waitUntil(lambda: background() == HIGH_CONTRAST.background)
    look.toggle_contrast()
    qtbot.waitUntil(lambda: background() == STANDARD.background)


def test_home_scrolls_by_flicking_once_shown(qtbot, home: HomeView) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QScroller

    viewport = home.findChild(QScrollArea).viewport()
    qtbot.waitUntil(lambda: QScroller.hasScroller(viewport))


def test_a_tile_shows_its_title_and_summary_as_written_never_as_markup(home: HomeView) -> None:
    evil = '<img src="/etc/hosts">Evil <a href="http://example.com">x</a>'
    home.set_topics([TopicTile("evil", evil, f"<b>{evil}</b>", "info")])
    tile = home.topic_tiles["evil"]
    for label, text in ((tile.title_label, evil), (tile.summary_label, f"<b>{evil}</b>")):
        assert label.text() == text
        assert label.textFormat() == Qt.TextFormat.PlainText
