"""The history's reads on the real central store (kiosk/central/history.py): what the desk did,
newest first, a page at a time, by the clinic's day and by staff member; only the facts a known
entry holds are read back; migration 0006's index serves one person's history."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest

from kiosk.central.desk import DeskStore, RequestFilter, Status, add_staff
from kiosk.central.history import (
    PAGE,
    Action,
    HistoryEntry,
    HistoryFilter,
    read_history,
    read_newer,
    staff_names,
)
from tests.central.conftest import Central
from tests.desk.conftest import PIN, STAFF, Sent, push

NOON = dt.datetime(2026, 12, 1, 18, 0, tzinfo=dt.UTC)
TEXAS = zoneinfo.ZoneInfo("America/Chicago")


def write_entries(
    central: Central, rows: list[tuple[dt.datetime, str, str, str]], desk: str = "desk_front"
) -> None:
    """Entries written as the owner, who may set `at` and `desk` (the desk's login may not)."""
    with central.admin() as conn, conn.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO staff.audit (at, desk, staff, action, detail) VALUES (%s, %s, %s, %s, %s)",
            [(at, desk, staff, action, detail) for at, staff, action, detail in rows],
        )


def test_what_the_desk_did_is_read_back_newest_first_as_facts(
    central: Central, desk: DeskStore, tmp_path: Path
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOON, reference="K7Q2")])
    assert not desk.sign_in("000001").ok
    assert desk.sign_in(PIN).ok
    request = desk.requests(RequestFilter())[0]
    desk.mark(request.id, Status.CALLED, STAFF)
    _path, _count = desk.export(RequestFilter(status=None), tmp_path, "csv", STAFF, NOON)
    desk.purge_done(30, STAFF)
    desk.daily_prune(STAFF)

    page = read_history(desk.connection, HistoryFilter())

    assert [e.action for e in page.entries] == [
        Action.DAILY_PRUNE,
        Action.PURGE,
        Action.EXPORT,
        Action.MARK_CALLED,
        Action.SIGN_IN,
        Action.SIGN_IN_FAILED,
        Action.STAFF_ADDED,
    ]
    assert not page.more
    tidied, purged, exported, marked, signed_in, failed, added = page.entries
    assert (marked.staff, marked.reference, marked.kiosk) == (STAFF, "K7Q2", kiosk_id)
    assert (exported.numbers, exported.file) == ((1,), "callback-requests-2026-12-01-180000.csv")
    assert purged.numbers == (0, 30)
    assert tidied.numbers == (0, 0)
    assert (signed_in.staff, signed_in.numbers) == (STAFF, (1,))
    assert (failed.staff, failed.numbers) == ("", (1,))
    assert added.name == STAFF
    assert marked.desk == desk.connection.info.user  # which desk PC's login did it


def test_a_detail_in_an_unknown_shape_gives_no_facts(central: Central, desk: DeskStore) -> None:
    # Written by hand, or by a future version: nothing in it is read back, so nothing in it
    # can reach the screen. Written ahead of now, so that they are the newest five whatever
    # the date: the fixture's own "staff added" entry has the time it was made.
    ahead = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    write_entries(
        central,
        [
            (ahead, STAFF, "mark_called", "Zebediah O'Quux (201) 555-0123"),
            (ahead, STAFF, "mark_done", "K7Q2 from kiosk lobby-1, Zebediah O'Quux"),
            (ahead, STAFF, "export", "3 requests to /home/frontdesk/Zebediah.csv"),
            (
                ahead,
                "",
                "staff_added",
                "Zebediah O'Quux, who called about his back, (201) 555-0123",
            ),
            (ahead, STAFF, "reprinted_label", "for Zebediah O'Quux"),
        ],
    )
    entries = read_history(desk.connection, HistoryFilter()).entries[:5]
    assert [e.action for e in entries] == [
        Action.OTHER,
        Action.STAFF_ADDED,
        Action.EXPORT,
        Action.MARK_DONE,
        Action.MARK_CALLED,
    ]
    for e in entries:
        assert (e.reference, e.kiosk, e.file, e.name, e.numbers) == ("", "", "", "", ())


def test_older_pages_follow_on_without_a_gap_or_a_repeat(central: Central, desk: DeskStore) -> None:
    count = 2 * PAGE + 20
    write_entries(
        central,
        [(NOON + dt.timedelta(minutes=n), STAFF, "sign_out", "") for n in range(count)],
    )
    seen: list[HistoryEntry] = []
    pages = 0
    while True:
        page = read_history(desk.connection, HistoryFilter(), before=seen[-1] if seen else None)
        pages += 1
        seen.extend(page.entries)
        if not page.more:
            break
    assert pages == 3
    assert len(page.entries) == 21  # with the staff member's own account being added
    assert len(seen) == count + 1
    times = [e.at for e in seen]
    assert times == sorted(times, reverse=True)
    assert len({e.id for e in seen}) == len(seen)


def test_newest_first_is_by_the_time_written(central: Central, desk: DeskStore) -> None:
    write_entries(
        central,
        [
            (NOON, STAFF, "mark_done", "MIDD from kiosk lobby-1"),
            (NOON - dt.timedelta(days=1), STAFF, "mark_done", "OLDD from kiosk lobby-1"),
            (NOON + dt.timedelta(days=1), STAFF, "mark_done", "NEWD from kiosk lobby-1"),
        ],
    )
    entries = read_history(desk.connection, HistoryFilter(staff=STAFF)).entries
    assert [e.reference for e in entries] == ["NEWD", "MIDD", "OLDD"]


def test_newer_reads_only_what_came_after(central: Central, desk: DeskStore) -> None:
    top = read_history(desk.connection, HistoryFilter()).entries[0]
    assert read_newer(desk.connection, HistoryFilter(), top).entries == []
    desk.record(STAFF, "sign_out")
    desk.record(STAFF, "sign_out")
    newer = read_newer(desk.connection, HistoryFilter(), top)
    assert len(newer.entries) == 2
    assert not newer.more
    assert newer.entries[0].id > newer.entries[1].id > top.id
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    write_entries(central, [(later, STAFF, "sign_out", "")] * (PAGE + 1))
    assert read_newer(desk.connection, HistoryFilter(), top).more  # read the first page again


def test_one_staff_members_history(central: Central, desk: DeskStore) -> None:
    with central.admin() as conn:
        add_staff(conn, "Maria", "930571")
    write_entries(
        central,
        [
            (NOON, "Maria", "sign_in", ""),
            (NOON, STAFF, "sign_in", ""),
            (NOON, "Maria", "sign_out", ""),
        ],
    )
    entries = read_history(desk.connection, HistoryFilter(staff="Maria")).entries
    assert [(e.staff, e.action) for e in entries] == [
        ("Maria", Action.SIGN_OUT),
        ("Maria", Action.SIGN_IN),
    ]
    assert staff_names(desk.connection) == ["Maria", STAFF]


@pytest.mark.parametrize(
    ("zone", "day"),
    [("America/Chicago", dt.date(2026, 11, 30)), ("Pacific/Kiritimati", dt.date(2026, 12, 1))],
)
def test_a_day_is_the_clinics_day(
    central: Central, desk: DeskStore, zone: str, day: dt.date
) -> None:
    # 03:30 UTC on 1 December: still 30 November in Texas, already 1 December in Kiribati.
    late = dt.datetime(2026, 12, 1, 3, 30, tzinfo=dt.UTC)
    write_entries(
        central,
        [
            (late - dt.timedelta(days=1), STAFF, "sign_in", ""),
            (late, STAFF, "mark_done", "LATE from kiosk lobby-1"),
            (late + dt.timedelta(days=1), STAFF, "sign_out", ""),
        ],
    )
    tz = zoneinfo.ZoneInfo(zone)
    entries = read_history(desk.connection, HistoryFilter(day=day, tz=tz)).entries
    assert [e.reference for e in entries] == ["LATE"]


def test_migration_0006_serves_one_persons_history_from_an_index(
    central: Central, desk: DeskStore
) -> None:
    """Someone who signs in once a month: their page is read from audit_by_staff, not by
    reading the whole log backwards; and planned with the name each time, never prepared (a
    prepared plan is made for any name and reads the log backwards)."""
    with central.admin() as conn:
        conn.execute(
            "INSERT INTO staff.audit (staff, action) SELECT"
            " CASE WHEN g % 1000 = 0 THEN 'Rare' ELSE 'Rosa' END, 'sign_out'"
            " FROM generate_series(1, 20000) g"
        )
        conn.execute("ANALYZE staff.audit")
    plan = central.scalar(
        "SELECT string_agg(indexdef, ';') FROM pg_indexes WHERE indexname = 'audit_by_staff'"
    )
    assert plan == "CREATE INDEX audit_by_staff ON staff.audit USING btree (staff, at, id)"
    conn = desk.connection
    for staff, index in (("'Rare'", "audit_by_staff"), ("staff", "audit_by_time")):
        with conn.transaction():
            explained = conn.execute(
                f"EXPLAIN SELECT id FROM staff.audit WHERE staff = {staff}"
                " ORDER BY at DESC, id DESC LIMIT 51"
            ).fetchall()
        plan_text = " ".join(str(row[0]) for row in explained)
        assert index in plan_text
        assert "Sort" not in plan_text  # read in its order, not the whole log sorted
    for _ in range(8):  # psycopg prepares a statement from its fifth run
        assert len(read_history(conn, HistoryFilter(staff="Rare"), limit=5).entries) == 5
    with conn.transaction():
        prepared = conn.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%staff.audit%'"
        ).fetchone()
    assert prepared == (0,)
