"""The staff PIN pad and the hidden gesture that opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.core.theme import Look
from kiosk.storage.accounts import MAX_PIN, MIN_PIN
from kiosk.views.hold_gesture import HoldGesture
from kiosk.views.look import LookController
from kiosk.views.pin_view import DIGIT_DOT, DOTS_SHOWN, EMPTY_DOT, PinView


@pytest.fixture
def pad(qapp: QApplication, qtbot: QtBot, assets_dir: Path) -> Iterator[PinView]:
    LookController(qapp, assets_dir, Look())
    view = PinView()
    qtbot.addWidget(view)
    view.resize(1080, 1400)
    view.show()
    yield view
    qapp.setStyleSheet("")


def test_digits_show_as_dots_and_sign_in_reports_the_pin(qtbot: QtBot, pad: PinView) -> None:
    for digit in "4821937":
        pad.keys[digit].click()
    assert pad.entered == 7
    assert "4" not in pad.dots.text()
    pad.keys["delete"].click()
    with qtbot.waitSignal(pad.pin_entered) as entered:
        pad.sign_in_button.click()
    assert entered.args == ["482193"]
    assert pad.entered == 0


def _dots(pad: PinView) -> tuple[int, int]:
    text = pad.dots.text()
    return text.count(DIGIT_DOT), text.count(EMPTY_DOT)


def test_each_digit_entered_shows_as_one_more_dot_never_the_digit(pad: PinView) -> None:
    """An empty pad shows where the digits go (open dots, as many as the shortest PIN);
    each touch fills one, Delete empties one, Clear all."""
    assert pad.dots.isVisible()
    assert _dots(pad) == (0, MIN_PIN)
    for count, digit in enumerate("48219375", start=1):
        pad.keys[digit].click()
        assert _dots(pad) == (count, max(0, MIN_PIN - count))
        assert not any(character.isdigit() for character in pad.dots.text())
        assert pad.dots.accessibleName().startswith(f"{count} digit")
    pad.keys["delete"].click()
    assert _dots(pad) == (7, 0)
    pad.keys["clear"].click()
    assert _dots(pad) == (0, MIN_PIN)


def test_a_long_pin_can_be_typed_whole(qtbot: QtBot, pad: PinView) -> None:
    """Staff may have PINs up to MAX_PIN digits: the pad takes them all, showing a line of
    dots and how many more."""
    pin = "73915" * 5
    for digit in pin:
        pad.keys[digit].click()
    assert pad.entered == len(pin)
    assert pad.dots.text().endswith(f"+{len(pin) - DOTS_SHOWN}")
    assert pad.dots.width() >= pad.dots.sizeHint().width()
    with qtbot.waitSignal(pad.pin_entered) as entered:
        pad.sign_in_button.click()
    assert entered.args == [pin]
    assert len(pin) <= MAX_PIN


def test_a_wrong_pin_is_said_plainly_and_cleared(pad: PinView) -> None:
    pad.keys["1"].click()
    pad.show_wrong()
    assert pad.message.text() == "That PIN is not right. Please try again."
    assert pad.entered == 0


def test_a_wait_closes_the_pad_until_it_is_over(qtbot: QtBot, pad: PinView) -> None:
    pad.show_wait(29.2)
    assert "wait 30 seconds" in pad.message.text()
    pad.keys["5"].click()
    assert pad.entered == 0
    assert not pad.sign_in_button.isEnabled()
    pad.wait_timer.timeout.emit()  # the wait is over, without waiting for it
    pad.keys["5"].click()
    assert pad.entered == 1


def test_with_no_staff_the_pad_says_how_to_add_one(pad: PinView) -> None:
    pad.show_not_set_up()
    assert "kiosk staff add" in pad.message.text()
    assert not pad.keys["1"].isEnabled()


def test_cancel_forgets_the_digits(qtbot: QtBot, pad: PinView) -> None:
    pad.keys["9"].click()
    with qtbot.waitSignal(pad.cancelled):
        pad.cancel_button.click()
    assert pad.entered == 0


def test_every_key_is_big_and_named(pad: PinView) -> None:
    for key in pad.keys.values():
        assert key.height() >= 96
        assert key.accessibleName()


def test_holding_the_clinic_name_for_three_seconds_opens_staff_mode(qtbot: QtBot) -> None:
    label = QLabel("Clinic")
    qtbot.addWidget(label)
    label.show()
    gesture = HoldGesture(label)
    assert gesture.timer.interval() == 3000
    QTest.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert gesture.timer.isActive()
    with qtbot.waitSignal(gesture.held):
        gesture.timer.timeout.emit()  # three seconds pass, instantly


def test_letting_go_early_opens_nothing(qtbot: QtBot) -> None:
    label = QLabel("Clinic")
    qtbot.addWidget(label)
    label.show()
    gesture = HoldGesture(label)
    QTest.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QTest.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not gesture.timer.isActive()
