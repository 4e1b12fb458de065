"""The form's hardest moments on the smallest screen the kiosk supports (1280x800): errors shown
with the keyboard up, the thank-you page and the idle warning, in both languages at both ends
of the text sizes. Nothing clipped, the window never taller than the screen, and the field
being typed in whole between the top bar and the keyboard with no label cut in half."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.core.navigation import Route, Screen
from kiosk.views.callback_view import CallbackView
from tests.conftest import screen
from tests.e2e.test_accessibility import _clipped

SIZE = (1280, 800)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _form(kiosk: Kiosk) -> CallbackView:
    kiosk.shell.go(Route(Screen.CALLBACK))
    return screen(kiosk, CallbackView)


def _errors(kiosk: Kiosk) -> None:
    kiosk.window.activateWindow()
    _form(kiosk).send_button.click()


def _thanks(kiosk: Kiosk) -> None:
    _form(kiosk).show_saved(
        "7KX-M3R", "(201) 555-0123", ("morning", "evening"), days=("mon", "wed"), language="es"
    )


def _warning(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    kiosk.idle.idle_timer.timeout.emit()


SCREENS: dict[str, Callable[[Kiosk], None]] = {
    "errors": _errors,
    "thanks": _thanks,
    "idle-warning": _warning,
}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 200])
def test_nothing_is_clipped_on_a_small_screen(
    kiosk: Kiosk, screen: str, language: str, text_size: int
) -> None:
    kiosk.look.set_look(kiosk.look.look._replace(text_size=text_size))
    kiosk.shell.set_language(language)
    kiosk.window.resize(*SIZE)
    kiosk.window.setProperty("wanted_size", SIZE)
    SCREENS[screen](kiosk)
    _settle()
    assert _clipped(kiosk) == []


@pytest.mark.parametrize("text_size", [100, 200])
def test_the_field_typed_in_shows_whole_between_the_top_bar_and_the_keyboard(
    kiosk: Kiosk, text_size: int
) -> None:
    kiosk.look.set_look(kiosk.look.look._replace(text_size=text_size))
    kiosk.window.resize(*SIZE)
    _errors(kiosk)
    _settle()
    form = screen(kiosk, CallbackView)
    assert kiosk.window.size().toTuple() == SIZE
    assert form.keyboard.isVisible()
    area = form.pages.currentWidget()
    assert area is not None
    top = area.mapTo(kiosk.window, QPoint(0, 0)).y()
    bottom = form.keyboard.mapTo(kiosk.window, QPoint(0, 0)).y()
    field = form.first_name
    field_top = field.mapTo(kiosk.window, QPoint(0, 0)).y()
    assert top <= field_top
    assert field_top + field.height() <= bottom
    # Its label shows whole, or not at all: never cut in half by the top bar.
    label = form.labels["first_name"]
    label_top = label.mapTo(kiosk.window, QPoint(0, 0)).y()
    assert label_top >= top or label_top + label.height() <= top
