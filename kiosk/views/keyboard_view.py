"""The on-screen keyboard: big keys for a name (with Spanish accents) or a phone number.

A key never takes the focus; it sends real key events to the focused text field, so the field
behaves exactly as it does with a physical keyboard.
"""

from __future__ import annotations

from typing import Literal, TypeGuard

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from kiosk.views.look import LookController

Mode = Literal["letters", "phone"]

# The letters sit on a grid of half-key columns, so rows can be staggered like a real
# keyboard: (row, first column, characters). Accents and name punctuation get a row of their own.
LETTER_ROWS = ((0, 1, "áéíóúñü'-"), (1, 0, "qwertyuiop"), (2, 1, "asdfghjkl"), (3, 3, "zxcvbnm"))
HALF_COLUMNS = 20
DIGIT_ROWS = ("123", "456", "789")
# What the "ext" key types: the form of an extension the phone field parses.
EXTENSION = " ext "
SHIFT, BACKSPACE, SPACE, DONE, EXT = "Shift", "Backspace", "Space", "Done", "ext"
# Keys spread wider than this are a long reach on a landscape screen; the keyboard centres.
MAX_WIDTH_PX = 1400
# The number pad's width at the normal text size: a hand's span, not the whole screen.
PAD_WIDTH_PX = 720


class _Key(QPushButton):
    """One key. It never takes the focus, so the field being typed into keeps it."""

    def __init__(self, name: str, kind: str) -> None:
        super().__init__()
        self.name = name
        self.setProperty("role", "key")
        self.setProperty("kind", kind)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Keys share the row's width; a big text size clips a label rather than push the
        # keyboard off the screen.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_label(name)

    def set_label(self, text: str, accessible_name: str = "") -> None:
        self.setText(text)
        self.setAccessibleName(accessible_name or text)


class KeyboardView(QWidget):
    """Types into the focused text field; reports Done. Letters, or a number pad for phones."""

    done_pressed = Signal()

    def __init__(self, look: LookController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._look = look
        self._shift = False
        self._keys: dict[Mode, dict[str, _Key]] = {"letters": {}, "phone": {}}
        self.setProperty("role", "keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self._pad = self._build_phone_pad()
        self._pages: dict[Mode, QWidget] = {
            "letters": self._build_letters(),
            "phone": self._centred(self._pad),
        }
        self._stack = QStackedWidget()
        for page in self._pages.values():
            self._stack.addWidget(page)
        self._stack.setMaximumWidth(MAX_WIDTH_PX)
        self._stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 14, 12, 14)
        outer.addWidget(self._stack)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        look.changed.connect(self._on_look_changed)
        self._retranslate()
        self._on_look_changed()

    def _add_key(self, mode: Mode, name: str, kind: str = "char") -> _Key:
        key = _Key(name, kind)
        key.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
        self._keys[mode][name] = key
        return key

    def _build_letters(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(12)
        for row, first, characters in LETTER_ROWS:
            for index, character in enumerate(characters):
                key = self._add_key("letters", character, "char" if character.isalpha() else "mark")
                grid.addWidget(key, row, first + 2 * index, 1, 2)
        shift = self._add_key("letters", SHIFT, "special")
        shift.setCheckable(True)
        grid.addWidget(shift, 3, 0, 1, 3)
        grid.addWidget(self._add_key("letters", BACKSPACE, "special"), 3, 17, 1, 3)
        grid.addWidget(self._add_key("letters", SPACE, "special"), 4, 3, 1, 12)
        grid.addWidget(self._add_key("letters", DONE, "done"), 4, 15, 1, 5)
        for column in range(HALF_COLUMNS):
            grid.setColumnStretch(column, 1)
        return page

    def _build_phone_pad(self) -> QWidget:
        pad = QWidget()
        grid = QGridLayout(pad)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        for row, digits in enumerate(DIGIT_ROWS):
            for column, digit in enumerate(digits):
                grid.addWidget(self._add_key("phone", digit, "digit"), row, column)
        grid.addWidget(self._add_key("phone", EXT, "special"), 3, 0)
        grid.addWidget(self._add_key("phone", "0", "digit"), 3, 1)
        grid.addWidget(self._add_key("phone", BACKSPACE, "special"), 3, 2)
        grid.addWidget(self._add_key("phone", DONE, "done"), 4, 0, 1, 3)
        return pad

    def _centred(self, widget: QWidget) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(widget, 1000)
        row.addStretch(1)
        return page

    @property
    def mode(self) -> Mode:
        return "phone" if self._stack.currentWidget() is self._pages["phone"] else "letters"

    def set_mode(self, mode: Mode) -> None:
        """Show the letters or the number pad."""
        self._stack.setCurrentWidget(self._pages[mode])

    @staticmethod
    def mode_for(widget: QWidget | None) -> Mode:
        """The layout a field asks for through its input method hints: digits get the pad."""
        if widget is None:
            return "letters"
        numbers = Qt.InputMethodHint.ImhDialableCharactersOnly | Qt.InputMethodHint.ImhDigitsOnly
        return "phone" if widget.inputMethodHints() & numbers else "letters"

    def follow_focus(self, widget: QWidget | None) -> None:
        """Switch to the layout the newly focused field needs."""
        self.set_mode(self.mode_for(widget))

    @property
    def shift(self) -> bool:
        return self._shift

    # A Qt-style setter, like setChecked(True): the form turns Shift on at the start of a name.
    def set_shift(self, on: bool) -> None:  # noqa: FBT001
        """Make the next letter a capital (one letter only), and show the capitals."""
        self._shift = on
        self._keys["letters"][SHIFT].setChecked(on)
        for _row, _first, characters in LETTER_ROWS:
            for character in filter(str.isalpha, characters):
                self._keys["letters"][character].set_label(character.upper() if on else character)

    def set_compact(self, compact: bool) -> None:  # noqa: FBT001 -- a Qt-style setter
        """Shorter keys (assets/keyboard.qss, [compact="true"]), on a screen too short to
        show the field being typed in and its label above the full-size keys."""
        if bool(self.property("compact")) == compact:
            return
        self.setProperty("compact", compact)
        for keys in self._keys.values():
            for key in keys.values():
                key.style().unpolish(key)
                key.style().polish(key)
        self.updateGeometry()

    def reset(self) -> None:
        """Letters, lower case: how the next patient finds the keyboard."""
        self.set_mode("letters")
        self.set_shift(False)

    def key(self, name: str) -> QPushButton:
        """The key shown now for a lower-case character, a digit, or one of Shift, Backspace,
        Space, Done and ext. Raises KeyError when the current layout has no such key."""
        return self._keys[self.mode][name]

    def all_keys(self, mode: Mode | None = None) -> list[QPushButton]:
        """Every key of a layout, the current one by default."""
        return list(self._keys[mode or self.mode].values())

    def _on_key_clicked(self, key: _Key) -> None:
        if key.name == DONE:
            self.done_pressed.emit()
        elif key.name == SHIFT:
            self.set_shift(key.isChecked())
        elif key.name == BACKSPACE:
            _type(Qt.Key.Key_Backspace, "")
        else:
            text = {SPACE: " ", EXT: EXTENSION}.get(key.name, key.name)
            if self._shift and text.isalpha():
                _type(_key_code(text), text.upper(), Qt.KeyboardModifier.ShiftModifier)
                self.set_shift(False)
            else:
                _type(_key_code(text), text)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # A touch gives the focus to the nearest ancestor of the touched key that takes click
        # focus (the main window does): the field would lose it, and the form would hide the
        # keyboard. Qt stops that search at a widget whose focus proxy has the focus, so while
        # a field in this window has it, the keyboard names that field as its proxy.
        shielded = (
            _is_text_field(new) and new.window() is self.window() and not self.isAncestorOf(new)
        )
        # Qt takes no proxy (nullptr) to mean none; the type stub leaves that out.
        self.setFocusProxy(new if shielded else None)  # type: ignore[arg-type]

    def _retranslate(self) -> None:
        for keys in self._keys.values():
            keys[BACKSPACE].set_label(self.tr("Delete"), self.tr("Backspace"))
            keys[DONE].set_label(self.tr("Done"))
        letters = self._keys["letters"]
        letters[SHIFT].set_label(self.tr("Shift"))
        letters[SPACE].set_label(self.tr("Space"))
        self._keys["phone"][EXT].set_label(self.tr("ext"), self.tr("Extension"))
        # Read aloud, a lone mark is easy to miss.
        letters["'"].setAccessibleName(self.tr("Apostrophe"))
        letters["-"].setAccessibleName(self.tr("Hyphen"))

    def _on_look_changed(self) -> None:
        self._pad.setMaximumWidth(self._look.look.px(PAD_WIDTH_PX))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _is_text_field(widget: QWidget | None) -> TypeGuard[QWidget]:
    """Whether a widget takes typed text (line and text edits, spin boxes, not read-only)."""
    return widget is not None and widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def _key_code(text: str) -> int:
    """Qt numbers a Latin-1 character's key by its capital's code point (Key_A, Key_Aacute)."""
    capital = text.upper()
    return ord(capital) if len(capital) == 1 and ord(capital) <= 0xFF else Qt.Key.Key_unknown


def _type(
    key: int, text: str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press and release a key in the focused text field, as a physical keyboard would."""
    target = QApplication.focusWidget()
    # Only into a text field: a Space sent to a focused button would press it.
    if not _is_text_field(target):
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))
