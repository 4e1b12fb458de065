"""The staff panel: how many requests wait, the list, and the few things staff do with them.

It shows what it is given and reports what was touched; exporting, marking, purging and the
audit log are the staff controller's business.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.system.diagnostics import CONTEXT as DIAGNOSTICS
from kiosk.system.diagnostics import Value, Verbatim
from kiosk.views.buttons import ButtonGrid, WrappingButton
from kiosk.views.pin_view import PinView
from kiosk.views.scrolling import make_flickable, vertical_scroll
from kiosk.views.touch_test import TouchTest
from kiosk.views.words import day_abbreviations, language_in_words, period_names


class RequestRow(NamedTuple):
    """One request as the list shows it (the view never sees the database)."""

    id: str
    name: str
    phone: str
    days: tuple[str, ...]  # codes, as in kiosk.core.callback_form.DAYS
    periods: tuple[str, ...]  # codes, as in kiosk.core.callback_form.PERIODS
    topic: str
    language: str  # "en", "es"
    received: dt.datetime
    status: str  # "new", "exported", "done"


class StaffView(QWidget):
    """Counts, the request list, exports, statistics; reports each staff action."""

    export_requested = Signal(str, str)  # format ("csv" / "xlsx"), folder
    reexport_requested = Signal(int, str)  # days back, folder: every request, whatever status
    mark_done_requested = Signal(list)  # request ids
    purge_requested = Signal()
    stats_requested = Signal()
    diagnostics_requested = Signal()
    stats_export_requested = Signal(str)  # folder
    sign_out_requested = Signal()
    exit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = ""
        self._rows: tuple[list[RequestRow], dt.datetime] = ([], dt.datetime.now(dt.UTC))
        self.title = QLabel()
        self.title.setProperty("role", "display")
        self.title.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setProperty("role", "heading")
        self.counts.setWordWrap(True)
        self.status = QLabel()
        self.status.setProperty("role", "lead")
        self.status.setWordWrap(True)
        self.requests = QListWidget()
        self.requests.setProperty("role", "requests")
        self.requests.setWordWrap(True)
        self.requests.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        make_flickable(self.requests)
        self.folders = ButtonGrid(role="link", columns=3)
        self.folders.chosen.connect(self._on_folder_chosen)
        self.action_grid = ButtonGrid(role="link", columns=2)
        self.action_grid.chosen.connect(self._on_action_chosen)
        self.stats = QTableWidget()
        self.stats.setProperty("role", "stats")
        self.stats.verticalHeader().hide()
        make_flickable(self.stats)
        self.pages = QStackedWidget()
        self.back_to_list = WrappingButton(role="more")
        self.back_to_list.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.stats_export = WrappingButton(role="action")
        self.stats_export.clicked.connect(lambda: self.stats_export_requested.emit(self._folder))

        self.pages.addWidget(self._build_list_page())
        self.pages.addWidget(self._build_stats_page())
        self.pages.addWidget(self._build_diagnostics_page())
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(14)
        column.addWidget(self.title)
        column.addWidget(self.counts)
        column.addWidget(self.status)
        column.addWidget(self.pages, 1)
        self._retranslate()

    def _build_list_page(self) -> QWidget:
        self.folder_label = QLabel()
        self.folder_label.setProperty("role", "field-label")
        self.folder_label.setWordWrap(True)
        controls = QWidget()
        column = QVBoxLayout(controls)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        column.addWidget(self.folder_label)
        column.addWidget(self.folders)
        column.addWidget(self.action_grid)
        column.addStretch(1)
        # Ten big buttons do not fit beside or below the list at large text: they scroll.
        controls_area = vertical_scroll(controls)
        make_flickable(controls_area)
        page = QWidget()
        # The list beside the buttons in landscape, above them in portrait (see resizeEvent).
        self._list_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, page)
        self._list_box.setContentsMargins(0, 0, 0, 0)
        self._list_box.setSpacing(20)
        self._list_box.addWidget(self.requests, 3)
        self._list_box.addWidget(controls_area, 2)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() > self.height()
        self._list_box.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )

    def _build_stats_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stats, 1)
        row = QHBoxLayout()
        row.addWidget(self.back_to_list)
        row.addWidget(self.stats_export)
        column.addLayout(row)
        return page

    def _build_diagnostics_page(self) -> QWidget:
        self.facts = QLabel()
        self.facts.setProperty("role", "lead")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.touch_test = TouchTest()
        back = WrappingButton(role="more")
        back.set_text(self.tr("Back to requests"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        facts_area = vertical_scroll(self.facts)
        make_flickable(facts_area)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(facts_area, 1)
        column.addWidget(self.touch_test, 1)
        column.addWidget(back)
        return page

    def show_diagnostics(self, facts: Sequence[tuple[str, Value]], log: Sequence[str]) -> None:
        """The facts, the screen as Qt sees it, the end of the log, and the touch test."""
        screen = self.screen()
        size = screen.size()
        shape = self.tr("portrait") if size.height() > size.width() else self.tr("landscape")
        rows = [
            *(
                (QCoreApplication.translate(DIAGNOSTICS, label), self._value(v))
                for label, v in facts
            ),
            (
                self.tr("Screen"),
                f"{size.width()}x{size.height()} {shape}, {screen.logicalDotsPerInch():.0f} dpi",
            ),
        ]
        text = "\n".join(f"{label}: {value}" for label, value in rows)
        if log:
            text += "\n\n" + self.tr("Log (last lines):") + "\n" + "\n".join(log)
        self.facts.setText(text)
        self.touch_test.clear()
        self.pages.setCurrentIndex(2)

    # -- what it is told -----------------------------------------------------------------------

    def show_signed_in(self, name: str) -> None:
        self.title.setText(self.tr("Staff: {name}").format(name=name))
        self.status.clear()
        self.pages.setCurrentIndex(0)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts.setText(
            self.tr("New: {new}   Exported: {exported}   Done: {done}").format(
                new=counts.get("new", 0),
                exported=counts.get("exported", 0),
                done=counts.get("done", 0),
            )
        )

    def _value(self, value: Value) -> str:
        """A diagnostics value in the kiosk's language."""
        if isinstance(value, dt.datetime):
            return self._moment(value)
        if isinstance(value, dt.timedelta):
            hours, seconds = divmod(int(value.total_seconds()), 3600)
            return self.tr("{hours} h {minutes} min").format(hours=hours, minutes=seconds // 60)
        if isinstance(value, int | Verbatim):
            return str(value)
        return QCoreApplication.translate(DIAGNOSTICS, value)

    def _moment(self, moment: dt.datetime) -> str:
        """A date and time the way the kiosk's language writes it ("11/26/26 9:05 AM")."""
        stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
        return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)

    def set_requests(self, rows: Sequence[RequestRow], now: dt.datetime) -> None:
        """Fill the list; staff tick the requests they have called back."""
        self._rows = list(rows), now
        self.requests.clear()
        words = self._words({row.language for row in rows})
        for row in rows:
            when = ", ".join(words.get(code, code) for code in (*row.days, *row.periods))
            text = (
                f"{row.name}   {row.phone}\n{when} · {row.topic or '-'} · "
                f"{words.get(row.language, row.language)} · {self._moment(row.received)} "
                f"({self._age(now - row.received)}) · {words.get(row.status, row.status)}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.requests.addItem(item)

    def set_folders(self, folders: Sequence[tuple[str, str]], chosen: str) -> None:
        """Where exports can go: (path, label) pairs, e.g. a USB drive; `chosen` is ticked."""
        self.folders.set_items(folders)
        self._on_folder_chosen(chosen)

    def set_stats(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.stats.clear()
        self.stats.setColumnCount(len(header))
        words = {
            "Day": self.tr("Day"),
            "Event": self.tr("Event"),
            "Subject": self.tr("Subject"),
            "Count": self.tr("Count"),
        }
        self.stats.setHorizontalHeaderLabels([words.get(h, h) for h in header])
        self.stats.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.stats.setItem(r, c, QTableWidgetItem(cell))
        self.stats.resizeColumnsToContents()
        self.pages.setCurrentIndex(1)

    def say(self, text: str) -> None:
        """A line for staff: what was done, or what went wrong and what to do."""
        self.status.setText(text)

    def checked_ids(self) -> list[str]:
        return [
            str(self.requests.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.requests.count())
            if self.requests.item(i).checkState() == Qt.CheckState.Checked
        ]

    @property
    def folder(self) -> str:
        return self._folder

    # -- reactions -----------------------------------------------------------------------------

    def _on_folder_chosen(self, folder: str) -> None:
        self._folder = folder
        for button in self.folders.buttons:
            button.setProperty("chosen", button.property("key") == folder)
            # A property the stylesheet matches on takes effect only once re-polished.
            for widget in (button, *button.findChildren(QWidget)):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        # A long path may break after any "/", "_", "-" or "." rather than widen the panel
        # past the screen.
        shown = re.sub(r"([/_.-])", "\\1\u200b", folder)
        self.folder_label.setText(self.tr("Export to: {folder}").format(folder=shown))

    def _on_action_chosen(self, action: str) -> None:
        if action in ("csv", "xlsx"):
            self.export_requested.emit(action, self._folder)
        elif action.startswith("again:"):
            self.reexport_requested.emit(int(action.partition(":")[2]), self._folder)
        elif action == "done":
            self.mark_done_requested.emit(self.checked_ids())
        elif action == "purge":
            self.purge_requested.emit()
        elif action == "stats":
            self.stats_requested.emit()
        elif action == "diagnostics":
            self.diagnostics_requested.emit()
        elif action == "sign_out":
            self.sign_out_requested.emit()
        elif action == "exit":
            self.exit_requested.emit()

    def _age(self, age: dt.timedelta) -> str:
        minutes = int(age.total_seconds() // 60)
        if minutes < 60:
            return self.tr("{n} min ago").format(n=minutes)
        if minutes < 48 * 60:
            return self.tr("{n} h ago").format(n=minutes // 60)
        return self.tr("%n day(s) ago", "", minutes // (24 * 60))

    def _words(self, languages: Iterable[str]) -> dict[str, str]:
        """The request list's codes in words, `languages` among them."""
        return {
            **day_abbreviations(),
            **period_names(),
            **{code: language_in_words(code) for code in languages},
            "new": self.tr("new"),
            "exported": self.tr("exported"),
            "done": self.tr("done"),
        }

    def _retranslate(self) -> None:
        if self._rows[0]:
            self.set_requests(*self._rows)
        self.action_grid.set_items(
            [
                ("csv", self.tr("Export new (CSV)")),
                ("xlsx", self.tr("Export new (Excel)")),
                ("again:7", self.tr("Export again: last 7 days")),
                ("again:30", self.tr("Export again: last 30 days")),
                ("done", self.tr("Mark ticked as done")),
                ("stats", self.tr("Usage statistics")),
                ("purge", self.tr("Delete old requests now")),
                ("diagnostics", self.tr("Diagnostics")),
                ("sign_out", self.tr("Sign out")),
                ("exit", self.tr("Exit the kiosk")),
            ]
        )
        self.requests.setAccessibleName(self.tr("Callback requests; tick the ones called back"))
        self.stats.setAccessibleName(self.tr("Usage statistics"))
        self.back_to_list.set_text(self.tr("Back to requests"))
        self.stats_export.set_text(self.tr("Export statistics (CSV)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class StaffScreen(QStackedWidget):
    """The staff screen: the PIN pad first, then the panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pin = PinView()
        self.panel = StaffView()
        self.addWidget(self.pin)
        self.addWidget(self.panel)

    def show_pin(self) -> None:
        self.pin.reset()
        self.setCurrentWidget(self.pin)

    def show_panel(self) -> None:
        self.setCurrentWidget(self.panel)
