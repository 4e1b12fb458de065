"""A kiosk left alone: the warning, the wipe, the attract loop; and faults that must not show."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractAnimation, QPoint, Qt
from PySide6.QtGui import QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import HOME, Route, Screen
from kiosk.system import logs, safety
from kiosk.views.attract_view import AttractView
from kiosk.views.callback_view import CallbackView
from tests.conftest import screen, shown_kiosk, wait_for_disk

NAME, PHONE_DIGITS = "Zebediah", "2015550142"  # fictional (555-01xx)


def expire(kiosk: Kiosk) -> None:
    """Nobody touches the kiosk: the idle time passes, then the whole countdown."""
    kiosk.idle.idle_timer.timeout.emit()
    while kiosk.idle.warning:
        kiosk.idle.tick_timer.timeout.emit()


def fill_everything(kiosk: Kiosk, qtbot: QtBot) -> CallbackView:
    """The callback form filled in, larger text and high contrast on: a visit to forget."""
    kiosk.window.activateWindow()
    kiosk.home.callback_tile.click()
    form = screen(kiosk, CallbackView)
    form.first_name.setFocus()
    qtbot.waitUntil(form.first_name.hasFocus)
    form.first_name.setText(NAME)
    form.last_name.setText("Quux")
    form.phone.setText("(201) 555-0142")
    form.note.setText("back hurts since Tuesday")
    form.consent.setChecked(True)
    kiosk.window.text_size_button.click()
    kiosk.window.contrast_button.click()
    return form


def attracting(kiosk: Kiosk) -> bool:
    """Whether the attract loop is on now (a call, so that mypy does not keep the answer of an
    earlier assert about it)."""
    return kiosk.shell.attracting


def touch(kiosk: Kiosk, widget: QWidget) -> None:
    """A finger on the middle of `widget`, delivered as the screen delivers it: to the window,
    which passes it to whatever is on top at that point."""
    window = kiosk.window
    centre = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=centre)


def test_the_warning_appears_after_the_idle_time(kiosk: Kiosk) -> None:
    assert kiosk.idle.idle_timer.interval() == kiosk.config.kiosk.idle_timeout_seconds * 1000
    kiosk.idle.idle_timer.timeout.emit()
    assert kiosk.overlay.isVisible()
    assert kiosk.overlay.question.text() == "Are you still there?"
    assert "15 seconds" in kiosk.overlay.countdown.text()
    kiosk.idle.tick_timer.timeout.emit()
    assert "14 seconds" in kiosk.overlay.countdown.text()


def test_im_still_here_cancels_the_countdown(kiosk: Kiosk, qtbot: QtBot) -> None:
    fill_everything(kiosk, qtbot)
    kiosk.idle.idle_timer.timeout.emit()
    touch(kiosk, kiosk.overlay.button)
    QApplication.processEvents()  # it goes once the finger is lifted
    assert not kiosk.overlay.isVisible()
    assert not kiosk.idle.warning
    assert kiosk.idle.idle_timer.isActive()
    assert screen(kiosk, CallbackView).first_name.text() == NAME


def test_the_warning_counts_down_on_a_shrinking_ring(kiosk: Kiosk) -> None:
    kiosk.idle.idle_timer.timeout.emit()
    ring = kiosk.overlay.ring
    assert ring.isVisible()
    assert (ring.seconds_left, ring.fraction) == (15, 1.0)
    full = ring.grab().toImage()
    kiosk.idle.tick_timer.timeout.emit()
    kiosk.idle.tick_timer.timeout.emit()
    assert ring.seconds_left == 13
    assert ring.fraction == pytest.approx(13 / 15)
    assert ring.grab().toImage() != full  # drawn shorter, with the new number
    assert ring.accessibleName() == "The screen will go back to the start in 13 seconds."
    # The big button says the visit goes on; the smaller one ends it.
    assert kiosk.overlay.button.height() > kiosk.overlay.start_over_button.height()


def finger(kiosk: Kiosk, widget: QWidget) -> None:
    """As touch() but from a touchscreen: touch points, which Qt turns into a click for
    widgets that take no touch events."""
    window = kiosk.window.windowHandle()
    centre = widget.mapTo(kiosk.window, widget.rect().center())
    screen = QTest.createTouchDevice()
    QTest.touchEvent(window, screen).press(0, centre).commit()
    QTest.touchEvent(window, screen).release(0, centre).commit()
    QApplication.processEvents()


@pytest.mark.parametrize("press", [touch, finger], ids=["mouse", "touchscreen"])
def test_nothing_under_the_warning_reacts_to_a_touch(
    kiosk: Kiosk, press: Callable[[Kiosk, QWidget], None]
) -> None:
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    window = kiosk.window
    for under in (kiosk.topic.callback_button, window.home_button, window.contrast_button):
        kiosk.idle.idle_timer.timeout.emit()
        assert kiosk.overlay.isVisible()
        press(kiosk, under)
        # The touch says someone is there (the warning goes) and does nothing else.
        assert not kiosk.overlay.isVisible()
        assert kiosk.shell.current == Route(Screen.TOPIC, "causes")
        assert kiosk.look.look.palette.name == "standard"


def test_a_key_that_answers_the_warning_types_nothing_underneath(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    form = fill_everything(kiosk, qtbot)
    form.first_name.setFocus()
    qtbot.waitUntil(form.first_name.hasFocus)
    kiosk.idle.idle_timer.timeout.emit()
    QTest.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_Space)
    QApplication.processEvents()
    assert not kiosk.overlay.isVisible()
    assert form.first_name.text() == NAME
    assert form.first_name.hasFocus()  # back where they were typing


def test_start_over_wipes_the_visit_at_once(kiosk: Kiosk, qtbot: QtBot) -> None:
    fill_everything(kiosk, qtbot)
    kiosk.window.language_button.click()
    kiosk.idle.idle_timer.timeout.emit()
    touch(kiosk, kiosk.overlay.start_over_button)
    assert not kiosk.overlay.isVisible()
    assert kiosk.shell.current == HOME
    assert kiosk.shell.language == kiosk.config.default_language
    assert (kiosk.look.look.text_size, kiosk.look.look.palette.name) == (100, "standard")
    assert not kiosk.idle.warning
    assert kiosk.idle.idle_timer.isActive()  # the next patient gets the whole idle time
    kiosk.home.callback_tile.click()
    assert screen(kiosk, CallbackView).first_name.text() == ""


def send_a_request(kiosk: Kiosk, qtbot: QtBot) -> CallbackView:
    kiosk.shell.go(Route(Screen.TOPIC, "surgery"))
    kiosk.topic.callback_button.click()
    form = screen(kiosk, CallbackView)
    form.first_name.setText(NAME)
    form.last_name.setText("Quux")
    form.phone.setText("(201) 555-0142")
    form.day_buttons["wed"].click()
    form.period_buttons["morning"].click()
    form.consent.click()
    form.send_button.click()
    wait_for_disk(qtbot, kiosk)
    assert form.thanking
    return form


def test_the_thank_you_page_has_no_way_back_to_the_sent_form(kiosk: Kiosk, qtbot: QtBot) -> None:
    form = send_a_request(kiosk, qtbot)
    assert "on Wednesday, in the morning" in form.next_label.text()
    assert not kiosk.window.back_button.isVisible()
    kiosk.window.back_requested.emit()  # however Back is asked for (a key, a gesture)
    assert kiosk.shell.current == HOME
    assert kiosk.window.stack.currentWidget() is kiosk.home
    # Nothing of the sent request waits behind home either.
    assert form.reference_label.text() == form.next_label.text() == ""
    assert form.first_name.text() == ""


def test_the_thank_you_page_counts_down_to_the_start(kiosk: Kiosk, qtbot: QtBot) -> None:
    form = send_a_request(kiosk, qtbot)
    thanks = form.thanks
    assert thanks.countdown_label.isVisible()
    assert thanks.countdown_label.text() == "Back to the start in 30 seconds."
    # Never longer than the idle time: the idle warning never comes up over it.
    assert thanks.seconds_left * 1000 < kiosk.idle.idle_timer.interval()
    thanks.countdown_timer.timeout.emit()
    assert thanks.countdown_label.text() == "Back to the start in 29 seconds."
    for _ in range(29):
        thanks.countdown_timer.timeout.emit()
    assert kiosk.shell.current == HOME
    assert form.reference_label.text() == ""
    assert not thanks.countdown_timer.isActive()


def test_the_attract_loop_starts_later_and_a_touch_goes_home(kiosk: Kiosk) -> None:
    expire(kiosk)
    kiosk.idle.attract_timer.timeout.emit()
    assert attracting(kiosk)
    assert not kiosk.window.back_button.isVisible()
    attract = screen(kiosk, AttractView)
    assert attract.title.text() in {t.title for t in kiosk.shell.library.topics}
    # No top bar: the loop has the whole height, from the top of the screen.
    assert not kiosk.window.top_bar.isVisible()
    QApplication.processEvents()  # laid out again
    assert attract.mapTo(kiosk.window, QPoint(0, 0)).y() == 0
    attract.timer.timeout.emit()  # a touch in the middle of a fade
    assert attract.fade.state() == QAbstractAnimation.State.Running
    QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))
    assert kiosk.shell.current == HOME
    assert not attracting(kiosk)
    assert kiosk.window.top_bar.isVisible()
    assert kiosk.window.home_button.isVisible()
    # Nothing of the loop moves or ticks behind home: the idle kiosk costs no CPU.
    assert not attract.timer.isActive()
    assert attract.fade.state() != QAbstractAnimation.State.Running
    assert not attract.ripple.running


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 200])
def test_the_attract_loop_is_read_from_across_the_room(
    kiosk: Kiosk, language: str, text_size: int
) -> None:
    kiosk.look.set_look(kiosk.look.look._replace(text_size=text_size))
    kiosk.shell.set_language(language)
    kiosk.shell.show_attract()
    attract = screen(kiosk, AttractView)
    assert attract.ripple.running  # "Touch the screen to start", pulsing
    for _ in range(attract.slide_count):
        for _ in range(3):  # laid out, a level a pass
            QApplication.processEvents()
        # At 1080x1920 every topic's headline is 100 px or more, whole, under its picture.
        assert attract.title.fontInfo().pixelSize() >= 100
        assert attract.title.height() >= attract.title.heightForWidth(attract.title.width())
        # The picture the width of the screen, or at the largest text no less than 60 % of it.
        assert attract.picture.pixmap().height() >= (700 if text_size == 100 else 450)
        assert attract.picture.accessibleName()
        attract.timer.timeout.emit()
        attract.fade.setCurrentTime(attract.fade.duration())


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("size", "text_size"), [((1280, 800), 100), ((1920, 1080), 200)])
def test_where_there_is_room_the_attract_loop_keeps_every_topic_s_words(
    kiosk: Kiosk, language: str, size: tuple[int, int], text_size: int
) -> None:
    """Not the largest words with the summaries of most topics left out."""
    kiosk.look.set_look(kiosk.look.look._replace(text_size=text_size))
    kiosk.shell.set_language(language)
    kiosk.window.resize(*size)
    kiosk.shell.show_attract()
    attract = screen(kiosk, AttractView)
    for _ in range(attract.slide_count):
        for _ in range(3):
            QApplication.processEvents()
        # Its summary too, beside a picture some 600 px wide or more (the spine, tall and
        # narrow, as tall as the screen allows): never a sliver.
        assert attract.summary.isVisible(), attract.title.text()
        assert attract.summary.height() >= attract.summary.heightForWidth(attract.summary.width())
        picture = attract.picture.pixmap()
        assert picture.width() >= 600 or picture.height() >= 600
        attract.timer.timeout.emit()
        attract.fade.setCurrentTime(attract.fade.duration())


def test_reduced_motion_stills_the_attract_loop(
    qapp: QApplication, qtbot: QtBot, config: Config
) -> None:
    still = config._replace(kiosk=config.kiosk._replace(reduced_motion=True))
    kiosk = shown_kiosk(qapp, qtbot, still)
    try:
        kiosk.shell.show_attract()
        attract = screen(kiosk, AttractView)
        first = attract.title.text()
        attract.timer.timeout.emit()
        assert attract.title.text() != first  # the next topic at once: no fade
        assert attract.fade.state() != QAbstractAnimation.State.Running
        assert not attract.ripple.running
    finally:
        qapp.setStyleSheet("")


def test_the_attract_loop_invites_in_every_language(kiosk: Kiosk) -> None:
    kiosk.shell.show_attract()
    attract = screen(kiosk, AttractView)
    assert attract.prompt.text() == "Touch the screen to start"
    assert attract.also.text() == "Toque la pantalla para comenzar"
    kiosk.shell.set_language("es")
    assert attract.title.text() in {t.title for t in kiosk.shell.library.topics}
    assert attract.prompt.text() == "Toque la pantalla para comenzar"
    assert attract.also.text() == "Touch the screen to start"


@pytest.fixture
def kiosk_logs(config: Config) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    path = logs.configure(config.paths.data_dir)
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_the_patient_lands_home(
    kiosk: Kiosk, kiosk_logs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    data_dir = kiosk.config.paths.data_dir
    safety.install(data_dir, kiosk.shell.go_home)
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))

    def broken() -> None:
        raise ValueError(f"a message that might quote {NAME}")

    kiosk.topic.callback_button.clicked.disconnect()
    kiosk.topic.callback_button.clicked.connect(broken)
    kiosk.topic.callback_button.click()
    QApplication.processEvents()
    assert kiosk.shell.current == HOME
    text = kiosk_logs.read_text(encoding="utf-8")
    assert "unexpected ValueError at test_session.py" in text
    assert NAME not in text
    assert safety.crash_count(data_dir) == 1


def test_after_a_visit_the_logs_hold_no_name_or_phone(
    kiosk: Kiosk, kiosk_logs: Path, qtbot: QtBot
) -> None:
    form = fill_everything(kiosk, qtbot)
    form.period_buttons["morning"].click()
    form.send_button.click()
    wait_for_disk(qtbot, kiosk)
    assert form.pages.currentIndex() == 1
    expire(kiosk)
    logging.getLogger("kiosk").info("visit finished")
    text = "".join(p.read_text(encoding="utf-8") for p in kiosk_logs.parent.glob("kiosk.log*"))
    assert "visit finished" in text
    for secret in (NAME, PHONE_DIGITS, "555-0142", "Tuesday"):
        assert secret not in text


def test_kiosk_mode_shows_no_context_menus_or_tooltips(
    qapp: QApplication, qtbot: QtBot, config: Config
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QContextMenuEvent, QHelpEvent
    from PySide6.QtWidgets import QMenu

    from kiosk.app import build_kiosk

    built = build_kiosk(config, qapp, kiosk_mode=True)
    built.window.show()
    field = QLineEdit(built.window)
    field.setToolTip("a tip")
    field.show()
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(field, menu_event)
    QApplication.sendEvent(field, QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), QPoint(5, 5)))
    QApplication.processEvents()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.metaObject().className() == "QTipLabel" and w.isVisible()
    ]
    assert not built.window.close()


# -- what a screen reader or switch program does counts as someone there (issue 19) ----------------


def _accessible(widget: QWidget) -> QAccessibleInterface:
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface


def test_typing_through_a_screen_reader_keeps_the_visit(kiosk: Kiosk, qtbot: QtBot) -> None:
    """Text put into a field the way AT-SPI puts it (no key event at all), a letter every
    0.1 s for four times the idle time (shortened to 0.3 s): the warning never comes and the
    form keeps every letter."""
    from PySide6.QtCore import QTimer

    kiosk.home.callback_tile.click()
    form = screen(kiosk, CallbackView)
    warnings: list[int] = []
    kiosk.idle.warned.connect(warnings.append)
    kiosk.idle.idle_timer.setInterval(300)
    kiosk.idle.idle_timer.start()
    name = "Zebediah Quux"
    typing = QTimer()
    typing.setInterval(100)
    typing.timeout.connect(lambda: form.first_name.setText(name[: len(form.first_name.text()) + 1]))
    typing.start()
    qtbot.waitUntil(lambda: form.first_name.text() == name, timeout=10_000)
    typing.stop()
    assert warnings == []
    assert not kiosk.overlay.isVisible()
    assert kiosk.window.stack.currentWidget() is form
    assert kiosk.idle.idle_timer.isActive()


def test_a_press_or_a_focus_move_through_a_screen_reader_counts(kiosk: Kiosk, qtbot: QtBot) -> None:
    """AT-SPI's press and grab-focus send no input event either. (The idle time is made to run
    out by stopping its timer: what restarts it is what counts as someone there.)"""
    from PySide6.QtGui import QAccessibleActionInterface as Actions

    form = fill_everything(kiosk, qtbot)
    kiosk.idle.idle_timer.stop()
    _accessible(form.period_buttons["evening"]).actionInterface().doAction(Actions.pressAction())
    qtbot.waitUntil(form.period_buttons["evening"].isChecked)
    assert kiosk.idle.idle_timer.isActive()
    kiosk.idle.idle_timer.stop()
    _accessible(form.phone).actionInterface().doAction(Actions.setFocusAction())
    assert form.phone.hasFocus()
    assert kiosk.idle.idle_timer.isActive()
    assert form.first_name.text() == NAME


def test_the_kiosks_own_focus_moves_and_wipes_are_nobody_there(kiosk: Kiosk, qtbot: QtBot) -> None:
    """The warning takes the focus, the reset moves it home and empties every field: were any
    of it counted, the warning would cancel itself and the attract loop would never come."""
    fill_everything(kiosk, qtbot)
    woken: list[bool] = []
    kiosk.idle.woke.connect(lambda: woken.append(True))
    kiosk.idle.idle_timer.timeout.emit()
    assert kiosk.overlay.hasFocus()
    assert kiosk.idle.warning
    expire(kiosk)
    assert kiosk.shell.current == HOME
    assert kiosk.idle.attract_timer.isActive()
    assert woken == []


def test_for_a_screen_reader_the_warning_is_a_modal_dialog_with_its_countdown(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    """Nothing under the dim reacts, and a screen reader can neither read nor reach it."""
    from PySide6.QtGui import QAccessible

    fill_everything(kiosk, qtbot)
    window = _accessible(kiosk.window)
    shown = {window.child(i).object() for i in range(window.childCount())}
    assert kiosk.window.stack in shown
    kiosk.idle.idle_timer.timeout.emit()
    dialog = _accessible(kiosk.overlay)
    assert dialog.role() == QAccessible.Role.Dialog
    assert dialog.state().modal
    assert dialog.text(QAccessible.Text.Name) == "Are you still there?"
    assert dialog.text(QAccessible.Text.Description) == (
        "The screen will go back to the start in 15 seconds."
    )
    assert window.childCount() == 1
    assert window.child(0).object() is kiosk.overlay
    kiosk.idle.tick_timer.timeout.emit()
    assert "14 seconds" in dialog.text(QAccessible.Text.Description)
    touch(kiosk, kiosk.overlay.button)
    QApplication.processEvents()
    assert not kiosk.overlay.isVisible()
    assert window.childCount() == len(shown)
