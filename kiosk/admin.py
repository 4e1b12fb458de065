"""The administration commands: staff accounts, the audit log, statistics and purging.

For the clinic's IT person at a terminal on the kiosk (or over SSH). They open the same
encrypted database the kiosk uses; a PIN is read without echo and never printed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kiosk.core.config import Config

if TYPE_CHECKING:
    from kiosk.storage.audit import AuditLog
    from kiosk.storage.database import Database


def add_commands(commands: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the administration commands to the `kiosk` command's subcommands."""
    staff = commands.add_parser("staff", help="add, list or remove staff members")
    actions = staff.add_subparsers(dest="staff_action", required=True, parser_class=type(staff))
    add = actions.add_parser("add", help="add a staff member (asks for a PIN of 6+ digits)")
    add.add_argument("name")
    add.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from standard input instead of asking twice",
    )
    remove = actions.add_parser("remove", help="remove a staff member")
    remove.add_argument("name")
    listing = actions.add_parser("list", help="list the staff members")
    audit = commands.add_parser("audit", help="print the audit log, newest first")
    audit.add_argument("--limit", type=int, default=50)
    stats = commands.add_parser("stats", help="print the usage statistics as CSV")
    purge = commands.add_parser("purge", help="delete exported and done requests now")
    purge.add_argument(
        "--older-than",
        type=int,
        metavar="DAYS",
        help="days since exported or done (default: the configured retention)",
    )
    export = commands.add_parser(
        "export", help="export requests to a CSV or XLSX file (asks for a staff PIN on stdin)"
    )
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="a new file outside the kiosk's data folder",
    )
    export.add_argument(
        "--force", action="store_true", help="replace PATH if it is an existing regular file"
    )
    export.add_argument(
        "--since",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="only requests made on or after this day",
    )
    export.add_argument(
        "--status",
        choices=("new", "exported", "done", "all"),
        default="new",
        help="which requests (default: new; they are then marked exported)",
    )
    demo = commands.add_parser(
        "demo-data",
        help="fill a new folder (--data-dir, required) with fictional staff, requests and counts",
    )
    for parser in (add, remove, listing, audit, stats, purge, export, demo):
        common(parser)


def run(
    args: argparse.Namespace,
    config: Config,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Run an administration command; 1 with a one-line message when it cannot."""
    # The database (SQLCipher, hashlib) loads here, not when `kiosk run` builds its parser:
    # ~25 ms of a patient-facing cold start.
    from kiosk.storage.database import Database, StorageError  # noqa: PLC0415

    if args.command == "demo-data":
        if args.data_dir is None:
            # Never the configured folder by default: that is the real kiosk's.
            print("kiosk: demo-data needs --data-dir PATH, a folder of its own", file=sys.stderr)
            return 1
        return _demo_data(config, stdout or sys.stdout)
    if (refusal := _refusal(args, config)) is not None:
        print(f"kiosk: {refusal}", file=sys.stderr)
        return 1
    try:
        db = Database.open(config.paths.data_dir)
    except StorageError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    try:
        return _run(args, config, db, stdin or sys.stdin, stdout or sys.stdout)
    except (StorageError, ValueError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()


def _refusal(args: argparse.Namespace, config: Config) -> str | None:
    """Why the arguments cannot be carried out, found before the database is even opened."""
    if args.command == "purge" and args.older_than is not None and args.older_than < 1:
        # Not the configured default instead, as `args.older_than or ...` once made it.
        return "--older-than must be 1 or more days"
    if args.command == "export":
        from kiosk.storage.export import ExportError, TargetExistsError, check_target  # noqa: PLC0415

        try:
            # Never the key or the live database: either overwritten loses every request.
            check_target(args.out, config.paths.data_dir, replace=args.force)
        except TargetExistsError as exc:
            return f"{exc} (--force replaces it)"
        except ExportError as exc:
            return str(exc)
    return None


def _run(
    args: argparse.Namespace, config: Config, db: Database, stdin: TextIO, stdout: TextIO
) -> int:
    from kiosk.storage.accounts import StaffDirectory  # noqa: PLC0415
    from kiosk.storage.audit import AuditLog  # noqa: PLC0415 -- each command loads what it needs
    from kiosk.storage.retention import purge  # noqa: PLC0415
    from kiosk.storage.usage import UsageStats  # noqa: PLC0415

    if args.command == "staff":
        directory = StaffDirectory(db)
        if args.staff_action == "add":
            directory.add(args.name, _read_pin(args.pin_stdin, stdin), by="command line")
            print(f"added {args.name}", file=stdout)
        elif args.staff_action == "remove":
            if not directory.remove(args.name, by="command line"):
                print(f"kiosk: no staff member called {args.name!r}", file=sys.stderr)
                return 1
            print(f"removed {args.name}", file=stdout)
        else:
            for name in directory.names():
                print(name, file=stdout)
    elif args.command == "audit":
        for entry in AuditLog(db).entries(args.limit):
            when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            print(
                f"{when}  {entry.staff or '-':20s} {entry.action:18s} {entry.detail}", file=stdout
            )
    elif args.command == "stats":
        header, rows = UsageStats(db).table()
        for row in (header, *rows):
            print(",".join(row), file=stdout)
    elif args.command == "export":
        return _export(args, db, stdin, stdout)
    elif args.command == "purge":
        days = config.kiosk.retention_days if args.older_than is None else args.older_than
        print(f"deleted {purge(db, older_than_days=days)} requests", file=stdout)
    return 0


def _export(args: argparse.Namespace, db: Database, stdin: TextIO, stdout: TextIO) -> int:
    """Export as a signed-in staff member would, audited under their name.

    The attempt is logged before the file is written and the outcome after, so a file of
    patients' numbers never exists without an entry naming who made it.
    """
    from kiosk.storage.accounts import StaffDirectory  # noqa: PLC0415
    from kiosk.storage.audit import AuditLog  # noqa: PLC0415
    from kiosk.storage.database import StorageError  # noqa: PLC0415
    from kiosk.storage.export import ExportError, write_csv, write_xlsx  # noqa: PLC0415
    from kiosk.storage.requests import RequestStore  # noqa: PLC0415

    result = StaffDirectory(db).sign_in(_read_secret("Staff PIN: ", stdin))
    if not result.ok:
        wait = f"; try again in {result.wait_seconds:.0f} s" if result.wait_seconds else ""
        print(f"kiosk: that PIN is not right{wait}", file=sys.stderr)
        return 1
    store = RequestStore(db)
    chosen = store.requests(None if args.status == "all" else args.status)
    if args.since is not None:
        chosen = [r for r in chosen if r.created_at.astimezone().date() >= args.since]
    audit, who, out = AuditLog(db), result.name, args.out
    try:
        audit.record(who, "export_started", f"{len(chosen)} requests to {out} (command line)")
    except StorageError as exc:
        print(f"kiosk: {exc}; nothing was exported", file=sys.stderr)
        return 1
    try:
        write = write_xlsx if args.format == "xlsx" else write_csv
        count = write(chosen, out, replace=args.force)
    except ExportError as exc:
        _try_record(audit, who, "export_failed", f"to {out}: {exc}")
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    if args.status == "new":
        try:
            store.set_status([r.id for r in chosen], "exported")
        except StorageError as exc:
            _try_record(audit, who, "export_not_marked", f"{count} requests in {out}: {exc}")
            print(
                f"kiosk: {count} requests were written to {out} but could not be marked "
                f"exported ({exc}); they stay new, so the next export includes them again",
                file=sys.stderr,
            )
            return 1
    try:
        audit.record(who, "export", f"{count} requests to {out} (command line)")
    except StorageError as exc:
        print(
            f"kiosk: {count} requests were written to {out}, but the audit log could not "
            f"record it ({exc}); its start is logged",
            file=sys.stderr,
        )
        return 1
    print(f"{count} requests written to {out}", file=stdout)
    return 0


def _try_record(audit: AuditLog, staff: str, action: str, detail: str) -> None:
    """Log what went wrong if the database still takes it: the first error is the one to tell."""
    from kiosk.storage.database import StorageError  # noqa: PLC0415

    with contextlib.suppress(StorageError):
        audit.record(staff, action, detail)


def _demo_data(config: Config, stdout: TextIO) -> int:
    from kiosk.demo import DEMO_PIN, DEMO_STAFF, NotADemoFolderError, seed  # noqa: PLC0415
    from kiosk.storage.database import StorageError  # noqa: PLC0415

    try:
        seed(config.paths.data_dir)
    except (StorageError, NotADemoFolderError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    print(
        f"demo data in {config.paths.data_dir}: staff {DEMO_STAFF!r}, PIN {DEMO_PIN}", file=stdout
    )
    return 0


def _read_pin(from_stdin: bool, stdin: TextIO) -> str:  # noqa: FBT001
    if from_stdin:
        return _read_secret("PIN (6 or more digits): ", stdin)
    first = getpass.getpass("PIN (6 or more digits): ")
    if getpass.getpass("The same PIN again: ") != first:
        raise ValueError("the two PINs differ; nothing was changed")
    return first


def _read_secret(prompt: str, stdin: TextIO) -> str:
    """One line from standard input: unseen when typed at a terminal, as it would be echoed."""
    if stdin.isatty():
        return getpass.getpass(prompt)
    return stdin.readline().strip()
