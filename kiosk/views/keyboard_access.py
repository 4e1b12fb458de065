"""A physical keyboard (or a switch device that sends keys) works everywhere a finger does.

Tab and Shift+Tab move between controls, Space presses the one in focus (Qt does both). This adds
what people expect beyond that: Enter presses a button or ticks a box too, and Enter in a text
field moves on to the next control, as a paper form's reader would.

Shortcuts on the window rather than an application-wide event filter: a Python filter would
run for every event of every widget (some 1,500 on a language switch), for two keys.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget


class KeyboardActivation(QObject):
    """Enter (either key) presses the focused button and leaves a text field."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._on_enter)

    def _on_enter(self) -> None:
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and focused.isEnabled():
            focused.click()
        elif isinstance(focused, QLineEdit):
            focused.focusNextChild()
