"""The kiosk window: refuses to close in kiosk mode, closes normally in development, and opens
at a size that fits the screen in development."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAccessibleInterface, QCloseEvent, QFontInfo, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.theme import Look
from kiosk.views.icons import IconSet
from kiosk.views.look import LookController
from kiosk.views.main_window import MainWindow, windowed_size
from tests.gui.conftest import settle


class MakeWindow(Protocol):
    """A shown main window, in kiosk mode or not, with one plain screen."""

    def __call__(
        self, *, kiosk_mode: bool, clinic: str = "Test Clinic", phone: str = "(201) 555-0123"
    ) -> MainWindow: ...


@pytest.fixture
def look(qapp: QApplication, assets_dir: Path) -> Iterator[LookController]:
    controller = LookController(qapp, assets_dir, Look())
    yield controller
    qapp.setStyleSheet("")


@pytest.fixture
def make_window(qtbot: QtBot, look: LookController, assets_dir: Path) -> MakeWindow:
    def make(
        *, kiosk_mode: bool, clinic: str = "Test Clinic", phone: str = "(201) 555-0123"
    ) -> MainWindow:
        window = MainWindow(
            look, IconSet(assets_dir / "icons"), clinic, phone, kiosk_mode=kiosk_mode
        )
        qtbot.addWidget(window)
        window.add_screen(QLabel("screen"))
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def _plain_screen(window: MainWindow) -> QWidget:
    """The one screen make_window gives the window."""
    screen = window.stack.widget(0)
    assert screen is not None
    return screen


def test_kiosk_mode_window_refuses_to_close(make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=True)
    assert not window.close()
    assert window.isVisible()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_kiosk_mode_window_refuses_the_systems_close_request(make_window: MakeWindow) -> None:
    """What a window manager's Alt+F4 or the compositor's close does: a close request from the
    platform, delivered to the window through Qt's window-system path."""
    window = make_window(kiosk_mode=True)
    assert not window.windowHandle().close()
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.isVisible()


LEAVING_KEYS = pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ],
)


def taken(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> bool:
    """Press `key` on `widget` as the keyboard would; whether the kiosk kept it for itself.

    A key a widget ignores goes on to its parent, and one the window ignores is left to
    whatever acts on unused keys (a shortcut, the platform). A plain QWidget ignores them all.
    """
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


@LEAVING_KEYS
def test_kiosk_mode_keys_do_not_leave(
    qtbot: QtBot, make_window: MakeWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    window = make_window(kiosk_mode=True)
    # The window, a top-bar button and the screen shown: wherever the focus is, the key stops.
    shown = window.stack.currentWidget()
    assert shown is not None
    for widget in (window, window.home_button, shown):
        assert taken(widget, key, modifier), widget
    QTest.keyClick(window, key, modifier)
    assert window.isVisible()


@LEAVING_KEYS
def test_windowed_mode_passes_the_same_keys_on(
    make_window: MakeWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    """The control for the test above: only kiosk mode keeps these keys from the system."""
    window = make_window(kiosk_mode=False)
    assert not taken(window, key, modifier)


def test_staff_exit_lets_the_kiosk_window_close(make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=True)
    window.allow_close()
    assert window.close()
    assert not window.isVisible()


def test_windowed_mode_closes_normally(make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=False)
    assert window.close()
    assert not window.isVisible()


def test_footer_shows_the_clinic_and_its_phone(make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=False)
    assert window.clinic_label.text() == "Test Clinic"
    shown = window.phone_label.text().replace("\u2011", "-").replace("\u00a0", " ")
    assert shown == "Call us: (201) 555-0123"
    assert window.phone_label.accessibleName() == "Call us: (201) 555-0123"


def test_back_is_hidden_where_there_is_nowhere_to_go_back(make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=False)
    screen = _plain_screen(window)
    window.set_screen(screen, can_go_back=False)
    assert not window.back_button.isVisible()
    window.set_screen(screen, can_go_back=True)
    assert window.back_button.isVisible()


def test_home_takes_the_left_edge_when_there_is_no_back(make_window: MakeWindow) -> None:
    """No empty gap where Back would be: on home, Home is the first thing in the bar."""
    window = make_window(kiosk_mode=False)
    screen = _plain_screen(window)
    window.set_screen(screen, can_go_back=True)
    settle()
    back = window.back_button.geometry()
    assert window.home_button.geometry().left() > back.right()
    window.set_screen(screen, can_go_back=False)
    settle()
    assert window.home_button.geometry().left() == back.left()


BAR_BUTTONS = ("back_button", "home_button", "contrast_button", "text_size_button")


def _icon_to_words(button: QToolButton) -> float:
    return button.iconSize().height() / QFontInfo(button.font()).pixelSize()


@pytest.mark.parametrize("text_size", [125, 150, 175, 200])
def test_top_bar_icons_grow_as_their_words_do(
    make_window: MakeWindow, look: LookController, text_size: int
) -> None:
    window = make_window(kiosk_mode=False)
    window.set_screen(_plain_screen(window), can_go_back=True)
    normal = {name: _icon_to_words(getattr(window, name)) for name in BAR_BUTTONS}
    look.set_look(Look(text_size=text_size))
    settle()
    for name in BAR_BUTTONS:
        button = getattr(window, name)
        assert _icon_to_words(button) >= normal[name] * 0.95, name


@pytest.mark.parametrize("text_size", [100, 200])
def test_a_tall_screen_never_squeezes_the_top_bar(
    make_window: MakeWindow, look: LookController, text_size: int
) -> None:
    """A screen that would like more height than there is (a long page) takes it from its own
    scrolling, not from the words under the top bar's icons."""
    window = make_window(kiosk_mode=False)
    tall = QLabel("line\n" * 200)
    window.add_screen(tall)
    window.set_screen(tall, can_go_back=True)
    look.set_look(Look(text_size=text_size))
    window.resize(1280, 800)
    settle()
    for name in BAR_BUTTONS:
        button = getattr(window, name)
        assert button.height() >= button.sizeHint().height(), name


def _text_rect(label: QLabel, window: QWidget) -> QRect:
    """Where the label's words are drawn, in the window."""
    flags = int(label.alignment())
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap)
    drawn = label.fontMetrics().boundingRect(label.contentsRect(), flags, label.text())
    return drawn.translated(label.mapTo(window, QPoint(0, 0)))


LONG_NAME = "Spine and Pain Clinic of Texas, Dallas Waiting Room North"


@pytest.mark.parametrize("width", [720, 800, 1080, 1280, 1920])
@pytest.mark.parametrize("text_size", [100, 200])
@pytest.mark.parametrize("clinic", ["Spine and Pain Clinic of Texas", LONG_NAME])
def test_the_footers_words_never_touch(
    make_window: MakeWindow, look: LookController, width: int, text_size: int, clinic: str
) -> None:
    """The clinic's name and the phone number: side by side with at least a letter's height
    between them, or one above the other; neither cut off."""
    window = make_window(kiosk_mode=False, clinic=clinic, phone="+1 (214) 256-3900")
    look.set_look(Look(text_size=text_size))
    window.resize(width, 900)
    settle()
    name = _text_rect(window.clinic_label, window)
    phone = _text_rect(window.phone_label, window)
    assert not name.intersects(phone)
    if phone.top() < name.bottom():  # side by side
        assert phone.left() - name.right() >= window.phone_label.fontMetrics().height()
    for label in (window.clinic_label, window.phone_label):
        assert label.height() >= label.heightForWidth(label.width()) or not label.wordWrap()
        assert label.mapTo(window, QPoint(label.width(), 0)).x() <= window.width()
    assert window.phone_label.width() >= window.phone_label.sizeHint().width()


def test_language_button_hidden_with_one_language(make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=False)
    window.set_language_choice("")
    assert not window.language_button.isVisible()
    window.set_language_choice("Español")
    assert window.language_button.isVisible()
    assert window.language_button.text() == "Español"


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        ((1920, 1040), (1280, 800)),  # a desktop monitor less its panel: the usual window
        ((1280, 800), (1280, 800)),  # exactly the free area
        ((1366, 728), (1164, 728)),  # a 1366x768 laptop less a 40-pixel panel: as tall as fits
        ((1024, 600), (960, 600)),  # a netbook
        ((1080, 1880), (800, 1280)),  # a portrait screen 1080 wide: a portrait window
        ((768, 1326), (768, 1228)),  # a laptop turned on its side: as wide as fits
    ],
)
def test_windowed_size_fits_the_screen(
    available: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert windowed_size(available) == expected


@given(st.integers(320, 8192), st.integers(320, 8192))
def test_windowed_size_never_overflows_and_keeps_its_shape(width: int, height: int) -> None:
    got_width, got_height = windowed_size((width, height))
    assert 0 < got_width <= width
    assert 0 < got_height <= height
    assert (got_width >= got_height) == (width >= height)  # portrait screen, portrait window
    long, short = max(got_width, got_height), min(got_width, got_height)
    assert abs(long * 5 - short * 8) < 8  # 16:10, give or take the rounding down


# -- what a screen reader finds (issue 19) ---------------------------------------------------------


def _interface(thing: QObject) -> QAccessibleInterface:
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(thing)
    assert interface is not None
    return interface


def test_the_window_is_a_frame_named_for_the_screen_it_shows(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    from PySide6.QtGui import QAccessible

    window = make_window(kiosk_mode=True, clinic="Spine and Pain Clinic of Texas")
    assert _interface(window).role() == QAccessible.Role.Window  # AT-SPI's "frame", not filler
    screen = _plain_screen(window)
    with qtbot.waitSignal(window.announced) as heard:
        window.set_screen(screen, can_go_back=True, name="Symptoms")
    assert heard.args == ["Symptoms"]
    assert window.accessibleName() == "Symptoms \u2014 Spine and Pain Clinic of Texas"
    assert window.windowTitle() == window.accessibleName()
    with qtbot.waitSignal(window.announced) as heard:
        window.set_screen(screen, can_go_back=False, name="Thank you!", said="Thank you! Code: A 7")
    assert heard.args == ["Thank you! Code: A 7"]
    assert window.accessibleName() == "Thank you! \u2014 Spine and Pain Clinic of Texas"


def test_contrast_and_text_size_say_what_they_are_set_to(
    make_window: MakeWindow, look: LookController
) -> None:
    window = make_window(kiosk_mode=True)
    assert window.contrast_button.accessibleDescription() == "High contrast is off."
    assert window.text_size_button.accessibleDescription() == "Text at 100 %."
    look.toggle_contrast()  # what the shell does when they are pressed
    look.next_text_size()
    assert window.contrast_button.accessibleDescription() == "High contrast is on."
    assert window.text_size_button.accessibleDescription() == "Text at 125 %."


def test_the_program_describes_itself_in_words(make_window: MakeWindow) -> None:
    from PySide6.QtGui import QAccessible

    make_window(kiosk_mode=True, clinic="Spine and Pain Clinic of Texas")
    app = QApplication.instance()
    assert app is not None
    program = _interface(app)
    assert program.role() == QAccessible.Role.Application
    assert program.text(QAccessible.Text.Description) == (
        "Information about back pain from Spine and Pain Clinic of Texas, and a way to ask them"
        " to call you."
    )
