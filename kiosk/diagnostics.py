"""What staff and IT need to see at a glance when something seems wrong: disk, database,
version, uptime, crashes and the end of the log. No patient data is ever part of it."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

from kiosk import __version__
from kiosk.database import Database, StorageError
from kiosk.logs import LOG_DIR, LOG_FILE
from kiosk.safety import crash_count

STARTED = time.monotonic()
LOG_LINES = 15


def facts(data_dir: Path, db: Database | None) -> list[tuple[str, str]]:
    """(label, value) pairs, in the order staff read them."""
    free = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.parent).free
    uptime = dt.timedelta(seconds=round(time.monotonic() - STARTED))
    rows = [
        ("Version", __version__),
        ("Up for", str(uptime)),
        ("Free disk", f"{free / 1e9:.1f} GB"),
        ("Crashes recovered", str(crash_count(data_dir))),
    ]
    if db is None:
        return [*rows, ("Database", "not open")]
    try:
        healthy = db.integrity_ok()
        last = db.read("SELECT max(created_at) FROM requests")[0][0]
    except StorageError as exc:
        return [*rows, ("Database", f"error: {exc.kind}")]
    saved = (
        dt.datetime.fromisoformat(last).astimezone().strftime("%Y-%m-%d %H:%M")
        if last
        else "none yet"
    )
    return [*rows, ("Database", "ok" if healthy else "DAMAGED"), ("Last request saved", saved)]


def log_tail(data_dir: Path, lines: int = LOG_LINES) -> list[str]:
    """The last lines of the kiosk's log (which never holds patient data)."""
    try:
        text = (data_dir / LOG_DIR / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()[-lines:]
