"""The kiosk's one database: SQLCipher (encrypted SQLite) in the data folder.

It holds the callback requests and, later, staff, audit and usage records. Every write is one
explicit `BEGIN IMMEDIATE` transaction on a WAL database with `synchronous=FULL`, so what a
patient was told is saved survives a power cut. The schema is `kiosk/sql/NNN_*.sql`, applied by
`PRAGMA user_version`. Errors become `StorageError` with a `kind` staff and views can act on;
their messages never hold patient data.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import sqlcipher3

from kiosk.keys import KeyUnavailableError, fingerprint, load_key

log = logging.getLogger(__name__)

DATABASE = "requests.db"
_SIDE_FILES = ("-wal", "-shm")


class StorageError(Exception):
    """A save or read failed. `kind` is one of: key, corrupt, unwritable, full, locked."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Database:
    """One open connection, with transactions and errors handled in one place."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self.recovered_from: Path | None = None
        self._key = key
        self._db = self._open()

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Open (or create) the database in `data_dir`; raises StorageError for staff to read."""
        path = data_dir / DATABASE
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            key = load_key(data_dir, path)
        except KeyUnavailableError as exc:
            raise StorageError("key", str(exc)) from None
        except OSError as exc:
            reason = f"cannot use the data folder ({exc.strerror})"
            raise StorageError("unwritable", reason) from None
        return cls(path, key)

    def write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        """Run `sql` once per row, all in one transaction that is on disk when this returns."""
        self._write(sql, rows)

    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[Any]:
        return self._read(sql, args)

    def integrity_ok(self) -> bool:
        return bool(self._read("PRAGMA integrity_check", ())[0][0] == "ok")

    def close(self) -> None:
        self._db.close()

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
