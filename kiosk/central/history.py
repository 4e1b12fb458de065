"""The front desk's history: the store's audit log (staff.audit, append-only) read a page at a
time, newest first by the time written (from the indexes of sql/0006_audit_pages.sql), by the
clinic's day and by staff member, and each entry read back into the facts it holds (a request's
reference and kiosk, a count, an export's file name), so the desk can say it in words. No Qt.

An entry's detail holds references, counts and file names, never patient data (the desk and
the store's own functions write it: kiosk/central/desk.py, sql/0004 and 0005). Only what those
known shapes hold is read back; a detail in any other shape is never shown, so even a row
written by hand cannot put a name on the desk's screen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from kiosk.central.desk import Connection, conditions

PAGE = 50  # entries read at once; "Show older" reads the next 50


class Action(StrEnum):
    """What an entry says happened (staff.audit.action); OTHER: one this desk does not know."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    MARK_CALLED = "mark_called"
    MARK_DONE = "mark_done"
    MARK_NEW = "mark_new"
    EXPORT = "export"
    PURGE = "purge"
    DAILY_PRUNE = "daily_prune"
    STAFF_ADDED = "staff_added"
    OTHER = "other"


class HistoryFilter(NamedTuple):
    """Which entries to read: one staff member's (None: everyone's), one day in the clinic's
    zone `tz` (None: any day)."""

    staff: str | None = None
    day: dt.date | None = None
    tz: dt.tzinfo = dt.UTC


class HistoryEntry(NamedTuple):
    """One audit entry and the facts its detail holds ("" and () when it holds none)."""

    id: int
    at: dt.datetime
    desk: str  # the desk PC's login role (the server fills it in)
    staff: str  # who was signed in; "" for a wrong PIN and for IT
    action: Action
    reference: str = ""  # a request's reference code
    kiosk: str = ""  # the kiosk a request came from
    file: str = ""  # an export's file name
    name: str = ""  # a staff member IT added
    numbers: tuple[int, ...] = ()  # counts, in the order the action's words need them


class HistoryPage(NamedTuple):
    """Entries newest first; `more`: there are more beyond the last (older ones, or newer ones
    than a `newer` read could hold)."""

    entries: list[HistoryEntry]
    more: bool


_COLUMNS = "id, at, desk, staff, action, detail"
_REFERENCE = r"[0-9A-Z-]{1,20}"
_KIOSK = r"[a-z0-9][a-z0-9-]{0,39}"
# An export's file as the desk names it (callback-requests-2026-12-01-094100.csv, or -2 ...).
_FILE = r"callback-requests-[0-9-]{1,40}\.(?:csv|xlsx)"
_STAFF_NAME = r"[^\x00-\x1f]{1,40}"
_DETAILS: dict[Action, re.Pattern[str]] = {
    Action.MARK_CALLED: re.compile(rf"(?P<reference>{_REFERENCE}) from kiosk (?P<kiosk>{_KIOSK})"),
    Action.EXPORT: re.compile(rf"(?P<n>\d+) requests to (?P<file>{_FILE})"),
    Action.PURGE: re.compile(r"(?P<n>\d+) done requests older than (?P<m>\d+) days deleted"),
    Action.DAILY_PRUNE: re.compile(
        r"(?P<n>\d+) old heartbeats and (?P<m>\d+) outgrown usage counts deleted"
    ),
    Action.SIGN_IN: re.compile(r"after (?P<n>\d+) wrong PINs"),
    Action.SIGN_IN_FAILED: re.compile(r"attempt (?P<n>\d+)"),
    Action.STAFF_ADDED: re.compile(rf"(?P<name>{_STAFF_NAME})"),
}
_DETAILS[Action.MARK_DONE] = _DETAILS[Action.MARK_NEW] = _DETAILS[Action.MARK_CALLED]


def read_history(
    conn: Connection,
    which: HistoryFilter,
    *,
    before: HistoryEntry | None = None,
    limit: int = PAGE,
) -> HistoryPage:
    """The newest `limit` entries `which` selects, older than the entry `before` when given
    (the last one shown: "Show older")."""
    where, args = _where(which)
    if before is not None:
        where.append("(at, id) < (%s, %s)")
        args.extend((before.at, before.id))
    return _page(conn, where, args, limit)


def read_newer(
    conn: Connection, which: HistoryFilter, after: HistoryEntry, *, limit: int = PAGE
) -> HistoryPage:
    """The entries `which` selects newer than the entry `after` (the top one shown), newest
    first; `more` when there are more than `limit` of them (read the first page again)."""
    where, args = _where(which)
    where.append("(at, id) > (%s, %s)")
    args.extend((after.at, after.id))
    return _page(conn, where, args, limit)


def staff_names(conn: Connection) -> list[str]:
    """Everyone who may sign in at the desk, for the history's staff filter."""
    with conn.transaction():
        rows = conn.execute("SELECT name FROM staff.accounts ORDER BY name").fetchall()
    return [str(row[0]) for row in rows]


def entry(row: Sequence[Any]) -> HistoryEntry:
    """A row of _COLUMNS, its detail read back into facts; an unknown action or a detail in an
    unknown shape gives no facts at all."""
    number, at, desk, staff, action, detail = row
    try:
        known = Action(action)
    except ValueError:
        known = Action.OTHER
    base = HistoryEntry(int(number), at, str(desk), str(staff), known)
    pattern = _DETAILS.get(known)
    found = pattern.fullmatch(str(detail)) if pattern is not None else None
    if found is None:
        return base
    facts = found.groupdict()
    return base._replace(
        reference=facts.get("reference") or "",
        kiosk=facts.get("kiosk") or "",
        file=facts.get("file") or "",
        name=facts.get("name") or "",
        numbers=tuple(int(facts[key]) for key in ("n", "m") if facts.get(key) is not None),
    )


def _where(which: HistoryFilter) -> tuple[list[str], list[object]]:
    return conditions({"staff": which.staff}, "at", which.day, which.tz)


def _page(conn: Connection, where: list[str], args: list[object], limit: int) -> HistoryPage:
    # Planned with its values each time (prepare=False): psycopg prepares a statement run five
    # times, and a plan made for any name reads the whole log backwards for a rare one.
    condition = ("WHERE " + " AND ".join(where)) if where else ""
    with conn.transaction():
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM staff.audit {condition}"  # noqa: S608 -- fixed text
            " ORDER BY at DESC, id DESC LIMIT %s",
            [*args, limit + 1],  # one more than asked: is there more?
            prepare=False,
        ).fetchall()
    return HistoryPage([entry(row) for row in rows[:limit]], more=len(rows) > limit)
