"""The form offers the configured languages, by their own names, and a third one works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.core.theme import Look
from kiosk.views.callback_view import CallbackView
from kiosk.views.look import LookController


@pytest.fixture
def form(qapp: QApplication, qtbot, assets_dir: Path) -> Iterator[CallbackView]:  # type: ignore[no-untyped-def]
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
