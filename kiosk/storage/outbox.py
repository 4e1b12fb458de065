"""The outbox: what `kiosk sync` still has to send to the central store, and what it has sent.

A request is unsynced until the central store's commit has returned; then it is marked synced
(table `synced`), and `keep_after_sync_hours` later its personal fields (names, phone, note) are
wiped here, overwritten as the retention purge overwrites what it deletes. Usage counts are sent
when they have grown since the central store last heard them. Nothing here talks to the network.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from kiosk.core.clock import utc_now
from kiosk.storage.database import Database
from kiosk.storage.retention import _forget_freed_pages

# What a wipe blanks: everything that names or reaches the patient. The day, the times, the
# topic and the reference stay, so counts and the desk's history still add up.
PERSONAL_FIELDS = ("first_name", "last_name", "phone_e164", "phone_extension", "note")


class OutgoingRequest(NamedTuple):
    """A request as the sync sends it: its fields as this database keeps them, text only, so a
    batch of thousands costs the kiosk no parsing (the central store reads the time and splits
    the lists, kiosk/central/push.py). NUL characters are gone: PostgreSQL's text cannot hold
    one, and a single one would fail its batch, and every request after it, for ever."""

    id: str
    reference: str
    created_at: str  # ISO 8601, UTC
    first_name: str
    last_name: str
    phone_e164: str
    phone_extension: str
    days: str  # comma-separated: mon,wed
    periods: str  # comma-separated: morning,evening
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


# Only what is still new here goes: a request the kiosk's own staff already exported or marked
# done (while the central store was out of reach, say) is theirs, and the front desk, seeing it
# arrive as new, would call that patient a second time.
_UNSYNCED = "r.status = 'new' AND NOT EXISTS (SELECT 1 FROM synced s WHERE s.id = r.id)"
_COLUMNS = ", ".join(OutgoingRequest._fields)
# After a given request in the outbox's order: saved later, or at the same moment but after it.
_AFTER = "(created_at, rowid) > (?, (SELECT rowid FROM requests WHERE id = ?))"


def unsynced(
    db: Database, limit: int, *, after: OutgoingRequest | None = None
) -> list[OutgoingRequest]:
    """Up to `limit` requests not yet in the central store, oldest first; with `after`, only
    those after that one (the batch still on its way is not read again)."""
    args: tuple[object, ...]
    if after is None:
        where, args = _UNSYNCED, (limit,)
    else:
        where = f"{_UNSYNCED} AND {_AFTER}"
        args = (after.created_at, after.id, limit)
    rows = db.read(
        f"SELECT {_COLUMNS} FROM requests r WHERE {where}"  # noqa: S608 -- no values
        " ORDER BY created_at, rowid LIMIT ?",
        args,
    )
    if "\x00" in "".join("".join(row) for row in rows):  # one search per batch, not per field
        return [OutgoingRequest._make(value.replace("\x00", "") for value in row) for row in rows]
    return [OutgoingRequest._make(row) for row in rows]


def pending(db: Database) -> int:
    """How many requests are waiting to be sent."""
    rows = db.read(f"SELECT count(*) FROM requests r WHERE {_UNSYNCED}")  # noqa: S608
    return int(rows[0][0])


def oldest_pending(db: Database) -> dt.datetime | None:
    """When the oldest request still waiting was saved: how far behind the central store is."""
    rows = db.read(f"SELECT min(created_at) FROM requests r WHERE {_UNSYNCED}")  # noqa: S608
    return dt.datetime.fromisoformat(rows[0][0]) if rows and rows[0][0] else None


def sent_among(db: Database, ids: Iterable[str]) -> set[str]:
    """Which of these requests the central store has: they are the front desk's now (wiped
    here, or soon to be), so the kiosk's own staff panel neither lists nor exports them."""
    rows = db.read(
        "SELECT s.id FROM synced s JOIN json_each(?) j ON s.id = j.value", (json.dumps(list(ids)),)
    )
    return {request_id for (request_id,) in rows}


def sent_by_status(db: Database) -> dict[str, int]:
    """How many requests of each local status the central store has."""
    rows = db.read(
        "SELECT r.status, count(*) FROM requests r JOIN synced s ON s.id = r.id GROUP BY r.status"
    )
    return {status: int(count) for status, count in rows}


def mark_synced(
    db: Database, ids: Iterable[str], *, now: Callable[[], dt.datetime] = utc_now
) -> None:
    """Record that the central store has these requests: call only after its commit returned."""
    stamp = now().astimezone(dt.UTC).isoformat()
    # One statement for the whole batch. OR IGNORE: a request marked twice (a retried pass)
    # keeps its first time; one the retention purge deleted meanwhile is not marked.
    db.write(
        "INSERT OR IGNORE INTO synced (id, synced_at) SELECT r.id, ? FROM json_each(?) j"
        " JOIN requests r ON r.id = j.value",
        [(stamp, json.dumps(list(ids)))],
    )


def wipe_synced(
    db: Database, *, older_than_hours: int, now: Callable[[], dt.datetime] = utc_now
) -> int:
    """Wipe the personal fields of requests the central store has had for more than
    `older_than_hours`; returns how many. Overwritten, not just replaced: secure_delete zeroes
    the old cells, and the WAL is checkpointed and truncated (kiosk.storage.retention)."""
    moment = now().astimezone(dt.UTC)
    cutoff = moment - dt.timedelta(hours=older_than_hours)
    # synced_at is always mark_synced's UTC isoformat, so text order is time order; the index
    # synced_to_wipe finds them without reading every synced row on every pass.
    rows = db.read(
        "SELECT id FROM synced WHERE wiped_at IS NULL AND synced_at <= ?", (cutoff.isoformat(),)
    )
    ids = [(request_id,) for (request_id,) in rows]
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
