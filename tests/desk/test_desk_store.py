"""The desk's reads and writes on the real central store: what staff see, what they mark, the
fleet, signing in, and what the desk may not do."""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
import secrets
import subprocess
import sys
import zoneinfo
from pathlib import Path

import psycopg
import pytest

from kiosk.central.desk import (
    DeskStore,
    Listener,
    RequestFilter,
    Status,
    add_staff,
    connect,
)
from tests.central.conftest import Central, Login
from tests.desk.conftest import FAST_HASHER, PIN, STAFF, Sent, heartbeat, push

# 03:30 UTC on 1 December is still 30 November in Texas and already 1 December in Kiribati.
LATE_EVENING_IN_TEXAS = dt.datetime(2026, 12, 1, 3, 30, tzinfo=dt.UTC)
NOON = dt.datetime(2026, 12, 1, 18, 0, tzinfo=dt.UTC)


def test_the_desk_lists_every_kiosks_requests_newest_first(
    central: Central, desk: DeskStore
) -> None:
    lobby, lobby_login = central.add_kiosk()
    upstairs, upstairs_login = central.add_kiosk()
    push(lobby_login, lobby, [Sent(NOON, reference="AAAA")])
    push(upstairs_login, upstairs, [Sent(NOON + dt.timedelta(minutes=5), reference="BBBB")])

    listed = desk.requests(RequestFilter())
    assert [(r.request.reference, r.kiosk_id) for r in listed] == [
        ("BBBB", upstairs),
        ("AAAA", lobby),
    ]
    first = listed[0].request
    assert (first.first_name, first.last_name) == ("Zebediah", "O'Quux")
    assert first.phone.national == "(201) 555-0123"
    assert (first.days, first.periods, first.topic) == (
        ("mon", "wed"),
        ("morning",),
        "topic:surgery",
    )
    assert listed[0].status is Status.NEW
    assert [r.request.reference for r in desk.requests(RequestFilter(kiosk=lobby))] == ["AAAA"]
    assert desk.kiosk_ids() == sorted([lobby, upstairs])


@pytest.mark.parametrize(
    ("zone", "day", "other_day"),
    [
        ("America/Chicago", dt.date(2026, 11, 30), dt.date(2026, 12, 1)),
        ("Pacific/Kiritimati", dt.date(2026, 12, 1), dt.date(2026, 11, 30)),
    ],
)
def test_a_day_is_the_clinics_day(
    central: Central, desk: DeskStore, zone: str, day: dt.date, other_day: dt.date
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(LATE_EVENING_IN_TEXAS, reference="LATE")])
    tz = zoneinfo.ZoneInfo(zone)

    assert [r.request.reference for r in desk.requests(RequestFilter(day=day, tz=tz))] == ["LATE"]
    assert desk.requests(RequestFilter(day=other_day, tz=tz)) == []


def test_marking_a_request_called_says_who_and_when_and_is_audited(
    central: Central, desk: DeskStore
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOON, reference="CALL")])
    request = desk.requests(RequestFilter())[0]

    assert desk.mark(request.id, Status.CALLED, STAFF)

    assert desk.requests(RequestFilter()) == []  # no longer to call
    called = desk.requests(RequestFilter(status=Status.CALLED))[0]
    assert called.status_changed_by == STAFF
    assert called.status_changed_at is not None
    server_now = central.scalar("SELECT now()")
    assert isinstance(server_now, dt.datetime)
    assert abs(server_now - called.status_changed_at) < dt.timedelta(minutes=1)
    entry = desk.audit(limit=1)[0]
    assert (entry.staff, entry.action) == (STAFF, "mark_called")
    assert "CALL" in entry.detail
    assert "Zebediah" not in entry.detail
    assert desk.counts() == {Status.NEW: 0, Status.CALLED: 1, Status.DONE: 0}


def test_the_desk_cannot_add_or_remove_requests_or_rewrite_the_audit(
    central: Central, desk: DeskStore
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOON)])
    conn = desk.connection
    forbidden = [
        (
            "INSERT INTO requests (id, kiosk_id, reference, created_at, first_name, last_name,"
            " phone_e164, language, consent_text, consent_version) VALUES (gen_random_uuid(),"
            " 'fake', 'X', now(), 'A', 'B', '+12015550199', 'en', 'c', 'v')"
        ),
        "DELETE FROM requests",
        "UPDATE requests SET first_name = 'Someone'",
        "UPDATE staff.audit SET detail = ''",
        "DELETE FROM staff.audit",
        "INSERT INTO staff.accounts (name, pin_hash) VALUES ('Mallory', 'x')",
    ]
    for statement in forbidden:
        with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
            conn.execute(statement)
    assert central.scalar("SELECT count(*) FROM requests") == 1


def test_a_kiosk_silent_for_more_than_ten_minutes_is_a_problem(
    central: Central, desk: DeskStore
) -> None:
    quiet, _ = central.add_kiosk()
    alive, _ = central.add_kiosk()
    heartbeat(central, quiet, dt.timedelta(minutes=11))
    heartbeat(central, alive, dt.timedelta(minutes=9))
    heartbeat(central, alive, dt.timedelta(minutes=30))  # an older one: only the last counts

    states = {state.kiosk_id: state for state in desk.fleet()}
    assert states[quiet].silent
    assert not states[alive].silent
    assert states[alive].version == "1.4.0"
    assert states[alive].pending == 3
    assert not states[alive].low_disk


def test_a_wrong_pin_is_refused_and_the_wait_survives_a_restart(
    desk_login: Login, desk: DeskStore
) -> None:
    for _ in range(4):
        result = desk.sign_in("000001")
        assert not result.ok
        assert result.wait_seconds == 0
    fifth = desk.sign_in("000001")
    assert not fifth.ok
    assert fifth.wait_seconds == 30

    # The desk app is closed and opened again: a new connection, a new store.
    desk.close()
    again = DeskStore(desk_login.connect(), hasher=FAST_HASHER)
    try:
        assert 25 < again.retry_after() <= 30
        refused = again.sign_in(PIN)  # even the right PIN waits
        assert not refused.ok
        assert refused.wait_seconds > 25
        actions = [entry.action for entry in again.audit()]
        assert actions.count("sign_in_failed") == 5
        assert "sign_in" not in actions
    finally:
        again.close()


def test_the_right_pin_signs_in_and_clears_the_count(desk: DeskStore) -> None:
    assert not desk.sign_in("000001").ok
    result = desk.sign_in(PIN)
    assert result.ok
    assert result.name == STAFF
    assert result.failures_before == 1
    assert desk.retry_after() == 0
    assert desk.audit(limit=1)[0].action == "sign_in"


def test_staff_accounts_follow_the_kiosks_rules(central: Central) -> None:
    with central.admin() as conn:
        add_staff(conn, "Ana", "583920")
        with pytest.raises(ValueError, match="too easy"):
            add_staff(conn, "Ben", "123456")
        with pytest.raises(ValueError, match="already in use"):
            add_staff(conn, "Ben", "583920")
        with pytest.raises(ValueError, match="already a staff member"):
            add_staff(conn, "Ana", "739104")
        pin_hash = conn.execute("SELECT pin_hash FROM staff.accounts").fetchone()
    assert pin_hash is not None
    assert str(pin_hash[0]).startswith("$argon2id$")


def test_a_push_is_heard_by_a_listening_desk(central: Central, desk_login: Login) -> None:
    kiosk_id, login = central.add_kiosk()
    listener = Listener(connect(desk_login.dsn, desk_login.password, autocommit=True))
    try:
        assert listener.drain() == 0
        push(login, kiosk_id, [Sent(NOON), Sent(NOON)])
        # The notice is sent at the push's commit; wait on the socket, not on a clock.
        import select

        readable, _, _ = select.select([listener.fileno()], [], [], 10)
        assert readable
        assert listener.drain() == 1  # one notice per push, not per row
    finally:
        listener.close()


def test_an_export_lists_requests_in_the_order_they_came_in(
    central: Central, desk: DeskStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Named so that sorting by kiosk would put the last request first.
    lobby, lobby_login = central.add_kiosk(f"a-{secrets.token_hex(4)}")
    upstairs, upstairs_login = central.add_kiosk(f"z-{secrets.token_hex(4)}")
    # Pushed out of order: the upstairs kiosk was offline for a while.
    push(lobby_login, lobby, [Sent(NOON + dt.timedelta(hours=2), reference="THRD")])
    push(
        upstairs_login,
        upstairs,
        [
            Sent(NOON, reference="FRST", first_name="Ana", phone="+12015550101"),
            Sent(NOON + dt.timedelta(hours=1), reference="SCND", phone="+12015550102"),
        ],
    )
    tz = zoneinfo.ZoneInfo("America/Chicago")
    caplog.set_level(logging.DEBUG)

    path, count = desk.export(
        RequestFilter(status=None, tz=tz), tmp_path, "csv", STAFF, NOON + dt.timedelta(hours=3)
    )

    assert count == 3
    assert path.name == "callback-requests-2026-12-01-150000.csv"
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert [row[0] for row in rows[1:]] == ["FRST", "SCND", "THRD"]
    assert rows[1][1] == "2026-12-01 12:00"  # the clinic's time, not UTC
    assert rows[1][5] == "'+12015550101"  # safe to open in Excel
    entry = desk.audit(limit=1)[0]
    assert (entry.staff, entry.action) == (STAFF, "export")
    assert "3 requests" in entry.detail
    for text in ("Ana", "O'Quux", "555", "+1201"):
        assert text not in caplog.text
        assert text not in entry.detail


def test_kiosk_desk_add_staff_reads_the_pin_from_standard_input(central: Central) -> None:
    command = [str(Path(sys.executable).with_name("kiosk")), "desk", "add-staff", "Ana"]
    env = {**os.environ, "PGPASSWORD": central.server.password}
    added = subprocess.run(
        [*command, "--dsn", central.dsn()],
        input="583920\n", capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "583920" not in added.stdout + added.stderr
    weak = subprocess.run(
        [*command[:-1], "Ben", "--dsn", central.dsn()],
        input="123456\n", capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert weak.returncode == 2
    assert "too easy to guess" in weak.stderr
    assert central.scalar("SELECT string_agg(name, ',') FROM staff.accounts") == "Ana"


def test_purging_deletes_only_requests_done_long_enough_ago(
    central: Central, desk: DeskStore
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOON, reference=ref) for ref in ("OLD1", "NEW1", "TODO")])
    with central.admin() as conn:
        conn.execute(
            "UPDATE requests SET status = 'done', status_changed_at = now() - interval '31 days'"
            " WHERE reference = 'OLD1'"
        )
        conn.execute(
            "UPDATE requests SET status = 'done', status_changed_at = now() - interval '29 days'"
            " WHERE reference = 'NEW1'"
        )

    assert desk.purge_done(30, STAFF) == 1

    left = central.scalar("SELECT string_agg(reference, ',' ORDER BY reference) FROM requests")
    assert left == "NEW1,TODO"
    entry = desk.audit(limit=1)[0]
    assert (entry.staff, entry.action) == (STAFF, "purge")
    assert entry.detail == "1 done requests older than 30 days deleted"
    with pytest.raises(psycopg.errors.RaiseException), desk.connection.transaction():
        desk.connection.execute("SELECT staff.purge_done(0, 'x')")


def test_the_daily_prune_keeps_each_kiosks_last_heartbeat_and_every_counters_largest(
    central: Central, desk: DeskStore
) -> None:
    quiet, _ = central.add_kiosk()
    alive, _ = central.add_kiosk()
    heartbeat(central, quiet, dt.timedelta(days=30))  # its last: stays
    heartbeat(central, quiet, dt.timedelta(days=31))
    heartbeat(central, alive, dt.timedelta(days=8))
    heartbeat(central, alive, dt.timedelta(days=6))
    heartbeat(central, alive, dt.timedelta(minutes=1))
    with central.admin() as conn:
        conn.execute(
            "INSERT INTO usage_counts (kiosk_id, day, event, subject, count)"
            " VALUES (%s, '2026-11-30', 'topic', 'surgery', 3),"
            " (%s, '2026-11-30', 'topic', 'surgery', 5), (%s, '2026-12-01', 'topic', 'surgery', 1)",
            (alive, alive, alive),
        )
    usage_before = central.scalar("SELECT string_agg(count::text, ',' ORDER BY day) FROM usage")

    assert desk.daily_prune(STAFF) == 3

    kept = central.scalar(
        "SELECT string_agg(kiosk_id || ':' || date_part('day', now() - received_at)::text, ','"
        " ORDER BY kiosk_id = %s, received_at) FROM heartbeats",
        (quiet,),
    )
    assert kept == f"{alive}:6,{alive}:0,{quiet}:30"
    assert central.scalar("SELECT count(*) FROM usage_counts") == 2
    assert central.scalar("SELECT string_agg(count::text, ',' ORDER BY day) FROM usage") == (
        usage_before
    )
    assert {state.kiosk_id for state in desk.fleet()} == {quiet, alive}
    assert desk.audit(limit=1)[0].action == "daily_prune"
