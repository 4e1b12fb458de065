"""After the idle reset the kiosk is, widget for widget, as a fresh kiosk is: nothing a patient
typed, ticked, chose, read or sent survives anywhere, shown or hidden.

The comparison is not a list of known fields: it walks every widget of the window and records
what a person (or a screen reader) could get out of it, then compares that with a kiosk built
from the same configuration whose screens were only opened, never used, and reset the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk, build_kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import HOME, Route, Screen
from kiosk.views.callback_view import CallbackView
from kiosk.views.spine_view import SpineView
from tests.conftest import screen, wait_for_disk

# Fictional: 555-01xx numbers are reserved for fiction.
FIRST, LAST, PHONE, NOTE = "Zebediah", "Quux", "(201) 555-0142", "stiff since Tuesday"
SECOND_FIRST, SECOND_PHONE = "Ottoline", "(201) 555-0187"

Snapshot = dict[str, dict[str, object]]
# What a visit (or a kiosk only opened) does before the reset.
Visit = Callable[[Kiosk, QtBot], None]
# The views' own dynamic properties (Qt keeps some of its own, not all readable from Python).
OUR_PROPERTIES = frozenset({"role", "variant", "kind", "key", "at_end", "icon_name", "chosen"})


# -- what a widget shows -----------------------------------------------------------------------


def _step(widget: QWidget) -> str:
    """The widget's name among its parent's children: its object name, else its class and how
    many widgets of that class come before it (so two kiosks name the same widget alike)."""
    kind = type(widget).__name__
    if widget.objectName():
        return f"{kind}#{widget.objectName()}"
    parent = widget.parent()
    siblings = [] if parent is None else parent.children()
    same = [w for w in siblings if type(w) is type(widget)]
    return f"{kind}[{same.index(widget)}]"


def _path(widget: QWidget, root: QWidget) -> str:
    steps = []
    current: QWidget | None = widget
    while current is not None and current is not root:
        steps.append(_step(current))
        current = current.parentWidget()
    return "/".join(reversed(steps)) or type(root).__name__


def _state(widget: QWidget) -> Iterator[tuple[str, object]]:
    """Everything about `widget` a person could see, touch back or hear read out."""
    # (Whether a scroll bar shows follows how long the page was when last laid out.)
    if not widget.objectName().startswith("qt_scrollarea_"):
        yield "hidden", widget.isHidden()
    yield "enabled", widget.isEnabled()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()
    for name in widget.dynamicPropertyNames():
        key = bytes(name.data()).decode()
        if key in OUR_PROPERTIES:
            yield f"property {key}", str(widget.property(key))
    yield from _text_state(widget)
    yield from _choice_state(widget)


def _text_state(widget: QWidget) -> Iterator[tuple[str, object]]:
    if isinstance(widget, QLabel):
        yield "text", widget.text()
    if isinstance(widget, QLineEdit):
        yield "text", widget.text()
        # Undo would bring back what the last patient typed.
        yield "can undo", widget.isUndoAvailable()
        yield "can redo", widget.isRedoAvailable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield "text", widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        yield "text", widget.text()


def _choice_state(widget: QWidget) -> Iterator[tuple[str, object]]:
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
        yield "checked", widget.isChecked()
    if isinstance(widget, QStackedWidget):
        yield "page", widget.currentIndex()
    if isinstance(widget, QComboBox):
        yield "choice", widget.currentIndex()
    if isinstance(widget, QAbstractSlider):  # scroll bars: where a page was left
        yield "value", widget.value()
    if isinstance(widget, QAbstractItemView) and widget.selectionModel() is not None:
        yield "selected", sorted(i.row() for i in widget.selectionModel().selectedIndexes())
    if isinstance(widget, QGraphicsView):
        yield "zoom", round(widget.transform().m11(), 3)
        yield "drawn", _drawn(widget)


def _drawn(view: QGraphicsView) -> list[str]:
    """The drawing's visible items: which parts are highlighted, a "where it hurts" marker."""
    scene: QGraphicsScene | None = view.scene()  # None without one, whatever the stubs say
    if scene is None:
        return []
    items = []
    for item in scene.items():
        if not item.isVisible():
            continue
        what = type(item).__name__
        if isinstance(item, QGraphicsSvgItem):
            what += f" {item.elementId()}"
        if isinstance(item, QGraphicsSimpleTextItem):
            what += f" {item.text()}"
        items.append(f"{what} at {round(item.pos().x())},{round(item.pos().y())}")
    return sorted(items)


def _names(widgets: list[QWidget], root: QWidget) -> dict[int, str]:
    """What the code calls each widget it keeps ("CallbackView.reference_label",
    "TopicView.related.pool[2]"), to say which one leaked in words a reader of the views knows."""
    names: dict[int, str] = {}
    for owner in sorted(widgets, key=lambda w: _path(w, root).count("/")):  # parents first
        base = names.get(id(owner), type(owner).__name__)
        for attribute, value in vars(owner).items():
            if isinstance(value, dict):
                items = [(f"[{key!r}]", item) for key, item in value.items()]
            elif isinstance(value, list):
                items = [(f"[{index}]", item) for index, item in enumerate(value)]
            else:
                items = [("", value)]
            for index, item in items:
                if isinstance(item, QWidget) and id(item) not in names:
                    names[id(item)] = f"{base}.{attribute.lstrip('_')}{index}"
    return names


def snapshot(kiosk: Kiosk) -> Snapshot:
    """Every widget's state by its path from the window; and the focus, route, look, language."""
    window = kiosk.window
    widgets = [window, *window.findChildren(QWidget)]
    names = _names(widgets, window)
    shot: Snapshot = {}
    for widget in widgets:
        shot[_path(widget, window)] = {"name": names.get(id(widget), ""), **dict(_state(widget))}
    focus = window.focusWidget()
    shot["(kiosk)"] = {
        "name": "",
        "focus": "" if focus is None else _path(focus, window),
        "route": str(kiosk.shell.current),
        "look": (kiosk.look.look.text_size, kiosk.look.look.palette.name),
        "language": kiosk.shell.language,
    }
    return shot


def differences(left: Snapshot, fresh: Snapshot) -> list[str]:
    """What differs, widget by widget; a widget one kiosk lacks is named once, with how many
    widgets it holds. Values are shortened to what it takes to recognise them."""
    every_name = [state.get("name") for state in (*left.values(), *fresh.values())]

    def called(path: str, shot: Snapshot) -> str:
        name = shot[path].get("name")
        return str(name) if name and every_name.count(name) <= 2 else path

    def short(value: object) -> str:
        text = repr(value)
        return text if len(text) <= 70 else text[:67] + "..."

    lines = []
    for side, mine, theirs in (("only after the reset", left, fresh), ("only fresh", fresh, left)):
        missing = sorted(path for path in mine if path not in theirs)
        for path in missing:
            if not any(path.startswith(f"{other}/") for other in missing):
                inside = sum(other.startswith(f"{path}/") for other in missing)
                lines.append(f"{called(path, mine)}: {side}, with {inside} widgets inside")
    for path in sorted(left.keys() & fresh.keys()):
        for key in sorted(left[path].keys() | fresh[path].keys()):
            after, before = left[path].get(key), fresh[path].get(key)
            if after != before:
                what = called(path, left)
                lines.append(f"{what}: {key}: left {short(after)}, fresh kiosk {short(before)}")
    return lines


# -- the idle reset, through the real IdleWatch -------------------------------------------------


def settle() -> None:
    """Let posted layout and deferred-delete events run, as the event loop would."""
    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QApplication.processEvents()


def expire(kiosk: Kiosk) -> None:
    """Nobody touches the kiosk: the idle time passes, then the whole countdown."""
    kiosk.idle.idle_timer.timeout.emit()
    assert kiosk.overlay.isVisible()
    while kiosk.idle.warning:
        kiosk.idle.tick_timer.timeout.emit()
    settle()


def screens(kiosk: Kiosk) -> list[str]:
    stack = kiosk.window.stack
    return sorted(type(stack.widget(i)).__name__ for i in range(stack.count()))


def after_reset(kiosk: Kiosk, qtbot: QtBot, visit: Visit) -> Snapshot:
    visit(kiosk, qtbot)
    built = screens(kiosk)
    expire(kiosk)
    assert kiosk.shell.current == HOME
    assert kiosk.window.stack.currentWidget() is kiosk.home
    # The next patient finds every screen and page ready, as quick to open as before.
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    assert screens(kiosk) == built
    settle()
    return snapshot(kiosk)


@pytest.fixture
def fresh(qapp: QApplication, qtbot: QtBot, config: Config, tmp_path: Path) -> Kiosk:
    """A second kiosk, as the `kiosk` fixture builds it, from the same configuration (its own
    data folder): the untouched kiosk to compare with."""
    built = build_kiosk(config.with_data_dir(tmp_path / "fresh"), qapp, kiosk_mode=False)
    qtbot.addWidget(built.window)
    built.window.resize(1080, 1920)
    built.window.show()
    qtbot.waitExposed(built.window)
    return built


# -- the visits ------------------------------------------------------------------------------


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type as a patient does: focus the field (the keyboard opens), then the keys."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, text)


def first_patient_sends(kiosk: Kiosk, qtbot: QtBot) -> None:
    """Reads, finds where it hurts, asks for a call, sends it and goes back to the start."""
    kiosk.window.activateWindow()
    kiosk.home.topic_tiles["symptoms"].click()
    kiosk.topic.more_button.click()  # read on down the page
    region = kiosk.topic.related.button("spine:lumbar")
    assert region is not None
    region.click()
    spine = screen(kiosk, SpineView)
    spine.zoom_in_button.click()
    spine.hurts_button.click()
    form = screen(kiosk, CallbackView)
    assert kiosk.shell.current == Route(Screen.CALLBACK, "spine:lumbar")
    _type(qtbot, form.first_name, FIRST)
    _type(qtbot, form.last_name, LAST)
    _type(qtbot, form.phone, PHONE)
    _type(qtbot, form.note, NOTE)
    form.day_buttons["tue"].click()
    form.period_buttons["morning"].click()
    form.language_buttons["es"].click()
    form.consent.click()
    form.send_button.click()
    wait_for_disk(qtbot, kiosk)
    assert form.pages.currentIndex() == 1, "the request was not saved"
    form.home_button.click()


def second_patient_walks_away(kiosk: Kiosk, qtbot: QtBot) -> None:
    """Asks about a topic, half fills in the form (errors showing) and leaves it."""
    kiosk.home.topic_tiles["surgery"].click()
    kiosk.topic.callback_button.click()
    form = screen(kiosk, CallbackView)
    _type(qtbot, form.first_name, SECOND_FIRST)
    _type(qtbot, form.phone, SECOND_PHONE[:9])
    form.send_button.click()  # errors shown under the fields
    form.period_buttons["evening"].click()
    form.language_buttons["es"].click()


def patient_visits(kiosk: Kiosk, qtbot: QtBot) -> None:
    first_patient_sends(kiosk, qtbot)
    second_patient_walks_away(kiosk, qtbot)


def patient_visits_with_larger_contrasting_text(kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk.window.text_size_button.click()
    kiosk.window.contrast_button.click()
    patient_visits(kiosk, qtbot)


def screens_opened(kiosk: Kiosk, qtbot: QtBot) -> None:
    """An untouched kiosk whose screens have been built: each opened from home, nothing
    chosen, typed or sent."""
    kiosk.topic  # noqa: B018 -- builds the reader, which shows no page until asked
    kiosk.home.spine_tile.click()
    kiosk.window.home_button.click()
    kiosk.home.callback_tile.click()
    kiosk.window.home_button.click()


@pytest.mark.parametrize("visits", [patient_visits, patient_visits_with_larger_contrasting_text])
def test_after_the_idle_reset_every_widget_is_as_on_a_fresh_kiosk(
    qtbot: QtBot, kiosk: Kiosk, fresh: Kiosk, visits: Visit
) -> None:
    left = after_reset(kiosk, qtbot, visits)
    untouched = after_reset(fresh, qtbot, screens_opened)

    assert len(left) > 300, "the walk must reach every screen's widgets"
    leaks = differences(left, untouched)
    assert not leaks, "after the reset these differ from a fresh kiosk:\n" + "\n".join(leaks)
    everything = repr(left)
    for secret in (FIRST, LAST, "555-01", NOTE, SECOND_FIRST):
        assert secret not in everything


def test_start_over_leaves_nothing_behind_either(qtbot: QtBot, kiosk: Kiosk, fresh: Kiosk) -> None:
    """The patient answers the warning with "Start over": the same wipe, at once."""
    patient_visits_with_larger_contrasting_text(kiosk, qtbot)
    built = screens(kiosk)
    kiosk.idle.idle_timer.timeout.emit()
    button = kiosk.overlay.start_over_button
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    settle()
    assert kiosk.shell.current == HOME
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    assert screens(kiosk) == built
    settle()
    left = snapshot(kiosk)
    untouched = after_reset(fresh, qtbot, screens_opened)

    leaks = differences(left, untouched)
    assert not leaks, "after Start over these differ from a fresh kiosk:\n" + "\n".join(leaks)
    for secret in (FIRST, LAST, "555-01", NOTE, SECOND_FIRST):
        assert secret not in repr(left)


def test_the_next_patient_finds_nothing_of_the_last_one_in_the_form(
    qtbot: QtBot, kiosk: Kiosk, fresh: Kiosk
) -> None:
    """No idle reset in between: the next patient opens the form soon after a request was
    sent. The thank-you page it hides still held the phone number and reference code."""
    first_patient_sends(kiosk, qtbot)
    kiosk.home.callback_tile.click()
    fresh.home.callback_tile.click()
    settle()

    def form(shot: Snapshot) -> Snapshot:
        return {path: state for path, state in shot.items() if "/CallbackView" in path}

    leaks = differences(form(snapshot(kiosk)), form(snapshot(fresh)))
    assert not leaks, "the next patient's form differs from a fresh one:\n" + "\n".join(leaks)


def test_the_comparison_notices_a_typed_name_left_behind(
    qtbot: QtBot, kiosk: Kiosk, fresh: Kiosk
) -> None:
    """The check above is only worth something if it sees what a reset missed."""
    left = after_reset(kiosk, qtbot, screens_opened)
    untouched = after_reset(fresh, qtbot, screens_opened)
    assert differences(left, untouched) == []

    form = kiosk.window.findChild(CallbackView)
    assert form is not None
    form.first_name.setText(FIRST)
    assert differences(snapshot(kiosk), untouched) == [
        f"CallbackView.text_fields['first_name']: text: left '{FIRST}', fresh kiosk ''"
    ]


def test_a_touch_before_home_is_painted_still_throws_the_last_screens_away(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    """The reset deletes the last patient's screens once home is painted. A touch that comes
    first (home hidden again, never painted) must not leave them behind, nor keep the kiosk from
    getting ready again."""
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    last_reader = kiosk.topic
    kiosk.idle.idle_timer.timeout.emit()
    while kiosk.idle.warning:
        kiosk.idle.tick_timer.timeout.emit()  # the last second: home shown, not yet painted
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    qtbot.waitUntil(lambda: not shiboken6.isValid(last_reader))
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    assert kiosk.topic.title_label.text() == "Symptoms"
