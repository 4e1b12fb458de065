"""The audit log: entries read back newest first, and nothing can change or remove them."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.storage.audit import MAX_DETAIL, AuditEntry, AuditLog
from kiosk.storage.database import Database, StorageError
from tests.unit.conftest import START, Clock


@pytest.fixture
def audit(db: Database, clock: Clock) -> AuditLog:
    return AuditLog(db, now=clock)


def record_three(audit: AuditLog, clock: Clock) -> None:
    audit.record("Quinta Vexley", "sign_in")
    clock.advance(60)
    audit.record("Quinta Vexley", "export", "12 requests to /media/usb/callbacks-2026-11-26.csv")
    clock.advance(60)
    audit.record("", "sign_in_failed", "attempt 1")


def test_entries_read_back_newest_first(audit: AuditLog, clock: Clock) -> None:
    assert audit.entries() == []
    record_three(audit, clock)
    assert audit.entries() == [
        AuditEntry(START + dt.timedelta(minutes=2), "", "sign_in_failed", "attempt 1"),
        AuditEntry(
            START + dt.timedelta(minutes=1),
            "Quinta Vexley",
            "export",
            "12 requests to /media/usb/callbacks-2026-11-26.csv",
        ),
        AuditEntry(START, "Quinta Vexley", "sign_in", ""),
    ]
    assert [e.action for e in audit.entries(limit=2)] == ["sign_in_failed", "export"]
    assert audit.entries(limit=0) == []
    last = audit.last("sign_in")
    assert last is not None
    assert last.at == START
    assert audit.last("staff_removed") is None


def test_order_is_the_order_written_even_when_the_clock_goes_back(
    audit: AuditLog, clock: Clock
) -> None:
    audit.record("Quinta Vexley", "sign_in")
    clock.advance(-3600)
    audit.record("Quinta Vexley", "sign_out")
    assert [e.action for e in audit.entries()] == ["sign_out", "sign_in"]


def test_times_are_kept_in_utc(db: Database) -> None:
    eastern = dt.timezone(dt.timedelta(hours=-5))
    AuditLog(db, now=lambda: dt.datetime(2026, 11, 26, 9, 0, tzinfo=eastern)).record("", "x")
    (entry,) = AuditLog(db).entries()
    assert entry.at == dt.datetime(2026, 11, 26, 14, 0, tzinfo=dt.UTC)
    assert entry.at.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit SET staff = 'Orrin Blandish'",
        "UPDATE audit SET detail = '' WHERE action = 'export'",
        "DELETE FROM audit",
        "DELETE FROM audit WHERE action = 'sign_in_failed'",
        "INSERT OR REPLACE INTO audit (id, at, staff, action) VALUES (1, '', '', 'nothing')",
        (
            "INSERT INTO audit (id, at, staff, action) VALUES (1, '', '', 'x')"
            " ON CONFLICT (id) DO UPDATE SET action = 'nothing'"
        ),
    ],
)
def test_entries_cannot_be_changed_or_removed(
    db: Database, audit: AuditLog, clock: Clock, sql: str
) -> None:
    record_three(audit, clock)
    before = audit.entries()
    with pytest.raises(StorageError):
        db.write(sql, [()])
    assert audit.entries() == before
    audit.record("Quinta Vexley", "sign_out")  # and the log still takes new entries
    assert len(audit.entries()) == 4


@pytest.mark.parametrize("action", ["", "Sign In", "sign-in", "sign_in ", "_sign", "a" * 41])
def test_an_action_must_be_a_short_snake_case_word(audit: AuditLog, action: str) -> None:
    with pytest.raises(ValueError, match="snake_case"):
        audit.record("Quinta Vexley", action)
    assert audit.entries() == []


def test_a_detail_is_kept_to_one_short_line(audit: AuditLog) -> None:
    audit.record("Quinta Vexley", "export", "12 requests\nto  /media/usb\tstick")
    audit.record("Quinta Vexley", "export", "x" * 1000)
    long, short = audit.entries()
    assert short.detail == "12 requests to /media/usb stick"
    assert len(long.detail) == MAX_DETAIL
    assert long.detail.endswith("…")


def test_a_negative_limit_is_refused(audit: AuditLog) -> None:
    with pytest.raises(ValueError, match="zero or more"):
        audit.entries(limit=-1)
