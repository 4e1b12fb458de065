"""Page assembly without Qt: what each screen is given, from the shipped content."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import ClinicConfig
from kiosk.core.content import load_library
from kiosk.core.pages import Pages

CLINIC = ClinicConfig(name="Fable & Co Spine Clinic", phone="(201) 555-0100", address="")


@pytest.fixture(scope="module")
def pages() -> Pages:
    content = Path(__file__).resolve().parents[2] / "content"
    return Pages(load_library(content, "en"), CLINIC)


def test_a_topic_comes_with_its_html_and_where_to_go_next(pages: Pages) -> None:
    page = pages.topic("symptoms")
    assert page is not None
    assert page.title == "Symptoms"
    assert page.html.startswith("<")
    routes = [route for route, _title in page.related]
    assert routes, "symptoms links to other pages"
    assert all(route.split(":")[0] in {"topic", "spine"} for route in routes)
    assert pages.topic("no-such-page") is None


def test_the_clinic_fills_the_placeholders(pages: Pages) -> None:
    about = pages.topic("about")
    assert about is not None
    assert "Fable &amp; Co Spine Clinic" in about.html
    assert "{{" not in about.html


def test_the_urgent_page_is_marked_urgent(pages: Pages) -> None:
    urgent = pages.topic("get-help-now")
    assert urgent is not None
    assert urgent.urgent
    symptoms = pages.topic("symptoms")
    assert symptoms is not None
    assert not symptoms.urgent


def test_a_body_is_converted_once(pages: Pages) -> None:
    first = pages.topic("causes")
    again = pages.topic("causes")
    assert first is not None
    assert again is not None
    assert first.html is again.html


def test_what_a_call_back_is_about(pages: Pages) -> None:
    assert pages.context_title("topic:surgery") == "Surgery"
    lumbar = pages.library.region("lumbar")
    assert lumbar is not None
    assert pages.context_title("spine:lumbar") == lumbar.title
    assert pages.context_title("") == ""
    assert pages.context_title("staff:x") == ""


def test_every_region_and_the_attract_items(pages: Pages) -> None:
    regions = pages.regions()
    assert [r.slug for r in regions] == [r.slug for r in pages.library.regions]
    assert all(r.html for r in regions if not r.broken)
    titles = [item.title for item in pages.attract_items()]
    assert "Symptoms" in titles


def test_prevention_shows_gentle_movements_each_saying_ask_your_care_team_first(
    pages: Pages,
) -> None:
    page = pages.topic("prevention")
    assert page is not None
    cards = [card for part in page.parts for card in part.cards]
    moves = [card for card in cards if card.picture.startswith("move-")]
    assert 4 <= len(moves) <= 6
    assert all("Ask your care team first" in card.html for card in moves)
    assert {"posture-sitting", "posture-lifting", "posture-sleep-side"} <= {
        card.picture for card in cards
    }
    assert all(len(card.description) > 15 for card in cards)
    # Read aloud reads the cards too, and "On this page" lists every main part.
    assert all(card.html in page.html for card in cards)
    assert len(page.sections) >= 6


def test_treatments_show_a_pictogram_for_each_kind_of_care(pages: Pages) -> None:
    page = pages.topic("treatments")
    assert page is not None
    pictures = {card.picture for part in page.parts for card in part.cards}
    assert {"treat-medicine", "treat-exercise", "treat-shots", "treat-surgery"} <= pictures
