"""Staff mode with its screen and a real database: an export the USB stick cannot take leaves
every request new, no file behind, and staff told why."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from pytestqt.qtbot import QtBot

from kiosk.controllers.background import Background
from kiosk.controllers.staff import StaffMode
from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.core.config import Config
from kiosk.storage.accounts import StaffDirectory
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import Database
from kiosk.storage.requests import RequestStore
from kiosk.views.staff_view import StaffScreen
from tests.conftest import grid_button

PIN = "482193"


class Staffed(NamedTuple):
    screen: StaffScreen
    background: Background
    db: Database


@pytest.fixture
def staffed(qtbot: QtBot, config: Config) -> Iterator[Staffed]:
    """Dana signed in on the staff screen, with two new requests waiting."""
    db = Database.open(config.paths.data_dir)
    StaffDirectory(db).add("Dana Front", PIN)
    for first in ("Ann", "Bo"):
        RequestStore(db).save(
            # Obviously fictional: 555-01xx.
            CallbackRequest(
                first, "Lee", Phone("+12015550123", "(201) 555-0123", ""), (), (), "", "", "en"
            ),
            reference="ACE-479",
            consent_text="Yes",
            consent_version="1",
        )
    screen = StaffScreen()
    qtbot.addWidget(screen)
    background = Background(screen)
    StaffMode(screen, lambda: db, config, background=background).open()
    for digit in PIN:
        screen.pin.keys[digit].click()
    screen.pin.sign_in_button.click()
    assert screen.currentWidget() is screen.panel
    yield Staffed(screen, background, db)
    qtbot.waitUntil(lambda: background.pending == 0)
    db.close()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_export_the_stick_cannot_take_leaves_the_requests_new(
    qtbot: QtBot,
    staffed: Staffed,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    """A full or failing stick often takes every write and fails only when the file is synced
    to it: the export fails there, after the folder was made and the file written out."""
    spool = tmp_path / "spool"  # where openpyxl spools a sheet, in plain text, while it writes
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    sync = os.fsync

    def full_when_a_file_is_synced(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        sync(fd)

    monkeypatch.setattr(os, "fsync", full_when_a_file_is_synced)
    usb = tmp_path / "usb" / "exports"  # not there yet: the export makes it
    panel = staffed.screen.panel
    panel.set_folders([(str(usb), "USB")], str(usb))
    grid_button(panel.action_grid, kind).click()
    qtbot.waitUntil(lambda: staffed.background.pending == 0)

    full = os.strerror(errno.ENOSPC)
    assert panel.status.text() == f"The export failed: cannot write to USB: {full}"
    assert usb.is_dir()  # the folder was made: what failed was the write itself
    assert list(usb.iterdir()) == []  # no file, whole or partial, and no temporary
    assert list(spool.iterdir()) == []
    assert RequestStore(staffed.db).counts() == {"new": 2, "exported": 0, "done": 0}
    assert "New: 2" in panel.counts.text()
    actions = [entry.action for entry in AuditLog(staffed.db).entries()]
    assert actions[:2] == ["export_failed", "export_started"]
    assert "export" not in actions
