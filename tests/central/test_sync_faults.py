"""`kiosk sync` as the service runs it, a process of its own, through the faults a clinic will
meet: the sync killed, the central server killed, three kiosks at once, a stop from systemd.
After each, every request a patient was thanked for is in the central store exactly once.

The moments are made, not hoped for: the test holds a lock so the sync stops exactly where it
must be hit (inside its central transaction, or between the central commit and marking the
batch here), then kills it there."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kiosk.storage.database import Database
from kiosk.storage.sync_status import SyncStatus, read_status
from tests.central.conftest import Central, as_text
from tests.central.kiosks import KIOSK, Kiosk, make_kiosk, save, saver, wait_for

BATCH = 100


class Processes:
    """The processes one test started; any still running at its end is killed."""

    def __init__(self) -> None:
        self._started: list[subprocess.Popen[bytes]] = []

    def start(self, argv: list[str], **options: Any) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, **options)
        self._started.append(proc)
        return proc

    def end(self) -> None:
        for proc in self._started:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()


@pytest.fixture
def processes() -> Iterator[Processes]:
    started = Processes()
    yield started
    started.end()


def start_sync(processes: Processes, kiosk: Kiosk) -> subprocess.Popen[bytes]:
    return processes.start(kiosk.sync_command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def central_count(central: Central, kiosk_id: str | None = None) -> int:
    if kiosk_id is None:
        count = central.scalar("SELECT count(*) FROM requests")
    else:
        count = central.scalar("SELECT count(*) FROM requests WHERE kiosk_id = %s", (kiosk_id,))
    assert isinstance(count, int), count
    return count


def arrived(central: Central, kiosk_id: str, count: int) -> Callable[[], bool]:
    """A check, for wait_for, that the store holds `count` requests from the kiosk `kiosk_id`."""
    return lambda: central_count(central, kiosk_id) == count


def assert_each_once(central: Central, ids: list[str]) -> None:
    with central.admin() as conn:
        rows = conn.execute("SELECT id::text FROM requests").fetchall()
    found = [as_text(row[0]) for row in rows]
    assert len(found) == len(set(found))
    assert sorted(found) == sorted(ids)


def synced_everything(kiosk: Kiosk) -> bool:
    status = read_status(kiosk.data_dir)
    return status is not None and status.ok and status.pending == 0


class LocalLock:
    """The kiosk's database held in a write transaction, as a long save would: the sync can
    read its batch and push it, but not mark it synced."""

    def __init__(self, kiosk: Kiosk) -> None:
        self._db = Database.open(kiosk.data_dir)
        self._db._db.execute("BEGIN IMMEDIATE")

    def marked(self) -> int:
        return int(self._db.read("SELECT count(*) FROM synced")[0][0])

    def release(self) -> None:
        self._db._db.execute("ROLLBACK")
        self._db.close()


def waiting_on_a_lock(central: Central, role: str) -> bool:
    """The kiosk's INSERT is inside its transaction, waiting for the table the test locked."""
    return (
        central.scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND wait_event_type = 'Lock'",
            (role,),
        )
        == 1
    )


@pytest.mark.parametrize("moment", ["inside the central transaction", "after the central commit"])
def test_sync_killed_mid_batch_loses_and_duplicates_nothing(
    central: Central, tmp_path: Path, processes: Processes, moment: str
) -> None:
    kiosk = make_kiosk(central, tmp_path / "k", batch_size=BATCH)
    ids = save(kiosk, 1000)
    if moment == "after the central commit":
        lock = LocalLock(kiosk)
        sync = start_sync(processes, kiosk)
        wait_for(lambda: central_count(central) >= BATCH, "a batch's central commit")
    else:
        holder = central.admin()
        holder.execute("BEGIN")
        holder.execute("LOCK TABLE requests IN EXCLUSIVE MODE")
        sync = start_sync(processes, kiosk)
        wait_for(lambda: waiting_on_a_lock(central, kiosk.login.role), "the sync's INSERT")
    sync.send_signal(signal.SIGKILL)
    assert sync.wait(timeout=30) == -signal.SIGKILL
    if moment == "after the central commit":
        # The central store has batches this kiosk never heard were committed.
        assert lock.marked() == 0
        lock.release()
    else:
        holder.execute("ROLLBACK")
        holder.close()
    # The kiosk restarts the sync (systemd does), which sends what is left, once.
    again = subprocess.run(
        kiosk.sync_command("--once"), capture_output=True, timeout=60, check=False
    )
    assert again.returncode == 0, again.stderr.decode()
    assert_each_once(central, ids)


def test_the_central_server_killed_mid_batch_loses_and_duplicates_nothing(
    central: Central, tmp_path: Path, processes: Processes
) -> None:
    kiosk = make_kiosk(central, tmp_path / "k", batch_size=BATCH)
    ids = save(kiosk, 1000)
    holder = central.admin()
    holder.execute("BEGIN")
    holder.execute("LOCK TABLE requests IN EXCLUSIVE MODE")
    sync = start_sync(processes, kiosk)
    wait_for(lambda: waiting_on_a_lock(central, kiosk.login.role), "the sync's INSERT")
    central.server.stop("immediate")  # as a crash: the batch's transaction never committed
    holder.close()
    status_down: list[SyncStatus] = []

    def says_down() -> bool:
        status = read_status(kiosk.data_dir)
        if status is None or status.ok:
            return False
        status_down.append(status)
        return True

    wait_for(says_down, "the sync to say the store is gone")
    assert status_down[0].problem == "unreachable"
    central.server.start()
    wait_for(lambda: synced_everything(kiosk), "the queue to drain after the restart")
    assert sync.poll() is None  # it never gave up, or crashed
    assert_each_once(central, ids)
    sync.send_signal(signal.SIGTERM)
    assert sync.wait(timeout=30) == 0


def test_three_kiosks_saving_1000_requests_each_while_syncing_make_3000_rows(
    central: Central, tmp_path: Path, processes: Processes
) -> None:
    kiosks = [make_kiosk(central, tmp_path / f"k{n}") for n in range(3)]
    syncs = [start_sync(processes, kiosk) for kiosk in kiosks]
    savers = [saver(kiosk, 1000) for kiosk in kiosks]
    for proc in savers:
        _, errors = proc.communicate(timeout=120)
        assert proc.returncode == 0, errors.decode()
    for kiosk in kiosks:
        wait_for(
            arrived(central, kiosk.kiosk_id, 1000),
            f"kiosk {kiosk.kiosk_id}'s 1000 requests",
        )
    # systemd stops the service with SIGTERM: each ends cleanly, at once.
    for sync in syncs:
        sync.send_signal(signal.SIGTERM)
    for sync in syncs:
        assert sync.wait(timeout=30) == 0
        assert sync.stderr is not None
        assert b"Traceback" not in sync.stderr.read()
    assert central_count(central) == 3000
    assert central.scalar("SELECT count(DISTINCT id) FROM requests") == 3000
    for kiosk in kiosks:
        assert synced_everything(kiosk)


def test_a_wrong_password_exits_once_with_a_clear_message(central: Central, tmp_path: Path) -> None:
    kiosk = make_kiosk(central, tmp_path / "k", password="not-the-password")
    save(kiosk, 1)
    result = subprocess.run(
        kiosk.sync_command("--once"), capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert "refused this kiosk's password" in result.stderr
    assert "Traceback" not in result.stderr
    assert "not-the-password" not in result.stderr + result.stdout


def test_without_a_sync_section_the_sync_has_nothing_to_do(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nid = "lobby-1"\n', encoding="utf-8")
    result = subprocess.run(
        [str(KIOSK), "sync", "--config", str(config), "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no [sync] section" in result.stderr
    assert not (tmp_path / "data").exists()  # nothing made, nothing sent


def test_it_migrates_and_adds_a_kiosk_that_can_then_sync(central: Central, tmp_path: Path) -> None:
    env = {**os.environ, "PGPASSWORD": central.server.password}
    migrate = [str(KIOSK), "central", "migrate", "--dsn", central.dsn()]
    result = subprocess.run(migrate, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    password_file = tmp_path / "lobby.password"
    kiosk_id = f"lobby-{os.getpid()}-{tmp_path.name[-4:]}".lower().replace("_", "-")
    add = [str(KIOSK), "central", "add-kiosk", kiosk_id, "--dsn", central.dsn()]
    result = subprocess.run(
        [*add, "--password-file", str(password_file)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    password = password_file.read_text().strip()
    assert password_file.stat().st_mode & 0o777 == 0o600
    assert len(password) >= 24
    assert password not in result.stdout + result.stderr
    assert f"kiosk_{kiosk_id}" in result.stdout
    # Again, the same password from standard input: the role is updated, not duplicated.
    result = subprocess.run(
        add, input=password + "\n", capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "updated role" in result.stdout
    with psycopg.connect(central.dsn(f"kiosk_{kiosk_id}"), password=password) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (f"kiosk_{kiosk_id}",)


def test_a_password_on_the_command_line_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(KIOSK), "central", "migrate", "--dsn", "host=/nowhere password=hunter2"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "must not hold a password" in result.stderr
    assert "hunter2" not in result.stderr
