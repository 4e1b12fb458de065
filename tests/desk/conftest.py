"""The desk's tests run against the same real PostgreSQL as the central store's
(tests/central/pg.py, a fresh migrated database per test), with a desk login, staff accounts and
requests added as a kiosk's own role adds them (one statement, one notice); and the desk's
window built as `kiosk desk` builds it, shown, with its questions answered by the test."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import psycopg
import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.central.desk import DeskStore, add_staff
from kiosk.core.config import Config
from kiosk.desk.app import Desk, build_desk, store_connector
from tests.central.conftest import Central, Login, central, pg_server

__all__ = ["central", "pg_server"]

# Fictional people: 555-01xx numbers are reserved for fiction.
PIN = "480137"
STAFF = "Rosa"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
WAIT_MS = 10_000  # a deadline, not a pause: waitUntil returns as soon as it holds


class Sent(NamedTuple):
    """A request as a kiosk sends it."""

    created_at: dt.datetime
    reference: str = "K7Q2"
    first_name: str = "Zebediah"
    last_name: str = "O'Quux"
    phone: str = "+12015550123"
    days: tuple[str, ...] = ("mon", "wed")
    periods: tuple[str, ...] = ("morning",)
    topic: str = "topic:surgery"
    note: str = ""
    language: str = "es"


def push(login: Login, kiosk_id: str, requests: Sequence[Sent]) -> None:
    """Add `requests` as kiosk `kiosk_id`'s own login role (the server fills in its id), in
    one statement as a push does: one notice for the desk. `kiosk sync` itself is the sync's
    tests' business (tests/central)."""
    assert login.role == f"kiosk_{kiosk_id}"
    with login.connect() as conn:
        conn.execute(
            "INSERT INTO requests (id, reference, created_at, first_name, last_name,"
            " phone_e164, days, periods, topic, note, language, consent_text, consent_version)"
            " SELECT * FROM unnest(%s::uuid[], %s::text[], %s::timestamptz[], %s::text[],"
            " %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],"
            " %s::text[], %s::text[], %s::text[])",
            _columns(requests),
        )


def _columns(requests: Sequence[Sent]) -> list[list[object]]:
    """The requests column by column, for unnest (one statement however many)."""
    rows = [
        [
            str(uuid.uuid4()), r.reference, r.created_at, r.first_name, r.last_name, r.phone,
            ",".join(r.days), ",".join(r.periods), r.topic, r.note, r.language,
            "You may call me.", "2026-11",
        ]
        for r in requests
    ]  # fmt: skip
    return [list(column) for column in zip(*rows, strict=True)]


def heartbeat(central: Central, kiosk_id: str, received_ago: dt.timedelta) -> None:
    """A heartbeat the server received `received_ago` (set as the owner: a kiosk cannot choose
    received_at, the server's clock does)."""
    with central.admin() as conn:
        conn.execute(
            "INSERT INTO heartbeats (kiosk_id, received_at, sent_at, version, last_sync_at,"
            " pending, free_disk_bytes, crash_count)"
            " VALUES (%s, now() - %s, now() - %s, '1.4.0', now() - %s, 3, 20000000000, 0)",
            (kiosk_id, received_ago, received_ago, received_ago),
        )


@pytest.fixture
def desk_login(central: Central) -> Login:
    with central.admin() as conn:
        add_staff(conn, STAFF, PIN)
    return central.add_desk()


@pytest.fixture
def desk(desk_login: Login) -> Iterator[DeskStore]:
    conn: psycopg.Connection[tuple[object, ...]] = desk_login.connect()
    store = DeskStore(conn, hasher=FAST_HASHER)
    yield store
    store.close()


class Answers:
    """The confirmation dialog, answered by the test: what was asked, and the answer."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = False

    def __call__(self, question: str) -> bool:
        self.asked.append(question)
        return self.answer


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def desk_config(config: Config) -> Config:
    """The desk's configuration; a test module may give it a clinic's time zone."""
    return config


@pytest.fixture
def desk_app(
    qapp: QApplication, desk_config: Config, desk_login: Login, tmp_path: Path, answers: Answers
) -> Iterator[Desk]:
    exports = tmp_path / "exports"
    exports.mkdir()
    desk = build_desk(
        desk_config,
        qapp,
        store_connector(desk_login.dsn, desk_login.password),
        choose_folder=lambda: exports,
        confirm=answers,
    )
    desk.controller.start()
    desk.window.resize(1280, 800)
    desk.window.show()
    yield desk
    desk.controller.stop()


def sign_in(qtbot: QtBot, desk: Desk, pin: str = PIN) -> None:
    view = desk.window.sign_in
    view.pin.setText(pin)
    view.button.click()
    qtbot.waitUntil(lambda: desk.window.signed_in or view.isEnabled(), timeout=WAIT_MS)


def signed_in_with(qtbot: QtBot, desk: Desk, central: Central, requests: Sequence[Sent]) -> str:
    """A kiosk sends `requests`, staff sign in and see their cards; returns the kiosk's id."""
    kiosk_id, login = central.add_kiosk()
    push(login, kiosk_id, requests)
    sign_in(qtbot, desk)
    qtbot.waitUntil(lambda: len(desk.window.requests.shown) == len(requests), timeout=WAIT_MS)
    return kiosk_id
