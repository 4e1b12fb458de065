"""The language button: every text on screen changes at once, and the patient keeps their place
(same screen, same page, same region, everything typed or chosen in the form)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.navigation import HOME, Route, Screen
from kiosk.views.callback_view import CallbackView
from kiosk.views.spine_view import SpineView
from tests.conftest import screen

TS = "assets/i18n/kiosk_es.ts"


@pytest.fixture(scope="module")
def english_only() -> frozenset[str]:
    """Screen texts whose Spanish differs from the English ("Discos" stays "Discos")."""
    from kiosk.core.config import Config

    root = ET.parse(Config().paths.assets_dir / "i18n" / "kiosk_es.ts").getroot()
    return frozenset(
        source
        for message in root.iter("message")
        if (source := message.findtext("source") or "") != message.findtext("translation")
        and "{" not in source
        # A language's own name, on the button that switches to it, stays as it is.
        and source not in ("English", "Español")
    )


def _texts(kiosk: Kiosk) -> Iterator[str]:
    for _ in range(3):
        QApplication.processEvents()
    for widget in kiosk.window.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton):
            if widget.text():
                yield widget.text()
            if widget.accessibleName():
                yield widget.accessibleName()


@pytest.mark.parametrize(
    "route",
    [
        HOME,
        Route(Screen.TOPIC, "causes"),
        Route(Screen.SPINE),
        Route(Screen.SPINE, "discs"),
        Route(Screen.CALLBACK),
    ],
    ids=str,
)
def test_every_visible_text_changes_language_at_once(
    kiosk: Kiosk, english_only: frozenset[str], route: Route
) -> None:
    kiosk.shell.go(route)
    before = set(_texts(kiosk))
    assert before & english_only, "the screen shows some English screen texts to begin with"
    kiosk.window.language_button.click()
    assert kiosk.shell.current == route
    left = set(_texts(kiosk)) & english_only
    assert left == set()
    kiosk.window.language_button.click()
    assert set(_texts(kiosk)) & english_only


def test_the_page_and_the_region_follow_in_the_new_language(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    kiosk.window.language_button.click()
    assert kiosk.topic.title_label.text() == "Causas"
    kiosk.shell.go(Route(Screen.SPINE, "lumbar"))
    kiosk.window.language_button.click()
    kiosk.window.language_button.click()
    spine = screen(kiosk, SpineView)
    assert spine.selected_region == "lumbar"
    assert spine.title_label.text() == "Espalda baja (columna lumbar)"


def test_the_form_keeps_everything_typed_and_says_its_errors_again(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.CALLBACK, "topic:surgery"))
    form = screen(kiosk, CallbackView)
    form.first_name.setText("Zeb")
    form.phone.setText("555-0142")
    form.period_buttons["evening"].click()
    form.note.setText("Mañana mejor")
    form.send_button.click()
    assert (
        form.errors["phone"].text() == "This phone number is too short. Please add the area code."
    )

    kiosk.window.language_button.click()
    assert (form.first_name.text(), form.phone.text(), form.note.text()) == (
        "Zeb",
        "555-0142",
        "Mañana mejor",
    )
    assert form.period_buttons["evening"].isChecked()
    assert form.topic_button.isChecked()
    assert form.errors["phone"].text().startswith("Este número")
    assert form.phone.accessibleDescription() == form.errors["phone"].text()  # read on focus
    assert form.errors["last_name"].isVisible()
    assert form.language_buttons["es"].isChecked()  # the call follows, unless chosen
    assert form.form().language == "es"


def test_a_call_language_the_patient_chose_is_kept(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.CALLBACK))
    form = screen(kiosk, CallbackView)
    form.language_buttons["en"].click()
    kiosk.window.language_button.click()
    assert form.form().language == "en"


def test_counts_read_right_in_both_languages(kiosk: Kiosk) -> None:
    qapp = kiosk.app
    from PySide6.QtCore import QCoreApplication, QTranslator

    said = {}
    for language in ("en", "es"):
        translator = QTranslator()
        assert translator.load(f"kiosk_{language}", str(kiosk.config.paths.assets_dir / "i18n"))
        qapp.installTranslator(translator)
        said[language] = [
            QCoreApplication.translate(
                "IdleOverlay", "The screen will go back to the start in %n second(s).", "", n
            )
            for n in (1, 2)
        ]
        qapp.removeTranslator(translator)
    assert said == {
        "en": [
            "The screen will go back to the start in 1 second.",
            "The screen will go back to the start in 2 seconds.",
        ],
        "es": [
            "La pantalla volverá al inicio en 1 segundo.",
            "La pantalla volverá al inicio en 2 segundos.",
        ],
    }


def test_on_this_page_buttons_take_the_new_language(kiosk: Kiosk) -> None:
    """A long page's "On this page" buttons say its parts in the language on screen, after a
    switch and after switching back (the buttons are kept per page and given new words)."""
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))
    for language in ("es", "en"):
        kiosk.window.language_button.click()
        QApplication.processEvents()
        assert kiosk.shell.language == language
        page = kiosk.shell.pages.topic("prevention")
        assert page is not None
        wanted = page.sections
        assert wanted, "prevention is a long page, with parts"
        assert [button.label() for button in kiosk.topic.chips.buttons] == list(wanted)
        assert all(button.isVisible() for button in kiosk.topic.chips.buttons)


class _Painted(QObject):
    """Notes that a widget was painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def test_a_page_in_its_new_language_is_painted_once_as_it_stays(qtbot: QtBot, kiosk: Kiosk) -> None:
    """Every word changes at once, and the buttons' sizes with them: the first frame painted
    must be laid out to the top, never buttons cut short ("esione" for "Lesiones") that are
    put right a frame later."""
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))  # long: "On this page", a picture, a cue
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    window = kiosk.window.windowHandle()
    probe = _Painted()
    kiosk.topic.body_label.installEventFilter(probe)
    frames: list[QImage] = []
    kiosk.window.language_button.click()
    for _ in range(20):  # what the screen shows after each turn of the event loop
        probe.painted = False
        QApplication.processEvents()
        if probe.painted:
            frames.append(window.screen().grabWindow(kiosk.window.winId()).toImage())
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    QApplication.processEvents()
    final = window.screen().grabWindow(kiosk.window.winId()).toImage()
    assert frames
    assert all(frame == final for frame in frames)


@pytest.mark.parametrize("route", [Route(Screen.SPINE, "discs"), Route(Screen.CALLBACK)], ids=str)
def test_a_screen_hidden_at_the_change_shows_the_new_language(
    qtbot: QtBot, kiosk: Kiosk, english_only: frozenset[str], route: Route
) -> None:
    """The screens not on view take the new words later (while nobody waits, or as they are
    opened): what a patient opens next is all in the language they chose."""
    kiosk.shell.go(route)
    kiosk.shell.go(HOME)
    kiosk.window.language_button.click()
    kiosk.shell.go(route)  # at once: before the kiosk has caught up by itself
    assert set(_texts(kiosk)) & english_only == set()


def test_hidden_screens_catch_up_while_nobody_waits(
    qtbot: QtBot, kiosk: Kiosk, english_only: frozenset[str]
) -> None:
    kiosk.shell.go(Route(Screen.SPINE))
    kiosk.shell.go(Route(Screen.CALLBACK))
    kiosk.shell.go(HOME)
    kiosk.window.language_button.click()
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    for kind in (SpineView, CallbackView):
        hidden = kiosk.window.findChild(kind)
        assert hidden is not None
        assert not hidden.isVisible()
        words = {
            text
            for widget in hidden.findChildren(QLabel) + hidden.findChildren(QAbstractButton)
            if widget.isVisibleTo(hidden)
            for text in (widget.text(), widget.accessibleName())
        }
        assert words & english_only == set(), kind.__name__
