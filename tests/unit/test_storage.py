"""The requests database: round trips, encryption at rest, keys, damage, and durability."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage.keys import KEY_FILE, load_key
from kiosk.storage.requests import DATABASE, RequestStore, StorageError, StoredRequest

# Obviously fictional: 555-01xx numbers are reserved for fiction.
REQUEST = CallbackRequest(
    first_name="Zebediah",
    last_name="O'Quux-Núñez",
    phone=Phone("+12015550123", "(201) 555-0123", "45"),
    days=("mon", "wed"),
    periods=("afternoon",),
    topic="spine:lumbar",
    note="Please call after lunch, Xylophone",
    language="es",
)
SECRETS = ("Zebediah", "Quux", "2015550123", "555-0123", "Xylophone", "lunch")


def save(store: RequestStore, request: CallbackRequest = REQUEST) -> StoredRequest:
    return store.save(
        request, reference="ACE-479", consent_text="You may call me.", consent_version="2026-11"
    )


def test_a_saved_request_reads_back_intact(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path)
    saved = save(store)
    again = store.get(saved.id)
    assert again == saved
    assert again is not None
    assert again.phone == REQUEST.phone
    assert (again.status, again.consent_version, again.topic) == ("new", "2026-11", "spine:lumbar")
    assert again.created_at.utcoffset() is not None
    assert store.counts() == {"new": 1, "exported": 0, "done": 0}


def test_an_unknown_request_is_none(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path)
    assert store.get("no-such-id") is None
    save(store)
    assert store.get("no-such-id") is None


def test_a_request_is_stored_in_utc_whatever_the_zones(
    tmp_path: Path, machine_zone: Callable[[str], None]
) -> None:
    """The schema keeps UTC: neither the machine's zone nor the clock's may leak into it."""
    machine_zone("IST-5:30")
    store = RequestStore.open(tmp_path)
    new_york = dt.timezone(dt.timedelta(hours=-5))
    saved = store.save(
        REQUEST,
        reference="ACE-479",
        consent_text="You may call me.",
        consent_version="2026-11",
        now=dt.datetime(2026, 11, 26, 14, 5, tzinfo=new_york),
    )
    again = store.get(saved.id)
    assert again is not None
    assert again.created_at == dt.datetime(2026, 11, 26, 19, 5, tzinfo=dt.UTC)
    assert again.created_at.utcoffset() == dt.timedelta(0)
    store.close()


def test_requests_survive_closing_and_reopening(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path)
    ids = [save(store).id for _ in range(3)]
    store.close()
    reopened = RequestStore.open(tmp_path)
    assert [r.id for r in reopened.requests()] == ids
    assert reopened.integrity_ok()


def test_status_changes_are_counted(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path)
    first, second = save(store), save(store)
    store.set_status([first.id], "exported")
    assert store.counts() == {"new": 1, "exported": 1, "done": 0}
    assert [r.id for r in store.requests("new")] == [second.id]
    with pytest.raises(ValueError, match="unknown status"):
        store.set_status([second.id], "lost")


def test_no_typed_value_is_readable_in_the_files_on_disk(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path)
    for _ in range(5):
        save(store)
    files = sorted(tmp_path.glob(DATABASE + "*"))
    assert {f.name for f in files} >= {DATABASE, DATABASE + "-wal"}
    for path in files:
        raw = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in raw, (path.name, secret)
            assert secret.encode("utf-16-le") not in raw, (path.name, secret)


def test_the_key_file_is_private_and_made_once(tmp_path: Path) -> None:
    RequestStore.open(tmp_path).close()
    key_file = tmp_path / KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = key_file.read_bytes()
    RequestStore.open(tmp_path).close()
    assert key_file.read_bytes() == key


def test_a_missing_key_is_an_error_and_leaves_the_database_alone(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path)
    save(store)
    store.close()
    before = (tmp_path / DATABASE).read_bytes()
    (tmp_path / KEY_FILE).unlink()
    with pytest.raises(StorageError, match=r"key file .* is missing") as error:
        RequestStore.open(tmp_path)
    assert error.value.kind == "key"
    assert (tmp_path / DATABASE).read_bytes() == before
    assert not (tmp_path / KEY_FILE).exists()  # no new key, so no new empty database


def test_a_wrong_key_is_an_error_and_leaves_the_database_alone(tmp_path: Path) -> None:
    save(RequestStore.open(tmp_path))
    before = (tmp_path / DATABASE).read_bytes()
    (tmp_path / KEY_FILE).write_text("ab" * 32 + "\n")
    with pytest.raises(StorageError, match="does not match") as error:
        RequestStore.open(tmp_path)
    assert error.value.kind == "key"
    assert (tmp_path / DATABASE).read_bytes() == before


def test_a_systemd_credential_is_used_when_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "kiosk-db-key").write_text("cd" * 32)
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    data = tmp_path / "data"
    save(RequestStore.open(data))
    assert not (data / KEY_FILE).exists()
    assert len(RequestStore.open(data).requests()) == 1


def test_a_damaged_database_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path)
    save(store)
    store.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / (DATABASE + suffix)).unlink(missing_ok=True)
    path = tmp_path / DATABASE
    path.write_bytes(b"\x00" * 64 + path.read_bytes()[64:])
    reopened = RequestStore.open(tmp_path)
    assert reopened.recovered_from is not None
    assert reopened.recovered_from.exists()  # kept for staff, never deleted
    assert reopened.requests() == []
    save(reopened)
    assert reopened.integrity_ok()


def test_an_unwritable_database_is_a_storage_error(tmp_path: Path) -> None:
    load_key(tmp_path, tmp_path / DATABASE)  # the key is there: only the database is at fault
    (tmp_path / DATABASE).mkdir()  # even root cannot open a folder as a database
    with pytest.raises(StorageError) as error:
        RequestStore.open(tmp_path)
    assert error.value.kind == "unwritable"
    assert str(error.value) == "the database cannot be written (read-only folder?)"


def test_a_data_folder_that_cannot_be_made_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be")
    with pytest.raises(StorageError) as error:
        RequestStore.open(tmp_path / "data")
    assert error.value.kind == "unwritable"
    assert str(error.value) == f"cannot use the data folder ({os.strerror(errno.EEXIST)})"


@pytest.mark.parametrize("again", [False, True], ids=["new", "reopened"])
def test_the_open_database_syncs_each_commit_and_overwrites_deletes(
    tmp_path: Path, again: bool
) -> None:
    """A request the patient was told is saved must survive a power cut, not only a crash: the
    open database (new or reopened, each connection sets its own) is in WAL mode with
    synchronous=FULL (2), which syncs the log at every commit; NORMAL (1) may lose the last."""
    if again:
        first = RequestStore.open(tmp_path)
        save(first)
        first.close()
    store = RequestStore.open(tmp_path)
    assert store.database.read("PRAGMA journal_mode") == [("wal",)]
    assert store.database.read("PRAGMA synchronous") == [(2,)]
    assert store.database.read("PRAGMA foreign_keys") == [(1,)]
    # SQLCipher's own default for a keyed connection: deleted cells are overwritten, not freed.
    assert store.database.read("PRAGMA secure_delete") == [(1,)]
    store.close()


CHILD = """
import sys
from pathlib import Path
from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage.requests import RequestStore
store = RequestStore.open(Path(sys.argv[1]))
request = CallbackRequest("Ann", "Lee", Phone("+12015550123", "(201) 555-0123", ""),
                          (), ("morning",), "", "", "en")
while True:
    saved = store.save(request, reference="ACE-479", consent_text="Yes", consent_version="1")
    print(saved.id, flush=True)  # confirmed only now, after the commit returned
"""


def test_no_confirmed_request_is_lost_when_the_process_is_killed(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    confirmed = [child.stdout.readline().strip() for _ in range(40)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    store = RequestStore.open(tmp_path)
    saved = {r.id for r in store.requests()}
    assert set(confirmed) <= saved
    assert store.integrity_ok()
