"""Forgetting patients on schedule: requests already exported or done are deleted after N days.

New requests are never deleted, however old: no one has called those patients yet. Each purge
is audited, which also records when it last ran so "once a day" survives a restart. Files that
hold patients too go on the same schedule: exports left in the data folder's `exports` (plain
CSV or XLSX), exports a kill left unfinished, and damaged databases set aside.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from kiosk.core.clock import utc_now
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import DATABASE, SET_ASIDE, Database

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30
ACTION = "requests_purged"
ONE_DAY = dt.timedelta(days=1)
EXPORTS = "exports"  # the data folder's own export target (kiosk/storage/drives.py)
UNFINISHED_EXPORT = ".export-"  # kiosk/storage/export.py writes here, then renames
UNFINISHED_AFTER = 3600  # seconds: no export takes an hour


def purge(
    db: Database,
    *,
    older_than_days: int = DEFAULT_DAYS,
    now: Callable[[], dt.datetime] = utc_now,
) -> int:
    """Delete exported and done requests whose status changed more than `older_than_days` ago,
    and requests sent to the central store whose personal fields were wiped that long ago.

    A request with no status change time counts from when it was made. Returns how many were
    deleted. The rows are overwritten, not just unlinked: see `_forget_freed_pages`.
    """
    if older_than_days < 1:
        raise ValueError("older_than_days must be 1 or more")
    cutoff = now().astimezone(dt.UTC) - dt.timedelta(days=older_than_days)
    # Compared in Python, as datetimes: the stored text may differ in precision or offset.
    rows = db.read(
        "SELECT id, coalesce(status_changed_at, created_at) FROM requests"
        " WHERE status IN ('exported', 'done')",
        (),
    )
    ids = [(request_id,) for request_id, stamp in rows if _older(stamp, cutoff)]
    # Sent to the central store and wiped here since (`kiosk sync`): the front desk calls
    # these, and what is left of them (no name, no number) goes as an exported one would.
    wiped = db.read(
        "SELECT r.id, s.wiped_at FROM requests r JOIN synced s ON s.id = r.id"
        " WHERE s.wiped_at IS NOT NULL AND r.status = 'new'",
        (),
    )
    sent = [(request_id,) for request_id, stamp in wiped if _older(stamp, cutoff)]
    if ids or sent:
        db.read("PRAGMA secure_delete = ON", ())
    if ids:
        # The status test again: a request is never deleted unless it left "new".
        db.write("DELETE FROM requests WHERE id = ? AND status IN ('exported', 'done')", ids)
    if sent:
        # Likewise: never one whose personal fields are still here.
        db.write(
            "DELETE FROM requests WHERE id = ?"
            " AND id IN (SELECT id FROM synced WHERE wiped_at IS NOT NULL)",
            sent,
        )
    files = purge_files(db.path.parent, older_than_days=older_than_days, now=now)
    AuditLog(db, now=now).record(
        "",
        ACTION,
        f"{len(ids)} requests exported or done over {older_than_days} days ago"
        + (f"; {len(sent)} sent to the front desk" if sent else "")
        + (f"; {files} files with patient data" if files else ""),
    )
    if ids or sent:
        _forget_freed_pages(db)
    return len(ids) + len(sent)


def purge_files(
    data_dir: Path, *, older_than_days: int, now: Callable[[], dt.datetime] = utc_now
) -> int:
    """Delete the data folder's files that hold patients once they are `older_than_days` old:
    exports (by when they were written), set-aside damaged databases (by when they were set
    aside: the link that moved them changed their ctime), and unfinished exports after an hour.
    Returns how many were deleted; a file that cannot be deleted is logged and left."""
    moment = now().timestamp()
    cutoff = moment - older_than_days * ONE_DAY.total_seconds()
    doomed: list[Path] = []
    for export in _files(data_dir / EXPORTS):
        written = export.stat().st_mtime
        unfinished = export.name.startswith(UNFINISHED_EXPORT)
        if written < cutoff or (unfinished and written < moment - UNFINISHED_AFTER):
            doomed.append(export)
    for copy in _files(data_dir):
        if copy.name.startswith(DATABASE + SET_ASIDE) and copy.stat().st_ctime < cutoff:
            doomed.append(copy)
    deleted = 0
    for path in doomed:
        try:
            path.unlink()
            deleted += 1
        except OSError as exc:
            log.warning("retention: could not delete %s (%s)", path.name, exc.strerror)
    return deleted


def _files(folder: Path) -> list[Path]:
    try:
        return [entry for entry in folder.iterdir() if entry.is_file()]
    except OSError:
        return []  # no such folder yet


def last_run(db: Database) -> dt.datetime | None:
    """When `purge` last ran on this database, from the audit log."""
    entry = AuditLog(db).last(ACTION)
    return entry.at if entry else None


def due(last_run: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a daily purge should run: it never has, a day has passed, or the clock went back.

    A clock set back before the last run counts as due: purging twice does no harm, waiting for
    the clock to catch up would keep patient data longer than promised.
    """
    return last_run is None or not (last_run <= now < last_run + ONE_DAY)


def _older(stamp: str, cutoff: dt.datetime) -> bool:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        log.warning("a request has an unreadable timestamp; it is kept")
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # the schema stores UTC
    return moment < cutoff


def _forget_freed_pages(db: Database) -> None:
    """Leave no copy of the deleted rows in the files, even to someone holding the key.

    SQLCipher encrypts every page, free ones included, so without the key nothing was readable
    anyway. `secure_delete` (set before the DELETE) makes SQLite zero the deleted cells and freed
    pages; the old page images still sit in the WAL until a checkpoint copies the new pages into
    the database and TRUNCATE empties it. No VACUUM: it would rewrite the whole file for nothing
    more. Flash wear-levelling may keep old blocks on the card, which only the encryption covers.
    """
    busy, _frames, _done = db.read("PRAGMA wal_checkpoint(TRUNCATE)", ())[0]
    if busy:
        log.warning("the write-ahead log is in use; deleted rows leave it at the next checkpoint")
