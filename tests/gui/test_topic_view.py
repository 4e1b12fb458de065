"""The reader: text, related pages as big buttons, the "more below" cue, the updating page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QScrollBar
from pytestqt.qtbot import QtBot

from kiosk.core.pages import TopicPage
from kiosk.core.theme import STANDARD, Look
from kiosk.views.icons import IconSet
from kiosk.views.look import LookController
from kiosk.views.topic_view import TopicView

LONG = "".join(f"<p>Paragraph {n} with a few plain words in it.</p>" for n in range(80))
PAGE = TopicPage(
    "causes",
    "Causes",
    LONG,
    related=(("topic:treatments", "Treatments"), ("spine:discs", "Discs")),
)


@pytest.fixture
def reader(qapp: QApplication, qtbot: QtBot, assets_dir: Path) -> Iterator[TopicView]:
    look = LookController(qapp, assets_dir, Look())
    view = TopicView(look, IconSet(assets_dir / "icons"))
    qtbot.addWidget(view)
    view.resize(1080, 1500)
    view.show()
    qtbot.waitExposed(view)
    yield view
    qapp.setStyleSheet("")


def scroll_area(view: TopicView) -> QScrollArea:
    area = view.findChild(QScrollArea)
    assert area is not None
    return area


def scroll_bar(view: TopicView) -> QScrollBar:
    return scroll_area(view).verticalScrollBar()


def test_shows_title_text_and_related_pages_as_buttons(reader: TopicView) -> None:
    reader.show_page(PAGE)
    assert reader.title_label.text() == "Causes"
    assert "Paragraph 79" in reader.body_label.text()
    assert [b.label() for b in reader.related.buttons] == ["Treatments", "Discs"]
    assert all(b.height() >= 96 for b in reader.related.buttons)


def test_related_buttons_report_topic_or_region(qtbot: QtBot, reader: TopicView) -> None:
    reader.show_page(PAGE)
    with qtbot.waitSignal(reader.topic_chosen) as topic:
        reader.related.buttons[0].click()
    assert topic.args == ["treatments"]
    with qtbot.waitSignal(reader.region_chosen) as region:
        reader.related.buttons[1].click()
    assert region.args == ["discs"]


def test_links_in_the_text_report_where_they_lead(qtbot: QtBot, reader: TopicView) -> None:
    reader.show_page(PAGE)
    with qtbot.waitSignal(reader.region_chosen) as region:
        reader.body_label.linkActivated.emit("spine:lumbar")
    assert region.args == ["lumbar"]


def test_callback_button_carries_the_topic(qtbot: QtBot, reader: TopicView) -> None:
    reader.show_page(PAGE)
    with qtbot.waitSignal(reader.callback_chosen) as chosen:
        reader.callback_button.click()
    assert chosen.args == ["causes"]


def test_more_below_scrolls_on_and_at_the_end_offers_the_top(
    qtbot: QtBot, reader: TopicView
) -> None:
    reader.show_page(PAGE)
    bar = scroll_bar(reader)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert reader.more_button.isVisible()
    assert reader.more_button.label() == "More below"
    reader.more_button.click()
    assert 0 < bar.value() < bar.maximum()
    bar.setValue(bar.maximum())
    assert reader.more_button.label() == "Back to top"
    reader.more_button.click()
    assert bar.value() == 0
    assert reader.more_button.label() == "More below"


def test_no_cue_on_a_short_page(qtbot: QtBot, reader: TopicView) -> None:
    reader.show_page(TopicPage("short", "Short", "<p>Just this.</p>"))
    qtbot.waitUntil(lambda: scroll_bar(reader).maximum() == 0)
    assert not reader.more_button.isVisible()


def test_every_visit_starts_at_the_top(qtbot: QtBot, reader: TopicView) -> None:
    reader.show_page(PAGE)
    bar = scroll_bar(reader)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    reader.show_page(PAGE._replace(slug="again"))
    assert bar.value() == 0


def test_a_broken_page_says_it_is_being_updated(reader: TopicView) -> None:
    reader.show_page(TopicPage("sore-neck", "Sore neck", "", broken=True))
    assert reader.title_label.text() == "Sore neck"
    assert "This page is being updated" in reader.body_label.text()


# A title as a content editor might paste it (or someone with write access to content/).
EVIL = '<img src="/etc/hosts">Evil <a href="http://example.com">x</a>'


def test_a_title_shows_its_characters_never_an_image_or_a_link(reader: TopicView) -> None:
    reader.show_page(TopicPage("evil", EVIL, "<p>Safe body.</p>", related=(("topic:evil", EVIL),)))
    assert reader.title_label.text() == EVIL
    assert reader.title_label.textFormat() == Qt.TextFormat.PlainText
    (related,) = reader.related.buttons
    assert related.label() == EVIL
    # It makes room for every character: markup shown as markup, not as "Evil x".
    assert related.sizeHint().width() > related.fontMetrics().horizontalAdvance(EVIL)
    # Only the body, which kiosk.core.markup has made safe, is rich text.
    assert reader.body_label.textFormat() == Qt.TextFormat.RichText


URGENT = TopicPage("warning-signs", "When to get help now", "<h2>Call 911</h2>" + LONG, urgent=True)


def test_the_urgent_page_sends_to_the_front_desk_and_offers_no_call_later(
    reader: TopicView,
) -> None:
    reader.show_page(URGENT)
    assert not reader.callback_button.isVisible()
    assert reader.front_desk.isVisible()
    assert reader.front_desk_label.text() == "Tell the front desk now"
    # Words to act on, not a control that pretends to alert anyone.
    assert reader.front_desk.findChildren(QAbstractButton) == []
    assert reader.title_band.property("urgent") is True
    # The next page is an ordinary one again.
    reader.show_page(PAGE)
    assert reader.callback_button.isVisible()
    assert not reader.front_desk.isVisible()
    assert reader.title_band.property("urgent") is False


def test_the_urgent_title_is_in_a_band_of_the_urgent_colour(reader: TopicView) -> None:
    palette = STANDARD  # the reader's look
    reader.show_page(PAGE)
    plain = reader.title_band.grab().toImage()
    assert plain.pixelColor(4, 4) != QColor(palette.urgent)
    reader.show_page(URGENT)
    for _ in range(3):  # the band's margins are laid out in posted events
        QApplication.processEvents()
    banner = reader.title_band.grab().toImage()
    # Left of the warning sign, in the band's own margin: the band, not the title's label.
    assert banner.pixelColor(10, banner.height() // 2) == QColor(palette.urgent)
    # The title and the sign are drawn in the urgent page's text colour on it.
    title = reader.title_label.grab().toImage()
    colours = {
        title.pixelColor(x, y).name()
        for x in range(0, title.width(), 7)
        for y in range(0, title.height(), 7)
    }
    assert QColor(palette.urgent_text).name() in colours


@pytest.mark.parametrize("page", [PAGE, URGENT], ids=["topic", "urgent"])
def test_the_disclaimer_stays_in_view_however_far_the_page_is_scrolled(
    qtbot: QtBot, reader: TopicView, page: TopicPage
) -> None:
    reader.show_page(page)
    bar = scroll_bar(reader)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    for value in (0, bar.maximum()):
        bar.setValue(value)
        assert reader.disclaimer.isVisible()
        assert not reader.disclaimer.visibleRegion().isEmpty()
        assert reader.disclaimer.text() == (
            "General information, not medical advice. Ask your doctor about your own care."
        )


def test_who_reviewed_the_page_and_when_is_under_the_text(reader: TopicView) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        reviewed = PAGE._replace(reviewed_by="the clinical team", reviewed_on=dt.date(2026, 11, 26))
        reader.show_page(reviewed)
        assert reader.review_note.isVisible()
        assert reader.review_note.text() == ("Reviewed by the clinical team on November 26, 2026.")
        # Below the text, not above it.
        assert reader.review_note.y() > reader.body_label.y()
        reader.show_page(PAGE)
        assert not reader.review_note.isVisible()
    finally:
        QLocale.setDefault(previous)


SECTIONS = ("Signs", "Where it hurts", "How long", "What helps", "When to call")
SECTIONED = TopicPage(
    "symptoms",
    "Symptoms",
    "".join(f"<h2>{title}</h2>" + LONG[:1500] for title in SECTIONS),
    sections=SECTIONS,
)


def test_a_long_page_opens_with_a_big_button_for_each_part(qtbot: QtBot, reader: TopicView) -> None:
    reader.show_page(SECTIONED)
    assert reader.contents.isVisible()
    assert reader.contents_heading.text() == "On this page"
    assert [b.label() for b in reader.chips.buttons] == list(SECTIONS)
    assert all(b.height() >= 90 for b in reader.chips.buttons)  # 15 mm for a finger


def test_a_part_button_brings_its_heading_to_the_top_and_the_cue_follows(
    qtbot: QtBot,
    reader: TopicView,
) -> None:
    reader.show_page(SECTIONED)
    bar = scroll_bar(reader)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert reader.position.isVisible()
    assert reader.position.words == "Part 1 of 5: Signs"
    reader.chips.buttons[2].click()
    viewport = scroll_area(reader).viewport()
    heading_top = reader.section_tops()[2] - bar.value()
    assert 0 <= heading_top < viewport.height() // 4
    assert reader.position.words == "Part 3 of 5: How long"
    bar.setValue(bar.maximum())
    assert reader.position.words == "Part 5 of 5: When to call"


def test_a_short_page_and_the_warning_signs_have_no_parts_to_jump_to(reader: TopicView) -> None:
    reader.show_page(SECTIONED._replace(sections=SECTIONS[:3]))
    assert not reader.contents.isVisible()
    assert not reader.position.isVisible()
    reader.show_page(SECTIONED._replace(urgent=True))
    assert not reader.contents.isVisible()
    assert not reader.position.isVisible()


def test_at_the_end_of_the_page_a_short_last_part_is_the_one_read(
    qtbot: QtBot, reader: TopicView
) -> None:
    """The last heading can come no higher than the end of the page allows; once the page is
    at its end, the cue names the last part rather than the one before it."""
    html = "".join(f"<h2>{title}</h2>" + LONG[:2500] for title in SECTIONS[:-1])
    reader.show_page(SECTIONED._replace(html=html + f"<h2>{SECTIONS[-1]}</h2><p>Short.</p>"))
    bar = scroll_bar(reader)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert reader.position.words == "Part 5 of 5: When to call"
    assert reader.section_tops()[-1] - bar.value() > reader.height() * 0.3


def test_part_buttons_sit_three_across_at_normal_text(qtbot: QtBot, reader: TopicView) -> None:
    """Wide enough for their words on two lines at most, not squeezed four across."""
    reader.show_page(SECTIONED)
    buttons = reader.chips.buttons
    qtbot.waitUntil(lambda: buttons[0].width() > 0)
    rows = sorted({b.y() for b in buttons})
    assert [sum(b.y() == y for b in buttons) for y in rows] == [3, 2]
