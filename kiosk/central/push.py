"""The statements a kiosk runs on the central store: a batch of requests, its usage counts and
its heartbeat. Each is one transaction; what it returns is true only once the commit has.

A batch is copied (COPY, one round trip for the rows) into a temporary table made once per
connection, then inserted with ON CONFLICT DO NOTHING: a batch pushed again after a lost commit
adds nothing, so a request is never there twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

import psycopg

from kiosk.storage.outbox import OutgoingRequest, UsageCount

_COLUMNS = (
    "id, kiosk_id, reference, created_at, first_name, last_name, phone_e164, phone_extension,"
    " days, periods, topic, note, language, consent_text, consent_version"
)
CREATE_BATCH_TABLE = """
CREATE TEMPORARY TABLE outbox_batch (
    id uuid, kiosk_id text, reference text, created_at timestamptz, first_name text,
    last_name text, phone_e164 text, phone_extension text, days text[], periods text[],
    topic text, note text, language text, consent_text text, consent_version text
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
    """Once per connection: the temporary table batches are copied into."""
    with conn.transaction():
        conn.execute(CREATE_BATCH_TABLE)


def push_requests(
    conn: psycopg.Connection[object], kiosk_id: str, batch: Sequence[OutgoingRequest]
) -> int:
    """Add `batch` to the central store in one transaction; returns how many were new there."""
    with conn.transaction(), conn.cursor() as cursor:
        with cursor.copy(COPY_BATCH) as copy:
            for request in batch:
                copy.write_row(_row(kiosk_id, request))
        cursor.execute(INSERT_BATCH)
        return max(cursor.rowcount, 0)


def _row(kiosk_id: str, request: OutgoingRequest) -> tuple[object, ...]:
    """The request as outbox_batch's columns. PostgreSQL's text cannot hold NUL, which SQLite
    keeps: one such character (typed on a hardware keyboard) would fail its batch, and every
    request after it, for ever; it goes."""
    r = request
    return (
        r.id,
        kiosk_id,
        _text(r.reference),
        r.created_at,
        _text(r.first_name),
        _text(r.last_name),
        _text(r.phone_e164),
        _text(r.phone_extension),
        [_text(day) for day in r.days],
        [_text(period) for period in r.periods],
        _text(r.topic),
        _text(r.note),
        _text(r.language),
        _text(r.consent_text),
        _text(r.consent_version),
    )


def _text(value: str) -> str:
    return value.replace("\x00", "")


def push_status(
    conn: psycopg.Connection[object],
    kiosk_id: str,
    heartbeat: Heartbeat,
    counts: Sequence[UsageCount],
) -> None:
    """The kiosk's heartbeat and its grown usage counts, in one transaction."""
    with conn.transaction(), conn.cursor() as cursor:
        if counts:
            cursor.executemany(
                "INSERT INTO usage_counts (kiosk_id, day, event, subject, count)"
                " VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [(kiosk_id, c.day, c.event, c.subject, c.count) for c in counts],
            )
        cursor.execute(
            "INSERT INTO heartbeats (kiosk_id, sent_at, version, last_sync_at, pending,"
            " free_disk_bytes, crash_count) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (kiosk_id, *heartbeat),
        )
