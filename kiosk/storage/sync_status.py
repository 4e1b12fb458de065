"""What `kiosk sync` last did, for the diagnostics screen and `kiosk doctor` to read: a small JSON
file in the data folder, replaced whole on every change. It says whether the central store is
being reached, since when it is not and why (a kind and words for IT, never patient data), when
the last push succeeded and how many requests wait."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import NamedTuple

from kiosk.storage.files import write_atomically

STATUS_FILE = "sync-status.json"


class SyncStatus(NamedTuple):
    ok: bool
    problem: str  # "" when ok; else a kind: wrong_password, unreachable, tls, ...
    message: str  # for IT: what is wrong and what to do; no patient data
    failing_since: dt.datetime | None
    last_success: dt.datetime | None
    pending: int
    updated: dt.datetime


def write_status(data_dir: Path, status: SyncStatus) -> None:
    record = {
        "ok": status.ok,
        "problem": status.problem,
        "message": status.message,
        "failing_since": _stamp(status.failing_since),
        "last_success": _stamp(status.last_success),
        "pending": status.pending,
        "updated": _stamp(status.updated),
    }
    text = json.dumps(record, indent=1) + "\n"
    write_atomically(data_dir / STATUS_FILE, lambda file: file.write(text.encode("utf-8")))


def read_status(data_dir: Path) -> SyncStatus | None:
    """The last status `kiosk sync` wrote; None when it never ran (or the file is unreadable)."""
    try:
        record = json.loads((data_dir / STATUS_FILE).read_text(encoding="utf-8"))
        return SyncStatus(
            ok=bool(record["ok"]),
            problem=str(record["problem"]),
            message=str(record["message"]),
            failing_since=_moment(record["failing_since"]),
            last_success=_moment(record["last_success"]),
            pending=int(record["pending"]),
            updated=_moment(record["updated"]) or dt.datetime.min.replace(tzinfo=dt.UTC),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _stamp(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def _moment(text: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if isinstance(text, str) else None
