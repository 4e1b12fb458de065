"""Callback requests: saved, read back and moved through new / exported / done.

They live in the kiosk's encrypted database (kiosk/storage/database.py); a save returns only once
the request is on disk, so the patient is thanked only for what cannot be lost.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage.database import DATABASE, Database, StorageError

__all__ = ["DATABASE", "RequestStore", "Status", "StorageError", "StoredRequest"]


class Status(StrEnum):
    """Where a request is: new until a file holds it, exported, done once staff called back."""

    NEW = "new"
    EXPORTED = "exported"
    DONE = "done"


STATUSES = tuple(Status)


class StoredRequest(NamedTuple):
    """A request as it was saved."""

    id: str
    reference: str
    created_at: dt.datetime
    status: str
    first_name: str
    last_name: str
    phone: Phone
    days: tuple[str, ...]
    periods: tuple[str, ...]
    topic: str
    note: str
    language: str
    consent_text: str
    consent_version: str


class RequestStore:
    """The callback requests, in the kiosk's database; opened on first use and kept."""

    def __init__(self, db: Database) -> None:
        self._database = db

    @classmethod
    def open(cls, data_dir: Path) -> RequestStore:
        """Open (or create) the store in `data_dir`; raises StorageError for staff to read."""
        return cls(Database.open(data_dir))

    @property
    def database(self) -> Database:
        return self._database

    @property
    def recovered_from(self) -> Path | None:
        """Where a damaged database was moved when this one was started afresh, if it was."""
        return self._database.recovered_from

    # -- writing -------------------------------------------------------------------------------

    def save(
        self,
        request: CallbackRequest,
        *,
        reference: str,
        consent_text: str,
        consent_version: str,
        now: dt.datetime | None = None,
    ) -> StoredRequest:
        """Write one request; returns only after the commit is on disk."""
        created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        row = StoredRequest(
            id=str(uuid.uuid4()),
            reference=reference,
            created_at=created,
            status=Status.NEW,
            first_name=request.first_name,
            last_name=request.last_name,
            phone=request.phone,
            days=tuple(request.days),
            periods=tuple(request.periods),
            topic=request.topic,
            note=request.note,
            language=request.language,
            consent_text=consent_text,
            consent_version=consent_version,
        )
        self._database.write(
            "INSERT INTO requests (id, reference, created_at, status, first_name, last_name,"
            " phone_e164, phone_extension, days, periods, topic, note, language, consent_text,"
            " consent_version) VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    row.id,
                    row.reference,
                    created.isoformat(),
                    row.first_name,
                    row.last_name,
                    row.phone.e164,
                    row.phone.extension,
                    ",".join(row.days),
                    ",".join(row.periods),
                    row.topic,
                    row.note,
                    row.language,
                    consent_text,
                    consent_version,
                )
            ],
        )
        return row

    def set_status(self, ids: Iterable[str], status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        now = dt.datetime.now(dt.UTC).isoformat()
        self._database.write(
            "UPDATE requests SET status = ?, status_changed_at = ? WHERE id = ?",
            [(status, now, request_id) for request_id in ids],
        )

    # -- reading -------------------------------------------------------------------------------

    def get(self, request_id: str) -> StoredRequest | None:
        rows = self._database.read("SELECT * FROM requests WHERE id = ?", (request_id,))
        return _stored(rows[0]) if rows else None

    def requests(self, status: str | None = None) -> list[StoredRequest]:
        """Requests, oldest first; only those with `status` when given."""
        if status is None:
            rows = self._database.read("SELECT * FROM requests ORDER BY created_at", ())
        else:
            rows = self._database.read(
                "SELECT * FROM requests WHERE status = ? ORDER BY created_at", (status,)
            )
        return [_stored(row) for row in rows]

    def counts(self) -> dict[str, int]:
        found = dict(
            self._database.read("SELECT status, count(*) FROM requests GROUP BY status", ())
        )
        return {status: int(found.get(status, 0)) for status in STATUSES}

    def integrity_ok(self) -> bool:
        return self._database.integrity_ok()

    def close(self) -> None:
        self._database.close()

    # -- the connection ------------------------------------------------------------------------


def _stored(row: Sequence[Any]) -> StoredRequest:
    (
        id_,
        reference,
        created,
        status,
        _changed,
        first,
        last,
        e164,
        extension,
        days,
        periods,
        topic,
        note,
        language,
        consent_text,
        consent_version,
    ) = row
    return StoredRequest(
        id_,
        reference,
        dt.datetime.fromisoformat(created),
        status,
        first,
        last,
        Phone(e164, _national(e164), extension),
        _split(days),
        _split(periods),
        topic,
        note,
        language,
        consent_text,
        consent_version,
    )


def _national(e164: str) -> str:
    if not e164:  # wiped after the central store had it (kiosk.storage.outbox)
        return ""
    import phonenumbers  # noqa: PLC0415 -- loaded only when requests are read back

    number = phonenumbers.parse(e164, None)
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(",") if part)
