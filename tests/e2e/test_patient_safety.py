"""What keeps a patient safe on screen, in the whole app and in both languages: every page of
medical text says it is general information, not advice for them, and the page of warning
signs sends them to the front desk now instead of offering a call later."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from kiosk.app import Kiosk
from kiosk.core.navigation import Route, Screen
from kiosk.views.spine_view import SpineView
from tests.conftest import screen

DISCLAIMER = {
    "en": "General information, not medical advice. Ask your doctor about your own care.",
    "es": "Información general, no un consejo médico. Pregunte a su médico sobre su caso.",
}
FRONT_DESK = {"en": "Tell the front desk now", "es": "Avise ahora en la recepción"}
ASK_FOR_A_CALL = {"en": "Ask us to call you about this", "es": "Pídanos que le llamemos sobre esto"}


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _in_view(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_topic_and_spine_region_shows_the_disclaimer(kiosk: Kiosk, language: str) -> None:
    kiosk.shell.set_language(language)
    library = kiosk.shell.library
    assert len(library.topics) >= 12
    assert len(library.regions) >= 9
    for topic in library.topics:
        kiosk.shell.go(Route(Screen.TOPIC, topic.slug))
        _settle()
        reader = kiosk.shell.topic_view
        assert _in_view(reader.disclaimer), topic.slug
        assert reader.disclaimer.text() == DISCLAIMER[language], topic.slug
    for region in library.regions:
        kiosk.shell.go(Route(Screen.SPINE, region.slug))
        _settle()
        spine = screen(kiosk, SpineView)
        assert _in_view(spine.disclaimer), region.slug
        assert spine.disclaimer.text() == DISCLAIMER[language], region.slug


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_warning_signs_page_sends_to_the_front_desk_and_offers_no_call(
    kiosk: Kiosk, language: str
) -> None:
    kiosk.shell.set_language(language)
    (urgent,) = [t for t in kiosk.shell.library.topics if t.urgent]
    kiosk.shell.go(Route(Screen.TOPIC, urgent.slug))
    _settle()
    reader = kiosk.shell.topic_view
    shown = [
        button.label() if hasattr(button, "label") else button.text()
        for button in reader.findChildren(QAbstractButton)
        if button.isVisible()
    ]
    assert ASK_FOR_A_CALL[language] not in shown
    assert not reader.callback_button.isVisible()
    assert _in_view(reader.front_desk)
    assert reader.front_desk_label.text() == FRONT_DESK[language]
    # Every other page still offers the call.
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    _settle()
    assert reader.callback_button.isVisible()
    assert reader.callback_button.label() == ASK_FOR_A_CALL[language]
    assert not reader.front_desk.isVisible()


def _blocks(label: QLabel, viewport: QWidget) -> list[tuple[str, int, int]]:
    """Each paragraph, heading and list item of a rich-text label: its words, and its top and
    bottom in `viewport`'s coordinates (laid out as the label lays them out)."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width())
    found = []
    block = document.begin()
    while block.isValid():
        box = document.documentLayout().blockBoundingRect(block)
        top = label.mapTo(viewport, QPoint(0, round(box.top()))).y()
        found.append((block.text(), top, top + round(box.height())))
        block = block.next()
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_1280x800_screen_the_911_signs_begin_above_the_fold(
    kiosk: Kiosk, language: str
) -> None:
    kiosk.shell.set_language(language)
    kiosk.window.resize(1280, 800)
    reader = kiosk.shell.topic_view
    scroll = reader.findChild(QScrollArea)
    assert scroll is not None
    viewport = scroll.viewport()
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    _settle()
    ordinary = viewport.height()
    (urgent,) = [t for t in kiosk.shell.library.topics if t.urgent]
    kiosk.shell.go(Route(Screen.TOPIC, urgent.slug))
    _settle()
    # The front desk's band costs the signs less than a line of text.
    assert viewport.height() >= ordinary - 24
    (heading, _, heading_bottom), (_, _, first_sign_bottom), *_ = _blocks(
        reader.body_label, viewport
    )
    assert "911" in heading
    assert heading_bottom <= first_sign_bottom <= viewport.height()


MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}


def test_the_page_says_who_reviewed_it_and_when_in_each_language(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    _settle()
    note = kiosk.shell.topic_view.review_note
    page = kiosk.shell.library.topic("causes")
    assert page is not None
    day = page.reviewed_on
    assert day is not None
    month = MONTHS["en"][day.month - 1]
    assert note.text() == (
        "Reviewed by the kiosk's editors, against NICE, ACP and MedlinePlus guidance "
        f"on {month} {day.day}, {day.year}."
    )
    kiosk.shell.set_language("es")
    month = MONTHS["es"][day.month - 1]
    assert note.text() == (
        "Revisado por los editores del quiosco, según las guías NICE, ACP y MedlinePlus "
        f"el {day.day} de {month} de {day.year}."
    )
