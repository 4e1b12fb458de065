"""The front desk's side of the central store, no Qt: the requests from every kiosk (filtered by
kiosk, status and the clinic's day), marking one called or done, the fleet of kiosks, the live
notice of new requests, and staff signing in with their own PIN.

The desk logs in as a member of the `desk` group (kiosk/central/sql/0001_schema.sql): it reads
requests and changes only their status. Staff accounts, the wait after wrong PINs and the audit
log live in the store's `staff` schema (0003_desk_staff.sql) with the same rules as on a single
kiosk (kiosk/storage/accounts.py). Every time that decides something (silent for how long, how
long to wait) is the server's clock, so a desk PC with a wrong clock cannot shorten a wait or
hide a silent kiosk. Nothing here logs or raises with a patient's name, phone number or note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

import psycopg
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from psycopg.rows import TupleRow

from kiosk.central.problems import SyncError, while_connecting, while_pushing
from kiosk.core.callback_form import Phone
from kiosk.storage.accounts import (
    SignInResult,
    checked_account,
    is_pin,
    pin_hasher,
    wait_after,
)
from kiosk.storage.export import write_csv, write_new, write_xlsx
from kiosk.storage.requests import StoredRequest

Connection = psycopg.Connection[TupleRow]
# What a call on the store raises when the server refuses or the connection is lost: the desk's
# Qt side catches it by this name, and never imports psycopg itself.
DatabaseError = psycopg.Error
CHANNEL = "new_requests"
SILENT_AFTER = dt.timedelta(minutes=10)  # a kiosk not heard from for longer is a problem
LOW_DISK_BYTES = 1_000_000_000  # under 1 GB free, a kiosk's outbox may soon fail to save
MAX_LISTED = 500  # one screen of cards; the rest are in an export
CONNECT_TIMEOUT = 5  # seconds: the desk says "cannot reach" rather than hang on a dead host
_AUDIT_DETAIL = 300


class Status(StrEnum):
    """Where a request is at the desk (requests.status in the central store)."""

    NEW = "new"
    CALLED = "called"
    DONE = "done"


class RequestFilter(NamedTuple):
    """Which requests to list. `day` is a date in the clinic's time zone `tz`; None: any."""

    kiosk: str | None = None
    status: Status | None = Status.NEW
    day: dt.date | None = None
    tz: dt.tzinfo = dt.UTC


class DeskRequest(NamedTuple):
    """One request as the desk shows it: as the kiosk saved it (its status one of Status),
    which kiosk sent it, and who changed its status when."""

    request: StoredRequest
    kiosk_id: str
    status_changed_at: dt.datetime | None
    status_changed_by: str

    @property
    def id(self) -> str:
        return self.request.id

    @property
    def status(self) -> Status:
        return Status(self.request.status)


class KioskState(NamedTuple):
    """A kiosk's last heartbeat, and how long ago the server received it."""

    kiosk_id: str
    last_heard: dt.datetime
    silent_for: dt.timedelta
    version: str
    last_sync_at: dt.datetime | None
    pending: int
    free_disk_bytes: int
    crash_count: int

    @property
    def silent(self) -> bool:
        return self.silent_for > SILENT_AFTER

    @property
    def low_disk(self) -> bool:
        return self.free_disk_bytes < LOW_DISK_BYTES


class AuditEntry(NamedTuple):
    at: dt.datetime
    desk: str
    staff: str
    action: str
    detail: str


def connect(dsn: str, password: str | None = None, *, autocommit: bool = False) -> Connection:
    """A connection as the desk; SyncError (kind and words for IT) when it cannot be made.

    `password` None: libpq finds it (~/.pgpass, $PGPASSWORD) or the server needs none.
    """
    extra: dict[str, Any] = {"password": password} if password is not None else {}
    try:
        return psycopg.connect(dsn, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT, **extra)
    except psycopg.Error as exc:
        raise while_connecting(exc) from None


def failure(exc: psycopg.Error) -> SyncError:
    """A failed statement as a kind and words for IT, never the server's text (it may quote a
    row, that is, a patient)."""
    return while_pushing(exc)


_REQUEST_COLUMNS = (
    "id::text, kiosk_id, reference, created_at, first_name, last_name, phone_e164,"
    " phone_extension, days, periods, topic, note, language, consent_text, consent_version,"
    " status, status_changed_at, coalesce(status_changed_by, '')"
)


class DeskStore:
    """The desk's reads and writes on one connection (not autocommit: each call is its own
    transaction, committed before it returns)."""

    def __init__(self, conn: Connection, *, hasher: PasswordHasher | None = None) -> None:
        self._conn = conn
        self._hasher = hasher or pin_hasher()

    @property
    def connection(self) -> Connection:
        return self._conn

    def close(self) -> None:
        self._conn.close()

    # -- requests ------------------------------------------------------------------------------

    def requests(self, which: RequestFilter, *, limit: int = MAX_LISTED) -> list[DeskRequest]:
        """The requests `which` selects, newest first (a new one comes in at the top)."""
        where, args = _where(which)
        with self._conn.transaction():
            rows = self._conn.execute(
                f"SELECT {_REQUEST_COLUMNS} FROM requests {where}"  # noqa: S608 -- fixed text
                " ORDER BY created_at DESC, reference DESC LIMIT %s",
                [*args, limit],
            ).fetchall()
        return [_request(row) for row in rows]

    def for_export(self, which: RequestFilter) -> list[DeskRequest]:
        """Every request `which` selects, oldest first, as a file lists them: in the order they
        came in, whichever kiosk they came from."""
        where, args = _where(which)
        with self._conn.transaction():
            rows = self._conn.execute(
                f"SELECT {_REQUEST_COLUMNS} FROM requests {where}"  # noqa: S608 -- fixed text
                " ORDER BY created_at, kiosk_id, reference",
                args,
            ).fetchall()
        return [_request(row) for row in rows]

    def export(
        self, which: RequestFilter, folder: Path, kind: str, staff: str, now: dt.datetime
    ) -> tuple[Path, int]:
        """Write what `which` selects to a new file in `folder` with the kiosk's own writers
        (CSV safe to open in Excel, or XLSX; never over a file already there), and audit it.
        Returns the file and how many requests it holds; ExportError when it cannot."""
        requests = [desk.request for desk in self.for_export(which)]
        writer = write_xlsx if kind == "xlsx" else write_csv
        stamp = now.astimezone(which.tz).strftime("%Y-%m-%d-%H%M%S")
        path, count = write_new(
            folder,
            f"callback-requests-{stamp}.{kind}",
            lambda target: writer(requests, target, which.tz),
        )
        self.record(staff, "export", f"{count} requests to {path.name}")
        return path, count

    def counts(self) -> dict[Status, int]:
        """How many requests are in each status, every kiosk and day."""
        with self._conn.transaction():
            rows = self._conn.execute(
                "SELECT status, count(*) FROM requests GROUP BY status"
            ).fetchall()
        found = {Status(str(status)): int(count) for status, count in rows}
        return {status: found.get(status, 0) for status in Status}

    def kiosk_ids(self) -> list[str]:
        """Every kiosk that has sent a request or a heartbeat."""
        with self._conn.transaction():
            rows = self._conn.execute(
                "SELECT kiosk_id FROM fleet UNION SELECT DISTINCT kiosk_id FROM requests ORDER BY 1"
            ).fetchall()
        return [str(row[0]) for row in rows]

    def mark(self, request_id: str, status: Status, staff: str) -> bool:
        """Set a request's status, saying who and when (the server's clock), and audit it in the
        same transaction; False if there is no such request."""
        with self._conn.transaction():
            row = self._conn.execute(
                "UPDATE requests SET status = %s, status_changed_at = now(),"
                " status_changed_by = %s WHERE id = %s::uuid"
                " RETURNING kiosk_id, reference",
                (status.value, staff, request_id),
            ).fetchone()
            if row is None:
                return False
            self._record(staff, f"mark_{status.value}", f"{row[1]} from kiosk {row[0]}")
        return True

    def purge_done(self, days: int, staff: str) -> int:
        """Delete the requests marked done more than `days` days ago (the server's clock);
        audited in the same transaction. Returns how many went."""
        with self._conn.transaction():
            row = self._conn.execute("SELECT staff.purge_done(%s, %s)", (days, staff)).fetchone()
        return int(row[0]) if row else 0

    def daily_prune(self, staff: str) -> int:
        """The store's daily tidying (heartbeats past a week but each kiosk's last, usage rows
        a larger count has replaced); audited. Returns how many rows went."""
        with self._conn.transaction():
            row = self._conn.execute("SELECT staff.daily_prune(%s)", (staff,)).fetchone()
        return int(row[0]) if row else 0

    # -- the fleet -----------------------------------------------------------------------------

    def fleet(self) -> list[KioskState]:
        """Each kiosk's last heartbeat, with how long ago the server heard it (its own clock)."""
        with self._conn.transaction():
            rows = self._conn.execute(
                "SELECT kiosk_id, received_at, clock_timestamp() - received_at, version,"
                " last_sync_at, pending, free_disk_bytes, crash_count FROM fleet"
                " ORDER BY kiosk_id"
            ).fetchall()
        return [KioskState(*row) for row in rows]

    # -- staff ---------------------------------------------------------------------------------

    def sign_in(self, pin: str) -> SignInResult:
        """Check `pin` against every staff account, unless the wait after wrong PINs runs.

        As on a kiosk (kiosk/storage/accounts.py): a try during the wait is refused unchecked
        and adds nothing; a try that may go ahead is counted as wrong first (the counter's row
        locked, so tries from two desks at once take turns) and the count is cleared only when
        the PIN is right. The argon2 work happens after that commit, holding no lock.
        """
        with self._conn.transaction():
            failures, elapsed = self._conn.execute(
                "SELECT count, extract(epoch FROM clock_timestamp() - last_failure_at)"
                " FROM staff.signin_failures WHERE id = 1 FOR UPDATE"
            ).fetchone() or (0, None)
            wait = _wait_left(int(failures), elapsed)
            if wait > 0:
                return SignInResult(ok=False, wait_seconds=wait, failures_before=int(failures))
            self._conn.execute(
                "UPDATE staff.signin_failures SET count = count + 1,"
                " last_failure_at = clock_timestamp() WHERE id = 1"
            )
        failures = int(failures) + 1
        name = self._match(pin) if is_pin(pin) else None
        with self._conn.transaction():
            if name is None:
                self._record("", "sign_in_failed", f"attempt {failures}")
                return SignInResult(ok=False, wait_seconds=wait_after(failures))
            self._conn.execute(
                "UPDATE staff.signin_failures SET count = 0, last_failure_at = NULL WHERE id = 1"
            )
            before = failures - 1
            self._record(name, "sign_in", f"after {before} wrong PINs" if before else "")
        return SignInResult(ok=True, name=name, failures_before=before)

    def retry_after(self) -> float:
        """Seconds until a PIN may be tried again; 0 when it may."""
        with self._conn.transaction():
            failures, elapsed = self._conn.execute(
                "SELECT count, extract(epoch FROM clock_timestamp() - last_failure_at)"
                " FROM staff.signin_failures WHERE id = 1"
            ).fetchone() or (0, None)
        return _wait_left(int(failures), elapsed)

    def record(self, staff: str, action: str, detail: str = "") -> None:
        """Add one audit entry (counts, references, file names; never patient data)."""
        with self._conn.transaction():
            self._record(staff, action, detail)

    def audit(self, limit: int = 100) -> list[AuditEntry]:
        """The newest entries, newest first."""
        with self._conn.transaction():
            rows = self._conn.execute(
                "SELECT at, desk, staff, action, detail FROM staff.audit ORDER BY id DESC LIMIT %s",
                (limit,),
            ).fetchall()
        return [AuditEntry(*row) for row in rows]

    def _record(self, staff: str, action: str, detail: str) -> None:
        line = " ".join(detail.split())
        if len(line) > _AUDIT_DETAIL:
            line = line[: _AUDIT_DETAIL - 1] + "…"
        self._conn.execute(
            "INSERT INTO staff.audit (staff, action, detail) VALUES (%s, %s, %s)",
            (staff, action, line),
        )

    def _match(self, pin: str) -> str | None:
        """The staff member whose PIN this is; re-hashes a hash made with older settings."""
        with self._conn.transaction():
            accounts = self._conn.execute(
                "SELECT name, pin_hash FROM staff.accounts ORDER BY name"
            ).fetchall()
        for name, pin_hash in accounts:
            try:
                self._hasher.verify(str(pin_hash), pin)
            except (VerificationError, InvalidHashError):
                continue
            if self._hasher.check_needs_rehash(str(pin_hash)):
                with self._conn.transaction():
                    self._conn.execute(
                        "UPDATE staff.accounts SET pin_hash = %s WHERE name = %s",
                        (self._hasher.hash(pin), name),
                    )
            return str(name)
        return None


class Listener:
    """A connection LISTENing for new requests; wait for its socket (`fileno`) to be readable,
    then `drain()`. A notice carries nothing: the desk reads what is new with its own SELECT."""

    def __init__(self, conn: Connection) -> None:
        if not conn.autocommit:
            raise ValueError("a listening connection must be in autocommit")
        self._conn = conn
        conn.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self._conn.fileno()

    def drain(self) -> int:
        """How many notices have come in, without waiting; raises psycopg.Error when the
        connection is lost."""
        return sum(1 for _ in self._conn.notifies(timeout=0))

    def close(self) -> None:
        self._conn.close()


def add_staff(conn: Connection, name: str, pin: str, *, weak_ok: bool = False) -> None:
    """Add a staff account (as the store's owner, `kiosk desk add-staff`); ValueError naming
    the rule, never the PIN, when it cannot be. The rules are the kiosk's."""
    name = checked_account(name, pin, weak_ok=weak_ok)
    store = DeskStore(conn)
    with conn.transaction():
        if conn.execute("SELECT 1 FROM staff.accounts WHERE name = %s", (name,)).fetchone():
            raise ValueError(f"there is already a staff member called {name!r}")
    # The PIN alone says who signs in, so two people must never share one.
    if store._match(pin) is not None:
        raise ValueError("that PIN is already in use; choose another")
    with conn.transaction():
        conn.execute(
            "INSERT INTO staff.accounts (name, pin_hash) VALUES (%s, %s)",
            (name, pin_hasher().hash(pin)),
        )
        store._record("", "staff_added", name)


def day_bounds(day: dt.date, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of `day` in `tz` and of the next day: a day of 23 or 25 hours when the
    clocks change."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def conditions(
    equal: Mapping[str, object | None], time_column: str, day: dt.date | None, tz: dt.tzinfo
) -> tuple[list[str], list[object]]:
    """SQL conditions and their values: each column of `equal` (names fixed in our code) equal
    to its value unless that is None, and `time_column` within the clinic's `day` if given."""
    clauses = [f"{column} = %s" for column, value in equal.items() if value is not None]
    args: list[object] = [value for value in equal.values() if value is not None]
    if day is not None:
        clauses.append(f"{time_column} >= %s AND {time_column} < %s")
        args.extend(day_bounds(day, tz))
    return clauses, args


def _where(which: RequestFilter) -> tuple[str, list[object]]:
    status = which.status.value if which.status is not None else None
    clauses, args = conditions(
        {"kiosk_id": which.kiosk, "status": status}, "created_at", which.day, which.tz
    )
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), args


def _request(row: Sequence[Any]) -> DeskRequest:
    """A row of _REQUEST_COLUMNS."""
    e164, extension = row[6], row[7]
    request = StoredRequest(
        id=row[0],
        reference=row[2],
        created_at=row[3],
        status=Status(row[15]).value,
        first_name=row[4],
        last_name=row[5],
        phone=Phone(e164, _national(e164), extension),
        days=_codes(row[8]),
        periods=_codes(row[9]),
        topic=row[10],
        note=row[11],
        language=row[12],
        consent_text=row[13],
        consent_version=row[14],
    )
    return DeskRequest(request, row[1], row[16], row[17])


def _codes(kept: str | Sequence[str]) -> tuple[str, ...]:
    """ "mon,wed" as the kiosk keeps days and times of day (or a store migrated before they
    were kept so, an array) -> ("mon", "wed")."""
    codes = kept.split(",") if isinstance(kept, str) else kept
    return tuple(code for code in codes if code)


def _national(e164: str) -> str:
    """`(201) 555-0123` for `+12015550123`; the number as sent when it cannot be read."""
    import phonenumbers  # noqa: PLC0415 -- as kiosk.storage.requests: only when listing

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


def _wait_left(failures: int, elapsed: object) -> float:
    """Seconds still to wait; a server clock set back counts from now, never longer."""
    if elapsed is None:
        return 0.0
    full = wait_after(failures)
    return min(full, max(0.0, full - float(elapsed)))  # type: ignore[arg-type]
