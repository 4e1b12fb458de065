"""Anonymous usage counts: how often each topic, spine region and form step was used, per day.

One row per (local day, event, subject) holding a count: no time of day, no visit and nothing a
patient typed, so the counts cannot be traced back to a person or a callback request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from kiosk.core.clock import utc_now
from kiosk.storage.database import Database

# Events that name what was opened; every other event has no subject.
WITH_SUBJECT = frozenset({"topic_opened", "region_tapped"})
EVENTS = WITH_SUBJECT | {"form_started", "form_submitted", "form_abandoned", "idle_reset"}
HEADER = ("Day", "Event", "Subject", "Count")
# A page slug: one word, no spaces, so free text (a name, a sentence) cannot become a subject.
_SUBJECT = re.compile(r"[\w.-]{1,80}")


class UsageRow(NamedTuple):
    """How many times `event` happened for `subject` on `day`."""

    day: dt.date
    event: str
    subject: str
    count: int  # type: ignore[assignment]  # the name staff read; shadows tuple.count


class UsageStats:
    """The counts, in the kiosk's database. Days are local dates: `tz`, or the machine's zone."""

    def __init__(
        self,
        db: Database,
        *,
        now: Callable[[], dt.datetime] = utc_now,
        tz: dt.tzinfo | None = None,
    ) -> None:
        self._db = db
        self._now = now
        self._tz = tz

    def count(self, event: str, subject: str = "") -> None:
        """Add 1 to today's count, in one transaction; ValueError for an unknown event or subject.

        Refusing unknown names means a typo fails a test instead of quietly starting a series.
        """
        if event not in EVENTS:
            raise ValueError(f"unknown usage event {event!r}")
        if event in WITH_SUBJECT and not _SUBJECT.fullmatch(subject):
            raise ValueError(f"{event} needs a page slug as its subject")
        if event not in WITH_SUBJECT and subject:
            raise ValueError(f"{event} takes no subject")
        self._db.write(
            "INSERT INTO usage (day, event, subject, count) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (day, event, subject) DO UPDATE SET count = count + 1",
            [(self.today().isoformat(), event, subject)],
        )

    def today(self) -> dt.date:
        return self._now().astimezone(self._tz).date()

    def days(self, since: dt.date | None = None) -> list[UsageRow]:
        """Every count from `since` (inclusive; all when None), by day, event and subject."""
        rows = self._db.read(
            "SELECT day, event, subject, count FROM usage WHERE day >= ?"
            " ORDER BY day, event, subject",
            ("" if since is None else since.isoformat(),),
        )
        return [
            UsageRow(dt.date.fromisoformat(day), event, subject, int(count))
            for day, event, subject, count in rows
        ]

    def table(
        self, since: dt.date | None = None
    ) -> tuple[tuple[str, ...], list[tuple[str, str, str, str]]]:
        """The header and the counts as text: `export.write_csv_rows(*stats.table(), path)`."""
        rows = [(r.day.isoformat(), r.event, r.subject, str(r.count)) for r in self.days(since)]
        return HEADER, rows
