"""`kiosk sync` against a real PostgreSQL: every saved request reaches the central store once,
with its kiosk's id and exactly what the patient typed; the kiosk then forgets the personal
fields; and a store that is down or refuses the password is said plainly, retried with backoff,
and never crashes the sync."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.central import push
from kiosk.central.problems import Problem, SyncError
from kiosk.central.sync import (
    BACKOFF_CAP,
    HEARTBEAT_SECONDS,
    USAGE_SECONDS,
    PassResult,
    Syncer,
    backoff,
)
from kiosk.core.clock import utc_now
from kiosk.storage import outbox
from kiosk.storage.database import Database
from kiosk.storage.sync_status import read_status
from kiosk.storage.usage import UsageStats
from tests.central.conftest import Central, as_text
from tests.central.kiosks import REQUEST, Kiosk, make_kiosk, save


def once(kiosk: Kiosk, now: Callable[[], dt.datetime] = utc_now) -> PassResult:
    with Syncer(kiosk.config, now=now) as syncer:
        return syncer.run_once()


def test_a_pass_sends_every_request_once_with_the_kiosk_s_id(
    central: Central, tmp_path: Path
) -> None:
    kiosk = make_kiosk(central, tmp_path / "k", batch_size=7)
    ids = save(kiosk, 20)
    result = once(kiosk)
    assert (result.sent, result.added, result.pending) == (20, 20, 0)
    with central.admin() as conn:
        rows = conn.execute(
            "SELECT id::text, kiosk_id, first_name, last_name, phone_e164,"
            " days, periods, topic, note, status"
            " FROM requests"
        ).fetchall()
    assert sorted(as_text(row[0]) for row in rows) == sorted(ids)
    assert {row[1:] for row in rows} == {
        (
            kiosk.kiosk_id,
            "Zebediah",
            "O'Quux",
            "+12015550123",
            "mon,wed",
            "morning",
            "spine:lumbar",
            "Mornings are best.",
            "new",
        )
    }
    status = read_status(kiosk.data_dir)
    assert status is not None
    assert (status.ok, status.pending, status.problem) == (True, 0, "")
    # A heartbeat went with it: the desk's fleet view knows this kiosk.
    assert central.scalar("SELECT pending FROM fleet WHERE kiosk_id = %s", (kiosk.kiosk_id,)) == 0


HOSTILE = [
    "Robert'); DROP TABLE requests; --",
    "x' OR '1'='1",
    "$$; DELETE FROM requests; $$",
    "\\.\nend of copy\\N\t\\",
    "E'\\x27' || pg_sleep(5)",
    "%s %(id)s {0}",
]


def test_sql_injection_attempts_in_every_text_field_are_stored_as_text(
    central: Central, tmp_path: Path
) -> None:
    kiosk = make_kiosk(central, tmp_path / "k")
    store = kiosk.store()
    for text in HOSTILE:
        store.save(
            REQUEST._replace(first_name=text, last_name=text, topic=text, note=text),
            reference=text,
            consent_text=text,
            consent_version=text,
        )
    store.database.write(
        "UPDATE requests SET phone_extension = ?, days = ?, periods = ?, language = ?"
        " WHERE first_name = ?",
        [(text, text.replace(",", ""), text.replace(",", ""), text, text) for text in HOSTILE],
    )
    store.close()
    assert once(kiosk).sent == len(HOSTILE)
    text_columns = (
        "reference, first_name, last_name, phone_extension, topic, note, language,"
        " consent_text, consent_version, days, periods"
    )
    with central.admin() as conn:
        rows = conn.execute(f"SELECT {text_columns} FROM requests").fetchall()
        assert conn.execute(
            "SELECT count(*) FROM pg_tables WHERE tablename = 'requests'"
        ).fetchone() == (1,)
    for row in rows:
        assert len(set(row)) == 1, row  # every column holds the same text, as typed
    assert sorted(as_text(row[0]) for row in rows) == sorted(HOSTILE)


def test_a_nul_character_does_not_block_the_outbox(central: Central, tmp_path: Path) -> None:
    kiosk = make_kiosk(central, tmp_path / "k")
    save(kiosk, 1, REQUEST._replace(first_name="Zeb\x00ediah"))
    save(kiosk, 1)
    assert once(kiosk).pending == 0
    assert central.scalar("SELECT count(*) FROM requests WHERE first_name = 'Zebediah'") == 2


def test_the_same_batch_pushed_twice_is_one_row_each(central: Central, tmp_path: Path) -> None:
    """The kiosk never heard the commit (a kill, a lost connection) and sends the batch again."""
    kiosk = make_kiosk(central, tmp_path / "k")
    save(kiosk, 5)
    db = Database.open(kiosk.data_dir)
    batch = outbox.unsynced(db, 100)
    with kiosk.login.connect(autocommit=True) as conn:
        push.prepare(conn)
        assert push.push_requests(conn, batch) == 5
        assert push.push_requests(conn, batch) == 0
    db.close()
    # Then the whole pass, which sends them a third time (they were never marked here).
    result = once(kiosk)
    assert (result.sent, result.added, result.pending) == (5, 0, 0)
    assert central.scalar("SELECT count(*) FROM requests") == 5


def test_personal_fields_are_wiped_here_once_the_central_store_has_them(
    central: Central, tmp_path: Path
) -> None:
    kiosk = make_kiosk(central, tmp_path / "k", keep_hours=24)
    (request_id,) = save(kiosk, 1)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    assert once(kiosk).wiped == 0
    assert once(kiosk, now=lambda: later).wiped == 1
    store = kiosk.store()
    wiped = store.get(request_id)
    store.close()
    assert wiped is not None
    assert (wiped.first_name, wiped.phone.e164, wiped.note) == ("", "", "")
    # The central store keeps them: the desk still calls the patient back.
    assert central.scalar("SELECT phone_e164 FROM requests") == "+12015550123"


def test_central_down_at_start_queues_then_drains(central: Central, tmp_path: Path) -> None:
    kiosk = make_kiosk(central, tmp_path / "k")
    central.server.stop("fast")
    try:
        save(kiosk, 3)
        syncer = Syncer(kiosk.config)
        with pytest.raises(SyncError) as error:
            syncer.run_once()
        assert error.value.kind == Problem.UNREACHABLE
        status = read_status(kiosk.data_dir)
        assert status is not None
        assert (status.ok, status.problem, status.pending) == (False, "unreachable", 3)
        assert status.failing_since is not None
        save(kiosk, 2)  # the kiosk goes on saving
    finally:
        central.server.start()
    with syncer:
        assert syncer.run_once().sent == 5
    status = read_status(kiosk.data_dir)
    assert status is not None
    assert (status.ok, status.pending, status.failing_since) == (True, 0, None)
    assert central.scalar("SELECT count(*) FROM requests") == 5


def test_a_wrong_password_is_said_plainly_and_retried_with_backoff(
    central: Central, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = make_kiosk(central, tmp_path / "k", password="not-the-password")
    save(kiosk, 2)
    stop = threading.Event()
    waits: list[float] = []

    def wait(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 6:
            stop.set()

    Syncer(kiosk.config).run(stop, wait=wait, rand=lambda: 1.0, first=1.0, cap=8.0)
    assert waits == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]  # doubling, capped, and no crash
    status = read_status(kiosk.data_dir)
    assert status is not None
    assert (status.ok, status.problem, status.pending) == (False, "wrong_password", 2)
    assert "password" in status.message
    said = caplog.text + status.message
    assert "not-the-password" not in said
    assert "Zebediah" not in said
    assert "555" not in said
    assert central.scalar("SELECT count(*) FROM requests") == 0


def test_backoff_is_jittered_and_never_over_the_cap() -> None:
    delays = [backoff(n, first=1.0, cap=BACKOFF_CAP, rand=lambda: 0.0) for n in range(1, 30)]
    assert delays[:4] == [0.5, 1.0, 2.0, 4.0]
    assert max(delays) == BACKOFF_CAP / 2
    assert backoff(30, first=1.0, cap=BACKOFF_CAP, rand=lambda: 1.0) == BACKOFF_CAP


def test_a_kiosk_id_that_is_not_its_login_s_is_refused_plainly(
    central: Central, tmp_path: Path
) -> None:
    """The store names each row after the login role: a kiosk configured as another would
    show up at the desk under a name its staff do not know."""
    kiosk = make_kiosk(central, tmp_path / "k")
    text = kiosk.config_file.read_text(encoding="utf-8")
    kiosk.config_file.write_text(text.replace(kiosk.kiosk_id, "lobby-9", 1), encoding="utf-8")
    save(kiosk, 1)
    with pytest.raises(SyncError) as error:
        once(kiosk)
    assert error.value.kind == Problem.REFUSED
    assert "kiosk_lobby-9" in str(error.value)
    assert central.scalar("SELECT count(*) FROM requests") == 0


def test_usage_counts_and_the_heartbeat_reach_the_store_at_their_own_pace(
    central: Central, tmp_path: Path
) -> None:
    kiosk = make_kiosk(central, tmp_path / "k")
    db = Database.open(kiosk.data_dir)
    usage = UsageStats(db, tz=dt.UTC)
    usage.count("topic_opened", "symptoms")
    moment = [0.0]
    with Syncer(kiosk.config, monotonic=lambda: moment[0]) as syncer:
        syncer.run_once()
        usage.count("topic_opened", "symptoms")
        moment[0] += HEARTBEAT_SECONDS  # a heartbeat is due, the counts are not
        syncer.run_once()
        assert central.scalar("SELECT count(*) FROM heartbeats") == 2
        assert central.scalar("SELECT max(count) FROM usage") == 1
        moment[0] += USAGE_SECONDS
        syncer.run_once()
    db.close()
    assert central.scalar("SELECT count(*) FROM heartbeats") == 3
    query = "SELECT count FROM usage WHERE kiosk_id = %s AND event = 'topic_opened'"
    assert central.scalar(query, (kiosk.kiosk_id,)) == 2
