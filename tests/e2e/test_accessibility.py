"""What older patients, screen-reader users and keyboard users notice: nothing clipped or wider
than the screen at any text size in either language, a name for every control, a sensible Tab
order, Enter and Space working, focus that shows, and choices that are not told by colour alone.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import HOME, Route, Screen
from kiosk.views.attract_view import AttractView
from kiosk.views.buttons import WrappingButton
from kiosk.views.callback_view import CallbackView
from kiosk.views.picture_cards import CardRow
from kiosk.views.spine_view import SpineView
from kiosk.views.staff_view import StaffScreen
from kiosk.views.tile import Tile
from tests.conftest import QUIET, screen


def _settle() -> None:
    # A changed text re-lays out its parents in posted events, one level per pass.
    for _ in range(5):
        QApplication.processEvents()


def _thanks(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.CALLBACK))
    form = screen(kiosk, CallbackView)
    form.show_saved("7KX-M3R", "(201) 555-0123", ("morning", "evening"))


def _idle_warning(kiosk: Kiosk) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    kiosk.idle.idle_timer.timeout.emit()


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's fictional staff member and requests, made once for the module."""
    from kiosk.demo import seed

    folder = tmp_path_factory.mktemp("demo") / "data"
    seed(folder)
    return folder


@pytest.fixture
def config(tmp_path: Path, demo_folder: Path) -> Config:
    """As tests/conftest.py's, but with a copy of the demo data (staff screens need it)."""
    shutil.copytree(demo_folder, tmp_path / "data")
    return Config(kiosk=QUIET).with_data_dir(tmp_path / "data")


def _staff_panel(kiosk: Kiosk) -> None:
    """Signed in as the demo staff member, with the demo's fictional requests listed."""
    from kiosk.demo import DEMO_PIN

    kiosk.shell.go(Route(Screen.STAFF))
    staff = screen(kiosk, StaffScreen)
    for digit in DEMO_PIN:
        staff.pin.keys[digit].click()
    staff.pin.sign_in_button.click()
    assert staff.currentWidget() is staff.panel


def _staff_pin(kiosk: Kiosk) -> None:
    """The PIN pad, three digits in."""
    from kiosk.demo import DEMO_PIN

    kiosk.shell.go(Route(Screen.STAFF))
    staff = screen(kiosk, StaffScreen)
    for digit in DEMO_PIN[:3]:
        staff.pin.keys[digit].click()


SCREENS: dict[str, Callable[[Kiosk], None]] = {
    "home": lambda k: k.shell.go(HOME),
    "topic": lambda k: k.shell.go(Route(Screen.TOPIC, "treatments")),
    "topic-with-cards": lambda k: k.shell.go(Route(Screen.TOPIC, "prevention")),
    "urgent-topic": lambda k: k.shell.go(Route(Screen.TOPIC, "get-help-now")),
    "spine": lambda k: k.shell.go(Route(Screen.SPINE)),
    "spine-region": lambda k: k.shell.go(Route(Screen.SPINE, "sacroiliac-joint")),
    "callback": lambda k: k.shell.go(Route(Screen.CALLBACK, "topic:surgery")),
    "thanks": _thanks,
    "idle-warning": _idle_warning,
    "attract": lambda k: k.shell.show_attract(),
    "staff-pin": _staff_pin,
    "staff-panel": _staff_panel,
}


def _visible(kiosk: Kiosk) -> Iterator[QWidget]:
    for widget in kiosk.window.findChildren(QWidget):
        if widget.isVisible() and widget.width() > 0:
            yield widget


def _text(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return text or widget.accessibleName()


def _clipped(kiosk: Kiosk) -> list[str]:
    """Everything a patient would see cut off or in the way: wider than the window, a word
    wider than its label, wrapped text taller than its label, a button's line wider than the
    button, buttons on top of each other, blank page to scroll into, a window that grew."""
    found = []
    wanted = kiosk.window.property("wanted_size")
    if wanted is not None and kiosk.window.size().toTuple() != wanted:
        found.append(f"the window grew to {kiosk.window.size().toTuple()}: more than fits")
    right_edge = kiosk.window.width()
    for widget in _visible(kiosk):
        where = f"{type(widget).__name__}[{widget.property('role')}] {_text(widget)[:30]!r}"
        if widget.mapTo(kiosk.window, widget.rect().topRight()).x() >= right_edge + 1:
            found.append(f"{where} runs past the right edge")
        found += [f"{where}: {problem}" for problem in _cut_text(widget)]
        if isinstance(widget, QScrollArea) and (page := widget.widget()) is not None:
            needed = max(widget.viewport().height(), page.heightForWidth(page.width()))
            if page.height() > needed + 2:
                found.append(f"{where}: {page.height() - needed} px of empty page to scroll to")
        found += _overlapping_buttons(widget)
    return found


def _cut_text(widget: QWidget) -> list[str]:
    if isinstance(widget, WrappingButton) and widget.label():
        problems = []
        if widget.minimumSizeHint().width() > widget.width() + 1:
            problems.append("a word is wider than the button")
        if widget.heightForWidth(widget.width()) > widget.height() + 1:
            problems.append("wrapped lines are cut off at the bottom")
        return problems
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        rich = widget.text().startswith("<")
        if not widget.wordWrap():
            cut = not rich and widget.sizeHint().width() > widget.width() + 1
            return ["the line is cut off"] if cut else []
        problems = []
        if not rich and widget.minimumSizeHint().width() > widget.width() + 1:
            problems.append("a word is wider than the label")
        if widget.heightForWidth(widget.width()) > widget.height() + 1:
            problems.append("wrapped lines are cut off at the bottom")
        return problems
    plain_button = type(widget).__name__ in ("QPushButton", "QToolButton")
    if plain_button and _text(widget) and widget.sizeHint().width() > widget.width() + 1:
        return ["the button's text is cut off"]
    return []


def _overlapping_buttons(parent: QWidget) -> list[str]:
    buttons = [
        child
        for child in parent.children()
        if isinstance(child, QAbstractButton) and child.isVisible()
    ]
    return [
        f"{_text(button)[:20]!r} overlaps {_text(other)[:20]!r}"
        for index, button in enumerate(buttons)
        for other in buttons[index + 1 :]
        if button.geometry().intersects(other.geometry())
    ]


# Shows a screen (a SCREENS key) in a language, at a window size and a text size (in %).
Show = Callable[[str, tuple[int, int], int, str], Kiosk]


@pytest.fixture
def shown(kiosk: Kiosk) -> Show:
    def show(language: str, size: tuple[int, int], text_size: int, screen: str) -> Kiosk:
        kiosk.look.set_look(kiosk.look.look._replace(text_size=text_size))
        kiosk.shell.set_language(language)
        kiosk.window.resize(*size)
        kiosk.window.setProperty("wanted_size", size)
        SCREENS[screen](kiosk)
        _settle()
        return kiosk

    return show


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("text_size", [100, 200])
def test_nothing_is_clipped_or_wider_than_the_screen(
    shown: Show, language: str, size: tuple[int, int], text_size: int
) -> None:
    problems = []
    for screen_name in SCREENS:
        kiosk = shown(language, size, text_size, screen_name)
        problems += [f"{screen_name}: {problem}" for problem in _clipped(kiosk)]
        if kiosk.idle.warning:
            kiosk.overlay.button.click()
    assert problems == [], "\n".join(problems)


def _home_scroll_area(kiosk: Kiosk) -> QScrollArea:
    area = kiosk.home.findChild(QScrollArea)
    assert area is not None
    return area


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 200])
def test_home_fits_a_small_landscape_screen(shown: Show, language: str, text_size: int) -> None:
    """1280x800: nothing cut or overlapping, and the page says when there is more below."""
    kiosk = shown(language, (1280, 800), text_size, "home")
    assert _clipped(kiosk) == []
    if _home_scroll_area(kiosk).verticalScrollBar().maximum() > 0:
        assert kiosk.home.more_button.isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 200])
def test_a_long_page_with_picture_cards_fits_a_small_landscape_screen(
    shown: Show, language: str, text_size: int
) -> None:
    """1280x800: nothing cut; every "On this page" button is a finger's size (15 mm), and a
    tap on the last one brings its part into view."""
    kiosk = shown(language, (1280, 800), text_size, "topic-with-cards")
    assert _clipped(kiosk) == []
    reader = kiosk.topic
    assert reader.contents.isVisible()
    assert reader.position.isVisible()
    assert all(button.height() >= 90 for button in reader.chips.buttons)
    reader.chips.buttons[-1].click()
    _settle()
    assert reader.position.words.startswith(("Part 8 of 8", "Parte 8 de 8"))
    assert _clipped(kiosk) == []


@pytest.mark.parametrize("text_size", [100, 200])
def test_at_1280x800_the_first_screen_holds_the_start_and_the_main_paths(
    shown: Show, text_size: int
) -> None:
    """At normal text: start here, where it hurts, ask us to call you and the red warning
    signs, all whole on the first screen, without scrolling. At the largest text: at least
    the whole start card, with "More topics below" under it."""
    kiosk = shown("es", (1280, 800), text_size, "home")
    viewport = _home_scroll_area(kiosk).viewport()
    seen = QRect(viewport.mapTo(kiosk.window, QPoint(0, 0)), viewport.size())
    home = kiosk.home
    tiles: list[QWidget] = [home.start_card]
    if text_size == 100:
        tiles += [home.spine_tile, home.callback_tile, *home._urgent_tiles]
    else:
        assert home.more_button.isVisible()
    for tile in tiles:
        place = QRect(tile.mapTo(kiosk.window, QPoint(0, 0)), tile.size())
        assert seen.contains(place), tile.accessibleName()


def _words_on_buttons(kiosk: Kiosk) -> Iterator[tuple[str, QWidget]]:
    """Every visible button's words a patient reads (a wrapping button's, drawn in its own
    font; the labels inside tiles; a plain button's own text), with the widget that draws
    them."""
    for widget in _visible(kiosk):
        if isinstance(widget, WrappingButton):
            yield widget.label(), widget
        elif isinstance(widget, Tile):
            yield widget.title_label.text(), widget.title_label
        elif isinstance(widget, QPushButton) and type(widget) is QPushButton and widget.text():
            yield widget.text(), widget


# Buttons sized by their own rules, not checked here: the keyboards' keys (sized for their
# grid, tests/gui/test_keyboard_view.py), the spine's zoom tools (a third of a drawing's
# width), and the call-back form's choice chips (its own section of style.qss: still a size
# under the body text). Staff screens are not a patient's.
OWN_SIZES = ("key", "tool", "choice")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 200])
def test_button_words_are_at_least_the_body_text_size(
    shown: Show, language: str, text_size: int
) -> None:
    """Measured from the fonts the labels are drawn in, against a label of body text."""
    small = []
    for screen_name in SCREENS:
        if screen_name.startswith("staff"):
            continue
        kiosk = shown(language, (1080, 1920), text_size, screen_name)
        body_label = QLabel("body", kiosk.window)
        body_label.ensurePolished()
        body = QFontInfo(body_label.font()).pixelSize()
        body_label.deleteLater()
        for words, label in _words_on_buttons(kiosk):
            button = label if isinstance(label, QAbstractButton) else label.parentWidget()
            while button is not None and not isinstance(button, QAbstractButton):
                button = button.parentWidget()
            if button is not None and button.property("role") in OWN_SIZES:
                continue
            size = QFontInfo(label.font()).pixelSize()
            if size < body:
                small.append(f"{screen_name}: {words[:30]!r} {size} px under {body} px body text")
        if kiosk.idle.warning:
            kiosk.overlay.button.click()
    assert small == [], "\n".join(small)


def _is_control(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractButton | QLineEdit | QAbstractItemView | QGraphicsView)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_has_a_name_a_screen_reader_can_say(shown: Show, language: str) -> None:
    nameless = []
    controls = 0
    for screen_name in SCREENS:
        kiosk = shown(language, (1080, 1920), 100, screen_name)
        for widget in filter(_is_control, _visible(kiosk)):
            controls += 1
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name) if interface is not None else ""
            if not name.strip():
                nameless.append(
                    f"{screen_name}: {type(widget).__name__}[{widget.property('role')}]"
                )
        if kiosk.idle.warning:
            kiosk.overlay.button.click()
    assert controls > 60
    assert nameless == []


def test_the_spine_drawing_points_to_the_list_of_parts(shown: Show) -> None:
    kiosk = shown("en", (1080, 1920), 100, "spine")
    spine = screen(kiosk, SpineView)
    assert spine.canvas.accessibleName() == "Drawing of the spine"
    assert "list of parts" in spine.canvas.accessibleDescription()
    assert spine.region_list.isVisible()
    assert len(spine.region_list.buttons) == len(kiosk.shell.library.regions)


def _activate(kiosk: Kiosk) -> None:
    """Make the kiosk the active window, as it is on its own screen: keys go to it."""
    kiosk.window.activateWindow()
    assert QTest.qWaitForWindowActive(kiosk.window)


def _tab_order(kiosk: Kiosk, stops: int) -> list[QWidget]:
    _activate(kiosk)
    order = []
    for _ in range(stops):
        QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        order.append(focused)
    return order


def test_tab_visits_the_top_bar_then_every_tile_in_reading_order(shown: Show) -> None:
    kiosk = shown("en", (1080, 1920), 100, "home")
    tiles = [kiosk.home.callback_tile, kiosk.home.spine_tile, *kiosk.home.topic_tiles.values()]
    order = _tab_order(kiosk, 4 + len(tiles))
    bar = [kiosk.window.home_button, kiosk.window.contrast_button, kiosk.window.text_size_button]
    assert order[:3] == bar
    visited_tiles = [w for w in order if w in tiles]
    assert set(visited_tiles) == set(tiles)
    places = [(t.mapTo(kiosk.window, t.rect().topLeft()).y(), t.x()) for t in visited_tiles]
    assert places == sorted(places)


def test_enter_and_space_press_the_control_in_focus(shown: Show) -> None:
    kiosk = shown("en", (1080, 1920), 100, "home")
    _activate(kiosk)
    kiosk.home.topic_tiles["causes"].setFocus()
    QTest.keyClick(kiosk.home.topic_tiles["causes"], Qt.Key.Key_Return)
    assert kiosk.shell.current == Route(Screen.TOPIC, "causes")

    kiosk.window.home_button.setFocus()
    QTest.keyClick(kiosk.window.home_button, Qt.Key.Key_Space)
    assert kiosk.window.stack.currentWidget() is kiosk.home


def _tab_to(kiosk: Kiosk, target: QWidget) -> None:
    for _ in range(40):
        if QApplication.focusWidget() is target:
            return
        QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_Tab)
    pytest.fail(f"Tab never reached {type(target).__name__}")


def test_a_patient_can_ask_for_a_call_with_a_keyboard_alone(shown: Show, qtbot: QtBot) -> None:
    kiosk = shown("en", (1080, 1920), 100, "callback")
    form = screen(kiosk, CallbackView)
    _activate(kiosk)
    _tab_to(kiosk, form.first_name)
    QTest.keyClicks(form.first_name, "Zeb")
    QTest.keyClick(form.first_name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.last_name
    QTest.keyClicks(form.last_name, "Quux")
    QTest.keyClick(form.last_name, Qt.Key.Key_Return)
    QTest.keyClicks(form.phone, "2015550142")
    _tab_to(kiosk, form.period_buttons["evening"])
    QTest.keyClick(form.period_buttons["evening"], Qt.Key.Key_Space)
    _tab_to(kiosk, form.consent)
    QTest.keyClick(form.consent, Qt.Key.Key_Space)
    _tab_to(kiosk, form.send_button)
    with qtbot.waitSignal(form.submitted):
        QTest.keyClick(form.send_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1)
    # (The number may be drawn unbreakable: a no-break space and hyphen.)
    said = form.next_label.text().replace("\u00a0", " ").replace("\u2011", "-")
    assert "(201) 555-0142" in said


def test_focus_shows_on_tiles_choices_and_the_consent_box(shown: Show) -> None:
    kiosk = shown("en", (1080, 1920), 100, "callback")
    form = screen(kiosk, CallbackView)
    _activate(kiosk)
    for widget in (form.period_buttons["morning"], form.consent, form.send_button):
        kiosk.window.home_button.setFocus()
        unfocused = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert widget.hasFocus()
        assert widget.grab().toImage() != unfocused, type(widget).__name__


def test_a_chosen_time_shows_a_tick_not_only_a_colour(shown: Show) -> None:
    kiosk = shown("en", (1080, 1920), 100, "callback")
    form = screen(kiosk, CallbackView)
    morning, evening = form.period_buttons["morning"], form.period_buttons["evening"]
    morning.click()
    assert not morning.icon().isNull()
    assert evening.icon().isNull()
    morning.click()
    assert morning.icon().isNull()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_attract_loop_fits_a_small_screen_at_the_largest_text(
    shown: Show, language: str
) -> None:
    kiosk = shown(language, (1280, 800), 200, "attract")
    assert _clipped(kiosk) == []
    attract = screen(kiosk, AttractView)
    assert attract.title.isVisible()
    assert attract.prompt.isVisible()


def _elements(interface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """Everything under an accessible interface, depth first, as a screen reader walks it."""
    for index in range(interface.childCount()):
        child = interface.child(index)
        assert child is not None
        assert child.parent() is interface or child.parent().object() is interface.object()
        yield child
        yield from _elements(child)


def _words(interface: QAccessibleInterface) -> str:
    text = interface.textInterface()
    return text.text(0, text.characterCount()) if text is not None else ""


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_screen_reader_reads_a_topic_as_headings_text_and_links(
    shown: Show, language: str
) -> None:
    """Issue 19: the page's words are in the accessibility tree as text, its headings have the
    heading role and its links are links that follow when pressed."""
    kiosk = shown(language, (1080, 1920), 100, "home")
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    _settle()
    page = QAccessible.queryAccessibleInterface(kiosk.topic.body_label)
    assert page is not None
    assert page.role() == QAccessible.Role.Document
    assert page.text(QAccessible.Text.Name) == kiosk.topic.title_label.text()
    elements = list(_elements(page))
    sentence = {"en": "A dull ache in your back that lingers.", "es": "Un dolor sordo"}[language]
    assert any(sentence in _words(e) for e in elements)
    headings = [e for e in elements if e.role() == QAccessible.Role.Heading]
    assert headings
    assert headings[0].text(QAccessible.Text.Name) == _words(headings[0]) != ""
    levels = headings[0].attributesInterface()
    assert levels is not None
    assert levels.attributeValue(QAccessible.Attribute.Level) == 2
    items = [e for e in elements if e.role() == QAccessible.Role.ListItem]
    assert items
    assert all(item.parent().role() == QAccessible.Role.List for item in items)
    links = [e for e in elements if e.role() == QAccessible.Role.Link]
    assert links
    # On the screen where the words are drawn.
    label = kiosk.topic.body_label
    drawn = QRect(label.mapToGlobal(QPoint(0, 0)), label.size())
    assert all(drawn.contains(e.rect()) for e in (*headings, *items, *links))
    press = links[0].actionInterface()
    assert press is not None
    assert press.actionNames() == [QAccessibleActionInterface.pressAction()]
    press.doAction(QAccessibleActionInterface.pressAction())
    assert kiosk.shell.current != Route(Screen.TOPIC, "symptoms")


def test_a_spine_part_and_a_picture_card_are_read_too(shown: Show) -> None:
    kiosk = shown("en", (1080, 1920), 100, "spine-region")
    spine = screen(kiosk, SpineView)
    panel = QAccessible.queryAccessibleInterface(spine.body_label)
    assert panel is not None
    assert any(len(_words(e)) > 40 for e in _elements(panel))
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))
    _settle()
    cards = [c for row in kiosk.topic.findChildren(CardRow) if row.isVisible() for c in row.cards]
    card = next(c for c in cards if "Knee to chest" in c.caption.text())
    caption = QAccessible.queryAccessibleInterface(card.caption)
    assert caption is not None
    assert any("Ask your care team first" in _words(e) for e in _elements(caption))
    picture = QAccessible.queryAccessibleInterface(card.picture)
    assert picture is not None
    assert len(picture.text(QAccessible.Text.Name)) > 15
