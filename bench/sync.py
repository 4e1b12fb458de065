"""Outbox sync throughput and latency against a real PostgreSQL (a throwaway server on a Unix
socket, as the tests run it: tests/central/pg.py).

1. Throughput: `kiosk sync`'s pass (read the batch from the encrypted database, COPY it into a
   temporary table, INSERT ... ON CONFLICT DO NOTHING, commit, mark synced here) in rows/s,
   against a raw psycopg COPY of the same rows into a table of the same shape on the same
   server, in one transaction. Target: the ratio sync / COPY at least 0.5.
2. Latency: submit -> visible on the desk. A `kiosk sync` process runs with the default interval
   while requests are saved at random moments; a desk connection LISTENs for new_requests and
   notes when each request becomes readable. Target: p95 under 2 s.

usage: python bench/sync.py [--rows N] [--rounds N] [--samples N]
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.central.pg

from kiosk.central import push
from kiosk.central.schema import add_kiosk, migrate
from kiosk.central.sync import Syncer
from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.core.config import SyncConfig, load_config
from kiosk.storage import outbox
from kiosk.storage.database import Database
from kiosk.storage.requests import RequestStore
from tests.central.pg import Server, running_server

# Obviously fictional (555-01xx).
REQUEST = CallbackRequest(
    "Ann", "Lee", Phone("+12015550123", "(201) 555-0123", ""), ("mon",), ("morning",),
    "topic:surgery", "After lunch, please.", "en",
)  # fmt: skip
KIOSK = Path(sys.executable).with_name("kiosk")


def kiosk_folder(server: Server, dbname: str, root: Path, interval: int) -> Path:
    """A kiosk with its own role, password file and configuration; returns its folder."""
    kiosk_id = f"bench-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    with psycopg.connect(server.superuser_dsn.replace("dbname=postgres", f"dbname={dbname}"),
                         autocommit=True) as conn:  # fmt: skip
        role, _ = add_kiosk(conn, kiosk_id, password)
    folder = Path(tempfile.mkdtemp(dir=root))
    secret = folder / "password"
    descriptor = os.open(secret, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(descriptor, password.encode() + b"\n")
    os.close(descriptor)
    (folder / "kiosk.toml").write_text(
        f'[kiosk]\nid = "{kiosk_id}"\n[paths]\ndata_dir = "{folder / "data"}"\n'
        f'[sync]\ndsn = "{server.dsn(role, dbname)}"\npassword_file = "{secret}"\n'
        f"interval_seconds = {interval}\n",
        encoding="utf-8",
    )
    return folder


def save(folder: Path, count: int) -> list[str]:
    store = RequestStore(Database.open(folder / "data"))
    try:
        return [
            store.save(REQUEST, reference="R", consent_text="Yes", consent_version="1").id
            for _ in range(count)
        ]
    finally:
        store.close()


def throughput(server: Server, dbname: str, root: Path, rows: int) -> tuple[float, float]:
    """(sync rows/s, raw COPY rows/s) for the same `rows` requests."""
    folder = kiosk_folder(server, dbname, root, interval=1)
    save(folder, rows)
    db = Database.open(folder / "data")
    batch = outbox.unsynced(db, rows)
    db.close()
    owner = server.superuser_dsn.replace("dbname=postgres", f"dbname={dbname}")
    table = f"raw_{secrets.token_hex(4)}"
    with psycopg.connect(owner, autocommit=True) as conn:
        # requests' shape, indexes and key, in the same server and database.
        conn.execute(sql.SQL("CREATE TABLE {} (LIKE requests INCLUDING ALL)").format(
            sql.Identifier(table)))  # fmt: skip
        columns = sql.SQL(push._COLUMNS)  # the sync's own columns and types: a fair race
        started = time.perf_counter()
        with (
            conn.transaction(),
            conn.cursor() as cursor,
            cursor.copy(
                sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), columns)
            ) as copy,
        ):
            copy.set_types(push.TYPES)
            for row in batch:
                copy.write_row(row)
        copy_seconds = time.perf_counter() - started
    config = load_config(folder / "kiosk.toml")
    assert config.sync is not None
    config = config._replace(
        sync=config.sync._replace(batch_size=int(os.environ.get("BATCH", SyncConfig().batch_size)))
    )
    with Syncer(config) as syncer:
        # Both timed from an open connection: the COPY's was open before its clock started.
        syncer._local()
        syncer._connection()
        started = time.perf_counter()
        result = syncer.run_once()
        sync_seconds = time.perf_counter() - started
    assert result.sent == rows, result
    assert result.pending == 0, result
    return rows / sync_seconds, rows / copy_seconds


def latency(server: Server, dbname: str, root: Path, samples: int) -> list[float]:
    """Seconds from a request's save returning to the desk reading it, `samples` times."""
    folder = kiosk_folder(server, dbname, root, interval=SyncConfig().interval_seconds)
    save(folder, 1)  # the database exists before the sync process opens it
    owner = server.superuser_dsn.replace("dbname=postgres", f"dbname={dbname}")
    sync = subprocess.Popen([str(KIOSK), "sync", "--config", str(folder / "kiosk.toml")],
                            stderr=subprocess.DEVNULL)  # fmt: skip
    store = RequestStore(Database.open(folder / "data"))
    found: list[float] = []
    try:
        with psycopg.connect(owner, autocommit=True) as desk:
            desk.execute("LISTEN new_requests")
            for _ in range(samples):
                time.sleep(random.uniform(0.1, 1.5))  # a patient taps Send at any moment
                request_id = store.save(REQUEST, reference="R", consent_text="Yes",
                                        consent_version="1").id  # fmt: skip
                saved = time.perf_counter()
                while True:
                    for _notice in desk.notifies(timeout=5, stop_after=1):
                        break
                    seen = desk.execute("SELECT 1 FROM requests WHERE id = %s",
                                        (request_id,)).fetchone()  # fmt: skip
                    if seen:
                        found.append(time.perf_counter() - saved)
                        break
    finally:
        store.close()
        sync.terminate()
        sync.wait(timeout=30)
    return found


def fresh_store(server: Server, dbname: str) -> str:
    with psycopg.connect(server.superuser_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    with psycopg.connect(server.superuser_dsn.replace("dbname=postgres", f"dbname={dbname}"),
                         autocommit=True) as conn:  # fmt: skip
        migrate(conn)
    return dbname


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--samples", type=int, default=40)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="kiosk-bench-sync-"))
    try:
        _measure(args, root)
    finally:
        # The kiosks' databases of fictional requests, and their keys: not left behind.
        shutil.rmtree(root, ignore_errors=True)


def _measure(args: argparse.Namespace, root: Path) -> None:
    with running_server() as server:
        ratios = []
        for round_ in range(args.rounds):
            # A fresh store each round: both copies go into empty tables of the same shape.
            dbname = fresh_store(server, f"bench{round_}")
            synced, copied = throughput(server, dbname, root, args.rows)
            ratios.append(synced / copied)
            print(f"round {round_ + 1}: sync {synced:,.0f} rows/s, raw COPY {copied:,.0f} rows/s,"
                  f" ratio {synced / copied:.2f}")  # fmt: skip
        print(f"throughput ratio sync / raw COPY, median of {args.rounds}: "
              f"{statistics.median(ratios):.2f} (target >= 0.5)")  # fmt: skip
        delays = sorted(latency(server, fresh_store(server, "latency"), root, args.samples))
        p95 = delays[max(0, round(0.95 * len(delays)) - 1)]
        print(f"submit -> visible on the desk, {len(delays)} requests, interval "
              f"{SyncConfig().interval_seconds} s: median {statistics.median(delays):.2f} s, "
              f"p95 {p95:.2f} s, max {delays[-1]:.2f} s (target p95 < 2 s)")  # fmt: skip


if __name__ == "__main__":
    main()
