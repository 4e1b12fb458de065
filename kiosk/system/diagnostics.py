"""What staff and IT need to see at a glance when something seems wrong: disk, database,
version, uptime, crashes, `kiosk doctor`'s checks and the end of the log. No patient data is
ever part of it.

Labels and words are English, marked with `QT_TRANSLATE_NOOP` so `pyside6-lupdate` collects
them; the staff view translates them and formats times for the kiosk's language. A doctor
check's finding stays English, like the log: it is for IT."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Sequence
from pathlib import Path

from kiosk import __version__
from kiosk.core.clock import utc_now
from kiosk.core.config import SyncConfig
from kiosk.core.paths import shipped
from kiosk.storage import outbox
from kiosk.storage.database import Database, StorageError, set_aside_copies
from kiosk.storage.sync_status import State, SyncStatus, read_status, state_of
from kiosk.system.logs import LOG_DIR, LOG_FILE
from kiosk.system.safety import crash_count

STARTED = time.monotonic()
LOG_LINES = 15


CONTEXT = "Diagnostics"  # lupdate reads only literal contexts: each call spells it out
# A value is text to translate (a word such as "ok"), a number or version shown as it is, or
# a moment the view formats for the language.
Value = str | int | dt.datetime | dt.timedelta


class Verbatim(str):
    """A value shown exactly as it is, never translated (a version, a file name)."""

    __slots__ = ()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Mark `text` for translation in `context`; it stays English here."""
    del context
    return text


def facts(
    data_dir: Path,
    db: Database | None,
    running: Sequence[tuple[str, Value]] = (),
    *,
    sync: SyncConfig | None = None,
    now: dt.datetime | None = None,
) -> list[tuple[str, Value]]:
    """(label, value) pairs, in the order staff read them; `running`: what only the running
    kiosk knows (read aloud's state, the watchdog's pings), after the crash count; `sync`: the
    configuration's [sync], whose state follows the database's."""
    disk, *checks = _doctor_checks(data_dir)
    rows: list[tuple[str, Value]] = [
        (QT_TRANSLATE_NOOP("Diagnostics", "Version"), Verbatim(__version__)),
        (
            QT_TRANSLATE_NOOP("Diagnostics", "Up for"),
            dt.timedelta(seconds=round(time.monotonic() - STARTED)),
        ),
        disk,
        (QT_TRANSLATE_NOOP("Diagnostics", "Crashes recovered"), crash_count(data_dir)),
        *running,
    ]
    return [
        *rows,
        *_database(db),
        *sync_facts(sync, data_dir, db, now or utc_now()),
        *_set_aside(data_dir),
        *checks,
    ]


def _doctor_checks(data_dir: Path) -> list[tuple[str, Value]]:
    """The free disk first, then the doctor's checks that make sense in a running kiosk: not
    the configuration and speech (the kiosk started with them), not the database (above)."""
    from kiosk.system import doctor, qt_libraries  # noqa: PLC0415 -- doctor imports QT_TRANSLATE_NOOP

    checks = [
        doctor.check_disk(data_dir),
        # ldd on the Qt plugins, ~0.2 s: once per process (libraries do not change under it).
        *doctor.check_machine(qt_libraries.pyside_folder(), os.environ, shipped("assets")),
        doctor.check_data_folder(data_dir),
        doctor.check_key(data_dir, os.environ)[1],
        doctor.check_watchdog(),
        doctor.check_clock(),
    ]
    return [
        (check.name, Verbatim(f"{'✓' if check.ok else '✗'} {check.finding}"))
        for check in doctor.summary(checks)
    ]


def read_aloud_fact(configured: str, engine: str, off_reason: str) -> tuple[str, Value]:
    """Read aloud as the running kiosk has it: on with which engine, or off and why."""
    label = QT_TRANSLATE_NOOP("Diagnostics", "Read aloud")
    if configured == "none":
        return label, QT_TRANSLATE_NOOP("Diagnostics", "off by configuration")
    if engine:
        return label, Verbatim(f"✓ on: {engine}")
    if off_reason:
        return label, Verbatim(f"✗ off: {off_reason}")
    return label, QT_TRANSLATE_NOOP("Diagnostics", "starting")


def pings_fact(interval_ms: int) -> tuple[str, Value]:
    """Whether this kiosk tells systemd's watchdog it is alive, and how often."""
    label = QT_TRANSLATE_NOOP("Diagnostics", "Signs of life to systemd")
    if interval_ms <= 0:
        return label, QT_TRANSLATE_NOOP("Diagnostics", "off (not started by systemd)")
    return label, Verbatim(f"✓ every {interval_ms / 1000:g} s")


def _database(db: Database | None) -> list[tuple[str, Value]]:
    database = QT_TRANSLATE_NOOP("Diagnostics", "Database")
    if db is None:
        return [(database, QT_TRANSLATE_NOOP("Diagnostics", "not open"))]
    try:
        healthy = db.integrity_ok()
        last = db.read("SELECT max(created_at) FROM requests")[0][0]
    except StorageError as exc:
        return [(database, Verbatim(f"error: {exc.kind}"))]
    saved: Value = (
        dt.datetime.fromisoformat(last).astimezone()
        if last
        else QT_TRANSLATE_NOOP("Diagnostics", "none yet")
    )
    ok = QT_TRANSLATE_NOOP("Diagnostics", "ok")
    damaged = QT_TRANSLATE_NOOP("Diagnostics", "DAMAGED")
    state = ok if healthy else damaged
    return [(database, state), (QT_TRANSLATE_NOOP("Diagnostics", "Last request saved"), saved)]


SYNC = QT_TRANSLATE_NOOP("Diagnostics", "Sync")
# Why sync fails, by kind (kiosk.central.problems.Problem; the system layer cannot import it):
# never the server's message, which may name the host, or quote a row.
NO_PASSWORD = QT_TRANSLATE_NOOP("Diagnostics", "no password for the central store")
WRONG_PASSWORD = QT_TRANSLATE_NOOP("Diagnostics", "the central store refused the password")
REFUSED = QT_TRANSLATE_NOOP("Diagnostics", "the central store does not know this kiosk")
TLS = QT_TRANSLATE_NOOP("Diagnostics", "the central store's certificate was not accepted")
UNREACHABLE = QT_TRANSLATE_NOOP("Diagnostics", "cannot reach the central store (network?)")
NOT_ALLOWED = QT_TRANSLATE_NOOP("Diagnostics", "this kiosk may not send to the central store")
NOT_MIGRATED = QT_TRANSLATE_NOOP("Diagnostics", "the central store is not set up yet")
CENTRAL = QT_TRANSLATE_NOOP("Diagnostics", "the central store refused the requests")
LOCAL = QT_TRANSLATE_NOOP("Diagnostics", "this kiosk's own database failed")
PROBLEM_WORDS = {
    "no_password": NO_PASSWORD,
    "wrong_password": WRONG_PASSWORD,
    "refused": REFUSED,
    "tls": TLS,
    "unreachable": UNREACHABLE,
    "not_allowed": NOT_ALLOWED,
    "not_migrated": NOT_MIGRATED,
    "central": CENTRAL,
    "local": LOCAL,
}
UNKNOWN_PROBLEM = QT_TRANSLATE_NOOP("Diagnostics", "an unknown problem: see the sync log")


SYNC_OK = QT_TRANSLATE_NOOP("Diagnostics", "✓ on: requests go to the front desk")
SYNC_FAILING = QT_TRANSLATE_NOOP("Diagnostics", "✗ not working: requests wait here")
SYNC_STOPPED = QT_TRANSLATE_NOOP("Diagnostics", "✗ stopped: no news from the sync service")
SYNC_NOT_RUN = QT_TRANSLATE_NOOP("Diagnostics", "✗ on, but the sync service never ran: is it on?")


def problem_words(kind: str) -> str:
    """Why sync fails, in English words marked for translation."""
    return PROBLEM_WORDS.get(kind, UNKNOWN_PROBLEM)


def sync_facts(
    sync: SyncConfig | None, data_dir: Path, db: Database | None, now: dt.datetime
) -> list[tuple[str, Value]]:
    """Whether requests go to the front desk: off, or on and how it goes, from the file
    `kiosk sync` writes after every pass (kiosk.storage.sync_status); the requests waiting are
    counted in the database when it is open (the file's count may be old)."""
    if sync is None:
        return [(SYNC, QT_TRANSLATE_NOOP("Diagnostics", "off (this kiosk works alone)"))]
    status = read_status(data_dir)
    state = state_of(status, now, sync.interval_seconds)
    said = {
        State.OK: SYNC_OK,
        State.FAILING: SYNC_FAILING,
        State.STOPPED: SYNC_STOPPED,
        State.NOT_RUN: SYNC_NOT_RUN,
    }[state]
    rows: list[tuple[str, Value]] = [(SYNC, said)]
    if status is not None and state is State.FAILING:
        rows.append(
            (QT_TRANSLATE_NOOP("Diagnostics", "Sync problem"), problem_words(status.problem))
        )
        if status.failing_since is not None:
            since = status.failing_since.astimezone()
            rows.append((QT_TRANSLATE_NOOP("Diagnostics", "Sync failing since"), since))
    if status is not None and state is State.STOPPED:
        rows.append(
            (QT_TRANSLATE_NOOP("Diagnostics", "Sync last reported"), status.updated.astimezone())
        )
    if status is not None:
        sent: Value = (
            status.last_success.astimezone()
            if status.last_success
            else QT_TRANSLATE_NOOP("Diagnostics", "not yet")
        )
        rows.append((QT_TRANSLATE_NOOP("Diagnostics", "Last sent to the front desk"), sent))
    waiting = _waiting(db, status)
    if waiting is not None:
        rows.append((QT_TRANSLATE_NOOP("Diagnostics", "Requests waiting to send"), waiting))
    return rows


def _waiting(db: Database | None, status: SyncStatus | None) -> int | None:
    if db is not None:
        try:
            return outbox.pending(db)
        except StorageError:
            pass
    return status.pending if status is not None and status.pending >= 0 else None


def _set_aside(data_dir: Path) -> list[tuple[str, Value]]:
    """Damaged databases the kiosk moved aside: requests saved before may be in them (IT)."""
    label = QT_TRANSLATE_NOOP("Diagnostics", "Damaged database set aside")
    return [(label, Verbatim(f"✗ {copy.name}")) for copy in set_aside_copies(data_dir)]


def log_tail(data_dir: Path, lines: int = LOG_LINES) -> list[str]:
    """The last lines of the kiosk's log (which never holds patient data)."""
    try:
        text = (data_dir / LOG_DIR / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()[-lines:]
