"""The outbox: what `kiosk sync` still has to send to the central store, and what it has sent.

A request is unsynced until the central store's commit has returned; then it is marked synced
(table `synced`), and `keep_after_sync_hours` later its personal fields (names, phone, note) are
wiped here, overwritten as the retention purge overwrites what it deletes. Usage counts are sent
when they have grown since the central store last heard them. Nothing here talks to the network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from kiosk.core.clock import utc_now
from kiosk.storage.database import Database
from kiosk.storage.requests import _split
from kiosk.storage.retention import _forget_freed_pages

# What a wipe blanks: everything that names or reaches the patient. The day, the times, the
# topic and the reference stay, so counts and the desk's history still add up.
PERSONAL_FIELDS = ("first_name", "last_name", "phone_e164", "phone_extension", "note")


class OutgoingRequest(NamedTuple):
    """A request as the central store takes it (kiosk/central/sql/0001_schema.sql)."""

    id: str
    reference: str
    created_at: dt.datetime
    first_name: str
    last_name: str
    phone_e164: str
    phone_extension: str
    days: tuple[str, ...]
    periods: tuple[str, ...]
    topic: str
    note: str
    language: str
    consent_text: str
    consent_version: str


class UsageCount(NamedTuple):
    day: dt.date
    event: str
    subject: str
    count: int  # type: ignore[assignment]  # shadows tuple.count, as in kiosk.storage.usage


_UNSYNCED = "NOT EXISTS (SELECT 1 FROM synced s WHERE s.id = r.id)"
_COLUMNS = (
    "id, reference, created_at, first_name, last_name, phone_e164, phone_extension, days,"
    " periods, topic, note, language, consent_text, consent_version"
)


def unsynced(db: Database, limit: int) -> list[OutgoingRequest]:
    """Up to `limit` requests not yet in the central store, oldest first."""
    rows = db.read(
        f"SELECT {_COLUMNS} FROM requests r WHERE {_UNSYNCED}"  # noqa: S608 -- no values
        " ORDER BY created_at, id LIMIT ?",
        (limit,),
    )
    return [_outgoing(row) for row in rows]


def pending(db: Database) -> int:
    """How many requests are waiting to be sent."""
    rows = db.read(f"SELECT count(*) FROM requests r WHERE {_UNSYNCED}")  # noqa: S608
    return int(rows[0][0])


def oldest_pending(db: Database) -> dt.datetime | None:
    """When the oldest request still waiting was saved: how far behind the central store is."""
    rows = db.read(f"SELECT min(created_at) FROM requests r WHERE {_UNSYNCED}")  # noqa: S608
    return dt.datetime.fromisoformat(rows[0][0]) if rows and rows[0][0] else None


def mark_synced(
    db: Database, ids: Iterable[str], *, now: Callable[[], dt.datetime] = utc_now
) -> None:
    """Record that the central store has these requests: call only after its commit returned."""
    stamp = now().astimezone(dt.UTC).isoformat()
    # OR IGNORE: a request marked twice (a retried pass) keeps its first time.
    db.write(
        "INSERT OR IGNORE INTO synced (id, synced_at) SELECT id, ? FROM requests WHERE id = ?",
        [(stamp, request_id) for request_id in ids],
    )


def wipe_synced(
    db: Database, *, older_than_hours: int, now: Callable[[], dt.datetime] = utc_now
) -> int:
    """Wipe the personal fields of requests the central store has had for more than
    `older_than_hours`; returns how many. Overwritten, not just replaced: secure_delete zeroes
    the old cells, and the WAL is checkpointed and truncated (kiosk.storage.retention)."""
    moment = now().astimezone(dt.UTC)
    cutoff = moment - dt.timedelta(hours=older_than_hours)
    rows = db.read("SELECT id, synced_at FROM synced WHERE wiped_at IS NULL", ())
    ids = [(request_id,) for request_id, stamp in rows if _before(stamp, cutoff)]
    if not ids:
        return 0
    blank = ", ".join(f"{field} = ''" for field in PERSONAL_FIELDS)
    db.read("PRAGMA secure_delete = ON", ())
    db.write(f"UPDATE requests SET {blank} WHERE id = ?", ids)  # noqa: S608 -- names, no values
    db.write(
        "UPDATE synced SET wiped_at = ? WHERE id = ?",
        [(moment.isoformat(), request_id) for (request_id,) in ids],
    )
    _forget_freed_pages(db)
    return len(ids)


def usage_changes(db: Database) -> list[UsageCount]:
    """Usage counts the central store has not heard at their present value."""
    rows = db.read(
        "SELECT u.day, u.event, u.subject, u.count FROM usage u"
        " LEFT JOIN usage_synced s USING (day, event, subject)"
        " WHERE s.count IS NULL OR s.count != u.count ORDER BY u.day, u.event, u.subject",
        (),
    )
    return [UsageCount(dt.date.fromisoformat(day), e, s, int(c)) for day, e, s, c in rows]


def mark_usage_synced(db: Database, counts: Sequence[UsageCount]) -> None:
    db.write(
        "INSERT INTO usage_synced (day, event, subject, count) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (day, event, subject) DO UPDATE SET count = excluded.count",
        [(c.day.isoformat(), c.event, c.subject, c.count) for c in counts],
    )


def _outgoing(row: Sequence[Any]) -> OutgoingRequest:
    (id_, reference, created, first, last, e164, extension, days, periods, *rest) = row
    topic, note, language, consent_text, consent_version = rest
    return OutgoingRequest(
        id_,
        reference,
        dt.datetime.fromisoformat(created),
        first,
        last,
        e164,
        extension,
        _split(days),
        _split(periods),
        topic,
        note,
        language,
        consent_text,
        consent_version,
    )


def _before(stamp: str, cutoff: dt.datetime) -> bool:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return True  # an unreadable time: wiping early is the safe side
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment <= cutoff
