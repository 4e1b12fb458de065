"""The staff PIN pad: big digits, a dot for each digit entered (never the digit), and plain
words when it says no.

It only collects a PIN and reports it; whether the PIN is right, and how long to wait after
too many wrong ones, is decided by kiosk.storage.accounts and told back to it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.storage.accounts import MAX_PIN, MIN_PIN
from kiosk.views.buttons import WrappingButton
from kiosk.views.labels import plain_label
from kiosk.views.scrolling import make_flickable, vertical_scroll

# A filled dot for each digit entered, an open one for each still needed at the least; past
# a line's worth of dots, the number of the others ("+3").
DIGIT_DOT, EMPTY_DOT = "\u25cf", "\u25cb"
DOTS_SHOWN = 10


class PinView(QWidget):
    """Reports `pin_entered(pin)` on Sign in, `cancelled()` on Cancel."""

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pin = ""
        self.title = plain_label()
        self.title.setProperty("role", "display")
        self.title.setWordWrap(True)
        self.dots = plain_label()
        self.dots.setProperty("role", "pin-dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = plain_label()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys: dict[str, QPushButton] = {}
        grid = self._build_keys()
        self.cancel_button = WrappingButton(role="more")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.sign_in_button = WrappingButton(role="action")
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        # Re-opens the pad when a wait after wrong PINs is over.
        self.wait_timer = QTimer(self)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.timeout.connect(self._on_wait_over)

        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.sign_in_button)
        pad = QWidget()
        pad.setObjectName("PinPad")
        pad.setMaximumWidth(720)
        column = QVBoxLayout(pad)
        column.setSpacing(18)
        column.addWidget(self.title)
        column.addWidget(self.dots)
        column.addWidget(self.message)
        column.addLayout(grid)
        column.addLayout(actions)
        column.addStretch(1)
        # Centred by stretches, not by an alignment: an aligned pad would be given the height
        # of its one-line title, and a title wrapped at large text (Spanish) pushed the keys
        # on top of each other.
        centred = QWidget()
        row = QHBoxLayout(centred)
        row.setContentsMargins(32, 32, 32, 32)
        row.addStretch(1)
        row.addWidget(pad, 1000)
        row.addStretch(1)
        # At large text on a landscape screen the pad is taller than the room: it scrolls
        # rather than make the window taller than the screen.
        area = vertical_scroll(centred)
        make_flickable(area)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        self._retranslate()
        self.reset()

    def _build_keys(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(14)
        for index, name in enumerate([*"123456789", "clear", "0", "delete"]):
            key = QPushButton()
            key.setProperty("role", "key")
            key.setProperty("kind", "digit" if name.isdigit() else "special")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.setMinimumWidth(160)
            key.clicked.connect(lambda _=False, n=name: self._press(n))
            grid.addWidget(key, index // 3, index % 3)
            self.keys[name] = key
        return grid

    @property
    def entered(self) -> int:
        """How many digits are in (never which)."""
        return len(self._pin)

    def reset(self) -> None:
        """Forget the digits and any message; the pad is ready."""
        self._pin = ""
        self.wait_timer.stop()
        self._set_enabled(True)
        self.message.clear()
        self._show_dots()

    def show_wrong(self) -> None:
        self._pin = ""
        self._show_dots()
        self.message.setText(self.tr("That PIN is not right. Please try again."))

    def show_wait(self, seconds: float) -> None:
        """Too many wrong PINs: keep the pad closed for `seconds`."""
        self._pin = ""
        self._show_dots()
        self._set_enabled(False)
        whole = max(1, math.ceil(seconds))
        self.message.setText(
            self.tr("Too many wrong PINs. Please wait {n} seconds.").format(n=whole)
        )
        self.wait_timer.start(whole * 1000)

    def show_problem(self, text: str) -> None:
        """Why the pad cannot be used now (the database, its key), in words for staff."""
        self._pin = ""
        self._show_dots()
        self.message.setText(text)

    def show_not_set_up(self) -> None:
        self._set_enabled(False)
        self.message.setText(
            self.tr(
                "Staff mode is not set up on this kiosk yet. An administrator can add staff "
                "with the command: kiosk staff add NAME"
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A physical keyboard works too.
        text = event.text()
        if text.isdigit():
            self._press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._press("delete")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_sign_in_clicked()
        else:
            super().keyPressEvent(event)

    def _press(self, name: str) -> None:
        if not self.keys["0"].isEnabled():
            return
        if name == "clear":
            self._pin = ""
        elif name == "delete":
            self._pin = self._pin[:-1]
        elif len(self._pin) < MAX_PIN:
            self._pin += name
        self.message.clear()
        self._show_dots()

    def _show_dots(self) -> None:
        """One filled dot per digit entered; open dots up to the shortest PIN, so an empty
        pad shows where the digits will go and every touch visibly adds one."""
        entered = len(self._pin)
        dots = [DIGIT_DOT] * min(entered, DOTS_SHOWN) + [EMPTY_DOT] * max(0, MIN_PIN - entered)
        if entered > DOTS_SHOWN:
            dots.append(f"+{entered - DOTS_SHOWN}")
        self.dots.setText(" ".join(dots))
        self.dots.setAccessibleName(self.tr("%n digit(s) entered", "", len(self._pin)))

    def _set_enabled(self, enabled: bool) -> None:  # noqa: FBT001
        for key in self.keys.values():
            key.setEnabled(enabled)
        self.sign_in_button.setEnabled(enabled)

    def _on_sign_in_clicked(self) -> None:
        if self._pin and self.sign_in_button.isEnabled():
            pin, self._pin = self._pin, ""
            self._show_dots()
            self.pin_entered.emit(pin)

    def _on_cancel_clicked(self) -> None:
        self.reset()
        self.cancelled.emit()

    def _on_wait_over(self) -> None:
        self._set_enabled(True)
        self.message.clear()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Staff sign-in"))
        for name, key in self.keys.items():
            label = {"clear": self.tr("Clear"), "delete": self.tr("Delete")}.get(name, name)
            key.setText(label)
            key.setAccessibleName(label)
        self.cancel_button.set_text(self.tr("Cancel"))
        self.sign_in_button.set_text(self.tr("Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
