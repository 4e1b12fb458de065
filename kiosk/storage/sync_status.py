"""What `kiosk sync` last did, for the diagnostics screen and `kiosk doctor` to read: a small JSON
file in the data folder, replaced whole on every change. It says whether the central store is
being reached, since when it is not and why (a kind and words for IT, never patient data), when
the last push succeeded and how many requests wait."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from kiosk.storage.files import write_atomically

STATUS_FILE = "sync-status.json"
# `kiosk sync` writes the file after every pass: every `interval_seconds` when it works, and after
# a failure at most five minutes apart (kiosk.central.sync.BACKOFF_CAP), plus a pass's own time
# (a connection times out after 10 s). No news for longer than this: it is not running.
LONGEST_PAUSE = dt.timedelta(minutes=5)
SLACK = dt.timedelta(minutes=3)


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
            updated=_required(record["updated"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def stale_after(interval_seconds: int) -> dt.timedelta:
    """How long the status file may go unchanged while `kiosk sync` runs."""
    return max(dt.timedelta(seconds=interval_seconds), LONGEST_PAUSE) + SLACK


def is_stale(status: SyncStatus, now: dt.datetime, interval_seconds: int) -> bool:
    """Whether `kiosk sync` seems stopped: it has not written for longer than it ever waits.
    A time ahead of `now` (a clock set back) is not stale: the service wrote it."""
    return now - status.updated > stale_after(interval_seconds)


class State(StrEnum):
    """What the status file says of a kiosk whose [sync] is on."""

    NOT_RUN = "not_run"  # no file: `kiosk sync` never ran here (or the file is unreadable)
    STOPPED = "stopped"  # the file has not changed for longer than the service ever waits
    FAILING = "failing"
    OK = "ok"


def state_of(status: SyncStatus | None, now: dt.datetime, interval_seconds: int) -> State:
    if status is None:
        return State.NOT_RUN
    if is_stale(status, now, interval_seconds):
        return State.STOPPED
    return State.OK if status.ok else State.FAILING


def _stamp(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def _required(text: object) -> dt.datetime:
    moment = _moment(text)
    if moment is None or moment.tzinfo is None:
        raise ValueError("no time of writing")
    return moment


def _moment(text: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if isinstance(text, str) else None
