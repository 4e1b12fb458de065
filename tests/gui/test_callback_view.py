"""The callback form: typing with the on-screen keyboard, checking, and what is wiped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.callback_form import CallbackRequest
from kiosk.core.theme import STANDARD, Look
from kiosk.views.callback_view import CallbackView
from kiosk.views.icons import IconSet
from kiosk.views.look import LookController


@pytest.fixture
def form(qapp: QApplication, qtbot: QtBot, assets_dir: Path) -> Iterator[CallbackView]:
    look = LookController(qapp, assets_dir, Look())
    view = CallbackView(look, IconSet(assets_dir / "icons"), retention_days=45)
    qtbot.addWidget(view)
    view.resize(1080, 1720)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.start("topic:surgery", "Surgery", "en")
    yield view
    qapp.setStyleSheet("")


def focus(qtbot: QtBot, field: QLineEdit) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)


def tap(form: CallbackView, *keys: str) -> None:
    for name in keys:
        form.keyboard.key(name).click()


def fill_valid(form: CallbackView, qtbot: QtBot) -> None:
    focus(qtbot, form.first_name)
    tap(form, "a", "n", "a")
    form.last_name.setText("O'Quux")
    focus(qtbot, form.phone)
    tap(form, *"2015550123")
    form.period_buttons["afternoon"].click()
    form.consent.click()


def test_a_fresh_form_is_empty_about_the_topic_and_never_pre_ticked(form: CallbackView) -> None:
    assert form.first_name.text() == form.phone.text() == ""
    assert not form.consent.isChecked()
    assert form.topic_button.isChecked()
    assert form.topic_button.text() == "Surgery"
    assert form.language_buttons["en"].isChecked()


def test_tapping_keys_types_into_the_focused_field(qtbot: QtBot, form: CallbackView) -> None:
    focus(qtbot, form.first_name)
    assert form.keyboard.isVisible()
    assert form.keyboard.mode == "letters"
    tap(form, "j", "o", "s", "é")
    assert form.first_name.text() == "José"  # an empty name field starts with a capital
    assert form.first_name.hasFocus()


def test_the_phone_gets_the_number_pad_and_formats_as_typed(
    qtbot: QtBot, form: CallbackView
) -> None:
    focus(qtbot, form.phone)
    assert form.keyboard.mode == "phone"
    tap(form, *"2015550123")
    assert form.phone.text() == "(201) 555-0123"


def test_the_field_being_typed_in_is_never_under_the_keyboard(
    qtbot: QtBot, form: CallbackView
) -> None:
    form.resize(1920, 1000)  # landscape leaves little room above the keyboard
    for field in (form.first_name, form.phone, form.note):
        focus(qtbot, field)
        qtbot.waitUntil(form.keyboard.isVisible)
        QApplication.processEvents()
        bottom = field.mapTo(form, QPoint(0, field.height())).y()
        assert bottom <= form.keyboard.mapTo(form, QPoint(0, 0)).y()
        assert field.mapTo(form, QPoint(0, 0)).y() >= 0


def test_sending_an_empty_form_explains_each_problem_and_focuses_the_first(
    qtbot: QtBot, form: CallbackView
) -> None:
    with qtbot.assertNotEmitted(form.submitted):
        form.send_button.click()
    assert form.errors["first_name"].isVisible()
    # What we need and why, in words, for each field: not a bare "required".
    assert form.errors["first_name"].text() == "We need your first name to know who to ask for."
    assert form.errors["last_name"].text() == "We need your last name to find your records."
    assert form.errors["phone"].text() == "We need your phone number to call you."
    assert form.errors["when"].text() == (
        "Please choose morning, afternoon or evening, so we call when it suits you."
    )
    assert form.errors["consent"].text() == "We can only call you if you tick this box."
    assert not form.errors["note"].isVisible()  # optional and empty: nothing to say
    qtbot.waitUntil(form.first_name.hasFocus)


def _edge(widget: QWidget) -> str:
    """The colour of a widget's left edge, half-way down, as drawn."""
    return widget.grab().toImage().pixelColor(2, widget.height() // 2).name()


def test_a_problem_shows_a_red_edge_an_icon_and_words(form: CallbackView) -> None:
    urgent = STANDARD.urgent.lower()
    assert _edge(form.phone) != urgent
    form.send_button.click()
    QApplication.processEvents()
    for key, widget in (("phone", form.phone), ("when", form.period_buttons["evening"])):
        assert _edge(widget) == urgent, key
        assert form.error_icons[key].isVisible()
        assert not form.error_icons[key].pixmap().isNull()
        assert form.errors[key].text()
    # Red while it has the focus too: the focus ring's colour never stands for the error.
    form.phone.setFocus()
    QApplication.processEvents()
    assert _edge(form.phone) == urgent
    # Fixed, the edge and the words go.
    form.phone.setText("(201) 555-0123")
    form.send_button.click()
    QApplication.processEvents()
    assert _edge(form.phone) != urgent
    assert not form.error_icons["phone"].isVisible()


def test_every_field_says_whether_it_is_required_or_optional(form: CallbackView) -> None:
    tags = {key: tag.text() for key, tag in form.tags.items() if tag.isVisible()}
    assert tags == {
        "first_name": "Required",
        "last_name": "Required",
        "phone": "Required",
        "days": "Optional",
        "when": "Required",
        "topic": "Optional",
        "note": "Optional",
        "language": "Required",
        "consent": "Required",
    }
    assert form.phone.accessibleName() == "Phone number, required"
    assert form.note.accessibleName() == "Anything else?, optional"
    assert not any("optional" in label.text() for label in form.labels.values())


def test_a_lock_says_who_sees_the_request_and_how_long_it_is_kept(form: CallbackView) -> None:
    assert form.privacy_label.isVisible()
    assert "clinic's staff" in form.privacy_label.text()
    assert "45 day" in form.privacy_label.text()  # the retention setting, not a fixed number
    assert not form.privacy_icon.pixmap().isNull()


def test_on_a_landscape_screen_the_form_keeps_a_readable_width(form: CallbackView) -> None:
    form.resize(1920, 1000)
    QApplication.processEvents()
    assert form.phone.width() <= 1000
    left = form.phone.mapTo(form, QPoint(0, 0)).x()
    right = form.width() - left - form.phone.width()
    assert abs(left - right) <= 24  # centred (the scroll bar takes a little on the right)


def test_a_field_is_checked_when_the_patient_leaves_it(qtbot: QtBot, form: CallbackView) -> None:
    focus(qtbot, form.phone)
    tap(form, *"5550123")
    focus(qtbot, form.note)
    assert form.errors["phone"].isVisible()
    assert "area code" in form.errors["phone"].text()
    assert not form.errors["first_name"].isVisible()  # not touched, not scolded


def test_a_valid_form_is_reported_as_a_clean_request(qtbot: QtBot, form: CallbackView) -> None:
    fill_valid(form, qtbot)
    with qtbot.waitSignal(form.submitted) as sent:
        form.send_button.click()
    request, consent = sent.args
    assert isinstance(request, CallbackRequest)
    assert (request.first_name, request.last_name) == ("Ana", "O'Quux")
    assert request.phone.e164 == "+12015550123"
    assert request.periods == ("afternoon",)
    assert request.topic == "topic:surgery"
    assert consent == form.consent.wording()


def test_after_saving_every_field_is_wiped_and_the_code_shown(
    qtbot: QtBot, form: CallbackView
) -> None:
    fill_valid(form, qtbot)
    form.show_saved("7KX-M3R", "(201) 555-0123", ("afternoon",))
    assert form.pages.currentIndex() == 1
    assert form.reference_label.text() == "7KX-M3R"
    # The call's language is the one the form had chosen.
    assert form.next_label.text() == (
        "We will call you at (201) 555-0123 on any day, in the afternoon, in English."
    )
    assert form.first_name.text() == form.last_name.text() == form.phone.text() == ""
    assert not form.consent.isChecked()
    assert not any(b.isChecked() for b in form.period_buttons.values())
    assert not form.keyboard.isVisible()
    assert not form.keyboard.shift


def test_a_failed_save_keeps_everything_and_says_so_kindly(
    qtbot: QtBot, form: CallbackView
) -> None:
    fill_valid(form, qtbot)
    form.show_save_failed()
    assert form.status_label.isVisible()
    assert "couldn't save your request" in form.status_label.text()
    assert "front desk" in form.status_label.text()
    assert form.first_name.text() == "Ana"
    assert form.phone.text() == "(201) 555-0123"
    assert form.consent.isChecked()


def test_a_physical_keyboard_works_too(qtbot: QtBot, form: CallbackView) -> None:
    focus(qtbot, form.last_name)
    QTest.keyClicks(form.last_name, "Nguyen")
    assert form.last_name.text() == "Nguyen"


def test_every_control_has_an_accessible_name(form: CallbackView) -> None:
    controls: list[QLineEdit | QAbstractButton] = [
        form.first_name,
        form.last_name,
        form.phone,
        form.note,
        form.consent,
        *form.day_buttons.values(),
        *form.period_buttons.values(),
    ]
    for control in controls:
        assert control.accessibleName() or control.text()


def test_form_and_keyboard_fit_a_landscape_screen_at_the_largest_text(
    qtbot: QtBot, form: CallbackView
) -> None:
    look = form.keyboard._look
    look.set_look(Look(text_size=200))
    focus(qtbot, form.phone)
    qtbot.waitUntil(form.keyboard.isVisible)
    # What the kiosk window has for a screen between its top bar and footer.
    assert form.minimumSizeHint().height() <= 1080 - 250


# -- what a screen reader finds (issue 19) ---------------------------------------------------------


def _interface(widget: QWidget) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface


def _related(widget: QWidget, kind: QAccessible.RelationFlag) -> list[QObject]:
    return [other.object() for other, relation in _interface(widget).relations() if relation & kind]


def test_each_field_is_labelled_by_its_label_and_choices_by_their_question(
    form: CallbackView,
) -> None:
    label = QAccessible.RelationFlag.Label
    for key in ("first_name", "last_name", "phone", "note"):
        assert _related(form.fields[key].body, label) == [form.labels[key]]
    assert form.first_name.accessibleName() == "First name, required"
    group = form.fields["when"].body
    assert _interface(group).role() == QAccessible.Role.Grouping
    assert _interface(group).text(QAccessible.Text.Name) == "Best time to call, required"
    assert _related(group, label) == [form.labels["when"]]
    assert all(button.parentWidget() is group for button in form.period_buttons.values())
    assert form.fields["days"].body.accessibleName() == "Best days to call, optional"


def test_a_problem_is_an_alert_about_its_field_or_group(qtbot: QtBot, form: CallbackView) -> None:
    form.send_button.click()
    problem = form.errors["when"]
    said = "Please choose morning, afternoon or evening, so we call when it suits you."
    assert _interface(problem).role() == QAccessible.Role.AlertMessage
    assert _interface(problem).text(QAccessible.Text.Name) == said
    group = form.fields["when"].body
    assert _related(problem, QAccessible.RelationFlag.Described) == [group]
    assert _interface(group).state().invalid
    assert _interface(group).text(QAccessible.Text.Description) == said
    # Each choice says it too when it gets the focus.
    assert {b.accessibleDescription() for b in form.period_buttons.values()} == {said}
    assert _related(form.errors["phone"], QAccessible.RelationFlag.Described) == [form.phone]
    form.period_buttons["evening"].click()
    form.send_button.click()
    assert not _interface(group).state().invalid
    assert form.period_buttons["morning"].accessibleDescription() == ""
