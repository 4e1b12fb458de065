"""The kiosk's one database: SQLCipher (encrypted SQLite) in the data folder.

It holds the callback requests and, later, staff, audit and usage records. Every write is one
explicit `BEGIN IMMEDIATE` transaction on a WAL database with `synchronous=FULL`, so what a
patient was told is saved survives a power cut. The schema is `kiosk/storage/sql/NNN_*.sql`,
applied by `PRAGMA user_version`. Errors become `StorageError` with a `kind` staff and views can
act on; their messages never hold patient data.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import shutil
import threading
from collections.abc import Sequence
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

import sqlcipher3

from kiosk.storage.files import write_atomically
from kiosk.storage.keys import KeyUnavailableError, fingerprint, load_key

log = logging.getLogger(__name__)

DATABASE = "requests.db"
_SIDE_FILES = ("-wal", "-shm")
SET_ASIDE = ".corrupt-"
BUSY_WAIT = 5.0  # seconds
NEARLY_FULL = 256 * 1024  # bytes free: less, and a failed open is put down to a full disk


def set_aside_copies(data_dir: Path) -> list[Path]:
    """The damaged databases moved aside in `data_dir`, oldest first: each is the lasting record
    that requests saved before it may be in that file (IT must look; staff must be told)."""
    try:
        found = [
            entry
            for entry in data_dir.iterdir()
            if entry.name.startswith(DATABASE + SET_ASIDE) and not entry.name.endswith(_SIDE_FILES)
        ]
    except OSError:
        return []
    return sorted(found)


class Problem(StrEnum):
    """What kind of storage failure, for staff messages and the log (never patient data)."""

    KEY = "key"  # the key file is missing, unreadable or not this database's
    CORRUPT = "corrupt"
    UNWRITABLE = "unwritable"  # a read-only folder or file, or a failing disk
    FULL = "full"
    LOCKED = "locked"  # another program holds the database longer than the busy wait


class StorageError(Exception):
    """A save or read failed, of the given kind."""

    def __init__(self, kind: Problem, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Database:
    """One open connection, with transactions and errors handled in one place."""

    def __init__(self, path: Path, key: bytes, *, wait: float = BUSY_WAIT) -> None:
        self.path = path
        self.recovered_from: Path | None = None
        self._key = key
        self._wait = wait
        # The kiosk writes from its disk thread (kiosk.background) and staff screens read from
        # the UI thread: one connection, used by one thread at a time.
        self._lock = threading.RLock()
        self._db = self._open()

    @classmethod
    def open(cls, data_dir: Path, *, wait: float = BUSY_WAIT) -> Database:
        """Open (or create) the database in `data_dir`; raises StorageError for staff to read.
        `wait` is how long to wait for another program's lock before saying "locked"."""
        path = data_dir / DATABASE
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            key = load_key(data_dir, path)
        except KeyUnavailableError as exc:
            raise StorageError(Problem.KEY, str(exc)) from None
        except OSError as exc:
            reason = f"cannot use the data folder ({exc.strerror})"
            raise StorageError(Problem.UNWRITABLE, reason) from None
        return cls(path, key, wait=wait)

    def write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        """Run `sql` once per row, all in one transaction that is on disk when this returns."""
        self._write(sql, rows)

    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[Any]:
        return self._read(sql, args)

    def integrity_ok(self) -> bool:
        return bool(self._read("PRAGMA integrity_check", ())[0][0] == "ok")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _open(self) -> Any:
        try:
            return self._open_or_recover()
        except sqlcipher3.Error as exc:
            raise _error(exc, self.path.parent) from None
        except OSError as exc:  # the key check file, or moving a damaged file aside
            reason = f"cannot use the data folder ({exc.strerror})"
            raise StorageError(Problem.UNWRITABLE, reason) from None

    def _open_or_recover(self) -> Any:
        fresh = not self.path.exists()
        check = self.path.with_name(self.path.name + ".keycheck")
        if not fresh and check.is_file() and check.read_text().strip() != fingerprint(self._key):
            raise StorageError(
                Problem.KEY,
                "the database key does not match the database; restore "
                "the right key file (the database itself is untouched)",
            )
        try:
            db = self._connect()
        except sqlcipher3.Error as exc:
            # Only proven damage moves the file: SQLite says it is not a database, or malformed,
            # while the key is the one it was made with. A full disk, a lock or a read-only
            # folder is a passing fault, and the file stays exactly where it is.
            if fresh or not check.is_file() or not _proves_damage(exc):
                raise
            self._move_aside()
            db = self._connect()
        if fresh:
            text = fingerprint(self._key) + "\n"
            write_atomically(check, lambda file: file.write(text.encode("ascii")))
        _make_private(self.path)
        return db

    def _connect(self) -> Any:
        db = sqlcipher3.connect(
            str(self.path), isolation_level=None, timeout=self._wait, check_same_thread=False
        )
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
        """Rename the damaged file and its WAL and shared-memory files to names no file has:
        linked first, so an existing file (an earlier set-aside) is never replaced."""
        target = _unused_aside_name(self.path)
        for suffix in ("", *_SIDE_FILES):
            source = self.path.with_name(self.path.name + suffix)
            if source.exists():
                os.link(source, target.with_name(target.name + suffix))
                source.unlink()
        self.recovered_from = target
        log.error(
            "requests database was damaged; moved aside to %s and started afresh", target.name
        )

    def _write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        with self._lock:
            self._write_locked(sql, rows)

    def _write_locked(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(sql, rows)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlcipher3.Error as exc:
            raise _error(exc, self.path.parent) from None

    def _read(self, sql: str, args: tuple[object, ...]) -> list[Any]:
        try:
            with self._lock:
                return list(self._db.execute(sql, args).fetchall())
        except sqlcipher3.Error as exc:
            raise _error(exc, self.path.parent) from None


def _migrate(db: Any) -> None:
    """Apply every kiosk/storage/sql/NNN_*.sql newer than the database's user_version."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    scripts = sorted(
        (int(entry.name.split("_", 1)[0]), entry)
        for entry in resources.files("kiosk.storage").joinpath("sql").iterdir()
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
            # The kiosk and `kiosk sync` open the same database: after an upgrade the other
            # may have applied this migration since the version was read. Then it is done.
            if int(db.execute("PRAGMA user_version").fetchone()[0]) >= number:
                continue
            raise


def _error(exc: Exception, folder: Path | None = None) -> StorageError:
    """Name what went wrong in words staff can act on; SQLite's messages hold no values.
    On a full disk SQLite may only say "disk I/O error" (its shared-memory file cannot grow), so
    the free space of `folder` is looked at too."""
    text = str(exc).lower()
    if "full" in text or (folder is not None and _nearly_full(folder)):
        return StorageError(Problem.FULL, "the disk is full")
    if "locked" in text or "busy" in text:
        return StorageError(Problem.LOCKED, "the database is busy (locked by another program)")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        reason = "the database cannot be written (read-only folder?)"
        return StorageError(Problem.UNWRITABLE, reason)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(Problem.CORRUPT, "the database is damaged or the key is wrong")
    return StorageError(Problem.UNWRITABLE, f"the database failed: {type(exc).__name__}")


def _make_private(path: Path) -> None:
    """The database and its WAL and shared-memory files for the kiosk's user alone, whatever
    umask the process was started with (SQLite makes them 0644 under the usual 022)."""
    for suffix in ("", *_SIDE_FILES):
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_mode & 0o077:
            side.chmod(0o600)


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def _proves_damage(exc: sqlcipher3.Error) -> bool:
    """SQLite's word that the file itself is bad (SQLITE_NOTADB, SQLITE_CORRUPT). Its passing
    faults (full, locked, busy, read-only, cannot open, I/O) are OperationalError."""
    if isinstance(exc, sqlcipher3.OperationalError):
        return False
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _unused_aside_name(path: Path) -> Path:
    """`requests.db.corrupt-<UTC time to the microsecond>[-n]`, free for the file and its WAL
    and shared-memory files alike."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    for number in range(1000):
        name = f"{path.name}{SET_ASIDE}{stamp}" + (f"-{number}" if number else "")
        names = [name + suffix for suffix in ("", *_SIDE_FILES)]
        if not any(path.with_name(each).exists() for each in names):
            return path.with_name(name)
    raise FileExistsError(errno.EEXIST, "no free name to set the damaged database aside")
