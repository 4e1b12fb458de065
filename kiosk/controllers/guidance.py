"""Audio guidance, as cash machines and ticket kiosks have it (2010 ADA Standards, 707.5): with a
keyboard, a keypad or a switch that sends keys, a blind patient hears every page and every
control the focus lands on, through the kiosk's own voice (kiosk/controllers/speech.py), with no
screen reader installed.

F1 starts it (and, once on, says again where the focus is). Tab and Shift+Tab, or the arrow
keys, move between controls; Enter or Space chooses. The idle reset ends it, so the next patient
starts without it. What a patient typed is never said, except that F2 in a field says that
field's text back, once, when they ask; nothing said is ever written to the log.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk.views import app_filters
from kiosk.views.main_window import MainWindow

START_KEY = Qt.Key.Key_F1  # also the Help key of keypads that have one
REVIEW_KEY = Qt.Key.Key_F2
# Arrow keys move the focus as Tab does (a four-button switch: up, down, choose, back), except
# Left and Right inside a text field, where they move along the text.
_NEXT = frozenset({Qt.Key.Key_Down, Qt.Key.Key_Right})
_PREVIOUS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Left})
_MOVES = _NEXT | _PREVIOUS | {Qt.Key.Key_Tab, Qt.Key.Key_Backtab}
# Nothing to say about these when they take the focus: the screen's name is said instead.
_SILENT = frozenset({QAccessible.Role.Window, QAccessible.Role.Client})


class Guidance(QObject):
    """Says pages and focused controls while on; reports `switched(on)`."""

    switched = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        say: Callable[[str], None],
        can_speak: Callable[[], bool],
        silence: Callable[[], None],
    ) -> None:
        """`say(text)` speaks in the current language's voice, instead of whatever was being
        said; `can_speak()` tells whether there is such a voice; `silence()` stops speaking."""
        super().__init__(window)
        self._window = window
        self._say = say
        self._can_speak = can_speak
        self._silence = silence
        self._on = False
        self._choice: QAbstractButton | None = None  # the choice in focus, heard as it changes
        for key, slot in ((START_KEY, self._on_start_key), (REVIEW_KEY, self._on_review_key)):
            shortcut = QShortcut(QKeySequence(key), window)
            # The idle warning and the staff screens are in the window too.
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    @property
    def on(self) -> bool:
        return self._on

    def start(self) -> None:
        """Guidance on (if the kiosk has a voice): say how to use it, then where the focus is."""
        if self._on or not self._can_speak():
            return
        self._on = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            app_filters.install(self)  # the arrow keys, while it is on only
        self._window.announced.connect(self._say)
        self._follow_choice(QApplication.focusWidget())
        self.switched.emit(True)
        how = self.tr(
            "Audio guidance is on. Press Tab to go to the next button, Shift and Tab to go back,"
            " and Enter to choose. In a box you typed in, press F2 to hear what you typed."
        )
        self._say(" ".join(filter(None, (how, self._where()))))

    def end(self) -> None:
        """Guidance off, saying nothing more (the idle reset: the next patient starts fresh)."""
        if not self._on:
            return
        self._on = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._on_focus_changed)
            app_filters.remove(self)
        self._follow_choice(None)
        self._window.announced.disconnect(self._say)
        self._silence()
        self.switched.emit(False)

    # -- what is said --------------------------------------------------------------------------

    def _where(self) -> str:
        focused = QApplication.focusWidget()
        said = self.describe(focused) if focused is not None else ""
        return said or self._window.accessibleName()

    def describe(self, widget: QWidget) -> str:
        """What the focus landing on `widget` says: its name, what it is, its state and what is
        wrong with it. Never what was typed in it: only whether something was."""
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or interface.role() in _SILENT:
            return ""
        role, state = interface.role(), interface.state()
        said = [interface.text(QAccessible.Text.Name)]
        kinds = {
            QAccessible.Role.Button: self.tr("button"),
            QAccessible.Role.CheckBox: self.tr("choice"),
            QAccessible.Role.RadioButton: self.tr("choice"),
            QAccessible.Role.EditableText: self.tr("text box"),
        }
        said.append(kinds.get(role, ""))
        if state.checkable:
            said.append(self.tr("chosen") if state.checked else self.tr("not chosen"))
        if isinstance(widget, QLineEdit):
            said.append(
                self.tr("filled in; press F2 to hear it") if widget.text() else self.tr("empty")
            )
        said.append(interface.text(QAccessible.Text.Description))
        return ". ".join(part.rstrip(".") for part in said if part) + "."

    def _follow_choice(self, widget: QWidget | None) -> None:
        """A choice in focus says when it becomes chosen or not (Space), as it changes."""
        if self._choice is not None and shiboken6.isValid(self._choice):
            self._choice.toggled.disconnect(self._on_toggled)
        self._choice = None
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            widget.toggled.connect(self._on_toggled)
            self._choice = widget

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._follow_choice(new)
        if new is not None:
            said = self.describe(new)
            if said:
                self._say(said)

    def _on_toggled(self, checked: bool) -> None:  # noqa: FBT001 -- a signal's slot
        self._say(self.tr("chosen") if checked else self.tr("not chosen"))

    # -- keys ----------------------------------------------------------------------------------

    def _say_link(self, label: QLabel) -> None:
        if shiboken6.isValid(label) and label.hasFocus() and label.selectedText():
            self._say(". ".join((label.selectedText(), self.tr("link"))) + ".")

    def _on_start_key(self) -> None:
        if self._on:
            self._say(self._where())  # "where am I?"
        else:
            self.start()

    def _on_review_key(self) -> None:
        """The patient asked to hear what they typed in the field they are in: said once, to
        them (the voice they listen to), and never logged."""
        focused = QApplication.focusWidget()
        if not self._on or not isinstance(focused, QLineEdit):
            return
        typed = focused.text()
        if not typed:
            self._say(self.tr("empty"))
        elif any(c.isdigit() for c in typed):
            self._say(" ".join(c for c in typed if c.isalnum()))  # a number, digit by digit
        else:
            self._say(typed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched is not QApplication.focusWidget():
            return False
        key = event.key()
        if isinstance(watched, QLabel) and key in _MOVES:
            # Tab in a page's text goes from link to link without the focus leaving it: say
            # the link, once the label has moved to it.
            QTimer.singleShot(0, self, lambda: self._say_link(watched))
        if key not in _NEXT and key not in _PREVIOUS:
            return False
        along_text = key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and isinstance(watched, QLineEdit)
        if along_text or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        tab = Qt.Key.Key_Tab if key in _NEXT else Qt.Key.Key_Backtab
        QApplication.sendEvent(watched, QKeyEvent(QEvent.Type.KeyPress, tab, event.modifiers()))
        return True
