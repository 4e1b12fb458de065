"""The thank-you page: the call said back as a person would say it, in English and in Spanish,
the clinic's promise, what the code is for, and a visible countdown back to the start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.theme import Look
from kiosk.views.call_words import call_summary
from kiosk.views.icons import IconSet
from kiosk.views.look import LookController
from kiosk.views.thanks_view import SavedCall, ThanksPage

PHONE = "(201) 555-0123"  # fictional: 555-01xx

# Shows the screen texts and day names in a language ("en", "es"), as the kiosk does.
Speak = Callable[[str], None]


@pytest.fixture
def speak(qapp: QApplication, assets_dir: Path) -> Iterator[Speak]:
    """Switch the screen texts and the locale (day names) to a language, as the kiosk does."""
    installed: list[QTranslator] = []

    def switch(language: str) -> None:
        for translator in installed:
            qapp.removeTranslator(translator)
        installed.clear()
        QLocale.setDefault(QLocale(f"{language}_US"))
        translator = QTranslator()
        assert translator.load(f"kiosk_{language}", str(assets_dir / "i18n"))
        qapp.installTranslator(translator)
        installed.append(translator)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)

    yield switch
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))


# (days, times of day, the call's language) as chosen on the form.
Call = tuple[tuple[str, ...], tuple[str, ...], str]


@pytest.mark.parametrize(
    ("language", "call", "said"),
    [
        ("en", ((), ("morning",), "en"),
         "We will call you at (201) 555-0123 on any day, in the morning, in English."),
        ("en", (("mon",), ("afternoon", "evening"), "es"),
         "We will call you at (201) 555-0123 on Monday, in the afternoon or evening, in Spanish."),
        ("en", (("mon", "wed", "fri"), ("morning", "afternoon", "evening"), "en"),
         ("We will call you at (201) 555-0123 on Monday, Wednesday or Friday, "
          "in the morning, afternoon or evening, in English.")),
        ("es", ((), ("morning",), "es"),
         "Le llamaremos al (201) 555-0123 cualquier día, por la mañana, en español."),
        ("es", (("sat",), ("afternoon", "evening"), "en"),
         "Le llamaremos al (201) 555-0123 el sábado, por la tarde o por la noche, en inglés."),
        ("es", (("mon", "wed", "fri"), ("morning",), "es"),
         ("Le llamaremos al (201) 555-0123 el lunes, el miércoles o el viernes, "
          "por la mañana, en español.")),
    ],
)  # fmt: skip
def test_the_call_is_said_back_as_a_person_would_say_it(
    speak: Speak, language: str, call: Call, said: str
) -> None:
    speak(language)
    days, periods, call_in = call
    assert call_summary(PHONE, days, periods, call_in) == said


@pytest.fixture
def page(qapp: QApplication, qtbot: QtBot, assets_dir: Path) -> Iterator[ThanksPage]:
    look = LookController(qapp, assets_dir, Look())
    view = ThanksPage(
        look,
        IconSet(assets_dir / "icons"),
        promises={},
        clinic_phone="(214) 256-3900",
        back_after_seconds=30,
    )
    qtbot.addWidget(view)
    view.resize(1080, 1600)
    view.show()
    qtbot.waitExposed(view)
    view.show_call(SavedCall("7KX-M3R", PHONE, ("tue",), ("morning",), "en"))
    yield view
    qapp.setStyleSheet("")


def test_it_says_what_happens_next_and_what_the_code_is_for(speak: Speak, page: ThanksPage) -> None:
    speak("en")
    assert page.promise_label.text() == (
        "Someone from our clinic will call you back within one business day."
    )
    assert page.reference_label.text() == "7KX-M3R"
    assert page.code_hint.text() == "If you call us at (214)\u00a0256\u20113900, tell us this code."
    assert page.summary_label.text() == (
        "We will call you at (201) 555-0123 on Tuesday, in the morning, in English."
    )
    speak("es")
    assert page.promise_label.text() == (
        "Alguien de nuestra clínica le devolverá la llamada en un plazo de un día hábil."
    )
    assert page.summary_label.text() == (
        "Le llamaremos al (201) 555-0123 el martes, por la mañana, en inglés."
    )


def test_the_clinic_s_own_promise_is_said_in_each_language(
    speak: Speak, qapp: QApplication, qtbot: QtBot, assets_dir: Path
) -> None:
    look = LookController(qapp, assets_dir, Look())
    view = ThanksPage(
        look, None, promises={"en": "within two hours", "es": "en menos de dos horas"}
    )
    qtbot.addWidget(view)
    speak("en")
    assert (
        view.promise_label.text() == "Someone from our clinic will call you back within two hours."
    )
    speak("es")
    assert view.promise_label.text() == (
        "Alguien de nuestra clínica le devolverá la llamada en menos de dos horas."
    )
    qapp.setStyleSheet("")


def test_it_counts_down_each_second_and_then_goes_to_the_start(
    speak: Speak, qtbot: QtBot, page: ThanksPage
) -> None:
    speak("en")
    assert page.countdown_label.isVisible()
    assert page.countdown_label.text() == "Back to the start in 30 seconds."
    assert page.ring.seconds_left == 30
    page.countdown_timer.timeout.emit()
    assert page.countdown_label.text() == "Back to the start in 29 seconds."
    assert page.ring.seconds_left == 29
    assert page.ring.fraction == pytest.approx(29 / 30)
    for _ in range(27):
        page.countdown_timer.timeout.emit()
    assert page.countdown_label.text() == "Back to the start in 2 seconds."
    page.countdown_timer.timeout.emit()
    assert page.countdown_label.text() == "Back to the start in 1 second."
    with qtbot.waitSignal(page.home_requested):
        page.countdown_timer.timeout.emit()
    assert not page.countdown_timer.isActive()


def test_a_touch_on_the_page_gives_the_reader_the_time_again(page: ThanksPage) -> None:
    for _ in range(20):
        page.countdown_timer.timeout.emit()
    assert page.seconds_left == 10
    QTest.mouseClick(page.scroll_area.viewport(), Qt.MouseButton.LeftButton)
    assert page.seconds_left == 30


def test_the_button_goes_to_the_start_at_once(qtbot: QtBot, page: ThanksPage) -> None:
    with qtbot.waitSignal(page.home_requested):
        page.home_button.click()
    assert not page.countdown_timer.isActive()


def test_clearing_forgets_the_number_and_the_code(page: ThanksPage) -> None:
    page.clear()
    assert page.saved is None
    assert page.reference_label.text() == page.summary_label.text() == ""
    assert not page.countdown_timer.isActive()


def test_a_screen_reader_hears_the_thanks_and_the_code_letter_by_letter(page: ThanksPage) -> None:
    """Said as the page appears (issue 19): the code one character at a time, as it must be
    read out on the phone; never the phone number, which audio guidance would say aloud."""
    said = page.announcement()
    assert said.startswith("Thank you! Your request is with our staff. Someone from our clinic")
    assert said.endswith("Your reference code: 7 K X M 3 R.")
    assert "555" not in said


def test_a_screen_reader_hears_the_thanks_in_spanish_too(speak: Speak, page: ThanksPage) -> None:
    speak("es")
    said = page.announcement()
    assert said.startswith("¡Gracias!")
    assert "7 K X M 3 R" in said
    assert "555" not in said
