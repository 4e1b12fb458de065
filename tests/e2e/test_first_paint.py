"""What the kiosk puts off until its first screen is painted (for a quicker start) is there
as soon as a patient can see anything."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk


def test_a_press_through_a_screen_reader_on_the_first_screen_counts(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    """The top bar and home were shown before the kiosk began to listen for someone there (at
    the first paint): a press on them through AT-SPI, which sends no input event, counts all
    the same."""
    kiosk.idle.idle_timer.stop()
    interface = QAccessible.queryAccessibleInterface(kiosk.window.text_size_button)
    assert interface is not None
    interface.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(kiosk.idle.idle_timer.isActive)
    assert kiosk.look.look.text_size > 100
