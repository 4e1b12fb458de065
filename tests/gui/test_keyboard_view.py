"""The on-screen keyboard: what a tap types into the focused field, which keeps the focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.theme import STANDARD, Look
from kiosk.views.keyboard_view import KeyboardView, Mode
from kiosk.views.look import LookController

DIALABLE = Qt.InputMethodHint.ImhDialableCharactersOnly


class Form(NamedTuple):
    """A window like the call-back form: a name field, a phone field, a button, the keyboard."""

    window: QWidget
    name: QLineEdit
    phone: QLineEdit
    button: QPushButton
    keyboard: KeyboardView


@pytest.fixture
def look(qapp: QApplication, assets_dir: Path) -> Iterator[LookController]:
    controller = LookController(qapp, assets_dir, Look())
    yield controller
    qapp.setStyleSheet("")


def show_form(qtbot: QtBot, look: LookController, width: int = 1080) -> Form:
    window = QWidget()
    # Like MainWindow, the window takes click focus, so a touch on a key could move focus there.
    window.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    name = QLineEdit()
    phone = QLineEdit()
    phone.setInputMethodHints(DIALABLE)
    button = QPushButton("Send")
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    keyboard = KeyboardView(look)
    column = QVBoxLayout(window)
    column.setContentsMargins(0, 0, 0, 0)
    for widget in (name, phone, button):
        column.addWidget(widget)
    column.addStretch(1)
    column.addWidget(keyboard)
    qtbot.addWidget(window)
    window.resize(width, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    return Form(window, name, phone, button, keyboard)


@pytest.fixture
def form(qtbot: QtBot, look: LookController) -> Form:
    return show_form(qtbot, look)


def tap(keyboard: KeyboardView, *names: str) -> None:
    """Touch keys by the names key() takes."""
    for name in names:
        keyboard.key(name).click()


def focus(qtbot: QtBot, field: QLineEdit, keyboard: KeyboardView) -> None:
    """What the form does when the patient touches a field."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    keyboard.follow_focus(field)


def test_tapping_letters_types_them(form: Form) -> None:
    tap(form.keyboard, *"maria")
    assert form.name.text() == "maria"


def test_shift_makes_one_capital_then_turns_itself_off(form: Form) -> None:
    keyboard = form.keyboard
    tap(keyboard, "Shift")
    assert keyboard.shift
    assert keyboard.key("Shift").isChecked()
    assert keyboard.key("m").text() == "M"
    tap(keyboard, "m", "a")
    assert form.name.text() == "Ma"
    # Through form.keyboard: mypy would keep `keyboard.shift` narrowed to True past the taps.
    assert not form.keyboard.shift
    assert not keyboard.key("Shift").isChecked()
    assert keyboard.key("m").text() == "m"


def test_tapping_shift_again_turns_it_off(form: Form) -> None:
    tap(form.keyboard, "Shift", "Shift", "a")
    assert form.name.text() == "a"


def test_the_form_can_start_a_name_with_a_capital(form: Form) -> None:
    form.keyboard.set_shift(True)
    assert form.keyboard.key("á").text() == "Á"
    tap(form.keyboard, "á", "n", "g", "e", "l")
    assert form.name.text() == "Ángel"


def test_spanish_accents(form: Form) -> None:
    tap(form.keyboard, "á", "é", "í", "ó", "ú", "ñ", "ü")
    assert form.name.text() == "áéíóúñü"
    tap(form.keyboard, "Shift", "ñ")
    assert form.name.text().endswith("Ñ")


def test_apostrophe_and_hyphen_for_names(form: Form) -> None:
    tap(form.keyboard, "Shift", "o", "'", "Shift", "n", "e", "i", "l")
    assert form.name.text() == "O'Neil"
    form.name.clear()
    tap(form.keyboard, "Shift", "s", "m", "i", "t", "h", "-", "Shift", "j", "o", "n", "e", "s")
    assert form.name.text() == "Smith-Jones"


def test_shift_waits_through_punctuation_for_a_letter(form: Form) -> None:
    tap(form.keyboard, "Shift", "'", "-", "Space", "d")
    assert form.name.text() == "'- D"
    assert not form.keyboard.shift


def test_space_and_backspace(form: Form) -> None:
    tap(form.keyboard, "a", "n", "a", "Space", "x")
    assert form.name.text() == "ana x"
    tap(form.keyboard, "Backspace", "Backspace")
    assert form.name.text() == "ana"


def test_keys_never_take_the_focus(form: Form) -> None:
    tap(form.keyboard, "a", "Shift", "b", "Space", "Backspace", "Done")
    assert QApplication.focusWidget() is form.name
    for mode in ("letters", "phone"):
        for key in form.keyboard.all_keys(mode):
            assert key.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert form.keyboard.focusPolicy() == Qt.FocusPolicy.NoFocus


def touch(key: QPushButton) -> None:
    """A finger on the key and off again, through Qt's touch handling as on the kiosk."""
    device = QTest.createTouchDevice()
    centre = key.rect().center()
    QTest.touchEvent(key, device).press(0, centre, key).commit()
    QTest.touchEvent(key, device).release(0, centre, key).commit()


def test_a_real_touch_leaves_the_focus_in_the_field(qtbot: QtBot, form: Form) -> None:
    # A real press (unlike click()) makes Qt give the focus to the nearest ancestor that takes
    # click focus: here the window, as MainWindow in the kiosk.
    touch(form.keyboard.key("s"))
    qtbot.waitUntil(lambda: form.name.text() == "s")
    assert QApplication.focusWidget() is form.name
    focus(qtbot, form.phone, form.keyboard)
    QTest.mouseClick(form.keyboard.key("5"), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is form.phone
    assert form.phone.text() == "5"


def test_a_phone_field_gets_the_number_pad(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.phone, form.keyboard)
    assert form.keyboard.mode == "phone"
    tap(form.keyboard, *"2015550123")
    assert form.phone.text() == "2015550123"
    tap(form.keyboard, "ext", "4", "5")
    assert form.phone.text() == "2015550123 ext 45"
    tap(form.keyboard, "Backspace")
    assert form.phone.text() == "2015550123 ext 4"


def test_the_letters_are_hidden_in_phone_mode(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.phone, form.keyboard)
    assert not any(key.isVisible() for key in form.keyboard.all_keys("letters"))
    shown = {key.text() for key in form.keyboard.all_keys() if key.isVisible()}
    assert shown == {*"0123456789", "ext", "Delete", "Done"}
    with pytest.raises(KeyError):
        form.keyboard.key("a")
    focus(qtbot, form.name, form.keyboard)
    assert form.keyboard.mode == "letters"
    assert form.keyboard.key("a").isVisible()


@pytest.mark.parametrize(
    ("hints", "mode"),
    [
        (Qt.InputMethodHint.ImhNone, "letters"),
        (Qt.InputMethodHint.ImhNoPredictiveText, "letters"),
        (DIALABLE, "phone"),
        (Qt.InputMethodHint.ImhDigitsOnly, "phone"),
        (DIALABLE | Qt.InputMethodHint.ImhNoPredictiveText, "phone"),
    ],
)
def test_the_mode_comes_from_the_fields_hints(
    qtbot: QtBot, hints: Qt.InputMethodHint, mode: str
) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setInputMethodHints(hints)
    assert KeyboardView.mode_for(field) == mode
    assert KeyboardView.mode_for(None) == "letters"


def test_a_physical_keyboard_still_works(qtbot: QtBot, form: Form) -> None:
    QTest.keyClicks(form.name, "Ana")
    assert form.name.text() == "Ana"


def test_done_is_reported_in_both_modes(qtbot: QtBot, form: Form) -> None:
    with qtbot.waitSignal(form.keyboard.done_pressed):
        tap(form.keyboard, "Done")
    form.keyboard.set_mode("phone")
    with qtbot.waitSignal(form.keyboard.done_pressed):
        tap(form.keyboard, "Done")
    assert form.name.text() == ""


def test_reset_gives_the_next_patient_lower_case_letters(form: Form) -> None:
    form.keyboard.set_mode("phone")
    form.keyboard.set_shift(True)
    form.keyboard.reset()
    assert form.keyboard.mode == "letters"
    assert not form.keyboard.shift
    assert form.keyboard.key("a").text() == "a"
    assert form.keyboard.key("a").isVisible()


@pytest.mark.parametrize("mode", ["letters", "phone"])
def test_every_key_is_big_and_named(form: Form, mode: Mode) -> None:
    form.keyboard.set_mode(mode)
    keys = form.keyboard.all_keys()
    assert all(key.isVisible() for key in keys)
    assert all(key.height() >= 96 for key in keys)
    assert all(key.accessibleName() for key in keys)
    names = {key.accessibleName() for key in keys}
    assert {"Backspace", "Done"} <= names


def test_keys_are_named_for_what_they_type(form: Form) -> None:
    keyboard = form.keyboard
    assert [keyboard.key(n).accessibleName() for n in ("Shift", "Space", "a", "'")] == [
        "Shift",
        "Space",
        "a",
        "Apostrophe",
    ]
    keyboard.set_shift(True)
    assert keyboard.key("a").accessibleName() == "A"


def key_span(keyboard: KeyboardView) -> QRect:
    span = QRect()
    for key in keyboard.all_keys():
        span = span.united(QRect(key.mapTo(keyboard, QPoint(0, 0)), key.size()))
    return span


@pytest.mark.parametrize("text_size", [100, 200])
def test_fits_a_portrait_screen(qtbot: QtBot, look: LookController, text_size: int) -> None:
    look.set_look(Look(STANDARD, text_size))
    form = show_form(qtbot, look)
    keyboard = form.keyboard
    for mode in ("letters", "phone"):
        keyboard.set_mode(mode)
        assert keyboard.rect().contains(key_span(keyboard))
        assert keyboard.width() == 1080


def test_stays_within_reach_on_a_landscape_screen(qtbot: QtBot, look: LookController) -> None:
    form = show_form(qtbot, look, width=1920)
    keyboard = form.keyboard
    span = key_span(keyboard)
    assert 1200 <= span.width() <= 1400
    assert abs(span.center().x() - keyboard.rect().center().x()) <= 2


def test_nothing_happens_when_no_field_has_focus(qtbot: QtBot, form: Form) -> None:
    form.name.clearFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is None)
    tap(form.keyboard, "a", "Shift", "b", "Space", "Backspace", "Done")
    assert form.name.text() == ""


def test_keys_do_not_press_a_focused_button(qtbot: QtBot, form: Form) -> None:
    form.button.setFocus()
    qtbot.waitUntil(form.button.hasFocus)
    with qtbot.assertNotEmitted(form.button.clicked):
        tap(form.keyboard, "Space", "a", "Backspace")
    assert form.name.text() == ""
