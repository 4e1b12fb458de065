"""`make demo-central`: the whole flow on one machine, for a newcomer. A throwaway PostgreSQL
(tests/central/pg.py: a temporary folder, a Unix socket, no TCP port), two kiosks in windows with
fictional requests, each with its `kiosk sync`, and the front desk's window. Staff PIN 246810
on the kiosks and at the desk (published: a demo only). Closing the desk ends it all and
removes the server and every file.

Run as `python -m tests.desk.demo_central`; `--seconds N` ends it after N seconds (to check the
demo itself offscreen), printing how many requests reached the central store.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql

from kiosk.central.desk import add_staff
from kiosk.central.schema import add_kiosk, migrate
from kiosk.demo import DEMO_PIN
from tests.central.pg import Server, running_server

KIOSK = Path(sys.executable).with_name("kiosk")
KIOSKS = ("lobby-1", "upstairs")
DATABASE = "kiosk_demo"
DESK_ROLE = "desk_front"


def secret_file(path: Path, password: str) -> Path:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(password + "\n")
    return path


def set_up(server: Server, folder: Path) -> tuple[list[Path], Path]:
    """The store, its kiosks and the desk's login; returns the kiosks' and the desk's configs."""
    with psycopg.connect(server.superuser_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    owner = f"{server.dsn(dbname=DATABASE)} password={server.password}"
    kiosk_configs = []
    with psycopg.connect(owner, autocommit=True) as conn:
        migrate(conn)
        add_staff(conn, "Front desk", DEMO_PIN, weak_ok=True)
        for kiosk_id in KIOSKS:
            password = secrets.token_urlsafe(18)
            role, _ = add_kiosk(conn, kiosk_id, password)
            home = folder / kiosk_id
            home.mkdir()
            config = home / "kiosk.toml"
            config.write_text(
                f'[kiosk]\nid = "{kiosk_id}"\n[paths]\ndata_dir = "{home / "data"}"\n'
                f'[sync]\ndsn = "{server.dsn(role, DATABASE)}"\n'
                f'password_file = "{secret_file(home / "central.password", password)}"\n'
                "interval_seconds = 2\n",
                encoding="utf-8",
            )
            kiosk_configs.append(config)
        desk_password = secrets.token_urlsafe(18)
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE desk").format(
                sql.Identifier(DESK_ROLE), sql.Literal(desk_password)
            )
        )
    desk_config = folder / "desk.toml"
    desk_config.write_text(
        f'[desk]\ndsn = "{server.dsn(DESK_ROLE, DATABASE)}"\n'
        f'password_file = "{secret_file(folder / "desk.password", desk_password)}"\n',
        encoding="utf-8",
    )
    return kiosk_configs, desk_config


@contextlib.contextmanager
def processes(commands: list[list[str]]) -> Iterator[list[subprocess.Popen[bytes]]]:
    started = [subprocess.Popen(command) for command in commands]
    try:
        yield started
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, help="end after this many seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as temporary, running_server() as pg:
        folder = Path(temporary)
        kiosk_configs, desk_config = set_up(pg, folder)
        for config in kiosk_configs:
            subprocess.run(
                [str(KIOSK), "demo-data", "--data-dir", str(config.parent / "data")], check=True
            )
        commands = [[str(KIOSK), "desk", "--config", str(desk_config)]]
        for config in kiosk_configs:
            commands.append([str(KIOSK), "sync", "--config", str(config)])
            commands.append(
                [str(KIOSK), "run", "--windowed", "--size", "900x1000", "--config", str(config)]
            )
        print(f"demo: staff PIN {DEMO_PIN} at the desk and on the kiosks; close the desk to end")  # noqa: T201
        with processes(commands) as started:
            deadline = time.monotonic() + args.seconds if args.seconds else None
            while started[0].poll() is None:
                if deadline is not None and time.monotonic() > deadline:
                    break
                time.sleep(0.2)  # a launcher waiting for its window to close
            owner = f"{pg.dsn(dbname=DATABASE)} password={pg.password}"
            with psycopg.connect(owner) as conn:
                row = conn.execute("SELECT count(*) FROM requests").fetchone()
            print(f"demo: {row[0] if row else 0} requests reached the central store")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
