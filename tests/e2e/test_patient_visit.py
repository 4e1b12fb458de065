"""A patient's visit through the real app, built by the production factory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import HOME, Route, Screen
from kiosk.views.callback_view import CallbackView
from kiosk.views.spine_view import SpineView
from tests.conftest import grid_button, screen, wait_for_disk


def test_home_shows_a_tile_for_every_shipped_topic(kiosk: Kiosk) -> None:
    assert kiosk.window.stack.currentWidget() is kiosk.home
    titles = {tile.title_label.text() for tile in kiosk.home.topic_tiles.values()}
    assert titles == {topic.title for topic in kiosk.shell.library.topics}
    assert all(tile.isVisible() for tile in kiosk.home.topic_tiles.values())


def test_home_to_topic_and_back_to_home(qtbot: QtBot, kiosk: Kiosk) -> None:
    kiosk.home.topic_tiles["symptoms"].click()
    assert kiosk.window.stack.currentWidget() is kiosk.topic
    assert kiosk.topic.title_label.text() == "Symptoms"
    assert "dull ache" in kiosk.topic.body_label.text()
    assert kiosk.window.back_button.isVisible()

    kiosk.window.back_button.click()
    assert kiosk.window.stack.currentWidget() is kiosk.home
    assert not kiosk.window.back_button.isVisible()


def test_related_topics_lead_on_and_home_returns_from_deep(kiosk: Kiosk) -> None:
    kiosk.home.topic_tiles["what-is-axial-back-pain"].click()
    first_related = kiosk.topic.related.buttons[0]
    target = first_related.label()
    first_related.click()
    assert kiosk.topic.title_label.text() == target
    assert kiosk.shell.current.screen == "topic"

    kiosk.window.home_button.click()
    assert kiosk.shell.current == HOME
    assert kiosk.window.stack.currentWidget() is kiosk.home
    kiosk.window.back_button.click()
    assert kiosk.shell.current == HOME


def test_a_link_in_the_text_opens_its_topic(kiosk: Kiosk) -> None:
    kiosk.home.topic_tiles["symptoms"].click()
    kiosk.topic.body_label.linkActivated.emit("topic:causes")
    assert kiosk.topic.title_label.text() == "Causes"


def test_every_kind_of_link_in_a_text_leads_where_it_says(kiosk: Kiosk) -> None:
    """Links go through Route.parse like every other route: a `callback:` link asks for a call
    about the page it is on, a `spine:` link opens that part, a broken one does nothing."""
    kiosk.home.topic_tiles["symptoms"].click()
    kiosk.topic.body_label.linkActivated.emit("nowhere:at-all")
    assert kiosk.shell.current == Route(Screen.TOPIC, "symptoms")
    kiosk.topic.body_label.linkActivated.emit("callback:")
    assert kiosk.shell.current == Route(Screen.CALLBACK, "topic:symptoms")
    kiosk.window.back_button.click()
    kiosk.topic.body_label.linkActivated.emit("spine:lumbar")
    assert kiosk.shell.current == Route(Screen.SPINE, "lumbar")
    spine = screen(kiosk, SpineView)
    spine.body_label.linkActivated.emit("callback:")
    assert kiosk.shell.current == Route(Screen.CALLBACK, "spine:lumbar")


def test_the_about_page_names_the_configured_clinic(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "about"))
    body = kiosk.topic.body_label.text()
    assert kiosk.config.clinic.name.replace("&", "&amp;") in body
    assert "{{" not in body


def test_a_route_to_a_missing_topic_shows_home(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "no-such-topic"))
    assert kiosk.window.stack.currentWidget() is kiosk.home


def test_callback_from_a_topic_opens_the_callback_screen(kiosk: Kiosk) -> None:
    kiosk.home.topic_tiles["treatments"].click()
    kiosk.topic.callback_button.click()
    assert kiosk.shell.current == Route(Screen.CALLBACK, "topic:treatments")
    kiosk.window.back_button.click()
    assert kiosk.topic.title_label.text() == "Treatments"


def test_text_size_and_contrast_buttons_change_the_look(kiosk: Kiosk) -> None:
    kiosk.window.text_size_button.click()
    assert kiosk.look.look.text_size == 125
    kiosk.window.contrast_button.click()
    assert kiosk.look.look.palette.name == "high-contrast"


def test_language_switch_keeps_the_patient_on_the_same_page(
    qapp: QApplication, qtbot: QtBot, bilingual_config: Config
) -> None:
    from kiosk.app import build_kiosk

    built = build_kiosk(bilingual_config, qapp, kiosk_mode=False)
    qtbot.addWidget(built.window)
    built.window.show()
    assert built.window.language_button.text() == "Español"
    built.shell.go(Route(Screen.TOPIC, "causes"))
    built.window.language_button.click()
    assert built.shell.language == "es"
    assert built.shell.current == Route(Screen.TOPIC, "causes")
    assert built.window.stack.currentWidget() is built.topic
    assert built.window.language_button.text() == "English"
    qapp.setStyleSheet("")


@pytest.fixture
def broken_content_config(tmp_path: Path, config: Config, content_dir: Path) -> Config:
    """The shipped content, but with causes.md no longer readable text."""
    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    (copy / "en" / "topics" / "causes.md").write_bytes(b"\xff\xfe not text")
    return config._replace(paths=config.paths._replace(content_dir=copy))


def test_a_broken_content_file_leaves_the_rest_of_the_kiosk_working(
    qapp: QApplication,
    qtbot: QtBot,
    broken_content_config: Config,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from kiosk.app import build_kiosk

    built = build_kiosk(broken_content_config, qapp, kiosk_mode=False)
    qtbot.addWidget(built.window)
    built.window.show()

    assert "causes.md:0: cannot read the file" in caplog.text
    assert built.home.topic_tiles["symptoms"].isVisible()
    built.home.topic_tiles["causes"].click()
    assert "This page is being updated" in built.topic.body_label.text()
    built.window.home_button.click()
    built.home.topic_tiles["symptoms"].click()
    assert "dull ache" in built.topic.body_label.text()
    qapp.setStyleSheet("")


def test_every_topic_opens_with_its_text(kiosk: Kiosk) -> None:
    for topic in kiosk.shell.library.topics:
        kiosk.shell.go(Route(Screen.TOPIC, topic.slug))
        assert kiosk.topic.title_label.text() == topic.title
        assert len(kiosk.topic.body_label.text()) > 500
        assert "This page is being updated" not in kiosk.topic.body_label.text()


def test_related_regions_lead_to_the_spine_screen(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    regions = [b for b in kiosk.topic.related.buttons if b.property("key").startswith("spine:")]
    assert regions
    target = regions[0].property("key")
    regions[0].click()
    assert str(kiosk.shell.current) == target


def test_every_region_text_loads_on_the_spine_screen(kiosk: Kiosk) -> None:
    for region in kiosk.shell.library.regions:
        kiosk.shell.go(Route(Screen.SPINE, region.slug))
        spine = screen(kiosk, SpineView)
        assert spine.selected_region == region.slug
        assert spine.title_label.text() == region.title
        assert len(spine.body_label.text()) > 300
        assert "being updated" not in spine.body_label.text()


def test_home_spine_tile_opens_the_explorer_with_nothing_chosen(kiosk: Kiosk) -> None:
    kiosk.home.spine_tile.click()
    spine = screen(kiosk, SpineView)
    assert spine.selected_region == ""
    assert spine.panel.currentIndex() == 0
    assert len(spine.region_list.buttons) == len(kiosk.shell.library.regions)


def test_a_region_chosen_on_the_spine_is_still_chosen_after_back(kiosk: Kiosk) -> None:
    kiosk.home.spine_tile.click()
    spine = screen(kiosk, SpineView)
    grid_button(spine.region_list, "facet-joints").click()
    assert kiosk.shell.current == Route(Screen.SPINE, "facet-joints")
    spine.related.buttons[0].click()
    assert kiosk.shell.current.screen == "topic"
    kiosk.window.back_button.click()
    assert screen(kiosk, SpineView).selected_region == "facet-joints"


def test_where_it_hurts_carries_the_region_to_the_callback_screen(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.SPINE, "sacroiliac-joint"))
    screen(kiosk, SpineView).hurts_button.click()
    assert kiosk.shell.current == Route(Screen.CALLBACK, "spine:sacroiliac-joint")


def test_a_patient_asks_for_a_call_and_the_request_is_saved_encrypted(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    from kiosk.storage.requests import DATABASE, RequestStore

    kiosk.window.activateWindow()
    kiosk.shell.go(Route(Screen.TOPIC, "surgery"))
    kiosk.topic.callback_button.click()
    form = screen(kiosk, CallbackView)
    assert form.topic_button.text() == "Surgery"
    form.first_name.setFocus()
    qtbot.waitUntil(form.first_name.hasFocus)
    for key in "zeb":
        form.keyboard.key(key).click()
    form.last_name.setText("Quux")
    form.phone.setFocus()
    qtbot.waitUntil(form.phone.hasFocus)
    for key in "2015550142":
        form.keyboard.key(key).click()
    form.period_buttons["evening"].click()
    form.consent.click()
    form.send_button.click()
    # Saved on the disk thread: at once the button says so and takes no second tap.
    assert form.send_button.label() == "Sending..."
    assert not form.send_button.isEnabled()
    wait_for_disk(qtbot, kiosk)

    assert form.pages.currentIndex() == 1
    reference = form.reference_label.text()
    assert len(reference) == 7
    assert "(201) 555-0142" in form.next_label.text()
    assert form.first_name.text() == ""

    data_dir = kiosk.config.paths.data_dir
    for path in data_dir.glob(DATABASE + "*"):
        assert b"Quux" not in path.read_bytes()
        assert b"2015550142" not in path.read_bytes()
    (saved,) = RequestStore.open(data_dir).requests()
    assert (saved.first_name, saved.last_name, saved.reference) == ("Zeb", "Quux", reference)
    assert saved.phone.e164 == "+12015550142"
    assert (saved.topic, saved.periods, saved.status) == ("topic:surgery", ("evening",), "new")
    assert saved.consent_text == form.consent.wording()

    form.home_button.click()
    assert kiosk.shell.current == HOME


def test_an_unwritable_data_folder_keeps_the_form_and_says_so(
    qtbot: QtBot, kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    from kiosk.storage.requests import DATABASE

    data_dir = kiosk.config.paths.data_dir
    (data_dir / DATABASE).mkdir(parents=True)  # a database that cannot be opened
    kiosk.home.callback_tile.click()
    form = screen(kiosk, CallbackView)
    form.first_name.setText("Ann")
    form.last_name.setText("Lee")
    form.phone.setText("(201) 555-0199")
    form.period_buttons["morning"].click()
    form.consent.click()
    form.send_button.click()
    wait_for_disk(qtbot, kiosk)
    assert form.pages.currentIndex() == 0
    assert form.status_label.isVisible()
    assert form.send_button.isEnabled()  # tapping again tries again
    assert form.first_name.text() == "Ann"
    assert form.phone.text() == "(201) 555-0199"
    assert "could not save a callback request" in caplog.text
    assert "Ann" not in caplog.text
    assert "555-0199" not in caplog.text


def test_usage_statistics_count_a_scripted_visit(kiosk: Kiosk) -> None:
    from kiosk.storage.database import Database
    from kiosk.storage.usage import UsageStats

    kiosk.home.topic_tiles["symptoms"].click()
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    kiosk.window.home_button.click()
    kiosk.home.spine_tile.click()
    grid_button(screen(kiosk, SpineView).region_list, "lumbar").click()
    kiosk.window.home_button.click()
    kiosk.home.callback_tile.click()
    screen(kiosk, CallbackView).first_name.setText("Ann")
    kiosk.window.home_button.click()  # left without sending: abandoned
    QApplication.processEvents()  # the counts are written after the screen changed

    rows = UsageStats(Database.open(kiosk.config.paths.data_dir)).days()
    counts = {(r.event, r.subject): r.count for r in rows}
    assert counts == {
        ("topic_opened", "symptoms"): 1,
        ("topic_opened", "causes"): 1,
        ("region_tapped", "lumbar"): 1,
        ("form_started", ""): 1,
        ("form_abandoned", ""): 1,
    }
