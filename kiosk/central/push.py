"""The statements a kiosk runs on the central store: a batch of requests, its usage counts and
its heartbeat. Each is one transaction; what it returns is true only once the commit has.

The connection is in autocommit mode. A batch is COPYed straight into requests, one statement
and so one transaction: PostgreSQL's fastest way in. If any of its requests is
there already (the kiosk never heard a commit and sends the batch again, or a second sync runs
by mistake) the COPY fails whole on the primary key and nothing of it stays; the batch then goes
through a temporary table and INSERT ... ON CONFLICT DO NOTHING, which adds only the missing.
Either way a request is in the store exactly once. (That failed COPY leaves one line in the
server's log naming a request's UUID and the batch's line number, never its content.)

Rows go as the kiosk keeps them, all text (kiosk.storage.outbox.OutgoingRequest): the server
reads the time. The kiosk_id is not sent: the store's default takes it from the login role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

import psycopg

from kiosk.storage.outbox import OutgoingRequest, UsageCount

_COLUMNS = ", ".join(OutgoingRequest._fields)
COPY_REQUESTS = f"COPY requests ({_COLUMNS}) FROM STDIN"
TYPES = ("text",) * len(OutgoingRequest._fields)
CREATE_BATCH_TABLE = """
CREATE TEMPORARY TABLE outbox_batch (
    id uuid, reference text, created_at timestamptz, first_name text, last_name text,
    phone_e164 text, phone_extension text, days text, periods text, topic text, note text,
    language text, consent_text text, consent_version text
) ON COMMIT DELETE ROWS
"""
COPY_BATCH = f"COPY outbox_batch ({_COLUMNS}) FROM STDIN"
# No conflict target: ON CONFLICT (id) would need SELECT on requests.id, which a kiosk does not
# have; id is the table's only unique key, so the two mean the same.
INSERT_BATCH = (
    f"INSERT INTO requests ({_COLUMNS}) SELECT {_COLUMNS} FROM outbox_batch"  # noqa: S608
    " ON CONFLICT DO NOTHING"
)


class Heartbeat(NamedTuple):
    sent_at: dt.datetime
    version: str
    last_sync_at: dt.datetime | None
    pending: int
    free_disk_bytes: int
    crash_count: int


def prepare(conn: psycopg.Connection[object]) -> None:
    """Once per connection: the temporary table a batch sent again goes through."""
    with conn.transaction():
        conn.execute(CREATE_BATCH_TABLE)


def push_requests(conn: psycopg.Connection[object], batch: Sequence[OutgoingRequest]) -> int:
    """Add `batch` to the central store in one transaction; returns how many were new there.
    `conn` is in autocommit mode (kiosk.central.sync connects so)."""
    if not conn.autocommit:
        raise ValueError("push_requests needs an autocommit connection")
    if not batch:
        return 0
    try:
        _copy(conn, COPY_REQUESTS, batch)
    except psycopg.errors.UniqueViolation:
        pass  # some are there already: rolled back whole, and sent the careful way below
    else:
        return len(batch)
    with conn.transaction(), conn.cursor() as cursor:
        _copy_rows(cursor, COPY_BATCH, batch)
        cursor.execute(INSERT_BATCH)
        return max(cursor.rowcount, 0)


def _copy(
    conn: psycopg.Connection[object], statement: str, batch: Sequence[tuple[str, ...]]
) -> None:
    # One statement on an autocommit connection: atomic by itself, and no BEGIN and COMMIT
    # round trips (a third of a small batch's time).
    with conn.cursor() as cursor:
        _copy_rows(cursor, statement, batch)


def _copy_rows(
    cursor: psycopg.Cursor[object], statement: str, batch: Sequence[tuple[str, ...]]
) -> None:
    with cursor.copy(statement) as copy:  # a constant, with no values in it
        copy.set_types(TYPES)  # once, not looked up for every value of every row
        for row in batch:
            copy.write_row(row)


def push_status(
    conn: psycopg.Connection[object], heartbeat: Heartbeat, counts: Sequence[UsageCount]
) -> None:
    """The kiosk's heartbeat and its grown usage counts, in one transaction."""
    with conn.transaction(), conn.cursor() as cursor:
        if counts:
            cursor.executemany(
                "INSERT INTO usage_counts (day, event, subject, count)"
                " VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [(c.day, c.event, c.subject, c.count) for c in counts],
            )
        cursor.execute(
            "INSERT INTO heartbeats (sent_at, version, last_sync_at, pending,"
            " free_disk_bytes, crash_count) VALUES (%s, %s, %s, %s, %s, %s)",
            heartbeat,
        )
