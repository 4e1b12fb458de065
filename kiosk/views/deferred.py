"""Work that can wait until the patient already sees the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatch(QObject):
    def __init__(
        self, widget: QWidget, callback: Callable[[], None], *, or_hidden: bool = False
    ) -> None:
        super().__init__(widget)
        self._callback = callback
        self._ends = (QEvent.Type.Paint, QEvent.Type.Hide) if or_hidden else (QEvent.Type.Paint,)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ends:
            watched.removeEventFilter(self)
            # Queued, so it runs once this frame is on screen, not in the middle of it; and
            # tied to this watch, so it never runs once the widget (and the watch) is gone.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self._callback()
        self.deleteLater()


def after_first_paint(
    widget: QWidget, callback: Callable[[], None], *, or_hidden: bool = False
) -> None:
    """Run `callback` once, right after `widget` is first painted; with `or_hidden`, also if it
    is hidden first (a touch that came before the paint took the patient elsewhere: work that
    waits for the paint must not wait for ever).

    Used for set-up a patient cannot notice in the first frame (kinetic scrolling costs ~11 ms
    the first time), so the home screen appears sooner.
    """
    _FirstPaintWatch(widget, callback, or_hidden=or_hidden)


class LookWhenShown:
    """For a view that is hidden most of the time (list it first among the bases: a plain mixin,
    as two QWidget bases crash PySide) and does its own part of a new look (its drawing, icons,
    keyboard, tiles) in `take_look`: connected to the look's `changed` through `look_changed`,
    it does that when it is next shown or asked to `catch_up()`, not while it is hidden. The
    spine's drawing took ~28 ms, the form's keyboard ~1.6 ms, of each text-size tap on another
    screen. (The stylesheet itself is LookController's: it restyles a hidden screen as it is
    shown.)"""

    _look_stale = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.catch_up()  # LookController restyled it already; not yet laid out or painted
        return cast("QWidget", super()).event(event)

    def catch_up(self) -> None:
        """Take the look the kiosk is in now, if it changed while this was hidden."""
        if self._look_stale:
            self._look_stale = False
            self.take_look()

    def look_changed(self) -> None:
        """A new look: taken at once if on view, else when shown or caught up."""
        self._look_stale = not cast("QWidget", self).isVisible()
        if not self._look_stale:
            self.take_look()

    @property
    def look_stale(self) -> bool:
        """Whether a new look has not reached it yet."""
        return self._look_stale

    def take_look(self) -> None:
        """The view's own part of a new look (a view that follows the look overrides it)."""


class WordsWhenShown(LookWhenShown):
    """As `LookWhenShown`, for a new language too: it reaches the view, and every widget in it,
    when it is next shown or caught up, not while it is hidden. A change of language otherwise
    retranslates every screen at once while the patient waits for the one in front of them (the
    spine's and the form's took ~4 ms of it)."""

    _words_stale = False
    _catching_up = False

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        hidden = not cast("QWidget", self).isVisible()
        if kind == QEvent.Type.LanguageChange and not self._catching_up and hidden:
            self._words_stale = True
            return True  # its widgets hear of it when it is shown
        return super().event(event)

    @property
    def words_stale(self) -> bool:
        """Whether a change of language has not reached it yet."""
        return self._words_stale

    def catch_up(self) -> None:
        """Take the language and the look the kiosk is in now, if they changed while this was
        hidden."""
        if self._words_stale:
            self._words_stale = False
            self._catching_up = True
            try:
                widget = cast("QWidget", self)
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
            finally:
                self._catching_up = False
        super().catch_up()
