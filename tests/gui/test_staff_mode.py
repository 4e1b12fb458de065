"""Staff mode with its screen and a real database: an export the USB stick cannot take leaves
every request new, no file behind, and staff told why."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.controllers.background import Background
from kiosk.controllers.staff import StaffMode
from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.core.config import Config, SyncConfig
from kiosk.storage.accounts import StaffDirectory
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import Database
from kiosk.storage.outbox import mark_synced, wipe_synced
from kiosk.storage.requests import RequestStore
from kiosk.storage.sync_status import SyncStatus, write_status
from kiosk.views.request_words import moment
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
        save(db, first)
    screen, background = sign_in_with(qtbot, db, config)
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


def sign_in_with(
    qtbot: QtBot, db: Database, config: Config, now: dt.datetime | None = None
) -> tuple[StaffScreen, Background]:
    """Dana signs in on a fresh staff screen over `db`, with `config` (its [sync] or none), in
    English as the kiosk shows it (its translator says "1 request", "2 requests")."""
    translator = QTranslator(QApplication.instance())
    assert translator.load("kiosk_en", str(config.paths.assets_dir / "i18n"))
    QApplication.installTranslator(translator)
    screen = StaffScreen()
    qtbot.addWidget(screen)
    background = Background(screen)
    clock = None if now is None else (lambda: now)
    StaffMode(screen, lambda: db, config, background=background, now=clock).open()
    for digit in PIN:
        screen.pin.keys[digit].click()
    screen.pin.sign_in_button.click()
    assert screen.currentWidget() is screen.panel
    return screen, background


def save(db: Database, first: str) -> str:
    return (
        RequestStore(db)
        .save(
            # Obviously fictional: 555-01xx.
            CallbackRequest(
                first, "Lee", Phone("+12015550123", "(201) 555-0123", ""), (), (), "", "", "en"
            ),
            reference="ACE-479",
            consent_text="Yes",
            consent_version="1",
        )
        .id
    )


def send_to_the_desk(db: Database, ids: list[str], *, wiped: bool) -> None:
    """What `kiosk sync` does here after the central commit (no PostgreSQL needed): marked
    synced, and, `wiped`, a day later its name and number blanked."""
    sent = dt.datetime.now(dt.UTC) - dt.timedelta(hours=25 if wiped else 1)
    mark_synced(db, ids, now=lambda: sent)
    wipe_synced(db, older_than_hours=24)


def exported_names(folder: Path) -> list[str]:
    (file,) = folder.iterdir()
    with file.open(encoding="utf-8-sig", newline="") as text:
        rows = list(csv.reader(text))
    column = rows[0].index(next(h for h in rows[0] if "first" in h.lower()))
    return [row[column] for row in rows[1:]]


@pytest.mark.parametrize("syncing", [True, False], ids=["sync on", "sync off since"])
def test_requests_sent_to_the_front_desk_are_counted_never_listed_or_exported(
    qtbot: QtBot, staffed: Staffed, config: Config, tmp_path: Path, syncing: bool
) -> None:
    """Ann went to the desk a day ago (her name and number wiped here), Cy an hour ago: they
    are the desk's, so no card and no line in an export, never a blank one; Bo, who could not
    be sent yet, is a card that says the desk does not have her."""
    db = staffed.db
    ann, bo = (r.id for r in RequestStore(db).requests())
    cy = save(db, "Cy")
    send_to_the_desk(db, [ann], wiped=True)
    send_to_the_desk(db, [cy], wiped=False)
    wiped = RequestStore(db).get(ann)
    assert wiped is not None
    assert wiped.first_name == ""
    if syncing:
        config = config._replace(sync=SyncConfig(dsn="host=desk.example.org"))
    screen, background = sign_in_with(qtbot, db, config)
    panel = screen.panel

    assert [card.request_id for card in panel.cards] == [bo]
    assert all(card.name.text().strip() for card in panel.cards)
    assert panel.sent_note.isVisibleTo(panel)
    assert panel.sent_note.text() == "2 requests went to the front desk. Call them from there."
    assert panel.counts.text().startswith("New: 1   Exported: 0")
    assert panel.counts.text().endswith("At the front desk: 2")
    origin = panel.cards[0].origin.text()
    assert ("not at the front desk yet" in origin) is syncing

    for action, folder in (("csv", "new"), ("again:7", "again")):
        out = tmp_path / folder
        panel.set_folders([(str(out), "USB")], str(out))
        grid_button(panel.action_grid, action).click()
        qtbot.waitUntil(lambda: background.pending == 0)
        assert exported_names(out) == ["Bo"], action
    qtbot.waitUntil(lambda: background.pending == 0)


def test_with_every_request_at_the_front_desk_the_list_says_where_they_went(
    qtbot: QtBot, staffed: Staffed, config: Config
) -> None:
    db = staffed.db
    send_to_the_desk(db, [r.id for r in RequestStore(db).requests()], wiped=True)
    config = config._replace(sync=SyncConfig(dsn="host=desk.example.org"))
    panel = sign_in_with(qtbot, db, config)[0].panel
    assert panel.cards == []
    assert panel.empty.text() == "No requests to call here. New ones go to the front desk."
    assert panel.sent_note.text() == "2 requests went to the front desk. Call them from there."
    grid_button(panel.action_grid, "csv").click()
    assert panel.status.text() == "There are no new requests to export."


FAILING_SINCE = dt.datetime(2026, 11, 30, 15, 5, tzinfo=dt.UTC)
LAST_SENT = dt.datetime(2026, 11, 30, 15, 4, tzinfo=dt.UTC)
FAILING = SyncStatus(
    ok=False,
    problem="wrong_password",
    message='password authentication failed for user "kiosk_lobby-1" at db.secret.example',
    failing_since=FAILING_SINCE,
    last_success=LAST_SENT,
    pending=7,  # what the service last counted; the panel counts the database itself
    updated=dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC),
)


def checks_shown(
    qtbot: QtBot, staffed: Staffed, config: Config, language: str
) -> tuple[list[str], str]:
    """The Checks tab's texts, for a kiosk whose sync fails since yesterday, in `language`;
    and when it last sent, as the tab writes it in that language."""
    write_status(config.paths.data_dir, FAILING)
    config = config._replace(sync=SyncConfig(dsn="host=desk.example.org"))
    now = FAILING.updated + dt.timedelta(seconds=30)
    screen, background = sign_in_with(qtbot, staffed.db, config, now)
    translator = QTranslator(QApplication.instance())
    assert translator.load(f"kiosk_{language}", str(config.paths.assets_dir / "i18n"))
    QApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(f"{language}_US"))
    try:
        screen.panel.diagnostics_requested.emit()
        qtbot.waitUntil(lambda: background.pending == 0)
        qtbot.waitUntil(lambda: bool(screen.panel.checks.lines))
        sending = screen.panel.checks.lines[1]  # the Requests group's second line
        assert sending.mark.text() == "✗"
        assert sending.words.property("state") == "problem"
        texts = [text.replace("\N{NO-BREAK SPACE}", " ") for text in screen.panel.checks.texts()]
        return texts, f"{moment(LAST_SENT, '')} (17 h)"
    finally:
        QLocale.setDefault(QLocale("en_US"))


def test_checks_say_sync_fails_since_when_and_why_in_words(
    qtbot: QtBot, staffed: Staffed, config: Config
) -> None:
    texts, not_since = checks_shown(qtbot, staffed, config, "en")
    assert (
        f"Sending to the front desk: not since {not_since} — the clinic's server refused the "
        "password · requests waiting here: 2"  # Ann and Bo, counted in the database
    ) in texts
    for text in texts:
        assert text.strip()  # no empty box
        assert "secret" not in text
        assert "kiosk_lobby" not in text
        assert str(config.paths.data_dir) not in text


def test_checks_say_sync_in_spanish(qtbot: QtBot, staffed: Staffed, config: Config) -> None:
    texts, not_since = checks_shown(qtbot, staffed, config, "es")
    assert (
        f"Envío a la recepción: nada enviado desde {not_since} — el servidor de la clínica "
        "rechazó la contraseña · solicitudes esperando aquí: 2"
    ) in texts


def test_checks_say_a_kiosk_without_sync_keeps_its_requests(qtbot: QtBot, staffed: Staffed) -> None:
    staffed.screen.panel.diagnostics_requested.emit()
    qtbot.waitUntil(lambda: staffed.background.pending == 0)
    qtbot.waitUntil(lambda: bool(staffed.screen.panel.checks.lines))
    texts = [
        text.replace("\N{NO-BREAK SPACE}", " ") for text in staffed.screen.panel.checks.texts()
    ]
    assert "Sending to the front desk: off: this kiosk keeps its requests" in texts
