"""The staff panel's Checks tab: the diagnostics' facts, grouped, one line each with its sign
(✓ OK, ✗ a problem, a dash for a note) and its words in the kiosk's language; the screen as Qt
sees it and a touch test; one line that sends IT to `kiosk doctor` for paths and details.

It shows what it is given (kiosk.system.diagnostics gathers it, on the disk thread); a fact
that is unknown is not given, so no line is ever empty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.system.fact_lines import (
    CONTEXT,
    FOR_IT,
    Group,
    Line,
    Mark,
    Size,
    Value,
    Verbatim,
    Words,
)
from kiosk.system.kiosk_lines import screen_line
from kiosk.views.labels import plain_label
from kiosk.views.request_words import duration, moment
from kiosk.views.touch_test import TouchTest

SEPARATOR = "\N{NO-BREAK SPACE}· "  # a line never starts with the dot
STATES = {Mark.OK: "ok", Mark.PROBLEM: "problem", Mark.NOTE: "note"}  # style.qss matches these


def _label(role: str) -> QLabel:
    label = plain_label()
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def said(value: Value) -> str:
    """A value in the kiosk's language: words translated, times, spans, sizes and numbers
    written the language's way."""
    if isinstance(value, Words):
        text = QCoreApplication.translate(CONTEXT, value.text)
        return text.format(**{name: said(part) for name, part in value.values})
    if isinstance(value, str):
        return (
            str(value)
            if isinstance(value, Verbatim)
            else QCoreApplication.translate(CONTEXT, value)
        )
    if isinstance(value, dt.datetime):
        return moment(value, "")
    if isinstance(value, dt.timedelta):
        return duration(value)
    if isinstance(value, Size):
        return QLocale().formattedDataSize(int(value), 1, QLocale.DataSizeFormat.DataSizeSIFormat)
    return QLocale().toString(value)


def line_words(line: Line) -> str:
    """ "Saved requests: OK · last one 3:54 PM · 12.3 GB free"."""
    parts = SEPARATOR.join(said(part) for part in line.said)
    return f"{QCoreApplication.translate(CONTEXT, line.label)}: {parts}"


class CheckLine(QFrame):
    """One fact: its sign in a column of its own, its words beside it, wrapping under them."""

    def __init__(self, line: Line, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        state = STATES[line.mark]
        self.setProperty("role", "check")
        self.mark = plain_label(line.mark.value)
        self.words = _label("check-words")
        for label in (self.mark, self.words):
            label.setProperty("state", state)
        self.mark.setProperty("role", "check-mark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.words.setText(line_words(self.line))
        judged = {
            Mark.OK: self.tr("OK"),
            Mark.PROBLEM: self.tr("Problem"),
            Mark.NOTE: self.tr("Note"),
        }[self.line.mark]
        self.setAccessibleName(f"{judged}: {self.words.text()}")


def _card() -> tuple[QFrame, QVBoxLayout]:
    """A group's frame (a card, as a request's) and its column."""
    card = QFrame()
    card.setProperty("role", "card")
    column = QVBoxLayout(card)
    column.setSpacing(6)
    return card, column


class ChecksPage(QWidget):
    """The groups of facts, each a card; the screen and its touch test; the line for IT."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "page")
        self.lines: list[CheckLine] = []
        self.headings: list[QLabel] = []
        self.cards: list[QFrame] = []
        self.found = QVBoxLayout()  # the groups' cards, made anew each time they are shown
        self.found.setSpacing(16)
        self.checking = _label("lead")  # while the facts are gathered
        self.checking.hide()
        self.found.addWidget(self.checking)
        screen_card, self.screen_column = _card()
        self.screen_heading = _label("checks-heading")
        self.screen_line: CheckLine | None = None
        self.touch_hint = _label("lead")
        self.touch_test = TouchTest()
        self.touch_test.setMinimumHeight(240)
        self.screen_column.addWidget(self.screen_heading)
        self.screen_column.addWidget(self.touch_hint)
        self.screen_column.addWidget(self.touch_test)
        self.for_it = _label("meta")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(16)
        column.addLayout(self.found)
        column.addWidget(screen_card)
        column.addWidget(self.for_it)
        column.addStretch(1)
        self._retranslate()

    def show_checking(self) -> None:
        """ "Checking…" in place of the facts, until they come."""
        self._clear()
        self.checking.show()

    def _clear(self) -> None:
        for card in self.cards:
            self.found.removeWidget(card)
            card.deleteLater()
        self.cards, self.headings, self.lines = [], [], []

    def show_checks(self, groups: Sequence[Group], screen_size: tuple[int, int]) -> None:
        """The facts as gathered, and the screen at `screen_size` (width, height)."""
        self._clear()
        self.checking.hide()
        for group in groups:
            card, column = _card()
            heading = _label("checks-heading")
            heading.setProperty("heading", group.heading)
            column.addWidget(heading)
            shown = [CheckLine(line) for line in group.lines]
            for line in shown:
                column.addWidget(line)
            self.found.addWidget(card)
            card.show()  # now, not when the layout's queued event comes: the tab is whole at once
            self.cards.append(card)
            self.headings.append(heading)
            self.lines += shown
        if self.screen_line is not None:
            self.screen_column.removeWidget(self.screen_line)
            self.screen_line.deleteLater()
        self.screen_line = CheckLine(screen_line(*screen_size))
        self.screen_column.insertWidget(1, self.screen_line)
        self.screen_line.show()
        self.touch_test.clear()
        self._retranslate()

    def texts(self) -> list[str]:
        """Every text the page shows: what a reader of the tab sees."""
        return [label.text() for label in self.findChildren(QLabel) if label.isVisibleTo(self)]

    def _retranslate(self) -> None:
        for heading in self.headings:
            heading.setText(QCoreApplication.translate(CONTEXT, heading.property("heading")))
        for shown in (*self.lines, *([self.screen_line] if self.screen_line else [])):
            shown.retranslate()
        self.checking.setText(self.tr("Checking…"))
        self.screen_heading.setText(self.tr("Screen and touch"))
        self.touch_hint.setText(
            self.tr("Touch test: touch the white box; a cross shows where the screen felt it.")
        )
        self.for_it.setText(QCoreApplication.translate(CONTEXT, FOR_IT))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
