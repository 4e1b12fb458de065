"""A new text size or contrast restyles the part of the window on view at once, and every other
screen by the time it is shown: never a screen, or the space around one, in the old look."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import TEXT_SIZES, Config
from kiosk.core.navigation import HOME, Route, Screen
from kiosk.core.theme import HIGH_CONTRAST, STANDARD, Look, stylesheet
from kiosk.views.spine_view import SpineView
from tests.conftest import shown_kiosk

SCREENS: dict[str, Callable[[Kiosk], None]] = {
    "home": lambda k: k.shell.go(HOME),
    "topic": lambda k: k.shell.go(Route(Screen.TOPIC, "causes")),
    "spine": lambda k: k.shell.go(Route(Screen.SPINE, "discs")),
    "callback": lambda k: k.shell.go(Route(Screen.CALLBACK)),
    "attract": lambda k: k.shell.show_attract(),
}


def _seen(kiosk: Kiosk) -> QImage:
    for _ in range(3):
        QApplication.processEvents()
    return kiosk.window.grab().toImage()


@pytest.mark.parametrize("name", SCREENS)
@pytest.mark.parametrize("wait", [True, False], ids=["caught-up", "at-once"])
def test_each_screen_shows_in_the_new_contrast(
    qtbot: QtBot,
    kiosk: Kiosk,
    name: str,
    wait: bool,
) -> None:
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    kiosk.window.contrast_button.click()  # on home: every other screen hidden
    if wait:
        qtbot.waitUntil(lambda: kiosk.shell.warm)
    SCREENS[name](kiosk)
    image = _seen(kiosk)
    black = QColor(HIGH_CONTRAST.background).rgb()
    # The left edge and the right part of the screen, under the top bar: the screen's own
    # background, or what is behind it.
    top = kiosk.window.stack.geometry().top() + 10
    for x, y in ((2, top), (2, image.height() // 2), (image.width() - 40, top + 200)):
        assert image.pixel(x, y) == black, f"{name}: ({x}, {y}) is not in the new look"


def test_text_on_view_takes_a_new_text_size_at_once(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    title = kiosk.topic.title_label
    before = title.fontInfo().pixelSize()
    bar_word = kiosk.window.findChildren(QLabel)[0]
    bar_before = bar_word.fontInfo().pixelSize()
    kiosk.window.text_size_button.click()
    assert title.fontInfo().pixelSize() > before
    assert bar_word.fontInfo().pixelSize() >= bar_before


def _pixels_of(image: QImage, colour: str) -> int:
    rgb = QColor(colour).rgb()
    return sum(
        image.pixel(x, y) == rgb
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
    )


@pytest.mark.parametrize("wait", [True, False], ids=["caught-up", "at-once"])
def test_the_spine_drawing_shows_in_the_new_contrast(
    qtbot: QtBot, kiosk: Kiosk, wait: bool
) -> None:
    """The drawing takes its colours when the spine is shown or catches up: a new look on
    another screen does not redraw it while hidden, but it never shows the old colours."""
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    kiosk.window.contrast_button.click()  # on home: the spine hidden
    if wait:
        qtbot.waitUntil(lambda: kiosk.shell.warm)
    SCREENS["spine"](kiosk)
    _seen(kiosk)
    spine = kiosk.window.stack.currentWidget()
    assert isinstance(spine, SpineView)
    image = spine.canvas.viewport().grab().toImage()
    assert _pixels_of(image, HIGH_CONTRAST.spine_bone) > 100
    assert _pixels_of(image, STANDARD.spine_bone) == 0


def test_a_page_scrolls_to_its_last_line_after_a_new_text_size(kiosk: Kiosk) -> None:
    """A restyle keeps the style change from the scroll area until the page's words have their
    new size (LookController._restyle): the scroll range must still cover the larger page."""
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    area = kiosk.topic.findChildren(QScrollArea)[0]
    for _ in range(len(TEXT_SIZES)):
        kiosk.window.text_size_button.click()
        _seen(kiosk)
        page, bar = area.widget(), area.verticalScrollBar()
        assert page is not None
        assert page.height() >= page.sizeHint().height()
        assert bar.maximum() == page.height() - area.viewport().height()


def _home_background(kiosk: Kiosk) -> int:
    image = _seen(kiosk)
    return image.pixel(2, kiosk.window.stack.geometry().top() + 10)


def test_home_readied_for_the_next_patient_still_shows_in_the_patients_look(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    """During the idle warning home, hidden, takes the clinic's look ahead of the reset. A
    patient who answers "I'm still here" and goes home sees it in their own look; one who
    does not finds it in the clinic's."""
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    kiosk.window.contrast_button.click()
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    kiosk.idle.idle_timer.timeout.emit()
    kiosk.idle.tick_timer.timeout.emit()  # the second second: home is made ready
    kiosk.idle.still_here()
    kiosk.shell.go(HOME)
    assert _home_background(kiosk) == QColor(HIGH_CONTRAST.background).rgb()

    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    kiosk.idle.idle_timer.timeout.emit()
    while kiosk.idle.warning:
        kiosk.idle.tick_timer.timeout.emit()
    assert kiosk.window.stack.currentWidget() is kiosk.home
    assert _home_background(kiosk) == QColor(STANDARD.background).rgb()


@pytest.mark.parametrize("name", ["home", "callback", "spine"])
@pytest.mark.parametrize("button", ["contrast_button", "text_size_button"])
def test_a_screen_takes_a_look_chosen_elsewhere_as_if_chosen_on_it(
    qtbot: QtBot, kiosk: Kiosk, name: str, button: str
) -> None:
    """Hidden, home, the form and the spine leave their own part of a new look (icons, tiles,
    the keyboard, the drawing) for when they are shown: then they look exactly as when the
    look is chosen on them."""
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    getattr(kiosk.window, button).click()  # on the topic page: the others hidden
    SCREENS[name](kiosk)
    chosen_elsewhere = _seen(kiosk)
    kiosk.look.set_look(kiosk.look.default)
    getattr(kiosk.window, button).click()  # the same look again, chosen on the screen
    assert _seen(kiosk) == chosen_elsewhere


def test_the_bars_look_as_the_whole_stylesheet_would_draw_them(kiosk: Kiosk) -> None:
    """The top bar and footer take each new look from frame.qss alone, and are not restyled for
    a text size past 150 %, where their words stop growing: in every look they must be pixel
    for pixel what the kiosk's whole stylesheet of that look draws (a rule for them in another
    sheet, or a size of theirs that still grows, would show here)."""
    bars = [kiosk.window.top_bar, kiosk.window.findChild(QWidget, "Footer")]
    for palette in (HIGH_CONTRAST, STANDARD):
        for size in TEXT_SIZES:
            look = Look(palette, size)
            kiosk.look.set_look(look)
            kept = [_bar_image(kiosk, bar) for bar in bars]
            whole = stylesheet(kiosk.look._qss_template, look)
            for bar in bars:
                assert isinstance(bar, QWidget)
                sheet = bar.styleSheet()
                bar.setStyleSheet(whole)
                assert _bar_image(kiosk, bar) == kept[bars.index(bar)], (palette.name, size)
                bar.setStyleSheet(sheet)


def _bar_image(kiosk: Kiosk, bar: QWidget | None) -> QImage:
    assert bar is not None
    _seen(kiosk)
    return bar.grab().toImage()


def test_a_touch_before_the_new_look_is_painted_still_lets_the_pages_be_made_again(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    """The pages let go of for a new look are made again from the turn after the screen is
    painted; a touch that takes the patient elsewhere first must not stop that for good."""
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    kiosk.window.contrast_button.click()
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))  # before home is painted again
    qtbot.waitUntil(lambda: kiosk.shell.warm)


def test_a_clinics_own_assets_from_before_frame_qss_still_style_the_bars(
    qapp: QApplication, qtbot: QtBot, config: Config, assets_dir: Path, tmp_path: Path
) -> None:
    """A clinic's own assets folder ([paths] assets_dir) copied before frame.qss was split off
    style.qss has the bars' rules in style.qss: the kiosk starts, and its bars take new looks."""
    own = tmp_path / "assets"
    shutil.copytree(assets_dir, own)
    frame = own / "frame.qss"
    style = own / "style.qss"
    style.write_text(frame.read_text(encoding="utf-8") + style.read_text(encoding="utf-8"))
    frame.unlink()
    kiosk = shown_kiosk(qapp, qtbot, config._replace(paths=config.paths._replace(assets_dir=own)))
    try:
        button = kiosk.window.text_size_button
        before = button.fontInfo().pixelSize()
        button.click()
        assert button.fontInfo().pixelSize() > before
    finally:
        qapp.setStyleSheet("")


def test_a_finger_that_slides_off_a_look_button_changes_nothing(qtbot: QtBot, kiosk: Kiosk) -> None:
    """While a finger is down on the text-size button the reader lets go of the pages it keeps
    ready (a new look would restyle them); lifted elsewhere, the look, the page on screen and
    the pages kept ready are as before."""
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    look, seen = kiosk.look.look, _seen(kiosk)
    kept = set(kiosk.topic._chip_grids) - {""}  # the pages with "On this page", kept ready
    assert len(kept) > 1
    button = kiosk.window.text_size_button
    QTest.mousePress(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert len(kiosk.topic._chip_grids) == 1  # let go of while the finger is down
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton, pos=QPoint(-40, -40))
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    assert kiosk.look.look == look
    assert _seen(kiosk) == seen
    assert set(kiosk.topic._chip_grids) >= kept


def test_a_finger_lifted_on_a_look_button_gives_the_new_look(qtbot: QtBot, kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    size = kiosk.topic.title_label.fontInfo().pixelSize()
    button = kiosk.window.text_size_button
    QTest.mousePress(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert kiosk.topic.title_label.fontInfo().pixelSize() > size
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    assert len(kiosk.topic._chip_grids) > 1  # made ready again, in the new look


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_a_page_laid_out_while_the_finger_is_down_shows_as_one_laid_out_after(
    qtbot: QtBot, kiosk: Kiosk, size: tuple[int, int]
) -> None:
    """While a finger is down on a look button the reader lays its text out ahead in the look
    to come (ReaderLabel.prepare): each step of text size and the contrast must then show the
    page exactly as a new look set without a finger on the button."""
    kiosk.window.resize(*size)
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    for button in [kiosk.window.text_size_button] * len(TEXT_SIZES) + [
        kiosk.window.contrast_button
    ]:
        qtbot.waitUntil(lambda: kiosk.shell.warm)
        QTest.mousePress(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
        QApplication.processEvents()
        QTest.mouseRelease(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
        touched = _seen(kiosk)
        look = kiosk.look.look
        kiosk.look.set_look(
            kiosk.look.default if look != kiosk.look.default else Look(HIGH_CONTRAST)
        )
        kiosk.look.set_look(look)
        assert _seen(kiosk) == touched, look
