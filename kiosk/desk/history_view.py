"""The History tab: what staff did at the desks, newest first, under a heading for each of the
clinic's days, in words (kiosk.desk.history_words); filters by staff member and by day on top,
"Show older" at the bottom. It shows the entries it is given and reports what staff chose; the
controller (kiosk.desk.history_pages) reads the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.central.history import HistoryEntry
from kiosk.desk.filters import chosen_day, day_filter, set_choices
from kiosk.desk.history_words import day_words, entry_place, entry_words, local, time_words
from kiosk.views.labels import plain_label


class HistoryChoice(NamedTuple):
    """What the filters say: a staff member's name or None (everyone), a day or None (any)."""

    staff: str | None
    day: dt.date | None


class _Line(NamedTuple):
    """A widget in the list: a day's heading (`entry` None) or an entry's row."""

    widget: QWidget
    day: dt.date
    entry: HistoryEntry | None


class HistoryView(QWidget):
    """Filters, the entries by day, and Show older."""

    filter_changed = Signal()
    older_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz: dt.tzinfo = dt.UTC
        self._today = dt.date.min
        self._lines: list[_Line] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self._list(), 1)

    def _filters(self) -> QHBoxLayout:
        self.staff = QComboBox()
        self.staff.setAccessibleName(QCoreApplication.translate("Desk", "Who"))
        self.staff.addItem(QCoreApplication.translate("Desk", "Everyone"), None)
        self.one_day, self.day = day_filter()
        for signal in (
            self.staff.currentIndexChanged,
            self.one_day.toggled,
            self.day.dateChanged,
        ):
            signal.connect(self.filter_changed)
        label = plain_label(QCoreApplication.translate("Desk", "Who:"))
        label.setBuddy(self.staff)
        filters = QHBoxLayout()
        filters.addWidget(label)
        filters.addWidget(self.staff)
        filters.addSpacing(12)
        filters.addWidget(self.one_day)
        filters.addWidget(self.day)
        filters.addStretch(1)
        return filters

    def _list(self) -> QScrollArea:
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.empty = plain_label(QCoreApplication.translate("Desk", "Nothing to show."))
        self.empty.setProperty("role", "empty")
        self.older = QPushButton(QCoreApplication.translate("Desk", "Show older"))
        self.older.clicked.connect(self._on_older_clicked)
        self.older.hide()
        self.rows_layout.addWidget(self.empty)
        self.rows_layout.addWidget(self.older)
        self.rows_layout.addStretch(1)
        self.list_area = QScrollArea()
        self.list_area.setWidgetResizable(True)
        self.list_area.setWidget(self.rows)
        return self.list_area

    def choice(self) -> HistoryChoice:
        staff = self.staff.currentData()
        return HistoryChoice(
            staff if isinstance(staff, str) else None, chosen_day(self.one_day, self.day)
        )

    def set_clinic_day(self, tz: dt.tzinfo, today: dt.date) -> None:
        """The clinic's zone (times and days are said in it) and its today ("Today, ...")."""
        self._tz, self._today = tz, today

    def set_staff(self, names: Sequence[str]) -> None:
        """The staff filter's choices, keeping the one chosen."""
        set_choices(self.staff, names)

    # -- the entries ---------------------------------------------------------------------------

    def show_entries(self, entries: Sequence[HistoryEntry], *, more: bool) -> None:
        """The first page: `entries` newest first; `more`: older ones can be read."""
        self.clear()
        self.add_older(entries, more=more)

    def add_older(self, entries: Sequence[HistoryEntry], *, more: bool) -> None:
        """Entries older than those shown, newest first, below them."""
        for entry in entries:
            day = local(entry.at, self._tz).date()
            if not self._lines or self._lines[-1].day != day:
                self._insert(len(self._lines), _Line(self._heading(day), day, None))
            self._insert(len(self._lines), _Line(self._row(entry), day, entry))
        self.older.setEnabled(True)
        self.older.setVisible(more)
        self.empty.setVisible(not self._lines)

    def add_newer(self, entries: Sequence[HistoryEntry]) -> None:
        """Entries newer than those shown, newest first, above them."""
        for entry in reversed(entries):  # the oldest of them first, each on top
            day = local(entry.at, self._tz).date()
            if not self._lines or self._lines[0].day != day:
                self._insert(0, _Line(self._heading(day), day, None))
            self._insert(1, _Line(self._row(entry), day, entry))
        self.empty.setVisible(not self._lines)

    def clear(self) -> None:
        """No entry left on screen (signing out, another filter)."""
        for line in self._lines:
            self.rows_layout.removeWidget(line.widget)
            line.widget.deleteLater()
        self._lines = []
        self.older.hide()
        self.empty.setVisible(True)

    @property
    def entries(self) -> list[HistoryEntry]:
        """The entries shown, top to bottom."""
        return [line.entry for line in self._lines if line.entry is not None]

    @property
    def lines(self) -> list[str]:
        """Every text shown in the list, top to bottom: headings, times, words, places."""
        return [
            label.text()
            for line in self._lines
            for label in [line.widget, *line.widget.findChildren(QLabel)]
            if isinstance(label, QLabel)
        ]

    @property
    def sentences(self) -> list[str]:
        """What each entry shown says happened, top to bottom."""
        return [
            label.text()
            for line in self._lines
            for label in line.widget.findChildren(QLabel)
            if label.property("role") == "event"
        ]

    @property
    def newest(self) -> HistoryEntry | None:
        entries = self.entries
        return entries[0] if entries else None

    @property
    def oldest(self) -> HistoryEntry | None:
        entries = self.entries
        return entries[-1] if entries else None

    def _insert(self, index: int, line: _Line) -> None:
        self._lines.insert(index, line)
        self.rows_layout.insertWidget(index, line.widget)

    def _heading(self, day: dt.date) -> QLabel:
        heading = plain_label(day_words(day, self._today))
        heading.setProperty("role", "day")
        return heading

    def _row(self, entry: HistoryEntry) -> QFrame:
        row = QFrame()
        row.setProperty("role", "entry")
        when = plain_label(time_words(entry.at, self._tz))
        when.setProperty("role", "time")  # desk.qss gives it one width for all: words line up
        what = plain_label(entry_words(entry))
        what.setProperty("role", "event")
        what.setWordWrap(True)
        where = plain_label(entry_place(entry))
        where.setProperty("role", "meta")
        if not where.text():
            where.hide()  # (not setVisible(True): a label with no parent yet would be a window)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(what)
        words.addWidget(where)
        layout = QHBoxLayout(row)
        layout.addWidget(when)
        layout.addLayout(words, 1)
        return row

    def _on_older_clicked(self) -> None:
        self.older.setEnabled(False)  # one read at a time; the next page enables it again
        self.older_requested.emit()
