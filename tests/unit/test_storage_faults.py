"""Passing faults never cost a healthy database: a full disk, another program's lock, a
read-only folder. Only proven damage moves a file aside, and a set-aside file is never replaced.

The disk tests mount a small tmpfs of their own (the `disk` fixture in tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import kiosk.storage.database
from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage.database import Database, set_aside_copies
from kiosk.storage.requests import DATABASE, RequestStore, StorageError
from tests.conftest import Disk

REQUEST = CallbackRequest(
    "Ann", "Lee", Phone("+12015550123", "(201) 555-0123", ""), (), ("morning",), "", "", "en"
)


def saved_requests(folder: Path, count: int) -> Path:
    store = RequestStore.open(folder)
    for _ in range(count):
        store.save(REQUEST, reference="ACE-479", consent_text="Yes", consent_version="1")
    store.close()
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in folder.iterdir() if entry.is_file()}


def test_a_full_disk_never_sets_a_healthy_database_aside(tmp_path: Path, disk: Disk) -> None:
    data = disk.path / "data"
    shutil.copytree(saved_requests(tmp_path / "healthy", 20), data)
    disk.fill()
    for _ in range(2):  # twice: the second open once replaced the first set-aside copy
        with pytest.raises(StorageError) as error:
            Database.open(data)
        assert error.value.kind == "full"
    assert set_aside_copies(data) == []
    assert files(data)[DATABASE] == (tmp_path / "healthy" / DATABASE).read_bytes()
    disk.free()
    assert len(RequestStore.open(data).requests()) == 20  # nothing lost once there is room


def test_a_read_only_folder_is_an_error_not_a_crash_or_a_set_aside(
    tmp_path: Path, disk: Disk
) -> None:
    data = disk.path / "data"
    shutil.copytree(saved_requests(tmp_path / "healthy", 3), data)
    disk.read_only()
    with pytest.raises(StorageError) as error:
        Database.open(data)
    assert error.value.kind == "unwritable"
    assert set_aside_copies(data) == []
    assert files(data)[DATABASE] == (tmp_path / "healthy" / DATABASE).read_bytes()


LOCK_HOLDER = """
import sys, sqlcipher3
from pathlib import Path
from kiosk.storage.keys import load_key
folder = Path(sys.argv[1])
key = load_key(folder, folder / "requests.db")
db = sqlcipher3.connect(str(folder / "requests.db"), isolation_level=None)
db.execute(f"PRAGMA key = \\"x'{key.hex()}'\\"")
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
"""


def test_another_programs_lock_never_sets_the_database_aside(tmp_path: Path) -> None:
    data = saved_requests(tmp_path / "data", 3)
    before = files(data)[DATABASE]
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StorageError) as error:
            Database.open(data, wait=0.1)
        assert error.value.kind == "locked"
        assert set_aside_copies(data) == []
        assert files(data)[DATABASE] == before
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert len(RequestStore.open(data).requests()) == 3  # the lock gone, all is there


def damage(folder: Path) -> bytes:
    """Overwrite the database's first bytes (its header), as a failing disk might."""
    for suffix in ("-wal", "-shm"):
        (folder / (DATABASE + suffix)).unlink(missing_ok=True)
    path = folder / DATABASE
    damaged = b"\x00" * 64 + path.read_bytes()[64:]
    path.write_bytes(damaged)
    return damaged


def test_set_aside_copies_are_never_replaced_even_within_one_instant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = dt.datetime(2026, 12, 1, 5, 47, 12, tzinfo=dt.UTC)

    class FrozenClock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> FrozenClock:
            return cls.fromtimestamp(frozen.timestamp(), tz)

    monkeypatch.setattr(
        kiosk.storage.database, "dt", types.SimpleNamespace(datetime=FrozenClock, UTC=dt.UTC)
    )
    data = saved_requests(tmp_path / "data", 2)
    first = damage(data)
    Database.open(data).close()
    saved_requests(data, 1)
    second = damage(data)
    Database.open(data).close()
    copies = set_aside_copies(data)
    assert [copy.read_bytes() for copy in copies] == [first, second]
    assert len(RequestStore.open(data).requests()) == 0  # a fresh database, as before


def test_errors_at_first_open_are_storage_errors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DATABASE).mkdir()  # nothing can open a folder as a database
    with pytest.raises(StorageError):
        Database.open(data)
    assert set_aside_copies(data) == []


def test_database_files_are_private_under_any_umask(tmp_path: Path) -> None:
    usual = os.umask(0o022)  # what a shell or a plain service starts with
    try:
        data = saved_requests(tmp_path / "data", 1)
        database = Database.open(data)  # open: the WAL and shared-memory files exist now
        modes = {entry.name: entry.stat().st_mode & 0o777 for entry in data.iterdir()}
        database.close()
    finally:
        os.umask(usual)
    assert {DATABASE, DATABASE + "-wal", DATABASE + "-shm"} <= modes.keys()
    assert set(modes.values()) == {0o600}, modes
    assert (data.stat().st_mode & 0o777) == 0o700


def test_staff_diagnostics_name_a_database_set_aside(tmp_path: Path) -> None:
    from kiosk.system.diagnostics import facts
    from kiosk.system.fact_lines import Mark, words

    data = saved_requests(tmp_path / "data", 1)
    damage(data)
    Database.open(data).close()
    lines = {line.label: line for group in facts(data, None) for line in group.lines}
    assert len(set_aside_copies(data)) == 1
    set_aside = lines["Damaged database set aside"]
    assert set_aside.mark is Mark.PROBLEM
    assert set_aside.said == (
        words("copies kept: {n}", n=1),
        "requests saved before may be in them",
        "call IT",
    )  # the file's name is for IT, in `kiosk doctor`
