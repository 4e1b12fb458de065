"""The desk's History tab on the real central store: what staff did, in words, newest first,
under the clinic's days; updated when the desk adds to it; by staff member and by day; older
pages on request; and never a patient's name, number or note."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.central.desk import DeskStore, add_staff
from kiosk.central.history import PAGE
from kiosk.core.config import Config, DeskConfig
from kiosk.desk.app import Desk, build_desk, store_connector
from kiosk.desk.history_view import HistoryView
from tests.central.conftest import Central, Login
from tests.desk.conftest import STAFF, WAIT_MS, Sent, sign_in, signed_in_with

CLINIC = zoneinfo.ZoneInfo("America/Chicago")
NOW = dt.datetime(2026, 12, 1, 18, 0, tzinfo=dt.UTC)
CODES = ("sign_in", "sign_out", "mark_", "export", "purge", "daily_prune", "staff_added", "{")


@pytest.fixture
def desk_config(config: Config) -> Config:
    """A clinic in Texas, whatever this machine's zone."""
    return config._replace(desk=DeskConfig(time_zone="America/Chicago"))


def open_history(qtbot: QtBot, desk: Desk) -> HistoryView:
    view = desk.window.history
    desk.window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: bool(view.entries), timeout=WAIT_MS)
    return view


def english_date(day: dt.date) -> str:
    """ "Tuesday, December 1, 2026", worked out without Qt or the C library's locale."""
    weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip
    return f"{weekday[day.weekday()]}, {months[day.month - 1]} {day.day}, {day.year}"


def twelve_hour(at: dt.datetime) -> str:
    """ "9:41 AM": how a US desk writes a time, worked out here without Qt."""
    there = at.astimezone(CLINIC)
    hour, noon = (there.hour - 1) % 12 + 1, "AM" if there.hour < 12 else "PM"
    return f"{hour}:{there.minute:02d}\N{NARROW NO-BREAK SPACE}{noon}"


def test_what_the_desk_did_is_said_in_words_newest_first(
    qtbot: QtBot, desk_app: Desk, central: Central, desk_login: Login
) -> None:
    kiosk_id = signed_in_with(qtbot, desk_app, central, [Sent(NOW, reference="K7Q2")])
    requests = desk_app.window.requests
    requests.shown[0].primary.click()  # Mark called
    qtbot.waitUntil(lambda: requests.shown == [], timeout=WAIT_MS)
    requests.status.setCurrentIndex(requests.status.findData(None))  # all
    requests.export_csv.click()
    qtbot.waitUntil(lambda: "Saved" in requests.said.text(), timeout=WAIT_MS)

    view = open_history(qtbot, desk_app)

    said = view.sentences
    assert said[:2] == [
        f"{STAFF} saved requests to the file {view.entries[0].file} (requests in it: 1)",
        f"{STAFF} marked request K7Q2 called",
    ]
    assert said[2:] == [
        "Daily clean-up of old kiosk records, no patient data (deleted: 0)",
        f"{STAFF} signed in",
        f"IT added {STAFF} as staff",
    ]
    assert view.entries[0].file.startswith("callback-requests-")
    exported_at = central.scalar("SELECT at FROM staff.audit WHERE action = 'export'")
    assert isinstance(exported_at, dt.datetime)
    day = exported_at.astimezone(CLINIC).date()  # the clinic's day, heading its entries
    assert view.lines[0].endswith(english_date(day))
    assert view.lines[0].startswith("Today, ") or dt.datetime.now(CLINIC).date() != day
    assert view.lines[1] == twelve_hour(exported_at)  # the clinic's clock
    assert f"Kiosk {kiosk_id} · at {desk_login.role}" in view.lines
    for text in said:
        assert not any(code in text for code in CODES), text  # never an action's code


def test_the_history_follows_what_this_desk_does(
    qtbot: QtBot, desk_app: Desk, central: Central
) -> None:
    signed_in_with(qtbot, desk_app, central, [Sent(NOW, reference=r) for r in ("AAAA", "BBBB")])
    view = open_history(qtbot, desk_app)
    before = view.entries
    requests = desk_app.window.requests

    desk_app.window.tabs.setCurrentWidget(requests)
    requests.shown[0].primary.click()
    qtbot.waitUntil(lambda: len(requests.shown) == 1, timeout=WAIT_MS)
    desk_app.window.tabs.setCurrentWidget(view)

    qtbot.waitUntil(lambda: len(view.entries) == len(before) + 1, timeout=WAIT_MS)
    assert re.fullmatch(f"{STAFF} marked request (AAAA|BBBB) called", view.sentences[0])
    assert view.entries[1:] == before  # read what was new, not everything again


def test_one_staff_members_day(qtbot: QtBot, desk_app: Desk, central: Central) -> None:
    with central.admin() as conn:
        add_staff(conn, "Maria", "930571")
        summer = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)  # 10:00 AM in Texas
        conn.execute(
            "INSERT INTO staff.audit (at, staff, action, detail) VALUES"
            " (%s, 'Maria', 'mark_done', 'AAAA from kiosk lobby-1'),"
            " (%s, 'Maria', 'sign_in', ''), (%s, 'Maria', 'sign_out', '')",
            (summer, summer - dt.timedelta(days=1), summer + dt.timedelta(days=1)),
        )
    sign_in(qtbot, desk_app)
    view = open_history(qtbot, desk_app)
    assert [view.staff.itemText(i) for i in range(view.staff.count())] == [
        "Everyone",
        "Maria",
        STAFF,
    ]

    view.staff.setCurrentIndex(view.staff.findData("Maria"))
    qtbot.waitUntil(lambda: {e.staff for e in view.entries} == {"Maria"}, timeout=WAIT_MS)
    assert view.sentences == [
        "Maria signed out",
        "Maria marked request AAAA done",
        "Maria signed in",
    ]

    view.day.setDate(QDate(2026, 6, 15))
    view.one_day.setChecked(True)
    qtbot.waitUntil(lambda: len(view.entries) == 1, timeout=WAIT_MS)
    assert view.lines[:3] == [
        "Monday, June 15, 2026",
        "10:00\N{NARROW NO-BREAK SPACE}AM",
        "Maria marked request AAAA done",
    ]


def test_show_older_reads_the_next_page(qtbot: QtBot, desk_app: Desk, central: Central) -> None:
    with central.admin() as conn:
        conn.execute(
            "INSERT INTO staff.audit (at, staff, action) SELECT"
            " now() - make_interval(mins => g), %s, 'sign_out' FROM generate_series(1, %s) g",
            (STAFF, 2 * PAGE + 10),
        )
    sign_in(qtbot, desk_app)
    view = open_history(qtbot, desk_app)
    assert len(view.entries) == PAGE
    qtbot.waitUntil(view.older.isVisible, timeout=WAIT_MS)

    view.older.click()
    qtbot.waitUntil(lambda: len(view.entries) == 2 * PAGE, timeout=WAIT_MS)
    view.older.click()
    total = central.scalar("SELECT count(*) FROM staff.audit")
    qtbot.waitUntil(lambda: len(view.entries) == total, timeout=WAIT_MS)
    assert not view.older.isVisible()
    times = [e.at for e in view.entries]
    assert times == sorted(times, reverse=True)  # newest first
    assert len({e.id for e in view.entries}) == total  # none twice, none missed


def test_no_patients_name_number_or_note_is_shown(
    qtbot: QtBot, desk_app: Desk, central: Central
) -> None:
    private = Sent(
        NOW, first_name="Quintessa", last_name="Vandersloot", phone="+12015550188",
        note="Ring the side door",
    )  # fmt: skip
    with central.admin() as conn:  # entries written by hand, naming her
        conn.execute(
            "INSERT INTO staff.audit (staff, action, detail) VALUES"
            " (%s, 'mark_called', 'Quintessa Vandersloot 201-555-0188'),"
            " (%s, 'called_back', 'Quintessa: Ring the side door'),"
            " ('', 'staff_added', 'Quintessa Vandersloot asked us to ring the side door')",
            (STAFF, STAFF),
        )
    signed_in_with(qtbot, desk_app, central, [private])
    requests = desk_app.window.requests
    requests.shown[0].primary.click()
    qtbot.waitUntil(lambda: requests.shown == [], timeout=WAIT_MS)
    requests.status.setCurrentIndex(requests.status.findData(None))  # all
    requests.export_xlsx.click()
    qtbot.waitUntil(lambda: "Saved" in requests.said.text(), timeout=WAIT_MS)

    view = open_history(qtbot, desk_app)

    shown = " | ".join(view.lines)
    for text in ("Quintessa", "Vandersloot", "555-0188", "5550188", "side door"):
        assert text not in shown
    assert f"{STAFF} marked a request called" in shown  # what the hand-written one says
    assert f"{STAFF}: something this version of the desk cannot show" in shown
    assert "IT added a staff member" in shown


def test_signing_out_clears_the_history(qtbot: QtBot, desk_app: Desk) -> None:
    sign_in(qtbot, desk_app)
    view = open_history(qtbot, desk_app)
    desk_app.window.sign_out.click()
    assert view.entries == []
    assert view.lines == []
    sign_in(qtbot, desk_app)
    assert desk_app.window.tabs.currentWidget() is desk_app.window.requests
    view = open_history(qtbot, desk_app)
    assert view.sentences[:2] == [f"{STAFF} signed in", f"{STAFF} signed out"]


@pytest.fixture
def quick_ticks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk's 30 s look at the store, every 50 ms (for a desk built after this)."""
    monkeypatch.setattr("kiosk.desk.controller.FLEET_EVERY_MS", 50)


@pytest.mark.usefixtures("quick_ticks")
def test_what_another_desk_does_appears_while_the_history_is_open(
    qapp: QApplication, qtbot: QtBot, desk_config: Config, desk_login: Login, desk: DeskStore
) -> None:
    this_desk = build_desk(desk_config, qapp, store_connector(desk_login.dsn, desk_login.password))
    this_desk.controller.start()
    this_desk.window.show()
    try:
        sign_in(qtbot, this_desk)
        view = open_history(qtbot, this_desk)
        shown = len(view.entries)

        desk.record("Maria", "sign_out")  # at another desk, which tells no one

        qtbot.waitUntil(lambda: len(view.entries) == shown + 1, timeout=WAIT_MS)
        assert view.sentences[0] == "Maria signed out"
    finally:
        this_desk.controller.stop()
