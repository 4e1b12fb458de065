"""The local outbox of `kiosk sync`: what still has to go to the central store, marked only
when told, and personal fields wiped for good some hours after the central store had them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage.database import DATABASE, Database
from kiosk.storage.outbox import (
    mark_synced,
    mark_usage_synced,
    oldest_pending,
    pending,
    sent_among,
    sent_by_status,
    unsynced,
    usage_changes,
    wipe_synced,
)
from kiosk.storage.requests import RequestStore
from kiosk.storage.retention import purge
from kiosk.storage.usage import UsageStats
from tests.unit.test_database import first_version_only, scripts

NOW = dt.datetime(2026, 11, 26, 14, 0, tzinfo=dt.UTC)
REQUEST = CallbackRequest(
    first_name="Zebediah",
    last_name="O'Quux",
    phone=Phone("+12015550123", "(201) 555-0123", "12"),
    days=("mon", "wed"),
    periods=("morning",),
    topic="spine:lumbar",
    note="Xylophone",
    language="es",
)


def save(store: RequestStore, minutes_ago: float = 0) -> str:
    return store.save(
        REQUEST,
        reference="ACE-479",
        consent_text="You may call me.",
        consent_version="2026-11",
        now=NOW - dt.timedelta(minutes=minutes_ago),
    ).id


def first_name(store: RequestStore, request_id: str) -> str:
    kept = store.get(request_id)
    assert kept is not None, "the request is still there"
    return kept.first_name


@pytest.fixture
def store(db: Database) -> RequestStore:
    return RequestStore(db)


def test_requests_wait_oldest_first_until_marked_synced(store: RequestStore, db: Database) -> None:
    newest, middle, oldest = save(store, 1), save(store, 2), save(store, 3)
    assert pending(db) == 3
    assert oldest_pending(db) == NOW - dt.timedelta(minutes=3)
    batch = unsynced(db, limit=2)
    assert [r.id for r in batch] == [oldest, middle]
    first = batch[0]
    assert (first.first_name, first.phone_e164, first.phone_extension) == (
        "Zebediah",
        "+12015550123",
        "12",
    )
    assert (first.days, first.periods) == ("mon,wed", "morning")
    assert first.created_at == (NOW - dt.timedelta(minutes=3)).isoformat()
    mark_synced(db, [r.id for r in batch], now=lambda: NOW)
    assert [r.id for r in unsynced(db, limit=10)] == [newest]
    assert pending(db) == 1
    mark_synced(db, [newest], now=lambda: NOW)
    assert unsynced(db, limit=10) == []
    assert oldest_pending(db) is None


def test_a_nul_character_never_leaves_the_kiosk(store: RequestStore, db: Database) -> None:
    """PostgreSQL's text cannot hold NUL: one would fail its batch, and every one after it."""
    store.save(
        REQUEST._replace(first_name="Zeb\x00ediah", note="a\x00b"),
        reference="A\x00CE",
        consent_text="You may call me.",
        consent_version="2026-11",
        now=NOW,
    )
    (request,) = unsynced(db, limit=1)
    assert (request.first_name, request.note, request.reference) == ("Zebediah", "ab", "ACE")


def test_requests_saved_at_one_moment_all_go_in_the_order_they_were_saved(
    store: RequestStore, db: Database
) -> None:
    """Batches follow one another by (time, order saved): none skipped across a batch's edge."""
    saved = [save(store) for _ in range(5)]  # the same clock reading, five times
    batch = unsynced(db, limit=2)
    sent = []
    while batch:
        sent += [request.id for request in batch]
        batch = unsynced(db, limit=2, after=batch[-1])
    assert sent == saved


def test_marking_twice_keeps_the_first_time(store: RequestStore, db: Database) -> None:
    request_id = save(store)
    mark_synced(db, [request_id], now=lambda: NOW)
    mark_synced(db, [request_id], now=lambda: NOW + dt.timedelta(hours=30))
    assert wipe_synced(db, older_than_hours=24, now=lambda: NOW + dt.timedelta(hours=25)) == 1


def test_personal_fields_are_wiped_only_after_the_hours_kept(
    store: RequestStore, db: Database, tmp_path: Path
) -> None:
    synced, waiting = save(store), save(store)
    mark_synced(db, [synced], now=lambda: NOW)
    assert wipe_synced(db, older_than_hours=24, now=lambda: NOW + dt.timedelta(hours=23)) == 0
    assert first_name(store, synced) == "Zebediah"
    assert wipe_synced(db, older_than_hours=24, now=lambda: NOW + dt.timedelta(hours=25)) == 1
    wiped = store.get(synced)
    assert wiped is not None
    assert (wiped.first_name, wiped.last_name, wiped.note) == ("", "", "")
    assert (wiped.phone.e164, wiped.phone.extension, wiped.phone.national) == ("", "", "")
    assert (wiped.reference, wiped.topic, wiped.days) == ("ACE-479", "spine:lumbar", ("mon", "wed"))
    # A request the central store does not have keeps everything, however old.
    assert first_name(store, waiting) == "Zebediah"
    # The wipe's old page images left the write-ahead log too.
    assert (tmp_path / (DATABASE + "-wal")).stat().st_size == 0
    # And a second pass has nothing left to do.
    assert wipe_synced(db, older_than_hours=24, now=lambda: NOW + dt.timedelta(hours=99)) == 0


def test_the_wipe_overwrites_even_where_secure_delete_is_off(
    store: RequestStore, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the retention purge: SQLite zeroes the old cells only with secure_delete on when the
    UPDATE runs, so the wipe sets it itself."""
    request_id = save(store)
    mark_synced(db, [request_id], now=lambda: NOW)
    db.read("PRAGMA secure_delete = OFF", ())
    write = db.write
    when_wiping: list[object] = []

    def watched(sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        if sql.startswith("UPDATE requests"):
            when_wiping.extend(db.read("PRAGMA secure_delete", ()))
        write(sql, rows)

    monkeypatch.setattr(db, "write", watched)
    assert wipe_synced(db, older_than_hours=0, now=lambda: NOW) == 1
    assert when_wiping == [(1,)]


def test_the_retention_purge_takes_the_outbox_row_with_the_request(
    store: RequestStore, db: Database
) -> None:
    request_id = save(store, minutes_ago=60 * 24 * 40)
    mark_synced(db, [request_id], now=lambda: NOW)
    store.set_status([request_id], "done")
    db.write("UPDATE requests SET status_changed_at = ?", [("2026-10-01T00:00:00+00:00",)])
    assert purge(db, now=lambda: NOW) == 1
    assert db.read("SELECT count(*) FROM synced") == [(0,)]


def test_a_request_handled_at_the_kiosk_before_it_was_sent_stays_at_the_kiosk(
    store: RequestStore, db: Database
) -> None:
    """Exported or marked done by the kiosk's own staff while it waited (the central store
    out of reach): never sent, or the front desk would call that patient again."""
    done, exported, waiting = (save(store, minutes_ago=3 - i) for i in range(3))
    store.set_status([done], "done")
    store.set_status([exported], "exported")
    assert [r.id for r in unsynced(db, 10)] == [waiting]
    assert pending(db) == 1


def test_what_is_left_of_a_request_sent_and_wiped_goes_with_the_retention_purge(
    store: RequestStore, db: Database
) -> None:
    """No row is kept forever: a request at the front desk, its name and number wiped here,
    is deleted `retention_days` after the wipe, as an exported one is. A request not sent, or
    sent and not yet wiped, stays."""
    wiped, unwiped, unsent = (save(store, minutes_ago=60 * 24 * 60) for _ in range(3))
    long_ago = NOW - dt.timedelta(days=40)
    mark_synced(db, [wiped, unwiped], now=lambda: long_ago)
    assert wipe_synced(db, older_than_hours=24, now=lambda: long_ago + dt.timedelta(hours=25)) == 2
    db.write("UPDATE synced SET wiped_at = NULL WHERE id = ?", [(unwiped,)])
    assert purge(db, older_than_days=30, now=lambda: NOW) == 1
    assert store.get(wiped) is None
    assert store.get(unwiped) is not None
    assert store.get(unsent) is not None
    # Not before its days are up.
    again = save(store)
    mark_synced(db, [again], now=lambda: NOW)
    wipe_synced(db, older_than_hours=24, now=lambda: NOW + dt.timedelta(hours=25))
    assert purge(db, older_than_days=30, now=lambda: NOW + dt.timedelta(days=29)) == 0
    assert store.get(again) is not None


def test_only_grown_usage_counts_are_sent_again(db: Database) -> None:
    usage = UsageStats(db, now=lambda: NOW, tz=dt.UTC)
    usage.count("topic_opened", "symptoms")
    usage.count("form_started")
    changes = usage_changes(db)
    assert [(c.event, c.subject, c.count) for c in changes] == [
        ("form_started", "", 1),
        ("topic_opened", "symptoms", 1),
    ]
    mark_usage_synced(db, changes)
    assert usage_changes(db) == []
    usage.count("topic_opened", "symptoms")
    assert [(c.event, c.count) for c in usage_changes(db)] == [("topic_opened", 2)]


def test_a_migration_another_process_applied_meanwhile_is_taken_as_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kiosk and `kiosk sync` open one database. After an upgrade both find it behind; the
    one that reaches the write lock second finds the migrations applied, and opens it."""
    first_version_only(tmp_path)
    find_scripts = resources.files
    other_process: list[str] = []

    def files(package: str) -> Any:
        if not other_process:  # just after this process read the version: the other one
            other_process.append("opened")
            Database.open(tmp_path).close()  # brings it all the way up
        return find_scripts(package)

    monkeypatch.setattr(resources, "files", files)
    db = Database.open(tmp_path)
    assert other_process == ["opened"]
    newest = max(int(name.split("_", 1)[0]) for name in scripts())
    assert db.read("PRAGMA user_version") == [(newest,)]
    assert db.integrity_ok()
    db.close()


def test_the_requests_the_central_store_has_are_known_by_status(
    store: RequestStore, db: Database
) -> None:
    """What the staff panel leaves to the front desk: sent ones, wiped or not; never one still
    waiting here."""
    wiped, sent, waiting = save(store, 3), save(store, 2), save(store, 1)
    mark_synced(db, [wiped], now=lambda: NOW - dt.timedelta(hours=30))
    mark_synced(db, [sent], now=lambda: NOW)
    assert wipe_synced(db, older_than_hours=24, now=lambda: NOW) == 1
    store.set_status([sent], "exported")
    assert sent_among(db, [wiped, sent, waiting]) == {wiped, sent}
    assert sent_among(db, [waiting]) == set()
    assert sent_by_status(db) == {"new": 1, "exported": 1}
