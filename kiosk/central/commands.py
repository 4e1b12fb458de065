"""`kiosk central migrate|add-kiosk` (the IT person's, run as the store's owner) and `kiosk sync`
(the kiosk's outbox service). psycopg is imported only when one of them runs, so the rest of the
command line starts as fast as before."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.core.config import Config, dsn_has_password

NOTHING_TO_DO = 2  # as a usage error: systemd's RestartPreventExitStatus= keeps it down
PASSWORD_BYTES = 24  # a generated kiosk password: 32 URL-safe characters


def add_commands(commands: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    central = commands.add_parser(
        "central", help="set up the central PostgreSQL store: migrate, add-kiosk (IT)"
    )
    actions = central.add_subparsers(
        dest="central_action", required=True, parser_class=type(central)
    )
    dsn_help = (
        "the store's libpq connection string, as its owner (e.g. 'host=db dbname=kiosk "
        "user=kiosk_owner sslmode=verify-full'); the password from ~/.pgpass or $PGPASSWORD, "
        "never here"
    )
    migrate = actions.add_parser("migrate", help="create or update the store's tables and roles")
    migrate.add_argument("--dsn", required=True, help=dsn_help)
    add = actions.add_parser(
        "add-kiosk", help="let a kiosk log in: its role kiosk_<ID>, which may only add rows"
    )
    add.add_argument("kiosk_id", metavar="ID", help="the kiosk's [kiosk] id, e.g. lobby-1")
    add.add_argument("--dsn", required=True, help=dsn_help)
    add.add_argument(
        "--password-file",
        type=Path,
        metavar="PATH",
        help="the kiosk's password: read from PATH (mode 0600), or a new random one written "
        "there (0600) when PATH does not exist; without it, one line from standard input",
    )
    sync = commands.add_parser(
        "sync", help="send this kiosk's requests to the central store ([sync] in the config)"
    )
    common(sync)
    sync.add_argument(
        "--once", action="store_true", help="one pass, then exit (0: nothing left to send)"
    )


def run(args: argparse.Namespace, config: Config) -> int:
    if args.command == "sync":
        return _sync(config, once=args.once)
    if dsn_has_password(args.dsn):
        print(
            "kiosk: --dsn must not hold a password (other users can read a command line): "
            "use ~/.pgpass or $PGPASSWORD",
            file=sys.stderr,
        )
        return NOTHING_TO_DO
    if args.central_action == "migrate":
        return _migrate(args.dsn)
    return _add_kiosk(args.dsn, args.kiosk_id, args.password_file)


def _admin_connection(dsn: str) -> Any:
    import psycopg

    from kiosk.central.problems import while_connecting

    try:
        return psycopg.connect(dsn, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        print(f"kiosk: {while_connecting(exc)}", file=sys.stderr)
        return None


def _migrate(dsn: str) -> int:
    import psycopg

    from kiosk.central.problems import while_pushing
    from kiosk.central.schema import migrate, migrations

    conn = _admin_connection(dsn)
    if conn is None:
        return 1
    with conn:
        try:
            applied = migrate(conn)
        except psycopg.Error as exc:
            print(f"kiosk: migrating failed: {while_pushing(exc)}", file=sys.stderr)
            return 1
    for migration in applied:
        print(f"applied {migration.version:04d}_{migration.name}")
    if not applied:
        print(f"the central store is up to date ({len(migrations())} migrations)")
    return 0


def _add_kiosk(dsn: str, kiosk_id: str, password_file: Path | None) -> int:
    import psycopg

    from kiosk.central.problems import SyncError, while_pushing
    from kiosk.central.schema import add_kiosk, kiosk_role

    try:
        kiosk_role(kiosk_id)
        password, where = _kiosk_password(password_file)
    except (ValueError, SyncError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return NOTHING_TO_DO
    conn = _admin_connection(dsn)
    if conn is None:
        return 1
    with conn:
        try:
            role, created = add_kiosk(conn, kiosk_id, password)
        except psycopg.Error as exc:
            print(f"kiosk: adding the kiosk failed: {while_pushing(exc)}", file=sys.stderr)
            return 1
    print(
        f"{'created' if created else 'updated'} role {role} (password {where}); on kiosk "
        f'{kiosk_id}: [kiosk] id = "{kiosk_id}", and in [sync] dsn user={role}, with the '
        "password in its password_file (mode 0600) or the credential kiosk-central-password"
    )
    return 0


def _kiosk_password(path: Path | None) -> tuple[str, str]:
    """The password and where it came from (never the password itself)."""
    from kiosk.central.credentials import read_secret_file

    if path is None:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValueError("no password on standard input (or give --password-file)")
        return line, "from standard input"
    if path.exists():
        return read_secret_file(path), f"from {path}"
    import secrets  # here: `kiosk run` imports this module for its arguments only

    password = secrets.token_urlsafe(PASSWORD_BYTES)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(password + "\n")
    return password, f"new, written to {path}"


def _sync(config: Config, *, once: bool) -> int:
    if config.sync is None:
        source = config.source or "the configuration"
        print(f"kiosk: no [sync] section in {source}: nothing to send", file=sys.stderr)
        return NOTHING_TO_DO
    from kiosk.central.problems import SyncError
    from kiosk.central.sync import Syncer

    # To the journal (stderr), one event per line; the kiosk's own log file is the kiosk's.
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    syncer = Syncer(config)
    if once:
        try:
            result = syncer.run_once()
        except SyncError as exc:
            print(f"kiosk: sync failed: {exc}", file=sys.stderr)
            return 1
        finally:
            syncer.close()
        print(f"sent {result.sent} requests, {result.pending} waiting")
        return 0 if result.pending == 0 else 1
    import signal  # here, as secrets above

    stop = threading.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda _signum, _frame: stop.set())
    logging.getLogger(__name__).info(
        "sync: kiosk %s, every %d s", config.kiosk.id, config.sync.interval_seconds
    )
    syncer.run(stop)
    return 0
