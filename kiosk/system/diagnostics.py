"""The Checks tab's facts: whether requests are kept and sent, whether the kiosk itself is well,
in words a front-desk worker or the clinic's IT person reads at a glance, grouped, each line OK,
a problem, or a note (kiosk.system.fact_lines). No patient data, no file path: where files are
and the details are for IT in `kiosk doctor`, which the tab names.

Words are English, marked with `QT_TRANSLATE_NOOP` so `pyside6-lupdate` collects them; the staff
view translates them and formats times, sizes and numbers for the kiosk's language."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from kiosk.core.clock import utc_now
from kiosk.core.config import SyncConfig
from kiosk.storage import outbox
from kiosk.storage.database import Database, StorageError, set_aside_copies
from kiosk.storage.sync_status import State, read_status, state_of
from kiosk.system.fact_lines import (
    ASK_IT,
    OK,
    QT_TRANSLATE_NOOP,
    Group,
    Line,
    Mark,
    Size,
    Value,
    Words,
    words,
)
from kiosk.system.kiosk_lines import Running, kiosk_lines, read_aloud_line

# What the running kiosk and `kiosk doctor` take from here.
__all__ = ["QT_TRANSLATE_NOOP", "SYNC", "Running", "facts", "problem_words", "read_aloud_line"]


def facts(
    data_dir: Path,
    db: Database | None,
    running: Running = Running(),  # noqa: B008 -- a NamedTuple: immutable
    *,
    sync: SyncConfig | None = None,
    now: dt.datetime | None = None,
    min_free_bytes: int | None = None,
) -> list[Group]:
    """The groups in the order staff read them: the requests (kept here, sent to the front
    desk), then the kiosk itself. `min_free_bytes`: less free disk is a problem (doctor's)."""
    from kiosk.system import doctor  # noqa: PLC0415 -- doctor imports this module

    moment = now or utc_now()
    minimum = doctor.MIN_FREE_BYTES if min_free_bytes is None else min_free_bytes
    installed = [
        doctor.check_data_folder(data_dir).ok,
        doctor.check_key(data_dir, os.environ)[1].ok,
    ]
    requests = [
        saved_line(db, _free_bytes(data_dir), minimum, installed=all(installed)),
        *_set_aside(data_dir),
        sync_line(sync, data_dir, db, moment),
    ]
    return [
        Group(QT_TRANSLATE_NOOP("Diagnostics", "Requests"), tuple(requests)),
        Group(
            QT_TRANSLATE_NOOP("Diagnostics", "This kiosk"),
            tuple(kiosk_lines(data_dir, running, moment)),
        ),
    ]


# -- the requests -------------------------------------------------------------------------------

SAVED = QT_TRANSLATE_NOOP("Diagnostics", "Saved requests")
# A StorageError's kind (kiosk.storage.database.Problem), in words.
STORAGE_WORDS = {
    "key": QT_TRANSLATE_NOOP("Diagnostics", "the key that locks them is missing or wrong"),
    "corrupt": QT_TRANSLATE_NOOP("Diagnostics", "the database is damaged"),
    "unwritable": QT_TRANSLATE_NOOP("Diagnostics", "the database cannot be written"),
    "full": QT_TRANSLATE_NOOP("Diagnostics", "the disk is full"),
    "locked": QT_TRANSLATE_NOOP("Diagnostics", "the database is busy: try again in a minute"),
}
NOT_OPEN = QT_TRANSLATE_NOOP("Diagnostics", "the database cannot be opened")
NOT_INSTALLED = QT_TRANSLATE_NOOP("Diagnostics", "the data folder or its key is not set up right")


def saved_line(db: Database | None, free: int | None, minimum: int, *, installed: bool) -> Line:
    """Whether requests are kept safely here: the database, the disk under it, the folder and
    the key (`installed`: doctor's checks of those pass)."""
    problems: list[Value] = []
    last: Value = QT_TRANSLATE_NOOP("Diagnostics", "none saved yet")
    if db is None:
        problems.append(NOT_OPEN)
    else:
        try:
            healthy = db.integrity_ok()
            newest = db.read("SELECT max(created_at) FROM requests")[0][0]
        except StorageError as exc:
            problems.append(STORAGE_WORDS.get(exc.kind, NOT_OPEN))
        else:
            if not healthy:
                problems.append(STORAGE_WORDS["corrupt"])
            if newest:
                stamp = dt.datetime.fromisoformat(newest)
                last = words(QT_TRANSLATE_NOOP("Diagnostics", "last one saved {time}"), time=stamp)
    if free is not None and free < minimum:
        problems.append(
            words(
                QT_TRANSLATE_NOOP("Diagnostics", "the disk is nearly full: {free} free"),
                free=Size(free),
            )
        )
    if not installed:
        problems.append(NOT_INSTALLED)
    if problems:
        return Line(SAVED, Mark.PROBLEM, (*problems, ASK_IT))
    room = (
        ()
        if free is None
        else (words(QT_TRANSLATE_NOOP("Diagnostics", "{free} free"), free=Size(free)),)
    )
    return Line(SAVED, Mark.OK, (OK, last, *room))


def _free_bytes(data_dir: Path) -> int | None:
    try:
        return shutil.disk_usage(data_dir).free
    except OSError:
        return None  # no folder, no disk to measure: the line says why the requests are not kept


def _set_aside(data_dir: Path) -> list[Line]:
    """Damaged databases the kiosk moved aside: requests saved before may be in them (IT)."""
    copies = len(set_aside_copies(data_dir))
    if not copies:
        return []
    return [
        Line(
            QT_TRANSLATE_NOOP("Diagnostics", "Damaged database set aside"),
            Mark.PROBLEM,
            (
                words(QT_TRANSLATE_NOOP("Diagnostics", "copies kept: {n}"), n=copies),
                QT_TRANSLATE_NOOP("Diagnostics", "requests saved before may be in them"),
                ASK_IT,
            ),
        )
    ]


SYNC = QT_TRANSLATE_NOOP("Diagnostics", "Sync")  # doctor's line
SENDING = QT_TRANSLATE_NOOP("Diagnostics", "Sending to the front desk")
# Why sync fails, by kind (kiosk.central.problems.Problem; the system layer cannot import it):
# never the server's message, which may name the host, or quote a row. For doctor (IT's words).
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
# The same, for the staff screen: the server as staff know it.
SERVER_WORDS = {
    "no_password": QT_TRANSLATE_NOOP("Diagnostics", "no password for the clinic's server"),
    "wrong_password": QT_TRANSLATE_NOOP("Diagnostics", "the clinic's server refused the password"),
    "refused": QT_TRANSLATE_NOOP("Diagnostics", "the clinic's server does not know this kiosk"),
    "tls": QT_TRANSLATE_NOOP("Diagnostics", "the clinic's server's certificate is not trusted"),
    "unreachable": QT_TRANSLATE_NOOP("Diagnostics", "the clinic's server cannot be reached"),
    "not_allowed": QT_TRANSLATE_NOOP("Diagnostics", "the clinic's server does not allow it"),
    "not_migrated": QT_TRANSLATE_NOOP("Diagnostics", "the clinic's server is not set up yet"),
    "central": QT_TRANSLATE_NOOP("Diagnostics", "the clinic's server refused the requests"),
    "local": LOCAL,
}
STOPPED = QT_TRANSLATE_NOOP("Diagnostics", "no news from the sending service since {time}")
SERVER_UNKNOWN = QT_TRANSLATE_NOOP("Diagnostics", "something unexpected went wrong")


def problem_words(kind: str) -> str:
    """Why sync fails, in IT's English words (`kiosk doctor`)."""
    return PROBLEM_WORDS.get(kind, UNKNOWN_PROBLEM)


def sync_line(
    sync: SyncConfig | None, data_dir: Path, db: Database | None, now: dt.datetime
) -> Line:
    """Whether requests go to the front desk: off, or on and how it goes, from the file
    `kiosk sync` writes after every pass (kiosk.storage.sync_status); the requests waiting are
    counted in the database when it is open (the file's count may be old)."""
    if sync is None:
        off = QT_TRANSLATE_NOOP("Diagnostics", "off: this kiosk keeps its requests")
        return Line(SENDING, Mark.NOTE, (off,))
    status = read_status(data_dir)
    state = state_of(status, now, sync.interval_seconds)
    if status is None or state is State.NOT_RUN:
        never = QT_TRANSLATE_NOOP("Diagnostics", "the sending service has never run here")
        return Line(SENDING, Mark.PROBLEM, (never, ASK_IT))
    waiting = _waiting(db, status.pending)
    if status.last_success is None:
        sent: Value = QT_TRANSLATE_NOOP("Diagnostics", "nothing sent yet")
    elif state is State.OK:
        sent = _ago(
            QT_TRANSLATE_NOOP("Diagnostics", "last sent {time} ({ago} ago)"),
            status.last_success,
            now,
        )
    else:
        sent = _ago(
            QT_TRANSLATE_NOOP("Diagnostics", "not since {time} ({ago})"), status.last_success, now
        )
    said: list[Value] = [OK, sent] if state is State.OK else [sent]
    if state is not State.OK:
        why: Value = SERVER_WORDS.get(status.problem, SERVER_UNKNOWN)
        if state is State.STOPPED:
            why = _ago(STOPPED, status.updated, now)
        said = [words(QT_TRANSLATE_NOOP("Diagnostics", "{when} — {why}"), when=sent, why=why)]
    if waiting:
        said.append(
            words(QT_TRANSLATE_NOOP("Diagnostics", "requests waiting here: {n}"), n=waiting)
        )
    return Line(SENDING, Mark.OK if state is State.OK else Mark.PROBLEM, tuple(said))


def _ago(text: str, moment: dt.datetime, now: dt.datetime) -> Words:
    """`text` with the moment ({time}) and how long ago it was ({ago})."""
    return words(text, time=moment, ago=max(now - moment, dt.timedelta(0)))


def _waiting(db: Database | None, counted: int) -> int:
    if db is not None:
        try:
            return outbox.pending(db)
        except StorageError:
            pass
    return max(counted, 0)
