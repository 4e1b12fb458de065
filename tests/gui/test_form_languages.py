"""The form offers the configured languages, by their own names, and a third one works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.theme import Look
from kiosk.views.callback_view import CallbackView
from kiosk.views.look import LookController


@pytest.fixture
def form(qapp: QApplication, qtbot: QtBot, assets_dir: Path) -> Iterator[CallbackView]:
    look = LookController(qapp, assets_dir, Look())
    view = CallbackView(look, languages=("en", "es", "vi"))
    qtbot.addWidget(view)
    view.resize(1080, 1720)
    view.show()
    qtbot.waitExposed(view)
    view.start("", "", "vi")
    yield view
    qapp.setStyleSheet("")


def test_a_third_language_is_offered_by_its_own_name_and_chosen_for_the_call(
    form: CallbackView,
) -> None:
    names = [button.text() for button in form.language_buttons.values()]
    assert names == ["English", "Español", "Tiếng Việt"]
    assert form.language_buttons["vi"].isChecked()  # the language the patient reads in
    form.first_name.setText("Ann")
    form.last_name.setText("Lee")
    form.phone.setText("(201) 555-0123")  # fictional: 555-01xx
    form.period_buttons["morning"].click()
    form.consent.click()
    assert form.form().language == "vi"


def test_choices_are_grouped_under_their_question_in_the_language_shown(
    qapp: QApplication, form: CallbackView, assets_dir: Path
) -> None:
    """A screen reader names each group of choices by its question, and says its problem, in
    the language on screen (issue 19)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

    form.send_button.click()
    translator = QTranslator()
    assert translator.load("kiosk_es", str(assets_dir / "i18n"))
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale("es_US"))
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
        group = form.fields["when"].body
        assert group.accessibleName() == form.tr("{field}, {tag}").format(
            field=form.labels["when"].text(), tag=form.tags["when"].text().lower()
        )
        assert group.accessibleName().startswith("Mejor")
        assert group.accessibleDescription() == form.errors["when"].text()
        assert form.period_buttons["morning"].accessibleName() == "Mañana"
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
