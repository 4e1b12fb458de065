"""`kiosk sync`: the kiosk's outbox, pushed to the central store in its own process, so the
screen never waits on the network.

A pass sends every unsynced request in batches (each marked synced here only after the central
commit returned), then, at most once a minute, the heartbeat and the usage counts that grew, and
wipes the personal fields of requests the central store has had for `keep_after_sync_hours`.
Between passes it waits `interval_seconds`; after a failure, a capped exponential backoff with
jitter, so a hundred kiosks do not knock on a restarted server at the same moment. Every failure
is logged in words IT can act on and written to the status file the diagnostics read; neither
ever holds patient data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import random
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from typing import NamedTuple

import psycopg

from kiosk import __version__
from kiosk.central import push
from kiosk.central.credentials import read_password
from kiosk.central.problems import Problem, SyncError, while_connecting, while_pushing
from kiosk.central.schema import kiosk_role
from kiosk.core.clock import utc_now
from kiosk.core.config import Config, SyncConfig
from kiosk.storage import outbox
from kiosk.storage.database import Database, StorageError
from kiosk.storage.sync_status import SyncStatus, write_status
from kiosk.system.safety import crash_count

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 60.0  # the desk calls a kiosk silent for 10 minutes a problem
# Usage counts are statistics, not news: a grown count is a new central row, so they go at most
# every 15 minutes (ARCHITECTURE.md, "Several kiosks": what grows first).
USAGE_SECONDS = 900.0
BACKOFF_FIRST = 1.0  # seconds after the first failure
BACKOFF_CAP = 300.0  # never more than five minutes between two tries
CONNECT_TIMEOUT = 10  # seconds; libpq's own
STATEMENT_TIMEOUT = "60s"


def backoff(failures: int, *, first: float, cap: float, rand: Callable[[], float]) -> float:
    """Seconds to wait after `failures` failures in a row: doubling from `first`, at most `cap`,
    and a random half of it ("equal jitter"): never zero, never over the cap."""
    ceiling = min(cap, first * 2.0 ** max(failures - 1, 0))
    return ceiling / 2 + rand() * ceiling / 2


class PassResult(NamedTuple):
    sent: int  # requests pushed in this pass
    added: int  # of those, new to the central store (the rest it had: a retried batch)
    pending: int  # left waiting here
    wiped: int


class Syncer:
    """One kiosk's outbox and one connection to the central store, kept between passes."""

    def __init__(
        self,
        config: Config,
        *,
        now: Callable[[], dt.datetime] = utc_now,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        if config.sync is None:
            raise ValueError("no [sync] section in the configuration")
        self._config = config
        self._sync: SyncConfig = config.sync
        self._kiosk_id = config.kiosk.id
        self._data_dir = config.paths.data_dir
        self._now = now
        self._clock = monotonic or _monotonic
        self._db: Database | None = None
        self._conn: psycopg.Connection[object] | None = None
        self._last_heartbeat: float | None = None
        self._last_usage: float | None = None
        self._last_success: dt.datetime | None = None
        self._failing_since: dt.datetime | None = None
        self._problem: Problem | None = None
        self._pusher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-sync-push")

    def __enter__(self) -> Syncer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- one pass --------------------------------------------------------------------------

    def run_once(self, stop: threading.Event | None = None) -> PassResult:
        """Send everything waiting, then the heartbeat when due, then wipe; raises SyncError.
        The status file says how it went either way."""
        try:
            result = self._pass(stop)
        except SyncError as exc:
            self._failed(exc)
            raise
        self._succeeded(result)
        return result

    def _pass(self, stop: threading.Event | None) -> PassResult:
        db = self._local()
        conn = self._connection()
        try:
            sent, added = self._push_all(db, conn, stop)
            waiting = outbox.pending(db)
            if _due(self._last_heartbeat, HEARTBEAT_SECONDS, self._clock()):
                usage_due = _due(self._last_usage, USAGE_SECONDS, self._clock())
                counts = outbox.usage_changes(db) if usage_due else []
                push.push_status(conn, self._heartbeat(waiting), counts)
                if counts:
                    outbox.mark_usage_synced(db, counts)
                self._last_heartbeat = self._clock()
                if usage_due:
                    self._last_usage = self._last_heartbeat
            wiped = outbox.wipe_synced(
                db, older_than_hours=self._sync.keep_after_sync_hours, now=self._now
            )
        except psycopg.Error as exc:
            self._disconnect()
            raise while_pushing(exc) from None
        except StorageError as exc:
            raise SyncError(Problem.LOCAL, f"this kiosk's database: {exc}") from None
        return PassResult(sent, added, waiting, wiped)

    def _push_all(
        self, db: Database, conn: psycopg.Connection[object], stop: threading.Event | None
    ) -> tuple[int, int]:
        """Every unsynced request, batch after batch; (sent, new to the central store). The
        next batch is read here while the last one is on its way (SQLCipher and libpq both
        wait outside the GIL), which makes a long queue drain about twice as fast."""
        size = self._sync.batch_size
        sent = added = 0
        batch = outbox.unsynced(db, size)
        in_flight = self._pusher.submit(push.push_requests, conn, batch)
        while batch:
            following: list[outbox.OutgoingRequest] = []
            try:
                if len(batch) == size and (stop is None or not stop.is_set()):
                    following = outbox.unsynced(db, size, after=batch[-1])
            finally:
                added += in_flight.result()  # the push's own error, if it failed
            # The next batch goes while this one is marked.
            in_flight = self._pusher.submit(push.push_requests, conn, following)
            try:
                # Only now, with the central commit returned: a kill before this line sends
                # the batch again next time, and ON CONFLICT DO NOTHING makes that harmless.
                outbox.mark_synced(db, [request.id for request in batch], now=self._now)
            except BaseException:
                wait([in_flight])  # never leave the connection in use behind a failure
                raise
            sent += len(batch)
            batch = following
        in_flight.result()  # an empty push: nothing sent, nothing to wait for but the thread
        return sent, added

    def _heartbeat(self, waiting: int) -> push.Heartbeat:
        try:
            free = shutil.disk_usage(self._data_dir).free
        except OSError:
            free = -1
        return push.Heartbeat(
            sent_at=self._now(),
            version=__version__,
            last_sync_at=self._now(),
            pending=waiting,
            free_disk_bytes=free,
            crash_count=crash_count(self._data_dir),
        )

    # -- the loop --------------------------------------------------------------------------

    def run(
        self,
        stop: threading.Event,
        *,
        wait: Callable[[float], object] | None = None,
        rand: Callable[[], float] = random.random,
        first: float = BACKOFF_FIRST,
        cap: float = BACKOFF_CAP,
    ) -> None:
        """Pass after pass until `stop` is set (SIGTERM): `interval_seconds` apart, or after a
        failure a backoff. `wait(seconds)` returns early when stopped (stop.wait)."""
        pause = wait or stop.wait
        failures = 0
        try:
            while not stop.is_set():
                try:
                    self.run_once(stop)
                except SyncError:
                    failures += 1
                    delay = backoff(failures, first=first, cap=cap, rand=rand)
                    log.info("sync: next try in %.1f s (failure %d in a row)", delay, failures)
                else:
                    failures = 0
                    delay = float(self._sync.interval_seconds)
                pause(delay)
        finally:
            self.close()

    def close(self) -> None:
        self._pusher.shutdown(wait=True)
        self._disconnect()
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- connections -----------------------------------------------------------------------

    def _local(self) -> Database:
        if self._db is None:
            try:
                self._db = Database.open(self._data_dir)
            except StorageError as exc:
                raise SyncError(Problem.LOCAL, f"this kiosk's database: {exc}") from None
        return self._db

    def _connection(self) -> psycopg.Connection[object]:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        password = read_password(self._sync.password_file)
        try:
            conn: psycopg.Connection[object] = psycopg.connect(
                self._sync.dsn,
                password=password,
                connect_timeout=CONNECT_TIMEOUT,
                application_name=f"kiosk-sync {self._kiosk_id}",
                autocommit=True,  # each push is one statement or a transaction block of its own
                keepalives=1,
                keepalives_idle=30,
                keepalives_interval=10,
                keepalives_count=3,
            )
        except psycopg.Error as exc:
            raise while_connecting(exc, self._sync.dsn) from None
        try:
            row = conn.execute(
                "SELECT current_user::text, set_config('statement_timeout', %s, false)",
                (STATEMENT_TIMEOUT,),
            ).fetchone()
            push.prepare(conn)
        except psycopg.Error as exc:
            conn.close()
            raise while_pushing(exc) from None
        # The store names each row after the login role: it must be this kiosk's.
        role = kiosk_role(self._kiosk_id)
        user = str(row[0]) if row else "?"  # type: ignore[index]
        if user != role:
            conn.close()
            raise SyncError(
                Problem.REFUSED,
                f"this kiosk logs in as {user}, but its [kiosk] id {self._kiosk_id} is role "
                f"{role}: fix the user in [sync] dsn, or [kiosk] id",
            )
        self._conn = conn
        return conn

    def _disconnect(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):  # already gone
                self._conn.close()
            self._conn = None

    # -- telling -----------------------------------------------------------------------------

    def _failed(self, exc: SyncError) -> None:
        if self._problem != exc.kind:
            self._failing_since = self._failing_since or self._now()
            log.warning("sync failed: %s [%s]", exc, exc.kind.value)
        else:
            log.info("sync still failing: %s [%s]", exc, exc.kind.value)
        self._problem = exc.kind
        self._write_status(ok=False, message=str(exc), pending=self._pending_or(-1))

    def _succeeded(self, result: PassResult) -> None:
        if self._problem is not None:
            log.warning("sync works again (failing since %s)", self._failing_since)
        self._problem = None
        self._failing_since = None
        self._last_success = self._now()
        if result.sent or result.wiped:
            log.info(
                "sync: sent %d requests (%d new there), %d waiting, %d wiped here",
                result.sent,
                result.added,
                result.pending,
                result.wiped,
            )
        self._write_status(ok=True, message="", pending=result.pending)

    def _pending_or(self, default: int) -> int:
        try:
            return outbox.pending(self._local())
        except (SyncError, StorageError):
            return default

    def _write_status(self, *, ok: bool, message: str, pending: int) -> None:
        status = SyncStatus(
            ok=ok,
            problem="" if ok or self._problem is None else self._problem.value,
            message=message,
            failing_since=self._failing_since,
            last_success=self._last_success,
            pending=pending,
            updated=self._now(),
        )
        try:
            write_status(self._data_dir, status)
        except OSError as exc:
            log.warning("sync: cannot write its status file (%s)", exc.strerror)


def _due(last: float | None, every: float, now: float) -> bool:
    return last is None or now - last >= every


def _monotonic() -> float:
    import time  # noqa: PLC0415 -- the one clock this module reads

    return time.monotonic()
