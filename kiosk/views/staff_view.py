"""The staff panel: how many requests wait, one card per request, and the few things staff do
with them.

It shows what it is given and reports what was touched; exporting, marking, purging and the
audit log are the staff controller's business. Sign out is always in its top bar; the actions
that cannot be undone (deleting old requests, leaving the kiosk) are set apart and asked first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.theme import TOUCH_TARGET_PX
from kiosk.storage.requests import StoredRequest
from kiosk.system.fact_lines import Group
from kiosk.views.buttons import ButtonGrid, WrappingButton
from kiosk.views.checks_view import ChecksPage
from kiosk.views.labels import plain_label
from kiosk.views.pin_view import PinView
from kiosk.views.request_card import RequestCard, Step
from kiosk.views.request_words import age, moment
from kiosk.views.scrolling import make_flickable, vertical_scroll

REQUESTS, STATS, DIAGNOSTICS_PAGE, EXPORT = range(4)  # the panel's pages


def _label(role: str) -> QLabel:
    label = plain_label()
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


class Confirm(QFrame):
    """A question asked in place, with No and Yes; `answered_yes` only on Yes."""

    answered_yes = Signal(str)  # what was asked about

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "confirm")
        self.key = ""
        self.question = _label("question")
        self.no = WrappingButton(role="more")
        self.yes = WrappingButton(role="danger")
        self.no.clicked.connect(self.hide)
        self.yes.clicked.connect(self._yes)
        answers = QHBoxLayout()
        answers.addWidget(self.no)
        answers.addWidget(self.yes)
        column = QVBoxLayout(self)
        column.addWidget(self.question)
        column.addLayout(answers)
        self.hide()

    def ask(self, key: str, question: str, yes: str, no: str) -> None:
        self.key = key
        self.question.setText(question)
        self.yes.set_text(yes)
        self.no.set_text(no)
        self.show()

    def _yes(self) -> None:
        self.hide()
        self.answered_yes.emit(self.key)


class _Tabs(ButtonGrid):
    """The panel's tabs: one row, or two at large text, as tall as they need at their width.

    A grid's own minimum is its buttons one under another, which would make the kiosk's window
    taller than a 1280x800 screen; and the layouts above it do not ask its height for its width.
    """

    def __init__(self, role: str, columns: int) -> None:
        super().__init__(role=role, columns=columns)
        self.setMinimumHeight(TOUCH_TARGET_PX)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            wanted = max(TOUCH_TARGET_PX, self.heightForWidth(self.width()))
            if wanted != self.minimumHeight():
                self.setMinimumHeight(wanted)
        return handled


class StaffView(QWidget):
    """Counts, the request cards, exports, statistics; reports each staff action."""

    export_requested = Signal(str, str)  # format ("csv" / "xlsx"), folder
    reexport_requested = Signal(int, str)  # days back, folder: every request, whatever status
    called_requested = Signal(str)  # request id: staff called the patient back
    no_call_requested = Signal(str)  # request id: done without a call (asked first)
    purge_requested = Signal()
    stats_requested = Signal()
    diagnostics_requested = Signal()
    stats_export_requested = Signal(str)  # folder
    sign_out_requested = Signal()
    exit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPanel")
        self._folder = ""
        self._folders: list[tuple[str, str]] = []
        self.retention_days = 30  # what "old" means for deleting: [kiosk] retention_days
        # [sync] is on: requests go to the front desk, and those still here say they are not
        # there yet. The ones sent are the desk's: not shown as cards, only counted.
        self.syncing = False
        self._sent = 0
        self._shown: tuple[list[StoredRequest], Mapping[str, str], dt.datetime] | None = None
        self.cards: list[RequestCard] = []
        self.chart: QWidget | None = None  # the statistics' chart, made when first shown
        self.title = _label("staff-title")
        self.sign_out = WrappingButton(role="more")
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.counts = _label("lead")
        self.status = _label("staff-status")
        self.status.hide()  # until there is something to say: no empty line
        self.nav = _Tabs(role="link", columns=4)
        self.nav.chosen.connect(self._on_nav_chosen)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_list_page())
        self.pages.addWidget(self._build_stats_page())
        self.pages.addWidget(self._build_diagnostics_page())
        self.pages.addWidget(self._build_export_page())
        self.pages.currentChanged.connect(self._mark_page)

        # Who is signed in beside Sign out; the counts head the list of requests, where they
        # may wrap (Spanish, large text, "At the front desk") without pushing the tabs and the
        # page past the bottom of a 1280x800 screen.
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignTop)
        # The pages scroll: at large text on a 1280x800 screen they may be short.
        self.pages.setMinimumHeight(TOUCH_TARGET_PX)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 16, 32, 16)
        column.setSpacing(12)
        column.addLayout(top)
        column.addWidget(self.nav)
        column.addWidget(self.status)
        column.addWidget(self.pages, 1)
        self._retranslate()

    # -- pages -------------------------------------------------------------------------------

    def _build_list_page(self) -> QWidget:
        self.empty = _label("lead")
        self.sent_note = _label("lead")
        self.sent_note.hide()
        self.cards_box = QWidget()
        self.cards_box.setProperty("role", "page")
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 12, 0)
        self.cards_layout.setSpacing(16)
        self.cards_layout.addWidget(self.counts)
        self.cards_layout.addWidget(self.sent_note)
        self.cards_layout.addWidget(self.empty)
        self.cards_layout.addStretch(1)
        self.list_area = vertical_scroll(self.cards_box)
        make_flickable(self.list_area)
        return self.list_area

    def _build_export_page(self) -> QWidget:
        self.folder_label = _label("field-label")
        self.folders = ButtonGrid(role="link", columns=2)
        self.folders.chosen.connect(self._on_folder_chosen)
        self.action_grid = ButtonGrid(role="link", columns=2)
        self.action_grid.chosen.connect(self._on_action_chosen)
        self.apart_label = _label("field-label")
        self.purge = WrappingButton(role="danger")
        self.purge.clicked.connect(self._ask_purge)
        self.exit = WrappingButton(role="danger")
        self.exit.clicked.connect(self._ask_exit)
        self.confirm = Confirm()
        self.confirm.answered_yes.connect(self._on_confirmed)
        apart = QFrame()
        apart.setProperty("role", "apart")
        apart_column = QVBoxLayout(apart)
        apart_column.addWidget(self.apart_label)
        row = QHBoxLayout()
        row.addWidget(self.purge)
        row.addWidget(self.exit)
        apart_column.addLayout(row)
        apart_column.addWidget(self.confirm)
        page = QWidget()
        page.setProperty("role", "page")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(14)
        column.addWidget(self.folder_label)
        column.addWidget(self.folders)
        column.addWidget(self.action_grid)
        column.addSpacing(48)  # far from the exports: not pressed by a slip
        column.addStretch(1)
        column.addWidget(apart)
        self.export_area = vertical_scroll(page)
        make_flickable(self.export_area)
        return self.export_area

    def _build_stats_page(self) -> QWidget:
        self.stats_heading = _label("field-label")
        self.stats_lines = _label("lead")
        self.stats_export = WrappingButton(role="action")
        self.stats_export.clicked.connect(lambda: self.stats_export_requested.emit(self._folder))
        self.stats_page = QWidget()
        self.stats_page.setProperty("role", "page")
        self.stats_column = QVBoxLayout(self.stats_page)
        self.stats_column.setContentsMargins(0, 0, 12, 0)
        self.stats_column.addWidget(self.stats_heading)
        self.stats_column.addWidget(self.stats_lines)
        self.stats_column.addWidget(self.stats_export, 0, Qt.AlignmentFlag.AlignLeft)
        self.stats_column.addStretch(1)
        area = vertical_scroll(self.stats_page)
        make_flickable(area)
        return area

    def _build_diagnostics_page(self) -> QWidget:
        self.checks = ChecksPage()
        area = vertical_scroll(self.checks)
        make_flickable(area)
        return area

    # -- what it is told -----------------------------------------------------------------------

    def show_signed_in(self, name: str) -> None:
        self.title.setText(self.tr("Staff: {name}").format(name=name))
        self.say("")
        self.confirm.hide()
        self.pages.setCurrentIndex(REQUESTS)

    def set_counts(self, counts: dict[str, int], sent: int = 0) -> None:
        """How many requests are new, exported and done here; `sent`: how many went to the
        front desk (not among the others), said only when there are some."""
        words = self.tr("New: {new}   Exported: {exported}   Done: {done}").format(
            new=counts.get("new", 0),
            exported=counts.get("exported", 0),
            done=counts.get("done", 0),
        )
        if sent:
            words += "   " + self.tr("At the front desk: {sent}").format(sent=sent)
        self.counts.setText(words)
        self._sent = sent
        self._say_sent()

    def set_syncing(self, *, on: bool) -> None:
        """[sync] on or off: the cards and the empty list say where requests go."""
        if on != self.syncing:
            self.syncing = on
            self._retranslate()

    def _say_sent(self) -> None:
        self.sent_note.setText(
            self.tr("%n request(s) went to the front desk. Call them from there.", "", self._sent)
        )
        self.sent_note.setVisible(self._sent > 0)

    def set_requests(
        self,
        requests: Sequence[StoredRequest],
        titles: Mapping[str, str],
        now: dt.datetime,
        *,
        rebuild: bool = False,
    ) -> None:
        """One card per request still to call, oldest first as given. A card still showing the
        same request in the same status is kept (its age said anew): marking one request does
        not build every card again. `rebuild`: every card anew (another language)."""
        self._shown = list(requests), titles, now
        kept = {} if rebuild else {(card.request_id, card.status): card for card in self.cards}
        cards, fresh = [], []
        for stored in requests:
            card = kept.pop((stored.id, stored.status), None)
            if card is None:
                card = self._card(stored, titles)
                fresh.append(card)
            card.set_origin(self._saved_words(stored, now))
            cards.append(card)
        for card in (*kept.values(), *self.cards):
            self.cards_layout.removeWidget(card)
        for card in kept.values():
            card.deleteLater()
        for index, card in enumerate(cards, start=3):  # after the counts, "sent", "no requests"
            self.cards_layout.insertWidget(index, card)
        self.cards = cards
        self.empty.setVisible(not self.cards)
        for card in fresh:
            card.fit_name()
        self._fit_cards()

    def _card(self, stored: StoredRequest, titles: Mapping[str, str]) -> RequestCard:
        card = RequestCard(
            stored,
            titles,
            status=stored.status,
            primary=Step("done", self.tr("Mark called")),
            secondary=Step("done", self.tr("Done, no call needed")),
            secondary_question=self.tr("Take {name} off the list without a call?").format(
                name=stored.first_name
            ),
        )
        card.yes.setText(self.tr("Yes, no call"))
        card.no.setText(self.tr("No, keep it"))
        card.marked.connect(lambda request_id, _s: self.called_requested.emit(request_id))
        card.set_aside.connect(lambda request_id, *_: self.no_call_requested.emit(request_id))
        return card

    def _saved_words(self, stored: StoredRequest, now: dt.datetime) -> str:
        saved = self.tr("Saved {time} ({age}) · Ref. {reference}").format(
            time=moment(stored.created_at, ""),
            age=age(now - stored.created_at),
            reference=stored.reference,
        )
        if stored.status == "exported":
            saved += " · " + self.tr("in an export")
        if self.syncing:  # the desk cannot see it yet (the network or the server is down)
            saved += " · " + self.tr("not at the front desk yet")
        return saved

    def _fit_cards(self) -> None:
        """Each card's buttons beside its words where they fit, else under them."""
        room = self.list_area.viewport().width() - 12
        for card in self.cards:
            card.ensurePolished()  # its words' sizes are the stylesheet's
            card.set_stacked(card.row_width() > room)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def set_folders(self, folders: Sequence[tuple[str, str]], chosen: str) -> None:
        """Where exports can go: (path, words) pairs, e.g. a USB drive; `chosen` is ticked.
        Only the words are shown: a path means nothing to staff."""
        self._folders = list(folders)
        self.folders.set_items(folders)
        self._on_folder_chosen(chosen)

    def set_stats(self, opened: Sequence[tuple[str, int]], lines: Sequence[str]) -> None:
        """What patients opened, (title, times) most first, as a chart; `lines`: the rest in
        words ("Call-back forms sent: 3")."""
        from kiosk.views.staff_chart import OpenedChart  # noqa: PLC0415 -- Qt Charts: only here

        chart = self.chart
        if not isinstance(chart, OpenedChart):
            chart = OpenedChart()
            self.chart = chart
            self.stats_column.insertWidget(1, chart)
        chart.ensurePolished()
        chart.setAccessibleName(self.tr("What patients opened most"))
        chart.show_bars(opened)
        chart.setVisible(bool(opened))
        self.stats_heading.setText(
            self.tr("What patients opened most")
            if opened
            else self.tr("No page has been opened yet.")
        )
        self.stats_lines.setText("\n".join(lines))
        self.stats_lines.setVisible(bool(lines))
        self.pages.setCurrentIndex(STATS)

    def show_checking(self) -> None:
        """The Checks tab, saying it is checking: in the page, not in the status line above
        it, which would make the panel taller than a 1280x800 screen at large text."""
        self.say("")
        self.checks.show_checking()
        self.pages.setCurrentIndex(DIAGNOSTICS_PAGE)

    def show_diagnostics(self, groups: Sequence[Group]) -> None:
        """The facts as gathered, the screen as Qt sees it, the touch test."""
        size = self.screen().size()
        self.checks.show_checks(groups, (size.width(), size.height()))
        self.pages.setCurrentIndex(DIAGNOSTICS_PAGE)

    def say(self, text: str) -> None:
        """A line for staff: what was done, or what went wrong and what to do."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    @property
    def folder(self) -> str:
        return self._folder

    def place(self, folder: str) -> str:
        """The words shown for `folder` ("USB drive “KINGSTON”"); "" for one not offered."""
        return dict(self._folders).get(folder, "")

    # -- reactions -----------------------------------------------------------------------------

    def _on_nav_chosen(self, key: str) -> None:
        if key == "stats":
            self.stats_requested.emit()
        elif key == "diagnostics":
            self.diagnostics_requested.emit()
        else:
            self.pages.setCurrentIndex(EXPORT if key == "export" else REQUESTS)

    def _mark_page(self, index: int) -> None:
        """The tab of the page shown looks chosen."""
        keys = {REQUESTS: "requests", STATS: "stats", DIAGNOSTICS_PAGE: "diagnostics"}
        _choose(self.nav, keys.get(index, "export"))

    def _on_folder_chosen(self, folder: str) -> None:
        self._folder = folder
        _choose(self.folders, folder)
        place = dict(self._folders).get(folder, "")
        self.folder_label.setText(self.tr("Save files to: {place}").format(place=place))

    def _on_action_chosen(self, action: str) -> None:
        if action in ("csv", "xlsx"):
            self.export_requested.emit(action, self._folder)
        elif action.startswith("again:"):
            self.reexport_requested.emit(int(action.partition(":")[2]), self._folder)

    def _ask(self, key: str, question: str, yes: str) -> None:
        """Ask in place, at the foot of the Export tab, scrolled into sight."""
        self.confirm.ask(key, question, yes, self.tr("No"))
        QTimer.singleShot(0, lambda: self.export_area.ensureWidgetVisible(self.confirm))

    def _ask_purge(self) -> None:
        self._ask(
            "purge",
            self.tr(
                "Delete the requests exported or done more than {days} days ago? "
                "This cannot be undone."
            ).format(days=self.retention_days),
            self.tr("Yes, delete them"),
        )

    def _ask_exit(self) -> None:
        self._ask(
            "exit",
            self.tr("Close the kiosk and show the computer's desktop?"),
            self.tr("Yes, close the kiosk"),
        )

    def _on_confirmed(self, key: str) -> None:
        if key == "purge":
            self.purge_requested.emit()
        elif key == "exit":
            self.exit_requested.emit()

    def _retranslate(self) -> None:
        if self._shown is not None:
            self.set_requests(*self._shown, rebuild=True)
        self.sign_out.set_text(self.tr("Sign out"))
        self.nav.set_items(
            [
                ("requests", self.tr("Requests")),
                ("export", self.tr("Export")),
                ("stats", self.tr("Statistics")),
                ("diagnostics", self.tr("Checks")),
            ]
        )
        self._mark_page(self.pages.currentIndex())
        self.action_grid.set_items(
            [
                ("csv", self.tr("Export new (CSV)")),
                ("xlsx", self.tr("Export new (Excel)")),
                ("again:7", self.tr("Export again: last 7 days")),
                ("again:30", self.tr("Export again: last 30 days")),
            ]
        )
        self.empty.setText(
            self.tr("No requests to call here. New ones go to the front desk.")
            if self.syncing
            else self.tr("No requests to call. New ones show here.")
        )
        self._say_sent()
        self.apart_label.setText(self.tr("Cannot be undone:"))
        self.purge.set_text(self.tr("Delete old requests now…"))
        self.exit.set_text(self.tr("Exit the kiosk…"))
        self.list_area.setAccessibleName(self.tr("Callback requests"))
        self.stats_export.set_text(self.tr("Export statistics (CSV)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.StyleChange:  # the text size changed, say
            QTimer.singleShot(0, self, self._fit_cards)
        super().changeEvent(event)


def _choose(grid: ButtonGrid, key: str) -> None:
    """Mark the button `key` of `grid` as chosen (a property the stylesheet matches on)."""
    for button in grid.buttons:
        button.setProperty("chosen", button.property("key") == key)
        # A property the stylesheet matches on takes effect only once re-polished.
        for widget in (button, *button.findChildren(QWidget)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


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
