"""Front-desk staff through the real app: the hidden gesture, the PIN, an export, done."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.core.config import Config
from kiosk.core.navigation import HOME, Route, Screen
from kiosk.storage.accounts import StaffDirectory
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import Database
from kiosk.storage.requests import RequestStore
from kiosk.views.checks_view import ChecksPage
from kiosk.views.staff_chart import OpenedChart
from kiosk.views.staff_view import StaffScreen
from tests.conftest import grid_button, screen, wait_for_disk

PIN = "482193"


def request(first: str) -> CallbackRequest:
    # Obviously fictional: 555-01xx.
    return CallbackRequest(
        first,
        "Lee",
        Phone("+12015550123", "(201) 555-0123", ""),
        (),
        ("morning",),
        "topic:surgery",
        "",
        "en",
    )


@pytest.fixture
def db(config: Config) -> Iterator[Database]:
    database = Database.open(config.paths.data_dir)
    yield database
    database.close()


@pytest.fixture
def staffed(db: Database) -> Database:
    StaffDirectory(db).add("Dana Front", PIN)
    store = RequestStore(db)
    for first in ("Ann", '=HYPERLINK("http://example.com","x")'):
        store.save(request(first), reference="ACE-479", consent_text="Yes", consent_version="1")
    return db


def open_staff(kiosk: Kiosk) -> StaffScreen:
    kiosk.window.staff_gesture.timer.timeout.emit()  # the clinic name held for 3 s
    staff = screen(kiosk, StaffScreen)
    assert kiosk.shell.current == Route(Screen.STAFF)
    return staff


def sign_in(staff: StaffScreen, pin: str = PIN) -> None:
    for digit in pin:
        staff.pin.keys[digit].click()
    staff.pin.sign_in_button.click()


def test_with_no_staff_the_pad_says_how_to_add_them(kiosk: Kiosk) -> None:
    staff = open_staff(kiosk)
    assert "kiosk staff add" in staff.pin.message.text()


def test_after_a_damaged_database_was_set_aside_the_pad_says_so(
    kiosk: Kiosk, staffed: Database
) -> None:
    from tests.unit.test_storage_faults import damage

    staffed.close()
    damage(kiosk.config.paths.data_dir)  # the staff list goes aside with the damaged file
    staff = open_staff(kiosk)
    message = staff.pin.message.text()
    assert "damaged and set aside" in message
    assert "Ask IT" in message
    assert "kiosk staff add" not in message  # not "never set up": the staff were lost with it


def test_a_wrong_pin_is_refused_and_logged(kiosk: Kiosk, staffed: Database) -> None:
    staff = open_staff(kiosk)
    sign_in(staff, "000000")
    assert staff.currentWidget() is staff.pin
    assert "not right" in staff.pin.message.text()
    assert AuditLog(staffed).entries()[0].action == "sign_in_failed"


def test_staff_export_new_requests_safely_and_they_become_exported(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database, tmp_path: Path
) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    panel = staff.panel
    assert staff.currentWidget() is panel
    assert "New: 2" in panel.counts.text()
    assert [card.name.text() for card in panel.cards] == [
        "Ann Lee",
        '=HYPERLINK("http://example.com","x") Lee',
    ]
    assert panel.cards[0].summary.text() == "Any day, mornings · English · about Surgery"
    usb = tmp_path / "usb"
    panel.set_folders([(str(usb), "USB")], str(usb))
    grid_button(panel.action_grid, "csv").click()
    wait_for_disk(qtbot, kiosk)

    (exported,) = usb.glob("*.csv")
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    names = {row[3] for row in rows[1:]}
    assert names == {"Ann", '\'=HYPERLINK("http://example.com","x")'}
    assert RequestStore(staffed).counts() == {"new": 0, "exported": 2, "done": 0}
    said = panel.status.text()
    assert f"2 requests saved to USB, in the file {exported.name}" in said
    assert str(tmp_path) not in said  # no path on screen: the drive and the file, in words
    entry = AuditLog(staffed).entries()[0]
    assert (entry.staff, entry.action) == ("Dana Front", "export")
    assert "Ann" not in entry.detail


def test_an_export_to_an_unwritable_place_says_so_and_keeps_requests_new(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database, tmp_path: Path
) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    staff.panel.set_folders([(str(not_a_folder), "Broken")], str(not_a_folder))
    grid_button(staff.panel.action_grid, "xlsx").click()
    wait_for_disk(qtbot, kiosk)
    assert "export failed" in staff.panel.status.text()
    assert RequestStore(staffed).counts()["new"] == 2


def test_mark_called_on_a_card_makes_it_done_and_audited(kiosk: Kiosk, staffed: Database) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    second = staff.panel.cards[1]
    assert staff.panel.cards[0].primary.text() == "Mark called"
    staff.panel.cards[0].primary.click()
    assert RequestStore(staffed).counts() == {"new": 1, "exported": 0, "done": 1}
    assert staff.panel.cards == [second]  # off the list; the other card kept, not built anew
    entry = AuditLog(staffed).entries()[0]
    assert (entry.action, entry.detail) == ("mark_done", "1 request called back")


def test_done_without_a_call_is_asked_first(kiosk: Kiosk, staffed: Database) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    card = staff.panel.cards[0]
    card.secondary.click()
    assert card.asking
    assert card.question.text() == "Take Ann off the list without a call?"
    assert RequestStore(staffed).counts()["done"] == 0  # only asked
    card.no.click()
    assert card.secondary.isVisibleTo(card)  # the button back, the question gone
    assert not card.question.isVisibleTo(card)
    assert RequestStore(staffed).counts()["done"] == 0
    card.secondary.click()
    card.yes.click()
    assert RequestStore(staffed).counts() == {"new": 1, "exported": 0, "done": 1}
    assert AuditLog(staffed).entries()[0].detail == "1 request, no call needed"


def test_deleting_old_requests_and_leaving_the_kiosk_are_asked_first(
    kiosk: Kiosk, staffed: Database
) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    panel = staff.panel
    left: list[bool] = []
    mode = kiosk.shell.staff_mode
    assert mode is not None
    mode.exit_requested.disconnect()  # the kiosk would quit the application: pytest's own
    mode.exit_requested.connect(lambda: left.append(True))
    panel.exit.click()
    assert "Close the kiosk" in panel.confirm.question.text()
    panel.confirm.no.click()
    assert left == []
    panel.purge.click()
    assert panel.confirm.question.text() == (
        "Delete the requests exported or done more than 30 days ago? This cannot be undone."
    )
    assert [e.action for e in AuditLog(staffed).entries()][:1] == ["sign_in"]  # only asked
    panel.confirm.yes.click()
    assert AuditLog(staffed).entries()[0].action == "purge"
    assert left == []
    panel.exit.click()
    panel.confirm.yes.click()
    assert left == [True]


def test_statistics_show_what_patients_did(kiosk: Kiosk, staffed: Database) -> None:
    from kiosk.storage.usage import UsageStats

    UsageStats(staffed).count("topic_opened", "surgery")
    staff = open_staff(kiosk)
    sign_in(staff)
    UsageStats(staffed).count("topic_opened", "surgery")
    UsageStats(staffed).count("form_submitted")
    grid_button(staff.panel.nav, "stats").click()
    assert staff.panel.pages.currentIndex() == 1
    chart = staff.panel.chart
    assert isinstance(chart, OpenedChart)
    assert chart.bars[0] == ("Surgery", 2)  # the page's title, not its slug
    assert chart.accessibleDescription().startswith("Surgery: 2")  # for a screen reader
    assert chart.isVisibleTo(staff.panel)
    said = staff.panel.stats_lines.text()
    assert "Call-back requests sent: 1" in said
    assert "topic_opened" not in said
    assert "form_submitted" not in said


def test_staff_mode_closes_itself_when_left_alone(kiosk: Kiosk, staffed: Database) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    mode = kiosk.shell.staff_mode
    assert mode is not None
    mode.idle_timer.timeout.emit()  # a few idle minutes, instantly
    assert kiosk.shell.current == HOME
    assert AuditLog(staffed).entries()[0].action == "timed_out"


def test_any_touch_on_the_staff_screen_keeps_staff_mode_open(
    kiosk: Kiosk, staffed: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Widgets made after staff mode started (the statistics table, the request rows) count
    too: staff reading statistics are not thrown out mid-sentence."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    staff = open_staff(kiosk)
    sign_in(staff)
    grid_button(staff.panel.nav, "stats").click()
    mode = kiosk.shell.staff_mode
    assert mode is not None
    restarts: list[bool] = []
    real_start = mode.idle_timer.start

    def counted_start() -> None:
        restarts.append(True)
        real_start()

    monkeypatch.setattr(mode.idle_timer, "start", counted_start)
    assert staff.panel.chart is not None
    table = staff.panel.chart
    QTest.mouseClick(table, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert len(restarts) >= 1
    restarts.clear()
    QTest.mouseClick(kiosk.home, Qt.MouseButton.LeftButton)  # not the staff screen
    assert restarts == []


def test_exit_and_sign_out_work_when_the_log_cannot_be_written(
    kiosk: Kiosk, staffed: Database
) -> None:
    """A full disk is when IT most needs to leave the kiosk: the audit entry is attempted,
    and its failure is logged, never a locked door."""
    from kiosk.controllers import staff as staff_mode

    staff = open_staff(kiosk)
    sign_in(staff)
    refuse_like_a_full_disk(staffed, "INSERT ON audit")
    left: list[bool] = []
    mode = kiosk.shell.staff_mode
    assert mode is not None
    mode.exit_requested.disconnect()  # the kiosk would quit the application: pytest's own
    mode.exit_requested.connect(lambda: left.append(True))
    staff.panel.exit_requested.emit()
    assert left == [True]
    staff.panel.cards[0].primary.click()  # the log refuses it: a message, still signed in
    assert "disk is full" in staff.panel.status.text()
    staff.panel.sign_out_requested.emit()
    assert kiosk.shell.current == HOME
    assert staff_mode.StaffMode is type(mode)


def test_requests_can_be_exported_again_without_changing_them(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database, tmp_path: Path
) -> None:
    RequestStore(staffed).set_status([r.id for r in RequestStore(staffed).requests()], "done")
    staff = open_staff(kiosk)
    sign_in(staff)
    usb = tmp_path / "usb"
    staff.panel.set_folders([(str(usb), "USB")], str(usb))
    grid_button(staff.panel.action_grid, "again:7").click()
    wait_for_disk(qtbot, kiosk)
    (exported,) = usb.glob("*.csv")
    assert exported.read_text(encoding="utf-8-sig").count("\n") == 3  # header and two rows
    assert RequestStore(staffed).counts()["done"] == 2
    assert AuditLog(staffed).entries()[0].action == "reexport"


def checks(qtbot: QtBot, kiosk: Kiosk) -> ChecksPage:
    """Dana signed in, on the Checks tab, its facts gathered."""
    staff = open_staff(kiosk)
    sign_in(staff)
    grid_button(staff.panel.nav, "diagnostics").click()
    wait_for_disk(qtbot, kiosk)  # gathered on the disk thread
    return staff.panel.checks


def test_the_checks_tab_says_each_fact_in_words_and_has_a_touch_test(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database
) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    page = checks(qtbot, kiosk)
    texts = [text.replace("\N{NO-BREAK SPACE}", " ") for text in page.texts()]  # as seen
    for start in (
        "Saved requests: OK · last one saved ",
        "Sending to the front desk: off: this kiosk keeps its requests",
        "Kiosk program: OK · version ",
        "Read aloud: off in the settings",  # the tests' kiosks have speech_engine = "none"
        "Restart if it freezes: off: the kiosk was not started by its service",
        "Clock: OK · ",
        "Screen software: OK",
        "Screen: ",
        "For IT: run “kiosk doctor” here",
    ):
        assert any(text.startswith(start) for text in texts), (start, texts)
    assert not any("Ann" in text for text in texts)
    QTest.mouseClick(page.touch_test, Qt.MouseButton.LeftButton, pos=QPoint(40, 50))
    assert [p.toPoint() for p in page.touch_test.points] == [QPoint(40, 50)]


def test_the_checks_tab_shows_no_path_and_no_empty_box_and_says_a_problem(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database
) -> None:
    """Paths are for IT, in `kiosk doctor`; staff see words, and a problem as one."""
    data_dir = kiosk.config.paths.data_dir
    data_dir.chmod(0o755)  # doctor: "should be 0700"
    kiosk.shell.set_language("es")
    page = checks(qtbot, kiosk)
    texts = page.texts()
    assert len(page.lines) >= 8
    for text in texts:
        assert text.strip()  # no empty box
        assert str(data_dir) not in text
        assert not re.search(r"(?<![\w.])/\w", text), text  # no "/"-rooted path
        assert "0700" not in text
    (saved,) = [line for line in page.lines if line.words.text().startswith("Solicitudes")]
    assert saved.mark.text() == "✗"
    assert saved.words.property("state") == "problem"
    assert "la carpeta de datos o su clave no están bien configuradas" in saved.words.text()
    assert any(text.startswith("Para el equipo de TI: ") for text in texts)


def test_in_spanish_the_list_says_days_times_and_dates_the_spanish_way(
    kiosk: Kiosk, db: Database
) -> None:
    StaffDirectory(db).add("Dana Front", PIN)
    # The 5th of January: day and month both under 10, where 05/01 and 5/1 differ and only
    # the order tells day from month. A fixed date, so the test means the same on any day.
    received = dt.datetime(2026, 1, 5, 18, 0, tzinfo=dt.UTC)
    RequestStore(db).save(
        request("Ann"), reference="ACE-479", consent_text="Yes", consent_version="1", now=received
    )
    kiosk.shell.set_language("es")
    staff = open_staff(kiosk)
    sign_in(staff)
    card = staff.panel.cards[0]
    first = f"{card.summary.text()} {card.origin.text()}"
    assert "mañana" in first
    assert "inglés" in first  # the call's language, in Spanish
    assert card.primary.text() == "Marcar llamada"  # its next step
    assert "morning" not in first
    shown = received.astimezone()  # the kiosk's time zone, whichever it is
    assert f" {shown.day}/{shown.month}/{shown.year} " in f" {first} "  # day before month
    assert staff.panel.counts.text().startswith("Nuevas")


def test_a_wrong_database_key_is_told_to_staff_in_words_not_a_trace(
    kiosk: Kiosk, staffed: Database
) -> None:
    from kiosk.storage.keys import KEY_FILE

    staffed.close()
    (kiosk.config.paths.data_dir / KEY_FILE).write_text("ab" * 32 + "\n")  # not its key
    staff = open_staff(kiosk)
    assert staff.pin.message.text() == "The database key is missing or wrong. Ask IT."
    kiosk.shell.set_language("es")
    staff = open_staff(kiosk)
    assert staff.pin.message.text().startswith("Falta la clave")


# -- exports that go wrong half way ---------------------------------------------------------------


def refuse_like_a_full_disk(db: Database, when: str) -> None:
    """Make the database refuse a write with SQLite's own "database or disk is full", through a
    trigger (created by a second connection, as the kiosk holds its own): a full data disk in
    the middle of an export is hard to stage, and this runs the kiosk's real error path."""
    db.write(
        f"CREATE TRIGGER disk_full BEFORE {when}"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
        [()],
    )


def test_a_staff_export_never_replaces_a_file_already_there(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database, tmp_path: Path
) -> None:
    """Another kiosk's export (or one made the same second) on the stick keeps its contents."""
    usb = tmp_path / "usb"
    usb.mkdir()
    now = dt.datetime.now(dt.UTC)
    theirs: dict[Path, str] = {}
    for second in range(-1, 60):  # any second this test may take
        stamp = (now + dt.timedelta(seconds=second)).astimezone().strftime("%Y-%m-%d-%H%M%S")
        path = usb / f"callback-requests-{stamp}.csv"
        path.write_text(f"someone else's export {second}")
        theirs[path] = path.read_text()
    staff = open_staff(kiosk)
    sign_in(staff)
    staff.panel.set_folders([(str(usb), "USB")], str(usb))
    grid_button(staff.panel.action_grid, "csv").click()
    wait_for_disk(qtbot, kiosk)
    assert {path: path.read_text() for path in theirs} == theirs
    (ours,) = set(usb.iterdir()) - set(theirs)
    assert ours.name.endswith("-2.csv")
    assert "Ann" in ours.read_text(encoding="utf-8-sig")
    said = staff.panel.status.text()
    assert f"saved to USB, in the file {ours.name}" in said
    assert str(usb) not in said
    assert [e.action for e in AuditLog(staffed).entries()[:2]] == ["export", "export_started"]


def test_a_staff_export_that_cannot_be_marked_says_so_and_keeps_requests_new(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database, tmp_path: Path
) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    usb = tmp_path / "usb"
    staff.panel.set_folders([(str(usb), "USB")], str(usb))
    refuse_like_a_full_disk(staffed, "UPDATE OF status ON requests")
    grid_button(staff.panel.action_grid, "csv").click()
    wait_for_disk(qtbot, kiosk)

    assert kiosk.shell.current == Route(Screen.STAFF)  # still here, not thrown back home
    assert staff.currentWidget() is staff.panel
    (exported,) = usb.glob("*.csv")
    said = staff.panel.status.text()
    assert f"saved to USB, in the file {exported.name}" in said
    assert str(usb) not in said
    assert "could not be marked exported" in said
    assert "stay new" in said
    assert "disk is full" in said
    assert RequestStore(staffed).counts()["new"] == 2
    entries = AuditLog(staffed).entries()
    assert [e.action for e in entries[:2]] == ["export_not_marked", "export_started"]
    assert all("Ann" not in e.detail for e in entries)


@pytest.mark.parametrize("button", ["csv", "again:7"])
def test_no_staff_export_when_it_cannot_be_audited(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database, tmp_path: Path, button: str
) -> None:
    """A file of patients' numbers is only written once the log says who wrote it."""
    staff = open_staff(kiosk)
    sign_in(staff)
    usb = tmp_path / "usb"
    staff.panel.set_folders([(str(usb), "USB")], str(usb))
    refuse_like_a_full_disk(staffed, "INSERT ON audit WHEN NEW.action LIKE '%export_started'")
    grid_button(staff.panel.action_grid, button).click()
    wait_for_disk(qtbot, kiosk)

    assert kiosk.shell.current == Route(Screen.STAFF)
    assert not usb.exists() or list(usb.iterdir()) == []
    said = staff.panel.status.text()
    assert "Nothing was exported" in said
    assert "disk is full" in said
    assert RequestStore(staffed).counts()["new"] == 2
    assert [e.action for e in AuditLog(staffed).entries()[:1]] == ["sign_in"]


def test_a_staff_export_the_log_cannot_record_afterwards_says_so(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database, tmp_path: Path
) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    usb = tmp_path / "usb"
    staff.panel.set_folders([(str(usb), "USB")], str(usb))
    refuse_like_a_full_disk(staffed, "INSERT ON audit WHEN NEW.action = 'export'")
    grid_button(staff.panel.action_grid, "csv").click()
    wait_for_disk(qtbot, kiosk)

    assert kiosk.shell.current == Route(Screen.STAFF)
    (exported,) = usb.glob("*.csv")
    said = staff.panel.status.text()
    assert (
        f"2 requests saved to USB, in the file {exported.name}, but the audit log could not "
        "record it" in said
    )
    assert str(usb) not in said
    assert RequestStore(staffed).counts()["exported"] == 2
    assert AuditLog(staffed).entries()[0].action == "export_started"  # who began it, at least


def test_the_kiosk_starts_without_qt_charts() -> None:
    """Qt Charts is loaded only when staff open the statistics: the patients' screens, and the
    kiosk's start, never pay for it."""
    import subprocess
    import sys

    code = (
        "import sys; import kiosk.app, kiosk.views.staff_view, kiosk.controllers.staff; "
        "print('PySide6.QtCharts' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_at_large_text_on_a_portrait_screen_a_cards_buttons_go_under_its_words(
    kiosk: Kiosk, staffed: Database
) -> None:
    """Side by side they would push Mark called off the card's right edge, out of reach."""
    from PySide6.QtWidgets import QApplication

    kiosk.window.resize(1080, 1920)
    kiosk.look.set_look(kiosk.look.look._replace(text_size=200))
    staff = open_staff(kiosk)
    sign_in(staff)
    for _ in range(5):  # a changed text re-lays out its parents, one level per pass
        QApplication.processEvents()
    card = staff.panel.cards[0]
    viewport = staff.panel.list_area.viewport()
    for button in (card.primary, card.secondary):
        right = button.mapTo(viewport, button.rect().topRight()).x()
        assert right <= viewport.width(), button.text()
    assert card.primary.mapTo(card, card.primary.rect().topLeft()).y() > card.summary.y()


def test_an_export_to_the_kiosks_own_folder_says_so_in_words(
    qtbot: QtBot, kiosk: Kiosk, staffed: Database
) -> None:
    staff = open_staff(kiosk)
    sign_in(staff)
    exports = kiosk.config.paths.data_dir / "exports"
    grid_button(staff.panel.folders, str(exports)).click()
    assert staff.panel.folder_label.text() == "Save files to: This kiosk's exports folder"
    grid_button(staff.panel.action_grid, "csv").click()
    wait_for_disk(qtbot, kiosk)
    (exported,) = exports.glob("*.csv")
    assert staff.panel.status.text() == (
        f"2 requests saved to this kiosk's exports folder, in the file {exported.name}"
    )
    assert all("in an export" in card.origin.text() for card in staff.panel.cards)
