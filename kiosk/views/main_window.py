"""The kiosk's one window: a top bar (Back, Home, contrast, text size, language), the screen
area, and a footer with the clinic's name and phone.

In kiosk mode the window is frameless, covers its screen, stays on top and refuses to close;
only `allow_close()` (staff exit) lets it go.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.theme import CHROME_GROWS_TO
from kiosk.views import accessible
from kiosk.views.buttons import icon_button
from kiosk.views.hold_gesture import HoldGesture
from kiosk.views.icons import IconSet
from kiosk.views.labels import plain_label
from kiosk.views.look import FRAME_SHEETS, LookController

# What `kiosk run --windowed` opens at when it fits: a small landscape kiosk, or the same
# turned on its side on a portrait screen.
WINDOWED_SIZE = (1280, 800)
# The top bar's icons at 100 % text, and the text size past which its words stop growing.
BAR_ICON_PX = 56
BAR_TEXT_CAP = 150


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
    # A finger down on the text-size or contrast button ("text-size", "contrast"), and up
    # again (a click or not).
    look_button_down = Signal(str)
    look_button_up = Signal()
    staff_requested = Signal()
    # What was announced to a screen reader (a new screen, what it holds): audio guidance
    # says it too.
    announced = Signal(str)

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
        self._clinic_name = clinic_name
        accessible.install()
        accessible.give_role(self, "frame")
        self.setWindowTitle(clinic_name)
        # The window holds focus at rest, so no control shows a focus ring until Tab is used.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.back_button = self._bar_button("back", self.back_requested)
        self.home_button = self._bar_button("home", self.home_requested)
        self.contrast_button = self._bar_button("contrast", self.contrast_requested)
        self.text_size_button = self._bar_button("text-size", self.text_size_requested)
        self.language_button = self._bar_button("language", self.language_requested)
        for button in (self.contrast_button, self.text_size_button):
            which = str(button.property("icon_name"))
            button.pressed.connect(lambda which=which: self.look_button_down.emit(which))
            button.released.connect(self.look_button_up)  # a key let go, a finger slid off
            button.installEventFilter(self)  # a finger lifted anywhere: no signal says so
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
        self.top_bar = self._build_bar()
        column.addWidget(self.top_bar)
        column.addWidget(self.stack, 1)
        footer = self._build_footer()
        column.addWidget(footer)
        # Each part takes a new look by itself: the bars always (their words stop growing at
        # 150 %; frame.qss styles them), a screen when it is on view.
        for bar in (self.top_bar, footer):
            look.style(bar, grows_to=CHROME_GROWS_TO, sheets=FRAME_SHEETS)

        if kiosk_mode:
            self.setWindowFlags(
                Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            )
        look.changed.connect(self._apply_icons)
        self._apply_icons()
        self._retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            self.look_button_up.emit()  # the look buttons' only filter
        return False

    def add_screen(self, screen: QWidget) -> None:
        # Its own background (#Screens > QWidget): what is behind it keeps the first look.
        screen.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.stack.addWidget(screen)
        self._look.style(screen)

    def set_screen(
        self, screen: QWidget, *, can_go_back: bool, name: str = "", said: str = ""
    ) -> None:
        """Show `screen`, called `name` ("Symptoms"): the window takes its name, and a screen
        reader hears `said` (by default the name)."""
        self.stack.setCurrentWidget(screen)
        self.back_button.setVisible(can_go_back)
        # A screen read from across the room (the attract loop) sets "top_bar" False: it has
        # the whole height, and any touch goes home, where the bar is back.
        self.top_bar.setVisible(screen.property("top_bar") is not False)
        self.setFocus()
        settle_layouts()
        # Said last: the focus passing through the new screen on its way here says nothing
        # over it.
        self.name_screen(name, said)

    def name_screen(self, name: str, said: str = "") -> None:
        """The window is named for what it shows ("Symptoms — Spine and Pain Clinic of Texas"),
        and a screen reader hears the new name (or `said`)."""
        title = f"{name} \u2014 {self._clinic_name}" if name else self._clinic_name
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.announce(said or name)

    def announce(self, message: str, *, assertive: bool = False) -> None:
        """Have a screen reader, and audio guidance when it is on, say `message` now."""
        if message:
            accessible.announce(self, message, assertive=assertive)
            self.announced.emit(message)

    def set_language_choice(self, label: str) -> None:
        """Name the language the button switches to, in that language; empty hides it."""
        self._say(self.language_button, label)
        self.language_button.setVisible(bool(label))
        self._fit_bar_words()

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_bar_words()

    def setVisible(self, visible: bool) -> None:  # noqa: FBT001, N802 -- Qt's override
        # Resized while hidden (`kiosk run` sizes the window before showing it), the window
        # hears of its new width only after show() has laid out the screens: fit the bar's
        # words to it first, so home is laid out once, at its final size (not a second time
        # when the bar's height changes under it).
        if visible and not self.isVisible():
            self._fit_bar_words()
        super().setVisible(visible)

    def _build_bar(self) -> QFrame:
        # Back takes no room where there is nothing to go back to (home): Home moves to the
        # left edge rather than sit beside an empty gap.
        bar = QFrame()
        bar.setObjectName("TopBar")
        # As tall as its buttons ask, always: a tall screen below must not squeeze it (the
        # stylesheet's min-height would let the layout cut the words under the icons).
        bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 6, 16, 6)
        row.setSpacing(12)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(self.contrast_button)
        row.addWidget(self.text_size_button)
        row.addWidget(self.language_button)
        return bar

    def _build_footer(self) -> QFrame:
        for label in (self.clinic_label, self.phone_label):
            label.setProperty("role", "footer")
        # The clinic's name wraps; the phone number stays whole on one line.
        self.clinic_label.setWordWrap(True)
        self.footer = Footer(self.clinic_label, self.phone_label)
        return self.footer

    def _say(self, button: QToolButton, words: str) -> None:
        button.setProperty("words", words)
        button.setText(words)
        button.setAccessibleName(words)

    def _bar_buttons(self) -> tuple[QToolButton, ...]:
        return (
            self.back_button,
            self.home_button,
            self.contrast_button,
            self.text_size_button,
            self.language_button,
        )

    def _fit_bar_words(self) -> None:
        """Each button's words on one line where the bar is wide enough for all of them,
        Back included (so the bar keeps its height from screen to screen); where it is not
        (large text in Spanish on a narrow screen), the longest words go on two lines rather
        than be cut short."""
        bar = self.back_button.parentWidget()
        if bar is None:
            return
        buttons = [b for b in self._bar_buttons() if b.property("words")]
        for button in buttons:
            button.setText(str(button.property("words")))
        margins = bar.layout().contentsMargins()  # type: ignore[union-attr]
        room = self.width() - margins.left() - margins.right()
        spacing = bar.layout().spacing()  # type: ignore[union-attr]

        def needed() -> int:
            return sum(b.sizeHint().width() + spacing for b in buttons)

        while needed() > room:
            one_line = [b for b in buttons if " " in b.text() and "\n" not in b.text()]
            if not one_line:
                break
            widest = max(one_line, key=lambda b: b.sizeHint().width())
            widest.setText(_two_lines(widest.text()))

    def _bar_button(self, icon: str, signal: SignalInstance) -> QToolButton:
        button = icon_button(icon, "bar", Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        # All as tall as the tallest (words on two lines in one of them), each centred.
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        button.clicked.connect(signal)
        return button

    def _apply_icons(self) -> None:
        colour = self._look.look.palette.bar_text
        side = bar_icon_side(self._look.look.text_size)
        for button in self._bar_buttons():
            button.setIcon(self._icons.icon(str(button.property("icon_name")), colour, side))
            button.setIconSize(QSize(side, side))
        self._fit_bar_words()
        self.footer.arrange()
        self._say_look()

    def _say_look(self) -> None:
        """Contrast and Text size say what they are set to, as a screen reader reads them."""
        look = self._look.look
        high = look.palette.name == "high-contrast"
        self.contrast_button.setAccessibleDescription(
            self.tr("High contrast is on.") if high else self.tr("High contrast is off.")
        )
        self.text_size_button.setAccessibleDescription(
            self.tr("Text at {percent} %.").format(percent=look.text_size)
        )

    def _retranslate(self) -> None:
        for button, text in (
            (self.back_button, self.tr("Back")),
            (self.home_button, self.tr("Home")),
            (self.contrast_button, self.tr("Contrast")),
            (self.text_size_button, self.tr("Text size")),
        ):
            self._say(button, text)
        self._fit_bar_words()
        call_us = self.tr("Call us: {phone}")
        self.phone_label.setAccessibleName(call_us.format(phone=self._phone))
        # The number itself must never break across lines.
        unbreakable = self._phone.replace(" ", "\u00a0").replace("-", "\u2011")
        self.phone_label.setText(call_us.format(phone=unbreakable))
        self.footer.arrange()
        self._say_look()
        accessible.describe_application(
            self.tr(
                "Information about back pain from {clinic}, and a way to ask them to call you."
            ).format(clinic=self._clinic_name)
        )


def _two_lines(words: str) -> str:
    """`words` broken at the space nearest their middle."""
    middle = len(words) / 2
    spaces = [i for i, c in enumerate(words) if c == " "]
    at = min(spaces, key=lambda i: abs(i - middle))
    return words[:at] + "\n" + words[at + 1 :]


def bar_icon_side(text_size: int) -> int:
    """The top bar's icons grow as its words do (to 150 %, as the stylesheet's font_chrome),
    so a larger text size never leaves small pictures over large words."""
    return round(BAR_ICON_PX * min(text_size, BAR_TEXT_CAP) / 100)


class Footer(QFrame):
    """The clinic's name at the left and its phone number at the right, a clear gap between;
    where both no longer fit side by side (a narrow window, large text), one above the other."""

    def __init__(self, name: QLabel, phone: QLabel) -> None:
        super().__init__()
        self.setObjectName("Footer")
        self._name = name
        self._phone = phone
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(28, 12, 28, 12)
        self._row.addWidget(name, 1)
        self._row.addWidget(phone, 0, Qt.AlignmentFlag.AlignRight)

    @property
    def side_by_side(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.LeftToRight

    def gap(self) -> int:
        """Two letters' height of the footer's words: they never look joined."""
        return 2 * self._phone.fontMetrics().height()

    def arrange(self) -> None:
        self._arrange(self.width())

    def _arrange(self, width: int) -> None:
        margins = self._row.contentsMargins()
        room = width - margins.left() - margins.right()
        metrics = self._name.fontMetrics()
        one_line = metrics.horizontalAdvance(self._name.text()) + 2
        # The name may wrap, but keeps at least half the room (or all it needs) beside it.
        name_room = room - self.gap() - self._phone.sizeHint().width()
        beside = name_room >= min(one_line, room // 2)
        self._row.setSpacing(self.gap() if beside else 4)
        self._row.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        self._row.setAlignment(
            self._phone, Qt.AlignmentFlag.AlignRight if beside else Qt.AlignmentFlag.AlignLeft
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())


# Deeper than any chain of layouts in the kiosk's screens (a button's words, its row, the
# page, the scroll area, the screen); each pass is a scan of the event queue when none is left.
_LAYOUT_DEPTH = 12


def settle_layouts() -> None:
    """Lay out now everything that changed, to the top: the next paint shows the screen as it
    will stay. Qt lays out a level at a time, each on its own posted event, and paints in
    between: a screen whose words all changed (a new language) was first painted with buttons
    cut short ("esione" for "Lesiones"), then again a frame later."""
    for _ in range(_LAYOUT_DEPTH):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
