"""A physical keyboard (or a switch device that sends keys) works everywhere a finger does.

Tab and Shift+Tab move between controls, Space presses the one in focus (Qt does both). This adds
what people expect beyond that: Enter presses a button or ticks a box too, and Enter in a text
field moves on to the next control, as a paper form's reader would.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyboardActivation(QObject):
    """Application-wide: Enter presses the focused button and leaves a text field. Owned by the
    window, like IdleWatch, so a window's end removes it."""

    def __init__(self, app: QApplication, owner: QObject) -> None:
        super().__init__(owner)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in _ENTER or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if isinstance(watched, QAbstractButton) and watched.isEnabled():
            watched.click()
            return True
        if isinstance(watched, QLineEdit):
            watched.focusNextChild()
            return True
        return False
