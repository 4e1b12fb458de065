"""The list of requests from every kiosk: filters on top, one card per request, exports below.

It shows what it is given and reports what staff chose; the controller reads and writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.central.desk import DeskRequest, Status
from kiosk.desk.filters import chosen_day, day_filter, set_choices
from kiosk.desk.request_card import RequestCard
from kiosk.desk.words import status_words
from kiosk.views.labels import plain_label


class Choice(NamedTuple):
    """What the filters say: a kiosk id or None (all), a status or None (all), a day or None."""

    kiosk: str | None
    status: Status | None
    day: dt.date | None


class RequestsView(QWidget):
    """Filters, cards and exports."""

    filter_changed = Signal()
    marked = Signal(str, str)  # request id, status
    set_aside = Signal(str, str, str)  # request id, status, reference: to confirm first
    export_requested = Signal(str)  # "csv" or "xlsx"
    purge_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self._list(), 1)
        layout.addLayout(self._exports())
        self._cards: list[RequestCard] = []

    def _filters(self) -> QHBoxLayout:
        self.kiosk = QComboBox()
        self.kiosk.setAccessibleName(QCoreApplication.translate("Desk", "Kiosk"))
        self.kiosk.addItem(QCoreApplication.translate("Desk", "All kiosks"), None)
        self.status = QComboBox()
        self.status.setAccessibleName(QCoreApplication.translate("Desk", "Show"))
        for status, words in status_words().items():
            self.status.addItem(words, status)
        self.one_day, self.day = day_filter()
        for signal in (
            self.kiosk.currentIndexChanged,
            self.status.currentIndexChanged,
            self.one_day.toggled,
            self.day.dateChanged,
        ):
            signal.connect(self.filter_changed)
        filters = QHBoxLayout()
        for text, widget in (
            (QCoreApplication.translate("Desk", "Kiosk:"), self.kiosk),
            (QCoreApplication.translate("Desk", "Show:"), self.status),
        ):
            label = plain_label(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(12)
        filters.addWidget(self.one_day)
        filters.addWidget(self.day)
        filters.addStretch(1)
        self.counts = plain_label()
        self.counts.setProperty("role", "counts")
        filters.addWidget(self.counts)
        return filters

    def _list(self) -> QScrollArea:
        self.cards = QWidget()
        self.cards_layout = QVBoxLayout(self.cards)
        self.empty = plain_label(QCoreApplication.translate("Desk", "No requests to show."))
        self.empty.setProperty("role", "empty")
        self.cards_layout.addWidget(self.empty)
        self.cards_layout.addStretch(1)  # a few cards keep their height, at the top
        self.list_area = QScrollArea()
        self.list_area.setWidgetResizable(True)
        self.list_area.setWidget(self.cards)
        return self.list_area

    def _exports(self) -> QHBoxLayout:
        self.export_csv = QPushButton(QCoreApplication.translate("Desk", "Export to CSV…"))
        self.export_xlsx = QPushButton(QCoreApplication.translate("Desk", "Export to Excel…"))
        self.export_csv.clicked.connect(lambda: self.export_requested.emit("csv"))
        self.export_xlsx.clicked.connect(lambda: self.export_requested.emit("xlsx"))
        self.said = plain_label()
        self.said.setProperty("role", "message")
        self.said.setWordWrap(True)
        # Deleting is at the other end of the bar from the exports, and asked first.
        self.purge = QPushButton(QCoreApplication.translate("Desk", "Delete old requests…"))
        self.purge.setProperty("role", "secondary")
        self.purge.clicked.connect(self.purge_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.purge)
        bottom.addSpacing(24)
        bottom.addWidget(self.said, 1)
        bottom.addWidget(self.export_csv)
        bottom.addWidget(self.export_xlsx)
        return bottom

    def choice(self) -> Choice:
        status = self.status.currentData()  # Qt hands the enum back as its text
        return Choice(
            self.kiosk.currentData(),
            Status(status) if status else None,
            chosen_day(self.one_day, self.day),
        )

    def set_kiosks(self, kiosk_ids: Sequence[str]) -> None:
        """The kiosk filter's choices, keeping the one chosen."""
        set_choices(self.kiosk, kiosk_ids)

    def set_requests(
        self,
        requests: Sequence[DeskRequest],
        titles: Mapping[str, str],
        zone: str,
        now: dt.datetime,
    ) -> None:
        """One card per request, in the order given; the scroll position is kept. A card
        already shown for the same request in the same status is kept (its age said anew):
        a notice that adds one request builds one card, not the whole list again."""
        position = self.list_area.verticalScrollBar().value()
        kept = {card.key: card for card in self._cards}
        cards, fresh = [], set()
        for desk_request in requests:
            key = (desk_request.id, desk_request.status, desk_request.status_changed_at)
            card = kept.pop(key, None)
            if card is None:
                card = RequestCard(desk_request, titles, zone, now)
                card.marked.connect(self.marked)
                card.set_aside.connect(self.set_aside)
                fresh.add(card.key)
            else:
                card.set_now(now)
            cards.append(card)
        for card in kept.values():  # gone from the list
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        for card in cards:
            self.cards_layout.removeWidget(card)
        for index, card in enumerate(cards, start=1):  # after the "no requests" line
            self.cards_layout.insertWidget(index, card)
            if card.key in fresh:
                card.fit_name()
        self._cards = cards
        self.empty.setVisible(not requests)
        self.list_area.verticalScrollBar().setValue(position)

    def set_counts(self, counts: Mapping[Status, int]) -> None:
        self.counts.setText(
            QCoreApplication.translate("Desk", "{new} to call · {called} called").format(
                new=counts.get(Status.NEW, 0), called=counts.get(Status.CALLED, 0)
            )
        )

    def clear(self) -> None:
        """Nothing of a request left on screen (signing out)."""
        self._remove_cards()
        self.counts.clear()
        self.said.clear()

    def _remove_cards(self) -> None:
        for card in self._cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self._cards = []
        self.empty.setVisible(True)

    @property
    def shown(self) -> list[RequestCard]:
        return list(self._cards)

    def say(self, text: str) -> None:
        self.said.setText(text)
