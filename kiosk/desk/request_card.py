"""The desk's card for one request (kiosk.views.request_card, shared with the kiosk's staff
panel): which kiosk sent it, who called and when, and the desk's three statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.central.desk import DeskRequest, Status
from kiosk.views.request_card import RequestCard as SharedCard
from kiosk.views.request_card import Step
from kiosk.views.request_words import age, moment


class RequestCard(SharedCard):
    """Shows one request from any kiosk; the small button's question is the desk's to ask."""

    def __init__(
        self,
        desk_request: DeskRequest,
        titles: Mapping[str, str],
        zone: str,
        now: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        status = desk_request.status
        super().__init__(
            desk_request.request,
            titles,
            status=status.value,
            primary=Step(_next(status), _primary_words(status)),
            secondary=None if status is Status.DONE else Step(_other(status), _small(status)),
            parent=parent,
        )
        # What the card shows of the request: a list read again reuses a card whose key it
        # still holds, and only says its age anew.
        self.key = (desk_request.id, desk_request.status, desk_request.status_changed_at)
        self._request, self._zone = desk_request, zone
        self.set_now(now)
        self.set_changed(_changed_words(desk_request, zone))

    def set_now(self, now: dt.datetime) -> None:
        """Where and when it came in, and how long ago that is at `now`."""
        r = self._request.request
        self.set_origin(
            QCoreApplication.translate(
                "Desk", "From {kiosk} · {time} ({age}) · Ref. {reference}"
            ).format(
                kiosk=self._request.kiosk_id,
                time=moment(r.created_at, self._zone),
                age=age(now - r.created_at),
                reference=r.reference,
            )
        )


def _next(status: Status) -> Status:
    """The big button's step: call a new one, finish a called one, reopen a done one."""
    return {Status.NEW: Status.CALLED, Status.CALLED: Status.DONE, Status.DONE: Status.NEW}[status]


def _other(status: Status) -> Status:
    """The small button's, set apart: done without a call, or back on the list to call."""
    return Status.DONE if status is Status.NEW else Status.NEW


def _primary_words(status: Status) -> str:
    return {
        Status.NEW: QCoreApplication.translate("Desk", "Mark called"),
        Status.CALLED: QCoreApplication.translate("Desk", "Mark done"),
        Status.DONE: QCoreApplication.translate("Desk", "Put back to call"),
    }[status]


def _small(status: Status) -> str:
    return (
        QCoreApplication.translate("Desk", "Done, no call needed")
        if status is Status.NEW
        else QCoreApplication.translate("Desk", "Back to call")
    )


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
