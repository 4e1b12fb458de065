"""The daily purge: exported and done requests go after N days; new ones always stay."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import DATABASE, Database
from kiosk.storage.requests import RequestStore
from kiosk.storage.retention import due, last_run, purge

NOW = dt.datetime(2026, 11, 26, 14, 0, tzinfo=dt.UTC)
# Obviously fictional: 555-01xx numbers are reserved for fiction.
REQUEST = CallbackRequest(
    first_name="Zebediah",
    last_name="O'Quux",
    phone=Phone("+12015550123", "(201) 555-0123", ""),
    days=("mon",),
    periods=("morning",),
    topic="spine:lumbar",
    note="Xylophone",
    language="en",
)


@pytest.fixture
def store(db: Database) -> RequestStore:
    return RequestStore(db)


def days_ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def make(store: RequestStore, status: str, *, created: float, changed: float | None = None) -> str:
    """A request made `created` days ago whose status changed `changed` days ago."""
    saved = store.save(
        REQUEST,
        reference="ACE-479",
        consent_text="You may call me.",
        consent_version="2026-11",
        now=days_ago(created),
    )
    if status != "new":
        store.set_status([saved.id], status)
        # set_status stamps the real time; age the row as if it had happened back then.
        stamp = None if changed is None else days_ago(changed).isoformat()
        store.database.write(
            "UPDATE requests SET status_changed_at = ? WHERE id = ?", [(stamp, saved.id)]
        )
    return saved.id


def test_old_exported_and_done_requests_go_and_everything_else_stays(
    store: RequestStore, db: Database
) -> None:
    gone = {
        make(store, "exported", created=40, changed=31),
        make(store, "done", created=40, changed=30.001),
        make(store, "done", created=45),  # no change time: counts from when it was made
    }
    kept = {
        make(store, "new", created=400),  # never called back: never purged
        make(store, "new", created=31),
        make(store, "exported", created=60, changed=29.999),
        make(store, "done", created=50, changed=2),
        make(store, "done", created=20),
    }
    assert purge(db, now=lambda: NOW) == 3
    left = {r.id for r in store.requests()}
    assert left == kept
    assert left.isdisjoint(gone)
    assert purge(db, now=lambda: NOW) == 0


def test_the_age_counts_from_when_the_status_changed_not_when_the_request_was_made(
    store: RequestStore, db: Database
) -> None:
    """A request made long ago and called back today stays its full number of days."""
    saved = store.save(
        REQUEST,
        reference="ACE-479",
        consent_text="You may call me.",
        consent_version="2026-11",
        now=dt.datetime.now(dt.UTC) - dt.timedelta(days=400),
    )
    store.set_status([saved.id], "done")
    assert purge(db, older_than_days=30) == 0
    assert [r.id for r in store.requests("done")] == [saved.id]


def test_the_age_can_be_chosen(store: RequestStore, db: Database) -> None:
    kept = make(store, "exported", created=10, changed=6)
    make(store, "exported", created=10, changed=8)
    assert purge(db, older_than_days=7, now=lambda: NOW) == 1
    assert [r.id for r in store.requests()] == [kept]


@pytest.mark.parametrize("days", [0, -1])
def test_an_age_under_a_day_is_refused(db: Database, days: int) -> None:
    with pytest.raises(ValueError, match="1 or more"):
        purge(db, older_than_days=days, now=lambda: NOW)


def test_each_purge_is_audited_without_patient_data(store: RequestStore, db: Database) -> None:
    assert last_run(db) is None
    make(store, "done", created=40, changed=35)
    purge(db, now=lambda: NOW)
    entry = AuditLog(db).entries()[0]
    assert (entry.staff, entry.action) == ("", "requests_purged")
    assert entry.detail.startswith("1 requests")
    for secret in ("Zebediah", "Quux", "555", "Xylophone"):
        assert secret not in entry.detail
    assert last_run(db) == NOW


def test_nothing_of_a_purged_request_is_left_in_the_write_ahead_log(
    tmp_path: Path, store: RequestStore, db: Database
) -> None:
    make(store, "done", created=40, changed=35)
    assert (tmp_path / (DATABASE + "-wal")).stat().st_size > 0
    purge(db, now=lambda: NOW)
    assert (tmp_path / (DATABASE + "-wal")).stat().st_size == 0
    assert store.requests() == []
    assert db.integrity_ok()


def test_a_purge_overwrites_what_it_deletes_even_where_that_is_not_the_default(
    store: RequestStore, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite overwrites deleted cells only with secure_delete on when the DELETE runs. SQLCipher
    turns it on for a keyed connection, plain SQLite leaves it off: the purge sets it itself, so
    a connection (or a future SQLCipher) where it is off still forgets the patient."""
    make(store, "done", created=40, changed=35)
    kept = make(store, "new", created=40)
    db.read("PRAGMA secure_delete = OFF", ())
    write = db.write
    when_deleting: list[object] = []

    def watched(sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        if sql.startswith("DELETE"):
            when_deleting.extend(db.read("PRAGMA secure_delete", ()))
        write(sql, rows)

    monkeypatch.setattr(db, "write", watched)
    assert purge(db, now=lambda: NOW) == 1
    assert when_deleting == [(1,)]
    assert [r.id for r in store.requests()] == [kept]


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (None, True),
        (NOW - dt.timedelta(hours=23, minutes=59), False),
        (NOW - dt.timedelta(days=1), True),
        (NOW - dt.timedelta(days=9), True),
        (NOW, False),
        (NOW + dt.timedelta(hours=1), True),  # the clock went back: run rather than wait
    ],
)
def test_a_purge_is_due_once_a_day(last: dt.datetime | None, expected: bool) -> None:
    assert due(last, NOW) is expected


def test_files_with_patients_go_on_the_same_schedule(tmp_path: Path) -> None:
    database = Database.open(tmp_path)
    exports = tmp_path / "exports"
    exports.mkdir()
    clock = tmp_path / "clock"
    clock.touch()  # "now" as the file system tells it: files' times come from the same clock
    now = dt.datetime.fromtimestamp(clock.stat().st_ctime, dt.UTC)
    clock.unlink()
    ages = {  # file -> how long ago it was written
        "old.csv": dt.timedelta(days=31),
        "recent.xlsx": dt.timedelta(days=29),
        ".export-killed.csv": dt.timedelta(hours=2),  # an export a kill left unfinished
        ".export-writing.csv": dt.timedelta(minutes=1),  # one being written now
    }
    for name, age in ages.items():
        (exports / name).write_text("Zebediah,(201) 555-0123\n", encoding="utf-8")
        written = (now - age).timestamp()
        os.utime(exports / name, (written, written))
    aside = tmp_path / f"{DATABASE}.corrupt-20261201T054712.000000Z"
    aside.write_bytes(b"encrypted, damaged")  # set aside just now (its ctime)

    purge(database, older_than_days=30, now=lambda: now)
    assert sorted(entry.name for entry in exports.iterdir()) == [
        ".export-writing.csv",
        "recent.xlsx",
    ]
    assert aside.exists()
    assert "2 files with patient data" in AuditLog(database).entries()[0].detail

    purge(database, older_than_days=30, now=lambda: now + dt.timedelta(days=31))
    assert list(exports.iterdir()) == []
    assert not aside.exists()
    assert (tmp_path / DATABASE).exists()  # the live database is never a set-aside copy
