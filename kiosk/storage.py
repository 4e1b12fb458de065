"""Callback requests kept durably and encrypted: SQLCipher (SQLite) in the data folder.

Every write is one explicit `BEGIN IMMEDIATE` transaction on a WAL database with
`synchronous=FULL`, so a request confirmed on screen survives a power cut. The whole file and
its WAL are encrypted with a 32-byte key (kiosk/keys.py). Errors become `StorageError` with a
`kind` staff and the view can act on; their messages never hold patient data.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import sqlcipher3

from kiosk.callback import CallbackRequest, Phone
from kiosk.keys import KeyUnavailableError, fingerprint, load_key

log = logging.getLogger(__name__)

DATABASE = "requests.db"
STATUSES = ("new", "exported", "done")
_SIDE_FILES = ("-wal", "-shm")


class StorageError(Exception):
    """A save or read failed. `kind` is one of: key, corrupt, unwritable, full, locked."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class StoredRequest(NamedTuple):
    """A request as it was saved."""

    id: str
    reference: str
    created_at: dt.datetime
    status: str
    first_name: str
    last_name: str
    phone: Phone
    days: tuple[str, ...]
    periods: tuple[str, ...]
    topic: str
    note: str
    language: str
    consent_text: str
    consent_version: str


class RequestStore:
    """The requests database, opened once at start-up and handed to whoever needs it."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self.recovered_from: Path | None = None
        self._key = key
        self._db = self._open()

    @classmethod
    def open(cls, data_dir: Path) -> RequestStore:
        """Open (or create) the store in `data_dir`; raises StorageError for staff to read."""
        path = data_dir / DATABASE
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            key = load_key(data_dir, path)
        except KeyUnavailableError as exc:
            raise StorageError("key", str(exc)) from None
        except OSError as exc:
            raise StorageError(
                "unwritable", f"cannot use the data folder ({exc.strerror})"
            ) from None
        return cls(path, key)

    # -- writing -------------------------------------------------------------------------------

    def save(
        self,
        request: CallbackRequest,
        *,
        reference: str,
        consent_text: str,
        consent_version: str,
        now: dt.datetime | None = None,
    ) -> StoredRequest:
        """Write one request; returns only after the commit is on disk."""
        created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        row = StoredRequest(
            id=str(uuid.uuid4()),
            reference=reference,
            created_at=created,
            status="new",
            first_name=request.first_name,
            last_name=request.last_name,
            phone=request.phone,
            days=tuple(request.days),
            periods=tuple(request.periods),
            topic=request.topic,
            note=request.note,
            language=request.language,
            consent_text=consent_text,
            consent_version=consent_version,
        )
        self._write(
            "INSERT INTO requests (id, reference, created_at, status, first_name, last_name,"
            " phone_e164, phone_extension, days, periods, topic, note, language, consent_text,"
            " consent_version) VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    row.id,
                    row.reference,
                    created.isoformat(),
                    row.first_name,
                    row.last_name,
                    row.phone.e164,
                    row.phone.extension,
                    ",".join(row.days),
                    ",".join(row.periods),
                    row.topic,
                    row.note,
                    row.language,
                    consent_text,
                    consent_version,
                )
            ],
        )
        return row

    def set_status(self, ids: Iterable[str], status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        now = dt.datetime.now(dt.UTC).isoformat()
        self._write(
            "UPDATE requests SET status = ?, status_changed_at = ? WHERE id = ?",
            [(status, now, request_id) for request_id in ids],
        )

    # -- reading -------------------------------------------------------------------------------

    def get(self, request_id: str) -> StoredRequest | None:
        rows = self._read("SELECT * FROM requests WHERE id = ?", (request_id,))
        return _stored(rows[0]) if rows else None

    def requests(self, status: str | None = None) -> list[StoredRequest]:
        """Requests, oldest first; only those with `status` when given."""
        if status is None:
            rows = self._read("SELECT * FROM requests ORDER BY created_at", ())
        else:
            rows = self._read(
                "SELECT * FROM requests WHERE status = ? ORDER BY created_at", (status,)
            )
        return [_stored(row) for row in rows]

    def counts(self) -> dict[str, int]:
        found = dict(self._read("SELECT status, count(*) FROM requests GROUP BY status", ()))
        return {status: int(found.get(status, 0)) for status in STATUSES}

    def integrity_ok(self) -> bool:
        return bool(self._read("PRAGMA integrity_check", ())[0][0] == "ok")

    def close(self) -> None:
        self._db.close()

    # -- the connection ------------------------------------------------------------------------

    def _open(self) -> Any:
        fresh = not self.path.exists()
        check = self.path.with_name(self.path.name + ".keycheck")
        if not fresh and check.is_file() and check.read_text().strip() != fingerprint(self._key):
            raise StorageError(
                "key",
                "the database key does not match the database; restore "
                "the right key file (the database itself is untouched)",
            )
        try:
            db = self._connect()
        except sqlcipher3.DatabaseError as exc:
            if fresh or not check.is_file():
                raise _error(exc) from None
            # The key is the right one, so the file itself is damaged.
            self._move_aside()
            db = self._connect()
        if fresh:
            _write_atomically(check, fingerprint(self._key) + "\n")
        return db

    def _connect(self) -> Any:
        try:
            db = sqlcipher3.connect(str(self.path), isolation_level=None, timeout=5.0)
        except sqlcipher3.Error as exc:
            raise _error(exc) from None
        try:
            db.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
            db.execute("PRAGMA cipher_log_level = NONE")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlcipher3.DatabaseError("database disk image is malformed")
            db.execute("PRAGMA journal_mode = WAL")
            # NORMAL can lose the last commits on power loss; a confirmed request must not.
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            _migrate(db)
        except sqlcipher3.Error:
            db.close()
            raise
        return db

    def _move_aside(self) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", *_SIDE_FILES):
            source = self.path.with_name(self.path.name + suffix)
            if source.exists():
                source.rename(target.with_name(target.name + suffix))
        self.recovered_from = target
        log.error(
            "requests database was damaged; moved aside to %s and started afresh", target.name
        )

    def _write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(sql, rows)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlcipher3.Error as exc:
            raise _error(exc) from None

    def _read(self, sql: str, args: tuple[object, ...]) -> list[Any]:
        try:
            return list(self._db.execute(sql, args).fetchall())
        except sqlcipher3.Error as exc:
            raise _error(exc) from None


def _migrate(db: Any) -> None:
    """Apply every kiosk/sql/NNN_*.sql newer than the database's user_version."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    scripts = sorted(
        (int(entry.name.split("_", 1)[0]), entry)
        for entry in resources.files("kiosk").joinpath("sql").iterdir()
        if entry.name.endswith(".sql")
    )
    for number, script in scripts:
        if number <= version:
            continue
        sql = script.read_text(encoding="utf-8")
        try:
            # One transaction per migration: it applies whole or not at all.
            db.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version = {number};\nCOMMIT;")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise


def _stored(row: Sequence[Any]) -> StoredRequest:
    (
        id_,
        reference,
        created,
        status,
        _changed,
        first,
        last,
        e164,
        extension,
        days,
        periods,
        topic,
        note,
        language,
        consent_text,
        consent_version,
    ) = row
    return StoredRequest(
        id_,
        reference,
        dt.datetime.fromisoformat(created),
        status,
        first,
        last,
        Phone(e164, _national(e164), extension),
        _split(days),
        _split(periods),
        topic,
        note,
        language,
        consent_text,
        consent_version,
    )


def _national(e164: str) -> str:
    import phonenumbers  # noqa: PLC0415 -- loaded only when requests are read back

    number = phonenumbers.parse(e164, None)
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(",") if part)


def _error(exc: Exception) -> StorageError:
    """Name what went wrong in words staff can act on; SQLite's messages hold no values."""
    text = str(exc).lower()
    if "full" in text:
        return StorageError("full", "the disk is full")
    if "locked" in text or "busy" in text:
        return StorageError("locked", "the database is busy (locked by another program)")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError("unwritable", "the database cannot be written (read-only folder?)")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError("corrupt", "the database is damaged or the key is wrong")
    return StorageError("unwritable", f"the database failed: {type(exc).__name__}")


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="ascii")
    temporary.chmod(0o600)
    temporary.replace(path)
