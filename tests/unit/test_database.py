"""The database's own promises: how a data folder is opened, upgraded and set aside when damaged,
what staff are told when SQLite fails, and that a write is whole or not at all.

(Saving and reading requests: test_storage.py; full, read-only and locked disks:
test_storage_faults.py.)
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import threading
import time
import types
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
import sqlcipher3

import kiosk.storage.database
from kiosk.storage.database import DATABASE, Database, StorageError, set_aside_copies
from kiosk.storage.keys import KEY_FILE, load_key
from tests.conftest import Disk

KEYCHECK = DATABASE + ".keycheck"


def raw(folder: Path, *, exclusive: bool = False) -> sqlcipher3.Connection:
    """A connection of another program, with the kiosk's key, bypassing kiosk.storage.database."""
    key = load_key(folder, folder / DATABASE)
    connection = sqlcipher3.connect(str(folder / DATABASE), isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    if exclusive:
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
    return connection


def filled(folder: Path) -> Path:
    """A closed database in `folder` with enough rows for several pages, all in the main file."""
    db = Database.open(folder)
    db.write("CREATE TABLE pad (x TEXT)", [()])
    db.write("INSERT INTO pad VALUES (?)", [("y" * 3000,) for _ in range(30)])
    db.read("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return folder / DATABASE


def damage_a_page(folder: Path) -> bytes:
    """Flip one byte in the fourth page, as a failing card might: SQLCipher's check of that page
    fails and SQLite calls the file malformed."""
    path = filled(folder)
    damaged = bytearray(path.read_bytes())
    damaged[4096 * 3 + 100] ^= 0xFF
    path.write_bytes(bytes(damaged))
    return bytes(damaged)


def damage_the_header(folder: Path) -> bytes:
    """Overwrite the first bytes: SQLite says the file is not a database."""
    path = filled(folder)
    damaged = b"\x00" * 64 + path.read_bytes()[64:]
    path.write_bytes(damaged)
    return damaged


# -- opening ----------------------------------------------------------------------------------


def test_a_new_data_folder_is_made_with_its_parents_and_holds_only_its_files(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "var" / "lib" / "kiosk"
    db = Database.open(folder)
    assert db.recovered_from is None
    assert sorted(entry.name for entry in folder.iterdir()) == [
        KEY_FILE,
        DATABASE,
        DATABASE + "-shm",
        DATABASE + "-wal",
        KEYCHECK,
    ]
    assert folder.stat().st_mode & 0o777 == 0o700
    db.close()


def test_a_key_check_that_cannot_be_written_is_an_unwritable_folder(tmp_path: Path) -> None:
    (tmp_path / KEYCHECK).mkdir()  # the key check's name is taken by a folder
    with pytest.raises(StorageError) as error:
        Database.open(tmp_path)
    assert error.value.kind == "unwritable"
    assert str(error.value) == f"cannot use the data folder ({os.strerror(errno.EISDIR)})"


def test_a_key_that_does_not_match_says_so_and_touches_nothing(tmp_path: Path) -> None:
    before = filled(tmp_path).read_bytes()
    (tmp_path / KEY_FILE).write_text("ab" * 32 + "\n")
    with pytest.raises(StorageError) as error:
        Database.open(tmp_path)
    assert error.value.kind == "key"
    assert str(error.value) == (
        "the database key does not match the database; restore the right key file "
        "(the database itself is untouched)"
    )
    assert (tmp_path / DATABASE).read_bytes() == before


def test_the_busy_wait_is_the_one_asked_for(tmp_path: Path) -> None:
    """Another program holds the database: "locked" after `wait`, not after the default 5 s."""
    Database.open(tmp_path).close()
    holder = raw(tmp_path, exclusive=True)
    try:
        start = time.monotonic()
        with pytest.raises(StorageError) as error:
            Database.open(tmp_path, wait=0.2)
        waited = time.monotonic() - start
    finally:
        holder.close()
    assert error.value.kind == "locked"
    assert str(error.value) == "the database is busy (locked by another program)"
    assert 0.2 <= waited < 3


def test_the_database_is_used_from_the_disk_thread(db: Database) -> None:
    """Opened on the UI thread, written and read on the kiosk's disk thread (kiosk.background)."""
    found: list[object] = []

    def work() -> None:
        db.write("CREATE TABLE t (x)", [()])
        db.write("INSERT INTO t VALUES (?)", [(1,)])
        found.extend(db.read("SELECT x FROM t"))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert found == [(1,)]


# -- upgrades ---------------------------------------------------------------------------------


def scripts() -> list[str]:
    return sorted(
        entry.name
        for entry in resources.files("kiosk.storage").joinpath("sql").iterdir()
        if entry.name.endswith(".sql")
    )


def first_version_only(folder: Path) -> None:
    """A database as the first kiosk release made it: only the first script applied."""
    first = (
        resources.files("kiosk.storage").joinpath("sql", scripts()[0]).read_text(encoding="utf-8")
    )
    connection = raw(folder)
    connection.executescript(f"BEGIN;\n{first}\n;PRAGMA user_version = 1;\nCOMMIT;")
    connection.close()


def test_an_older_database_is_brought_up_to_date(tmp_path: Path) -> None:
    first_version_only(tmp_path)
    db = Database.open(tmp_path)
    newest = int(scripts()[-1].split("_", 1)[0])
    assert newest > 1
    assert db.read("PRAGMA user_version") == [(newest,)]
    assert db.read("SELECT count(*) FROM staff") == [(0,)]  # what the second script made
    db.close()


def test_an_upgrade_that_fails_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    first_version_only(tmp_path)
    connection = raw(tmp_path)
    connection.execute("CREATE TABLE staff (someone_elses TEXT)")  # the upgrade's table, taken
    connection.close()
    with pytest.raises(StorageError) as error:
        Database.open(tmp_path)
    assert error.value.kind == "unwritable"
    assert str(error.value) == "the database failed: OperationalError"
    connection = raw(tmp_path)
    assert connection.execute("PRAGMA user_version").fetchall() == [(1,)]
    assert (
        connection.execute("SELECT name FROM sqlite_master WHERE name = 'audit'").fetchall() == []
    )
    connection.close()
    assert set_aside_copies(tmp_path) == []


# -- damage -----------------------------------------------------------------------------------

ASIDE = re.compile(r"requests\.db\.corrupt-(\d{8}T\d{6}\.\d{6})Z")


@pytest.mark.parametrize("damage", [damage_a_page, damage_the_header], ids=["page", "header"])
def test_proven_damage_is_set_aside_under_a_utc_time_and_logged(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    machine_zone: Callable[[str], None],
    damage: Callable[[Path], bytes],
) -> None:
    machine_zone("IST-5:30")  # the name holds UTC whatever the machine's zone
    damaged = damage(tmp_path)
    before = dt.datetime.now(dt.UTC)
    with caplog.at_level(logging.ERROR, logger="kiosk.storage.database"):
        db = Database.open(tmp_path)
    after = dt.datetime.now(dt.UTC)
    aside = db.recovered_from
    assert aside is not None
    match = ASIDE.fullmatch(aside.name)
    assert match is not None, aside.name
    assert before <= dt.datetime.strptime(match[1] + "+0000", "%Y%m%dT%H%M%S.%f%z") <= after
    assert aside.read_bytes() == damaged
    assert set_aside_copies(tmp_path) == [aside]
    assert caplog.messages == [
        f"requests database was damaged; moved aside to {aside.name} and started afresh"
    ]
    assert db.integrity_ok()
    db.close()


@pytest.mark.parametrize("damage", [damage_a_page, damage_the_header], ids=["page", "header"])
def test_without_the_key_check_damage_is_not_proven_and_the_file_stays(
    tmp_path: Path, damage: Callable[[Path], bytes]
) -> None:
    """A database without its key check (made by an older kiosk, or the check lost) may be
    a good file under the wrong key: it is never moved, only reported."""
    damaged = damage(tmp_path)
    (tmp_path / KEYCHECK).unlink()
    with pytest.raises(StorageError) as error:
        Database.open(tmp_path)
    assert error.value.kind == "corrupt"
    assert str(error.value) == "the database is damaged or the key is wrong"
    assert set_aside_copies(tmp_path) == []
    assert (tmp_path / DATABASE).read_bytes() == damaged


def test_damage_that_quick_check_reports_is_set_aside_too(tmp_path: Path) -> None:
    """quick_check can find damage SQLite does not raise as an error, and says so in rows."""
    filled(tmp_path)
    connection = raw(tmp_path)
    connection.execute("INSERT INTO pad VALUES (NULL)")
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE TABLE pad (x TEXT NOT NULL)' WHERE name = 'pad'"
    )
    connection.close()
    db = Database.open(tmp_path)
    assert db.recovered_from is not None
    assert db.integrity_ok()
    db.close()


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """kiosk.storage.database's clock stopped, so every set-aside name is made in the same
    instant."""
    frozen = dt.datetime(2026, 12, 1, 5, 47, 12, 345678, tzinfo=dt.UTC)

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Frozen:
            return cls.fromtimestamp(frozen.timestamp(), tz)

    monkeypatch.setattr(
        kiosk.storage.database, "dt", types.SimpleNamespace(datetime=Frozen, UTC=dt.UTC)
    )
    return frozen


def test_with_no_free_name_to_set_it_aside_the_damaged_file_stays(
    tmp_path: Path, frozen_clock: dt.datetime
) -> None:
    """1000 set-aside copies from the same microsecond: the next is refused, nothing is lost."""
    stamp = frozen_clock.strftime("%Y%m%dT%H%M%S.%fZ")
    damaged = damage_a_page(tmp_path)
    for number in range(1000):
        taken = f"{DATABASE}.corrupt-{stamp}" + (f"-{number}" if number else "")
        (tmp_path / taken).write_bytes(b"an earlier damaged database")
    with pytest.raises(StorageError) as error:
        Database.open(tmp_path)
    assert error.value.kind == "unwritable"
    assert str(error.value) == (
        "cannot use the data folder (no free name to set the damaged database aside)"
    )
    assert (tmp_path / DATABASE).read_bytes() == damaged
    assert len(set_aside_copies(tmp_path)) == 1000


# -- what staff are told ----------------------------------------------------------------------

FULL = ("full", "the disk is full")
LOCKED = ("locked", "the database is busy (locked by another program)")
READ_ONLY = ("unwritable", "the database cannot be written (read-only folder?)")
DAMAGED = ("corrupt", "the database is damaged or the key is wrong")


@pytest.fixture
def refusing(db: Database) -> Callable[[str], None]:
    """Make every insert into a new table fail with the given words, as SQLite words a fault
    (raised by a trigger, so the error's type is IntegrityError)."""

    def refuse(words: str) -> None:
        db.write("CREATE TABLE t (x)", [()])
        db.write(
            f"CREATE TRIGGER refuse BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, '{words}'); END",
            [()],
        )

    return refuse


@pytest.mark.parametrize(
    ("sqlite_says", "told"),
    [
        ("database or disk is full", FULL),
        ("database is locked", LOCKED),
        ("database table is locked", LOCKED),
        ("attempt to write a readonly database", READ_ONLY),
        ("unable to open database file", READ_ONLY),
        ("file is not a database", DAMAGED),
        ("database disk image is malformed", DAMAGED),
        ("disk I/O error", ("unwritable", "the database failed: IntegrityError")),
        # Words SQLite 3.53 does not use, which kiosk.storage.database also takes for the same
        # faults.
        ("database is busy", LOCKED),
        ("read-only file system", READ_ONLY),
        ("database is corrupt", DAMAGED),
    ],
)
@pytest.mark.parametrize("through", ["write", "read"])
def test_what_sqlite_says_becomes_words_staff_can_act_on(
    db: Database,
    refusing: Callable[[str], None],
    sqlite_says: str,
    told: tuple[str, str],
    through: str,
) -> None:
    refusing(sqlite_says)
    insert: Callable[[], object] = {
        "write": lambda: db.write("INSERT INTO t VALUES (?)", [(1,)]),
        "read": lambda: db.read("INSERT INTO t VALUES (1)"),
    }[through]
    with pytest.raises(StorageError) as error:
        insert()
    assert (error.value.kind, str(error.value)) == told


@pytest.mark.parametrize("through", ["write", "read"])
def test_on_a_nearly_full_disk_a_vague_error_is_put_down_to_the_full_disk(
    disk: Disk, through: str
) -> None:
    """SQLite may only say "disk I/O error" when its files cannot grow: with the data folder's
    disk nearly full, staff are told the disk is full, whatever the words."""
    db = Database.open(disk.path / "data")
    db.write("CREATE TABLE t (x)", [()])
    db.write(
        "CREATE TRIGGER refuse BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
        [()],
    )
    disk.fill()
    insert: Callable[[], object] = {
        "write": lambda: db.write("INSERT INTO t VALUES (?)", [(1,)]),
        "read": lambda: db.read("INSERT INTO t VALUES (1)"),
    }[through]
    with pytest.raises(StorageError) as error:
        insert()
    db.close()
    assert (error.value.kind, str(error.value)) == FULL


def test_a_data_folder_that_has_gone_is_not_called_full(
    tmp_path: Path, db: Database, refusing: Callable[[str], None]
) -> None:
    """Only a folder whose free space was measured and found short makes any error "full"."""
    refusing("database is locked")
    tmp_path.rename(tmp_path.with_name(tmp_path.name + "-moved"))
    with pytest.raises(StorageError) as error:
        db.write("INSERT INTO t VALUES (?)", [(1,)])
    assert (error.value.kind, str(error.value)) == LOCKED


def test_a_write_is_whole_or_not_at_all_and_the_database_stays_usable(db: Database) -> None:
    db.write("CREATE TABLE t (x UNIQUE)", [()])
    with pytest.raises(StorageError) as error:
        db.write("INSERT INTO t VALUES (?)", [(1,), (2,), (1,)])  # the third row is refused
    assert str(error.value) == "the database failed: IntegrityError"
    assert db.read("SELECT x FROM t") == []
    db.write("INSERT INTO t VALUES (?)", [(3,)])
    assert db.read("SELECT x FROM t") == [(3,)]
