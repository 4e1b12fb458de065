"""`kiosk desk` (the front desk's window, [desk] in the configuration) and `kiosk desk add-staff`
(the IT person's, as the central store's owner). Qt and psycopg load only when one runs."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import Any

from kiosk.core.config import Config, dsn_has_password

NOTHING_TO_DO = 2
DEFAULT_SIZE = (1280, 800)


def add_commands(
    commands: Any,
    common: Callable[[argparse.ArgumentParser], None],
    size: Callable[[str], tuple[int, int]],
) -> None:
    desk = commands.add_parser(
        "desk", help="the front desk's window: live requests from every kiosk ([desk] section)"
    )
    common(desk)
    desk.add_argument("--size", type=size, metavar="WxH", help="window size (default 1280x800)")
    actions = desk.add_subparsers(dest="desk_action", parser_class=type(desk))
    add = actions.add_parser(
        "add-staff",
        help="let a staff member sign in at the desk: NAME, and the PIN on standard input (IT)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--dsn",
        required=True,
        help="the store's libpq connection string, as its owner; the password from ~/.pgpass "
        "or $PGPASSWORD, never here",
    )


def run(args: argparse.Namespace, config: Config) -> int:
    if args.desk_action == "add-staff":
        return _add_staff(args.dsn, args.name)
    if config.desk is None or not config.desk.dsn:
        source = config.source or "the configuration"
        print(
            f"kiosk: no [desk] dsn in {source}: the desk needs the central store "
            "(see INSTALL.md, 'The central store')",
            file=sys.stderr,
        )
        return NOTHING_TO_DO
    return _run_desk(config, args.size or DEFAULT_SIZE)


def _run_desk(config: Config, size: tuple[int, int]) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.central.credentials import read_secret_file
    from kiosk.central.problems import SyncError
    from kiosk.desk.app import build_desk, store_connector

    if config.desk is None:
        return NOTHING_TO_DO
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        password = (
            read_secret_file(config.desk.password_file) if config.desk.password_file else None
        )
    except SyncError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return NOTHING_TO_DO
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("waiting-room-desk")
    desk = build_desk(config, app, store_connector(config.desk.dsn, password))
    desk.controller.start()
    desk.window.resize(*size)
    desk.window.show()
    try:
        return app.exec()
    finally:
        desk.controller.stop()


def _add_staff(dsn: str, name: str) -> int:
    if dsn_has_password(dsn):
        print(
            "kiosk: --dsn must not hold a password: use ~/.pgpass or $PGPASSWORD", file=sys.stderr
        )
        return NOTHING_TO_DO
    pin = sys.stdin.readline().strip()
    from kiosk.central.desk import DatabaseError, add_staff, connect, failure
    from kiosk.central.problems import SyncError

    try:
        with connect(dsn, autocommit=True) as conn:
            add_staff(conn, name, pin)
    except (ValueError, SyncError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return NOTHING_TO_DO if isinstance(exc, ValueError) else 1
    except DatabaseError as exc:
        print(f"kiosk: adding the staff member failed: {failure(exc)}", file=sys.stderr)
        return 1
    print(f"added {name.strip()}: they sign in at the desk with their PIN")
    return 0
