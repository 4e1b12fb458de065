"""A slow or busy disk never freezes the screen: saves and exports wait on the disk thread.

Two real slow disks, staged: the database locked by another program (what `kiosk admin` or a
backup does; SQLite then waits up to its busy timeout), and a USB stick that takes its time
(the export writer held until the test lets it go). Meanwhile the patient's or the staff's
taps are answered at once, and in the end nothing is lost.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.controllers import staff as staff_mode
from kiosk.core.config import Config
from kiosk.core.navigation import HOME
from kiosk.storage.accounts import StaffDirectory
from kiosk.storage.database import DATABASE, Database
from kiosk.storage.export import write_csv
from kiosk.storage.keys import load_key
from kiosk.storage.requests import RequestStore, StoredRequest
from kiosk.views import callback_view
from kiosk.views.callback_view import CallbackView
from kiosk.views.staff_view import StaffScreen
from tests.conftest import grid_button, screen, shown_kiosk, wait_for_disk

PIN = "482193"


@pytest.fixture
def hurried(
    qapp: QApplication, qtbot: QtBot, config: Config, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Kiosk]:
    """A kiosk that says "still sending" after 50 ms instead of 3 s, so the test need not wait
    for the real threshold (the lock it stages lasts as long as the test wants)."""
    monkeypatch.setattr(callback_view, "SLOW_SAVE_MS", 50)
    yield shown_kiosk(qapp, qtbot, config)
    qapp.setStyleSheet("")


def lock_the_database(data_dir: Path) -> Any:
    """Another program's write transaction on the kiosk's database, held until rolled back."""
    Database.open(data_dir).close()  # the database and its key exist, as on a kiosk in use
    path = data_dir / DATABASE
    other = sqlcipher3.connect(str(path), isolation_level=None)
    other.execute(f"PRAGMA key = \"x'{load_key(data_dir, path).hex()}'\"")
    other.execute("BEGIN EXCLUSIVE")
    return other


def fill_in_the_form(kiosk: Kiosk) -> CallbackView:
    kiosk.home.callback_tile.click()
    form = screen(kiosk, CallbackView)
    form.first_name.setText("Ann")
    form.last_name.setText("Lee")
    form.phone.setText("(201) 555-0199")  # fictional: 555-01xx
    form.period_buttons["morning"].click()
    form.consent.click()
    return form


def test_a_locked_database_keeps_the_screen_answering_and_the_request_is_saved_after(
    qtbot: QtBot, hurried: Kiosk
) -> None:
    kiosk = hurried
    data_dir = kiosk.config.paths.data_dir
    other = lock_the_database(data_dir)
    form = fill_in_the_form(kiosk)

    form.send_button.click()
    assert form.send_button.label() == "Sending..."
    # The UI thread is free while the save waits for the lock: its timers run, taps work.
    qtbot.waitUntil(lambda: form.send_button.label() == "Still sending, please wait...")
    form.send_button.click()  # an impatient second tap sends nothing twice
    kiosk.window.text_size_button.click()
    assert kiosk.look.look.text_size == 125
    assert form.pages.currentIndex() == 0
    assert form.first_name.text() == "Ann"

    other.execute("ROLLBACK")  # the other program is done
    other.close()
    wait_for_disk(qtbot, kiosk)
    assert form.pages.currentIndex() == 1  # thank you
    (saved,) = RequestStore.open(data_dir).requests()
    assert saved.first_name == "Ann"


def test_a_save_that_ends_after_an_idle_reset_shows_nothing_to_the_next_patient(
    qtbot: QtBot, hurried: Kiosk
) -> None:
    kiosk = hurried
    data_dir = kiosk.config.paths.data_dir
    other = lock_the_database(data_dir)
    form = fill_in_the_form(kiosk)
    form.send_button.click()
    kiosk.shell.reset_session()  # nobody answered "Are you still there?"
    other.execute("ROLLBACK")
    other.close()
    wait_for_disk(qtbot, kiosk)
    assert kiosk.shell.current == HOME
    kiosk.home.callback_tile.click()
    form = screen(kiosk, CallbackView)
    assert form.pages.currentIndex() == 0
    assert form.reference_label.text() == ""
    assert form.first_name.text() == ""
    assert form.send_button.label() == "Send my request"
    assert len(RequestStore.open(data_dir).requests()) == 1  # saved all the same


def test_a_slow_usb_stick_keeps_the_staff_screen_answering(
    qtbot: QtBot, kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = kiosk.config.paths.data_dir
    db = Database.open(data_dir)
    StaffDirectory(db).add("Dana Front", PIN)
    db.close()
    fill_in_the_form(kiosk).send_button.click()
    wait_for_disk(qtbot, kiosk)
    kiosk.shell.go_home()

    stick_ready = threading.Event()

    def slow_write(requests: Iterable[StoredRequest], path: Path) -> int:
        stick_ready.wait(timeout=30)
        return write_csv(requests, path)

    monkeypatch.setattr(staff_mode, "write_csv", slow_write)
    kiosk.window.staff_gesture.timer.timeout.emit()
    staff = screen(kiosk, StaffScreen)
    for digit in PIN:
        staff.pin.keys[digit].click()
    staff.pin.sign_in_button.click()
    usb = tmp_path / "usb"
    staff.panel.set_folders([(str(usb), "USB")], str(usb))

    grid_button(staff.panel.action_grid, "csv").click()
    assert "leave the USB drive in" in staff.panel.status.text()
    grid_button(staff.panel.action_grid, "csv").click()  # while the first is still being written
    assert "Still saving the last file" in staff.panel.status.text()

    stick_ready.set()
    wait_for_disk(qtbot, kiosk)
    assert "1 request saved to" in staff.panel.status.text()
    assert len(list(usb.glob("*.csv"))) == 1
    assert RequestStore.open(data_dir).counts()["exported"] == 1
