"""The kiosk is one window. A widget shown before it is placed in a screen becomes a window of
its own for a moment: under cage a new full-screen surface, and the kiosk's window loses the
focus (the patient's next key goes nowhere). None may, on any screen a patient can reach."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Kiosk
from kiosk.core.navigation import Route, Screen


class _WindowsShown(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {watched.objectName()!r}")
        return False


def test_no_screen_flashes_a_window_of_its_own(kiosk: Kiosk, qapp: QApplication) -> None:
    spy = _WindowsShown()
    qapp.installEventFilter(spy)
    try:
        routes = [Route(Screen.TOPIC, topic.slug) for topic in kiosk.shell.library.topics]
        routes += [Route(Screen.SPINE)]
        routes += [Route(Screen.SPINE, region.slug) for region in kiosk.shell.library.regions]
        routes += [Route(Screen.CALLBACK)]
        for _language in kiosk.config.kiosk.languages:
            for route in routes:
                kiosk.shell.go(route)
                QApplication.processEvents()
            kiosk.window.text_size_button.click()
            kiosk.window.language_button.click()
            QApplication.processEvents()
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == []
    assert QApplication.activeWindow() is kiosk.window
