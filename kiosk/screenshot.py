"""Renders one screen of a built kiosk to a PNG, for reviews, the README and the tests."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QScrollArea

from kiosk.app import Kiosk
from kiosk.core.navigation import Route, Screen
from kiosk.core.theme import HIGH_CONTRAST

# Screenshot-only states of the callback form; the data shown is fictional (555-01xx).
CALLBACK_STATES = ("errors", "keyboard", "bottom", "done")


def _settle() -> None:
    """A changed text re-lays its parents out in posted events, a level per pass: let them
    settle as the event loop would before the next frame."""
    for _ in range(4):
        QApplication.processEvents()


def _callback_state(kiosk: Kiosk, state: str) -> None:
    from kiosk.views.callback_view import CallbackView  # noqa: PLC0415

    view = kiosk.window.stack.currentWidget()
    if not isinstance(view, CallbackView):
        raise TypeError(f"the callback screen is not showing, {type(view).__name__} is")
    if state == "errors":
        view.send_button.click()
    elif state == "keyboard":
        kiosk.window.activateWindow()
        view.phone.setFocus()
        QApplication.processEvents()
        view.phone.setText("(201) 555-01")
    elif state == "bottom":  # the end of the form: consent and the send button
        view.first_name.setText("Ana")
        view.period_buttons["morning"].setChecked(True)
        _settle()
        for area in view.findChildren(QScrollArea):
            if area.isVisible():  # the form's, not the thank-you page's
                area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    elif state == "done":
        view.show_saved(
            "7KX-M3R", "(201) 555-0123", ("morning",), days=("mon", "wed"), language="es"
        )


def _staff_state(kiosk: Kiosk, state: str) -> None:
    """`staff:pin` the pad; `staff` the panel (signed in as the demo staff); `staff:stats`;
    `staff:checks` (or `staff:diagnostics`) the Checks tab, once its facts are gathered."""
    from kiosk.demo import DEMO_PIN  # noqa: PLC0415
    from kiosk.views.staff_view import StaffScreen  # noqa: PLC0415

    screen = kiosk.window.stack.currentWidget()
    if not isinstance(screen, StaffScreen):
        raise TypeError(f"the staff screen is not showing, {type(screen).__name__} is")
    if state == "pin":
        for digit in DEMO_PIN[:3]:
            screen.pin.keys[digit].click()
        return
    for digit in DEMO_PIN:
        screen.pin.keys[digit].click()
    screen.pin.sign_in_button.click()
    if state == "stats":
        screen.panel.stats_requested.emit()
    elif state in ("checks", "diagnostics"):
        screen.panel.diagnostics_requested.emit()
        _wait_for_disk(kiosk)


def _wait_for_disk(kiosk: Kiosk, seconds: float = 30) -> None:
    """Until the disk thread's jobs are done and their outcomes shown (the Checks tab's facts
    are gathered there), or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while kiosk.background.pending and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)


def render_screen(
    kiosk: Kiosk,
    route: Route,
    out: Path,
    *,
    size: tuple[int, int],
    language: str,
    text_size: int | None = None,
    high_contrast: bool = False,
) -> None:
    """Show `route` at `size` and save what the window paints to `out`.

    Raises LookupError when the route names something the content lacks, OSError when the
    file cannot be written.
    """
    look = kiosk.look.look
    if text_size is not None:
        look = look._replace(text_size=text_size)
    if high_contrast:
        look = look._replace(palette=HIGH_CONTRAST)
    kiosk.look.set_look(look)
    kiosk.shell.set_language(language)
    library = kiosk.shell.library
    if route.screen == "topic" and library.topic(route.arg) is None:
        slugs = ", ".join(t.slug for t in library.topics)
        raise LookupError(f"no topic {route.arg!r} in {language!r} (topics: {slugs})")
    if route.screen == "spine" and route.arg and library.region(route.arg) is None:
        slugs = ", ".join(r.slug for r in library.regions)
        raise LookupError(f"no spine region {route.arg!r} in {language!r} (regions: {slugs})")
    kiosk.window.resize(*size)
    kiosk.window.show()
    if route.screen == "idle-warning":
        kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
        QApplication.processEvents()
        kiosk.idle.idle_timer.timeout.emit()
    elif route.screen == "attract":
        kiosk.shell.show_attract()
    elif route.screen == "staff":
        kiosk.shell.go(Route(Screen.STAFF))
        QApplication.processEvents()
        _staff_state(kiosk, route.arg)
    elif route.screen == "callback" and route.arg in CALLBACK_STATES:
        kiosk.shell.go(Route(Screen.CALLBACK))
        QApplication.processEvents()
        _callback_state(kiosk, route.arg)
    else:
        kiosk.shell.go(route)
    _settle()
    if not kiosk.window.grab().save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")
