"""One callback request as a card: the name in bold, the number to call, when and what about in
plain words, where and when it came in, and a large button for the next step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.central.desk import DeskRequest, Status
from kiosk.core.callback_form import display
from kiosk.desk.words import age, moment, summary
from kiosk.views.labels import plain_label

MAX_NAME_WIDTH = 520  # pixels; a longer name wraps


class RequestCard(QFrame):
    """Shows one request; reports the status staff chose for it."""

    marked = Signal(str, str)  # request id, status: the big button
    set_aside = Signal(str, str, str)  # request id, status, reference: the small one, confirmed

    def __init__(
        self,
        desk_request: DeskRequest,
        titles: Mapping[str, str],
        zone: str,
        now: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setProperty("status", desk_request.status.value)
        self.request_id = desk_request.id
        # What the card shows of the request: a list read again reuses a card whose key it
        # still holds, and only says its age anew.
        self.key = (desk_request.id, desk_request.status, desk_request.status_changed_at)
        self._request, self._zone = desk_request, zone
        r = desk_request.request
        self.name = _label(f"{r.first_name} {r.last_name}", "name")
        self.phone = _label(display(r.phone), "phone")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = _label(summary(r.days, r.periods, r.language, r.topic, titles), "summary")
        self.origin = _label("", "meta")
        self.set_now(now)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        head = QHBoxLayout()
        head.addWidget(self.name)
        head.addSpacing(16)
        head.addWidget(self.phone)
        head.addStretch(1)
        texts.addLayout(head)
        texts.addWidget(self.summary)
        if r.note:
            self.note = _label(
                QCoreApplication.translate("Desk", "Note: {note}").format(note=r.note), "note"
            )
            texts.addWidget(self.note)
        texts.addWidget(self.origin)
        self.changed = _label(_changed_words(desk_request, zone), "meta")
        self.changed.setVisible(bool(self.changed.text()))
        texts.addWidget(self.changed)

        self.primary, self.secondary = _buttons(desk_request.status)
        next_step, other_step = _next(desk_request.status), _other(desk_request.status)
        self.primary.clicked.connect(lambda: self.marked.emit(self.request_id, next_step))
        self.secondary.clicked.connect(
            lambda: self.set_aside.emit(self.request_id, other_step, r.reference)
        )
        actions = QVBoxLayout()
        actions.addWidget(self.primary)
        actions.addSpacing(20)  # apart from the big button: not pressed by a slip
        actions.addStretch(1)
        actions.addWidget(self.secondary, 0, Qt.AlignmentFlag.AlignRight)

        row = QHBoxLayout(self)
        row.addLayout(texts, 1)
        row.addSpacing(16)
        row.addLayout(actions)

    def set_now(self, now: dt.datetime) -> None:
        """Where and when it came in, and how long ago that is at `now`."""
        r = self._request.request
        self.origin.setText(
            QCoreApplication.translate(
                "Desk", "From {kiosk} · {time} ({age}) · Ref. {reference}"
            ).format(
                kiosk=self._request.kiosk_id,
                time=moment(r.created_at, self._zone),
                age=age(now - r.created_at),
                reference=r.reference,
            )
        )

    def fit_name(self) -> None:
        """Keep the name on one line unless it is very long (a wrapping label would break any
        name in two). Once the card is in the window: the name's size is the window's style."""
        self.name.ensurePolished()
        wanted = self.name.fontMetrics().horizontalAdvance(self.name.text()) + 4
        self.name.setMinimumWidth(min(wanted, MAX_NAME_WIDTH))


def _label(text: str, role: str) -> QLabel:
    label = plain_label(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def _next(status: Status) -> Status:
    """The big button's step: call a new one, finish a called one, reopen a done one."""
    return {Status.NEW: Status.CALLED, Status.CALLED: Status.DONE, Status.DONE: Status.NEW}[status]


def _other(status: Status) -> Status:
    """The small button's, set apart: done without a call, or back on the list to call."""
    return Status.DONE if status is Status.NEW else Status.NEW


def _buttons(status: Status) -> tuple[QPushButton, QPushButton]:
    big = {
        Status.NEW: QCoreApplication.translate("Desk", "Mark called"),
        Status.CALLED: QCoreApplication.translate("Desk", "Mark done"),
        Status.DONE: QCoreApplication.translate("Desk", "Put back to call"),
    }[status]
    small = (
        QCoreApplication.translate("Desk", "Done, no call needed")
        if status is Status.NEW
        else QCoreApplication.translate("Desk", "Back to call")
    )
    primary = QPushButton(big)
    primary.setProperty("role", "primary")
    primary.setMinimumHeight(56)
    secondary = QPushButton(small)
    secondary.setProperty("role", "secondary")
    secondary.setVisible(status is not Status.DONE)
    return primary, secondary


def _changed_words(desk_request: DeskRequest, zone: str) -> str:
    at, by = desk_request.status_changed_at, desk_request.status_changed_by
    if at is None or desk_request.status is Status.NEW:
        return ""
    template = (
        QCoreApplication.translate("Desk", "Called by {who} at {time}")
        if desk_request.status is Status.CALLED
        else QCoreApplication.translate("Desk", "Done by {who} at {time}")
    )
    return template.format(who=by or "?", time=moment(at, zone))
