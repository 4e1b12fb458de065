"""The thank-you page after a request is saved: a big tick, what happens next, the call as the
patient asked for it, the reference code and what it is for, and a countdown back to the start.

It shows what it is given and counts down with its own one-second timer (an attribute, so tests
fire it); a touch on the page starts the count again, as any touch restarts the kiosk's idle
time. At zero, or on the button, it reports `home_requested`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.config import ANY_LANGUAGE
from kiosk.views.buttons import WrappingButton
from kiosk.views.call_words import call_summary
from kiosk.views.icons import IconSet, icon_size
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController
from kiosk.views.rings import CountdownRing, DoneBadge
from kiosk.views.scrolling import make_flickable, vertical_scroll

# Long enough to read the page twice at a slow pace; never longer than the kiosk's idle time,
# so the idle warning never comes up over a page still counting down.
BACK_AFTER_SECONDS = 30
# Below this height at the normal text size (a 1280x800 screen; proportionally more at larger
# text) the big sentences are a size smaller, so the page fits without scrolling.
SHORT_PX = 700
# Side by side from this width at the normal text size (1,800 px at 200 %): each half keeps
# a comfortable line length.
TWO_COLUMNS_FROM_PX = 900
_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel})


class SavedCall(NamedTuple):
    """What the thank-you page repeats back: the reference code and the call as asked for."""

    reference: str
    phone: str  # as the patient reads it: "(201) 555-0123"
    days: tuple[str, ...]  # kiosk.core.callback_form.DAYS codes; empty: any day
    periods: tuple[str, ...]  # kiosk.core.callback_form.PERIODS codes
    language: str  # the language of the call


class ThanksPage(QWidget):
    """Shows a `SavedCall`; reports `home_requested()` at the end of the countdown or the
    button."""

    home_requested = Signal()

    def __init__(
        self,
        look: LookController,
        icons: IconSet | None,
        *,
        promises: Mapping[str, str],
        clinic_phone: str = "",
        back_after_seconds: int = BACK_AFTER_SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Thanks")
        self._look = look
        self._icons = icons
        self._promises = dict(promises)
        self._clinic_phone = clinic_phone
        self._back_after = back_after_seconds
        self._saved: SavedCall | None = None
        self._left = 0
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self._on_countdown_tick)

        self.badge = DoneBadge(160)
        self.badge.setObjectName("DoneBadge")
        self.title = self._label("display")
        self.lead = self._label("lead")
        self.next_heading = self._label("heading")
        self.promise_label = self._label("promise")
        self.call_icon = plain_label()
        self.call_icon.setProperty("role", "card-icon")
        self.summary_label = self._label("summary")
        self.code_caption = self._label("field-label")
        self.reference_label = plain_label()
        self.reference_label.setProperty("role", "reference")
        self.code_hint = self._label("card-text")
        self.ring = CountdownRing(88)
        self.ring.setObjectName("ThanksRing")
        self.countdown_label = self._label("countdown")
        self.home_button = WrappingButton(role="action")
        self.home_button.clicked.connect(self._on_home_clicked)

        # Three parts, placed by _arrange() for the screen's shape: the thanks, what happens
        # next, and the cards.
        self._hero, self._next, self._cards = self._thanks(), self._what_next(), self._details()
        page = QWidget()
        page.setProperty("role", "page")
        self._grid = QGridLayout(page)
        self._grid.setHorizontalSpacing(56)
        self._grid.setVerticalSpacing(28)
        self._arrangement = ""
        self.scroll_area = vertical_scroll(page)
        make_flickable(self.scroll_area)
        for watched in (self.scroll_area.viewport(), page):
            watched.installEventFilter(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self._bottom_bar())
        # Its height never counts against the form's: behind the form, with the keyboard up on
        # a 1280x800 screen, it would make the window taller than the screen.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        look.changed.connect(self._on_look_changed)
        self._on_look_changed()
        self._arrange(self.width(), self.height())  # laid out before it is first shown
        self.retranslate()

    def _label(self, role: str) -> QLabel:
        label = plain_label()
        label.setProperty("role", role)
        label.setWordWrap(True)
        return label

    def _thanks(self) -> QWidget:
        words = QVBoxLayout()
        words.setSpacing(8)
        words.addWidget(self.title)
        words.addWidget(self.lead)
        hero = QWidget()
        self._top = QBoxLayout(QBoxLayout.Direction.TopToBottom, hero)
        self._top.setContentsMargins(0, 0, 0, 0)
        self._top.setSpacing(32)
        self._top.addWidget(self.badge)
        self._top.addLayout(words, 1)
        return hero

    def _what_next(self) -> QWidget:
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.next_heading)
        column.addWidget(self.promise_label)
        return part

    def _details(self) -> QWidget:
        call = QFrame()
        call.setProperty("role", "card")
        call_row = QHBoxLayout(call)
        call_row.setContentsMargins(28, 20, 28, 20)
        call_row.setSpacing(24)
        call_row.addWidget(self.call_icon, 0, Qt.AlignmentFlag.AlignTop)
        call_row.addWidget(self.summary_label, 1)
        code = QFrame()
        code.setProperty("role", "card")
        code_column = QVBoxLayout(code)
        code_column.setContentsMargins(28, 16, 28, 20)
        code_column.setSpacing(4)
        code_column.addWidget(self.code_caption)
        code_column.addWidget(self.reference_label)
        code_column.addWidget(self.code_hint)
        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addWidget(call)
        column.addWidget(code)
        return details

    def _bottom_bar(self) -> QFrame:
        bar = QFrame()
        bar.setProperty("role", "action-bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(32, 12, 32, 12)
        row.setSpacing(24)
        row.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.countdown_label, 1)
        row.addWidget(self.home_button, 1)
        return bar

    # -- what it shows ---------------------------------------------------------------------------

    @property
    def saved(self) -> SavedCall | None:
        return self._saved

    @property
    def seconds_left(self) -> int:
        return self._left

    def show_call(self, saved: SavedCall) -> None:
        """Thank the patient for `saved` and start counting down to the start."""
        self._saved = saved
        self.scroll_area.verticalScrollBar().setValue(0)
        self._say_saved()
        if self.isVisible():
            self.restart_countdown()
        else:  # counted down only while it shows (the patient left before the save ended)
            self._say_countdown()

    def announcement(self) -> str:
        """What a screen reader hears as the page appears: the thanks, what happens next and
        the reference code letter by letter ("A 7 K 2"); never the phone number, which audio
        guidance would say out loud in the waiting room."""
        said = [self.title.text(), self.lead.text(), self.promise_label.text()]
        if self._saved is not None:
            said.append(self.reference_label.accessibleName() + ".")
        return " ".join(said)

    def clear(self) -> None:
        """Forget the call shown (phone number and code) and stop counting."""
        self.countdown_timer.stop()
        self._saved = None
        self._left = 0
        for label in (self.summary_label, self.reference_label):
            label.clear()
            label.setAccessibleName("")
        self._say_countdown()

    def restart_countdown(self) -> None:
        self._left = self._back_after
        self.countdown_timer.start()
        self._say_countdown()

    def _on_countdown_tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self._say_countdown()
            return
        self.countdown_timer.stop()
        self.home_requested.emit()

    def _on_home_clicked(self) -> None:
        self.countdown_timer.stop()
        self.home_requested.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._saved is not None and not self.countdown_timer.isActive():
            self.restart_countdown()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.countdown_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PRESSES and self.countdown_timer.isActive():
            self.restart_countdown()  # someone is reading: give them the time again
        return False

    # -- words -----------------------------------------------------------------------------------

    def _promise(self) -> str:
        """How soon we call back, in the language shown: the clinic's words, else ours."""
        language = QLocale().name().split("_")[0]
        own = self._promises.get(language, self._promises.get(ANY_LANGUAGE))
        return own or self.tr("within one business day")

    def _say_saved(self) -> None:
        if self._saved is None:
            return
        saved = self._saved
        self.reference_label.setText(saved.reference)
        self.reference_label.setAccessibleName(
            # One character at a time, as it must be read out on the phone ("7 K X M 3 R").
            self.tr("Your reference code: {code}").format(
                code=" ".join(c for c in saved.reference if c.isalnum())
            )
        )
        said = call_summary(saved.phone, saved.days, saved.periods, saved.language)
        self.summary_label.setText(said)
        self.summary_label.setAccessibleName(said)

    def _say_countdown(self) -> None:
        shown = self._left or self._back_after
        text = self.tr("Back to the start in %n second(s).", "", shown)
        self.countdown_label.setText(text)
        self.ring.setAccessibleName(text)
        self.ring.set_seconds(shown, self._back_after)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you!"))
        self.lead.setText(self.tr("Your request is with our staff."))
        self.next_heading.setText(self.tr("What happens next"))
        self.promise_label.setText(
            self.tr("Someone from our clinic will call you back {within}.").format(
                within=self._promise()
            )
        )
        self.code_caption.setText(self.tr("Your reference code"))
        self.code_hint.setText(
            self.tr("If you call us at {phone}, tell us this code.").format(
                phone=self._clinic_phone.replace(" ", "\u00a0").replace("-", "\u2011")
            )
            if self._clinic_phone
            else self.tr("If you call us, tell us this code.")
        )
        self.home_button.set_text(self.tr("Back to the start"))
        self._say_saved()
        self._say_countdown()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- fitting the screen ----------------------------------------------------------------------

    def _on_look_changed(self) -> None:
        if self._icons is not None:
            side = icon_size(self._look.look.text_size).width()
            self.call_icon.setPixmap(
                self._icons.pixmap("callback", self._look.look.palette.accent, side)
            )
            self.call_icon.setFixedSize(QSize(side, side))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width(), event.size().height())

    def _arrange(self, width: int, height: int) -> None:
        """Place the three parts for the screen's shape (and the text size):

        - tall (portrait): one above the other, led by a big centred tick, the room left over
          shared between them;
        - wide (landscape): the thanks, big and centred, at the left; what happens next and the
          cards at the right; the whole centred up and down;
        - wide but short for the text size (1280x800, or 1920x1080 at large text): the tick
          beside the title, what happens next under it, the cards at the right, a size smaller,
          all at the top, so as little as possible needs scrolling.
        Past what fits two columns at the text size (1280 px at 200 %), tall's order, scrolled.
        """
        text_size = self._look.look.text_size
        wide = width > height and width * 100 // text_size >= TWO_COLUMNS_FROM_PX
        short = height * 100 // text_size < SHORT_PX
        arrangement = ("short" if short else "wide") if wide else "tall"
        if bool(self.property("short")) != short:
            self.setProperty("short", short)  # assets/style.qss: #Thanks[short="true"]
            for label in (self.promise_label, self.summary_label):
                label.style().unpolish(label)
                label.style().polish(label)
        margin = 16 if short else 48
        self._grid.setContentsMargins(56, margin, 56, margin)
        self.ring.set_side(64 if short else 88)
        beside = arrangement == "short"
        tick = min(300, height // 6) if arrangement == "tall" else min(260, height // 4)
        self.badge.set_side(max(96, min(120, height // 9)) if beside else tick)
        if arrangement == self._arrangement:
            return
        self._arrangement = arrangement
        self._top.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        centre = Qt.AlignmentFlag.AlignHCenter
        self._top.setAlignment(self.badge, Qt.AlignmentFlag.AlignTop if beside else centre)
        for label in (self.title, self.lead):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft if beside else centre)
        grid = self._grid
        for part in (self._hero, self._next, self._cards):
            grid.removeWidget(part)
        for row in range(6):
            grid.setRowStretch(row, 0)
        for column in range(2):
            grid.setColumnStretch(column, 0)
        if arrangement == "tall":
            grid.addWidget(self._hero, 0, 0)
            grid.addWidget(self._next, 2, 0)
            grid.addWidget(self._cards, 4, 0)
            grid.setRowStretch(1, 1)
            grid.setRowStretch(3, 1)
            grid.setColumnStretch(0, 1)
        elif arrangement == "wide":
            grid.addWidget(self._hero, 1, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._next, 1, 1)
            grid.addWidget(self._cards, 2, 1)
            grid.setRowStretch(0, 1)
            grid.setRowStretch(3, 1)
            grid.setColumnStretch(0, 2)
            grid.setColumnStretch(1, 3)
        else:
            grid.addWidget(self._hero, 0, 0)
            grid.addWidget(self._next, 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._cards, 0, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
            grid.setRowStretch(1, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
