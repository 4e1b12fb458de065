"""The kiosk's one window: a top bar (Back, Home, contrast, text size, language), the screen
area, and a footer with the clinic's name and phone.

In kiosk mode the window is frameless, covers its screen, stays on top and refuses to close;
only `allow_close()` (staff exit) lets it go.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.views.buttons import icon_button
from kiosk.views.hold_gesture import HoldGesture
from kiosk.views.icons import IconSet, icon_size
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController

# What `kiosk run --windowed` opens at when it fits: a small landscape kiosk, or the same
# turned on its side on a portrait screen.
WINDOWED_SIZE = (1280, 800)


def windowed_size(available: tuple[int, int]) -> tuple[int, int]:
    """The size a development window opens at on a screen whose free area (without panels) is
    `available`: 1280x800, or 800x1280 on a portrait screen, shrunk to fit, same shape."""
    width, height = available
    want_width, want_height = WINDOWED_SIZE if width >= height else WINDOWED_SIZE[::-1]
    if want_width <= width and want_height <= height:
        return want_width, want_height
    if width * want_height <= height * want_width:  # the width runs out first
        return width, width * want_height // want_width
    return height * want_width // want_height, height


class MainWindow(QWidget):
    """The frame every screen is shown in; reports what the top bar was asked to do."""

    home_requested = Signal()
    back_requested = Signal()
    language_requested = Signal()
    text_size_requested = Signal()
    contrast_requested = Signal()
    staff_requested = Signal()

    def __init__(
        self,
        look: LookController,
        icons: IconSet,
        clinic_name: str,
        clinic_phone: str,
        *,
        kiosk_mode: bool,
    ) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self._look = look
        self._icons = icons
        self._phone = clinic_phone
        self._kiosk_mode = kiosk_mode
        self._close_allowed = not kiosk_mode
        self.setWindowTitle(clinic_name)
        # The window holds focus at rest, so no control shows a focus ring until Tab is used.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.back_button = self._bar_button("back", self.back_requested)
        self.home_button = self._bar_button("home", self.home_requested)
        self.contrast_button = self._bar_button("contrast", self.contrast_requested)
        self.text_size_button = self._bar_button("text-size", self.text_size_requested)
        self.language_button = self._bar_button("language", self.language_requested)
        self.stack = QStackedWidget()
        self.stack.setObjectName("Screens")
        self.clinic_label = plain_label(clinic_name)  # configuration text: never markup
        # Touches reach the label (for the hidden staff gesture) only if it accepts them.
        self.clinic_label.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.staff_gesture = HoldGesture(self.clinic_label)
        self.staff_gesture.held.connect(self.staff_requested)
        self.phone_label = plain_label()

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_bar())
        column.addWidget(self.stack, 1)
        column.addWidget(self._build_footer())

        if kiosk_mode:
            self.setWindowFlags(
                Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            )
        look.changed.connect(self._apply_icons)
        self._apply_icons()
        self._retranslate()

    def add_screen(self, screen: QWidget) -> None:
        self.stack.addWidget(screen)

    def set_screen(self, screen: QWidget, *, can_go_back: bool) -> None:
        self.stack.setCurrentWidget(screen)
        self.back_button.setVisible(can_go_back)
        self.setFocus()

    def set_language_choice(self, label: str) -> None:
        """Name the language the button switches to, in that language; empty hides it."""
        self.language_button.setText(label)
        self.language_button.setAccessibleName(label)
        self.language_button.setVisible(bool(label))

    def show_for_kiosk(self) -> None:
        """Cover the whole screen, under X11 without a window manager and under cage alike.

        Without a window manager showFullScreen() alone leaves a small window at the top left,
        so the window takes its screen's geometry first. Under Wayland the compositor places
        the window and ignores the position, but the size is what the first frame is drawn at,
        so cage gets a whole screen from the first frame instead of a small one it then
        resizes. `tests/e2e/test_display_path.py` checks both on real display servers.
        """
        screen = self.screen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def allow_close(self) -> None:
        """Let the window close: only staff leaving for maintenance may call this."""
        self._close_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_allowed:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Nothing a patient types may leave the kiosk; in windowed mode Esc is still harmless.
        if self._kiosk_mode:
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _build_bar(self) -> QFrame:
        keep_place = self.back_button.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        self.back_button.setSizePolicy(keep_place)
        bar = QFrame()
        bar.setObjectName("TopBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(12)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(self.contrast_button)
        row.addWidget(self.text_size_button)
        row.addWidget(self.language_button)
        return bar

    def _build_footer(self) -> QFrame:
        footer = QFrame()
        footer.setObjectName("Footer")
        row = QHBoxLayout(footer)
        row.setContentsMargins(28, 12, 28, 12)
        row.setSpacing(32)
        for label in (self.clinic_label, self.phone_label):
            label.setProperty("role", "footer")
        # The clinic's name wraps; the phone number stays whole on one line.
        self.clinic_label.setWordWrap(True)
        row.addWidget(self.clinic_label, 1)
        row.addWidget(self.phone_label, 0, Qt.AlignmentFlag.AlignRight)
        return footer

    def _bar_button(self, icon: str, signal: SignalInstance) -> QToolButton:
        button = icon_button(icon, "bar", Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.clicked.connect(signal)
        return button

    def _apply_icons(self) -> None:
        colour = self._look.look.palette.bar_text
        side = icon_size(100).width()
        for button in (
            self.back_button,
            self.home_button,
            self.contrast_button,
            self.text_size_button,
            self.language_button,
        ):
            button.setIcon(self._icons.icon(str(button.property("icon_name")), colour, side))
            button.setIconSize(QSize(side, side))

    def _retranslate(self) -> None:
        for button, text in (
            (self.back_button, self.tr("Back")),
            (self.home_button, self.tr("Home")),
            (self.contrast_button, self.tr("Contrast")),
            (self.text_size_button, self.tr("Text size")),
        ):
            button.setText(text)
            button.setAccessibleName(text)
        call_us = self.tr("Call us: {phone}")
        self.phone_label.setAccessibleName(call_us.format(phone=self._phone))
        # The number itself must never break across lines.
        unbreakable = self._phone.replace(" ", "\u00a0").replace("-", "\u2011")
        self.phone_label.setText(call_us.format(phone=unbreakable))
