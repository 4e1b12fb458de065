"""The desk's window on the real central store: signing in, the live list, marking, exporting,
the fleet, and the store going away and coming back. The Qt event loop is driven with
qtbot.waitUntil; the database calls run on the desk's own thread, as in production."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.central.desk import Status
from kiosk.core.config import Config
from kiosk.desk.app import Desk, build_desk, store_connector
from tests.central.conftest import Central, Login
from tests.desk.conftest import STAFF, WAIT_MS, Answers, Sent, heartbeat, push, sign_in

NOW = dt.datetime(2026, 12, 1, 18, 0, tzinfo=dt.UTC)


def names_shown(desk: Desk) -> list[str]:
    return [card.name.text() for card in desk.window.requests.shown]


def test_a_kiosks_push_appears_without_refreshing(
    qtbot: QtBot, desk_app: Desk, central: Central
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW, first_name="Ana", last_name="Testa")])
    sign_in(qtbot, desk_app)
    assert desk_app.window.signed_in
    qtbot.waitUntil(lambda: names_shown(desk_app) == ["Ana Testa"], timeout=WAIT_MS)
    ana = desk_app.window.requests.shown[0]

    # Nobody touches the desk: the kiosk pushes, the NOTIFY wakes the desk's socket.
    push(login, kiosk_id, [Sent(NOW + dt.timedelta(minutes=1), first_name="Bea")])
    qtbot.waitUntil(lambda: names_shown(desk_app) == ["Bea O'Quux", "Ana Testa"], timeout=WAIT_MS)
    assert desk_app.window.requests.shown[1] is ana  # one card built, not the whole list again
    card = desk_app.window.requests.shown[0]
    assert card.summary.text() == "Mon/Wed mornings · Spanish · about Surgery"
    assert card.phone.text() == "(201) 555-0123"
    assert card.primary.text() == "Mark called"
    assert "2 to call" in desk_app.window.requests.counts.text()


def test_mark_called_takes_the_card_off_the_list_and_says_who(
    qtbot: QtBot, desk_app: Desk, central: Central
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW, first_name="Ana")])
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)

    desk_app.window.requests.shown[0].primary.click()

    qtbot.waitUntil(lambda: desk_app.window.requests.shown == [], timeout=WAIT_MS)
    status = desk_app.window.requests.status
    status.setCurrentIndex(status.findData(Status.CALLED))
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)
    card = desk_app.window.requests.shown[0]
    assert card.changed.text().startswith(f"Called by {STAFF} at ")
    assert card.primary.text() == "Mark done"
    assert central.scalar("SELECT status_changed_by FROM requests") == STAFF


def test_done_without_a_call_is_asked_first(
    qtbot: QtBot, desk_app: Desk, central: Central, answers: Answers
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW, reference="SKIP")])
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)
    card = desk_app.window.requests.shown[0]

    answers.answer = False
    card.secondary.click()
    assert answers.asked == ["Take request SKIP off the list without calling?"]
    assert central.scalar("SELECT status FROM requests") == "new"

    answers.answer = True
    card.secondary.click()
    qtbot.waitUntil(lambda: desk_app.window.requests.shown == [], timeout=WAIT_MS)
    assert central.scalar("SELECT status FROM requests") == "done"


def test_signing_in_runs_the_stores_daily_tidying_once(
    qtbot: QtBot, desk_app: Desk, central: Central
) -> None:
    kiosk_id, _ = central.add_kiosk()
    heartbeat(central, kiosk_id, dt.timedelta(days=9))
    heartbeat(central, kiosk_id, dt.timedelta(minutes=1))
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: central.scalar("SELECT count(*) FROM heartbeats") == 1, timeout=WAIT_MS)
    desk_app.window.sign_out.click()
    sign_in(qtbot, desk_app)
    assert desk_app.window.signed_in
    desk_app.window.sign_out.click()  # its entry comes after any job the sign-in started
    qtbot.waitUntil(
        lambda: central.scalar("SELECT count(*) FROM staff.audit WHERE action = 'sign_out'") == 2,
        timeout=WAIT_MS,
    )
    assert central.scalar("SELECT count(*) FROM staff.audit WHERE action = 'daily_prune'") == 1


def test_a_wrong_pin_is_refused_and_nothing_is_shown(qtbot: QtBot, desk_app: Desk) -> None:
    sign_in(qtbot, desk_app, "000001")
    assert not desk_app.window.signed_in
    assert desk_app.window.sign_in.message.text() == "That PIN is not right. Please try again."
    assert not desk_app.window.sign_out.isVisible()


def test_sign_out_clears_every_card(qtbot: QtBot, desk_app: Desk, central: Central) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW)])
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)
    assert desk_app.window.sign_out.isVisible()

    desk_app.window.sign_out.click()

    assert not desk_app.window.signed_in
    assert desk_app.window.requests.shown == []
    qtbot.waitUntil(
        lambda: central.scalar("SELECT count(*) FROM staff.audit WHERE action = 'sign_out'") == 1,
        timeout=WAIT_MS,
    )


def test_the_fleet_says_a_silent_kiosk_is_a_problem_in_words(
    qtbot: QtBot, desk_app: Desk, central: Central
) -> None:
    quiet, _ = central.add_kiosk()
    alive, _ = central.add_kiosk()
    heartbeat(central, quiet, dt.timedelta(minutes=25))
    heartbeat(central, alive, dt.timedelta(minutes=1))
    sign_in(qtbot, desk_app)
    desk_app.window.tabs.setCurrentWidget(desk_app.window.fleet)

    qtbot.waitUntil(lambda: desk_app.window.fleet.problems != [], timeout=WAIT_MS)
    (problem,) = desk_app.window.fleet.problems
    assert problem.startswith("Problem: not heard from since ")
    assert problem.endswith(" (25 min)")


def test_an_export_writes_the_shown_requests_and_says_where(
    qtbot: QtBot, desk_app: Desk, central: Central, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW, first_name="Ana"), Sent(NOW, first_name="Bea")])
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 2, timeout=WAIT_MS)

    desk_app.window.requests.export_csv.click()

    qtbot.waitUntil(lambda: "Saved" in desk_app.window.requests.said.text(), timeout=WAIT_MS)
    files = list((tmp_path / "exports").iterdir())
    assert len(files) == 1
    assert files[0].name in desk_app.window.requests.said.text()
    assert str(tmp_path) not in desk_app.window.requests.said.text()  # no raw path on screen
    for private in ("Ana", "Bea", "O'Quux", "555-01", "+1201"):
        assert private not in caplog.text


def test_the_store_going_away_is_said_and_retried_without_freezing(
    qtbot: QtBot, desk_app: Desk, central: Central, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW, first_name="Ana")])
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)

    central.server.stop("fast")
    try:
        # The listening socket closes: the desk notices by itself and says so.
        qtbot.waitUntil(desk_app.window.problem.isVisible, timeout=WAIT_MS)
        assert desk_app.window.problem_text.text().startswith("Cannot reach the central store")
        assert "Trying again in" in desk_app.window.problem_text.text()
        first = desk_app.controller.retry_seconds
        qtbot.waitUntil(lambda: desk_app.controller.retry_seconds > first, timeout=WAIT_MS)
        assert desk_app.window.requests.shown  # what was shown stays, marked out of date
    finally:
        central.server.start()
    push(login, kiosk_id, [Sent(NOW + dt.timedelta(minutes=5), first_name="Bea")])
    desk_app.window.retry.click()
    qtbot.waitUntil(lambda: not desk_app.window.problem.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 2, timeout=WAIT_MS)
    assert "Traceback" not in caplog.text


def test_the_wait_after_wrong_pins_outlives_closing_the_desk(
    qapp: QApplication, qtbot: QtBot, config: Config, desk_login: Login, desk_app: Desk
) -> None:
    for _ in range(5):
        sign_in(qtbot, desk_app, "000001")
    assert "Too many wrong PINs" in desk_app.window.sign_in.message.text()
    desk_app.controller.stop()
    desk_app.window.close()

    # The front-desk worker closes the app and opens it again, then types the right PIN.
    again = build_desk(config, qapp, store_connector(desk_login.dsn, desk_login.password))
    again.controller.start()
    try:
        sign_in(qtbot, again)
        assert not again.window.signed_in
        assert again.window.sign_in.message.text().startswith("Too many wrong PINs. Please wait")
    finally:
        again.controller.stop()


def test_deleting_old_requests_is_asked_first_and_said(
    qtbot: QtBot, desk_app: Desk, central: Central, answers: Answers
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW, reference="OLD1"), Sent(NOW, reference="TODO")])
    with central.admin() as conn:
        conn.execute(
            "UPDATE requests SET status = 'done', status_changed_at = now() - interval '60 days'"
            " WHERE reference = 'OLD1'"
        )
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)

    answers.answer = False
    desk_app.window.requests.purge.click()
    assert "more than 30 days ago" in answers.asked[0]
    assert "cannot be undone" in answers.asked[0]
    assert central.scalar("SELECT count(*) FROM requests") == 2

    answers.answer = True
    desk_app.window.requests.purge.click()
    qtbot.waitUntil(
        lambda: desk_app.window.requests.said.text() == "Old requests deleted: 1.", timeout=WAIT_MS
    )
    assert central.scalar("SELECT string_agg(reference, ',') FROM requests") == "TODO"


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_everything_staff_need_is_in_the_window(
    qtbot: QtBot, desk_app: Desk, central: Central, tmp_path: Path, size: tuple[int, int]
) -> None:
    kiosk_id, login = central.add_kiosk()
    long_name = Sent(NOW, first_name="Bartholomew-Maximilian", last_name="Featherstonehaugh")
    push(
        login,
        kiosk_id,
        [long_name._replace(created_at=NOW - dt.timedelta(minutes=n)) for n in range(6)],
    )
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 6, timeout=WAIT_MS)
    window = desk_app.window
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=WAIT_MS)
    view = window.requests
    first = view.shown[0]
    # A card added to a shown list is shown from the event loop's next turn (Qt's layouts).
    qtbot.waitUntil(first.primary.isVisible, timeout=WAIT_MS)
    for widget in (window.sign_out, view.export_csv, view.export_xlsx, view.purge,
                   first.primary, first.name, first.phone, first.summary):  # fmt: skip
        assert widget.isVisible(), widget
        top_left = widget.mapTo(window, widget.rect().topLeft())
        bottom_right = widget.mapTo(window, widget.rect().bottomRight())
        assert window.rect().contains(top_left), widget
        assert window.rect().contains(bottom_right), widget
        assert widget.width() >= widget.minimumSizeHint().width(), widget
    # A name of ordinary length stays on one line (a wrapping label breaks any name in two).
    assert first.name.height() < 2 * first.name.fontMetrics().height()
    window.grab().save(str(tmp_path / f"desk-{size[0]}x{size[1]}.png"))


def test_a_refused_desk_login_is_said_in_words_for_it(
    qapp: QApplication, qtbot: QtBot, config: Config, desk_login: Login
) -> None:
    desk = build_desk(config, qapp, store_connector(desk_login.dsn, "not-its-password"))
    desk.controller.start()
    desk.window.show()
    try:
        sign_in(qtbot, desk)
        assert desk.window.sign_in.message.text() == (
            "The central store turned this desk away: the desk's password was refused. "
            "Please ask IT."
        )
        assert desk.window.problem.isVisible()
        assert "the desk's password was refused" in desk.window.problem_text.text()
        assert "wrong_password" not in desk.window.problem_text.text()
    finally:
        desk.controller.stop()


def test_no_name_phone_or_note_reaches_the_log(
    qtbot: QtBot, desk_app: Desk, central: Central, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, psycopg's too
    private = Sent(
        NOW, first_name="Quintessa", last_name="Vandersloot", phone="+12015550188",
        note="Ring the side door",
    )  # fmt: skip
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [private])
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)
    desk_app.window.requests.shown[0].primary.click()  # called
    qtbot.waitUntil(lambda: desk_app.window.requests.shown == [], timeout=WAIT_MS)
    desk_app.window.requests.status.setCurrentIndex(3)  # all
    desk_app.window.requests.export_xlsx.click()
    qtbot.waitUntil(lambda: "Saved" in desk_app.window.requests.said.text(), timeout=WAIT_MS)
    central.server.stop("fast")
    try:
        qtbot.waitUntil(desk_app.window.problem.isVisible, timeout=WAIT_MS)
    finally:
        central.server.start()
    desk_app.window.retry.click()
    qtbot.waitUntil(lambda: not desk_app.window.problem.isVisible(), timeout=WAIT_MS)
    desk_app.window.sign_out.click()

    assert caplog.records  # the desk did log what happened
    for text in ("Quintessa", "Vandersloot", "555-0188", "5550188", "side door"):
        assert text not in caplog.text
    audit = central.scalar("SELECT string_agg(detail, ' | ') FROM staff.audit")
    for text in ("Quintessa", "Vandersloot", "5550188", "side door"):
        assert text not in str(audit)


def test_a_slow_store_never_freezes_the_window(
    qtbot: QtBot, desk_app: Desk, central: Central
) -> None:
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, [Sent(NOW)])
    sign_in(qtbot, desk_app)
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)
    # The store holds every read of requests until the lock goes (a slow server, a long
    # migration); released from another thread after 3 s, so a frozen window would still end.
    admin = central.admin()
    admin.execute("BEGIN")
    admin.execute("LOCK TABLE requests IN ACCESS EXCLUSIVE MODE")
    release = threading.Timer(3.0, admin.execute, ("COMMIT",))
    release.start()
    try:
        began = time.monotonic()
        status = desk_app.window.requests.status
        status.setCurrentIndex(status.findData(None))  # "All": the desk reads the list again
        ticked: list[float] = []
        QTimer.singleShot(50, lambda: ticked.append(time.monotonic()))
        qtbot.waitUntil(lambda: bool(ticked), timeout=WAIT_MS)
        assert ticked[0] - began < 1.0  # the window kept answering while the read waited
    finally:
        release.join()
        admin.close()
    qtbot.waitUntil(lambda: len(desk_app.window.requests.shown) == 1, timeout=WAIT_MS)
