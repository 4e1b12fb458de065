"""The audit log: which staff member did what at the kiosk, and when, kept for good.

Entries are only ever added: triggers in kiosk/storage/sql/002_staff.sql refuse any UPDATE or
DELETE.
Callers put counts and folders in `detail`, never a patient's name, phone number or note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from kiosk.core.clock import utc_now
from kiosk.storage.database import Database

# Short snake_case words, so the log reads as a list of verbs and a typo stands out in review.
_ACTION = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
MAX_ACTION = 40
MAX_DETAIL = 300


class AuditEntry(NamedTuple):
    """One thing that happened. `staff` is "" when no one was signed in."""

    at: dt.datetime
    staff: str
    action: str
    detail: str


class AuditLog:
    """The append-only log in the kiosk's database."""

    def __init__(self, db: Database, *, now: Callable[[], dt.datetime] = utc_now) -> None:
        self._db = db
        self._now = now

    def record(self, staff: str, action: str, detail: str = "") -> None:
        """Add one entry, on disk when this returns; raises ValueError for a malformed action.

        `detail` is made one line of at most MAX_DETAIL characters rather than refused: the
        action it describes has already happened and must still be logged.
        """
        if len(action) > MAX_ACTION or not _ACTION.fullmatch(action):
            raise ValueError(f"an audit action must be a short snake_case word, not {action!r}")
        line = " ".join(detail.split())
        if len(line) > MAX_DETAIL:
            line = line[: MAX_DETAIL - 1] + "…"
        at = self._now().astimezone(dt.UTC)
        self._db.write(
            "INSERT INTO audit (at, staff, action, detail) VALUES (?, ?, ?, ?)",
            [(at.isoformat(), staff, action, line)],
        )

    def entries(self, limit: int | None = None) -> list[AuditEntry]:
        """The newest `limit` entries (all when None), newest first.

        Ordered by insertion, not by `at`, so a clock set back cannot reorder the log.
        """
        if limit is not None and limit < 0:
            raise ValueError("limit must be zero or more")
        rows = self._db.read(
            "SELECT at, staff, action, detail FROM audit ORDER BY id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [_entry(row) for row in rows]

    def last(self, action: str) -> AuditEntry | None:
        """The newest entry with `action`, if there is one."""
        rows = self._db.read(
            "SELECT at, staff, action, detail FROM audit WHERE action = ? ORDER BY id DESC LIMIT 1",
            (action,),
        )
        return _entry(rows[0]) if rows else None


def _entry(row: tuple[str, str, str, str]) -> AuditEntry:
    at, staff, action, detail = row
    return AuditEntry(dt.datetime.fromisoformat(at), staff, action, detail)
